//! Complaints and service ideas as they cross to the browser.

use crate::domain::calls::Rectification;
use crate::domain::complaints::{
    ComplaintCategory, ComplaintEvent, ComplaintFigures, ComplaintSource, ComplaintStatus, Move,
};
use crate::domain::ideas::IdeaStatus;
use crate::types::{PickOption, TeamCoaches};
use serde::{Deserialize, Serialize};

/// How many complaints a page of the register shows.
pub const COMPLAINT_PAGE: u64 = 50;

/// The register's filters; `before` is the cursor (the last id shown).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComplaintQuery {
    pub status: Option<ComplaintStatus>,
    /// Every complaint not yet closed.
    pub open: bool,
    pub team_id: Option<i32>,
    pub agent_id: Option<i32>,
    pub category: Option<ComplaintCategory>,
    pub rectification: Option<Rectification>,
    pub overdue: bool,
    pub before: Option<i32>,
}

impl ComplaintQuery {
    /// Read from an address's query (`status`, `team`, `agent`, `category`,
    /// `rectification`, `overdue`, `before`).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> ComplaintQuery {
        let id = |k: &str| get(k).and_then(|v| v.parse::<i32>().ok());
        let status = get("status").unwrap_or_default();
        ComplaintQuery {
            open: status == "open",
            status: ComplaintStatus::parse(&status),
            team_id: id("team"),
            agent_id: id("agent"),
            category: get("category").and_then(|c| ComplaintCategory::parse(&c)),
            rectification: get("rectification").and_then(|r| Rectification::parse(&r).ok()),
            overdue: get("overdue").is_some_and(|v| v == "1" || v == "true"),
            before: id("before"),
        }
    }

    /// The address query that reads back as this query (without the cursor
    /// unless `with_cursor`).
    pub fn to_params(&self, with_cursor: bool) -> String {
        let mut parts = vec![];
        if self.open {
            parts.push("status=open".to_string());
        } else if let Some(s) = self.status {
            parts.push(format!("status={}", s.key()));
        }
        if let Some(t) = self.team_id {
            parts.push(format!("team={t}"));
        }
        if let Some(a) = self.agent_id {
            parts.push(format!("agent={a}"));
        }
        if let Some(c) = self.category {
            parts.push(format!("category={}", c.key()));
        }
        if let Some(r) = self.rectification {
            parts.push(format!("rectification={}", r.key()));
        }
        if self.overdue {
            parts.push("overdue=1".into());
        }
        if let (true, Some(b)) = (with_cursor, self.before) {
            parts.push(format!("before={b}"));
        }
        parts.join("&")
    }
}

/// One complaint in the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComplaintRow {
    pub id: i32,
    pub opened_on: String,
    pub customer: String,
    pub source: ComplaintSource,
    pub public: bool,
    pub category: Option<ComplaintCategory>,
    pub status: ComplaintStatus,
    pub team: String,
    pub agent: Option<String>,
    pub owner: String,
    /// When the next step is due, None once closed.
    pub next_due: Option<String>,
    pub overdue: bool,
    pub rectification: Option<Rectification>,
    pub said: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComplaintList {
    pub query: ComplaintQuery,
    pub rows: Vec<ComplaintRow>,
    /// The cursor of the next page, when there is one.
    pub next: Option<i32>,
    pub teams: Vec<PickOption>,
    /// Agents with their team.
    pub agents: Vec<(PickOption, i32)>,
    pub may_log: bool,
}

/// A person's complaints to act on, for the home page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComplaintReminders {
    pub rows: Vec<ComplaintRow>,
    pub overdue: usize,
}

