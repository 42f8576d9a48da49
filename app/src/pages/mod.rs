//! One module per page.

pub mod account;
pub mod calibration;
pub mod call;
pub mod calls;
pub mod complaints;
pub mod continuum;
pub mod continuum_model;
pub mod development;
pub mod frameworks;
pub mod home;
pub mod invite;
pub mod kpis;
pub mod landing;
pub mod login;
pub mod not_found;
pub mod people;
pub mod practice;
pub mod review;
pub mod sampling;
pub mod self_assessment;
pub mod signup;
pub mod targets;
pub mod teams;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Where to go after logging in: the `next` query parameter when it is a
/// local path, home otherwise (never an open redirect).
pub(crate) fn next_path() -> String {
    let query = use_query_map();
    let next = query.with_untracked(|q| q.get("next")).unwrap_or_default();
    crate::domain::validation::safe_next(&next)
        .unwrap_or("/home")
        .to_string()
}
