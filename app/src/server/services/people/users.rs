//! Admin work on people: create, invite, change roles, deactivate.

use super::auth::{email_taken, membership_kind_for, taken_message};
use super::teams::must_be_active;
use crate::domain::access::Action;
use crate::domain::lifecycle::MembershipKind;
use crate::domain::roles::{Role, RoleSet};
use crate::domain::validation::{check_name, check_password, normalise_email};
use crate::error::AppError;
use crate::server::entities::{invitation, team, team_member, user};
use crate::server::kernel::forms::{field, problem};
use crate::server::kernel::is_unique_violation;
use crate::server::kernel::names::team_names;
use crate::server::kernel::{internal, Ctx, InOrg};
use crate::server::{passwords, tokens};
use crate::types::{InvitationLink, InvitationSummary, TeamRef, UserSummary};
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use std::collections::HashMap;

pub const INVITATION_DAYS: i64 = 7;

fn parse_roles(keys: &str) -> Result<RoleSet, AppError> {
    let roles = field("roles", RoleSet::parse_keys(keys))?;
    if roles.is_empty() {
        return Err(AppError::invalid("roles", "Choose at least one role."));
    }
    Ok(roles)
}

pub async fn list_users(cx: &Ctx) -> Result<Vec<UserSummary>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManagePeople)?;
    let users = user::Entity::find()
        .filter(user::Column::OrgId.eq(caller.org_id))
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?;
    let teams = team_names(db, caller.org_id).await?;
    let memberships = team_member::Entity::find()
        .filter(team_member::Column::TeamId.is_in(teams.keys().copied().collect::<Vec<_>>()))
        .all(db)
        .await?;
    let mut out: Vec<UserSummary> = users
        .into_iter()
        .map(|u| UserSummary {
            id: u.id,
            roles: u.roles(),
            name: u.name,
            email: u.email,
            active: u.active,
            agent_of: vec![],
            coach_of: vec![],
        })
        .collect();
    let index: HashMap<i32, usize> = out.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
    for m in memberships {
        let (Some(&i), Some(name)) = (index.get(&m.user_id), teams.get(&m.team_id)) else {
            continue;
        };
        let r = TeamRef {
            id: m.team_id,
            name: name.clone(),
        };
        if m.role == MembershipKind::Agent {
            out[i].agent_of.push(r);
        } else {
            out[i].coach_of.push(r);
        }
    }
    for u in &mut out {
        u.agent_of.sort_by(|a, b| a.name.cmp(&b.name));
        u.coach_of.sort_by(|a, b| a.name.cmp(&b.name));
    }
    Ok(out)
}

pub struct NewUser<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub roles: &'a str,
    pub password: &'a str,
    pub team_id: Option<i32>,
}

pub async fn create_user(cx: &Ctx, input: NewUser<'_>) -> Result<UserSummary, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManagePeople)?;
    // Every field is checked before anything is refused.
    let name = field("name", check_name(input.name, "a name", 120));
    let email = field("email", normalise_email(input.email));
    let roles = parse_roles(input.roles);
    let password = field(
        "password",
        check_password(input.password, email.as_deref().unwrap_or(input.email)),
    );
    AppError::gather([
        problem(&name),
        problem(&email),
        problem(&roles),
        problem(&password),
    ])?;
    let (name, email, roles) = (name?, email?, roles?);
    let team = match input.team_id {
        Some(id) => Some(team::Entity::get_in_org(db, caller.org_id, id).await?),
        None => None,
    };
    if let Some(t) = &team {
        must_be_active(t)?;
    }
    if email_taken(db, &email).await? {
        return Err(taken_message());
    }
    let hash = passwords::hash(input.password).map_err(internal)?;
    let txn = db.begin().await?;
    let new_user = user::ActiveModel::new_account(caller.org_id, email, name, hash, roles);
    let created = new_user.insert(&txn).await.map_err(|e| {
        if is_unique_violation(&e) {
            taken_message()
        } else {
            AppError::from(e)
        }
    })?;
    let mut summary = UserSummary {
        id: created.id,
        name: created.name.clone(),
        email: created.email.clone(),
        roles,
        active: true,
        agent_of: vec![],
        coach_of: vec![],
    };
    if let (Some(t), Some(kind)) = (team, membership_kind_for(roles)) {
        team_member::ActiveModel {
            team_id: Set(t.id),
            user_id: Set(created.id),
            role: Set(kind),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let r = TeamRef {
            id: t.id,
            name: t.name,
        };
        if kind == MembershipKind::Agent {
            summary.agent_of.push(r);
        } else {
            summary.coach_of.push(r);
        }
    }
    txn.commit().await?;
    tracing::info!(
        org_id = caller.org_id,
        by = caller.id,
        user_id = created.id,
        "user created"
    );
    Ok(summary)
}

/// Active admins other than `except`.
async fn other_active_admins(
    db: &impl ConnectionTrait,
    org_id: i32,
    except: i32,
) -> Result<u64, AppError> {
    user::Entity::find()
        .filter(user::Column::OrgId.eq(org_id))
        .filter(user::Column::IsAdmin.eq(true))
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::Id.ne(except))
        .count(db)
        .await
        .map_err(AppError::from)
}