/// The call a complaint came from, and how the agent handled it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Recovery {
    /// Logged without a call in Rapport.
    NoCall,
    NotScored {
        call_id: i32,
        may_score: bool,
    },
    Scored {
        call_id: i32,
        review_id: i32,
        coach: String,
        /// Each recovery behaviour of the framework: its name and level
        /// (None: not applicable).
        ratings: Vec<(String, Option<String>)>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComplaintStepRow {
    pub event: ComplaintEvent,
    pub by: String,
    pub at: String,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: String,
    pub bytes: i64,
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComplaintView {
    pub id: i32,
    pub call_label: Option<String>,
    pub source: ComplaintSource,
    pub public: bool,
    pub customer: String,
    pub category: Option<ComplaintCategory>,
    pub said: String,
    pub status: ComplaintStatus,
    pub team: String,
    pub agent: Option<String>,
    pub owner_id: i32,
    pub owner: String,
    pub due_on: String,
    pub next_due: Option<String>,
    pub overdue: bool,
    pub rectification: Option<Rectification>,
    pub refund: Option<String>,
    pub accepted: Option<bool>,
    pub rectification_note: Option<String>,
    pub follow_up_on: Option<String>,
    pub follow_up_note: Option<String>,
    pub followed_up_on: Option<String>,
    pub satisfied: Option<bool>,
    pub outcome_note: Option<String>,
    pub reopened: i32,
    pub material_link: Option<String>,
    pub attachment: Option<Attachment>,
    pub steps: Vec<ComplaintStepRow>,
    pub recovery: Recovery,
    /// The moves the caller may make now (empty if they may not handle it).
    pub moves: Vec<Move>,
    pub may_handle: bool,
    /// Who may own it: the team's coaches, then the leaders.
    pub owners: Vec<PickOption>,
    pub ideas: Vec<IdeaRow>,
}

/// A new complaint: from a call (`call_id`), or logged for a contact that
/// came another way (then `team_id`, and `agent_id` if someone took it).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewComplaint {
    pub call_id: Option<i32>,
    pub team_id: Option<i32>,
    pub agent_id: Option<i32>,
    pub source: Option<ComplaintSource>,
    pub public: bool,
    pub customer: String,
    pub category: Option<ComplaintCategory>,
    pub said: String,
    pub owner_id: Option<i32>,
    /// `YYYY-MM-DD`; empty: five days from today.
    pub due_on: String,
    pub material_link: String,
}

/// What one step records. Only the fields of the move are read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepInput {
    pub step: Move,
    /// Record: what the customer said and the category.
    pub said: String,
    pub category: Option<ComplaintCategory>,
    /// Offer: the remedy, the refund amount, whether accepted.
    pub rectification: Option<Rectification>,
    pub amount: String,
    pub accepted: Option<bool>,
    /// Follow-up: the date (`YYYY-MM-DD`).
    pub follow_up_on: String,
    /// Close: whether the customer is now satisfied.
    pub satisfied: Option<bool>,
    /// The note of any step; the reason of a reopening.
    pub note: String,
}

impl StepInput {
    pub fn new(step: Move) -> StepInput {
        StepInput {
            step,
            said: String::new(),
            category: None,
            rectification: None,
            amount: String::new(),
            accepted: None,
            follow_up_on: String::new(),
            satisfied: None,
            note: String::new(),
        }
    }
}

/// What the form for a new complaint offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComplaintForm {
    pub teams: Vec<PickOption>,
    pub agents: Vec<(PickOption, i32)>,
    /// Per team: who may own its complaints.
    pub owners: Vec<TeamCoaches>,
    /// When opened from a call: the call in words, its team and agent.
    pub call: Option<(i32, String, i32, i32)>,
    /// The register entry the call already has.
    pub existing: Option<i32>,
    pub default_due: String,
}

/// One service idea.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IdeaRow {
    pub id: i32,
    pub title: String,
    pub detail: String,
    pub involves: String,
    pub status: IdeaStatus,
    pub reason: Option<String>,
    pub by: String,
    pub logged_on: String,
    pub in_practice_on: Option<String>,
    pub complaint_id: Option<i32>,
    /// The moves the caller may make.
    pub next: Vec<IdeaStatus>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IdeaList {
    pub status: Option<IdeaStatus>,
    pub rows: Vec<IdeaRow>,
    pub may_decide: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewIdea {
    pub title: String,
    pub detail: String,
    pub involves: String,
    pub complaint_id: Option<i32>,
}

/// Complaint figures of one team or agent, or of everyone in reach.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComplaintFigureRow {
    pub label: String,
    pub figures: ComplaintFigures,
}

/// The KPI page's complaints and ideas for its query.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComplaintKpis {
    pub total: ComplaintFigures,
    /// By team for a leader's organisation view, by agent within a team.
    pub rows: Vec<ComplaintFigureRow>,
    pub rows_are: String,
    pub ideas_in_practice: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_register_query_reads_back_from_its_address() {
        let q = ComplaintQuery {
            status: None,
            open: true,
            team_id: Some(2),
            agent_id: Some(7),
            category: Some(ComplaintCategory::Billing),
            rectification: Some(Rectification::Refund),
            overdue: true,
            before: Some(40),
        };
        let params: std::collections::HashMap<String, String> = q
            .to_params(true)
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(ComplaintQuery::from_params(|k| params.get(k).cloned()), q);
        assert!(!q.to_params(false).contains("before"));
    }
}
