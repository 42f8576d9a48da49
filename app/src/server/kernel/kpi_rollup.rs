//! The KPI rollup: each day's enquiries per channel, packed, for the whole
//! organisation and for each team (`entities::kpi_day`). Whatever adds calls
//! refreshes the days it touched in the same transaction, so the rollup
//! always holds exactly the calls; `rebuild` makes it again from scratch
//! (`server rebuild-rollups`). One agent's KPIs read the calls themselves:
//! an agent's year is a few hundred rows.

use super::clock::{org_clock, Clock};
use super::day_rollup;
use super::errors::internal;
use crate::domain::calls::Channel;
use crate::domain::kpi::pack::{decode, encode, Enquiry};
use crate::error::AppError;
use crate::server::entities::{call, kpi_day, organization};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::BTreeMap;

/// The `team_id` of the whole organisation's rows.
pub const WHOLE_ORG: i32 = 0;

/// Days per refresh pass: one pass reads the calls of its span at once.
const DAYS_PER_PASS: usize = 62;

/// A call's KPI fields with where and when it happened.
type Row = (
    i32,
    DateTime<Utc>,
    Channel,
    i32,
    Option<i16>,
    Option<i16>,
    Option<bool>,
    Option<i32>,
    Option<i32>,
    bool,
    bool,
);

fn enquiry(r: &Row) -> Enquiry {
    Enquiry {
        duration_seconds: r.3,
        csat: r.4,
        likelihood_to_recommend: r.5,
        resolved: r.6,
        resolution_minutes: r.7,
        first_response_seconds: r.8,
        abandoned: r.9,
        complaint: r.10,
    }
}

/// The calls of an organisation (or of one agent) from `from` to `to`
/// inclusive (the organisation's days, on its `clock`), with their KPI
/// fields, oldest first.
pub async fn calls_between(
    db: &impl ConnectionTrait,
    clock: &Clock,
    org_id: i32,
    agent_id: Option<i32>,
    from: NaiveDate,
    to: NaiveDate,
    channel: Option<Channel>,
) -> Result<Vec<(NaiveDate, Channel, i32, Enquiry)>, AppError> {
    let mut q = call::Entity::find()
        .select_only()
        .columns([
            call::Column::TeamId,
            call::Column::OccurredAt,
            call::Column::Channel,
            call::Column::DurationSeconds,
            call::Column::Csat,
            call::Column::LikelihoodToRecommend,
            call::Column::Resolved,
            call::Column::ResolutionMinutes,
            call::Column::FirstResponseSeconds,
            call::Column::Abandoned,
            call::Column::Complaint,
        ])
        .filter(call::Column::OrgId.eq(org_id))
        .filter(call::Column::OccurredAt.gte(clock.start_of_day(from)))
        .filter(call::Column::OccurredAt.lt(clock.end_of_day(to)));
    if let Some(a) = agent_id {
        q = q.filter(call::Column::AgentId.eq(a));
    }
    if let Some(c) = channel {
        q = q.filter(call::Column::Channel.eq(c));
    }
    let rows: Vec<Row> = q
        .order_by_asc(call::Column::OccurredAt)
        .order_by_asc(call::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .iter()
        .map(|r| (clock.day_of(r.1), r.2, r.0, enquiry(r)))
        .collect())
}

