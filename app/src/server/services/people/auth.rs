//! Signing up, logging in and out, passwords and invitations. The one
//! service that talks to the session (through the guard), since signing in
//! is its job.

use crate::domain::lifecycle::MembershipKind;
use crate::domain::roles::{Role, RoleSet};
use crate::domain::throttle::{self};
use crate::domain::validation::{check_name, check_password, normalise_email};
use crate::error::AppError;
use crate::server::entities::{invitation, organization, team, team_member, user};
use crate::server::guard;
use crate::server::kernel::attempts::{self, Limits};
use crate::server::kernel::forms::{field, problem};
use crate::server::kernel::{internal, is_unique_violation, AuthUser, Ctx};
use crate::server::{passwords, tokens};
use crate::types::{InvitationPreview, Me};
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};

pub fn me(user: &AuthUser) -> Me {
    Me {
        id: user.id,
        name: user.name.clone(),
        email: user.email.clone(),
        roles: user.roles,
        org_id: user.org_id,
        org_name: user.org_name.clone(),
        zone: user.clock.shown_zone().name().to_string(),
        org_zone: user.clock.org_zone().name().to_string(),
        today: user.clock.today().to_string(),
    }
}

/// `me` for a person just signed in, with their organisation.
async fn me_of(db: &DatabaseConnection, u: &user::Model) -> Result<Me, AppError> {
    let org = organization::Entity::find_by_id(u.org_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("Organisation"))?;
    Ok(me(&AuthUser::new(u, &org)))
}

pub async fn email_taken(db: &impl ConnectionTrait, email: &str) -> Result<bool, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .is_some())
}

pub fn taken_message() -> AppError {
    AppError::invalid(
        "email",
        "An account with this email already exists. Log in instead, or use another address.",
    )
}

/// What a sign-up form sends.
pub struct Founder<'a> {
    pub org_name: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    /// The organisation's zone; empty means UTC.
    pub time_zone: &'a str,
}

