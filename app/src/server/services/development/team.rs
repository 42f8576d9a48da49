//! The coach's team view: each agent's gaps, targets and practice.

use super::*;
use crate::domain::access::Action;
use crate::domain::benchmark::{self, coach_rating, gap, DEFAULT_WINDOW_DAYS};
use crate::domain::kpi::review_pack::for_each_call;
use crate::domain::local_time;
use crate::error::AppError;
use crate::server::entities::{practice_session, user};
use crate::server::kernel::{quality_rollup, Ctx, Visibility};
use crate::types::{FrameworkView, GapChip, TeamAgentRow};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

// ---- The coach's team view --------------------------------------------------

pub async fn team_overview(cx: &Ctx) -> Result<Vec<TeamAgentRow>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ViewTeamOverview)?;
    let vis = Visibility::of(db, caller).await?;
    let agents: Vec<user::Model> = agents_in_reach(db, &vis)
        .await?
        .into_iter()
        .filter(|a| a.id != caller.id)
        .collect();
    let ids: Vec<i32> = agents.iter().map(|a| a.id).collect();
    let now = Utc::now();
    let fw = current_framework(db, caller.org_id).await?;
    let all = lineage_map(db, caller.org_id).await?;
    let targets = agent_targets(db, caller.org_id, &ids).await?;
    let zone = caller.clock.org_zone();
    let window = window_calls(db, caller.org_id, &fw, &ids, now, zone).await?;
    let summaries = target_summaries(db, caller, &targets, (&fw, &all), now).await?;
    let own = latest_self(db, caller.org_id, &ids).await?;
    let mut last_practice: HashMap<i32, chrono::NaiveDate> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        for (agent, on) in practice_session::Entity::find()
            .select_only()
            .column(practice_session::Column::AgentId)
            .column(practice_session::Column::PractisedOn)
            .filter(practice_session::Column::AgentId.is_in(chunk.to_vec()))
            .into_tuple::<(i32, chrono::NaiveDate)>()
            .all(db)
            .await?
        {
            let e = last_practice.entry(agent).or_insert(on);
            *e = (*e).max(on);
        }
    }
    let refs = agent_refs(db, caller.org_id, &agents).await?;
    Ok(refs
        .into_iter()
        .map(|agent| {
            let (scored_calls, profile) = match window.get(&agent.id) {
                Some((calls, levels)) => (*calls, levels.iter().map(|l| coach_rating(l)).collect()),
                None => (0, vec![None; fw.behaviours().count()]),
            };
            let mine = own.get(&agent.id);
            let (mut blind, mut hidden) = (vec![], vec![]);
            for (b, coach) in fw.behaviours().zip(&profile) {
                let level = mine.and_then(|(_, l)| l.get(&b.lineage)).map(|m| m.0);
                let chip = || GapChip {
                    name: b.name.clone(),
                    levels: level.map_or(0.0, f64::from) - coach.as_ref().map_or(0.0, |c| c.mean),
                };
                match gap(level, coach.as_ref()) {
                    benchmark::Gap::BlindSpot => blind.push(chip()),
                    benchmark::Gap::HiddenStrength => hidden.push(chip()),
                    _ => {}
                }
            }
            // A coach triages by the widest gap; ties keep framework order.
            blind.sort_by(|a, b| b.levels.total_cmp(&a.levels));
            hidden.sort_by(|a, b| a.levels.total_cmp(&b.levels));
            TeamAgentRow {
                self_assessed_on: mine.map(|(at, _)| caller.clock.day(*at)),
                scored_calls,
                blind_spots: blind,
                hidden_strengths: hidden,
                targets: targets
                    .iter()
                    .zip(&summaries)
                    .filter(|(t, _)| t.agent_id == agent.id)
                    .map(|(_, s)| s.clone())
                    .collect(),
                last_practice: last_practice
                    .get(&agent.id)
                    .map(|d| d.format("%-d %b %Y").to_string()),
                agent,
            }
        })
        .collect())
}

/// Each agent's scored calls in the benchmark window and, per behaviour of
/// the current framework, those calls' values, read from the quality rollup
/// (a day's reviews a row) rather than from every rating.
async fn window_calls(
    db: &impl ConnectionTrait,
    org_id: i32,
    fw: &FrameworkView,
    agents: &[i32],
    now: DateTime<Utc>,
    zone: chrono_tz::Tz,
) -> Result<HashMap<i32, (usize, Vec<Vec<f64>>)>, AppError> {
    let lineages: Vec<String> = fw.behaviours().map(|b| b.lineage.clone()).collect();
    let column_of = columns_of(db, org_id, &lineages).await?;
    let wanted: HashSet<i32> = agents.iter().copied().collect();
    let from = benchmark::window_start_day(now, DEFAULT_WINDOW_DAYS, &zone);
    let reviews = quality_rollup::read(db, org_id, from, local_time::day_of(now, &zone), |a, _| {
        wanted.contains(&a)
    })
    .await?;
    let mut out: HashMap<i32, (usize, Vec<Vec<f64>>)> = HashMap::new();
    let kept = reviews
        .iter()
        .map(|(_, e)| e)
        .filter(|e| wanted.contains(&e.agent_id));
    for_each_call(kept, &column_of, lineages.len(), |call, values| {
        let (calls, levels) = out
            .entry(call[0].agent_id)
            .or_insert_with(|| (0, vec![Vec::new(); lineages.len()]));
        *calls += 1;
        for (column, value) in levels.iter_mut().zip(values) {
            column.extend(*value);
        }
    });
    Ok(out)
}
