//! The quality dashboards (PRODUCT.md §6): review score trends by team or
//! agent, the agents × behaviours heatmap of coach ratings, and how
//! reliable each agent's mean review score is. Calls are placed in time by
//! when they happened, as on the development pages. The reviews are read
//! from the quality rollup, one row a day.

use super::reach::Reach;
use crate::domain::benchmark::MIN_CALLS;
use crate::domain::kpi::review_pack::{for_each_call, ReviewEntry};
use crate::domain::kpi::{pooled_sd, reliability};
use crate::error::AppError;
use crate::server::entities::{team, user};
use crate::server::kernel::{quality_rollup, Ctx};
use crate::server::services::calls;
use crate::server::services::development::{columns_of, current_framework};
use crate::types::{HeatCell, HeatRow, KpiQuery, QualityView, ReliabilityRow, ScoreSeries};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Every period start from the first day to the last.
fn period_starts(q: &KpiQuery, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut starts = BTreeSet::new();
    let mut d = from;
    while d <= to {
        starts.insert(q.grouping.start(d));
        d = d.succ_opt().unwrap_or(to + chrono::Duration::days(1));
    }
    starts.into_iter().collect()
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

/// Each agent's heatmap cells as (sum of call values, calls) per column
/// (PRODUCT.md §4: per call the mean level of its reviews, Missed 0, N/A
/// left out; the cell is the mean over calls), over the calls in reach
/// (`keep`) with a scored review, as the trends and reliability count
/// them.
fn heat_sums<'a>(
    reviews: impl Iterator<Item = &'a ReviewEntry>,
    keep: impl Fn(&ReviewEntry) -> bool,
    column_of: &[Option<usize>],
    columns: usize,
) -> HashMap<i32, Vec<(f64, usize)>> {
    let mut out: HashMap<i32, Vec<(f64, usize)>> = HashMap::new();
    for_each_call(
        reviews.filter(|e| keep(e)),
        column_of,
        columns,
        |call, values| {
            if !call.iter().any(|r| r.score.is_some()) {
                return;
            }
            let cells = out
                .entry(call[0].agent_id)
                .or_insert_with(|| vec![(0.0, 0); columns]);
            for (cell, value) in cells.iter_mut().zip(values) {
                if let Some(v) = value {
                    cell.0 += v;
                    cell.1 += 1;
                }
            }
        },
    );
    out
}

