//! Target progress from the calls that happened since a target was set.

use super::*;
use crate::domain::benchmark::{call_values, ScoredRating};
use crate::domain::targets::{progress, Evidence, Progress, TargetPlan};
use crate::error::AppError;
use crate::server::entities::target;
use crate::types::TargetSummary;
use chrono::{DateTime, Duration, DurationRound, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// One call since a target was set: its one value (`None` when every review
/// rated the behaviour N/A) and the reviews behind it.
pub struct CallEvidence<'a> {
    pub call_id: i32,
    pub call_at: DateTime<Utc>,
    pub level: Option<f64>,
    pub reviews: Vec<&'a Scored>,
}

pub fn plan_of(t: &target::Model) -> TargetPlan {
    TargetPlan {
        // Call times are recorded to the minute: a call in the minute the
        // target was set counts as after it.
        start: t
            .created_at
            .duration_trunc(Duration::minutes(1))
            .unwrap_or(t.created_at),
        due: t.due_on,
        level: t.level.clamp(1, 5) as u8,
        achieved_on: t.achieved_on,
    }
}

/// A target's progress from the calls since it was set, with those calls in
/// the order they happened.
pub fn progress_of<'a>(
    t: &target::Model,
    scored: &'a [Scored],
    now: DateTime<Utc>,
) -> (Progress, Vec<CallEvidence<'a>>) {
    let plan = plan_of(t);
    let mine: Vec<&Scored> = scored
        .iter()
        .filter(|s| s.agent_id == t.agent_id && s.lineage == t.lineage && s.call_at >= plan.start)
        .collect();
    let values = call_values(
        &mine
            .iter()
            .map(|s| ScoredRating {
                lineage: s.lineage.clone(),
                call_id: s.call_id,
                at: s.call_at,
                rating: s.rating,
            })
            .collect::<Vec<_>>(),
    );
    let mut calls: Vec<CallEvidence> = vec![];
    for s in mine {
        match calls.iter_mut().find(|c| c.call_id == s.call_id) {
            Some(c) => c.reviews.push(s),
            None => calls.push(CallEvidence {
                call_id: s.call_id,
                call_at: s.call_at,
                level: values
                    .iter()
                    .find(|v| v.call_id == s.call_id)
                    .map(|v| v.level),
                reviews: vec![s],
            }),
        }
    }
    calls.sort_by_key(|c| (c.call_at, c.call_id));
    for c in &mut calls {
        c.reviews.sort_by_key(|s| (s.scored_at, s.review_id));
    }
    let evidence: Vec<Evidence> = values
        .iter()
        .map(|v| Evidence {
            at: v.at,
            level: v.level,
        })
        .collect();
    (progress(&plan, &evidence, now), calls)
}

/// The earliest moment any of these targets needs ratings from.
pub fn since_for(targets: &[target::Model], window_start: DateTime<Utc>) -> DateTime<Utc> {
    targets
        .iter()
        .map(|t| plan_of(t).start)
        .min()
        .map_or(window_start, |t| t.min(window_start))
}

pub fn summary_of(
    t: &target::Model,
    name: String,
    scored: &[Scored],
    now: DateTime<Utc>,
) -> TargetSummary {
    summary_with(t, name, &progress_of(t, scored, now).0)
}

/// A target's summary from its already computed progress.
pub fn summary_with(t: &target::Model, name: String, p: &Progress) -> TargetSummary {
    TargetSummary {
        id: t.id,
        behaviour: name,
        level: t.level.clamp(1, 5) as u8,
        baseline: t.baseline,
        due_on: t.due_on.format("%-d %b %Y").to_string(),
        status: p.status,
        achieved_on: p.achieved_on.map(|d| d.format("%-d %b %Y").to_string()),
        mean: p.mean,
        calls: p.calls,
        agreed: t.agreed_by.is_some(),
    }
}

pub async fn agent_targets(
    db: &impl ConnectionTrait,
    org_id: i32,
    agent_ids: &[i32],
) -> Result<Vec<target::Model>, AppError> {
    let mut all = Vec::new();
    for chunk in agent_ids.chunks(CHUNK) {
        all.extend(
            target::Entity::find()
                .filter(target::Column::OrgId.eq(org_id))
                .filter(target::Column::AgentId.is_in(chunk.to_vec()))
                .order_by_desc(target::Column::CreatedAt)
                .all(db)
                .await?,
        );
    }
    Ok(all)
}
