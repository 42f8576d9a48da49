//! Opening register entries and stamping complaint steps: shared by the
//! complaint service and by adding calls (one by one or by import), which
//! open an entry for every call flagged as a complaint in the same
//! transaction as the call.

use super::audit::{self, Change};
use super::notify::notify;
use super::AuthUser;
use crate::domain::complaints::{
    ComplaintEvent, ComplaintSource, ComplaintStatus, DEFAULT_DAYS_TO_ACT,
};
use crate::domain::lifecycle::AuditSubject;
use crate::error::AppError;
use crate::server::entities::{call, complaint, complaint_step, user};
use crate::server::kernel::InOrg;
use chrono::{Duration, Utc};
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

/// A possible owner of a team's complaints: id, name, and whether they
/// are there as a leader rather than as the team's coach.
pub type Owner = (i32, String, bool);

/// Who may own each team's complaints, in the order offered: the team's
/// active coaches by name, then the organisation's other active leaders.
pub async fn possible_owners(
    db: &impl ConnectionTrait,
    org_id: i32,
    team_ids: &[i32],
) -> Result<HashMap<i32, Vec<Owner>>, AppError> {
    let coaches = super::visibility::team_coaches(db, team_ids).await?;
    let coach_ids: Vec<i32> = coaches.iter().map(|(_, u)| *u).collect();
    let people: Vec<user::Model> = user::Entity::in_org(org_id)
        .filter(user::Column::Active.eq(true))
        .filter(
            Condition::any()
                .add(user::Column::Id.is_in(coach_ids))
                .add(user::Column::IsLeader.eq(true)),
        )
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?;
    Ok(team_ids
        .iter()
        .map(|t| {
            let coaching = |u: &user::Model| coaches.contains(&(*t, u.id));
            let mut owners: Vec<Owner> = people
                .iter()
                .filter(|u| coaching(u))
                .map(|u| (u.id, u.name.clone(), false))
                .collect();
            owners.extend(
                people
                    .iter()
                    .filter(|u| !coaching(u) && u.is_leader)
                    .map(|u| (u.id, u.name.clone(), true)),
            );
            (*t, owners)
        })
        .collect())
}

/// Who owns a team's complaints unless someone else is named: the first
/// possible owner, else `fallback`.
pub async fn default_owners(
    db: &impl ConnectionTrait,
    org_id: i32,
    team_ids: &[i32],
    fallback: i32,
) -> Result<HashMap<i32, i32>, AppError> {
    Ok(possible_owners(db, org_id, team_ids)
        .await?
        .into_iter()
        .map(|(t, owners)| (t, owners.first().map_or(fallback, |o| o.0)))
        .collect())
}

/// Records a step: its row in the complaint's history and the audit log.
pub async fn stamp(
    db: &impl ConnectionTrait,
    actor: &AuthUser,
    complaint_id: i32,
    event: ComplaintEvent,
    note: Option<String>,
    before: Option<ComplaintStatus>,
    after: Option<ComplaintStatus>,
) -> Result<(), AppError> {
    complaint_step::ActiveModel {
        org_id: Set(actor.org_id),
        complaint_id: Set(complaint_id),
        event: Set(event),
        actor_id: Set(actor.id),
        at: Set(Utc::now()),
        note: Set(note),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        actor,
        Change {
            subject: AuditSubject::Complaint,
            entity_id: complaint_id,
            action: event.key(),
            before: before.map(|s| s.key().to_string()),
            after: after.map(|s| s.key().to_string()),
        },
    )
    .await
}

/// Tells the owner a complaint is theirs, unless they gave it to themself.
pub async fn tell_owner(
    db: &impl ConnectionTrait,
    actor: &AuthUser,
    c: &complaint::Model,
    what: &str,
) -> Result<(), AppError> {
    if c.owner_id == actor.id {
        return Ok(());
    }
    let who = if c.customer.is_empty() {
        "a customer".to_string()
    } else {
        c.customer.clone()
    };
    notify(
        db,
        c.org_id,
        c.owner_id,
        format!(
            "{} {what} the complaint from {who} to you, due {}.",
            actor.name,
            c.due_on.format("%-d %b %Y")
        ),
        format!("/complaints/{}", c.id),
    )
    .await
}

/// Opens a register entry for each call flagged as a complaint that has
/// none, at the step its call data shows, owned by the team's default
/// owner. Runs inside the caller's transaction.
pub async fn open_for_calls(
    db: &impl ConnectionTrait,
    actor: &AuthUser,
    calls: &[call::Model],
) -> Result<usize, AppError> {
    let flagged: Vec<&call::Model> = calls.iter().filter(|c| c.complaint).collect();
    if flagged.is_empty() {
        return Ok(0);
    }
    let mut team_ids: Vec<i32> = flagged.iter().map(|c| c.team_id).collect();
    team_ids.sort_unstable();
    team_ids.dedup();
    let owners = default_owners(db, actor.org_id, &team_ids, actor.id).await?;
    let today = actor.clock.today();
    let mut existing = std::collections::HashSet::new();
    let ids: Vec<i32> = flagged.iter().map(|c| c.id).collect();
    // Kept below SQLite's limit on bound parameters per statement.
    for chunk in ids.chunks(900) {
        existing.extend(
            complaint::Entity::find()
                .filter(complaint::Column::CallId.is_in(chunk.to_vec()))
                .all(db)
                .await?
                .into_iter()
                .filter_map(|c| c.call_id),
        );
    }
    let mut opened = 0;
    for c in flagged.into_iter().filter(|c| !existing.contains(&c.id)) {
        let status = match (c.rectification, c.follow_up_on) {
            (Some(_), Some(_)) => ComplaintStatus::FollowUpDue,
            (Some(_), None) => ComplaintStatus::RectificationOffered,
            _ => ComplaintStatus::Received,
        };
        let due = Ord::max(
            actor.clock.day_of(c.occurred_at) + Duration::days(DEFAULT_DAYS_TO_ACT),
            today,
        );
        let model = complaint::ActiveModel {
            org_id: Set(c.org_id),
            team_id: Set(c.team_id),
            agent_id: Set(Some(c.agent_id)),
            call_id: Set(Some(c.id)),
            source: Set(ComplaintSource::Call),
            public: Set(false),
            customer: Set(c.reference.clone().unwrap_or_default()),
            category: Set(None),
            said: Set(String::new()),
            status: Set(status),
            owner_id: Set(owners.get(&c.team_id).copied().unwrap_or(actor.id)),
            due_on: Set(due),
            rectification: Set(c.rectification),
            refund_cents: Set(None),
            accepted: Set(None),
            rectification_note: Set(None),
            follow_up_on: Set(c.follow_up_on),
            follow_up_note: Set(None),
            followed_up_on: Set(None),
            satisfied: Set(None),
            outcome_note: Set(None),
            closed_at: Set(None),
            reopened: Set(0),
            material_link: Set(None),
            attachment_key: Set(None),
            attachment_name: Set(None),
            attachment_mime: Set(None),
            attachment_bytes: Set(None),
            due_notified_on: Set(None),
            created_by: Set(actor.id),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        stamp(
            db,
            actor,
            model.id,
            ComplaintEvent::Opened,
            Some("Opened from the call's complaint flag.".into()),
            None,
            Some(status),
        )
        .await?;
        tell_owner(db, actor, &model, "gave").await?;
        opened += 1;
    }
    Ok(opened)
}
