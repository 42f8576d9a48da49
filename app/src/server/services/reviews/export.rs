//! The reviews of the calls a call-list filter selects, as CSV: one row per
//! submitted review with its score and a column per behaviour of the
//! current framework (matched by lineage, so older versions line up).
//! Drafts and calibration practice are not reviews of the agent yet.

use crate::domain::lifecycle::ReviewStatus;
use crate::domain::scoring::Rating;
use crate::error::AppError;
use crate::server::entities::{call, review, review_rating};
use crate::server::kernel::csv::CsvTable;
use crate::server::kernel::names::Names;
use crate::server::kernel::IN_LIST_CHUNK;
use crate::server::kernel::{Clock, Ctx};
use crate::server::services::calls::{filtered_ids, period_name};
use crate::server::services::development::{columns_of, current_framework};
use crate::types::CallFilter;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

const FIXED: [&str; 12] = [
    "Call occurred (UTC)",
    "Agent",
    "Team",
    "Coach",
    "Status",
    "Score",
    "Critical fail",
    "Submitted (UTC)",
    "Strengths",
    "To develop",
    "Review id",
    "Call id",
];

fn when(at: Option<DateTime<Utc>>, clock: &Clock) -> String {
    at.map_or(String::new(), |t| clock.stamp(t))
}

/// A level as its number, so a spreadsheet can average the column.
fn cell(r: Rating) -> String {
    match r {
        Rating::Level(l) => l.to_string(),
        Rating::Missed => "Missed".into(),
        Rating::NotApplicable => "N/A".into(),
    }
}

pub async fn reviews_csv(cx: &Ctx, filter: CallFilter) -> Result<CsvTable, AppError> {
    let (db, org) = (&cx.db, cx.caller.org_id);
    let ids = filtered_ids(cx, &filter).await?;
    let mut reviews = Vec::new();
    let mut occurred: HashMap<i32, DateTime<Utc>> = HashMap::new();
    for chunk in ids.chunks(IN_LIST_CHUNK) {
        reviews.extend(
            review::ordinary()
                .filter(review::Column::OrgId.eq(org))
                .filter(review::Column::CallId.is_in(chunk.to_vec()))
                .filter(review::Column::Status.ne(ReviewStatus::Draft))
                .order_by_desc(review::Column::SubmittedAt)
                .all(db)
                .await?,
        );
        occurred.extend(
            call::Entity::find()
                .select_only()
                .columns([call::Column::Id, call::Column::OccurredAt])
                .filter(call::Column::Id.is_in(chunk.to_vec()))
                .into_tuple::<(i32, DateTime<Utc>)>()
                .all(db)
                .await?,
        );
    }
    let fw = current_framework(db, org).await?;
    let lineages: Vec<String> = fw.behaviours().map(|b| b.lineage.clone()).collect();
    let column_of = columns_of(db, org, &lineages).await?;
    // Each review's ratings by column of the current framework.
    let mut ratings: HashMap<i32, Vec<Option<Rating>>> = HashMap::new();
    let review_ids: Vec<i32> = reviews.iter().map(|r| r.id).collect();
    for chunk in review_ids.chunks(IN_LIST_CHUNK) {
        for r in review_rating::Entity::find()
            .filter(review_rating::Column::ReviewId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            let column = usize::try_from(r.behaviour_id)
                .ok()
                .and_then(|b| column_of.get(b).copied().flatten());
            if let Some(column) = column {
                ratings
                    .entry(r.review_id)
                    .or_insert_with(|| vec![None; lineages.len()])[column] =
                    Rating::from_code(r.rating);
            }
        }
    }
    let names = Names::of_org(db, org).await?;
    // Times are the reader's, and the headings say in which zone.
    let zone = cx.caller.clock.zone_label();
    let mut header: Vec<String> = FIXED.iter().map(|h| h.replace("(UTC)", &zone)).collect();
    header.extend(fw.behaviours().map(|b| b.name.clone()));
    // Newest call first, as on the calls list.
    reviews.sort_by_key(|r| std::cmp::Reverse((occurred.get(&r.call_id).copied(), r.id)));
    let rows = reviews
        .iter()
        .map(|r| {
            let mut row = vec![
                when(occurred.get(&r.call_id).copied(), &cx.caller.clock),
                names.person(r.agent_id),
                names.team(r.team_id),
                names.person(r.coach_id),
                r.status.key().to_string(),
                r.score.map_or(String::new(), |s| format!("{s:.1}")),
                if r.critical_fail { "yes" } else { "no" }.to_string(),
                when(r.submitted_at, &cx.caller.clock),
                r.strengths.clone(),
                r.development.clone(),
                r.id.to_string(),
                r.call_id.to_string(),
            ];
            let theirs = ratings.get(&r.id);
            row.extend(
                (0..lineages.len()).map(|c| theirs.and_then(|t| t[c]).map_or(String::new(), cell)),
            );
            row
        })
        .collect();
    Ok(CsvTable {
        file_name: format!(
            "rapport-reviews-{}.csv",
            period_name(&filter, cx.caller.clock.today())
        ),
        header,
        rows,
    })
}
