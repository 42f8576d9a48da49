//! Domain rules in plain Rust: no web, database or UI types in any
//! signature here, so every rule can be unit-tested on its own.

pub mod access;
pub mod agreement;
pub mod benchmark;
pub mod call_import;
pub mod calls;
pub mod complaints;
pub mod continuum;
pub mod csv_import;
pub mod export;
pub mod framework;
pub mod ideas;
pub mod insight;
pub mod kpi;
pub mod lifecycle;
pub mod local_time;
pub mod material;
pub mod media;
pub mod placement;
pub mod practice;
pub mod review_import;
pub mod roles;
// The draw runs on the server, so its generator stays out of the wasm bundle.
#[cfg(feature = "ssr")]
pub mod sampling;
pub mod scoring;
pub mod targets;
pub mod throttle;
pub mod transcript;
pub mod validation;
