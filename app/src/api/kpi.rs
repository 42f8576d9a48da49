use crate::error::AppError;
use crate::types::{KpiFigures, KpiQuery};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{guard, respond, services::kpi};

/// Service KPIs over the calls the caller may see, by period.
#[server(endpoint = "kpi/figures", input = Json)]
pub async fn get_kpis(query: KpiQuery) -> Result<KpiFigures, AppError> {
    respond(async { kpi::figures(&guard::ctx().await?, query).await }.await)
}