pub async fn update_roles(cx: &Ctx, user_id: i32, keys: &str) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManagePeople)?;
    let roles = parse_roles(keys)?;
    let target = user::Entity::get_in_org(db, caller.org_id, user_id).await?;
    let before = target.roles();
    if before.has(Role::Admin)
        && !roles.has(Role::Admin)
        && other_active_admins(db, caller.org_id, target.id).await? == 0
    {
        return Err(AppError::invalid(
            "roles",
            "The organisation needs at least one active admin. Make someone else admin first.",
        ));
    }
    let txn = db.begin().await?;
    // Memberships that the new roles no longer allow are removed with them.
    if !roles.has(Role::Agent) {
        team_member::Entity::delete_many()
            .filter(team_member::Column::UserId.eq(target.id))
            .filter(team_member::Column::Role.eq(MembershipKind::Agent))
            .exec(&txn)
            .await?;
    }
    if !roles.can_coach() {
        team_member::Entity::delete_many()
            .filter(team_member::Column::UserId.eq(target.id))
            .filter(team_member::Column::Role.eq(MembershipKind::Coach))
            .exec(&txn)
            .await?;
    }
    let mut active: user::ActiveModel = target.into();
    active.set_roles(roles);
    active.update(&txn).await?;
    txn.commit().await?;
    tracing::info!(org_id = caller.org_id, by = caller.id, user_id, roles = %roles.to_keys(), "roles changed");
    Ok(())
}

pub async fn set_active(cx: &Ctx, user_id: i32, active: bool) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManagePeople)?;
    let target = user::Entity::get_in_org(db, caller.org_id, user_id).await?;
    if !active {
        if target.id == caller.id {
            return Err(AppError::invalid(
                "active",
                "You cannot deactivate your own account.",
            ));
        }
        if target.is_admin && other_active_admins(db, caller.org_id, target.id).await? == 0 {
            return Err(AppError::invalid(
                "active",
                "The organisation needs at least one active admin.",
            ));
        }
    }
    if target.active == active {
        return Ok(());
    }
    let version = target.session_version + 1;
    let mut model: user::ActiveModel = target.into();
    model.active = Set(active);
    // Deactivation ends the person's sessions at once.
    model.session_version = Set(version);
    model.update(db).await?;
    tracing::info!(
        org_id = caller.org_id,
        by = caller.id,
        user_id,
        active,
        "activation changed"
    );
    Ok(())
}

pub struct NewInvitation<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub roles: &'a str,
    pub team_id: Option<i32>,
}

pub async fn invite(cx: &Ctx, input: NewInvitation<'_>) -> Result<InvitationLink, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManagePeople)?;
    let name = field("name", check_name(input.name, "a name", 120))?;
    let email = field("email", normalise_email(input.email))?;
    let roles = parse_roles(input.roles)?;
    if let Some(id) = input.team_id {
        must_be_active(&team::Entity::get_in_org(db, caller.org_id, id).await?)?;
    }
    if email_taken(db, &email).await? {
        return Err(taken_message());
    }
    let now = Utc::now();
    // A newer invitation for the same address replaces any older open one.
    invitation::Entity::delete_many()
        .filter(invitation::Column::OrgId.eq(caller.org_id))
        .filter(invitation::Column::Email.eq(email.as_str()))
        .filter(invitation::Column::AcceptedAt.is_null())
        .exec(db)
        .await?;
    let token = tokens::new_token();
    let expires_at = now + Duration::days(INVITATION_DAYS);
    invitation::ActiveModel {
        org_id: Set(caller.org_id),
        email: Set(email),
        name: Set(name),
        roles: Set(roles.to_keys()),
        team_id: Set(input.team_id),
        token_hash: Set(tokens::digest(&token)),
        created_by: Set(caller.id),
        created_at: Set(now),
        expires_at: Set(expires_at),
        accepted_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(InvitationLink {
        path: format!("/invite/{token}"),
        expires_on: caller.clock.day(expires_at),
    })
}

pub async fn list_invitations(cx: &Ctx) -> Result<Vec<InvitationSummary>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManagePeople)?;
    let invitations = invitation::Entity::find()
        .filter(invitation::Column::OrgId.eq(caller.org_id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(Utc::now()))
        .order_by_asc(invitation::Column::Name)
        .all(db)
        .await?;
    let teams = team_names(db, caller.org_id).await?;
    Ok(invitations
        .into_iter()
        .map(|i| InvitationSummary {
            id: i.id,
            roles: RoleSet::parse_keys(&i.roles).unwrap_or_default(),
            team: i.team_id.and_then(|id| {
                teams.get(&id).map(|n| TeamRef {
                    id,
                    name: n.clone(),
                })
            }),
            name: i.name,
            email: i.email,
            expires_on: caller.clock.day(i.expires_at),
        })
        .collect())
}

pub async fn revoke_invitation(cx: &Ctx, invitation_id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManagePeople)?;
    let result = invitation::Entity::delete_many()
        .filter(invitation::Column::Id.eq(invitation_id))
        .filter(invitation::Column::OrgId.eq(caller.org_id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(AppError::not_found("That invitation"));
    }
    Ok(())
}
