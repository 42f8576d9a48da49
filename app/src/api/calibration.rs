use crate::domain::scoring::Rating;
use crate::error::AppError;
use crate::types::{CalibrationList, CalibrationOptions, CalibrationSessionView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{guard, respond, services::calibration};

#[server(endpoint = "calibration/list", client = crate::ahead::DataClient)]
pub async fn list_calibrations() -> Result<CalibrationList, AppError> {
    respond(async { calibration::list(&guard::ctx().await?).await }.await)
}

#[server(endpoint = "calibration/options")]
pub async fn get_calibration_options() -> Result<CalibrationOptions, AppError> {
    respond(async { calibration::options(&guard::ctx().await?).await }.await)
}

#[server(endpoint = "calibration/create", input = Json)]
pub async fn create_calibration(
    title: String,
    due_on: String,
    calls: Vec<i32>,
    participants: Vec<i32>,
) -> Result<i32, AppError> {
    respond(
        async {
            calibration::create(
                &guard::ctx().await?,
                calibration::NewSession {
                    title: &title,
                    due_on: &due_on,
                    call_ids: calls,
                    participant_ids: participants,
                },
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "calibration/get")]
pub async fn get_calibration(id: i32) -> Result<CalibrationSessionView, AppError> {
    respond(async { calibration::view(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "calibration/score")]
pub async fn score_calibration_call(id: i32, call_id: i32) -> Result<i32, AppError> {
    respond(async { calibration::start_review(&guard::ctx().await?, id, call_id).await }.await)
}

#[server(endpoint = "calibration/close")]
pub async fn close_calibration(id: i32) -> Result<(), AppError> {
    respond(async { calibration::close(&guard::ctx().await?, id).await }.await)
}

/// `references`: (call id, behaviour id, agreed rating or none).
#[server(endpoint = "calibration/record", input = Json)]
pub async fn record_calibration(
    id: i32,
    references: Vec<(i32, i32, Option<Rating>)>,
    note: String,
) -> Result<(), AppError> {
    respond(async { calibration::record(&guard::ctx().await?, id, references, &note).await }.await)
}

/// Agreement over the last `months` (3, 6 or 12).
#[server(endpoint = "calibration/agreement")]
pub async fn get_agreement(months: i64) -> Result<crate::types::AgreementView, AppError> {
    respond(async { calibration::agreement(&guard::ctx().await?, months).await }.await)
}
