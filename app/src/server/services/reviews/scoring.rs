//! Scoring a call: the coach's draft, its ratings and evidence, submitting.

use super::*;
use crate::domain::access::Action;
use crate::domain::lifecycle::{AuditSubject, EvidenceKind, ReviewEvent, ReviewStatus};
use crate::domain::scoring::{Rating, ScoreOutcome};
use crate::error::AppError;
use crate::server::entities::{call, framework, review, review_evidence as ev, review_rating};
use crate::server::kernel::audit::{self as audit_log, Change};
use crate::server::kernel::notify::notify;
use crate::server::kernel::{is_unique_violation, quality_rollup, AuthUser, Ctx, InOrg};
use crate::server::services::calls::{can_score, visible_call};
use crate::server::services::frameworks::{self, view_of};
use crate::server::services::targets::refresh_statuses;
use crate::types::FrameworkView;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use std::collections::HashMap;

pub(super) const MAX_TEXT: usize = 4000;

/// Stores the review as submitted with its score, and audits it.
pub(super) async fn mark_submitted(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    r: review::Model,
    result: &ScoreOutcome,
) -> Result<(), AppError> {
    let (review_id, now) = (r.id, Utc::now());
    let mut active: review::ActiveModel = r.into();
    active.status = Set(ReviewStatus::Submitted);
    active.score = Set(result.score);
    active.raw_score = Set(result.unweighted_by_critical);
    active.critical_fail = Set(result.critical_fail);
    active.submitted_at = Set(Some(now));
    active.updated_at = Set(now);
    active.update(db).await?;
    write_audit(
        db,
        caller,
        review_id,
        ReviewEvent::Submitted,
        None,
        Some(summary(result)),
    )
    .await
}

pub(super) async fn write_audit(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    review_id: i32,
    event: ReviewEvent,
    before: Option<String>,
    after: Option<String>,
) -> Result<(), AppError> {
    let change = Change {
        subject: AuditSubject::Review,
        entity_id: review_id,
        action: event.key(),
        before,
        after,
    };
    audit_log::record(db, caller, change).await
}

/// Opens the caller's review of a call, starting a draft on the current
/// framework if there is none yet.
pub async fn start(cx: &Ctx, call_id: i32) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    // A role that never scores is told so before any call is looked up.
    caller.require(Action::ScoreCall)?;
    let (c, scope) = visible_call(db, caller, call_id).await?;
    if !can_score(caller, &scope, &c) {
        return Err(AppError::Forbidden);
    }
    let existing = || async {
        review::ordinary()
            .filter(review::Column::CallId.eq(c.id))
            .filter(review::Column::CoachId.eq(caller.id))
            .one(db)
            .await
    };
    if let Some(found) = existing().await? {
        return Ok(found.id);
    }
    let fw = frameworks::current(db, caller.org_id).await?;
    let r = new_draft(caller, &c, fw.id, None).insert(db).await;
    match r {
        Ok(r) => Ok(r.id),
        // A second request for the same review won the race: open theirs.
        Err(e) if is_unique_violation(&e) => existing()
            .await?
            .map(|found| found.id)
            .ok_or_else(|| AppError::from(e)),
        Err(e) => Err(e.into()),
    }
}

/// A coach's empty draft of a call on a framework version; `calibration_id`
/// marks a blind calibration score.
pub fn new_draft(
    caller: &AuthUser,
    c: &call::Model,
    framework_id: i32,
    calibration_id: Option<i32>,
) -> review::ActiveModel {
    let now = Utc::now();
    review::ActiveModel {
        org_id: Set(caller.org_id),
        call_id: Set(c.id),
        agent_id: Set(c.agent_id),
        team_id: Set(c.team_id),
        coach_id: Set(caller.id),
        framework_id: Set(framework_id),
        status: Set(ReviewStatus::Draft),
        score: Set(None),
        raw_score: Set(None),
        critical_fail: Set(false),
        strengths: Set(String::new()),
        development: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        calibration_id: Set(calibration_id),
        ..Default::default()
    }
}

