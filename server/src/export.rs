//! Tables as CSV downloads: `GET /export/{table}.csv` with the page's own
//! query. Each export calls the service behind its page, so it refuses
//! exactly what the page would refuse, and the body is sent in parts as
//! it is written.

use app::domain::ideas::IdeaStatus;
use app::domain::insight::Outcome;
use app::error::AppError;
use app::server::guard::user_for_session;
use app::server::kernel::csv::CsvTable;
use app::server::kernel::Ctx;
use app::server::services::{calls, complaints, continuum, development, ideas, kpi, reviews};
use app::types::{CallFilter, ComplaintQuery, KpiQuery};
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use sea_orm::DatabaseConnection;
use std::collections::HashMap;
use tower_sessions::Session;

/// Rows per part of a streamed body.
const ROWS_PER_PART: usize = 500;

pub fn routes(db: DatabaseConnection) -> Router {
    Router::new()
        .route("/export/{table}", get(export))
        .with_state(db)
}

fn refuse(e: AppError) -> Response {
    let status = StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, Json(serde_json::json!({ "error": e.to_string() }))).into_response()
}

async fn export(
    State(db): State<DatabaseConnection>,
    session: Session,
    Path(table): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let caller = match user_for_session(&db, &session).await {
        Ok(Some(u)) => u,
        Ok(None) => return refuse(AppError::Unauthenticated),
        Err(e) => return refuse(e),
    };
    let today = caller.clock.today();
    let cx = Ctx::new(db, caller);
    let get = |k: &str| params.get(k).cloned();
    let made = match table.as_str() {
        "calls.csv" => calls::calls_csv(&cx, CallFilter::from_params(get)).await,
        "reviews.csv" => reviews::reviews_csv(&cx, CallFilter::from_params(get)).await,
        "benchmark.csv" => {
            development::benchmark_csv(&cx, number(get("agent")), number(get("days"))).await
        }
        "team.csv" => development::team_csv(&cx).await,
        "review-history-template.csv" => {
            reviews::history_template(&cx, number(get("version"))).await
        }
        "continuum.csv" => match number(get("id")) {
            Some(id) => continuum::assessment_csv(&cx, id).await,
            None => Err(AppError::not_found("That assessment")),
        },
        "kpis.csv" => kpi::csv(&cx, KpiQuery::from_params(get, today)).await,
        "complaints.csv" => complaints::complaints_csv(&cx, ComplaintQuery::from_params(get)).await,
        "ideas.csv" => {
            ideas::ideas_csv(&cx, get("status").and_then(|s| IdeaStatus::parse(&s))).await
        }
        "score-trends.csv" => kpi::score_trends_csv(&cx, KpiQuery::from_params(get, today)).await,
        "heatmap.csv" => kpi::heatmap_csv(&cx, KpiQuery::from_params(get, today)).await,
        "reliability.csv" => kpi::reliability_csv(&cx, KpiQuery::from_params(get, today)).await,
        "insight.csv" => {
            let outcome = get("outcome")
                .and_then(|o| Outcome::parse(&o))
                .unwrap_or(Outcome::Csat);
            kpi::insight_csv(&cx, KpiQuery::from_params(get, today), outcome).await
        }
        "target-effects.csv" => {
            kpi::target_effects_csv(&cx, KpiQuery::from_params(get, today)).await
        }
        "coaching.csv" => match number(get("agent")) {
            Some(agent) => kpi::agent_coaching_csv(&cx, agent, get("on")).await,
            None => Err(AppError::not_found("That agent")),
        },
        _ => Err(AppError::not_found("That export")),
    };
    match made {
        Ok(t) => download(t),
        Err(e) => refuse(e),
    }
}

/// A number in the query; anything else reads as absent.
fn number<T: std::str::FromStr>(v: Option<String>) -> Option<T> {
    v.and_then(|v| v.trim().parse().ok())
}

/// `attachment` with the name in ASCII for old clients and in UTF-8
/// (RFC 6266 / RFC 8187) for the rest, so "Ana López" keeps her accent.
fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

fn download(table: CsvTable) -> Response {
    let disposition = disposition(&table.file_name);
    let parts = table
        .parts(ROWS_PER_PART)
        .map(|p| p.map(Bytes::from).map_err(std::io::Error::other));
    let mut response = Body::from_stream(futures_util::stream::iter(parts)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn file_names_keep_their_letters_for_browsers_that_read_utf_8() {
        assert_eq!(
            disposition("rapport-kpis-ana-lópez.csv"),
            "attachment; filename=\"rapport-kpis-ana-l_pez.csv\"; filename*=UTF-8''rapport-kpis-ana-l%C3%B3pez.csv"
        );
    }
}
