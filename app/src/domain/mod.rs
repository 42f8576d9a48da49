//! Domain rules in plain Rust: no web, database or UI types in any
//! signature here, so every rule can be unit-tested on its own.

pub mod roles;
pub mod throttle;
pub mod validation;
