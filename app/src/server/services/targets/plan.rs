//! Setting a target: who may, the form with current coach ratings, and
//! the baseline computed on the server.

use crate::domain::access::Action;
use crate::domain::benchmark::DEFAULT_WINDOW_DAYS;
use crate::domain::lifecycle::MembershipKind;
use crate::domain::targets::{check_new_target, TargetStatus};
use crate::error::AppError;
use crate::server::entities::{target, user};
use crate::server::kernel::dates::parse_iso_day;
use crate::server::kernel::notify::notify;
use crate::server::kernel::visibility::{team_coaches, teams_of};
use crate::server::kernel::{is_unique_violation, AuthUser, Ctx};
use crate::server::kernel::{InOrg, Visibility};
use crate::server::services::development::{
    agent_for, agent_refs, agent_targets, current_framework, lineage_map, profile_of,
    scored_ratings,
};
use crate::server::services::targets::refresh_statuses;
use crate::types::{FrameworkView, TargetForm};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};

pub(super) async fn target_in_reach(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    vis: &Visibility,
    id: i32,
) -> Result<(target::Model, user::Model), AppError> {
    let t = target::Entity::get_in_org(db, caller.org_id, id).await?;
    let agent = agent_for(db, caller, vis, Some(t.agent_id)).await?;
    Ok((t, agent))
}

