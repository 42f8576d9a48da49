//! The quality rollup: each day's submitted reviews of an organisation's
//! calls with their ratings, packed (`entities::quality_day`). Submitting or
//! amending a review refreshes its call's day in the same transaction;
//! `rebuild` makes it again from the reviews (`server rebuild-rollups`).
//! Calibration practice and drafts are not the agent's reviews and stay out.
//! Days are the organisation's, cut by its time zone.

use super::clock::org_clock;
use super::day_rollup;
use super::errors::internal;
use crate::domain::calls::Channel;
use crate::domain::kpi::review_pack::{decode, encode, ReviewEntry};
use crate::domain::lifecycle::ReviewStatus;
use crate::error::AppError;
use crate::server::entities::{call, quality_day, review, review_rating};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A call as the rollup reads it: id, when, channel, CSAT, likelihood to
/// recommend.
type CallRow = (i32, DateTime<Utc>, Channel, Option<i16>, Option<i16>);

/// Days per refresh pass.
const DAYS_PER_PASS: usize = 31;

/// Makes the rows of these days of the organisation again from its reviews.
pub async fn refresh(
    db: &impl ConnectionTrait,
    org_id: i32,
    days: impl IntoIterator<Item = NaiveDate>,
) -> Result<(), AppError> {
    let columns = (quality_day::Column::OrgId, quality_day::Column::Day);
    day_rollup::remake::<quality_day::Entity, _, _>(
        db,
        org_id,
        days,
        DAYS_PER_PASS,
        columns,
        |p| async move {
            let (clock, wanted) = (&p.clock, &p.days);
            let calls: Vec<CallRow> = call::Entity::find()
                .select_only()
                .columns([
                    call::Column::Id,
                    call::Column::OccurredAt,
                    call::Column::Channel,
                    call::Column::Csat,
                    call::Column::LikelihoodToRecommend,
                ])
                .filter(call::Column::OrgId.eq(org_id))
                .filter(call::Column::Reviewed.eq(true))
                .filter(call::Column::OccurredAt.gte(clock.start_of_day(p.first)))
                .filter(call::Column::OccurredAt.lt(clock.end_of_day(p.last)))
                .into_tuple()
                .all(db)
                .await?;
            let calls: HashMap<i32, (NaiveDate, Channel, Option<i16>, Option<i16>)> = calls
                .into_iter()
                .map(|(id, at, c, csat, ltr)| (id, (clock.day_of(at), c, csat, ltr)))
                .filter(|(_, (day, ..))| wanted.contains(day))
                .collect();
            let ids: Vec<i32> = calls.keys().copied().collect();
            let mut reviews: Vec<(i32, i32, i32, i32, Option<f64>)> = Vec::new();
            for chunk in ids.chunks(super::IN_LIST_CHUNK) {
                reviews.extend(
                    review::ordinary()
                        .select_only()
                        .columns([
                            review::Column::Id,
                            review::Column::CallId,
                            review::Column::AgentId,
                            review::Column::TeamId,
                            review::Column::Score,
                        ])
                        .filter(review::Column::OrgId.eq(org_id))
                        .filter(review::Column::CallId.is_in(chunk.to_vec()))
                        .filter(review::Column::Status.ne(ReviewStatus::Draft))
                        .into_tuple::<(i32, i32, i32, i32, Option<f64>)>()
                        .all(db)
                        .await?,
                );
            }
            let review_ids: Vec<i32> = reviews.iter().map(|r| r.0).collect();
            let mut ratings: HashMap<i32, Vec<(i32, i16)>> = HashMap::new();
            for chunk in review_ids.chunks(super::IN_LIST_CHUNK) {
                let rows: Vec<(i32, i32, i16)> = super::ratings::levels()
                    .filter(review_rating::Column::ReviewId.is_in(chunk.to_vec()))
                    .order_by_asc(review_rating::Column::Id)
                    .into_tuple()
                    .all(db)
                    .await?;
                for (r, b, code) in rows {
                    ratings.entry(r).or_default().push((b, code));
                }
            }
            // In call order, then review order: a call's reviews lie together.
            reviews.sort_by_key(|r| (r.1, r.0));
            let mut packs: BTreeMap<NaiveDate, Vec<ReviewEntry>> = BTreeMap::new();
            for (id, call_id, agent_id, team_id, score) in reviews {
                let Some((day, channel, csat, likelihood)) = calls.get(&call_id) else {
                    continue;
                };
                packs.entry(*day).or_default().push(ReviewEntry {
                    call_id,
                    agent_id,
                    team_id,
                    channel: *channel,
                    score,
                    csat: *csat,
                    likelihood: *likelihood,
                    ratings: ratings.remove(&id).unwrap_or_default(),
                });
            }
            Ok(packs
                .into_iter()
                .map(|(day, entries)| quality_day::ActiveModel {
                    org_id: Set(org_id),
                    day: Set(day),
                    reviews: Set(entries.len() as i32),
                    pack: Set(encode(&entries)),
                    ..Default::default()
                })
                .collect())
        },
    )
    .await
}

