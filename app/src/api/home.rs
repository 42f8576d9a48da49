use crate::error::AppError;
use crate::types::HomeOverview;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{guard, respond, services::home};

#[server(endpoint = "home", client = crate::ahead::DataClient)]
pub async fn get_home() -> Result<HomeOverview, AppError> {
    respond(async { home::overview(&guard::ctx().await?).await }.await)
}
