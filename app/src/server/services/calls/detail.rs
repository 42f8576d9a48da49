//! One call with its recording, transcript and reviews.

use super::*;
use crate::domain::access::{Action, Relation};
use crate::domain::calls::format_duration;
use crate::domain::lifecycle::ReviewStatus;
use crate::domain::transcript;
use crate::error::AppError;
use crate::server::entities::{call, complaint, review, user};
use crate::server::kernel::names::Names;
use crate::server::kernel::{AuthUser, Ctx, Visibility};
use crate::types::{CallDetail, PersonRef, ReviewBrief, TeamRef};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

pub async fn detail(cx: &Ctx, call_id: i32) -> Result<CallDetail, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (c, scope) = visible_call(db, caller, call_id).await?;
    detail_of(db, caller, &scope, c).await
}

pub async fn detail_of(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    scope: &Visibility,
    c: call::Model,
) -> Result<CallDetail, AppError> {
    let agent = user::Entity::find_by_id(c.agent_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("The call's agent"))?;
    let reviews = review::ordinary()
        .filter(review::Column::CallId.eq(c.id))
        .order_by_asc(review::Column::CreatedAt)
        .all(db)
        .await?;
    // Drafts are the coach's own work in progress.
    let reviews: Vec<review::Model> = reviews
        .into_iter()
        .filter(|r| r.status != ReviewStatus::Draft || r.coach_id == caller.id)
        .collect();
    let names = Names::of(
        db,
        caller.org_id,
        reviews.iter().map(|r| r.coach_id),
        [c.team_id],
    )
    .await?;
    let reviews = reviews
        .into_iter()
        .map(|r| ReviewBrief {
            id: r.id,
            coach: names.person(r.coach_id),
            status: r.status,
            score: r.score,
            critical_fail: r.critical_fail,
            submitted_on: r.submitted_at.map(|t| caller.clock.day(t)),
        })
        .collect();
    // Complaints are read through the register's own rules, so the call page
    // links the entry only for someone who may open it.
    let entry = complaint::Entity::find()
        .filter(complaint::Column::CallId.eq(c.id))
        .one(db)
        .await?;
    let sees_entry = |e: &complaint::Model| {
        e.owner_id == caller.id
            || caller.may(
                Action::ViewComplaints,
                if e.agent_id == Some(caller.id) {
                    Relation::Own
                } else {
                    scope.team_relation(e.team_id)
                },
            )
    };
    let complaint_id = entry.as_ref().filter(|e| sees_entry(e)).map(|e| e.id);
    let can_log_complaint =
        entry.is_none() && caller.may(Action::LogComplaint, scope.call_relation(&c));
    Ok(CallDetail {
        complaint_id,
        can_log_complaint,
        id: c.id,
        agent: PersonRef {
            id: agent.id,
            name: agent.name,
            email: agent.email,
            active: agent.active,
        },
        team: TeamRef {
            id: c.team_id,
            name: names.team(c.team_id),
        },
        occurred: caller.clock.when(c.occurred_at),
        channel: c.channel.key().to_string(),
        duration: format_duration(c.duration_seconds as i64),
        csat: c.csat,
        ltr: c.likelihood_to_recommend,
        resolved: c.resolved,
        resolution_minutes: c.resolution_minutes,
        first_response_seconds: c.first_response_seconds,
        abandoned: c.abandoned,
        complaint: c.complaint,
        rectification: c.rectification.map(|r| r.key().to_string()),
        follow_up_on: c.follow_up_on.map(|d| d.format("%-d %b %Y").to_string()),
        reference: c.reference.clone(),
        recording: c
            .recording_key
            .as_ref()
            .map(|_| format!("/media/calls/{}/recording", c.id)),
        transcript: c
            .transcript
            .as_deref()
            .and_then(|t| transcript::parse(t).ok())
            .unwrap_or_default(),
        reviews,
        can_review: can_score(caller, scope, &c),
        can_edit: can_edit(caller, scope, &c),
    })
}
