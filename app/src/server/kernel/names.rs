//! People's and teams' names by id, for labelling rows without a join per row.

use crate::error::AppError;
use crate::server::entities::{team, user};
use crate::server::kernel::InOrg;
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QuerySelect};
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

    /// The names of just these people and teams: a page's rows, not the
    /// whole organisation.
    pub async fn of(
        db: &impl ConnectionTrait,
        org_id: i32,
        people: impl IntoIterator<Item = i32>,
        teams: impl IntoIterator<Item = i32>,
    ) -> Result<Names, AppError> {
        let mut ids: Vec<i32> = teams.into_iter().collect();
        ids.sort_unstable();
        ids.dedup();
        let mut team_names = HashMap::new();
        for chunk in ids.chunks(900) {
            team_names.extend(
                team::Entity::in_org(org_id)
                    .select_only()
                    .columns([team::Column::Id, team::Column::Name])
                    .filter(team::Column::Id.is_in(chunk.to_vec()))
                    .into_tuple::<(i32, String)>()
                    .all(db)
                    .await?,
            );
        }
        Ok(Names {
            people: names_of(db, org_id, people).await?,
            teams: team_names,
        })
    }

    pub fn person(&self, id: i32) -> String {
        self.people.get(&id).cloned().unwrap_or_default()
    }

    pub fn team(&self, id: i32) -> String {
        self.teams.get(&id).cloned().unwrap_or_default()
    }
}

/// The names of just these people (a page's rows), not of everyone.
pub async fn names_of(
    db: &impl ConnectionTrait,
    org_id: i32,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let mut ids: Vec<i32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut names = HashMap::new();
    // Kept below SQLite's limit on bound parameters per statement.
    for chunk in ids.chunks(900) {
        names.extend(
            user::Entity::in_org(org_id)
                .select_only()
                .columns([user::Column::Id, user::Column::Name])
                .filter(user::Column::Id.is_in(chunk.to_vec()))
                .into_tuple::<(i32, String)>()
                .all(db)
                .await?,
        );
    }
    Ok(names)
}

pub async fn person_names(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<HashMap<i32, String>, AppError> {
    // Only the two columns: a whole model is a password hash and more per
    // person, on every list.
    Ok(user::Entity::in_org(org_id)
        .select_only()
        .columns([user::Column::Id, user::Column::Name])
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

pub async fn team_names(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(team::Entity::in_org(org_id)
        .select_only()
        .columns([team::Column::Id, team::Column::Name])
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The organisation's people by email, as imports name them.
pub async fn people_by_email(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<HashMap<String, user::Model>, AppError> {
    Ok(user::Entity::in_org(org_id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.email.clone(), u))
        .collect())
}
