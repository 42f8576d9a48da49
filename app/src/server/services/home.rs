//! The home page: where the signed-in person stands in their organisation.

use super::calibration;
use super::people::auth::me;
use super::people::teams::team_details;
use crate::domain::access::{self, Action};
use crate::domain::lifecycle::MembershipKind;
use crate::error::AppError;
use crate::server::entities::{invitation, team, team_member, user};
use crate::server::kernel::Ctx;
use crate::types::{HomeOverview, OrgCounts, PersonRef, TeamRef};
use chrono::Utc;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QuerySelect,
};
use std::collections::HashSet;

pub async fn overview(cx: &Ctx) -> Result<HomeOverview, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let me = me(caller);
    let mine = team_member::Entity::find()
        .filter(team_member::Column::UserId.eq(caller.id))
        .all(db)
        .await?;
    let agent_team_ids: Vec<i32> = mine
        .iter()
        .filter(|m| m.role == MembershipKind::Agent)
        .map(|m| m.team_id)
        .collect();
    let coach_team_ids: Vec<i32> = mine
        .iter()
        .filter(|m| m.role == MembershipKind::Coach)
        .map(|m| m.team_id)
        .collect();

    let agent_teams = team_details(db, caller.org_id, Some(&agent_team_ids)).await?;
    let coach_of = team_details(db, caller.org_id, Some(&coach_team_ids)).await?;
    let my_coaches: Vec<PersonRef> = agent_teams
        .iter()
        .flat_map(|t| t.coaches.iter().cloned())
        .filter(|c| c.active && c.id != caller.id)
        .collect();
    let agent_of = agent_teams
        .into_iter()
        .map(|t| TeamRef {
            id: t.id,
            name: t.name,
        })
        .collect();

    let org_counts = if access::sees_whole_organisation(caller.roles) {
        Some(org_counts(db, caller.org_id).await?)
    } else {
        None
    };
    let calibrations = if access::permits_any(caller.roles, Action::JoinCalibration) {
        calibration::to_do(cx).await?
    } else {
        vec![]
    };
    Ok(HomeOverview {
        me,
        agent_of,
        coach_of,
        my_coaches,
        org_counts,
        calibrations,
    })
}

async fn org_counts(db: &DatabaseConnection, org_id: i32) -> Result<OrgCounts, AppError> {
    // The columns the counts need, not whole people (password hashes and
    // all) for every account of the organisation on every leader's home.
    let users: Vec<Person> = user::Entity::find()
        .select_only()
        .columns([
            user::Column::Id,
            user::Column::IsAgent,
            user::Column::IsCoach,
            user::Column::IsLeader,
            user::Column::IsAdmin,
            user::Column::Active,
        ])
        .filter(user::Column::OrgId.eq(org_id))
        .into_model()
        .all(db)
        .await?;
    let teams: Vec<i32> = team::Entity::find()
        .select_only()
        .column(team::Column::Id)
        .filter(team::Column::OrgId.eq(org_id))
        .into_tuple()
        .all(db)
        .await?;
    let members: Vec<(i32, i32, MembershipKind)> = team_member::Entity::find()
        .select_only()
        .columns([
            team_member::Column::TeamId,
            team_member::Column::UserId,
            team_member::Column::Role,
        ])
        .filter(team_member::Column::TeamId.is_in(teams.clone()))
        .into_tuple()
        .all(db)
        .await?;
    let placed_agents: HashSet<i32> = members
        .iter()
        .filter(|(_, _, kind)| *kind == MembershipKind::Agent)
        .map(|&(_, user, _)| user)
        .collect();
    let coached_teams: HashSet<i32> = members
        .iter()
        .filter(|(_, _, kind)| *kind == MembershipKind::Coach)
        .map(|&(team, _, _)| team)
        .collect();
    let active: Vec<&Person> = users.iter().filter(|u| u.active).collect();
    let pending_invitations = invitation::Entity::find()
        .filter(invitation::Column::OrgId.eq(org_id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitation::Column::ExpiresAt.gt(Utc::now()))
        .count(db)
        .await?;
    Ok(OrgCounts {
        teams: teams.len() as u64,
        agents: active.iter().filter(|u| u.is_agent).count() as u64,
        coaches: active.iter().filter(|u| u.is_coach).count() as u64,
        leaders: active.iter().filter(|u| u.is_leader).count() as u64,
        admins: active.iter().filter(|u| u.is_admin).count() as u64,
        inactive: users.iter().filter(|u| !u.active).count() as u64,
        pending_invitations,
        agents_without_team: active
            .iter()
            .filter(|u| u.is_agent && !placed_agents.contains(&u.id))
            .count() as u64,
        teams_without_coach: teams.iter().filter(|t| !coached_teams.contains(t)).count() as u64,
    })
}

/// What the organisation's counts need of a person.
#[derive(FromQueryResult)]
struct Person {
    id: i32,
    is_agent: bool,
    is_coach: bool,
    is_leader: bool,
    is_admin: bool,
    active: bool,
}
