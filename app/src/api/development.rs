//! The agent's development: benchmark, self-assessment, targets, practice
//! and the coach's team view. `agent_id: None` means the caller themself
//! (or, for a coach, the first agent they coach).
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use crate::types::{
    BenchmarkView, PracticeLog, SelfAssessmentForm, SelfAssessmentHistory, TargetForm, TargetView,
    TeamOrder, TeamOverview,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{
    guard, respond,
    services::{development, targets},
};

#[server(endpoint = "development/benchmark")]
pub async fn get_benchmark(
    agent_id: Option<i32>,
    days: Option<i64>,
) -> Result<BenchmarkView, AppError> {
    respond(async { development::benchmark(&guard::ctx().await?, agent_id, days).await }.await)
}

#[server(endpoint = "development/self_assessment_form", client = crate::ahead::DataClient)]
pub async fn get_self_assessment_form() -> Result<SelfAssessmentForm, AppError> {
    respond(async { development::self_assessment_form(&guard::ctx().await?).await }.await)
}

/// `ratings`: (behaviour id, level 1–5, example).
#[server(endpoint = "development/save_self_assessment", input = Json)]
pub async fn save_self_assessment(ratings: Vec<(i32, i16, String)>) -> Result<i32, AppError> {
    respond(async { development::save_self_assessment(&guard::ctx().await?, ratings).await }.await)
}

#[server(endpoint = "development/self_assessments")]
pub async fn get_self_assessments(
    agent_id: Option<i32>,
) -> Result<SelfAssessmentHistory, AppError> {
    respond(
        async { development::self_assessment_history(&guard::ctx().await?, agent_id).await }.await,
    )
}

/// The team view as it opens: everyone in reach, widest blind spots first.
/// No arguments, so a navigation can fetch it ahead of the page's code.
#[server(endpoint = "development/team", client = crate::ahead::DataClient)]
pub async fn get_team_overview() -> Result<TeamOverview, AppError> {
    respond(async { development::team_view(&guard::ctx().await?, &Default::default()).await }.await)
}

/// The team view for one team (`None`: everyone), in `order`, the first
/// `shown` agents.
#[server(endpoint = "development/team_view")]
pub async fn get_team_view(
    team: Option<String>,
    order: TeamOrder,
    shown: usize,
) -> Result<TeamOverview, AppError> {
    let view = crate::types::TeamView { team, order, shown };
    respond(async { development::team_view(&guard::ctx().await?, &view).await }.await)
}

#[server(endpoint = "targets/form")]
pub async fn get_target_form(agent_id: Option<i32>) -> Result<TargetForm, AppError> {
    respond(async { targets::target_form(&guard::ctx().await?, agent_id).await }.await)
}

#[server(endpoint = "targets/create")]
pub async fn create_target(
    agent_id: i32,
    behaviour_id: i32,
    level: i16,
    due_on: String,
    plan: String,
) -> Result<i32, AppError> {
    respond(
        async {
            targets::create_target(
                &guard::ctx().await?,
                agent_id,
                behaviour_id,
                level,
                &due_on,
                &plan,
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "targets/get")]
pub async fn get_target(id: i32) -> Result<TargetView, AppError> {
    respond(async { targets::view(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "targets/agree")]
pub async fn agree_target(id: i32, comment: String) -> Result<(), AppError> {
    respond(async { targets::agree(&guard::ctx().await?, id, &comment).await }.await)
}

#[server(endpoint = "targets/check_in")]
pub async fn check_in_target(id: i32, note: String) -> Result<(), AppError> {
    respond(async { targets::check_in(&guard::ctx().await?, id, &note).await }.await)
}

#[server(endpoint = "practice/list")]
pub async fn get_practice_log(agent_id: Option<i32>) -> Result<PracticeLog, AppError> {
    respond(async { targets::practice_log(&guard::ctx().await?, agent_id).await }.await)
}

#[server(endpoint = "practice/log", input = Json)]
pub async fn log_practice(
    practised_on: String,
    kind: String,
    behaviours: Vec<String>,
    scenario: String,
    rater: String,
    peer_name: String,
    rating: i16,
    reflection: String,
) -> Result<i32, AppError> {
    respond(
        async {
            targets::log_practice(
                &guard::ctx().await?,
                targets::NewPractice {
                    practised_on,
                    kind,
                    lineages: behaviours,
                    scenario,
                    rater,
                    peer_name,
                    rating,
                    reflection,
                },
            )
            .await
        }
        .await,
    )
}
