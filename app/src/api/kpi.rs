use crate::error::AppError;
use crate::types::{KpiFigures, KpiQuery, QualityView};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{guard, respond, services::kpi};

/// Service KPIs over the calls the caller may see, by period.
#[server(endpoint = "kpi/figures", input = Json)]
pub async fn get_kpis(query: KpiQuery) -> Result<KpiFigures, AppError> {
    respond(async { kpi::figures(&guard::ctx().await?, query).await }.await)
}

/// Review score trends, the agents × behaviours heatmap and score
/// reliability over the calls the caller may see.
#[server(endpoint = "kpi/quality", input = Json)]
pub async fn get_quality(query: KpiQuery) -> Result<QualityView, AppError> {
    respond(async { kpi::quality(&guard::ctx().await?, query).await }.await)
}
