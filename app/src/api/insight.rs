use crate::domain::insight::Outcome;
use crate::error::AppError;
use crate::types::{CoachingView, InsightView, KpiQuery, TargetEffects};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{guard, respond, services::kpi};

/// Which behaviours go with satisfied customers (or promoters) over the
/// scored calls the caller may see.
#[server(endpoint = "insight/satisfaction", input = Json)]
pub async fn get_insight(query: KpiQuery, outcome: Outcome) -> Result<InsightView, AppError> {
    respond(async { kpi::insight(&guard::ctx().await?, query, outcome).await }.await)
}

/// The targets set in the period with their measured effect.
#[server(endpoint = "insight/target-effects", input = Json)]
pub async fn get_target_effects(query: KpiQuery) -> Result<TargetEffects, AppError> {
    respond(async { kpi::target_effects(&guard::ctx().await?, query).await }.await)
}

/// One agent's behaviours before against after a coaching date (blank: the
/// latest target, or thirty days ago).
#[server(endpoint = "insight/agent-coaching", input = Json)]
pub async fn get_agent_coaching(
    agent_id: i32,
    on: Option<String>,
) -> Result<CoachingView, AppError> {
    respond(async { kpi::agent_coaching(&guard::ctx().await?, agent_id, on).await }.await)
}
