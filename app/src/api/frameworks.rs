// Server functions take one argument per form field.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use crate::types::{FrameworkSummary, FrameworkView};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{guard, respond, services::frameworks};

#[server(endpoint = "frameworks/list")]
pub async fn list_frameworks() -> Result<Vec<FrameworkSummary>, AppError> {
    respond(async { frameworks::list(&guard::ctx().await?).await }.await)
}

#[server(endpoint = "frameworks/get")]
pub async fn get_framework(id: i32) -> Result<FrameworkView, AppError> {
    respond(async { frameworks::get(&guard::ctx().await?, id).await }.await)
}

/// Without an id: the version in use.
#[server(endpoint = "frameworks/show")]
pub async fn show_framework(id: Option<i32>) -> Result<FrameworkView, AppError> {
    respond(async { frameworks::show(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "frameworks/new_version")]
pub async fn new_framework_version(from_id: i32) -> Result<i32, AppError> {
    respond(async { frameworks::new_version(&guard::ctx().await?, from_id).await }.await)
}

/// Indicators are one per line.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "frameworks/save_behaviour")]
pub async fn save_behaviour(
    framework_id: i32,
    behaviour_id: Option<i32>,
    cluster_id: i32,
    key: String,
    name: String,
    definition: String,
    positive: String,
    negative: String,
    weight: String,
    critical: bool,
    anchors: Vec<String>,
) -> Result<i32, AppError> {
    respond(
        async {
            use crate::domain::framework::{indicator_lines, BehaviourDoc};
            let cx = guard::ctx().await?;
            let weight: u32 = weight.trim().parse().map_err(|_| {
                AppError::invalid(
                    "weight",
                    format!("\"{}\" is not a whole number.", weight.trim()),
                )
            })?;
            let doc = BehaviourDoc {
                key: key.trim().to_string(),
                name,
                definition,
                positive: indicator_lines(&positive),
                negative: indicator_lines(&negative),
                weight,
                critical,
                anchors,
            };
            frameworks::save_behaviour(
                &cx,
                frameworks::BehaviourInput {
                    framework_id,
                    behaviour_id,
                    cluster_id,
                    doc,
                },
            )
            .await
        }
        .await,
    )
}

/// Without a cluster id: adds a cluster to the draft.
#[server(endpoint = "frameworks/save_cluster")]
pub async fn save_cluster(
    framework_id: i32,
    cluster_id: Option<i32>,
    name: String,
    description: String,
) -> Result<i32, AppError> {
    respond(
        async {
            frameworks::save_cluster(
                &guard::ctx().await?,
                framework_id,
                cluster_id,
                &name,
                &description,
            )
            .await
        }
        .await,
    )
}

#[server(endpoint = "frameworks/delete_behaviour")]
pub async fn delete_behaviour(framework_id: i32, behaviour_id: i32) -> Result<(), AppError> {
    respond(
        async {
            frameworks::delete_behaviour(&guard::ctx().await?, framework_id, behaviour_id).await
        }
        .await,
    )
}

#[server(endpoint = "frameworks/publish")]
pub async fn publish_framework(id: i32) -> Result<(), AppError> {
    respond(async { frameworks::publish(&guard::ctx().await?, id).await }.await)
}

#[server(endpoint = "frameworks/discard")]
pub async fn discard_framework(id: i32) -> Result<(), AppError> {
    respond(async { frameworks::discard(&guard::ctx().await?, id).await }.await)
}
