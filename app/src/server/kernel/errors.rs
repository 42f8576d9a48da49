//! Database errors become app errors: a constraint the person can act on is
//! recognised by the database's own error code (through SeaORM), anything
//! else is logged with a reference the person can quote.

use crate::error::AppError;
use sea_orm::{DbErr, SqlErr};

impl From<DbErr> for AppError {
    fn from(e: DbErr) -> Self {
        internal(e)
    }
}

/// An internal fault: logged in full, shown as a short reference.
pub fn internal(e: impl std::fmt::Display) -> AppError {
    let reference = crate::server::tokens::new_token()[..8].to_string();
    tracing::error!(reference = %reference, error = %e, "internal error");
    AppError::Internal(reference)
}

/// Whether an insert or update broke a unique index (a name or email taken
/// meanwhile, a second draft started by a concurrent request).
pub fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}
