//! The complaint register (PRODUCT.md §3, seed 004): opening complaints
//! from calls or for contacts that came another way, taking them through
//! the procedure, the register's list, reminders, export and figures.

mod list;
mod open;
mod reminders;
mod steps;
mod view;

pub use list::*;
pub use open::*;
pub use reminders::*;
pub use steps::*;
pub use view::*;

use crate::domain::access::{self, Action, Relation};
use crate::domain::complaints::next_due;
use crate::domain::lifecycle::MembershipKind;
use crate::error::AppError;
use crate::server::entities::{complaint, team_member};
use crate::server::kernel::complaint_register::possible_owners;
use crate::server::kernel::dates::date;
use crate::server::kernel::names::names_of;
use crate::server::kernel::{AuthUser, Clock, InOrg, Visibility};
use crate::types::{ComplaintRow, PickOption};
use chrono::NaiveDate;
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// How a complaint relates to the caller: taken by them, in a team they
/// coach, or elsewhere in the organisation.
fn relation(scope: &Visibility, c: &complaint::Model) -> Relation {
    if c.agent_id == Some(scope.caller_id) {
        Relation::Own
    } else {
        scope.team_relation(c.team_id)
    }
}

fn sees(caller: &AuthUser, scope: &Visibility, c: &complaint::Model) -> bool {
    c.owner_id == caller.id || caller.may(Action::ViewComplaints, relation(scope, c))
}

fn may_handle(caller: &AuthUser, scope: &Visibility, c: &complaint::Model) -> bool {
    access::may_handle_complaint(caller.roles, relation(scope, c), c.owner_id == caller.id)
}

/// The complaints the caller sees, as a query condition: the rule of
/// [`sees`].
fn visible_condition(caller: &AuthUser, scope: &Visibility) -> Condition {
    let org = Condition::all().add(complaint::Column::OrgId.eq(caller.org_id));
    if caller.may(Action::ViewComplaints, Relation::Organisation) {
        return org;
    }
    let mut any = Condition::any().add(complaint::Column::OwnerId.eq(caller.id));
    if caller.may(Action::ViewComplaints, Relation::Coached) && !scope.teams.is_empty() {
        any = any.add(complaint::Column::TeamId.is_in(scope.teams.clone()));
    }
    if caller.may(Action::ViewComplaints, Relation::Own) {
        any = any.add(complaint::Column::AgentId.eq(caller.id));
    }
    org.add(any)
}

/// One complaint the caller may see; anything else reads as not found.
async fn visible(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<(complaint::Model, Visibility), AppError> {
    let scope = Visibility::of(db, caller).await?;
    let c = complaint::Entity::get_in_org(db, caller.org_id, id).await?;
    if !sees(caller, &scope, &c) {
        return Err(AppError::not_found(complaint::Entity::WHAT));
    }
    Ok((c, scope))
}

fn next_of(c: &complaint::Model) -> Option<NaiveDate> {
    next_due(c.status, c.due_on, c.follow_up_on)
}

/// A complaint as a register row.
fn row_of(
    c: &complaint::Model,
    people: &HashMap<i32, String>,
    teams: &HashMap<i32, String>,
    clock: &Clock,
) -> ComplaintRow {
    let today = clock.today();
    let next = next_of(c);
    ComplaintRow {
        id: c.id,
        opened_on: date(clock.day_of(c.created_at)),
        customer: c.customer.clone(),
        source: c.source,
        public: c.public,
        category: c.category,
        status: c.status,
        team: teams.get(&c.team_id).cloned().unwrap_or_default(),
        agent: c.agent_id.and_then(|a| people.get(&a).cloned()),
        owner: people.get(&c.owner_id).cloned().unwrap_or_default(),
        next_due: next.map(date),
        overdue: next.is_some_and(|d| d < today),
        rectification: c.rectification,
        said: c.said.chars().take(140).collect(),
    }
}

/// Who may own a team's complaints, as the pickers offer them.
async fn owners_of(
    db: &impl ConnectionTrait,
    org_id: i32,
    team_id: i32,
) -> Result<Vec<PickOption>, AppError> {
    Ok(possible_owners(db, org_id, &[team_id])
        .await?
        .remove(&team_id)
        .unwrap_or_default()
        .into_iter()
        .map(|(id, name, leader)| PickOption {
            id,
            label: if leader {
                format!("{name} (leader)")
            } else {
                name
            },
        })
        .collect())
}
