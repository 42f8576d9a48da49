//! Random samples of calls for review (PRODUCT.md §3): drawing N unreviewed
//! calls per agent from a kept seed, giving them to coaches, and following
//! the sample until every call is scored.

mod draw;
mod progress;
mod queue;

pub use draw::*;
pub use progress::*;
pub use queue::*;

use crate::domain::access::{Action, Relation};
use crate::domain::calls::Channel;
use crate::error::AppError;
use crate::server::entities::{team, user};
use crate::server::kernel::{AuthUser, InOrg, Visibility};
use crate::types::{PickOption, TeamCoaches};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder};
use std::collections::{BTreeMap, HashMap};

/// The teams the caller may draw from: the one asked for, or every one.
async fn teams_in_scope(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    scope: &Visibility,
    team_id: Option<i32>,
) -> Result<Vec<team::Model>, AppError> {
    let open = team::Entity::in_org(caller.org_id)
        .filter(team::Column::ArchivedAt.is_null())
        .order_by_asc(team::Column::Name);
    let teams = match team_id {
        Some(id) => {
            let t = team::Entity::get_in_org(db, caller.org_id, id).await?;
            caller.require_on(Action::DrawSample, scope.team_relation(t.id))?;
            vec![t]
        }
        None if caller.may(Action::DrawSample, Relation::Organisation) => open.all(db).await?,
        None => {
            open.filter(team::Column::Id.is_in(scope.teams.clone()))
                .all(db)
                .await?
        }
    };
    Ok(teams)
}

/// Who may be given a call of each team: its active coaches (in this order
/// for round robin), then the organisation's leaders for assigning by hand.
struct Coaching {
    by_team: BTreeMap<i32, Vec<i32>>,
    leaders: Vec<i32>,
    names: HashMap<i32, String>,
}

impl Coaching {
    async fn of(
        db: &impl ConnectionTrait,
        org_id: i32,
        team_ids: &[i32],
    ) -> Result<Coaching, AppError> {
        let people: Vec<user::Model> = user::Entity::in_org(org_id)
            .filter(user::Column::Active.eq(true))
            .order_by_asc(user::Column::Name)
            .all(db)
            .await?;
        let coaches = crate::server::kernel::visibility::team_coaches(db, team_ids).await?;
        let mut by_team: BTreeMap<i32, Vec<i32>> = team_ids.iter().map(|t| (*t, vec![])).collect();
        // People in name order, so turns and pickers read alphabetically.
        for u in &people {
            for (team_id, _) in coaches.iter().filter(|(_, c)| *c == u.id) {
                by_team.entry(*team_id).or_default().push(u.id);
            }
        }
        Ok(Coaching {
            by_team,
            leaders: people
                .iter()
                .filter(|u| u.is_leader)
                .map(|u| u.id)
                .collect(),
            names: people.into_iter().map(|u| (u.id, u.name)).collect(),
        })
    }

    fn may_take(&self, team_id: i32, coach_id: i32) -> bool {
        self.leaders.contains(&coach_id)
            || self
                .by_team
                .get(&team_id)
                .is_some_and(|c| c.contains(&coach_id))
    }

    fn pickers(&self) -> Vec<TeamCoaches> {
        self.by_team
            .iter()
            .map(|(team_id, coaches)| {
                let mut options: Vec<PickOption> = coaches
                    .iter()
                    .map(|id| PickOption {
                        id: *id,
                        label: self.names.get(id).cloned().unwrap_or_default(),
                    })
                    .collect();
                options.extend(
                    self.leaders
                        .iter()
                        .filter(|l| !coaches.contains(l))
                        .map(|id| PickOption {
                            id: *id,
                            label: format!(
                                "{} (leader)",
                                self.names.get(id).cloned().unwrap_or_default()
                            ),
                        }),
                );
                TeamCoaches {
                    team_id: *team_id,
                    coaches: options,
                }
            })
            .collect()
    }
}

/// Channels as stored: keys separated by commas.
fn channel_keys(channels: &[Channel]) -> String {
    channels
        .iter()
        .map(|c| c.key())
        .collect::<Vec<_>>()
        .join(",")
}

fn channels_of(stored: &str) -> Vec<Channel> {
    stored
        .split(',')
        .filter_map(|k| Channel::parse(k).ok())
        .collect()
}
