//! Turning a domain check's message into an error that names its form field.

use crate::error::AppError;

/// Attaches a domain validation message to the field it is about.
pub fn field<T>(name: &str, r: Result<T, String>) -> Result<T, AppError> {
    r.map_err(|m| AppError::invalid(name, m))
}

/// A checked field's error, to gather with the others through
/// [`AppError::gather`] so a form hears about every field at once.
pub fn problem<T>(r: &Result<T, AppError>) -> Option<AppError> {
    r.as_ref().err().cloned()
}
