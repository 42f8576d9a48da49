//! SeaORM entities, one per table. Relations are expressed in queries, not
//! here: every query must also filter by organisation.

pub mod invitation;
pub mod login_failure;
pub mod organization;
pub mod session;
pub mod team;
pub mod team_member;
pub mod user;
