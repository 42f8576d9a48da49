//! Who may see, score and change a call.

use crate::domain::access::Action;
use crate::error::AppError;
use crate::server::entities::call;
use crate::server::kernel::{AuthUser, InOrg, Visibility};
use sea_orm::ConnectionTrait;

/// Whether the caller may score this call (never their own).
pub fn can_score(caller: &AuthUser, vis: &Visibility, c: &call::Model) -> bool {
    caller.may(Action::ScoreCall, vis.call_relation(c))
}

/// Whether the caller may attach a recording or transcript to this call.
pub fn can_edit(caller: &AuthUser, vis: &Visibility, c: &call::Model) -> bool {
    caller.may(Action::AttachMedia, vis.call_relation(c))
}

/// Finds a call the caller may see; anything else reads as not found.
pub async fn visible_call(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    call_id: i32,
) -> Result<(call::Model, Visibility), AppError> {
    let vis = Visibility::of(db, caller).await?;
    let c = call::Entity::get_in_org(db, caller.org_id, call_id).await?;
    if !vis.sees_call(&c) {
        return Err(AppError::not_found(call::Entity::WHAT));
    }
    Ok((c, vis))
}

/// A call whose recording and transcript the caller may hear and read: one
/// they see, or one of a calibration session they take part in.
pub async fn audible_call(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    call_id: i32,
) -> Result<call::Model, AppError> {
    match visible_call(db, caller, call_id).await {
        Ok((c, _)) => Ok(c),
        Err(e) => {
            if crate::server::kernel::calibration::reaches_call(db, caller, call_id).await? {
                call::Entity::get_in_org(db, caller.org_id, call_id).await
            } else {
                Err(e)
            }
        }
    }
}
