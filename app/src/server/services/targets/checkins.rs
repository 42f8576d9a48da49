//! A coach agrees to a target; the agent and coaches add check-ins.

use super::*;
use crate::domain::access::Action;
use crate::domain::targets::MAX_NOTE;
use crate::error::AppError;
use crate::server::entities::{target, target_checkin};
use crate::server::kernel::notify::notify;
use crate::server::kernel::Ctx;
use crate::server::kernel::Visibility;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};

pub(super) fn check_note(note: &str, required: bool) -> Result<String, AppError> {
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

pub(super) async fn add_note(
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
