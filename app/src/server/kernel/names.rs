//! People's and teams' names by id, for labelling rows without a join per row.

use crate::error::AppError;
use crate::server::entities::{team, user};
use crate::server::kernel::InOrg;
use sea_orm::ConnectionTrait;
use std::collections::HashMap;

pub struct Names {
    pub people: HashMap<i32, String>,
    pub teams: HashMap<i32, String>,
}

impl Names {
    pub async fn of_org(db: &impl ConnectionTrait, org_id: i32) -> Result<Names, AppError> {
        Ok(Names {
            people: person_names(db, org_id).await?,
            teams: team_names(db, org_id).await?,
        })
    }

    pub fn person(&self, id: i32) -> String {
        self.people.get(&id).cloned().unwrap_or_default()
    }

    pub fn team(&self, id: i32) -> String {
        self.teams.get(&id).cloned().unwrap_or_default()
    }
}

pub async fn person_names(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(user::Entity::in_org(org_id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

pub async fn team_names(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(team::Entity::in_org(org_id)
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect())
}
