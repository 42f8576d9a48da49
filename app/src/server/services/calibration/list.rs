//! The sessions a person organises or takes part in, with their progress.

use crate::domain::access::{self, Action};
use crate::domain::lifecycle::{CalibrationStatus, ReviewStatus};
use crate::error::AppError;
use crate::server::entities::{
    calibration_call, calibration_participant, calibration_session, review,
};
use crate::server::kernel::dates::date;
use crate::server::kernel::names::Names;
use crate::server::kernel::{Ctx, InOrg};
use crate::types::{CalibrationList, CalibrationSummary};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// The sessions the caller organises or takes part in; leaders see all.
pub async fn list(cx: &Ctx) -> Result<CalibrationList, AppError> {
    let caller = &cx.caller;
    caller.require(Action::JoinCalibration)?;
    let all = calibration_session::Entity::in_org(caller.org_id)
        .order_by_desc(calibration_session::Column::CreatedAt);
    Ok(CalibrationList {
        sessions: summaries(cx, all).await?,
        can_organise: access::permits_any(caller.roles, Action::RunCalibration),
    })
}

/// The open sessions waiting for the caller's blind scores, for the home
/// page (open sessions only: no revealed session's agreement to work out).
pub async fn to_do(cx: &Ctx) -> Result<Vec<CalibrationSummary>, AppError> {
    cx.caller.require(Action::JoinCalibration)?;
    let open = calibration_session::Entity::in_org(cx.caller.org_id)
        .filter(calibration_session::Column::Status.eq(CalibrationStatus::Open))
        .order_by_desc(calibration_session::Column::CreatedAt);
    Ok(summaries(cx, open)
        .await?
        .into_iter()
        .filter(|s| s.mine_to_do > 0)
        .collect())
}

/// The sessions of `query` the caller reads, with their progress and a
/// revealed session's agreement.
async fn summaries(
    cx: &Ctx,
    query: sea_orm::Select<calibration_session::Entity>,
) -> Result<Vec<CalibrationSummary>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (sessions, mine) = super::readable_sessions(cx, query).await?;
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let mut calls: HashMap<i32, usize> = HashMap::new();
    for c in calibration_call::Entity::find()
        .filter(calibration_call::Column::SessionId.is_in(ids.clone()))
        .all(db)
        .await?
    {
        *calls.entry(c.session_id).or_default() += 1;
    }
    let mut people: HashMap<i32, usize> = HashMap::new();
    for p in calibration_participant::Entity::find()
        .filter(calibration_participant::Column::SessionId.is_in(ids.clone()))
        .all(db)
        .await?
    {
        *people.entry(p.session_id).or_default() += 1;
    }
    let scores = review::Entity::find()
        .filter(review::Column::CalibrationId.is_in(ids))
        .all(db)
        .await?;
    let names = Names::of(
        db,
        caller.org_id,
        sessions.iter().map(|s| s.organiser_id),
        [],
    )
    .await?;
    let revealed: Vec<i32> = sessions
        .iter()
        .filter(|s| s.status != CalibrationStatus::Open)
        .map(|s| s.id)
        .collect();
    let agreement = super::view::scores_of(db, &revealed).await?;
    let today = caller.clock.today();
    let mut out = vec![];
    for s in sessions {
        let of_session: Vec<&review::Model> = scores
            .iter()
            .filter(|r| r.calibration_id == Some(s.id))
            .collect();
        let submitted = of_session
            .iter()
            .filter(|r| r.status != ReviewStatus::Draft)
            .count();
        let n_calls = calls.get(&s.id).copied().unwrap_or(0);
        let n_people = people.get(&s.id).copied().unwrap_or(0);
        let mine_done = of_session
            .iter()
            .filter(|r| r.coach_id == caller.id && r.status != ReviewStatus::Draft)
            .count();
        let open = s.status == CalibrationStatus::Open;
        let alpha = if open {
            None
        } else {
            agreement.get(&s.id).and_then(|scores| scores.alpha())
        };
        out.push(CalibrationSummary {
            id: s.id,
            title: s.title.clone(),
            organiser: names.person(s.organiser_id),
            due_on: date(s.due_on),
            overdue: open && s.due_on < today,
            status: s.status,
            calls: n_calls,
            participants: n_people,
            submitted,
            expected: n_calls * n_people,
            mine_to_do: if open && mine.contains(&s.id) {
                n_calls.saturating_sub(mine_done)
            } else {
                0
            },
            alpha,
        });
    }
    Ok(out)
}