/// The coaches of the agent's teams, to tell them about the agent's targets.
pub(super) async fn coaches_of(
    db: &impl ConnectionTrait,
    agent_id: i32,
) -> Result<Vec<i32>, AppError> {
    let teams = teams_of(db, agent_id, MembershipKind::Agent).await?;
    let mut ids: Vec<i32> = team_coaches(db, &teams)
        .await?
        .into_iter()
        .map(|(_, coach)| coach)
        .filter(|id| *id != agent_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// The agent's coach rating of each behaviour over the default window up to
/// `now`: what a new target starts from.
async fn current_profile(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    fw: &FrameworkView,
    agent_id: i32,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<Option<crate::domain::benchmark::CoachRating>>, AppError> {
    let from = now - Duration::days(DEFAULT_WINDOW_DAYS);
    let scored = scored_ratings(
        db,
        caller.org_id,
        &[agent_id],
        from,
        &lineage_map(db, caller.org_id).await?,
    )
    .await?;
    Ok(profile_of(
        fw,
        &scored,
        agent_id,
        now,
        DEFAULT_WINDOW_DAYS,
        caller.clock.org_zone(),
    ))
}

pub async fn target_form(cx: &Ctx, agent_id: Option<i32>) -> Result<TargetForm, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let vis = Visibility::of(db, caller).await?;
    let agent = agent_for(db, caller, &vis, agent_id).await?;
    if !caller.may(Action::SetTarget, vis.agent_relation(agent.id)) {
        return Err(AppError::Forbidden);
    }
    let now = Utc::now();
    let fw = current_framework(db, caller.org_id).await?;
    let profile = current_profile(db, caller, &fw, agent.id, now).await?;
    Ok(TargetForm {
        agent: agent_refs(db, caller.org_id, std::slice::from_ref(&agent))
            .await?
            .remove(0),
        behaviours: fw
            .behaviours()
            .zip(profile)
            .map(|(b, c)| (b.id, b.name.clone(), c, b.anchors.clone()))
            .collect(),
        today: caller.clock.day_of(now).format("%Y-%m-%d").to_string(),
    })
}

/// Sets a target. The baseline is the coach rating over the last 90 days,
/// computed here, never typed in.
pub async fn create_target(
    cx: &Ctx,
    agent_id: i32,
    behaviour_id: i32,
    level: i16,
    due_on: &str,
    plan: &str,
) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let vis = Visibility::of(db, caller).await?;
    let agent = agent_for(db, caller, &vis, Some(agent_id)).await?;
    let by_coach = agent.id != caller.id;
    if !caller.may(Action::SetTarget, vis.agent_relation(agent.id)) {
        return Err(AppError::Forbidden);
    }
    let now = Utc::now();
    let fw = current_framework(db, caller.org_id).await?;
    let behaviour = fw
        .behaviours()
        .find(|b| b.id == behaviour_id)
        .cloned()
        .ok_or_else(|| {
            AppError::invalid(
                "behaviour_id",
                "Choose a behaviour of the current framework.",
            )
        });
    // The rest of the form is checked too before anything is refused.
    let today = caller.clock.day_of(now);
    if let Err(unknown) = &behaviour {
        let rest = check_new_target(level, parse_iso_day(due_on), plan, None, today);
        AppError::gather([Some(unknown.clone()), rest.err().map(invalid_fields)])?;
    }
    let behaviour = behaviour?;
    // Stored statuses first brought up to date: the unique index of one
    // open target per behaviour reads them.
    refresh_statuses(db, caller.org_id, &[agent.id], now).await?;
    let existing = agent_targets(db, caller.org_id, &[agent.id]).await?;
    let already_open = |due: chrono::NaiveDate| {
        AppError::invalid(
            "behaviour_id",
            format!(
                "There is already an open target on \"{}\", due {}; work on that one first.",
                behaviour.name,
                due.format("%-d %b %Y")
            ),
        )
    };
    if let Some(open) = existing
        .iter()
        .filter(|t| t.lineage == behaviour.lineage)
        .find(|t| t.status.is_some_and(TargetStatus::is_open))
    {
        return Err(already_open(open.due_on));
    }
    let baseline = current_profile(db, caller, &fw, agent.id, now)
        .await?
        .into_iter()
        .zip(fw.behaviours())
        .find(|(_, b)| b.id == behaviour_id)
        .and_then(|(c, _)| c);
    check_new_target(
        level,
        parse_iso_day(due_on),
        plan,
        baseline.as_ref().map(|c| c.mean),
        today,
    )
    .map_err(invalid_fields)?;
    let txn = db.begin().await?;
    let saved = target::ActiveModel {
        org_id: Set(caller.org_id),
        agent_id: Set(agent.id),
        behaviour_id: Set(behaviour.id),
        lineage: Set(behaviour.lineage.clone()),
        baseline: Set(baseline.as_ref().map(|c| c.mean)),
        baseline_calls: Set(baseline.as_ref().map_or(0, |c| c.calls as i32)),
        level: Set(level),
        due_on: Set(parse_iso_day(due_on).unwrap_or_default()),
        plan: Set(plan.trim().to_string()),
        created_by: Set(caller.id),
        created_at: Set(now),
        // A coach who sets the target with the agent has agreed to it.
        agreed_by: Set(by_coach.then_some(caller.id)),
        agreed_at: Set(by_coach.then_some(now)),
        // No call has happened since this moment yet.
        status: Set(Some(TargetStatus::NotEnoughCalls)),
        progress_calls: Set(Some(0)),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            // Another request set one on this behaviour a moment ago.
            already_open(parse_iso_day(due_on).unwrap_or_default())
        } else {
            e.into()
        }
    })?;
    let link = format!("/targets/{}", saved.id);
    if by_coach {
        notify(
            &txn,
            caller.org_id,
            agent.id,
            format!(
                "{} set a target with you: {} at level {level}",
                caller.name, behaviour.name
            ),
            link,
        )
        .await?;
    } else {
        for coach in coaches_of(&txn, agent.id).await? {
            notify(
                &txn,
                caller.org_id,
                coach,
                format!(
                    "{} set a target on {} (level {level}): agree or comment",
                    agent.name, behaviour.name
                ),
                link.clone(),
            )
            .await?;
        }
    }
    txn.commit().await?;
    Ok(saved.id)
}

fn invalid_fields(problems: Vec<(&'static str, String)>) -> AppError {
    AppError::invalid_fields(
        problems
            .into_iter()
            .map(|(field, message)| (field.to_string(), message))
            .collect(),
    )
}
