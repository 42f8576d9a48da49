//! The benchmark page: self rating beside coach rating, targets, practice.

use super::*;
use crate::domain::access::{self, Action};
use crate::domain::benchmark::{self, gap, DEFAULT_WINDOW_DAYS, WINDOW_CHOICES};
use crate::error::AppError;
use crate::server::entities::{practice_behaviour, practice_session};
use crate::server::kernel::Ctx;
use crate::server::kernel::Visibility;
use crate::types::{BenchmarkRow, BenchmarkView, FrameworkView, PracticeView, TargetSummary};
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

pub async fn practice_views(
    db: &impl ConnectionTrait,
    sessions: Vec<practice_session::Model>,
    fw: &FrameworkView,
    all: &HashMap<i32, (String, String)>,
) -> Result<Vec<PracticeView>, AppError> {
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let mut lineages: HashMap<i32, Vec<String>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        for b in practice_behaviour::Entity::find()
            .filter(practice_behaviour::Column::SessionId.is_in(chunk.to_vec()))
            .order_by_asc(practice_behaviour::Column::Id)
            .all(db)
            .await?
        {
            lineages.entry(b.session_id).or_default().push(b.lineage);
        }
    }
    Ok(sessions
        .into_iter()
        .map(|s| PracticeView {
            id: s.id,
            on: s.practised_on.format("%-d %b %Y").to_string(),
            kind: s.kind.label().to_string(),
            behaviours: lineages
                .get(&s.id)
                .map(|ls| ls.iter().map(|l| behaviour_name(fw, all, l)).collect())
                .unwrap_or_default(),
            rated_by: if s.rater == "peer" {
                format!("Peer: {}", s.peer_name)
            } else {
                "Self".into()
            },
            rating: s.rating,
            scenario: s.scenario,
            reflection: s.reflection,
        })
        .collect())
}

pub(super) fn window(days: Option<i64>) -> i64 {
    days.filter(|d| WINDOW_CHOICES.contains(d))
        .unwrap_or(DEFAULT_WINDOW_DAYS)
}

// ---- The benchmark view -----------------------------------------------------

pub async fn benchmark(
    cx: &Ctx,
    agent_id: Option<i32>,
    days: Option<i64>,
) -> Result<BenchmarkView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let vis = Visibility::of(db, caller).await?;
    let agent = agent_for(db, caller, &vis, agent_id).await?;
    let days = window(days);
    let now = Utc::now();
    let fw = current_framework(db, caller.org_id).await?;
    let all = lineage_map(db, caller.org_id).await?;
    let targets = agent_targets(db, caller.org_id, &[agent.id]).await?;
    // The window's ratings only: targets carry their progress.
    let scored = scored_ratings(
        db,
        caller.org_id,
        &[agent.id],
        now - Duration::days(days),
        &all,
    )
    .await?;
    let zone = caller.clock.org_zone();
    let profile = profile_of(&fw, &scored, agent.id, now, days, zone);
    let own = latest_self(db, caller.org_id, &[agent.id]).await?;
    let own = own.get(&agent.id);

    let summaries: Vec<TargetSummary> =
        target_summaries(db, caller, &targets, (&fw, &all), now).await?;
    let open_on = |lineage: &str| {
        targets
            .iter()
            .zip(&summaries)
            .find(|(t, s)| t.lineage == lineage && s.status.is_open())
            .map(|(t, _)| t.id)
    };
    let rows = fw
        .clusters
        .iter()
        .flat_map(|c| c.behaviours.iter().map(move |b| (c, b)))
        .zip(profile)
        .map(|((c, b), coach)| {
            let mine = own.and_then(|(_, levels)| levels.get(&b.lineage));
            BenchmarkRow {
                behaviour_id: b.id,
                lineage: b.lineage.clone(),
                name: b.name.clone(),
                cluster: c.name.clone(),
                self_level: mine.map(|m| m.0),
                self_example: mine.map(|m| m.1.clone()).unwrap_or_default(),
                gap: gap(mine.map(|m| m.0), coach.as_ref()),
                coach,
                open_target: open_on(&b.lineage),
            }
        })
        .collect();
    let scored_calls = scored
        .iter()
        .filter(|s| benchmark::in_window(s.call_at, now, days, &zone))
        .map(|s| s.call_id)
        .collect::<HashSet<_>>()
        .len();
    let recent = practice_session::Entity::find()
        .filter(practice_session::Column::OrgId.eq(caller.org_id))
        .filter(practice_session::Column::AgentId.eq(agent.id))
        .order_by_desc(practice_session::Column::PractisedOn)
        .order_by_desc(practice_session::Column::Id)
        .limit(5)
        .all(db)
        .await?;
    let practice = practice_views(db, recent, &fw, &all).await?;
    let agents = if access::permits_any(caller.roles, Action::ViewTeamOverview) {
        agent_refs(db, caller.org_id, &agents_in_reach(db, &vis).await?).await?
    } else {
        vec![]
    };
    Ok(BenchmarkView {
        agent: agent_refs(db, caller.org_id, std::slice::from_ref(&agent))
            .await?
            .remove(0),
        days,
        framework_version: fw.version,
        self_assessed_on: own.map(|(at, _)| caller.clock.day(*at)),
        rows,
        scored_calls,
        targets: summaries,
        practice,
        is_self: agent.id == caller.id,
        agents,
    })
}
