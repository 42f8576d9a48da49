//! What frameworks and the continuum model share as versioned documents:
//! only a draft changes, and publishing a draft retires the version in use.

use super::tenancy::{HasIdColumn, InOrg};
use crate::domain::lifecycle::VersionStatus;
use crate::error::AppError;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, QueryFilter, TransactionTrait};

/// A table of versions of one organisation's document.
pub trait Versioned: InOrg + HasIdColumn {
    fn status_column() -> Self::Column;
    fn published_at_column() -> Self::Column;
}

/// Refuses changes to a version that is no longer a draft; `to_change` ends
/// the message ("reword the model").
pub fn must_be_draft(version: i32, status: VersionStatus, to_change: &str) -> Result<(), AppError> {
    if status == VersionStatus::Draft {
        Ok(())
    } else {
        Err(AppError::Conflict(format!(
            "Version {version} is {status} and can no longer be changed. Start a new version to {to_change}."
        )))
    }
}

/// Makes the draft the version in use and retires the one it replaces, in
/// one transaction.
pub async fn publish<E: Versioned>(
    db: &DatabaseConnection,
    org_id: i32,
    draft_id: i32,
) -> Result<(), AppError> {
    debug_assert!(VersionStatus::Published.may_become(VersionStatus::Retired));
    let txn = db.begin().await?;
    E::update_many()
        .col_expr(E::status_column(), Expr::value(VersionStatus::Retired))
        .filter(E::org_column().eq(org_id))
        .filter(E::status_column().eq(VersionStatus::Published))
        .exec(&txn)
        .await?;
    E::update_many()
        .col_expr(E::status_column(), Expr::value(VersionStatus::Published))
        .col_expr(E::published_at_column(), Expr::value(Utc::now()))
        .filter(E::id_column().eq(draft_id))
        .filter(E::status_column().eq(VersionStatus::Draft))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

macro_rules! versioned {
    ($($module:ident),*) => {$(
        impl Versioned for crate::server::entities::$module::Entity {
            fn status_column() -> Self::Column {
                crate::server::entities::$module::Column::Status
            }
            fn published_at_column() -> Self::Column {
                crate::server::entities::$module::Column::PublishedAt
            }
        }
    )*};
}

versioned!(framework, continuum_model);