pub async fn quality(cx: &Ctx, q: KpiQuery) -> Result<QualityView, AppError> {
    let db = &cx.db;
    let reach = Reach::of(cx, &q).await?;
    let scope = calls::options(cx).await?;
    // Every review of the period (and channel) counts for the pooled
    // spread; only those in reach need their ratings.
    let reviews: Vec<(NaiveDate, ReviewEntry)> =
        quality_rollup::read(db, cx.caller.org_id, reach.from, reach.to, |a, t| {
            reach.admits(a, t)
        })
        .await?
        .into_iter()
        .filter(|(_, e)| q.channel.is_none_or(|c| e.channel == c))
        .collect();
    let all: Vec<(NaiveDate, &ReviewEntry, f64)> = reviews
        .iter()
        .filter_map(|(day, e)| Some((*day, e, e.score?)))
        .collect();
    let mine: Vec<&(NaiveDate, &ReviewEntry, f64)> = all
        .iter()
        .filter(|(_, e, _)| reach.admits(e.agent_id, e.team_id))
        .collect();

    // The agents shown: those in reach (by their team), and anyone reviewed.
    let mut agent_ids: BTreeSet<i32> = scope
        .agents
        .iter()
        .filter(|(id, _, t)| reach.admits(*id, t.unwrap_or_default()))
        .map(|(id, _, _)| *id)
        .collect();
    agent_ids.extend(mine.iter().map(|(_, e, _)| e.agent_id));
    let names: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::OrgId.eq(cx.caller.org_id))
        .filter(user::Column::Id.is_in(agent_ids.iter().copied().collect::<Vec<_>>()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let mut agents: Vec<(i32, String)> = agent_ids
        .iter()
        .filter_map(|id| names.get(id).map(|n| (*id, n.clone())))
        .collect();
    agents.sort_by(|a, b| a.1.cmp(&b.1));

    // Score trends: by agent within one team or for one agent, else by team.
    let starts = period_starts(&q, reach.from, reach.to);
    let index_of: HashMap<NaiveDate, usize> =
        starts.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let by_agent = reach.is_narrow();
    let team_names: HashMap<i32, String> = team::Entity::find()
        .filter(team::Column::OrgId.eq(cx.caller.org_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect();
    // By id while counting (tens of thousands of reviews), named after.
    let mut lines: HashMap<i32, Vec<Vec<f64>>> = HashMap::new();
    for (day, e, score) in &mine {
        let Some(&i) = index_of.get(&q.grouping.start(*day)) else {
            continue;
        };
        let key = if by_agent { e.agent_id } else { e.team_id };
        lines
            .entry(key)
            .or_insert_with(|| vec![vec![]; starts.len()])[i]
            .push(*score);
    }
    let mut series: Vec<ScoreSeries> = lines
        .into_iter()
        .map(|(key, per)| ScoreSeries {
            name: if by_agent {
                names
                    .get(&key)
                    .cloned()
                    .unwrap_or_else(|| "An agent".into())
            } else {
                team_names
                    .get(&key)
                    .cloned()
                    .unwrap_or_else(|| "A team".into())
            },
            points: per
                .iter()
                .map(|xs| (!xs.is_empty()).then(|| (mean(xs), xs.len())))
                .collect(),
        })
        .collect();
    series.sort_by(|a, b| a.name.cmp(&b.name));

    // The heatmap: coach ratings of the calls reviewed in the period.
    let fw = current_framework(db, cx.caller.org_id).await?;
    let lineages: Vec<String> = fw.behaviours().map(|b| b.lineage.clone()).collect();
    let mut sums_of = heat_sums(
        reviews.iter().map(|(_, e)| e),
        |e| reach.admits(e.agent_id, e.team_id),
        &columns_of(db, cx.caller.org_id, &lineages).await?,
        lineages.len(),
    );
    let heatmap = agents
        .iter()
        .map(|(id, name)| {
            let theirs = sums_of
                .remove(id)
                .unwrap_or_else(|| vec![(0.0, 0); lineages.len()]);
            HeatRow {
                agent_id: *id,
                agent: name.clone(),
                cells: theirs
                    .iter()
                    .map(|(sum, calls)| HeatCell {
                        // Blank below three calls (the benchmark's rule).
                        mean: (*calls >= MIN_CALLS).then(|| sum / *calls as f64),
                        calls: *calls,
                    })
                    .collect(),
            }
        })
        .collect();

    // Reliability: each agent's scores; the spread pooled over everyone's.
    let mut per_agent: BTreeMap<i32, Vec<f64>> = BTreeMap::new();
    for (_, e, score) in &all {
        per_agent.entry(e.agent_id).or_default().push(*score);
    }
    let pooled = pooled_sd(&per_agent.values().cloned().collect::<Vec<_>>());
    let mut scores_of: HashMap<i32, Vec<f64>> = HashMap::new();
    for (_, e, score) in &mine {
        scores_of.entry(e.agent_id).or_default().push(*score);
    }
    let reliability = agents
        .iter()
        .map(|(id, name)| {
            let scores = scores_of.remove(id).unwrap_or_default();
            ReliabilityRow {
                agent_id: *id,
                agent: name.clone(),
                reliability: reliability(&scores, pooled),
            }
        })
        .collect();

    Ok(QualityView {
        query: KpiQuery {
            from: reach.from.to_string(),
            to: reach.to.to_string(),
            ..q.clone()
        },
        reach: reach.label.clone(),
        scope,
        periods: starts.iter().map(|s| q.grouping.label(*s)).collect(),
        series,
        series_by: if by_agent { "agent" } else { "team" }.into(),
        behaviours: fw.behaviours().map(|b| b.name.clone()).collect(),
        heatmap,
        reliability,
        pooled_sd: pooled,
    })
}
