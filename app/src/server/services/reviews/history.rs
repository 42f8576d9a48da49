//! Review history from another QA tool: checked line by line, then
//! imported all at once. Imported reviews keep the framework version they
//! were scored on, count as ordinary reviews in every figure, are marked
//! as imported, and never ask the agent to respond.

use super::scoring::write_audit;
use crate::domain::access::{permits_any, Action};
use crate::domain::csv_import::RowProblem;
use crate::domain::lifecycle::{ReviewEvent, ReviewStatus, VersionStatus};
use crate::domain::review_import::{self, CallOf, HistoryRow};
use crate::domain::scoring::{score, ScoredItem};
use crate::error::AppError;
use crate::server::entities::{call, framework, review, review_rating};
use crate::server::kernel::csv::CsvTable;
use crate::server::kernel::{kpi_rollup, quality_rollup, Ctx, Visibility};
use crate::server::services::calls::{model_of, resolve_rows};
use crate::server::services::frameworks::{self, view_of};
use crate::server::services::targets::refresh_statuses;
use crate::types::{FrameworkView, HistoryOutcome};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Most problems reported at once: enough to fix a file in one go.
const MAX_PROBLEMS: usize = 200;

/// The framework version the history was scored on: the one named, if it
/// was ever published, or the current one.
async fn version_of(
    db: &impl ConnectionTrait,
    org_id: i32,
    version: Option<i32>,
) -> Result<FrameworkView, AppError> {
    let fw = match version {
        None => frameworks::current(db, org_id).await?,
        Some(v) => framework::Entity::find()
            .filter(framework::Column::OrgId.eq(org_id))
            .filter(framework::Column::Version.eq(v))
            .filter(framework::Column::Status.ne(VersionStatus::Draft))
            .one(db)
            .await?
            .ok_or_else(|| {
                AppError::invalid(
                    "version",
                    format!(
                        "There is no published framework version {v}: choose one from the list."
                    ),
                )
            })?,
    };
    view_of(db, fw).await
}

/// The template for a version: its behaviour keys as columns.
pub async fn history_template(cx: &Ctx, version: Option<i32>) -> Result<CsvTable, AppError> {
    cx.caller.require(Action::ImportReviews)?;
    let fw = version_of(&cx.db, cx.caller.org_id, version).await?;
    let keys: Vec<String> = fw.behaviours().map(|b| b.key.clone()).collect();
    let (header, rows) = review_import::template(&keys);
    Ok(CsvTable {
        file_name: format!("rapport-review-history-template-v{}.csv", fw.version),
        header,
        rows,
    })
}

/// A line's call, resolved: an existing call, or a new one to add for this
/// team and agent.
enum Target {
    Existing(call::Model),
    New(i32, i32),
}

pub async fn import_history(
    cx: &Ctx,
    text: &str,
    version: Option<i32>,
    commit: bool,
) -> Result<HistoryOutcome, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ImportReviews)?;
    let fw = version_of(db, caller.org_id, version).await?;
    let behaviours: Vec<_> = fw.behaviours().cloned().collect();
    let keys: Vec<String> = behaviours.iter().map(|b| b.key.clone()).collect();
    let mut outcome = HistoryOutcome {
        reviews: 0,
        new_calls: 0,
        existing_calls: 0,
        coaches: 0,
        first: None,
        last: None,
        version: fw.version,
        committed: false,
        problems: vec![],
    };
    // Times without an offset are the organisation's, as in the call import.
    let rows = match review_import::parse(text, &keys, Utc::now(), &caller.clock.org_zone()) {
        Ok(rows) => rows,
        Err(problems) => {
            outcome.problems = problems;
            return Ok(outcome);
        }
    };
    let (targets, coaches) = match resolve(db, cx, &rows).await? {
        Ok(resolved) => resolved,
        Err(problems) => {
            outcome.problems = problems;
            return Ok(outcome);
        }
    };
    outcome.reviews = rows.len();
    outcome.new_calls = targets
        .iter()
        .filter(|t| matches!(t, Target::New(..)))
        .count();
    outcome.existing_calls = targets
        .iter()
        .filter_map(|t| match t {
            Target::Existing(c) => Some(c.id),
            Target::New(..) => None,
        })
        .collect::<HashSet<_>>()
        .len();
    outcome.coaches = coaches.iter().collect::<HashSet<_>>().len();
    outcome.first = rows
        .iter()
        .map(|r| r.reviewed_at)
        .min()
        .map(|t| caller.clock.day(t));
    outcome.last = rows
        .iter()
        .map(|r| r.reviewed_at)
        .max()
        .map(|t| caller.clock.day(t));
    if commit {
        let txn = db.begin().await?;
        write(&txn, cx, &fw, &rows, targets, &coaches).await?;
        txn.commit().await?;
        outcome.committed = true;
        tracing::info!(
            org_id = caller.org_id,
            reviews = rows.len(),
            "review history imported"
        );
    }
    Ok(outcome)
}

