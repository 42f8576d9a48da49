//! Organising a session, taking part in it, closing it and recording the
//! agreed ratings.

use super::call_label;
use crate::domain::access::Action;
use crate::domain::lifecycle::CalibrationStatus;
use crate::domain::roles::Role;
use crate::domain::scoring::Rating;
use crate::domain::validation::{check_name, parse_day};
use crate::error::AppError;
use crate::server::entities::{
    calibration_call, calibration_participant, calibration_reference, calibration_session, call,
    review, user,
};
use crate::server::kernel::calibration::{self, seat};
use crate::server::kernel::names::Names;
use crate::server::kernel::{internal, is_unique_violation, Ctx, InOrg, Visibility};
use crate::server::services::{frameworks, reviews};
use crate::types::{CalibrationOptions, PickOption};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use std::collections::HashSet;

/// At most this many calls in one session: each participant scores all.
pub const MAX_CALLS: usize = 10;

/// Coaches and leaders may take part.
fn calibrates(u: &user::Model) -> bool {
    let roles = u.roles();
    roles.has(Role::Coach) || roles.has(Role::Leader)
}

pub async fn options(cx: &Ctx) -> Result<CalibrationOptions, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::RunCalibration)?;
    let coaches = user::Entity::in_org(caller.org_id)
        .filter(user::Column::Active.eq(true))
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter(calibrates)
        .map(|u| PickOption {
            id: u.id,
            label: u.name,
        })
        .collect();
    let scope = Visibility::of(db, caller).await?;
    // Recorded calls first, however old: calibration is listening
    // together. Then the most recent others, up to a hundred in all.
    let mut recent = call::Entity::find()
        .filter(scope.call_condition())
        .filter(call::Column::RecordingKey.is_not_null())
        .order_by_desc(call::Column::OccurredAt)
        .limit(100)
        .all(db)
        .await?;
    let others = call::Entity::find()
        .filter(scope.call_condition())
        .filter(call::Column::RecordingKey.is_null())
        .order_by_desc(call::Column::OccurredAt)
        .limit(100 - recent.len() as u64)
        .all(db)
        .await?;
    recent.extend(others);
    let names = Names::of(db, caller.org_id, recent.iter().map(|c| c.agent_id), []).await?;
    let calls = recent
        .iter()
        .map(|c| PickOption {
            id: c.id,
            label: format!(
                "{}{}",
                call_label(c, &names, &caller.clock),
                if c.recording_key.is_some() {
                    " · recorded"
                } else {
                    ""
                }
            ),
        })
        .collect();
    Ok(CalibrationOptions { coaches, calls })
}

pub struct NewSession<'a> {
    pub title: &'a str,
    pub due_on: &'a str,
    pub call_ids: Vec<i32>,
    pub participant_ids: Vec<i32>,
}

