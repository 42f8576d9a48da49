use crate::error::AppError;
use crate::types::{SampleList, SamplePreview, SampleRequest, SampleView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{guard, respond, services::sampling};

/// The samples the caller follows, and the teams they may draw from.
#[server(endpoint = "sampling/list", client = crate::ahead::DataClient)]
pub async fn list_samples() -> Result<SampleList, AppError> {
    respond(async { sampling::list(&guard::ctx().await?).await }.await)
}

/// The draw these rules give, with its seed; nothing is stored.
#[server(endpoint = "sampling/preview", input = Json)]
pub async fn preview_sample(request: SampleRequest) -> Result<SamplePreview, AppError> {
    respond(async { sampling::preview(&guard::ctx().await?, request).await }.await)
}

/// Stores the previewed draw; `assignments`: (call id, coach id or none).
#[server(endpoint = "sampling/accept", input = Json)]
pub async fn accept_sample(
    request: SampleRequest,
    assignments: Vec<(i32, Option<i32>)>,
) -> Result<i32, AppError> {
    respond(async { sampling::accept(&guard::ctx().await?, request, assignments).await }.await)
}

#[server(endpoint = "sampling/get")]
pub async fn get_sample(id: i32) -> Result<SampleView, AppError> {
    respond(async { sampling::view(&guard::ctx().await?, id).await }.await)
}

/// A leader gives a sampled call to another coach (none: unassigned) and
/// sets its due date.
#[server(endpoint = "sampling/reassign")]
pub async fn reassign_sampled_call(
    id: i32,
    call_id: i32,
    coach_id: Option<i32>,
    due_on: String,
) -> Result<(), AppError> {
    respond(
        async { sampling::reassign(&guard::ctx().await?, id, call_id, coach_id, &due_on).await }
            .await,
    )
}
