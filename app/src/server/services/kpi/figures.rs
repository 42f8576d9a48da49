//! Service KPIs over the calls a person may see (PRODUCT.md §6): an agent
//! their own, a coach their teams', a leader the organisation's. Teams and
//! the organisation are read from the KPI rollup, one agent from the calls.

use super::reach::{Reach, Source};
use crate::domain::calls::Channel;
use crate::domain::kpi::pack::Enquiry;
use crate::domain::kpi::{abandonment, durations, share, CsatCounts, NpsCounts, Shown};
use crate::error::AppError;
use crate::server::kernel::{kpi_rollup, Ctx};
use crate::server::services::calls;
use crate::types::{KpiFigures, KpiQuery, KpiRow};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The enquiries of the reach and period, with their day and channel.
async fn enquiries(
    cx: &Ctx,
    reach: &Reach,
    channel: Option<Channel>,
) -> Result<Vec<(NaiveDate, Channel, Enquiry)>, AppError> {
    let (db, org) = (&cx.db, cx.caller.org_id);
    let (from, to) = (reach.from, reach.to);
    Ok(match reach.source() {
        Source::Agent(agent, team) => {
            kpi_rollup::calls_between(db, &cx.caller.clock, org, Some(agent), from, to, channel)
                .await?
                .into_iter()
                .filter(|(_, _, t, _)| team.is_none_or(|team| team == *t))
                .map(|(day, c, _, e)| (day, c, e))
                .collect()
        }
        Source::Organisation => kpi_rollup::read(db, org, None, from, to, channel).await?,
        Source::Teams(ts) => kpi_rollup::read(db, org, Some(&ts), from, to, channel).await?,
    })
}

pub async fn figures(cx: &Ctx, q: KpiQuery) -> Result<KpiFigures, AppError> {
    let reach = Reach::of(cx, &q).await?;
    let from = reach.from;
    let rows = enquiries(cx, &reach, q.channel).await?;
    let threshold = q.short_abandon_seconds;
    let mut by_period: BTreeMap<NaiveDate, Vec<&Enquiry>> = BTreeMap::new();
    for (day, _, e) in &rows {
        by_period.entry(q.grouping.start(*day)).or_default().push(e);
    }
    let all: Vec<&Enquiry> = rows.iter().map(|r| &r.2).collect();
    let first_response_by_channel = Channel::ALL
        .into_iter()
        .map(|c| {
            let seconds: Vec<f64> = rows
                .iter()
                .filter(|r| r.1 == c)
                .filter_map(|r| r.2.first_response_seconds.map(f64::from))
                .collect();
            (c, durations(&seconds))
        })
        .collect();
    Ok(KpiFigures {
        query: KpiQuery {
            from: from.to_string(),
            to: reach.to.to_string(),
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
