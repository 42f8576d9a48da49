//! The demo organisation loaded into an empty database on first start, so
//! every page has something to show. Later features add their own demo data
//! here.

use super::demo_calls::DemoAgent;
use super::entities::{organization, team, team_member, user};
use super::passwords;
use crate::domain::lifecycle::MembershipKind;
use crate::domain::roles::{Role, RoleSet};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, Set, TransactionTrait,
};

pub const DEMO_PASSWORD: &str = "rapport-demo";
pub const DEMO_ORG: &str = "Harbour Lane Energy";

/// name, email, roles, index of the team they are an agent in, indexes of
/// the teams they coach.
type DemoPerson = (
    &'static str,
    &'static str,
    &'static [Role],
    Option<usize>,
    &'static [usize],
);

const PEOPLE: &[DemoPerson] = &[
    (
        "Alex Morgan",
        "admin@rapport.demo",
        &[Role::Admin],
        None,
        &[],
    ),
    (
        "Jordan Reyes",
        "leader@rapport.demo",
        &[Role::Leader],
        None,
        &[],
    ),
    (
        "Sam Okafor",
        "coach1@rapport.demo",
        &[Role::Coach],
        None,
        &[0],
    ),
    (
        "Priya Nair",
        "coach2@rapport.demo",
        &[Role::Coach],
        None,
        &[1],
    ),
    (
        "Ana López",
        "agent1@rapport.demo",
        &[Role::Agent],
        Some(0),
        &[],
    ),
    (
        "Ben Carter",
        "agent2@rapport.demo",
        &[Role::Agent],
        Some(0),
        &[],
    ),
    (
        "Chloé Martin",
        "agent3@rapport.demo",
        &[Role::Agent],
        Some(0),
        &[],
    ),
    (
        "Dev Patel",
        "agent4@rapport.demo",
        &[Role::Agent],
        Some(1),
        &[],
    ),
    (
        "Erin Walsh",
        "agent5@rapport.demo",
        &[Role::Agent],
        Some(1),
        &[],
    ),
    (
        "Farid Haddad",
        "agent6@rapport.demo",
        &[Role::Agent],
        Some(1),
        &[],
    ),
];

const TEAMS: &[&str] = &["Billing & Payments", "Technical Support"];

#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub name: &'static str,
    pub email: &'static str,
    pub roles: String,
}

pub struct DemoSeed {
    pub logins: Vec<DemoLogin>,
    /// Recordings for the storage layer to keep: (key, bytes).
    pub recordings: Vec<(String, Vec<u8>)>,
}

/// Loads the demo organisation if the database has no organisation yet.
/// Returns the demo logins and recordings when it did.
pub async fn seed_if_empty(db: &DatabaseConnection) -> Result<Option<DemoSeed>, DbErr> {
    if organization::Entity::find().count(db).await? > 0 {
        return Ok(None);
    }
    let now = Utc::now();
    let hash = passwords::hash(DEMO_PASSWORD).map_err(DbErr::Custom)?;
    let txn = db.begin().await?;
    let org = organization::ActiveModel {
        name: Set(DEMO_ORG.to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut team_ids = Vec::new();
    for name in TEAMS {
        let t = team::ActiveModel {
            org_id: Set(org.id),
            name: Set(name.to_string()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        team_ids.push(t.id);
    }
    let mut logins = Vec::new();
    let mut names = std::collections::HashMap::new();
    let mut agent_rows = vec![];
    let mut coach_of_team = std::collections::HashMap::new();
    let mut id_of = std::collections::HashMap::new();
    for (name, email, roles, agent_team, coached) in PEOPLE {
        let roles = RoleSet::of(roles);
        let u = user::ActiveModel::new_account(
            org.id,
            email.to_string(),
            name.to_string(),
            hash.clone(),
            roles,
        );
        let u = u.insert(&txn).await?;
        names.insert(u.id, name.to_string());
        id_of.insert(*email, u.id);
        if let Some(t) = agent_team {
            agent_rows.push((u.id, team_ids[*t]));
        }
        for t in coached.iter() {
            coach_of_team.insert(team_ids[*t], u.id);
        }
        let memberships = agent_team
            .iter()
            .map(|i| (*i, MembershipKind::Agent))
            .chain(coached.iter().map(|i| (*i, MembershipKind::Coach)));
        for (i, kind) in memberships {
            team_member::ActiveModel {
                team_id: Set(team_ids[i]),
                user_id: Set(u.id),
                role: Set(kind),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        logins.push(DemoLogin {
            name,
            email,
            roles: roles.describe(),
        });
    }
    let skills = [3.8, 2.6, 3.2, 4.2, 2.9, 3.5];
    let agents: Vec<DemoAgent> = agent_rows
        .iter()
        .enumerate()
        .map(|(i, (id, team_id))| DemoAgent {
            id: *id,
            team_id: *team_id,
            coach_id: coach_of_team[team_id],
            skill: skills[i % skills.len()],
        })
        .collect();
    let recordings = super::demo_calls::seed(&txn, org.id, &agents, &names).await?;
    super::demo_development::seed(&txn, org.id, &agents).await?;
    super::demo_continuum::seed(
        &txn,
        org.id,
        id_of["leader@rapport.demo"],
        id_of["admin@rapport.demo"],
        team_ids[1],
    )
    .await?;
    super::demo_calibration::seed(
        &txn,
        org.id,
        id_of["leader@rapport.demo"],
        [
            id_of["coach1@rapport.demo"],
            id_of["coach2@rapport.demo"],
            id_of["leader@rapport.demo"],
        ],
    )
    .await?;
    super::demo_sampling::seed(&txn, org.id, id_of["leader@rapport.demo"], &coach_of_team).await?;
    // Last: the curated calls above are what the sample, calibration and
    // reviews were drawn from.
    super::demo_kpis::seed(&txn, org.id, &agents).await?;
    let framework = async {
        let current = super::services::frameworks::current(&txn, org.id).await?;
        super::services::frameworks::view_of(&txn, current).await
    };
    let framework = framework.await.map_err(|e| DbErr::Custom(e.to_string()))?;
    super::demo_insight::seed(&txn, org.id, &framework, &agents).await?;
    super::demo_complaints::seed(
        &txn,
        org.id,
        &agents,
        id_of["leader@rapport.demo"],
        id_of["admin@rapport.demo"],
    )
    .await?;
    // The demo writes its calls and reviews directly; the rollups are
    // made from them.
    let rollups = async {
        crate::server::kernel::kpi_rollup::rebuild(&txn, org.id).await?;
        crate::server::kernel::quality_rollup::rebuild(&txn, org.id).await
    };
    rollups.await.map_err(|e| DbErr::Custom(e.to_string()))?;
    txn.commit().await?;
    Ok(Some(DemoSeed { logins, recordings }))
}
