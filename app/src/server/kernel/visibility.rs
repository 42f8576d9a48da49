//! Whose data a caller reaches: their own, that of the teams they coach, or
//! the whole organisation. One type for calls, reviews and development;
//! what they may *do* with it is the access policy's (`domain::access`).

use super::AuthUser;
use crate::domain::access::{self, Action, Relation};
use crate::domain::lifecycle::MembershipKind;
use crate::domain::roles::Role;
use crate::error::AppError;
use crate::server::entities::{call, team_member};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashSet;

#[derive(Clone, Debug)]
pub struct Visibility {
    pub org_id: i32,
    pub caller_id: i32,
    /// Leaders and admins see the whole organisation.
    pub whole_org: bool,
    /// The teams the caller coaches.
    pub teams: Vec<i32>,
    /// The agents of those teams.
    pub agents: HashSet<i32>,
    /// The caller, if they are an agent (their own calls and development).
    pub own: Option<i32>,
}

impl Visibility {
    pub async fn of(db: &impl ConnectionTrait, caller: &AuthUser) -> Result<Self, AppError> {
        match &caller.reach {
            Some(once) => once
                .get_or_try_init(|| Self::work_out(db, caller))
                .await
                .cloned(),
            None => Self::work_out(db, caller).await,
        }
    }

    async fn work_out(db: &impl ConnectionTrait, caller: &AuthUser) -> Result<Self, AppError> {
        let whole_org = access::sees_whole_organisation(caller.roles);
        let teams = if caller.roles.has(Role::Coach) {
            coached_teams(db, caller.id).await?
        } else {
            vec![]
        };
        let agents = if teams.is_empty() {
            HashSet::new()
        } else {
            team_member::Entity::find()
                .filter(team_member::Column::TeamId.is_in(teams.clone()))
                .filter(team_member::Column::Role.eq(MembershipKind::Agent))
                .all(db)
                .await?
                .into_iter()
                .map(|m| m.user_id)
                .collect()
        };
        Ok(Visibility {
            org_id: caller.org_id,
            caller_id: caller.id,
            whole_org,
            teams,
            agents,
            own: caller.roles.has(Role::Agent).then_some(caller.id),
        })
    }

    /// How a call relates to the caller: their own, in a team they coach, or
    /// elsewhere in the organisation.
    pub fn call_relation(&self, c: &call::Model) -> Relation {
        if c.agent_id == self.caller_id {
            Relation::Own
        } else {
            self.team_relation(c.team_id)
        }
    }

    pub fn team_relation(&self, team_id: i32) -> Relation {
        if self.teams.contains(&team_id) {
            Relation::Coached
        } else {
            Relation::Organisation
        }
    }

    /// How an agent relates to the caller.
    pub fn agent_relation(&self, agent_id: i32) -> Relation {
        if agent_id == self.caller_id {
            Relation::Own
        } else if self.agents.contains(&agent_id) {
            Relation::Coached
        } else {
            Relation::Organisation
        }
    }

    /// Whether the caller sees this call at all.
    pub fn sees_call(&self, c: &call::Model) -> bool {
        c.org_id == self.org_id
            && (self.whole_org || self.teams.contains(&c.team_id) || self.own == Some(c.agent_id))
    }

    /// Whether the caller sees this agent's development.
    pub fn sees_agent(&self, agent_id: i32) -> bool {
        self.whole_org || self.own == Some(agent_id) || self.agents.contains(&agent_id)
    }

    /// The same rule as [`Self::sees_call`], as a query condition.
    pub fn call_condition(&self) -> Condition {
        let org = Condition::all().add(call::Column::OrgId.eq(self.org_id));
        if self.whole_org {
            return org;
        }
        let mut any = Condition::any();
        if !self.teams.is_empty() {
            any = any.add(call::Column::TeamId.is_in(self.teams.clone()));
        }
        if let Some(own) = self.own {
            any = any.add(call::Column::AgentId.eq(own));
        }
        if self.teams.is_empty() && self.own.is_none() {
            any = any.add(call::Column::Id.lt(0));
        }
        org.add(any)
    }

    /// Teams the caller may add calls to.
    pub fn may_add_to_team(&self, caller: &AuthUser, team_id: i32) -> bool {
        caller.may(Action::AddCall, self.team_relation(team_id))
    }
}

/// The teams a person belongs to as `kind`.
pub async fn teams_of(
    db: &impl ConnectionTrait,
    user_id: i32,
    kind: MembershipKind,
) -> Result<Vec<i32>, AppError> {
    Ok(team_member::Entity::find()
        .filter(team_member::Column::UserId.eq(user_id))
        .filter(team_member::Column::Role.eq(kind))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.team_id)
        .collect())
}

/// The teams a person coaches.
pub async fn coached_teams(db: &impl ConnectionTrait, user_id: i32) -> Result<Vec<i32>, AppError> {
    teams_of(db, user_id, MembershipKind::Coach).await
}

/// The coaches of these teams, as (team, coach) pairs.
pub async fn team_coaches(
    db: &impl ConnectionTrait,
    team_ids: &[i32],
) -> Result<Vec<(i32, i32)>, AppError> {
    Ok(team_member::Entity::find()
        .filter(team_member::Column::TeamId.is_in(team_ids.to_vec()))
        .filter(team_member::Column::Role.eq(MembershipKind::Coach))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.team_id, m.user_id))
        .collect())
}