/// Creates an organisation whose first user is its admin and leader, and
/// signs them in.
pub async fn sign_up(db: &DatabaseConnection, f: Founder<'_>) -> Result<Me, AppError> {
    let Founder {
        org_name,
        name,
        email,
        password,
        time_zone,
    } = f;
    let zone = if time_zone.trim().is_empty() {
        Ok(chrono_tz::Tz::UTC)
    } else {
        crate::server::kernel::clock::parse_zone(time_zone, "time_zone")
    };
    let org_name = field(
        "org_name",
        check_name(org_name, "your organisation's name", 120),
    );
    let name = field("name", check_name(name, "your name", 120));
    let checked_email = field("email", normalise_email(email));
    let checked_password = field(
        "password",
        check_password(password, checked_email.as_deref().unwrap_or(email)),
    );
    AppError::gather([
        problem(&org_name),
        problem(&name),
        problem(&checked_email),
        problem(&checked_password),
        problem(&zone),
    ])?;
    let zone = zone?;
    let (org_name, name, email) = (org_name?, name?, checked_email?);

    let address = guard::client_address().await;
    let key = attempts::sign_up_key(&address);
    let limits = Limits {
        key: &key,
        per_key: Some(throttle::SIGN_UPS_PER_ADDRESS),
        address: &address,
        per_address: None,
    };
    let now = Utc::now();
    attempts::check(db, &limits, now).await?;
    if email_taken(db, &email).await? {
        return Err(taken_message());
    }
    let hash = passwords::hash(password).map_err(internal)?;
    let txn = db.begin().await?;
    let org = organization::ActiveModel {
        name: Set(org_name),
        time_zone: Set(zone.name().to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let founder = user::ActiveModel::new_account(
        org.id,
        email,
        name,
        hash,
        RoleSet::of(&[Role::Admin, Role::Leader]),
    );
    let founder = founder.insert(&txn).await.map_err(|e| {
        if is_unique_violation(&e) {
            taken_message()
        } else {
            AppError::from(e)
        }
    })?;
    // Every organisation starts with the default framework, published.
    crate::server::services::frameworks::install_default(&txn, org.id).await?;
    attempts::record(&txn, &limits, now).await?;
    txn.commit().await?;
    tracing::info!(
        org_id = org.id,
        user_id = founder.id,
        "organisation signed up"
    );

    guard::sign_in(&founder).await?;
    Ok(me(&AuthUser::new(&founder, &org)))
}

pub const WRONG_CREDENTIALS: &str =
    "That email and password do not match an account. Check both and try again.";

pub async fn log_in(db: &DatabaseConnection, email: &str, password: &str) -> Result<Me, AppError> {
    let email = field("email", normalise_email(email))?;
    if password.is_empty() {
        return Err(AppError::invalid("password", "Enter your password."));
    }
    let address = guard::client_address().await;
    let now = Utc::now();

    let limits = Limits {
        key: &email,
        per_key: Some(throttle::PER_ACCOUNT),
        address: &address,
        per_address: Some(throttle::PER_ADDRESS),
    };
    attempts::check(db, &limits, now).await?;

    let found = user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(db)
        .await?;
    let verified = match &found {
        Some(u) => passwords::verify(password, &u.password_hash),
        None => {
            passwords::verify_against_dummy(password);
            false
        }
    };
    let Some(u) = found.filter(|_| verified) else {
        attempts::record(db, &limits, now).await?;
        return Err(AppError::invalid("form", WRONG_CREDENTIALS));
    };
    if !u.active {
        return Err(AppError::invalid(
            "form",
            "This account has been deactivated. Ask an administrator of your organisation to reactivate it.",
        ));
    }
    attempts::clear(db, &email).await?;
    guard::sign_in(&u).await?;
    me_of(db, &u).await
}

pub async fn change_password(
    cx: &Ctx,
    current: &str,
    new_password: &str,
    confirm: &str,
) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let u = user::Entity::find_by_id(caller.id)
        .one(db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let address = guard::client_address().await;
    let key = attempts::password_change_key(u.id);
    let limits = Limits {
        key: &key,
        per_key: Some(throttle::PASSWORD_CHANGE),
        address: &address,
        per_address: None,
    };
    let now = Utc::now();
    attempts::check(db, &limits, now).await?;
    if !passwords::verify(current, &u.password_hash) {
        attempts::record(db, &limits, now).await?;
        return Err(AppError::invalid(
            "current",
            "That is not your current password.",
        ));
    }
    field("new_password", check_password(new_password, &u.email))?;
    if new_password != confirm {
        return Err(AppError::invalid(
            "confirm",
            "The two new passwords are different; type the same one twice.",
        ));
    }
    if new_password == current {
        return Err(AppError::invalid(
            "new_password",
            "Choose a password different from your current one.",
        ));
    }
    let hash = passwords::hash(new_password).map_err(internal)?;
    let version = u.session_version + 1;
    let mut active: user::ActiveModel = u.into();
    active.password_hash = Set(hash);
    active.session_version = Set(version);
    let updated = active.update(db).await?;
    // Every other session ends; this one carries on under a new id.
    guard::sign_in(&updated).await
}

fn already_used() -> AppError {
    AppError::Conflict(
        "This invitation has already been used. Log in with the password you chose.".into(),
    )
}

/// Looks up a live invitation by its token.
async fn live_invitation(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<invitation::Model, AppError> {
    let inv = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(tokens::digest(token.trim())))
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("This invitation"))?;
    if inv.accepted_at.is_some() {
        return Err(already_used());
    }
    if inv.expires_at < Utc::now() {
        return Err(AppError::Conflict(
            "This invitation has expired. Ask your administrator for a new link.".into(),
        ));
    }
    Ok(inv)
}

pub async fn invitation_preview(
    db: &DatabaseConnection,
    token: &str,
) -> Result<InvitationPreview, AppError> {
    let inv = live_invitation(db, token).await?;
    let org = organization::Entity::find_by_id(inv.org_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("Organisation"))?;
    Ok(InvitationPreview {
        name: inv.name,
        email: inv.email,
        org_name: org.name,
        roles: RoleSet::parse_keys(&inv.roles).unwrap_or_default(),
    })
}

pub async fn accept_invitation(
    db: &DatabaseConnection,
    token: &str,
    name: &str,
    password: &str,
) -> Result<Me, AppError> {
    let name = field("name", check_name(name, "your name", 120))?;
    let inv = live_invitation(db, token).await?;
    field("password", check_password(password, &inv.email))?;
    if email_taken(db, &inv.email).await? {
        return Err(AppError::Conflict(format!(
            "An account for {} already exists. Log in instead.",
            inv.email
        )));
    }
    let roles = RoleSet::parse_keys(&inv.roles).map_err(internal)?;
    let hash = passwords::hash(password).map_err(internal)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    // Claim the invitation first: of two acceptances racing each other,
    // only the one whose claim lands goes on.
    let claimed = invitation::Entity::update_many()
        .col_expr(invitation::Column::AcceptedAt, Expr::value(now))
        .filter(invitation::Column::Id.eq(inv.id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(already_used());
    }
    let new_user = user::ActiveModel::new_account(inv.org_id, inv.email.clone(), name, hash, roles);
    let created = new_user.insert(&txn).await.map_err(|e| {
        if is_unique_violation(&e) {
            AppError::Conflict(format!(
                "An account for {} already exists. Log in instead.",
                inv.email
            ))
        } else {
            e.into()
        }
    })?;
    // The team may have been deleted since the invitation was sent: the
    // account is still made, in no team, for an administrator to place.
    let team = match inv.team_id {
        Some(id) => team::Entity::find_by_id(id)
            .filter(team::Column::OrgId.eq(inv.org_id))
            .one(&txn)
            .await?
            .map(|t| t.id),
        None => None,
    };
    if let (Some(team_id), Some(kind)) = (team, membership_kind_for(roles)) {
        team_member::ActiveModel {
            team_id: Set(team_id),
            user_id: Set(created.id),
            role: Set(kind),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;

    guard::sign_in(&created).await?;
    me_of(db, &created).await
}

/// Which side of a team a new person joins: agents join as agents, coaches
/// and leaders as coaches.
pub fn membership_kind_for(roles: RoleSet) -> Option<MembershipKind> {
    if roles.has(Role::Agent) {
        Some(MembershipKind::Agent)
    } else if roles.can_coach() {
        Some(MembershipKind::Coach)
    } else {
        None
    }
}
