use super::PickOption;
use crate::domain::calls::Channel;
use serde::{Deserialize, Serialize};

/// What a person asks for when drawing a sample.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SampleRequest {
    /// None: every team the person may draw from.
    pub team_id: Option<i32>,
    /// The period's first and last day, ISO dates.
    pub from: String,
    pub to: String,
    pub per_agent: u32,
    /// Complaints are drawn first, whatever the filters.
    pub include_complaints: bool,
    /// Leave out calls shorter than this many seconds.
    pub min_seconds: Option<i32>,
    /// Only these channels; empty means all.
    pub channels: Vec<Channel>,
    /// When the assigned coaches should have scored their calls.
    pub due_on: String,
    /// None draws with a fresh seed; a kept seed redraws the same calls.
    pub seed: Option<u64>,
}

/// Whom a call of a team can be given to: the team's coaches, then the
/// organisation's leaders.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamCoaches {
    pub team_id: i32,
    pub coaches: Vec<PickOption>,
}

/// One drawn call, with the coach it would go to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DrawnCall {
    pub call_id: i32,
    pub agent_id: i32,
    pub agent: String,
    pub team_id: i32,
    pub team: String,
    pub occurred: String,
    pub channel: Channel,
    pub duration: String,
    pub complaint: bool,
    pub coach_id: Option<i32>,
}

/// A draw shown before it is accepted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SamplePreview {
    pub seed: u64,
    pub calls: Vec<DrawnCall>,
    pub coaches: Vec<TeamCoaches>,
    /// Agents with calls in the period.
    pub agents: usize,
    /// Agents who had fewer eligible calls than asked, e.g. "Ana López (1)".
    pub short: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SampleCallState {
    Scored,
    Due,
    Overdue,
    Unassigned,
}

impl SampleCallState {
    pub fn label(self) -> &'static str {
        match self {
            SampleCallState::Scored => "Scored",
            SampleCallState::Due => "Due",
            SampleCallState::Overdue => "Overdue",
            SampleCallState::Unassigned => "Unassigned",
        }
    }
}

/// How far a sample has got: every call is assigned or not, and an assigned
/// one is scored, due or overdue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleProgress {
    pub total: usize,
    pub assigned: usize,
    pub scored: usize,
    pub overdue: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SampleSummary {
    pub id: i32,
    pub title: String,
    pub drawn_by: String,
    pub drawn_on: String,
    pub due_on: String,
    pub progress: SampleProgress,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SampleList {
    pub samples: Vec<SampleSummary>,
    /// The teams the caller may draw from.
    pub teams: Vec<PickOption>,
    /// The form's starting values: the last 30 days, due in a week.
    pub default_from: String,
    pub default_to: String,
    pub default_due: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SampleCallRow {
    pub call_id: i32,
    pub agent: String,
    pub team_id: i32,
    pub team: String,
    pub occurred: String,
    pub channel: Channel,
    pub complaint: bool,
    pub coach_id: Option<i32>,
    pub coach: Option<String>,
    /// As written on pages, and as an ISO date for the reassign form.
    pub due_on: String,
    pub due_iso: String,
    pub state: SampleCallState,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SampleView {
    pub id: i32,
    pub title: String,
    /// The rules in words, e.g. "3 calls per agent · complaints first".
    pub rules: String,
    pub seed: u64,
    pub drawn_by: String,
    pub drawn_on: String,
    pub progress: SampleProgress,
    /// All the sample's calls; `calls` holds those of the caller's teams.
    pub total_in_sample: usize,
    pub calls: Vec<SampleCallRow>,
    /// Filled only for people who may reassign.
    pub coaches: Vec<TeamCoaches>,
}

/// A sampled call waiting for the coach it was given to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssignedCall {
    pub call_id: i32,
    pub sample_id: i32,
    pub agent: String,
    pub occurred: String,
    pub channel: Channel,
    pub due_on: String,
    pub overdue: bool,
    /// What a coach triages by.
    pub csat: Option<i16>,
    pub complaint: bool,
    pub has_recording: bool,
}