pub async fn create(cx: &Ctx, new: NewSession<'_>) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::RunCalibration)?;
    let title = check_name(new.title, "a title", 200).map_err(|m| AppError::invalid("title", m))?;
    let due_on = parse_day(new.due_on).map_err(|m| AppError::invalid("due_on", m))?;
    if due_on < caller.clock.today() {
        return Err(AppError::invalid(
            "due_on",
            "The due date has passed: choose today or a later day.",
        ));
    }
    let call_ids: Vec<i32> = dedup(new.call_ids);
    if call_ids.is_empty() {
        return Err(AppError::invalid(
            "calls",
            "Choose at least one call to score.",
        ));
    }
    if call_ids.len() > MAX_CALLS {
        return Err(AppError::invalid(
            "calls",
            format!("Choose at most {MAX_CALLS} calls: every participant scores each one."),
        ));
    }
    // The organiser picks from the calls they see.
    let scope = Visibility::of(db, caller).await?;
    let found = call::Entity::find()
        .filter(scope.call_condition())
        .filter(call::Column::Id.is_in(call_ids.clone()))
        .all(db)
        .await?;
    if found.len() != call_ids.len() {
        return Err(AppError::invalid(
            "calls",
            "One of the calls is not one you can see; choose from the list.",
        ));
    }
    let participant_ids = dedup(new.participant_ids);
    if participant_ids.len() < 2 {
        return Err(AppError::invalid(
            "participants",
            "Choose at least two coaches: agreement needs two views.",
        ));
    }
    let people = user::Entity::in_org(caller.org_id)
        .filter(user::Column::Id.is_in(participant_ids.clone()))
        .filter(user::Column::Active.eq(true))
        .all(db)
        .await?;
    if people.len() != participant_ids.len() || !people.iter().all(calibrates) {
        return Err(AppError::invalid(
            "participants",
            "Choose coaches or leaders of your organisation from the list.",
        ));
    }
    let txn = db.begin().await?;
    let session = calibration_session::ActiveModel {
        org_id: Set(caller.org_id),
        title: Set(title),
        organiser_id: Set(caller.id),
        due_on: Set(due_on),
        status: Set(CalibrationStatus::Open),
        note: Set(String::new()),
        created_at: Set(Utc::now()),
        revealed_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for call_id in &call_ids {
        calibration_call::ActiveModel {
            session_id: Set(session.id),
            call_id: Set(*call_id),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for user_id in &participant_ids {
        calibration_participant::ActiveModel {
            session_id: Set(session.id),
            user_id: Set(*user_id),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(session.id)
}

fn dedup(ids: Vec<i32>) -> Vec<i32> {
    let mut seen = HashSet::new();
    ids.into_iter().filter(|i| seen.insert(*i)).collect()
}

/// Opens the caller's blind score of one call of the session, starting it
/// on the current framework if there is none yet.
pub async fn start_review(cx: &Ctx, session_id: i32, call_id: i32) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::JoinCalibration)?;
    let seat = seat(db, caller, session_id).await?;
    if !seat.participant {
        return Err(AppError::Forbidden);
    }
    if !calibration::calls(db, session_id).await?.contains(&call_id) {
        return Err(AppError::not_found("That call of the session"));
    }
    let existing = || async {
        review::Entity::find()
            .filter(review::Column::CalibrationId.eq(session_id))
            .filter(review::Column::CallId.eq(call_id))
            .filter(review::Column::CoachId.eq(caller.id))
            .one(db)
            .await
    };
    if let Some(r) = existing().await? {
        return Ok(r.id);
    }
    if seat.revealed() {
        return Err(AppError::Conflict(
            "This session has been revealed; scores can no longer be added.".into(),
        ));
    }
    let c = call::Entity::get_in_org(db, caller.org_id, call_id).await?;
    let fw = frameworks::current(db, caller.org_id).await?;
    let inserted = reviews::new_draft(caller, &c, fw.id, Some(session_id))
        .insert(db)
        .await;
    match inserted {
        Ok(r) => Ok(r.id),
        // Two tabs opening the same score at once: both get the one row.
        Err(e) if is_unique_violation(&e) => Ok(existing()
            .await?
            .ok_or_else(|| internal("calibration review vanished"))?
            .id),
        Err(e) => Err(e.into()),
    }
}

/// The organiser reveals the session before everyone has scored.
pub async fn close(cx: &Ctx, session_id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::RunCalibration)?;
    let seat = seat(db, caller, session_id).await?;
    if !seat.organiser {
        return Err(AppError::Forbidden);
    }
    if seat.revealed() {
        return Err(AppError::Conflict(
            "This session is already revealed.".into(),
        ));
    }
    calibration::reveal(db, seat.session).await
}

/// After the discussion, the organiser records the agreed rating of each
/// behaviour of each call (`None` clears one) and a note.
pub async fn record(
    cx: &Ctx,
    session_id: i32,
    references: Vec<(i32, i32, Option<Rating>)>,
    note: &str,
) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::RunCalibration)?;
    let seat = seat(db, caller, session_id).await?;
    if !seat.organiser {
        return Err(AppError::Forbidden);
    }
    if !seat.revealed() {
        return Err(AppError::Conflict(
            "Agree the reference ratings after the reveal: until then nobody sees the others' scores."
                .into(),
        ));
    }
    let note = note.trim();
    if note.chars().count() > 4000 {
        return Err(AppError::invalid(
            "note",
            "A note can be at most 4000 characters.",
        ));
    }
    let calls = calibration::calls(db, session_id).await?;
    let fw = frameworks::view_of(db, frameworks::current(db, caller.org_id).await?).await?;
    let behaviours: HashSet<i32> = fw.behaviours().map(|b| b.id).collect();
    for (call_id, behaviour_id, _) in &references {
        if !calls.contains(call_id) || !behaviours.contains(behaviour_id) {
            return Err(AppError::invalid(
                "references",
                "A reference names a call or behaviour outside this session; reload the page.",
            ));
        }
    }
    let txn = db.begin().await?;
    for (call_id, behaviour_id, rating) in references {
        calibration_reference::Entity::delete_many()
            .filter(calibration_reference::Column::SessionId.eq(session_id))
            .filter(calibration_reference::Column::CallId.eq(call_id))
            .filter(calibration_reference::Column::BehaviourId.eq(behaviour_id))
            .exec(&txn)
            .await?;
        if let Some(rating) = rating {
            calibration_reference::ActiveModel {
                session_id: Set(session_id),
                call_id: Set(call_id),
                behaviour_id: Set(behaviour_id),
                rating: Set(rating.code()),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    let mut active: calibration_session::ActiveModel = seat.session.into();
    active.note = Set(note.to_string());
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}
