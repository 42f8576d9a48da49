//! Session → caller, and nothing more: the one path every server function
//! takes to learn who is asking. What the caller may do is the access
//! policy's business (`domain::access`), applied by the services.

use super::entities::{organization, user};
use super::kernel::{internal, AuthUser, Ctx};
use super::state::AppState;
use crate::error::AppError;
use leptos::prelude::*;
use sea_orm::{DatabaseConnection, EntityTrait};
use std::net::SocketAddr;
use tower_sessions::Session;

const USER_ID: &str = "uid";
const SESSION_VERSION: &str = "ver";

/// The application state of the request being answered. It is missing only
/// when the request's reactive owner is gone: the client dropped the
/// connection and the work went on without it. That is no internal error,
/// so it is logged quietly.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::debug!("request ended before it was answered (client went away)");
        AppError::Network("the request ended before it was answered".into())
    })
}

pub fn db() -> Result<DatabaseConnection, AppError> {
    Ok(state()?.db)
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(|e| internal(format!("session layer missing: {e}")))
}

/// The signed-in user, or `None` for a visitor. A session whose user was
/// deactivated or whose password changed since is ended here.
pub async fn current_user() -> Result<Option<AuthUser>, AppError> {
    if let Some(caller) = use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<super::state::PageCaller>().cloned())
    {
        return Ok(Some(caller.0));
    }
    let session = session().await?;
    user_for_session(&db()?, &session).await
}

/// The same check for handlers outside Leptos (recordings).
pub async fn user_for_session(
    db: &DatabaseConnection,
    session: &Session,
) -> Result<Option<AuthUser>, AppError> {
    let Some(uid) = session.get::<i32>(USER_ID).await.map_err(internal)? else {
        return Ok(None);
    };
    let version = session
        .get::<i32>(SESSION_VERSION)
        .await
        .map_err(internal)?;
    let found = user::Entity::find_by_id(uid)
        .find_also_related(organization::Entity)
        .one(db)
        .await?;
    match found {
        Some((u, Some(org))) if u.active && Some(u.session_version) == version => {
            Ok(Some(AuthUser::new(&u, &org)))
        }
        _ => {
            session.flush().await.map_err(internal)?;
            Ok(None)
        }
    }
}

pub async fn require_user() -> Result<AuthUser, AppError> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

/// The signed-in caller and the connection, for a service call. The caller
/// is also written into the request's `server_fn` span (see the server's
/// tracing layer), so every log line of the call names who made it.
pub async fn ctx() -> Result<Ctx, AppError> {
    let caller = require_user().await?;
    let span = tracing::Span::current();
    span.record("user", caller.id);
    span.record("org", caller.org_id);
    Ok(Ctx::new(db()?, caller))
}

/// Starts an authenticated session under a fresh id (no session fixation).
pub async fn sign_in(user: &user::Model) -> Result<(), AppError> {
    let session = session().await?;
    session.cycle_id().await.map_err(internal)?;
    session.insert(USER_ID, user.id).await.map_err(internal)?;
    session
        .insert(SESSION_VERSION, user.session_version)
        .await
        .map_err(internal)?;
    Ok(())
}

pub async fn sign_out() -> Result<(), AppError> {
    session().await?.flush().await.map_err(internal)
}

/// The caller's network address, for throttling.
pub async fn client_address() -> String {
    let trust = state()
        .map(|s| s.settings.trust_forwarded_for)
        .unwrap_or(false);
    if trust {
        if let Ok(headers) = leptos_axum::extract::<http::HeaderMap>().await {
            if let Some(first) = headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
            {
                return first.trim().to_string();
            }
        }
    }
    match leptos_axum::extract::<axum::extract::ConnectInfo<SocketAddr>>().await {
        Ok(axum::extract::ConnectInfo(addr)) => addr.ip().to_string(),
        Err(_) => "unknown".to_string(),
    }
}

/// Finishes a server function: errors carry their HTTP status, and internal
/// ones are logged with a reference the person can quote.
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result {
        if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(status) = http::StatusCode::from_u16(e.status_code()) {
                // While a page renders, a signed-out visitor is being
                // redirected to the login page; the page's own data calls
                // failing must not turn that redirect into an error page.
                let mut parts = options.0.write().unwrap_or_else(|p| p.into_inner());
                let redirecting = parts.status.is_some_and(|s| s.is_redirection())
                    || parts.headers.contains_key(http::header::LOCATION);
                if !redirecting {
                    parts.status = Some(status);
                }
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 17.10: a dropped connection is not logged as an internal error.
    #[test]
    fn a_request_without_its_state_is_a_network_end_not_an_internal_error() {
        assert!(matches!(state(), Err(AppError::Network(_))));
    }
}
