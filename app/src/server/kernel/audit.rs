//! The audit log: who changed what, when, with the state before and after.

use super::AuthUser;
use crate::domain::lifecycle::AuditSubject;
use crate::error::AppError;
use crate::server::entities::audit;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

/// One change to record: the kind of record, its id, what was done.
pub struct Change {
    pub subject: AuditSubject,
    pub entity_id: i32,
    /// The key of the subject's event, e.g. `ReviewEvent::Amended.key()`.
    pub action: &'static str,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub async fn record(
    db: &impl ConnectionTrait,
    actor: &AuthUser,
    change: Change,
) -> Result<(), AppError> {
    audit::ActiveModel {
        org_id: Set(actor.org_id),
        actor_id: Set(actor.id),
        entity: Set(change.subject.key().into()),
        entity_id: Set(change.entity_id),
        action: Set(change.action.into()),
        before: Set(change.before),
        after: Set(change.after),
        at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
