//! Integration tests: the real server over HTTP, on SQLite by default and on
//! PostgreSQL when TEST_DATABASE_URL is set.

mod common;

mod auth;
mod calibration;
mod complaints;
mod continuum;
mod development;
mod exports;
mod forms;
mod harness;
mod http;
mod insight;
mod kpi;
mod lists;
mod people;
mod quality;
mod reviews;
mod rollup;
mod sampling;
mod scale_out;
mod sweep;
mod tenancy;
mod time_zones;
