// Server functions take one argument per form field.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use crate::types::{CallDetail, CallFilter, CallPage, CallScope, ImportOutcome};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{guard, respond, services::calls};

#[server(endpoint = "calls/list", input = Json)]
pub async fn list_calls(filter: CallFilter) -> Result<CallPage, AppError> {
    respond(async { calls::list(&guard::ctx().await?, filter).await }.await)
}

#[server(endpoint = "calls/options", client = crate::ahead::DataClient)]
pub async fn call_options() -> Result<CallScope, AppError> {
    respond(async { calls::options(&guard::ctx().await?).await }.await)
}

#[server(endpoint = "calls/get")]
pub async fn get_call(id: i32) -> Result<CallDetail, AppError> {
    respond(async { calls::detail(&guard::ctx().await?, id).await }.await)
}

#[allow(clippy::too_many_arguments)]
#[server(endpoint = "calls/create")]
pub async fn create_call(
    agent_id: i32,
    occurred_at: String,
    channel: String,
    duration_seconds: String,
    csat: String,
    likelihood_to_recommend: String,
    resolved: String,
    resolution_minutes: String,
    first_response_seconds: String,
    abandoned: String,
    complaint: String,
    rectification: String,
    follow_up_on: String,
    reference: String,
) -> Result<i32, AppError> {
    respond(
        async {
            let cx = guard::ctx().await?;
            let raw = crate::domain::calls::RawCall {
                occurred_at: &occurred_at,
                channel: &channel,
                duration_seconds: &duration_seconds,
                csat: &csat,
                likelihood_to_recommend: &likelihood_to_recommend,
                resolved: &resolved,
                resolution_minutes: &resolution_minutes,
                first_response_seconds: &first_response_seconds,
                abandoned: &abandoned,
                complaint: &complaint,
                rectification: &rectification,
                follow_up_on: &follow_up_on,
            };
            calls::create(
                &cx,
                calls::NewCall {
                    agent_id,
                    raw,
                    reference: &reference,
                },
            )
            .await
        }
        .await,
    )
}

/// Checks a CSV export; with `commit`, imports it when nothing is wrong.
#[server(endpoint = "calls/import", input = Json)]
pub async fn import_calls(csv: String, commit: bool) -> Result<ImportOutcome, AppError> {
    respond(async { calls::import(&guard::ctx().await?, &csv, commit).await }.await)
}

#[server(endpoint = "calls/set_transcript")]
pub async fn set_transcript(call_id: i32, text: String) -> Result<usize, AppError> {
    respond(async { calls::set_transcript(&guard::ctx().await?, call_id, &text).await }.await)
}