/// Refreshes the day of one call (its reviews changed).
pub async fn refresh_call(
    db: &impl ConnectionTrait,
    org_id: i32,
    call_id: i32,
) -> Result<(), AppError> {
    let at: Option<DateTime<Utc>> = call::Entity::find_by_id(call_id)
        .select_only()
        .column(call::Column::OccurredAt)
        .filter(call::Column::OrgId.eq(org_id))
        .into_tuple()
        .one(db)
        .await?;
    match at {
        Some(at) => {
            let day = org_clock(db, org_id).await?.day_of(at);
            refresh(db, org_id, [day]).await
        }
        None => Ok(()),
    }
}

/// Makes the organisation's whole quality rollup again from its reviews.
pub async fn rebuild(db: &impl ConnectionTrait, org_id: i32) -> Result<(), AppError> {
    quality_day::Entity::delete_many()
        .filter(quality_day::Column::OrgId.eq(org_id))
        .exec(db)
        .await?;
    let days: Vec<DateTime<Utc>> = call::Entity::find()
        .select_only()
        .column(call::Column::OccurredAt)
        .filter(call::Column::OrgId.eq(org_id))
        .filter(call::Column::Reviewed.eq(true))
        .into_tuple()
        .all(db)
        .await?;
    let clock = org_clock(db, org_id).await?;
    refresh(db, org_id, days.into_iter().map(|d| clock.day_of(d))).await
}

/// The reviews of calls from `from` to `to` inclusive, with the day of the
/// call; ratings only where `keep` (agent, team) says so.
pub async fn read(
    db: &impl ConnectionTrait,
    org_id: i32,
    from: NaiveDate,
    to: NaiveDate,
    keep: impl Fn(i32, i32) -> bool,
) -> Result<Vec<(NaiveDate, ReviewEntry)>, AppError> {
    let rows: Vec<(NaiveDate, Vec<u8>)> = quality_day::Entity::find()
        .select_only()
        .columns([quality_day::Column::Day, quality_day::Column::Pack])
        .filter(quality_day::Column::OrgId.eq(org_id))
        .filter(quality_day::Column::Day.gte(from))
        .filter(quality_day::Column::Day.lte(to))
        .order_by_asc(quality_day::Column::Day)
        .into_tuple()
        .all(db)
        .await?;
    let mut out = Vec::new();
    for (day, pack) in rows {
        let entries = decode(&pack, &keep).ok_or_else(|| {
            internal(format!(
                "the quality rollup of organisation {org_id} for {day} is damaged: run `server rebuild-rollups`"
            ))
        })?;
        out.extend(entries.into_iter().map(|e| (day, e)));
    }
    Ok(out)
}

/// Rebuilds the quality rollup of every organisation that has reviewed
/// calls but no rollup (an upgrade that changed the pack, or a database
/// restored without it); the number rebuilt. Cheap when nothing is missing.
pub async fn heal(db: &impl ConnectionTrait) -> Result<usize, AppError> {
    let reviewed: BTreeSet<i32> = call::Entity::find()
        .select_only()
        .column(call::Column::OrgId)
        .filter(call::Column::Reviewed.eq(true))
        .distinct()
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let rolled: BTreeSet<i32> = quality_day::Entity::find()
        .select_only()
        .column(quality_day::Column::OrgId)
        .distinct()
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let missing: Vec<i32> = reviewed.difference(&rolled).copied().collect();
    for org in &missing {
        rebuild(db, *org).await?;
    }
    Ok(missing.len())
}
