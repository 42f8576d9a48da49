//! The quality dashboards (PRODUCT.md §6): review score trends by team or
//! agent, the agents × behaviours heatmap of coach ratings, and how
//! reliable each agent's mean review score is. Calls are placed in time by
//! when they happened, as on the development pages.

use super::reach::Reach;
use crate::domain::benchmark::{self, ScoredRating};
use crate::domain::calls::Channel;
use crate::domain::kpi::{pooled_sd, reliability};
use crate::domain::lifecycle::ReviewStatus;
use crate::error::AppError;
use crate::server::entities::{call, review, team, user};
use crate::server::kernel::Ctx;
use crate::server::services::calls;
use crate::server::services::development::{current_framework, scored_ratings};
use crate::types::{HeatCell, HeatRow, KpiQuery, QualityView, ReliabilityRow, ScoreSeries};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Ids per `IN (…)` list: well under every database's parameter limit.
const CHUNK: usize = 5_000;

/// A submitted review of a call in the period, with the call's time.
struct Scored {
    agent_id: i32,
    team_id: i32,
    call_id: i32,
    score: f64,
    at: DateTime<Utc>,
}

/// The organisation's submitted reviews of calls in the period (and
/// channel): the reach's make the dashboards, all of them the pooled spread.
async fn reviews_in_period(
    cx: &Ctx,
    reach: &Reach,
    channel: Option<Channel>,
) -> Result<Vec<Scored>, AppError> {
    let db = &cx.db;
    // A call in the period was reviewed after it happened.
    let rows: Vec<(i32, i32, i32, Option<f64>)> = review::ordinary()
        .select_only()
        .columns([
            review::Column::AgentId,
            review::Column::TeamId,
            review::Column::CallId,
            review::Column::Score,
        ])
        .filter(review::Column::OrgId.eq(cx.caller.org_id))
        .filter(review::Column::Status.ne(ReviewStatus::Draft))
        .filter(review::Column::SubmittedAt.gte(reach.start()))
        .into_tuple()
        .all(db)
        .await?;
    let ids: Vec<i32> = rows
        .iter()
        .map(|r| r.2)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut at: HashMap<i32, DateTime<Utc>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let mut q = call::Entity::find()
            .select_only()
            .columns([call::Column::Id, call::Column::OccurredAt])
            .filter(call::Column::Id.is_in(chunk.to_vec()))
            .filter(reach.between(call::Column::OccurredAt));
        if let Some(c) = channel {
            q = q.filter(call::Column::Channel.eq(c));
        }
        at.extend(q.into_tuple::<(i32, DateTime<Utc>)>().all(db).await?);
    }
    Ok(rows
        .into_iter()
        .filter_map(|(agent_id, team_id, call_id, score)| {
            Some(Scored {
                agent_id,
                team_id,
                call_id,
                score: score?,
                at: *at.get(&call_id)?,
            })
        })
        .collect())
}

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

pub async fn quality(cx: &Ctx, q: KpiQuery) -> Result<QualityView, AppError> {
    let db = &cx.db;
    let reach = Reach::of(cx, &q).await?;
    let scope = calls::options(cx).await?;
    let all = reviews_in_period(cx, &reach, q.channel).await?;
    let mine: Vec<&Scored> = all
        .iter()
        .filter(|r| reach.admits(r.agent_id, r.team_id))
        .collect();

    // The agents shown: those in reach (by their team), and anyone reviewed.
    let mut agent_ids: BTreeSet<i32> = scope
        .agents
        .iter()
        .filter(|(id, _, t)| reach.admits(*id, t.unwrap_or_default()))
        .map(|(id, _, _)| *id)
        .collect();
    agent_ids.extend(mine.iter().map(|r| r.agent_id));
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
    let mut lines: BTreeMap<String, Vec<Vec<f64>>> = BTreeMap::new();
    for r in &mine {
        let name = if by_agent {
            names
                .get(&r.agent_id)
                .cloned()
                .unwrap_or_else(|| "An agent".into())
        } else {
            team_names
                .get(&r.team_id)
                .cloned()
                .unwrap_or_else(|| "A team".into())
        };
        let start = q.grouping.start(r.at.date_naive());
        let Some(&i) = index_of.get(&start) else {
            continue;
        };
        lines
            .entry(name)
            .or_insert_with(|| vec![vec![]; starts.len()])[i]
            .push(r.score);
    }
    let series = lines
        .into_iter()
        .map(|(name, per)| ScoreSeries {
            name,
            points: per
                .iter()
                .map(|xs| (!xs.is_empty()).then(|| (mean(xs), xs.len())))
                .collect(),
        })
        .collect();

    // The heatmap: coach ratings of the calls reviewed in the period.
    let fw = current_framework(db, cx.caller.org_id).await?;
    let lineages: Vec<String> = fw.behaviours().map(|b| b.lineage.clone()).collect();
    let calls_in: HashSet<i32> = mine.iter().map(|r| r.call_id).collect();
    let agent_ids: Vec<i32> = agents.iter().map(|a| a.0).collect();
    let ratings = scored_ratings(db, cx.caller.org_id, &agent_ids, reach.start()).await?;
    let days = (reach.to - reach.from).num_days() + 1;
    // Grouped by agent once: one pass, not one per agent.
    let mut ratings_of: HashMap<i32, Vec<ScoredRating>> = HashMap::new();
    for s in ratings.iter().filter(|s| calls_in.contains(&s.call_id)) {
        ratings_of
            .entry(s.agent_id)
            .or_default()
            .push(ScoredRating {
                lineage: s.lineage.clone(),
                call_id: s.call_id,
                at: s.call_at,
                rating: s.rating,
            });
    }
    let heatmap = agents
        .iter()
        .map(|(id, name)| {
            let theirs = ratings_of.remove(id).unwrap_or_default();
            let profile = benchmark::profile(&lineages, &theirs, reach.end(), days);
            HeatRow {
                agent_id: *id,
                agent: name.clone(),
                cells: profile
                    .into_iter()
                    .map(|c| match c {
                        Some(c) => HeatCell {
                            mean: c.enough().then_some(c.mean),
                            calls: c.calls,
                        },
                        None => HeatCell {
                            mean: None,
                            calls: 0,
                        },
                    })
                    .collect(),
            }
        })
        .collect();

    // Reliability: each agent's scores; the spread pooled over everyone's.
    let mut per_agent: BTreeMap<i32, Vec<f64>> = BTreeMap::new();
    for r in &all {
        per_agent.entry(r.agent_id).or_default().push(r.score);
    }
    let pooled = pooled_sd(&per_agent.values().cloned().collect::<Vec<_>>());
    let mut scores_of: HashMap<i32, Vec<f64>> = HashMap::new();
    for r in &mine {
        scores_of.entry(r.agent_id).or_default().push(r.score);
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
