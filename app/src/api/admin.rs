use crate::domain::lifecycle::MembershipKind;
use crate::error::AppError;
use crate::types::{InvitationLink, InvitationSummary, TeamDetail, UserSummary};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    guard, respond,
    services::people::{teams, users as people},
};

#[server(endpoint = "admin/users", client = crate::ahead::DataClient)]
pub async fn list_users() -> Result<Vec<UserSummary>, AppError> {
    respond(async { people::list_users(&guard::ctx().await?).await }.await)
}

/// `roles` is a comma-separated list of agent, coach, leader, admin.
#[server(endpoint = "admin/create_user")]
pub async fn create_user(
    name: String,
    email: String,
    roles: String,
    password: String,
    team_id: Option<i32>,
) -> Result<UserSummary, AppError> {
    respond(
        async {
            let cx = guard::ctx().await?;
            let input = people::NewUser {
                name: &name,
                email: &email,
                roles: &roles,
                password: &password,
                team_id,
            };
            people::create_user(&cx, input).await
        }
        .await,
    )
}

#[server(endpoint = "admin/update_roles")]
pub async fn update_roles(user_id: i32, roles: String) -> Result<(), AppError> {
    respond(async { people::update_roles(&guard::ctx().await?, user_id, &roles).await }.await)
}

#[server(endpoint = "admin/set_active")]
pub async fn set_user_active(user_id: i32, active: bool) -> Result<(), AppError> {
    respond(async { people::set_active(&guard::ctx().await?, user_id, active).await }.await)
}

#[server(endpoint = "admin/invite")]
pub async fn invite_user(
    name: String,
    email: String,
    roles: String,
    team_id: Option<i32>,
) -> Result<InvitationLink, AppError> {
    respond(
        async {
            let cx = guard::ctx().await?;
            let input = people::NewInvitation {
                name: &name,
                email: &email,
                roles: &roles,
                team_id,
            };
            people::invite(&cx, input).await
        }
        .await,
    )
}

#[server(endpoint = "admin/invitations")]
pub async fn list_invitations() -> Result<Vec<InvitationSummary>, AppError> {
    respond(async { people::list_invitations(&guard::ctx().await?).await }.await)
}

#[server(endpoint = "admin/revoke_invitation")]
pub async fn revoke_invitation(invitation_id: i32) -> Result<(), AppError> {
    respond(async { people::revoke_invitation(&guard::ctx().await?, invitation_id).await }.await)
}

#[server(endpoint = "admin/teams", client = crate::ahead::DataClient)]
pub async fn list_teams() -> Result<Vec<TeamDetail>, AppError> {
    respond(async { teams::list_teams(&guard::ctx().await?).await }.await)
}

#[server(endpoint = "admin/create_team")]
pub async fn create_team(name: String) -> Result<TeamDetail, AppError> {
    respond(async { teams::create_team(&guard::ctx().await?, &name).await }.await)
}

#[server(endpoint = "admin/rename_team")]
pub async fn rename_team(team_id: i32, name: String) -> Result<(), AppError> {
    respond(async { teams::rename_team(&guard::ctx().await?, team_id, &name).await }.await)
}

#[server(endpoint = "admin/delete_team")]
pub async fn delete_team(team_id: i32) -> Result<(), AppError> {
    respond(async { teams::delete_team(&guard::ctx().await?, team_id).await }.await)
}

/// `archived` false restores the team.
#[server(endpoint = "admin/archive_team")]
pub async fn archive_team(team_id: i32, archived: bool) -> Result<(), AppError> {
    respond(async { teams::archive_team(&guard::ctx().await?, team_id, archived).await }.await)
}

/// `member` false removes the membership.
#[server(endpoint = "admin/set_membership")]
pub async fn set_membership(
    team_id: i32,
    user_id: i32,
    kind: MembershipKind,
    member: bool,
) -> Result<(), AppError> {
    respond(
        async {
            let cx = guard::ctx().await?;
            teams::set_membership(&cx, team_id, user_id, kind, member).await
        }
        .await,
    )
}
