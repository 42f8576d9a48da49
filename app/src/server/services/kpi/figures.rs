//! Service KPIs over the calls a person may see (PRODUCT.md §6): an agent
//! their own, a coach their teams', a leader the organisation's.

use super::reach::Reach;
use crate::domain::calls::Channel;
use crate::domain::kpi::{abandonment, durations, share, CsatCounts, NpsCounts, Shown};
use crate::error::AppError;
use crate::server::entities::call;
use crate::server::kernel::Ctx;
use crate::server::services::calls;
use crate::types::{KpiFigures, KpiQuery, KpiRow};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect};
use std::collections::BTreeMap;

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

pub async fn figures(cx: &Ctx, q: KpiQuery) -> Result<KpiFigures, AppError> {
    let db = &cx.db;
    let reach = Reach::of(cx, &q).await?;
    let (from, to) = (reach.from, reach.to);
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
        .filter(reach.between(call::Column::OccurredAt))
        .filter(reach.condition(
            call::Column::OrgId,
            call::Column::AgentId,
            call::Column::TeamId,
        ));
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
        reach: reach.label,
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
