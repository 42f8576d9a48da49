//! The coach's team view: each agent's gaps, targets and practice.

use super::*;
use crate::domain::access::Action;
use crate::domain::benchmark::{self, gap, DEFAULT_WINDOW_DAYS};
use crate::error::AppError;
use crate::server::entities::{practice_session, user};
use crate::server::kernel::dates::day;
use crate::server::kernel::Ctx;
use crate::server::kernel::Visibility;
use crate::types::TeamAgentRow;
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
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
    let since = since_for(&targets, now - Duration::days(DEFAULT_WINDOW_DAYS));
    let scored = scored_ratings(db, caller.org_id, &ids, since).await?;
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
            let profile = profile_of(&fw, &scored, agent.id, now, DEFAULT_WINDOW_DAYS);
            let mine = own.get(&agent.id);
            let (mut blind, mut hidden) = (vec![], vec![]);
            for (b, coach) in fw.behaviours().zip(&profile) {
                let level = mine.and_then(|(_, l)| l.get(&b.lineage)).map(|m| m.0);
                match gap(level, coach.as_ref()) {
                    benchmark::Gap::BlindSpot => blind.push(b.name.clone()),
                    benchmark::Gap::HiddenStrength => hidden.push(b.name.clone()),
                    _ => {}
                }
            }
            let scored_calls = scored
                .iter()
                .filter(|s| {
                    s.agent_id == agent.id
                        && benchmark::in_window(s.call_at, now, DEFAULT_WINDOW_DAYS)
                })
                .map(|s| s.call_id)
                .collect::<HashSet<_>>()
                .len();
            TeamAgentRow {
                self_assessed_on: mine.map(|(at, _)| day(*at)),
                scored_calls,
                blind_spots: blind,
                hidden_strengths: hidden,
                targets: targets
                    .iter()
                    .filter(|t| t.agent_id == agent.id)
                    .map(|t| summary_of(t, behaviour_name(&fw, &all, &t.lineage), &scored, now))
                    .collect(),
                last_practice: last_practice
                    .get(&agent.id)
                    .map(|d| d.format("%-d %b %Y").to_string()),
                agent,
            }
        })
        .collect())
}