pub(super) async fn own_draft(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<(review::Model, FrameworkView), AppError> {
    caller.require(Action::ScoreCall)?;
    let (r, _, _) = visible_review(db, caller, id).await?;
    if r.coach_id != caller.id {
        return Err(AppError::Forbidden);
    }
    if r.status != ReviewStatus::Draft {
        return Err(AppError::Conflict(
            "This review has been submitted and can no longer be edited.".into(),
        ));
    }
    let fw = framework::Entity::get_in_org(db, caller.org_id, r.framework_id).await?;
    Ok((r, view_of(db, fw).await?))
}

pub(super) fn check_ratings(
    fw: &FrameworkView,
    ratings: &[(i32, Rating)],
) -> Result<HashMap<i32, Rating>, AppError> {
    let mut out = HashMap::new();
    for (behaviour_id, rating) in ratings {
        fw.behaviours()
            .find(|b| b.id == *behaviour_id)
            .ok_or_else(|| {
                AppError::invalid(
                    "ratings",
                    "A rating refers to a behaviour that is not in this review's framework.",
                )
            })?;
        out.insert(*behaviour_id, *rating);
    }
    Ok(out)
}

pub(super) fn check_text(field_name: &str, label: &str, text: &str) -> Result<String, AppError> {
    let t = text.trim();
    if t.chars().count() > MAX_TEXT {
        return Err(AppError::invalid(
            field_name,
            format!("{label} can be at most {MAX_TEXT} characters."),
        ));
    }
    Ok(t.to_string())
}

pub(super) async fn replace_ratings(
    db: &impl ConnectionTrait,
    review_id: i32,
    ratings: &HashMap<i32, Rating>,
) -> Result<(), AppError> {
    review_rating::Entity::delete_many()
        .filter(review_rating::Column::ReviewId.eq(review_id))
        .exec(db)
        .await?;
    if !ratings.is_empty() {
        review_rating::Entity::insert_many(ratings.iter().map(|(b, r)| {
            review_rating::ActiveModel {
                review_id: Set(review_id),
                behaviour_id: Set(*b),
                rating: Set(r.code()),
                ..Default::default()
            }
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Saves a draft: ratings so far and the written feedback.
pub async fn save(
    cx: &Ctx,
    id: i32,
    ratings: Vec<(i32, Rating)>,
    strengths: &str,
    development: &str,
) -> Result<ScoreOutcome, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (r, fw) = own_draft(db, caller, id).await?;
    let ratings = check_ratings(&fw, &ratings)?;
    let strengths = check_text("strengths", "Strengths", strengths)?;
    let development = check_text("development", "Development points", development)?;
    let result = outcome(&fw, &ratings);
    let txn = db.begin().await?;
    replace_ratings(&txn, r.id, &ratings).await?;
    let mut active: review::ActiveModel = r.into();
    active.strengths = Set(strengths);
    active.development = Set(development);
    active.score = Set(result.score);
    active.raw_score = Set(result.unweighted_by_critical);
    active.critical_fail = Set(result.critical_fail);
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(result)
}

pub struct NewEvidence {
    pub behaviour_id: Option<i32>,
    pub kind: EvidenceKind,
    pub at_ms: Option<i32>,
    pub cue_index: Option<i32>,
    pub note: String,
}

pub async fn add_evidence(cx: &Ctx, id: i32, e: NewEvidence) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (r, fw) = own_draft(db, caller, id).await?;
    let kind = e.kind;
    if let Some(b) = e.behaviour_id {
        if !fw.behaviours().any(|x| x.id == b) {
            return Err(AppError::invalid(
                "behaviour_id",
                "Choose a behaviour of this review's framework.",
            ));
        }
    } else if kind == EvidenceKind::Tally {
        return Err(AppError::invalid(
            "behaviour_id",
            "A tally counts one behaviour: choose it.",
        ));
    }
    if e.at_ms.is_some_and(|t| t < 0) {
        return Err(AppError::invalid("at_ms", "The time cannot be negative."));
    }
    let note = e.note.trim();
    if kind == EvidenceKind::Note && note.is_empty() {
        return Err(AppError::invalid(
            "note",
            "Write the note before pinning it.",
        ));
    }
    if note.chars().count() > 1000 {
        return Err(AppError::invalid(
            "note",
            "A note can be at most 1000 characters.",
        ));
    }
    let m = ev::ActiveModel {
        review_id: Set(r.id),
        behaviour_id: Set(e.behaviour_id),
        kind: Set(kind),
        at_ms: Set(e.at_ms),
        cue_index: Set(e.cue_index),
        note: Set(note.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(m.id)
}

pub async fn remove_evidence(cx: &Ctx, id: i32, evidence_id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (r, _) = own_draft(db, caller, id).await?;
    let deleted = ev::Entity::delete_many()
        .filter(ev::Column::ReviewId.eq(r.id))
        .filter(ev::Column::Id.eq(evidence_id))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(AppError::not_found("That note"));
    }
    Ok(())
}

pub(super) fn summary(result: &ScoreOutcome) -> String {
    match (result.score, result.critical_fail) {
        (_, true) => format!(
            "critical fail (weighted score {})",
            result
                .unweighted_by_critical
                .map_or("–".into(), |s| format!("{s:.1}"))
        ),
        (Some(s), false) => format!("{s:.1}"),
        (None, false) => "no score".into(),
    }
}

pub async fn submit(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (r, fw) = own_draft(db, caller, id).await?;
    let ratings = ratings_of(db, r.id).await?;
    let missing: Vec<&str> = fw
        .behaviours()
        .filter(|b| !ratings.contains_key(&b.id))
        .map(|b| b.name.as_str())
        .collect();
    if !missing.is_empty() {
        return Err(AppError::invalid(
            "ratings",
            format!(
                "Rate every behaviour before submitting ({} left: {}). Use N/A where there was no opportunity.",
                missing.len(),
                missing.join(", ")
            ),
        ));
    }
    if r.strengths.trim().is_empty() {
        return Err(AppError::invalid(
            "strengths",
            "Write at least one strength before submitting.",
        ));
    }
    if r.development.trim().is_empty() {
        return Err(AppError::invalid(
            "development",
            "Write one or two development points before submitting.",
        ));
    }
    let result = outcome(&fw, &ratings);
    let now = Utc::now();
    if let Some(session_id) = r.calibration_id {
        return super::calibration::submit(db, caller, r, session_id, &result).await;
    }
    let txn = db.begin().await?;
    let (review_id, call_id, agent_id) = (r.id, r.call_id, r.agent_id);
    let reviewed = call::Entity::find_by_id(call_id)
        .one(&txn)
        .await?
        .ok_or_else(|| AppError::not_found("That call"))?;
    // Written for the agent, in the organisation's days (notifications are
    // stored text): which call, when, and how it scored.
    let which = format!(
        "{} call of {}",
        reviewed.channel.label().to_lowercase(),
        caller.clock.day(reviewed.occurred_at)
    );
    mark_submitted(&txn, caller, r, &result).await?;
    call::Entity::update_many()
        .col_expr(
            call::Column::Reviewed,
            sea_orm::sea_query::Expr::value(true),
        )
        .filter(call::Column::Id.eq(call_id))
        .exec(&txn)
        .await?;
    quality_rollup::refresh_call(&txn, caller.org_id, call_id).await?;
    notify(
        &txn,
        caller.org_id,
        agent_id,
        format!(
            "{} reviewed your {which}: {}.",
            caller.name,
            summary(&result)
        ),
        format!("/reviews/{review_id}"),
    )
    .await?;
    txn.commit().await?;
    // After the commit: the new ratings are what the statuses are read from.
    refresh_statuses(db, caller.org_id, &[agent_id], now).await?;
    Ok(())
}
