//! Reading a review: who may, its ratings, score and audit.

use crate::domain::access::{self, Action};
use crate::domain::lifecycle::AuditSubject;
use crate::domain::lifecycle::CalibrationStatus;
use crate::domain::lifecycle::ReviewStatus;
use crate::domain::scoring::{score, Rating, ScoreOutcome, ScoredItem};
use crate::error::AppError;
use crate::server::entities::{
    audit, calibration_session, call, framework, review, review_evidence as ev, review_rating,
};
use crate::server::kernel::names::Names;
use crate::server::kernel::{calibration, AuthUser, Ctx, InOrg, Visibility};
use crate::server::services::calls::{self, can_score, visible_call};
use crate::server::services::frameworks::view_of;
use crate::types::{AuditEntry, CalibrationBrief, EvidenceView, FrameworkView, ReviewView};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// A review the caller may read: its call is in their scope, and a draft
/// only for its author.
pub(super) async fn visible_review(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<(review::Model, call::Model, Visibility), AppError> {
    let r = review::Entity::get_in_org(db, caller.org_id, id).await?;
    if let Some(session_id) = r.calibration_id {
        return calibration_review(db, caller, r, session_id).await;
    }
    let (c, scope) = visible_call(db, caller, r.call_id)
        .await
        .map_err(|_| AppError::not_found("That review"))?;
    if r.status == ReviewStatus::Draft && r.coach_id != caller.id {
        return Err(AppError::not_found("That review"));
    }
    Ok((r, c, scope))
}

/// A blind score in a calibration session: its author always reads it;
/// the other participants, the organiser and leaders only once the session
/// is revealed. The agent never does: it is practice among coaches.
async fn calibration_review(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    r: review::Model,
    session_id: i32,
) -> Result<(review::Model, call::Model, Visibility), AppError> {
    let hidden = || AppError::not_found("That review");
    if r.coach_id != caller.id {
        let seat = calibration::seat(db, caller, session_id)
            .await
            .map_err(|_| hidden())?;
        if !seat.revealed() || r.status == ReviewStatus::Draft {
            return Err(hidden());
        }
    }
    let c = call::Entity::get_in_org(db, caller.org_id, r.call_id).await?;
    let scope = Visibility::of(db, caller).await?;
    Ok((r, c, scope))
}

pub(super) async fn ratings_of(
    db: &impl ConnectionTrait,
    review_id: i32,
) -> Result<HashMap<i32, Rating>, AppError> {
    Ok(review_rating::Entity::find()
        .filter(review_rating::Column::ReviewId.eq(review_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| Rating::from_code(r.rating).map(|x| (r.behaviour_id, x)))
        .collect())
}

pub(super) fn outcome(fw: &FrameworkView, ratings: &HashMap<i32, Rating>) -> ScoreOutcome {
    let items: Vec<ScoredItem> = fw
        .behaviours()
        .map(|b| ScoredItem {
            weight: b.weight,
            critical: b.critical,
            rating: ratings.get(&b.id).copied(),
        })
        .collect();
    score(&items)
}

pub async fn view(cx: &Ctx, id: i32) -> Result<ReviewView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (r, c, scope) = visible_review(db, caller, id).await?;
    let fw = framework::Entity::get_in_org(db, caller.org_id, r.framework_id).await?;
    let framework = view_of(db, fw).await?;
    let ratings = ratings_of(db, r.id).await?;
    let evidence = ev::Entity::find()
        .filter(ev::Column::ReviewId.eq(r.id))
        .order_by_asc(ev::Column::AtMs)
        .order_by_asc(ev::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|e| EvidenceView {
            id: e.id,
            behaviour_id: e.behaviour_id,
            kind: e.kind,
            at_ms: e.at_ms,
            cue_index: e.cue_index,
            note: e.note,
        })
        .collect();
    let entries = if access::permits_any(caller.roles, Action::ReadAudit) {
        audit::Entity::find()
            .filter(audit::Column::OrgId.eq(caller.org_id))
            .filter(audit::Column::Entity.eq(AuditSubject::Review.key()))
            .filter(audit::Column::EntityId.eq(r.id))
            .order_by_asc(audit::Column::At)
            .all(db)
            .await?
    } else {
        vec![]
    };
    // Only the people this page names: the coach, who resolved a dispute,
    // who did what in the audit.
    let named = entries
        .iter()
        .map(|a| a.actor_id)
        .chain([r.coach_id])
        .chain(r.resolved_by);
    let names = Names::of(db, caller.org_id, named, []).await?;
    let people = &names.people;
    let audit = entries
        .into_iter()
        .map(|a| AuditEntry {
            at: caller.clock.when(a.at),
            actor: people.get(&a.actor_id).cloned().unwrap_or_default(),
            action: a.action,
            before: a.before,
            after: a.after,
        })
        .collect();
    let calibration = match r.calibration_id {
        Some(session_id) => {
            let s = calibration_session::Entity::get_in_org(db, caller.org_id, session_id).await?;
            Some(CalibrationBrief {
                id: s.id,
                title: s.title,
                revealed: s.status == CalibrationStatus::Revealed,
            })
        }
        None => None,
    };
    let ordinary = calibration.is_none();
    let can_resolve = ordinary
        && r.status == ReviewStatus::Disputed
        && r.coach_id != caller.id
        && can_score(caller, &scope, &c);
    let mut call = calls::detail_of(db, caller, &scope, c).await?;
    if !ordinary {
        // Blind: the call's other scores are not for a calibrating coach.
        call.reviews.clear();
        call.can_review = false;
        call.can_edit = false;
    }
    // The author of a just-submitted ordinary review goes on to the next call.
    let next_call = if ordinary && r.coach_id == caller.id && r.status != ReviewStatus::Draft {
        super::next_to_score(cx, r.call_id).await?
    } else {
        None
    };
    Ok(ReviewView {
        id: r.id,
        next_call,
        is_mine: r.agent_id == caller.id,
        calibration,
        can_score: r.status == ReviewStatus::Draft && r.coach_id == caller.id,
        can_respond: ordinary
            && r.imported_at.is_none()
            && r.status == ReviewStatus::Submitted
            && r.agent_id == caller.id,
        can_resolve,
        status: r.status,
        call,
        coach: people.get(&r.coach_id).cloned().unwrap_or_default(),
        coach_id: r.coach_id,
        framework,
        ratings: ratings.iter().map(|(b, x)| (*b, *x)).collect(),
        evidence,
        strengths: r.strengths,
        development: r.development,
        submitted_on: r.submitted_at.map(|t| caller.clock.day(t)),
        imported_on: r.imported_at.map(|t| caller.clock.day(t)),
        acknowledged_on: r.acknowledged_at.map(|t| caller.clock.day(t)),
        dispute_reason: r.dispute_reason,
        resolution: r.resolution,
        resolution_note: r.resolution_note,
        resolved_by: r.resolved_by.and_then(|id| people.get(&id).cloned()),
        audit,
    })
}
