//! Target progress from the calls that happened since a target was set.

use super::*;
use crate::domain::benchmark::{call_values, ScoredRating};
use crate::domain::lifecycle::ReviewStatus;
use crate::domain::scoring::Rating;
use crate::domain::targets::{progress, Evidence, Progress, TargetPlan};
use crate::error::AppError;
use crate::server::entities::{call, review, review_rating, target};
use crate::server::kernel::clock::org_clock;
use chrono::{DateTime, Duration, DurationRound, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    zone: Tz,
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
    (progress(&plan, &evidence, now, &zone), calls)
}

/// The earliest moment any of these targets needs ratings from.
pub fn since_for(targets: &[target::Model], window_start: DateTime<Utc>) -> DateTime<Utc> {
    targets
        .iter()
        .map(|t| plan_of(t).start)
        .min()
        .map_or(window_start, |t| t.min(window_start))
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

/// Exactly the ratings these targets' progress reads: for each target, the
/// ratings of its behaviour (in any framework version) on its agent's calls
/// from when it was set to the end of its due day. A team view of old
/// targets reads their few weeks of one behaviour, not every rating since
/// the oldest.
pub async fn target_ratings(
    db: &impl ConnectionTrait,
    org_id: i32,
    targets: &[target::Model],
    lineages: &HashMap<i32, (String, String)>,
) -> Result<Vec<Scored>, AppError> {
    let zone = org_clock(db, org_id).await?.org_zone();
    let calls = target_calls(db, org_id, targets, zone).await?;
    if calls.is_empty() {
        return Ok(vec![]);
    }
    let call_ids: Vec<i32> = calls.keys().copied().collect();
    let reviews = submitted_reviews(db, org_id, &call_ids).await?;
    // The behaviour ids of each lineage, and each agent's targets' spans.
    let mut behaviours_of: HashMap<&str, Vec<i32>> = HashMap::new();
    for (id, (lineage, _)) in lineages {
        behaviours_of.entry(lineage.as_str()).or_default().push(*id);
    }
    let mut spans: HashMap<i32, Vec<Span>> = HashMap::new();
    for t in targets {
        let plan = plan_of(t);
        spans.entry(t.agent_id).or_default().push((
            plan.start,
            plan.due_end(&zone),
            t.lineage.as_str(),
        ));
    }
    // Reviews grouped by the behaviours their call needs (those of the
    // targets whose span holds it), so each query asks only for those.
    let mut groups: BTreeMap<BTreeSet<i32>, Vec<i32>> = BTreeMap::new();
    for (review_id, r) in &reviews {
        let Some(&at) = calls.get(&r.call_id) else {
            continue;
        };
        let needed: BTreeSet<i32> = spans
            .get(&r.agent_id)
            .into_iter()
            .flatten()
            .filter(|(start, end, _)| (*start..*end).contains(&at))
            .flat_map(|(_, _, lineage)| behaviours_of.get(lineage).into_iter().flatten().copied())
            .collect();
        if !needed.is_empty() {
            groups.entry(needed).or_default().push(*review_id);
        }
    }
    let mut out = Vec::new();
    for (behaviours, review_ids) in groups {
        let behaviours: Vec<i32> = behaviours.into_iter().collect();
        for chunk in review_ids.chunks(CHUNK) {
            for (review_id, behaviour, code) in crate::server::kernel::ratings::levels()
                .filter(review_rating::Column::ReviewId.is_in(chunk.to_vec()))
                .filter(review_rating::Column::BehaviourId.is_in(behaviours.clone()))
                .into_tuple::<(i32, i32, i16)>()
                .all(db)
                .await?
            {
                let (Some(r), Some((lineage, _)), Some(rating)) = (
                    reviews.get(&review_id),
                    lineages.get(&behaviour),
                    Rating::from_code(code),
                ) else {
                    continue;
                };
                let Some(&call_at) = calls.get(&r.call_id) else {
                    continue;
                };
                out.push(Scored {
                    agent_id: r.agent_id,
                    review_id,
                    call_id: r.call_id,
                    coach_id: r.coach_id,
                    call_at,
                    scored_at: r.submitted_at,
                    lineage: lineage.clone(),
                    rating,
                });
            }
        }
    }
    Ok(out)
}

/// From when a target counts calls, to the end of its due day, and its
/// behaviour's lineage.
type Span<'a> = (DateTime<Utc>, DateTime<Utc>, &'a str);

/// Targets per query: each adds four parameters.
const TARGETS_PER_QUERY: usize = 300;

/// The reviewed calls in the targets' spans: id → when.
async fn target_calls(
    db: &impl ConnectionTrait,
    org_id: i32,
    targets: &[target::Model],
    zone: Tz,
) -> Result<HashMap<i32, DateTime<Utc>>, AppError> {
    let mut calls = HashMap::new();
    for chunk in targets.chunks(TARGETS_PER_QUERY) {
        let spans = chunk.iter().fold(Condition::any(), |any, t| {
            let plan = plan_of(t);
            any.add(
                // Each term on its own reads the (agent, time) index;
                // an organisation filter outside the terms would make the
                // planner scan the organisation's calls instead.
                Condition::all()
                    .add(call::Column::OrgId.eq(org_id))
                    .add(call::Column::AgentId.eq(t.agent_id))
                    .add(call::Column::OccurredAt.gte(plan.start))
                    .add(call::Column::OccurredAt.lt(plan.due_end(&zone))),
            )
        });
        calls.extend(
            call::Entity::find()
                .select_only()
                .column(call::Column::Id)
                .column(call::Column::OccurredAt)
                .filter(spans)
                .filter(call::Column::Reviewed.eq(true))
                .into_tuple::<(i32, DateTime<Utc>)>()
                .all(db)
                .await?,
        );
    }
    Ok(calls)
}

/// A submitted ordinary review, as target progress reads it.
struct Submitted {
    agent_id: i32,
    call_id: i32,
    coach_id: i32,
    submitted_at: DateTime<Utc>,
}

/// The submitted ordinary reviews of these calls, by id.
async fn submitted_reviews(
    db: &impl ConnectionTrait,
    org_id: i32,
    call_ids: &[i32],
) -> Result<HashMap<i32, Submitted>, AppError> {
    // Only the call filter goes to the database: it reads the reviews'
    // call index, where an organisation or status filter beside it would
    // make the planner walk every review of the organisation. The call ids
    // are the organisation's already; both are checked here all the same.
    let mut reviews = HashMap::new();
    for chunk in call_ids.chunks(CHUNK) {
        for (id, org, agent_id, call_id, coach_id, status, at) in review::ordinary()
            .select_only()
            .columns([
                review::Column::Id,
                review::Column::OrgId,
                review::Column::AgentId,
                review::Column::CallId,
                review::Column::CoachId,
                review::Column::Status,
                review::Column::SubmittedAt,
            ])
            .filter(review::Column::CallId.is_in(chunk.to_vec()))
            .into_tuple::<(i32, i32, i32, i32, i32, ReviewStatus, Option<DateTime<Utc>>)>()
            .all(db)
            .await?
        {
            if let (true, Some(submitted_at)) = (org == org_id && status != ReviewStatus::Draft, at)
            {
                reviews.insert(
                    id,
                    Submitted {
                        agent_id,
                        call_id,
                        coach_id,
                        submitted_at,
                    },
                );
            }
        }
    }
    Ok(reviews)
}
