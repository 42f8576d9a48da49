use crate::error::AppError;
use crate::types::{InvitationPreview, Me};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    guard, respond,
    services::people::{auth, settings},
};

/// The signed-in person, or `None` for a visitor.
#[server(endpoint = "me")]
pub async fn get_me() -> Result<Option<Me>, AppError> {
    respond(
        async {
            match guard::current_user().await? {
                Some(user) => Ok(Some(auth::me(&user))),
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
    /// The organisation's IANA zone, as the browser reports it; UTC when
    /// missing or empty.
    #[server(default)]
    time_zone: Option<String>,
) -> Result<Me, AppError> {
    respond(
        async {
            let founder = auth::Founder {
                org_name: &org_name,
                name: &name,
                email: &email,
                password: &password,
                time_zone: time_zone.as_deref().unwrap_or(""),
            };
            auth::sign_up(&guard::db()?, founder).await
        }
        .await,
    )
}

#[server(endpoint = "log_in")]
pub async fn log_in(email: String, password: String) -> Result<Me, AppError> {
    respond(async { auth::log_in(&guard::db()?, &email, &password).await }.await)
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
            auth::change_password(&guard::ctx().await?, &current, &new_password, &confirm).await
        }
        .await,
    )
}

#[server(endpoint = "invitation")]
pub async fn get_invitation(token: String) -> Result<InvitationPreview, AppError> {
    respond(async { auth::invitation_preview(&guard::db()?, &token).await }.await)
}

#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(
    token: String,
    name: String,
    password: String,
) -> Result<Me, AppError> {
    respond(async { auth::accept_invitation(&guard::db()?, &token, &name, &password).await }.await)
}

#[server(endpoint = "time_zones")]
pub async fn get_time_zones() -> Result<crate::types::TimeZoneSettings, AppError> {
    respond(async { settings::time_zones(&guard::ctx().await?).await }.await)
}

#[server(endpoint = "set_org_time_zone")]
pub async fn set_org_time_zone(org_zone: String) -> Result<(), AppError> {
    respond(async { settings::set_org_time_zone(&guard::ctx().await?, &org_zone).await }.await)
}

#[server(endpoint = "set_my_time_zone")]
pub async fn set_my_time_zone(own_zone: String) -> Result<(), AppError> {
    respond(async { settings::set_my_time_zone(&guard::ctx().await?, &own_zone).await }.await)
}
