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
    /// Bad input in several fields of one form, in the form's order, so
    /// the person can fix them all at once.
    #[error("{}", summary(.0))]
    InvalidFields(Vec<FieldProblem>),
    #[error("{0}")]
    Conflict(String),
    #[error("Too many failed attempts. Try again in {wait}.")]
    Throttled { wait: String },
    #[error("Something went wrong on our side. Please try again. (ref: {0})")]
    Internal(String),
    #[error("Could not reach Rapport: {0}")]
    Network(String),
}

/// One field's problem in an [`AppError::InvalidFields`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

fn summary(problems: &[FieldProblem]) -> String {
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    format!(
        "{} fields need attention: {}",
        problems.len(),
        messages.join(" ")
    )
}

impl AppError {
    /// Every problem found in a form: one reads as [`AppError::Invalid`].
    pub fn invalid_fields(problems: Vec<(String, String)>) -> Self {
        let mut problems: Vec<FieldProblem> = problems
            .into_iter()
            .map(|(field, message)| FieldProblem { field, message })
            .collect();
        if problems.len() == 1 {
            let p = problems.remove(0);
            return AppError::Invalid {
                field: p.field,
                message: p.message,
            };
        }
        AppError::InvalidFields(problems)
    }

    /// The first error of each result, gathered: `Ok` when none failed.
    pub fn gather(results: impl IntoIterator<Item = Option<AppError>>) -> Result<(), AppError> {
        let mut problems = vec![];
        for e in results.into_iter().flatten() {
            match e {
                AppError::Invalid { field, message } => problems.push((field, message)),
                AppError::InvalidFields(list) => {
                    problems.extend(list.into_iter().map(|p| (p.field, p.message)))
                }
                // Anything but bad input stops at once.
                other => return Err(other),
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(AppError::invalid_fields(problems))
        }
    }

    /// The fields this error is about, in order.
    pub fn fields(&self) -> Vec<&str> {
        match self {
            AppError::Invalid { field, .. } => vec![field.as_str()],
            AppError::InvalidFields(list) => list.iter().map(|p| p.field.as_str()).collect(),
            _ => vec![],
        }
    }

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
            AppError::InvalidFields(list) => list
                .iter()
                .find(|p| p.field == name)
                .map(|p| p.message.clone()),
            _ => None,
        }
    }

    /// HTTP status for a server-function response carrying this error.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound(_) => 404,
            AppError::Invalid { .. } | AppError::InvalidFields(_) => 422,
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
    fn several_field_errors_travel_together_and_one_reads_as_one() {
        let e = AppError::invalid_fields(vec![
            ("csat".into(), "CSAT must be 1 to 5.".into()),
            (
                "duration_seconds".into(),
                "Enter the length in seconds.".into(),
            ),
        ]);
        assert_eq!(e.fields(), vec!["csat", "duration_seconds"]);
        assert_eq!(e.for_field("csat").as_deref(), Some("CSAT must be 1 to 5."));
        assert_eq!(e.for_field("ltr"), None);
        assert_eq!(e.status_code(), 422);
        assert_eq!(
            e.to_string(),
            "2 fields need attention: CSAT must be 1 to 5. Enter the length in seconds."
        );
        let one = AppError::invalid_fields(vec![("csat".into(), "No.".into())]);
        assert_eq!(one, AppError::invalid("csat", "No."));
    }

    #[test]
    fn gathering_keeps_every_field_problem_but_stops_at_anything_else() {
        assert_eq!(AppError::gather([None, None]), Ok(()));
        let both = AppError::gather([
            Some(AppError::invalid("a", "A.")),
            None,
            Some(AppError::invalid("b", "B.")),
        ])
        .unwrap_err();
        assert_eq!(both.fields(), vec!["a", "b"]);
        assert_eq!(
            AppError::gather([
                Some(AppError::invalid("a", "A.")),
                Some(AppError::Forbidden)
            ]),
            Err(AppError::Forbidden)
        );
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