/// Each line's call and coach, or every problem found.
async fn resolve(
    db: &impl ConnectionTrait,
    cx: &Ctx,
    rows: &[HistoryRow],
) -> Result<Result<(Vec<Target>, Vec<i32>), Vec<RowProblem>>, AppError> {
    let caller = &cx.caller;
    let mut problems = vec![];
    let new_rows: Vec<_> = rows
        .iter()
        .filter_map(|r| match &r.call {
            CallOf::New(c) => Some(c.as_ref()),
            CallOf::Existing(_) => None,
        })
        .collect();
    let scope = Visibility::of(db, caller).await?;
    let mut new_calls = match resolve_rows(db, caller, &scope, &new_rows).await? {
        Ok(resolved) => resolved.into_iter(),
        Err(p) => {
            problems.extend(p);
            Vec::new().into_iter()
        }
    };
    let references: BTreeSet<String> = rows
        .iter()
        .filter_map(|r| match &r.call {
            CallOf::Existing(reference) => Some(reference.clone()),
            CallOf::New(_) => None,
        })
        .collect();
    let mut by_reference: HashMap<String, Vec<call::Model>> = HashMap::new();
    for chunk in references.into_iter().collect::<Vec<_>>().chunks(500) {
        for c in call::Entity::find()
            .filter(call::Column::OrgId.eq(caller.org_id))
            .filter(call::Column::Reference.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            if let Some(r) = c.reference.clone() {
                by_reference.entry(r).or_default().push(c);
            }
        }
    }
    let people = crate::server::kernel::names::people_by_email(db, caller.org_id).await?;
    let mut targets = Vec::with_capacity(rows.len());
    let mut coaches = Vec::with_capacity(rows.len());
    for row in rows {
        let mut problem = |column: &str, message: String| {
            problems.push(RowProblem {
                line: row.line,
                column: column.into(),
                message,
            })
        };
        let target = match &row.call {
            CallOf::Existing(reference) => match by_reference.get(reference).map(Vec::as_slice) {
                Some([c]) => Some(Target::Existing(c.clone())),
                Some(_) => {
                    problem("call_reference", format!("More than one call has the reference {reference}: give the new call's columns instead."));
                    None
                }
                None => {
                    problem(
                        "call_reference",
                        format!("No call in Rapport has the reference {reference}."),
                    );
                    None
                }
            },
            CallOf::New(_) => new_calls
                .next()
                .map(|(team, agent)| Target::New(team, agent)),
        };
        let (agent, occurred_at): (Option<i32>, Option<DateTime<Utc>>) = match (&target, &row.call)
        {
            (Some(Target::Existing(c)), _) => (Some(c.agent_id), Some(c.occurred_at)),
            (Some(Target::New(_, agent)), CallOf::New(c)) => {
                (Some(*agent), Some(c.fields.occurred_at))
            }
            _ => (None, None),
        };
        match people.get(&row.coach_email) {
            None => problem(
                "coach_email",
                format!(
                    "No one in your organisation has the email {}.",
                    row.coach_email
                ),
            ),
            Some(u) if !permits_any(u.roles(), Action::ScoreCall) => problem(
                "coach_email",
                format!(
                    "{} is not a coach or leader, so cannot have scored calls.",
                    u.name
                ),
            ),
            Some(u) if Some(u.id) == agent => problem(
                "coach_email",
                format!(
                    "{} is the call's agent: nobody scores their own call.",
                    u.name
                ),
            ),
            Some(u) => coaches.push(u.id),
        }
        if let Some(at) = occurred_at.filter(|at| row.reviewed_at < *at) {
            problem(
                "reviewed_at",
                format!(
                    "This is before the call happened ({}).",
                    caller.clock.when(at)
                ),
            );
        }
        if let Some(t) = target {
            targets.push(t);
        }
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
    }
    Ok(if problems.is_empty() {
        Ok((targets, coaches))
    } else {
        Err(problems)
    })
}

