use crate::domain::lifecycle::{DisputeOutcome, EvidenceKind};
use crate::domain::scoring::{Rating, ScoreOutcome};
use crate::error::AppError;
use crate::types::{HistoryOutcome, NotificationView, ReviewQueue, ReviewView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{guard, respond, services::reviews};

#[server(endpoint = "reviews/start")]
pub async fn start_review(call_id: i32) -> Result<i32, AppError> {
    respond(async { reviews::start(&guard::ctx().await?, call_id).await }.await)
}

#[server(endpoint = "reviews/get")]
pub async fn get_review(id: i32) -> Result<ReviewView, AppError> {
    respond(async { reviews::view(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "reviews/save", input = Json)]
pub async fn save_review(
    id: i32,
    ratings: Vec<(i32, Rating)>,
    strengths: String,
    development: String,
) -> Result<ScoreOutcome, AppError> {
    respond(
        async { reviews::save(&guard::ctx().await?, id, ratings, &strengths, &development).await }
            .await,
    )
}

#[server(endpoint = "reviews/add_evidence", input = Json)]
pub async fn add_evidence(
    id: i32,
    behaviour_id: Option<i32>,
    kind: EvidenceKind,
    at_ms: Option<i32>,
    cue_index: Option<i32>,
    note: String,
) -> Result<i32, AppError> {
    respond(
        async {
            reviews::add_evidence(
                &guard::ctx().await?,
                id,
                reviews::NewEvidence {
                    behaviour_id,
                    kind,
                    at_ms,
                    cue_index,
                    note,
                },
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "reviews/remove_evidence")]
pub async fn remove_evidence(id: i32, evidence_id: i32) -> Result<(), AppError> {
    respond(async { reviews::remove_evidence(&guard::ctx().await?, id, evidence_id).await }.await)
}

#[server(endpoint = "reviews/submit")]
pub async fn submit_review(id: i32) -> Result<(), AppError> {
    respond(async { reviews::submit(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "reviews/acknowledge")]
pub async fn acknowledge_review(id: i32) -> Result<(), AppError> {
    respond(async { reviews::acknowledge(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "reviews/dispute")]
pub async fn dispute_review(id: i32, reason: String) -> Result<(), AppError> {
    respond(async { reviews::dispute(&guard::ctx().await?, id, &reason).await }.await)
}

#[server(endpoint = "reviews/resolve", input = Json)]
pub async fn resolve_dispute(
    id: i32,
    outcome: DisputeOutcome,
    note: String,
    ratings: Vec<(i32, Rating)>,
) -> Result<(), AppError> {
    respond(
        async { reviews::resolve(&guard::ctx().await?, id, outcome, &note, ratings).await }.await,
    )
}

#[server(endpoint = "reviews/queue", client = crate::ahead::DataClient)]
pub async fn get_review_queue() -> Result<ReviewQueue, AppError> {
    respond(async { reviews::queue(&guard::ctx().await?).await }.await)
}

#[server(endpoint = "notifications/list", client = crate::ahead::DataClient)]
pub async fn list_notifications() -> Result<Vec<NotificationView>, AppError> {
    respond(async { reviews::notifications(&guard::ctx().await?).await }.await)
}

#[server(endpoint = "notifications/read")]
pub async fn mark_notification_read(id: i32) -> Result<(), AppError> {
    respond(async { reviews::mark_read(&guard::ctx().await?, id).await }.await)
}

/// Checks a review-history file against a framework version (blank: the
/// current one); with `commit`, imports it when nothing is wrong.
#[server(endpoint = "reviews/import-history", input = Json)]
pub async fn import_history(
    csv: String,
    version: Option<i32>,
    commit: bool,
) -> Result<HistoryOutcome, AppError> {
    respond(
        async { reviews::import_history(&guard::ctx().await?, &csv, version, commit).await }.await,
    )
}
