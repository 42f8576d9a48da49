//! The one error type of the app layer. Server functions return it, pages
//! show it. Messages are written for the person using the app.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please log in to continue.")]
    Unauthenticated,
    #[error("You do not have permission to do that.")]
    Forbidden,
    #[error("{0} was not found.")]
    NotFound(String),
    /// Bad input: `field` names the form field (or column) it belongs to.
    #[error("{message}")]
    Invalid { field: String, message: String },
    #[error("{0}")]
    Conflict(String),
    #[error("Too many failed attempts. Try again in {wait}.")]
    Throttled { wait: String },
    #[error("Something went wrong on our side. Please try again. (ref: {0})")]
    Internal(String),
    #[error("Could not reach Rapport: {0}")]
    Network(String),
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: field.to_string(),
            message: message.into(),
        }
    }

    pub fn not_found(what: &str) -> Self {
        AppError::NotFound(what.to_string())
    }

    /// The message to show next to a given form field, if this error is about it.
    pub fn for_field(&self, name: &str) -> Option<String> {
        match self {
            AppError::Invalid { field, message } if field == name => Some(message.clone()),
            _ => None,
        }
    }

    /// HTTP status for a server-function response carrying this error.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound(_) => 404,
            AppError::Invalid { .. } => 422,
            AppError::Conflict(_) => 409,
            AppError::Throttled { .. } => 429,
            AppError::Internal(_) => 500,
            AppError::Network(_) => 502,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(e) => AppError::Network(e),
            ServerFnErrorErr::Args(e) | ServerFnErrorErr::MissingArg(e) => {
                AppError::invalid("", format!("The request was incomplete: {e}"))
            }
            // On the server this can only be the arguments of a JSON request
            // that do not fit the function (a hand-made request): bad input,
            // not a fault of ours. In the browser it is a reply we could not
            // read, which stays internal.
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Deserialization(e) => {
                AppError::invalid("", format!("The request could not be read: {e}"))
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_are_found_by_name() {
        let e = AppError::invalid("email", "Enter an email address.");
        assert_eq!(
            e.for_field("email").as_deref(),
            Some("Enter an email address.")
        );
        assert_eq!(e.for_field("password"), None);
        assert_eq!(e.to_string(), "Enter an email address.");
        assert_eq!(e.status_code(), 422);
    }

    #[test]
    fn refusals_map_to_http_statuses() {
        assert_eq!(AppError::Forbidden.status_code(), 403);
        assert_eq!(AppError::not_found("Team").status_code(), 404);
        assert_eq!(
            AppError::not_found("Team").to_string(),
            "Team was not found."
        );
        assert_eq!(AppError::Unauthenticated.status_code(), 401);
    }
}
