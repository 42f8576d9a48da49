//! People: signing up and in, the organisation's users and invitations,
//! and teams with their members.

pub mod auth;
pub mod settings;
pub mod teams;
pub mod users;
