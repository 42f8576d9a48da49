//! What the server functions do, one module per feature. Each public
//! function takes the caller's context (`kernel::Ctx`: connection and
//! caller), or only a connection for signing up and logging in, and returns
//! the app's error type. Shared pieces live in `kernel`; the import rules
//! are checked by the `layering` tests.

pub mod calibration;
pub mod calls;
pub mod complaints;
pub mod continuum;
pub mod continuum_model;
pub mod development;
pub mod frameworks;
pub mod home;
pub mod ideas;
pub mod kpi;
pub mod people;
pub mod reviews;
pub mod sampling;
pub mod targets;

#[cfg(test)]
mod layering;
