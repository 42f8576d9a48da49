use crate::error::AppError;
use crate::types::{InvitationPreview, Me};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{guard, respond, services::auth};

/// The signed-in person, or `None` for a visitor.
#[server(endpoint = "me")]
pub async fn get_me() -> Result<Option<Me>, AppError> {
    respond(
        async {
            match guard::current_user().await? {
                Some(user) => Ok(Some(auth::me(&user).await?)),
                None => Ok(None),
            }
        }
        .await,
    )
}

#[server(endpoint = "sign_up")]
pub async fn sign_up(
    org_name: String,
    name: String,
    email: String,
    password: String,
) -> Result<Me, AppError> {
    respond(auth::sign_up(&org_name, &name, &email, &password).await)
}

#[server(endpoint = "log_in")]
pub async fn log_in(email: String, password: String) -> Result<Me, AppError> {
    respond(auth::log_in(&email, &password).await)
}

#[server(endpoint = "log_out")]
pub async fn log_out() -> Result<(), AppError> {
    respond(guard::sign_out().await)
}

#[server(endpoint = "change_password")]
pub async fn change_password(
    current: String,
    new_password: String,
    confirm: String,
) -> Result<(), AppError> {
    respond(
        async {
            let user = guard::require_user().await?;
            auth::change_password(&user, &current, &new_password, &confirm).await
        }
        .await,
    )
}

#[server(endpoint = "invitation")]
pub async fn get_invitation(token: String) -> Result<InvitationPreview, AppError> {
    respond(auth::invitation_preview(&token).await)
}

#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(
    token: String,
    name: String,
    password: String,
) -> Result<Me, AppError> {
    respond(auth::accept_invitation(&token, &name, &password).await)
}
