//! Who reaches a calibration session, and when it reveals itself. Shared by
//! the reviews service (a calibration review is scored on the ordinary
//! scoring page) and the calibration service.

use super::{AuthUser, InOrg};
use crate::domain::access;
use crate::domain::lifecycle::{CalibrationStatus, ReviewStatus};
use crate::error::AppError;
use crate::server::entities::{
    calibration_call, calibration_participant, calibration_session, review,
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use std::collections::HashSet;

/// A session and the caller's place in it.
pub struct Seat {
    pub session: calibration_session::Model,
    pub organiser: bool,
    pub participant: bool,
}

impl Seat {
    pub fn revealed(&self) -> bool {
        self.session.status == CalibrationStatus::Revealed
    }
}

pub async fn participants(
    db: &impl ConnectionTrait,
    session_id: i32,
) -> Result<Vec<i32>, AppError> {
    Ok(calibration_participant::Entity::find()
        .filter(calibration_participant::Column::SessionId.eq(session_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.user_id)
        .collect())
}

pub async fn calls(db: &impl ConnectionTrait, session_id: i32) -> Result<Vec<i32>, AppError> {
    Ok(calibration_call::Entity::find()
        .filter(calibration_call::Column::SessionId.eq(session_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.call_id)
        .collect())
}

/// The session, if the caller organises it, takes part in it, or sees the
/// whole organisation; anything else reads as not found.
pub async fn seat(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    session_id: i32,
) -> Result<Seat, AppError> {
    let session = calibration_session::Entity::get_in_org(db, caller.org_id, session_id).await?;
    let organiser = session.organiser_id == caller.id;
    let participant = participants(db, session.id).await?.contains(&caller.id);
    let leader = access::permits(
        caller.roles,
        access::Action::RunCalibration,
        access::Relation::Organisation,
    ) && access::sees_whole_organisation(caller.roles);
    if !(organiser || participant || leader) {
        return Err(AppError::not_found(calibration_session::Entity::WHAT));
    }
    Ok(Seat {
        session,
        organiser,
        participant,
    })
}

/// Whether the caller takes part in or organises a session holding the
/// call, so may hear its recording and read its transcript.
pub async fn reaches_call(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    call_id: i32,
) -> Result<bool, AppError> {
    let sessions: Vec<i32> = calibration_call::Entity::find()
        .filter(calibration_call::Column::CallId.eq(call_id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.session_id)
        .collect();
    if sessions.is_empty() {
        return Ok(false);
    }
    let organises = calibration_session::Entity::in_org(caller.org_id)
        .filter(calibration_session::Column::Id.is_in(sessions.clone()))
        .filter(calibration_session::Column::OrganiserId.eq(caller.id))
        .count(db)
        .await?
        > 0;
    let takes_part = calibration_participant::Entity::find()
        .filter(calibration_participant::Column::SessionId.is_in(sessions))
        .filter(calibration_participant::Column::UserId.eq(caller.id))
        .count(db)
        .await?
        > 0;
    Ok(organises || takes_part)
}

/// Reveals an open session once every participant has submitted a score
/// for every call; returns whether it is now revealed.
pub async fn reveal_when_complete(
    db: &impl ConnectionTrait,
    session: calibration_session::Model,
) -> Result<bool, AppError> {
    if session.status == CalibrationStatus::Revealed {
        return Ok(true);
    }
    let people = participants(db, session.id).await?;
    let calls = calls(db, session.id).await?;
    let submitted: HashSet<(i32, i32)> = review::Entity::find()
        .filter(review::Column::CalibrationId.eq(session.id))
        .filter(review::Column::Status.ne(ReviewStatus::Draft))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.coach_id, r.call_id))
        .collect();
    let complete = !people.is_empty()
        && people
            .iter()
            .all(|p| calls.iter().all(|c| submitted.contains(&(*p, *c))));
    if complete {
        reveal(db, session).await?;
    }
    Ok(complete)
}

pub async fn reveal(
    db: &impl ConnectionTrait,
    session: calibration_session::Model,
) -> Result<(), AppError> {
    let mut active: calibration_session::ActiveModel = session.into();
    active.status = Set(CalibrationStatus::Revealed);
    active.revealed_at = Set(Some(Utc::now()));
    active.update(db).await?;
    Ok(())
}