/// Makes the rows of these days of the organisation again from its calls.
/// The days are the organisation's own, cut by its time zone.
pub async fn refresh(
    db: &impl ConnectionTrait,
    org_id: i32,
    days: impl IntoIterator<Item = NaiveDate>,
) -> Result<(), AppError> {
    let columns = (kpi_day::Column::OrgId, kpi_day::Column::Day);
    day_rollup::remake::<kpi_day::Entity, _, _>(
        db,
        org_id,
        days,
        DAYS_PER_PASS,
        columns,
        |p| async move {
            let mut packs: BTreeMap<(i32, NaiveDate, Channel), Vec<Enquiry>> = BTreeMap::new();
            for (day, channel, team, e) in
                calls_between(db, &p.clock, org_id, None, p.first, p.last, None).await?
            {
                if !p.days.contains(&day) {
                    continue;
                }
                packs.entry((WHOLE_ORG, day, channel)).or_default().push(e);
                packs.entry((team, day, channel)).or_default().push(e);
            }
            Ok(packs
                .into_iter()
                .map(|((team_id, day, channel), es)| kpi_day::ActiveModel {
                    org_id: Set(org_id),
                    team_id: Set(team_id),
                    day: Set(day),
                    channel: Set(channel),
                    enquiries: Set(es.len() as i32),
                    pack: Set(encode(&es)),
                    ..Default::default()
                })
                .collect())
        },
    )
    .await
}

/// The first and last time an organisation's calls happened.
type Span = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// Makes the organisation's whole rollup again from its calls.
pub async fn rebuild(db: &impl ConnectionTrait, org_id: i32) -> Result<(), AppError> {
    kpi_day::Entity::delete_many()
        .filter(kpi_day::Column::OrgId.eq(org_id))
        .exec(db)
        .await?;
    let span: Option<Span> = call::Entity::find()
        .select_only()
        .column_as(call::Column::OccurredAt.min(), "first")
        .column_as(call::Column::OccurredAt.max(), "last")
        .filter(call::Column::OrgId.eq(org_id))
        .into_tuple()
        .one(db)
        .await?;
    let Some((Some(first), Some(last))) = span else {
        return Ok(());
    };
    let clock = org_clock(db, org_id).await?;
    let days = clock
        .day_of(first)
        .iter_days()
        .take_while(|d| *d <= clock.day_of(last));
    refresh(db, org_id, days).await
}

/// Every organisation's KPI and quality rollups made again; the number of
/// organisations.
pub async fn rebuild_all(db: &impl ConnectionTrait) -> Result<usize, AppError> {
    let orgs: Vec<i32> = organization::Entity::find()
        .select_only()
        .column(organization::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    for org in &orgs {
        rebuild(db, *org).await?;
        super::quality_rollup::rebuild(db, *org).await?;
    }
    Ok(orgs.len())
}

/// The packed enquiries from `from` to `to` inclusive: the organisation's
/// (`teams: None`) or those of some of its teams.
pub async fn read(
    db: &impl ConnectionTrait,
    org_id: i32,
    teams: Option<&[i32]>,
    from: NaiveDate,
    to: NaiveDate,
    channel: Option<Channel>,
) -> Result<Vec<(NaiveDate, Channel, Enquiry)>, AppError> {
    let mut q = kpi_day::Entity::find()
        .select_only()
        .columns([
            kpi_day::Column::Day,
            kpi_day::Column::Channel,
            kpi_day::Column::Pack,
        ])
        .filter(kpi_day::Column::OrgId.eq(org_id))
        .filter(kpi_day::Column::Day.gte(from))
        .filter(kpi_day::Column::Day.lte(to));
    q = match teams {
        None => q.filter(kpi_day::Column::TeamId.eq(WHOLE_ORG)),
        Some(ts) => q.filter(kpi_day::Column::TeamId.is_in(ts.to_vec())),
    };
    if let Some(c) = channel {
        q = q.filter(kpi_day::Column::Channel.eq(c));
    }
    let rows: Vec<(NaiveDate, Channel, Vec<u8>)> = q.into_tuple().all(db).await?;
    let mut out = Vec::new();
    for (day, channel, pack) in rows {
        let es = decode(&pack).ok_or_else(|| {
            internal(format!(
                "the KPI rollup of organisation {org_id} for {day} is damaged: run `server rebuild-rollups`"
            ))
        })?;
        out.extend(es.into_iter().map(|e| (day, channel, e)));
    }
    Ok(out)
}
