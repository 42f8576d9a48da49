//! The coach's team view: each agent's gaps, targets and practice.

use super::*;
use crate::domain::access::Action;
use crate::domain::benchmark::{self, gap, Moments, DEFAULT_WINDOW_DAYS};
use crate::domain::kpi::review_pack::for_each_call;
use crate::domain::local_time;
use crate::error::AppError;
use crate::server::entities::{practice_session, user};
use crate::server::kernel::{quality_rollup, Ctx, Visibility};
use crate::types::{FrameworkView, GapChip, TeamAgentRow};
use chrono::{DateTime, Utc};
use futures::try_join;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

// ---- The coach's team view --------------------------------------------------

pub async fn team_overview(cx: &Ctx) -> Result<Vec<TeamAgentRow>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ViewTeamOverview)?;
    let (org_id, zone, now) = (caller.org_id, caller.clock.org_zone(), Utc::now());
    let vis = Visibility::of(db, caller).await?;
    // The reads below do not wait on each other, so they go together: on a
    // pool each takes a connection of its own, and a leader's view of
    // hundreds of agents waits for the slowest read rather than their sum.
    let (agents, fw, all) = try_join!(
        agents_in_reach(db, &vis),
        current_framework(db, org_id),
        lineage_map(db, org_id),
    )?;
    let agents: Vec<user::Model> = agents.into_iter().filter(|a| a.id != caller.id).collect();
    let ids: Vec<i32> = agents.iter().map(|a| a.id).collect();
    let (targets, window, own, last_practice, refs) = try_join!(
        agent_targets(db, org_id, &ids),
        window_calls(db, org_id, (&fw, &all), &ids, now, zone),
        latest_self(db, org_id, &ids),
        last_practice(db, &ids),
        agent_refs(db, org_id, &agents),
    )?;
    let summaries = target_summaries(db, caller, &targets, (&fw, &all), now).await?;
    Ok(refs
        .into_iter()
        .map(|agent| {
            let (scored_calls, profile) = match window.get(&agent.id) {
                Some((calls, levels)) => (*calls, levels.iter().map(Moments::rating).collect()),
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
/// the current framework, the moments of those calls' values, read from the
/// quality rollup (a day's reviews a row) rather than from every rating.
async fn window_calls(
    db: &impl ConnectionTrait,
    org_id: i32,
    (fw, all): (&FrameworkView, &HashMap<i32, (String, String)>),
    agents: &[i32],
    now: DateTime<Utc>,
    zone: chrono_tz::Tz,
) -> Result<HashMap<i32, (usize, Vec<Moments>)>, AppError> {
    let lineages: Vec<String> = fw.behaviours().map(|b| b.lineage.clone()).collect();
    let column_of = columns_from(all, &lineages);
    let wanted: HashSet<i32> = agents.iter().copied().collect();
    let from = benchmark::window_start_day(now, DEFAULT_WINDOW_DAYS, &zone);
    let reviews = quality_rollup::read(db, org_id, from, local_time::day_of(now, &zone), |a, _| {
        wanted.contains(&a)
    })
    .await?;
    let mut out: HashMap<i32, (usize, Vec<Moments>)> = HashMap::new();
    let kept = reviews
        .iter()
        .map(|(_, e)| e)
        .filter(|e| wanted.contains(&e.agent_id));
    for_each_call(kept, &column_of, lineages.len(), |call, values| {
        let (calls, levels) = out
            .entry(call[0].agent_id)
            .or_insert_with(|| (0, vec![Moments::default(); lineages.len()]));
        *calls += 1;
        for (moments, value) in levels.iter_mut().zip(values) {
            if let Some(level) = value {
                moments.push(*level);
            }
        }
    });
    Ok(out)
}

/// The day each agent last practised.
async fn last_practice(
    db: &impl ConnectionTrait,
    agents: &[i32],
) -> Result<HashMap<i32, chrono::NaiveDate>, AppError> {
    let mut last: HashMap<i32, chrono::NaiveDate> = HashMap::new();
    for chunk in agents.chunks(CHUNK) {
        for (agent, on) in practice_session::Entity::find()
            .select_only()
            .column(practice_session::Column::AgentId)
            .column(practice_session::Column::PractisedOn)
            .filter(practice_session::Column::AgentId.is_in(chunk.to_vec()))
            .into_tuple::<(i32, chrono::NaiveDate)>()
            .all(db)
            .await?
        {
            let e = last.entry(agent).or_insert(on);
            *e = (*e).max(on);
        }
    }
    Ok(last)
}
