//! Behavioural targets with check-ins and the coach's agreement, and the
//! practice log. Progress is never stored: it is computed from the reviews
//! submitted since the target was set (see `domain::targets`).

use super::development::{
    agent_for, agent_refs, agent_targets, behaviour_name, current_framework, lineage_map,
    practice_views, profile_of, progress_of, scored_ratings, summary_with,
};
use crate::domain::access::{Action, Relation};
use crate::domain::benchmark::{level_value, DEFAULT_WINDOW_DAYS};
use crate::domain::lifecycle::MembershipKind;
use crate::domain::practice::{check_practice, PracticeInput};
use crate::domain::targets::{check_new_target, MAX_NOTE};
use crate::error::AppError;
use crate::server::entities::{
    practice_behaviour, practice_session, target, target_checkin, team_member, user,
};
use crate::server::kernel::dates::{day, parse_iso_day, when};
use crate::server::kernel::notify::notify;
use crate::server::kernel::{AuthUser, Ctx};
use crate::server::kernel::{InOrg, Visibility};
use crate::types::{CheckinView, EvidenceCall, PracticeLog, TargetForm, TargetView};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use std::collections::HashMap;

async fn target_in_reach(
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
async fn coaches_of(db: &impl ConnectionTrait, agent_id: i32) -> Result<Vec<i32>, AppError> {
    let teams: Vec<i32> = team_member::Entity::find()
        .filter(team_member::Column::UserId.eq(agent_id))
        .filter(team_member::Column::Role.eq(MembershipKind::Agent))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.team_id)
        .collect();
    let mut ids: Vec<i32> = team_member::Entity::find()
        .filter(team_member::Column::TeamId.is_in(teams))
        .filter(team_member::Column::Role.eq(MembershipKind::Coach))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .filter(|id| *id != agent_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
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
    let scored = scored_ratings(
        db,
        caller.org_id,
        &[agent.id],
        now - Duration::days(DEFAULT_WINDOW_DAYS),
    )
    .await?;
    let profile = profile_of(&fw, &scored, agent.id, now, DEFAULT_WINDOW_DAYS);
    Ok(TargetForm {
        agent: agent_refs(db, caller.org_id, std::slice::from_ref(&agent))
            .await?
            .remove(0),
        behaviours: fw
            .behaviours()
            .zip(profile)
            .map(|(b, c)| (b.id, b.name.clone(), c, b.anchors.clone()))
            .collect(),
        today: now.date_naive().format("%Y-%m-%d").to_string(),
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
        })?;
    let existing = agent_targets(db, caller.org_id, &[agent.id]).await?;
    let since = super::development::since_for(&existing, now - Duration::days(DEFAULT_WINDOW_DAYS));
    let scored = scored_ratings(db, caller.org_id, &[agent.id], since).await?;
    if let Some(open) = existing
        .iter()
        .filter(|t| t.lineage == behaviour.lineage)
        .find(|t| progress_of(t, &scored, now).0.status.is_open())
    {
        return Err(AppError::invalid(
            "behaviour_id",
            format!(
                "There is already an open target on \"{}\", due {}; work on that one first.",
                behaviour.name,
                open.due_on.format("%-d %b %Y")
            ),
        ));
    }
    let baseline = profile_of(&fw, &scored, agent.id, now, DEFAULT_WINDOW_DAYS)
        .into_iter()
        .zip(fw.behaviours())
        .find(|(_, b)| b.id == behaviour_id)
        .and_then(|(c, _)| c);
    check_new_target(
        level,
        parse_iso_day(due_on),
        plan,
        baseline.as_ref().map(|c| c.mean),
        now.date_naive(),
    )
    .map_err(|(field, message)| AppError::invalid(field, message))?;
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
        ..Default::default()
    }
    .insert(&txn)
    .await?;
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

pub async fn view(cx: &Ctx, id: i32) -> Result<TargetView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let vis = Visibility::of(db, caller).await?;
    let (t, agent) = target_in_reach(db, caller, &vis, id).await?;
    let now = Utc::now();
    let fw = current_framework(db, caller.org_id).await?;
    let all = lineage_map(db, caller.org_id).await?;
    let scored = scored_ratings(db, caller.org_id, &[agent.id], t.created_at).await?;
    let (progress, evidence) = progress_of(&t, &scored, now);
    let people: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::OrgId.eq(caller.org_id))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let name_of = |id: i32| people.get(&id).cloned().unwrap_or_else(|| "Someone".into());
    let days_from_start =
        |at: chrono::DateTime<Utc>| (at - t.created_at).num_seconds() as f64 / 86_400.0;
    let due_end = (t.due_on + Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .map_or(t.created_at, |d| d.and_utc());
    let current = fw.behaviours().find(|b| b.lineage == t.lineage).cloned();
    let checkins = target_checkin::Entity::find()
        .filter(target_checkin::Column::TargetId.eq(t.id))
        .order_by_asc(target_checkin::Column::CreatedAt)
        .order_by_asc(target_checkin::Column::Id)
        .all(db)
        .await?;
    // Practice that served this target: its behaviour, since it was set.
    let sessions: Vec<i32> = practice_behaviour::Entity::find()
        .filter(practice_behaviour::Column::Lineage.eq(t.lineage.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|b| b.session_id)
        .collect();
    let practice = practice_session::Entity::find()
        .filter(practice_session::Column::OrgId.eq(caller.org_id))
        .filter(practice_session::Column::AgentId.eq(agent.id))
        .filter(practice_session::Column::Id.is_in(sessions))
        .filter(practice_session::Column::PractisedOn.gte(t.created_at.date_naive()))
        .order_by_desc(practice_session::Column::PractisedOn)
        .all(db)
        .await?;
    let name = behaviour_name(&fw, &all, &t.lineage);
    Ok(TargetView {
        summary: summary_with(&t, name, &progress),
        agent: agent_refs(db, caller.org_id, std::slice::from_ref(&agent))
            .await?
            .remove(0),
        behaviour_definition: current
            .as_ref()
            .map(|b| b.definition.clone())
            .unwrap_or_default(),
        target_anchor: current
            .as_ref()
            .and_then(|b| b.anchors.get(t.level.clamp(1, 5) as usize - 1).cloned())
            .unwrap_or_default(),
        baseline_calls: t.baseline_calls,
        plan: t.plan.clone(),
        set_on: day(t.created_at),
        set_by: name_of(t.created_by),
        agreed_by: t.agreed_by.map(name_of),
        agreed_on: t.agreed_at.map(day),
        progress,
        horizon_days: days_from_start(due_end),
        today_day: days_from_start(now),
        evidence: evidence
            .iter()
            .map(|s| EvidenceCall {
                review_id: s.review_id,
                call_on: day(s.call_at),
                scored_on: day(s.scored_at),
                coach: name_of(s.coach_id),
                rating: s.rating.label(),
                day: days_from_start(s.scored_at),
                level: level_value(s.rating),
                counted: s.scored_at < due_end,
            })
            .collect(),
        checkins: checkins
            .into_iter()
            .map(|c| CheckinView {
                author: name_of(c.author_id),
                when: when(c.created_at),
                note: c.note,
            })
            .collect(),
        practice: practice_views(db, practice, &fw, &all).await?,
        can_agree: caller.may(Action::AgreeTarget, vis.agent_relation(agent.id))
            && t.agreed_by.is_none(),
        can_check_in: caller.may(Action::SetTarget, vis.agent_relation(agent.id)),
    })
}

fn check_note(note: &str, required: bool) -> Result<String, AppError> {
    let note = note.trim();
    if required && note.is_empty() {
        return Err(AppError::invalid(
            "note",
            "Write what happened since the last check-in.",
        ));
    }
    if note.chars().count() > MAX_NOTE {
        return Err(AppError::invalid(
            "note",
            format!("The note is longer than {MAX_NOTE} characters."),
        ));
    }
    Ok(note.to_string())
}

async fn add_note(
    db: &impl ConnectionTrait,
    target_id: i32,
    author: i32,
    note: String,
) -> Result<(), AppError> {
    target_checkin::ActiveModel {
        target_id: Set(target_id),
        author_id: Set(author),
        note: Set(note),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A coach agrees to the agent's target, with an optional comment.
pub async fn agree(cx: &Ctx, id: i32, comment: &str) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let vis = Visibility::of(db, caller).await?;
    let (t, agent) = target_in_reach(db, caller, &vis, id).await?;
    if !caller.may(Action::AgreeTarget, vis.agent_relation(agent.id)) {
        return Err(AppError::Forbidden);
    }
    if t.agreed_by.is_some() {
        return Err(AppError::Conflict(
            "This target is already agreed; add a check-in to comment.".into(),
        ));
    }
    let comment = check_note(comment, false)?;
    let txn = db.begin().await?;
    let mut active: target::ActiveModel = t.clone().into();
    active.agreed_by = Set(Some(caller.id));
    active.agreed_at = Set(Some(Utc::now()));
    active.update(&txn).await?;
    if !comment.is_empty() {
        add_note(&txn, t.id, caller.id, comment).await?;
    }
    notify(
        &txn,
        caller.org_id,
        agent.id,
        format!("{} agreed to your target", caller.name),
        format!("/targets/{}", t.id),
    )
    .await?;
    txn.commit().await.map_err(AppError::from)
}

/// A check-in by the agent or one of their coaches.
pub async fn check_in(cx: &Ctx, id: i32, note: &str) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let vis = Visibility::of(db, caller).await?;
    let (t, agent) = target_in_reach(db, caller, &vis, id).await?;
    if !caller.may(Action::SetTarget, vis.agent_relation(agent.id)) {
        return Err(AppError::Forbidden);
    }
    let note = check_note(note, true)?;
    let txn = db.begin().await?;
    add_note(&txn, t.id, caller.id, note).await?;
    let tell: Vec<i32> = if agent.id == caller.id {
        t.agreed_by.into_iter().collect()
    } else {
        vec![agent.id]
    };
    for user_id in tell {
        notify(
            &txn,
            caller.org_id,
            user_id,
            format!("{} added a check-in to a target", caller.name),
            format!("/targets/{}", t.id),
        )
        .await?;
    }
    txn.commit().await.map_err(AppError::from)
}

// ---- Practice log -----------------------------------------------------------

pub async fn practice_log(cx: &Ctx, agent_id: Option<i32>) -> Result<PracticeLog, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let vis = Visibility::of(db, caller).await?;
    let agent = agent_for(db, caller, &vis, agent_id).await?;
    let fw = current_framework(db, caller.org_id).await?;
    let all = lineage_map(db, caller.org_id).await?;
    let sessions = practice_session::Entity::find()
        .filter(practice_session::Column::OrgId.eq(caller.org_id))
        .filter(practice_session::Column::AgentId.eq(agent.id))
        .order_by_desc(practice_session::Column::PractisedOn)
        .order_by_desc(practice_session::Column::Id)
        .all(db)
        .await?;
    Ok(PracticeLog {
        agent: agent_refs(db, caller.org_id, std::slice::from_ref(&agent))
            .await?
            .remove(0),
        is_self: agent.id == caller.id,
        entries: practice_views(db, sessions, &fw, &all).await?,
        behaviours: fw
            .behaviours()
            .map(|b| (b.lineage.clone(), b.name.clone()))
            .collect(),
        today: Utc::now().date_naive().format("%Y-%m-%d").to_string(),
    })
}

