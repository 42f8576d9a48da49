//! Who is asking, and the connection to answer with. Services receive this
//! explicitly rather than reading Leptos context, so they run the same in a
//! request and in a test.

use super::clock::Clock;
use super::visibility::Visibility;
use crate::domain::access::{self, Action, Relation};
use crate::domain::roles::RoleSet;
use crate::error::AppError;
use crate::server::entities::{organization, user};
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// A signed-in person as the services see them.
#[derive(Clone, Debug)]
pub struct AuthUser {
    pub id: i32,
    pub org_id: i32,
    pub name: String,
    pub email: String,
    pub roles: RoleSet,
    /// Read with the person, so that the frame's `me` needs no query.
    pub org_name: String,
    /// The organisation's days and the person's times.
    pub clock: Clock,
    /// Whose data the person reaches, once worked out, for a caller that
    /// lives no longer than one page request (see [`Self::for_one_page`]);
    /// `None` elsewhere, where each service works it out afresh.
    pub(crate) reach: Option<Arc<tokio::sync::OnceCell<Visibility>>>,
}

impl AuthUser {
    /// The person of `u`, in their organisation `org`.
    pub fn new(u: &user::Model, org: &organization::Model) -> Self {
        AuthUser {
            id: u.id,
            org_id: u.org_id,
            name: u.name.clone(),
            email: u.email.clone(),
            roles: u.roles(),
            org_name: org.name.clone(),
            clock: Clock::from_names(&org.time_zone, u.time_zone.as_deref()),
            reach: None,
        }
    }

    /// The caller of one page load, whose server functions then work out
    /// whose data they reach once between them rather than once each (two
    /// statements apiece for a coach, a dozen on the home page). A page
    /// load changes no team, so the answer holds while it renders.
    pub fn for_one_page(self) -> Self {
        AuthUser {
            reach: Some(Arc::default()),
            ..self
        }
    }
}

/// The connection and the caller of one server function.
#[derive(Clone)]
pub struct Ctx {
    pub db: DatabaseConnection,
    pub caller: AuthUser,
}

impl Ctx {
    pub fn new(db: DatabaseConnection, caller: AuthUser) -> Self {
        Ctx { db, caller }
    }

    pub fn org_id(&self) -> i32 {
        self.caller.org_id
    }
}

impl AuthUser {
    /// Refuses the caller unless one of their roles allows the action on some
    /// data (the record-level check follows once the record is known).
    pub fn require(&self, action: Action) -> Result<(), AppError> {
        allow(access::permits_any(self.roles, action))
    }

    /// Refuses the caller unless the action is allowed on data so related.
    pub fn require_on(&self, action: Action, rel: Relation) -> Result<(), AppError> {
        allow(access::permits(self.roles, action, rel))
    }

    pub fn may(&self, action: Action, rel: Relation) -> bool {
        access::permits(self.roles, action, rel)
    }
}

fn allow(allowed: bool) -> Result<(), AppError> {
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}
