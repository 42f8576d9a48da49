//! Target statuses as last computed, so that a change can be told to the
//! people involved: the agent, the coach who agreed the target and a coach
//! who set it. A status changes when a review is submitted or amended, and
//! with time (the due day passing), which a periodic sweep catches.

use crate::error::AppError;
use crate::server::entities::target;
use crate::server::kernel::clock::org_clock;
use crate::server::kernel::is_unique_violation;
use crate::server::kernel::names::names_of;
use crate::server::kernel::notify::notify;
use crate::server::services::development::{
    agent_targets, lineage_map, progress_of, target_ratings,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::BTreeMap;

/// Recomputes the agents' targets and keeps what a view of many targets
/// reads (status, achievement, calls counted and their mean); notifies on
/// every status change from a recorded one. Achieved targets are recomputed
/// too: achievement sticks, but their calls and mean move until the due
/// day. Returns how many changes were notified.
pub async fn refresh_statuses(
    db: &impl ConnectionTrait,
    org_id: i32,
    agent_ids: &[i32],
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let targets: Vec<target::Model> = agent_targets(db, org_id, agent_ids).await?;
    if targets.is_empty() {
        return Ok(0);
    }
    let zone = org_clock(db, org_id).await?.org_zone();
    let behaviours = lineage_map(db, org_id).await?;
    let scored = target_ratings(db, org_id, &targets, &behaviours).await?;
    let mut changes = vec![];
    for t in &targets {
        let p = progress_of(t, &scored, now, zone).0;
        let (calls, mean) = (Some(p.calls as i32), p.mean);
        let same_status = t.status == Some(p.status) && t.achieved_on == p.achieved_on;
        if same_status && (t.progress_calls, t.progress_mean) == (calls, mean) {
            continue;
        }
        let mut update = target::Entity::update_many()
            .col_expr(target::Column::ProgressCalls, Expr::value(calls))
            .col_expr(target::Column::ProgressMean, Expr::value(mean))
            .filter(target::Column::Id.eq(t.id));
        if same_status {
            update.exec(db).await?;
            continue;
        }
        // Only the refresh that moves the stored status on notifies, so two
        // refreshes racing each other tell people once.
        update = update
            .col_expr(target::Column::Status, Expr::value(p.status))
            .col_expr(target::Column::AchievedOn, Expr::value(p.achieved_on));
        update = match t.status {
            Some(old) => update.filter(target::Column::Status.eq(old)),
            None => update.filter(target::Column::Status.is_null()),
        };
        let moved = match update.exec(db).await {
            Ok(done) => done.rows_affected == 1,
            // Two open targets on one behaviour from before the unique
            // index: the older one keeps its recorded status.
            Err(e) if is_unique_violation(&e) => false,
            Err(e) => return Err(e.into()),
        };
        if let Some(old) = t.status.filter(|old| moved && *old != p.status) {
            changes.push((t, old, p));
        }
    }
    if changes.is_empty() {
        return Ok(0);
    }
    let people = names_of(db, org_id, changes.iter().map(|(t, ..)| t.agent_id)).await?;
    for (t, old, p) in &changes {
        let behaviour = behaviours
            .get(&t.behaviour_id)
            .map_or("a behaviour", |(_, name)| name.as_str());
        let agent = people.get(&t.agent_id).map_or("An agent", String::as_str);
        let (now_is, was) = (p.status.label().to_lowercase(), old.label().to_lowercase());
        let mut told = BTreeMap::new();
        told.insert(
            t.agent_id,
            format!(
                "Your target on {behaviour} is now {now_is} (was {was}). {}",
                p.reason
            ),
        );
        for coach in [t.agreed_by, Some(t.created_by)].into_iter().flatten() {
            told.entry(coach).or_insert_with(|| {
                format!("{agent}'s target on {behaviour} is now {now_is} (was {was}).")
            });
        }
        let link = format!("/targets/{}", t.id);
        for (user, text) in told {
            notify(db, org_id, user, text, link.clone()).await?;
        }
    }
    Ok(changes.len())
}

/// Refreshes the targets of every agent with a target not yet achieved or
/// never computed, organisation by organisation: the sweep that notices due
/// days passing, and fills in progress kept from before it was kept.
pub async fn refresh_all_statuses(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let pending: Vec<(i32, i32)> = target::Entity::find()
        .select_only()
        .column(target::Column::OrgId)
        .column(target::Column::AgentId)
        .filter(target::not_achieved().add(target::Column::ProgressCalls.is_null()))
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    let mut by_org: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for (org, agent) in pending {
        by_org.entry(org).or_default().push(agent);
    }
    let mut changed = 0;
    for (org, agents) in by_org {
        changed += refresh_statuses(db, org, &agents, now).await?;
    }
    Ok(changed)
}