pub struct NewPractice {
    pub practised_on: String,
    pub kind: String,
    pub lineages: Vec<String>,
    pub scenario: String,
    pub rater: String,
    pub peer_name: String,
    pub rating: i16,
    pub reflection: String,
}

/// An agent logs their own practice session.
pub async fn log_practice(cx: &Ctx, p: NewPractice) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require_on(Action::LogPractice, Relation::Own)?;
    let fw = current_framework(db, caller.org_id).await?;
    let mut lineages = p.lineages.clone();
    lineages.sort();
    lineages.dedup();
    if let Some(unknown) = lineages
        .iter()
        .find(|l| !fw.behaviours().any(|b| &b.lineage == *l))
    {
        return Err(AppError::invalid(
            "behaviours",
            format!("\"{unknown}\" is not a behaviour of the current framework; reload the page."),
        ));
    }
    let on = parse_iso_day(&p.practised_on);
    check_practice(
        &PracticeInput {
            on,
            kind: &p.kind,
            behaviours: lineages.len(),
            scenario: &p.scenario,
            rater: &p.rater,
            peer_name: &p.peer_name,
            rating: p.rating,
            reflection: &p.reflection,
        },
        Utc::now().date_naive(),
    )
    .map_err(|(field, message)| AppError::invalid(field, message))?;
    let txn = db.begin().await?;
    let saved = practice_session::ActiveModel {
        org_id: Set(caller.org_id),
        agent_id: Set(caller.id),
        practised_on: Set(on.unwrap_or_default()),
        kind: Set(p.kind.clone()),
        scenario: Set(p.scenario.trim().to_string()),
        rater: Set(p.rater.clone()),
        peer_name: Set(if p.rater == "peer" {
            p.peer_name.trim().chars().take(120).collect()
        } else {
            String::new()
        }),
        rating: Set(p.rating),
        reflection: Set(p.reflection.trim().to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    practice_behaviour::Entity::insert_many(lineages.into_iter().map(|l| {
        practice_behaviour::ActiveModel {
            session_id: Set(saved.id),
            lineage: Set(l),
            ..Default::default()
        }
    }))
    .exec(&txn)
    .await?;
    txn.commit().await?;
    Ok(saved.id)
}