/// Adds the calls, reviews, ratings and audit entries, and brings both
/// rollups up to date, in the caller's transaction.
async fn write(
    txn: &impl ConnectionTrait,
    cx: &Ctx,
    fw: &FrameworkView,
    rows: &[HistoryRow],
    targets: Vec<Target>,
    coaches: &[i32],
) -> Result<(), AppError> {
    let caller = &cx.caller;
    let now = Utc::now();
    let behaviours: Vec<_> = fw.behaviours().collect();
    let mut new_days = BTreeSet::new();
    let mut all_days = BTreeSet::new();
    let mut ratings = Vec::new();
    let mut agents = BTreeSet::new();
    for ((row, target), coach) in rows.iter().zip(targets).zip(coaches) {
        let c = match (target, &row.call) {
            (Target::Existing(c), _) => c,
            (Target::New(team, agent), CallOf::New(new)) => {
                let mut m = model_of(
                    caller.org_id,
                    team,
                    agent,
                    new.reference.clone(),
                    &new.fields,
                    caller.id,
                );
                m.reviewed = Set(true);
                let c = m.insert(txn).await?;
                new_days.insert(caller.clock.day_of(c.occurred_at));
                c
            }
            (Target::New(..), CallOf::Existing(_)) => continue,
        };
        all_days.insert(caller.clock.day_of(c.occurred_at));
        agents.insert(c.agent_id);
        let result = score(
            &behaviours
                .iter()
                .zip(&row.ratings)
                .map(|(b, r)| ScoredItem {
                    weight: b.weight,
                    critical: b.critical,
                    rating: Some(*r),
                })
                .collect::<Vec<_>>(),
        );
        let r = review::ActiveModel {
            org_id: Set(caller.org_id),
            call_id: Set(c.id),
            agent_id: Set(c.agent_id),
            team_id: Set(c.team_id),
            coach_id: Set(*coach),
            framework_id: Set(fw.id),
            status: Set(ReviewStatus::Submitted),
            score: Set(result.score),
            raw_score: Set(result.unweighted_by_critical),
            critical_fail: Set(result.critical_fail),
            strengths: Set(row.strengths.clone()),
            development: Set(row.development.clone()),
            created_at: Set(row.reviewed_at),
            updated_at: Set(row.reviewed_at),
            submitted_at: Set(Some(row.reviewed_at)),
            imported_at: Set(Some(now)),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        ratings.extend(behaviours.iter().zip(&row.ratings).map(|(b, x)| {
            review_rating::ActiveModel {
                review_id: Set(r.id),
                behaviour_id: Set(b.id),
                rating: Set(x.code()),
                ..Default::default()
            }
        }));
        call::Entity::update_many()
            .col_expr(
                call::Column::Reviewed,
                sea_orm::sea_query::Expr::value(true),
            )
            .filter(call::Column::Id.eq(c.id))
            .exec(txn)
            .await?;
        write_audit(
            txn,
            caller,
            r.id,
            ReviewEvent::Imported,
            None,
            Some(format!("from review history, version {}", fw.version)),
        )
        .await?;
    }
    // Kept below SQLite's limit on bound parameters per statement.
    for part in ratings.chunks(2000) {
        review_rating::Entity::insert_many(part.to_vec())
            .exec(txn)
            .await?;
    }
    kpi_rollup::refresh(txn, caller.org_id, new_days).await?;
    quality_rollup::refresh(txn, caller.org_id, all_days).await?;
    // Past calls can fall inside a target's span, as a newly scored one does.
    let agents: Vec<i32> = agents.into_iter().collect();
    refresh_statuses(txn, caller.org_id, &agents, now).await?;
    Ok(())
}
