//! The practices continuum: assessments, answers, results and action plans,
//! and the model's wording. Leaders and admins of the organisation only;
//! only admins reword the model.

use crate::error::AppError;
use crate::types::{ContinuumAssessmentView, ContinuumHome, ContinuumModelView, StatementEdit};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{
    guard, respond,
    services::{continuum, continuum_model},
};

#[server(endpoint = "continuum/home", client = crate::ahead::DataClient)]
pub async fn get_continuum_home() -> Result<ContinuumHome, AppError> {
    respond(async { continuum::home(&guard::ctx().await?).await }.await)
}

#[server(endpoint = "continuum/start")]
pub async fn start_assessment(title: String, team_id: Option<i32>) -> Result<i32, AppError> {
    respond(async { continuum::start(&guard::ctx().await?, &title, team_id).await }.await)
}

#[server(endpoint = "continuum/get")]
pub async fn get_assessment(id: i32) -> Result<ContinuumAssessmentView, AppError> {
    respond(async { continuum::view(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "continuum/invite")]
pub async fn invite_respondent(id: i32, user_id: i32) -> Result<(), AppError> {
    respond(async { continuum::invite(&guard::ctx().await?, id, user_id).await }.await)
}

#[server(endpoint = "continuum/answer")]
pub async fn answer_statement(
    id: i32,
    statement_id: i32,
    answer: String,
    note: String,
) -> Result<(), AppError> {
    respond(
        async { continuum::answer(&guard::ctx().await?, id, statement_id, &answer, &note).await }
            .await,
    )
}

#[server(endpoint = "continuum/submit")]
pub async fn submit_answers(id: i32) -> Result<(), AppError> {
    respond(async { continuum::submit_mine(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "continuum/complete")]
pub async fn complete_assessment(id: i32) -> Result<(), AppError> {
    respond(async { continuum::complete(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "continuum/add_action")]
pub async fn add_action(
    id: i32,
    statement_id: Option<i32>,
    title: String,
    owner_id: Option<i32>,
    due_on: String,
) -> Result<i32, AppError> {
    respond(
        async {
            continuum::add_action(
                &guard::ctx().await?,
                id,
                statement_id,
                &title,
                owner_id,
                &due_on,
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "continuum/action_status")]
pub async fn set_action_status(action_id: i32, status: String) -> Result<(), AppError> {
    respond(
        async { continuum::set_action_status(&guard::ctx().await?, action_id, &status).await }
            .await,
    )
}

/// One version of the model; `None`: the admin's draft or the published one.
#[server(endpoint = "continuum/model")]
pub async fn get_continuum_model(id: Option<i32>) -> Result<ContinuumModelView, AppError> {
    respond(async { continuum_model::view(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "continuum/model_new_version")]
pub async fn new_continuum_model_version() -> Result<i32, AppError> {
    respond(async { continuum_model::new_version(&guard::ctx().await?).await }.await)
}

#[server(endpoint = "continuum/model_save_cell", input = Json)]
pub async fn save_continuum_cell(
    model_id: i32,
    cell_id: i32,
    description: String,
    statements: Vec<StatementEdit>,
) -> Result<(), AppError> {
    respond(
        async {
            continuum_model::save_cell(
                &guard::ctx().await?,
                model_id,
                cell_id,
                &description,
                statements,
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "continuum/model_publish")]
pub async fn publish_continuum_model(id: i32) -> Result<(), AppError> {
    respond(async { continuum_model::publish(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "continuum/model_discard")]
pub async fn discard_continuum_model(id: i32) -> Result<(), AppError> {
    respond(async { continuum_model::discard(&guard::ctx().await?, id).await }.await)
}
