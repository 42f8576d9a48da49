//! The agent acknowledges or disputes a review; another coach or a leader
//! resolves the dispute, and every change is audited.

use super::*;
use crate::domain::access::Action;
use crate::domain::lifecycle::{DisputeOutcome, ReviewEvent, ReviewStatus};
use crate::domain::scoring::Rating;
use crate::error::AppError;
use crate::server::entities::{framework, review, user};
use crate::server::kernel::notify::notify;
use crate::server::kernel::visibility::team_coaches;
use crate::server::kernel::{quality_rollup, AuthUser, Ctx, InOrg};
use crate::server::services::calls::can_score;
use crate::server::services::frameworks::view_of;
use crate::server::services::targets::refresh_statuses;
use crate::types::FrameworkView;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use std::collections::HashMap;

pub(super) async fn agents_review(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<review::Model, AppError> {
    caller.require(Action::RespondToReview)?;
    let (r, _, _) = visible_review(db, caller, id).await?;
    if r.agent_id != caller.id {
        return Err(AppError::Forbidden);
    }
    if r.imported_at.is_some() {
        return Err(AppError::Conflict(
            "This review was imported from your previous QA tool's history: it stands as it was, and there is nothing to acknowledge or dispute here.".into(),
        ));
    }
    if r.status != ReviewStatus::Submitted {
        return Err(AppError::Conflict(format!(
            "This review is already {}.",
            r.status
        )));
    }
    Ok(r)
}

pub async fn acknowledge(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let r = agents_review(db, caller, id).await?;
    let txn = db.begin().await?;
    let review_id = r.id;
    let mut active: review::ActiveModel = r.into();
    active.status = Set(ReviewStatus::Acknowledged);
    active.acknowledged_at = Set(Some(Utc::now()));
    active.update(&txn).await?;
    write_audit(
        &txn,
        caller,
        review_id,
        ReviewEvent::Acknowledged,
        None,
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn dispute(cx: &Ctx, id: i32, reason: &str) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let r = agents_review(db, caller, id).await?;
    let reason = reason.trim();
    if reason.chars().count() < 10 {
        return Err(AppError::invalid(
            "reason",
            "Say what you disagree with and why (at least 10 characters).",
        ));
    }
    if reason.chars().count() > 2000 {
        return Err(AppError::invalid(
            "reason",
            "A reason can be at most 2000 characters.",
        ));
    }
    let txn = db.begin().await?;
    let (review_id, team_id, coach_id) = (r.id, r.team_id, r.coach_id);
    let mut active: review::ActiveModel = r.into();
    active.status = Set(ReviewStatus::Disputed);
    active.dispute_reason = Set(Some(reason.to_string()));
    active.disputed_at = Set(Some(Utc::now()));
    active.update(&txn).await?;
    write_audit(
        &txn,
        caller,
        review_id,
        ReviewEvent::Disputed,
        None,
        Some(reason.to_string()),
    )
    .await?;
    // Whoever can resolve it: the team's other coaches and the leaders.
    let coaches: Vec<i32> = team_coaches(&txn, &[team_id])
        .await?
        .into_iter()
        .map(|(_, coach)| coach)
        .collect();
    let leaders: Vec<i32> = user::Entity::find()
        .filter(user::Column::OrgId.eq(caller.org_id))
        .filter(user::Column::IsLeader.eq(true))
        .filter(user::Column::Active.eq(true))
        .all(&txn)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let mut to: Vec<i32> = coaches.into_iter().chain(leaders).collect();
    to.push(coach_id);
    to.sort_unstable();
    to.dedup();
    for uid in to.into_iter().filter(|u| *u != caller.id) {
        notify(
            &txn,
            caller.org_id,
            uid,
            format!("{} disputed a review.", caller.name),
            format!("/reviews/{review_id}"),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

pub(super) fn describe_ratings(
    fw: &FrameworkView,
    ratings: &HashMap<i32, Rating>,
    only: &[i32],
) -> String {
    fw.behaviours()
        .filter(|b| only.contains(&b.id))
        .map(|b| {
            format!(
                "{}: {}",
                b.name,
                ratings.get(&b.id).map_or("unrated".into(), |r| r.short())
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Resolves a dispute: `upheld` keeps the scores; `amended` replaces the
/// ratings given, and the change is audited with its before and after.
pub async fn resolve(
    cx: &Ctx,
    id: i32,
    outcome_kind: DisputeOutcome,
    note: &str,
    amended: Vec<(i32, Rating)>,
) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ResolveDispute)?;
    let (r, c, scope) = visible_review(db, caller, id).await?;
    if r.status != ReviewStatus::Disputed {
        return Err(AppError::Conflict(
            "This review is not under dispute.".into(),
        ));
    }
    if r.coach_id == caller.id || !can_score(caller, &scope, &c) {
        return Err(AppError::Forbidden);
    }
    let note = note.trim();
    if note.is_empty() {
        return Err(AppError::invalid(
            "note",
            "Explain the decision to the agent and the coach.",
        ));
    }
    let note = check_text("note", "The note", note)?;
    let fw = view_of(
        db,
        framework::Entity::get_in_org(db, caller.org_id, r.framework_id).await?,
    )
    .await?;
    let before = ratings_of(db, r.id).await?;
    let txn = db.begin().await?;
    let (review_id, agent_id, coach_id, call_id) = (r.id, r.agent_id, r.coach_id, r.call_id);
    let mut active: review::ActiveModel = r.clone().into();
    match outcome_kind {
        DisputeOutcome::Upheld => {
            write_audit(
                &txn,
                caller,
                review_id,
                ReviewEvent::DisputeUpheld,
                None,
                Some(note.clone()),
            )
            .await?;
        }
        DisputeOutcome::Amended => {
            let changes = check_ratings(&fw, &amended)?;
            let changed: Vec<i32> = changes
                .iter()
                .filter(|(b, x)| before.get(b) != Some(x))
                .map(|(b, _)| *b)
                .collect();
            if changed.is_empty() {
                return Err(AppError::invalid(
                    "ratings",
                    "Change at least one rating to amend the review, or uphold it.",
                ));
            }
            let mut after = before.clone();
            after.extend(changes);
            let before_score = outcome(&fw, &before);
            let after_score = outcome(&fw, &after);
            replace_ratings(&txn, review_id, &after).await?;
            active.score = Set(after_score.score);
            active.raw_score = Set(after_score.unweighted_by_critical);
            active.critical_fail = Set(after_score.critical_fail);
            write_audit(
                &txn,
                caller,
                review_id,
                ReviewEvent::Amended,
                Some(format!(
                    "{} (score {})",
                    describe_ratings(&fw, &before, &changed),
                    summary(&before_score)
                )),
                Some(format!(
                    "{} (score {})",
                    describe_ratings(&fw, &after, &changed),
                    summary(&after_score)
                )),
            )
            .await?;
        }
    }
    active.status = Set(ReviewStatus::Resolved);
    active.resolution = Set(Some(outcome_kind));
    active.resolution_note = Set(Some(note));
    active.resolved_by = Set(Some(caller.id));
    active.resolved_at = Set(Some(Utc::now()));
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    if outcome_kind == DisputeOutcome::Amended {
        quality_rollup::refresh_call(&txn, caller.org_id, call_id).await?;
    }
    for uid in [agent_id, coach_id] {
        notify(
            &txn,
            caller.org_id,
            uid,
            format!("{} {} the disputed review.", caller.name, outcome_kind),
            format!("/reviews/{review_id}"),
        )
        .await?;
    }
    txn.commit().await?;
    if outcome_kind == DisputeOutcome::Amended {
        refresh_statuses(db, caller.org_id, &[agent_id], Utc::now()).await?;
    }
    Ok(())
}
