//! Coach ratings: every submitted rating of a behaviour, joined across
//! framework versions by lineage, and the profile they make.

use super::*;
use crate::domain::benchmark::{self, ScoredRating};
use crate::domain::lifecycle::ReviewStatus;
use crate::domain::scoring::Rating;
use crate::error::AppError;
use crate::server::entities::{call, framework, framework_behaviour as fb, review};
use crate::server::services::frameworks::{self, view_of};
use crate::types::FrameworkView;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
};
use std::collections::HashMap;

// ---- Coach ratings ----------------------------------------------------------

/// One coach rating of one behaviour on a submitted review.
#[derive(Clone, Debug)]
pub struct Scored {
    pub agent_id: i32,
    pub review_id: i32,
    pub call_id: i32,
    pub coach_id: i32,
    pub call_at: DateTime<Utc>,
    pub scored_at: DateTime<Utc>,
    pub lineage: String,
    pub rating: Rating,
}

/// Every rating on the agents' submitted reviews scored since `since`;
/// `lineages` is the organisation's [`lineage_map`], which the caller has
/// read already.
/// Drafts never count; disputed reviews count as they stand.
pub async fn scored_ratings(
    db: &impl ConnectionTrait,
    org_id: i32,
    agent_ids: &[i32],
    since: DateTime<Utc>,
    lineages: &HashMap<i32, (String, String)>,
) -> Result<Vec<Scored>, AppError> {
    // Only the columns a rating needs: a year of an agent's reviews is
    // hundreds of rows and their ratings thousands, and each value read
    // costs its copy.
    let mut reviews: Vec<ScoredReview> = Vec::new();
    for chunk in agent_ids.chunks(CHUNK) {
        reviews.extend(
            review::ordinary()
                .select_only()
                .columns([
                    review::Column::Id,
                    review::Column::AgentId,
                    review::Column::CallId,
                    review::Column::CoachId,
                    review::Column::SubmittedAt,
                ])
                .filter(review::Column::OrgId.eq(org_id))
                .filter(review::Column::AgentId.is_in(chunk.to_vec()))
                .filter(review::Column::Status.ne(ReviewStatus::Draft))
                .filter(review::Column::SubmittedAt.gte(since))
                .into_model::<ScoredReview>()
                .all(db)
                .await?,
        );
    }
    if reviews.is_empty() {
        return Ok(vec![]);
    }
    let call_ids: Vec<i32> = reviews.iter().map(|r| r.call_id).collect();
    let mut call_at = HashMap::new();
    for chunk in call_ids.chunks(CHUNK) {
        for (id, at) in call::Entity::find()
            .select_only()
            .column(call::Column::Id)
            .column(call::Column::OccurredAt)
            .filter(call::Column::Id.is_in(chunk.to_vec()))
            .into_tuple::<(i32, DateTime<Utc>)>()
            .all(db)
            .await?
        {
            call_at.insert(id, at);
        }
    }
    let by_id: HashMap<i32, &ScoredReview> = reviews.iter().map(|r| (r.id, r)).collect();
    let review_ids: Vec<i32> = by_id.keys().copied().collect();
    let ratings = crate::server::kernel::ratings::levels_of(db, &review_ids).await?;
    Ok(ratings
        .into_iter()
        .filter_map(|(review_id, behaviour_id, rating)| {
            let r = by_id.get(&review_id)?;
            Some(Scored {
                agent_id: r.agent_id,
                review_id: r.id,
                call_id: r.call_id,
                coach_id: r.coach_id,
                call_at: *call_at.get(&r.call_id)?,
                scored_at: r.submitted_at?,
                lineage: lineages.get(&behaviour_id)?.0.clone(),
                rating: Rating::from_code(rating)?,
            })
        })
        .collect())
}

/// What [`scored_ratings`] reads of a review.
#[derive(FromQueryResult)]
struct ScoredReview {
    id: i32,
    agent_id: i32,
    call_id: i32,
    coach_id: i32,
    submitted_at: Option<DateTime<Utc>>,
}

/// Every behaviour of every framework version of the organisation:
/// id → (lineage, name).
pub async fn lineage_map(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<HashMap<i32, (String, String)>, AppError> {
    let versions: Vec<i32> = framework::Entity::find()
        .select_only()
        .column(framework::Column::Id)
        .filter(framework::Column::OrgId.eq(org_id))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    Ok(fb::Entity::find()
        .filter(fb::Column::FrameworkId.is_in(versions))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, (b.lineage, b.name)))
        .collect())
}

/// Which column of a per-behaviour table (one column per lineage, in the
/// order given) each behaviour id of any framework version rates:
/// its lineage's place in the current framework (older versions line up;
/// behaviours since removed have none). Indexed by behaviour id: the
/// dashboards look up a million ratings here.
pub async fn columns_of(
    db: &impl ConnectionTrait,
    org_id: i32,
    lineages: &[String],
) -> Result<Vec<Option<usize>>, AppError> {
    Ok(columns_from(&lineage_map(db, org_id).await?, lineages))
}

/// [`columns_of`], from a [`lineage_map`] already read.
pub fn columns_from(
    all: &HashMap<i32, (String, String)>,
    lineages: &[String],
) -> Vec<Option<usize>> {
    let place: HashMap<&str, usize> = lineages
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let mut columns = Vec::new();
    for (&id, (lineage, _)) in all {
        let Ok(id) = usize::try_from(id) else {
            continue;
        };
        if columns.len() <= id {
            columns.resize(id + 1, None);
        }
        columns[id] = place.get(lineage.as_str()).copied();
    }
    columns
}

/// The coach rating of each behaviour of the current framework over the window.
pub fn profile_of(
    fw: &FrameworkView,
    scored: &[Scored],
    agent_id: i32,
    now: DateTime<Utc>,
    days: i64,
    zone: Tz,
) -> Vec<Option<benchmark::CoachRating>> {
    let lineages: Vec<String> = fw.behaviours().map(|b| b.lineage.clone()).collect();
    let ratings: Vec<ScoredRating> = scored
        .iter()
        .filter(|s| s.agent_id == agent_id)
        .map(|s| ScoredRating {
            lineage: s.lineage.clone(),
            call_id: s.call_id,
            at: s.call_at,
            rating: s.rating,
        })
        .collect();
    benchmark::profile(&lineages, &ratings, now, days, &zone)
}

/// The name a lineage has now: in the current framework, or as last named.
pub fn behaviour_name(
    fw: &FrameworkView,
    all: &HashMap<i32, (String, String)>,
    lineage: &str,
) -> String {
    fw.behaviours()
        .find(|b| b.lineage == lineage)
        .map(|b| b.name.clone())
        .or_else(|| {
            all.values()
                .find(|(l, _)| l == lineage)
                .map(|(_, n)| n.clone())
        })
        .unwrap_or_else(|| "A retired behaviour".into())
}

pub async fn current_framework(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<FrameworkView, AppError> {
    view_of(db, frameworks::current(db, org_id).await?).await
}
