//! Whose development the caller sees, and agents by name and team.

use crate::domain::lifecycle::MembershipKind;
use crate::error::AppError;
use crate::server::entities::{team_member, user};
use crate::server::kernel::names::team_names;
use crate::server::kernel::AuthUser;
use crate::server::kernel::Visibility;
use crate::types::AgentRef;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

pub(super) use crate::server::kernel::IN_LIST_CHUNK as CHUNK;

// ---- Who may see whose development ------------------------------------------

/// The agents' teams, by agent id, as one readable string each.
pub(super) async fn team_labels(
    db: &impl ConnectionTrait,
    org_id: i32,
    agent_ids: &[i32],
) -> Result<HashMap<i32, String>, AppError> {
    let names = team_names(db, org_id).await?;
    let mut labels: HashMap<i32, Vec<String>> = HashMap::new();
    for chunk in agent_ids.chunks(CHUNK) {
        for m in team_member::Entity::find()
            .filter(team_member::Column::UserId.is_in(chunk.to_vec()))
            .filter(team_member::Column::Role.eq(MembershipKind::Agent))
            .all(db)
            .await?
        {
            if let Some(n) = names.get(&m.team_id) {
                labels.entry(m.user_id).or_default().push(n.clone());
            }
        }
    }
    Ok(labels
        .into_iter()
        .map(|(id, mut v)| {
            v.sort();
            (id, v.join(", "))
        })
        .collect())
}

pub async fn agent_refs(
    db: &impl ConnectionTrait,
    org_id: i32,
    users: &[user::Model],
) -> Result<Vec<AgentRef>, AppError> {
    let ids: Vec<i32> = users.iter().map(|u| u.id).collect();
    let labels = team_labels(db, org_id, &ids).await?;
    Ok(users
        .iter()
        .map(|u| AgentRef {
            id: u.id,
            name: u.name.clone(),
            teams: labels.get(&u.id).cloned().unwrap_or_default(),
        })
        .collect())
}

/// The active agents the caller may see, by name.
pub async fn agents_in_reach(
    db: &impl ConnectionTrait,
    vis: &Visibility,
) -> Result<Vec<user::Model>, AppError> {
    let mut q = user::Entity::find()
        .filter(user::Column::OrgId.eq(vis.org_id))
        .filter(user::Column::IsAgent.eq(true))
        .filter(user::Column::Active.eq(true));
    if !vis.whole_org {
        let mut ids: Vec<i32> = vis.agents.iter().copied().collect();
        ids.extend(vis.own);
        q = q.filter(user::Column::Id.is_in(ids));
    }
    q.order_by_asc(user::Column::Name)
        .all(db)
        .await
        .map_err(AppError::from)
}

/// The agent a development page is about: the one asked for, or the caller
/// if they are an agent, or else the first agent they may see. Another
/// organisation's id reads as not found; an agent out of reach is refused.
pub async fn agent_for(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    vis: &Visibility,
    asked: Option<i32>,
) -> Result<user::Model, AppError> {
    let id = match asked {
        Some(id) => id,
        None if vis.own.is_some() => caller.id,
        None => {
            return agents_in_reach(db, vis)
                .await?
                .into_iter()
                .next()
                .ok_or_else(|| {
                    AppError::Conflict(
                        "There are no agents in the teams you coach yet: an admin adds them on the Teams page."
                            .into(),
                    )
                })
        }
    };
    let agent = user::Entity::find_by_id(id)
        .filter(user::Column::OrgId.eq(caller.org_id))
        .one(db)
        .await?
        .filter(|u| u.is_agent)
        .ok_or_else(|| AppError::not_found("That agent"))?;
    if !vis.sees_agent(agent.id) {
        return Err(AppError::Forbidden);
    }
    Ok(agent)
}
