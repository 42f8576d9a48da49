//! Server functions: thin. Each one authorises through the guard, calls a
//! service and passes the result through `respond`, which gives errors their
//! HTTP status. Endpoints are fixed so that tests and scripts can call them.

pub mod admin;
pub mod auth;
pub mod calibration;
pub mod calls;
pub mod complaints;
pub mod continuum;
pub mod development;
pub mod frameworks;
pub mod home;
pub mod insight;
pub mod kpi;
pub mod reviews;
pub mod sampling;
