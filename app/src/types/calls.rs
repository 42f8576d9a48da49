//! Calls: the list, one call, imports.

#[allow(unused_imports)]
use super::*;
use crate::domain::lifecycle::ReviewStatus;
use serde::{Deserialize, Serialize};

// ---- Calls ------------------------------------------------------------------

/// Filters of the call list. Dates are `YYYY-MM-DD`, inclusive.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CallFilter {
    pub team_id: Option<i32>,
    pub agent_id: Option<i32>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub channel: Option<String>,
    pub reviewed: Option<bool>,
    pub complaint: Option<bool>,
    /// With a recording to listen to, or without.
    pub recorded: Option<bool>,
    /// Keyset cursor from the previous page.
    pub after: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallRow {
    pub id: i32,
    pub occurred: String,
    pub agent: String,
    pub team: String,
    pub channel: String,
    pub duration: String,
    pub csat: Option<i16>,
    pub ltr: Option<i16>,
    pub resolved: Option<bool>,
    pub complaint: bool,
    pub has_recording: bool,
    pub reviewed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallPage {
    pub rows: Vec<CallRow>,
    pub next: Option<String>,
}

/// Whom the caller may pick in call filters and forms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallScope {
    pub teams: Vec<TeamRef>,
    /// Agents with the id of their team.
    pub agents: Vec<(i32, String, Option<i32>)>,
    pub can_add: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewBrief {
    pub id: i32,
    pub coach: String,
    pub status: ReviewStatus,
    pub score: Option<f64>,
    pub critical_fail: bool,
    pub submitted_on: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallDetail {
    pub id: i32,
    pub agent: PersonRef,
    pub team: TeamRef,
    pub occurred: String,
    pub channel: String,
    pub duration: String,
    pub csat: Option<i16>,
    pub ltr: Option<i16>,
    pub resolved: Option<bool>,
    pub resolution_minutes: Option<i32>,
    pub first_response_seconds: Option<i32>,
    pub abandoned: bool,
    pub complaint: bool,
    pub rectification: Option<String>,
    pub follow_up_on: Option<String>,
    pub reference: Option<String>,
    pub recording: Option<String>,
    pub transcript: Vec<crate::domain::transcript::Cue>,
    pub reviews: Vec<ReviewBrief>,
    /// The caller may score this call.
    pub can_review: bool,
    pub can_edit: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub rows: usize,
    pub agents: usize,
    pub first: Option<String>,
    pub last: Option<String>,
    pub committed: bool,
    pub problems: Vec<crate::domain::call_import::RowProblem>,
}
