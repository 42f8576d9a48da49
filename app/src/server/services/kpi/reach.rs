//! Whose figures a dashboard shows: the narrowest the person asked for
//! (an agent, a team), within what they may see (a leader's or admin's
//! organisation, a coach's teams, an agent's own calls), and the period.
//! The service KPIs and the quality dashboards read through the same reach.

use crate::domain::access::{Action, Relation};
use crate::error::AppError;
use crate::server::entities::{team, user};
use crate::server::kernel::dates::parse_period;
use crate::server::kernel::{Ctx, InOrg, Visibility};
use crate::types::KpiQuery;
use chrono::NaiveDate;

/// One agent's calls (in one team, if narrowed) are read as calls; an
/// organisation's or teams' from the KPI rollup.
pub enum Source {
    Agent(i32, Option<i32>),
    Organisation,
    Teams(Vec<i32>),
}

pub struct Reach {
    /// In words: "the whole organisation", "the teams you coach",
    /// "team Billing", "Gina Ruiz", "your calls".
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    agent: Option<i32>,
    teams: Option<Vec<i32>>,
    team: Option<i32>,
}

impl Reach {
    /// Checks the period and the person's right to what they asked for;
    /// another organisation's or another team's ids read as not found.
    pub async fn of(cx: &Ctx, q: &KpiQuery) -> Result<Reach, AppError> {
        let (db, caller) = (&cx.db, &cx.caller);
        caller.require(Action::ViewDashboards)?;
        let (from, to) = parse_period(&q.from, &q.to)?;
        let scope = Visibility::of(db, caller).await?;
        let mut reach = Reach {
            label: String::new(),
            from,
            to,
            agent: None,
            teams: None,
            team: None,
        };
        if let Some(agent) = q.agent_id {
            if !scope.sees_agent(agent)
                || !caller.may(Action::ViewDashboards, scope.agent_relation(agent))
            {
                return Err(AppError::not_found("That agent"));
            }
            reach.label = if agent == caller.id {
                "your calls".into()
            } else {
                user::Entity::get_in_org(db, caller.org_id, agent)
                    .await?
                    .name
            };
            reach.agent = Some(agent);
        } else if caller.may(Action::ViewDashboards, Relation::Organisation) {
            reach.label = "the whole organisation".into();
        } else if caller.may(Action::ViewDashboards, Relation::Coached) && !scope.teams.is_empty() {
            reach.label = "the teams you coach".into();
            reach.teams = Some(scope.teams.clone());
        } else {
            // An agent: their own calls.
            reach.label = "your calls".into();
            reach.agent = Some(caller.id);
        }
        if let Some(t) = q.team_id {
            let t = team::Entity::get_in_org(db, caller.org_id, t).await?;
            // A coach narrows to a team they coach; an agent's own calls may
            // be narrowed by any team (they only ever see their own).
            let coach_only = !scope.whole_org && !scope.teams.is_empty();
            if coach_only && !scope.teams.contains(&t.id) {
                return Err(AppError::not_found("That team"));
            }
            if q.agent_id.is_none() && (scope.whole_org || coach_only) {
                reach.label = format!("team {}", t.name);
            }
            reach.team = Some(t.id);
        }
        Ok(reach)
    }

    /// Where this reach's KPIs are read from.
    pub fn source(&self) -> Source {
        match (self.agent, self.team, &self.teams) {
            (Some(a), t, _) => Source::Agent(a, t),
            (None, Some(t), _) => Source::Teams(vec![t]),
            (None, None, Some(ts)) => Source::Teams(ts.clone()),
            (None, None, None) => Source::Organisation,
        }
    }

    /// Whether a row of this agent in this team is in the reach.
    pub fn admits(&self, agent_id: i32, team_id: i32) -> bool {
        self.agent.is_none_or(|a| a == agent_id)
            && self.teams.as_ref().is_none_or(|ts| ts.contains(&team_id))
            && self.team.is_none_or(|t| t == team_id)
    }

    /// Whether a complaint (taken by an agent or not) of this team is in
    /// the reach; one taken by nobody is in a team's reach, not an agent's.
    pub fn admits_complaint(&self, agent_id: Option<i32>, team_id: i32) -> bool {
        match agent_id {
            Some(a) => self.admits(a, team_id),
            None => {
                self.agent.is_none()
                    && self.teams.as_ref().is_none_or(|ts| ts.contains(&team_id))
                    && self.team.is_none_or(|t| t == team_id)
            }
        }
    }

    /// Whether the reach is one agent or one team (a trend by agent then
    /// says more than one by team).
    pub fn is_narrow(&self) -> bool {
        self.agent.is_some() || self.team.is_some()
    }
}
