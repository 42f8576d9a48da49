//! The calls list as CSV: every call the filters select (not one page),
//! with the outcome data as imported, so a spreadsheet can take over.

use super::list::filtered;
use crate::error::AppError;
use crate::server::entities::call;
use crate::server::kernel::csv::CsvTable;
use crate::server::kernel::names::Names;
use crate::server::kernel::Ctx;
use crate::types::CallFilter;
use sea_orm::QuerySelect;

/// The most calls one download holds; narrow the filters for more.
pub const MAX_EXPORT_ROWS: u64 = 200_000;

const HEADER: [&str; 18] = [
    "Occurred (UTC)",
    "Agent",
    "Team",
    "Channel",
    "Duration (s)",
    "CSAT",
    "Likelihood to recommend",
    "Resolved",
    "Resolution (min)",
    "First response (s)",
    "Abandoned",
    "Complaint",
    "Rectification",
    "Follow-up on",
    "Reference",
    "Recording",
    "Reviewed",
    "Call id",
];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

/// The ids of the calls the filters select (at most [`MAX_EXPORT_ROWS`]),
/// newest first, for an export of what belongs to them.
pub async fn filtered_ids(cx: &Ctx, filter: &CallFilter) -> Result<Vec<i32>, AppError> {
    Ok(filtered(cx, filter)
        .await?
        .select_only()
        .column(call::Column::Id)
        .limit(MAX_EXPORT_ROWS)
        .into_tuple::<i32>()
        .all(&cx.db)
        .await?)
}

/// The file name's "from … to …" for a filter.
pub fn period_name(filter: &CallFilter, today: chrono::NaiveDate) -> String {
    let today = today.to_string();
    format!(
        "{}-to-{}",
        filter.from.as_deref().unwrap_or("start"),
        filter.to.as_deref().unwrap_or(&today)
    )
}

pub async fn calls_csv(cx: &Ctx, filter: CallFilter) -> Result<CsvTable, AppError> {
    let rows = filtered(cx, &filter)
        .await?
        .limit(MAX_EXPORT_ROWS)
        .all(&cx.db)
        .await?;
    let names = Names::of_org(&cx.db, cx.caller.org_id).await?;
    Ok(CsvTable {
        file_name: format!(
            "rapport-calls-{}.csv",
            period_name(&filter, cx.caller.clock.today())
        ),
        header: HEADER
            .iter()
            .map(|h| h.replace("(UTC)", &cx.caller.clock.zone_label()))
            .collect(),
        rows: rows
            .iter()
            .map(|c| {
                vec![
                    cx.caller.clock.stamp(c.occurred_at),
                    names.person(c.agent_id),
                    names.team(c.team_id),
                    c.channel.key().to_string(),
                    c.duration_seconds.to_string(),
                    opt(c.csat),
                    opt(c.likelihood_to_recommend),
                    c.resolved.map_or(String::new(), yes_no),
                    opt(c.resolution_minutes),
                    opt(c.first_response_seconds),
                    yes_no(c.abandoned),
                    yes_no(c.complaint),
                    c.rectification
                        .map_or(String::new(), |r| r.key().to_string()),
                    opt(c.follow_up_on),
                    c.reference.clone().unwrap_or_default(),
                    yes_no(c.recording_key.is_some()),
                    yes_no(c.reviewed),
                    c.id.to_string(),
                ]
            })
            .collect(),
    })
}
