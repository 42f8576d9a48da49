//! SeaORM entities, one per table. Relations are expressed in queries, not
//! here: every query must also filter by organisation.

pub mod audit;
pub mod call;
pub mod continuum_action;
pub mod continuum_answer;
pub mod continuum_assessment;
pub mod continuum_cell;
pub mod continuum_model;
pub mod continuum_respondent;
pub mod continuum_statement;
pub mod framework;
pub mod framework_behaviour;
pub mod framework_cluster;
pub mod invitation;
pub mod login_failure;
pub mod notification;
pub mod organization;
pub mod practice_behaviour;
pub mod practice_session;
pub mod review;
pub mod review_evidence;
pub mod review_rating;
pub mod self_assessment;
pub mod self_rating;
pub mod session;
pub mod target;
pub mod target_checkin;
pub mod team;
pub mod team_member;
pub mod user;
