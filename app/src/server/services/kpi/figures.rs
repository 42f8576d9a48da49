//! Service KPIs over the calls a person may see (PRODUCT.md §6): an agent
//! their own, a coach their teams', a leader the organisation's.

use crate::domain::access::{Action, Relation};
use crate::domain::calls::Channel;
use crate::domain::kpi::{abandonment, durations, share, CsatCounts, NpsCounts, Shown};
use crate::domain::validation::parse_day;
use crate::error::AppError;
use crate::server::entities::{call, team, user};
use crate::server::kernel::{Ctx, InOrg, Visibility};
use crate::server::services::calls;
use crate::types::{KpiFigures, KpiQuery, KpiRow};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect};
use std::collections::BTreeMap;

/// The longest range read at once.
pub const MAX_DAYS: i64 = 366;

#[derive(FromQueryResult)]
struct Enquiry {
    occurred_at: DateTime<Utc>,
    channel: Channel,
    duration_seconds: i32,
    csat: Option<i16>,
    likelihood_to_recommend: Option<i16>,
    resolved: Option<bool>,
    resolution_minutes: Option<i32>,
    first_response_seconds: Option<i32>,
    abandoned: bool,
    complaint: bool,
}

fn day(raw: &str, field: &str) -> Result<NaiveDate, AppError> {
    parse_day(raw).map_err(|m| AppError::invalid(field, m))
}

fn start_of(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

pub async fn figures(cx: &Ctx, q: KpiQuery) -> Result<KpiFigures, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ViewDashboards)?;
    let from = day(&q.from, "from")?;
    let to = day(&q.to, "to")?;
    if to < from {
        return Err(AppError::invalid(
            "to",
            "The period ends before it starts: choose a last day on or after the first.",
        ));
    }
    if (to - from).num_days() >= MAX_DAYS {
        return Err(AppError::invalid(
            "to",
            format!("A period can be at most {MAX_DAYS} days."),
        ));
    }
    let scope = Visibility::of(db, caller).await?;
    let mut reach: String;
    let mut query = call::Entity::find()
        .select_only()
        .columns([
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
        .filter(call::Column::OccurredAt.gte(start_of(from)))
        .filter(call::Column::OccurredAt.lt(start_of(to.succ_opt().unwrap_or(to))));
    // Whose calls: the narrowest the person asked for, within their reach.
    if let Some(agent) = q.agent_id {
        if !scope.sees_agent(agent)
            || !caller.may(Action::ViewDashboards, scope.agent_relation(agent))
        {
            return Err(AppError::not_found("That agent"));
        }
        if agent == caller.id {
            reach = "your calls".into();
        } else {
            reach = user::Entity::get_in_org(db, caller.org_id, agent)
                .await?
                .name;
        }
        query = query
            .filter(call::Column::OrgId.eq(caller.org_id))
            .filter(call::Column::AgentId.eq(agent));
    } else if caller.may(Action::ViewDashboards, Relation::Organisation) {
        reach = "the whole organisation".into();
        query = query.filter(call::Column::OrgId.eq(caller.org_id));
    } else if caller.may(Action::ViewDashboards, Relation::Coached) && !scope.teams.is_empty() {
        reach = "the teams you coach".into();
        query = query
            .filter(call::Column::OrgId.eq(caller.org_id))
            .filter(call::Column::TeamId.is_in(scope.teams.clone()));
    } else {
        // An agent: their own calls.
        reach = "your calls".into();
        query = query
            .filter(call::Column::OrgId.eq(caller.org_id))
            .filter(call::Column::AgentId.eq(caller.id));
    }
    if let Some(t) = q.team_id {
        let t = team::Entity::get_in_org(db, caller.org_id, t).await?;
        // A coach narrows to a team they coach; an agent's own calls may be
        // narrowed by any team (they only ever see their own).
        let coach_only = !scope.whole_org && !scope.teams.is_empty();
        if coach_only && !scope.teams.contains(&t.id) {
            return Err(AppError::not_found("That team"));
        }
        if q.agent_id.is_none() && (scope.whole_org || coach_only) {
            reach = format!("team {}", t.name);
        }
        query = query.filter(call::Column::TeamId.eq(t.id));
    }
    if let Some(c) = q.channel {
        query = query.filter(call::Column::Channel.eq(c));
    }
    let rows: Vec<Enquiry> = query.into_model().all(db).await?;
    let threshold = q.short_abandon_seconds;
    let mut by_period: BTreeMap<NaiveDate, Vec<&Enquiry>> = BTreeMap::new();
    for e in &rows {
        by_period
            .entry(q.grouping.start(e.occurred_at.date_naive()))
            .or_default()
            .push(e);
    }
    let all: Vec<&Enquiry> = rows.iter().collect();
    let first_response_by_channel = Channel::ALL
        .into_iter()
        .map(|c| {
            let seconds: Vec<f64> = rows
                .iter()
                .filter(|e| e.channel == c)
                .filter_map(|e| e.first_response_seconds.map(f64::from))
                .collect();
            (c, durations(&seconds))
        })
        .collect();
    Ok(KpiFigures {
        query: KpiQuery {
            from: from.to_string(),
            to: to.to_string(),
            ..q.clone()
        },
        scope: calls::options(cx).await?,
        reach,
        total: row("All".into(), from, &all, threshold),
        periods: by_period
            .iter()
            .map(|(start, es)| row(q.grouping.label(*start), *start, es, threshold))
            .collect(),
        first_response_by_channel,
    })
}

fn row(label: String, start: NaiveDate, es: &[&Enquiry], threshold: Option<i32>) -> KpiRow {
    let mut nps = NpsCounts::default();
    let mut csat = CsatCounts::default();
    for e in es {
        if let Some(l) = e.likelihood_to_recommend {
            nps.add(l);
        }
        if let Some(s) = e.csat {
            csat.add(s);
        }
    }
    let resolution: Vec<f64> = es
        .iter()
        .filter(|e| e.resolved == Some(true))
        .filter_map(|e| e.resolution_minutes.map(f64::from))
        .collect();
    let first: Vec<f64> = es
        .iter()
        .filter_map(|e| e.first_response_seconds.map(f64::from))
        .collect();
    let (gone, counted) = abandonment(
        es.iter().map(|e| (e.abandoned, e.duration_seconds)),
        threshold,
    );
    KpiRow {
        label,
        start: start.to_string(),
        enquiries: es.len(),
        nps: Shown::of(nps.n(), || nps.estimate().expect("answers exist")),
        csat: Shown::of(csat.n, || csat.estimate().expect("answers exist")),
        resolution_minutes: durations(&resolution),
        first_response_seconds: durations(&first),
        abandonment: Shown::of(counted, || share(gone, counted).expect("enquiries exist")),
        complaints: es.iter().filter(|e| e.complaint).count(),
    }
}
