//! Target progress from the calls scored since a target was set.

use super::*;
use crate::domain::targets::{evidence_of, progress, Progress, TargetPlan};
use crate::error::AppError;
use crate::server::entities::target;
use crate::types::TargetSummary;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// A target's progress from the ratings scored since it was set, with those ratings.
pub fn progress_of<'a>(
    t: &target::Model,
    scored: &'a [Scored],
    now: DateTime<Utc>,
) -> (Progress, Vec<&'a Scored>) {
    let mut evidence: Vec<&Scored> = scored
        .iter()
        .filter(|s| {
            s.agent_id == t.agent_id && s.lineage == t.lineage && s.scored_at >= t.created_at
        })
        .collect();
    evidence.sort_by_key(|s| (s.scored_at, s.review_id));
    let rated: Vec<_> = evidence.iter().map(|s| (s.scored_at, s.rating)).collect();
    let points = evidence_of(&rated);
    let plan = TargetPlan {
        start: t.created_at,
        due: t.due_on,
        baseline: t.baseline,
        level: t.level.clamp(1, 5) as u8,
    };
    (progress(&plan, &points, now), evidence)
}

/// The earliest moment any of these targets needs ratings from.
pub fn since_for(targets: &[target::Model], window_start: DateTime<Utc>) -> DateTime<Utc> {
    targets
        .iter()
        .map(|t| t.created_at)
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
