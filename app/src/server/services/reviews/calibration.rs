//! Submitting a blind calibration score: practice among coaches, so none
//! of what an ordinary submission sets off happens.

use super::scoring::{summary, write_audit};
use crate::domain::lifecycle::{CalibrationStatus, ReviewEvent, ReviewStatus};
use crate::domain::scoring::ScoreOutcome;
use crate::error::AppError;
use crate::server::entities::{calibration_session, review};
use crate::server::kernel::{calibration, AuthUser, InOrg};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};

/// A blind calibration score: practice, so the call stays unreviewed, its
/// agent hears nothing and no target moves; the last score reveals the
/// session.
pub(super) async fn submit(
    db: &sea_orm::DatabaseConnection,
    caller: &AuthUser,
    r: review::Model,
    session_id: i32,
    result: &ScoreOutcome,
) -> Result<(), AppError> {
    let now = Utc::now();
    let txn = db.begin().await?;
    let session = calibration_session::Entity::get_in_org(&txn, caller.org_id, session_id).await?;
    if session.status == CalibrationStatus::Revealed {
        return Err(AppError::Conflict(
            "This calibration session has been revealed; scores can no longer be added.".into(),
        ));
    }
    let review_id = r.id;
    let mut active: review::ActiveModel = r.into();
    active.status = Set(ReviewStatus::Submitted);
    active.score = Set(result.score);
    active.raw_score = Set(result.unweighted_by_critical);
    active.critical_fail = Set(result.critical_fail);
    active.submitted_at = Set(Some(now));
    active.updated_at = Set(now);
    active.update(&txn).await?;
    write_audit(
        &txn,
        caller,
        review_id,
        ReviewEvent::Submitted,
        None,
        Some(summary(result)),
    )
    .await?;
    calibration::reveal_when_complete(&txn, session).await?;
    txn.commit().await?;
    Ok(())
}
