//! Submitting a blind calibration score: practice among coaches, so none
//! of what an ordinary submission sets off happens.

use super::scoring::mark_submitted;
use crate::domain::lifecycle::CalibrationStatus;
use crate::domain::scoring::ScoreOutcome;
use crate::error::AppError;
use crate::server::entities::{calibration_session, review};
use crate::server::kernel::{calibration, AuthUser, InOrg};
use sea_orm::TransactionTrait;

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
    let txn = db.begin().await?;
    let session = calibration_session::Entity::get_in_org(&txn, caller.org_id, session_id).await?;
    if session.status == CalibrationStatus::Revealed {
        return Err(AppError::Conflict(
            "This calibration session has been revealed; scores can no longer be added.".into(),
        ));
    }
    mark_submitted(&txn, caller, r, result).await?;
    calibration::reveal_when_complete(&txn, session).await?;
    txn.commit().await?;
    Ok(())
}
