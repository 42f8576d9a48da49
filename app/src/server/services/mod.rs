//! What the server functions do, one module per area. Each public function
//! takes the already-authorised caller (or none, for sign-up and login) and
//! returns the app's error type.

pub mod auth;
pub mod calls;
pub mod continuum;
pub mod continuum_model;
pub mod development;
pub mod frameworks;
pub mod home;
pub mod people;
pub mod reviews;
pub mod targets;
pub mod teams;
pub mod versions;
