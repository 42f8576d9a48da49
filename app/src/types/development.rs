//! Development: benchmark, self-assessment, targets, practice, team.

#[allow(unused_imports)]
use super::*;
use crate::domain::benchmark::{CoachRating, Gap};
use crate::domain::targets::{Progress, TargetStatus};
use serde::{Deserialize, Serialize};

// ---- Development: self-benchmark, targets, practice --------------------------

/// An agent as other development pages name them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgentRef {
    pub id: i32,
    pub name: String,
    /// The agent's teams, comma-separated ("" when in none).
    pub teams: String,
}

/// One behaviour of the benchmark: the agent's own rating beside the coaches'.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkRow {
    pub behaviour_id: i32,
    pub lineage: String,
    pub name: String,
    pub cluster: String,
    pub self_level: Option<u8>,
    pub self_example: String,
    pub coach: Option<CoachRating>,
    pub gap: Gap,
    /// An open target on this behaviour, if there is one.
    pub open_target: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetSummary {
    pub id: i32,
    pub behaviour: String,
    pub level: u8,
    pub baseline: Option<f64>,
    pub due_on: String,
    pub status: TargetStatus,
    pub achieved_on: Option<String>,
    pub mean: Option<f64>,
    pub calls: usize,
    pub agreed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PracticeView {
    pub id: i32,
    pub on: String,
    pub kind: String,
    pub scenario: String,
    pub behaviours: Vec<String>,
    /// "Self" or "Peer: name".
    pub rated_by: String,
    pub rating: i16,
    pub reflection: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkView {
    pub agent: AgentRef,
    pub days: i64,
    pub framework_version: i32,
    /// Date of the latest self-assessment, if any.
    pub self_assessed_on: Option<String>,
    pub rows: Vec<BenchmarkRow>,
    /// Calls scored in the window (a call reviewed twice counts once).
    pub scored_calls: usize,
    pub targets: Vec<TargetSummary>,
    pub practice: Vec<PracticeView>,
    /// The caller is this agent (self-assessment and practice are theirs alone).
    pub is_self: bool,
    /// Agents the caller may open, for a coach's or leader's picker.
    pub agents: Vec<AgentRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelfAssessmentEntry {
    pub id: i32,
    pub on: String,
    pub framework_version: i32,
}

/// Every self-assessment of an agent, behaviour by behaviour (by lineage,
/// named as in the current framework).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelfAssessmentHistory {
    pub agent: AgentRef,
    pub is_self: bool,
    /// Newest first.
    pub assessments: Vec<SelfAssessmentEntry>,
    /// (behaviour name, level per assessment in the order above, example per assessment).
    pub behaviours: Vec<(String, Vec<Option<u8>>, Vec<String>)>,
}

/// The self-assessment form: the current framework and the agent's latest levels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelfAssessmentForm {
    pub framework: FrameworkView,
    /// (behaviour id, level, example) from the latest assessment, by lineage.
    pub previous: Vec<(i32, u8, String)>,
    pub previous_on: Option<String>,
}

/// One call since a target was set, with the reviews that scored it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceCall {
    pub call_on: String,
    /// (review id, coach, rating label, day scored), oldest first.
    pub reviews: Vec<(i32, String, String, String)>,
    /// Days after the target was set, for the chart.
    pub day: f64,
    /// The call's one value (Missed = 0; the mean when several coaches
    /// scored it), `None` when rated N/A.
    pub level: Option<f64>,
    /// Happened after the due day: shown, not counted.
    pub counted: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckinView {
    pub author: String,
    pub when: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetView {
    pub summary: TargetSummary,
    pub agent: AgentRef,
    pub behaviour_definition: String,
    /// The anchor of the target level: what the agent is aiming to sound like.
    pub target_anchor: String,
    pub baseline_calls: i32,
    pub plan: String,
    pub set_on: String,
    pub set_by: String,
    pub agreed_by: Option<String>,
    pub agreed_on: Option<String>,
    pub progress: Progress,
    /// Days from the start to the end of the due day, for the chart.
    pub horizon_days: f64,
    pub today_day: f64,
    pub evidence: Vec<EvidenceCall>,
    pub checkins: Vec<CheckinView>,
    pub practice: Vec<PracticeView>,
    pub can_agree: bool,
    pub can_check_in: bool,
    /// The behaviour before against after the target was set.
    pub coaching: crate::types::CoachingRow,
    pub coaching_windows: crate::types::CoachingWindows,
}

/// The new-target form: the behaviours with their current coach rating.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetForm {
    pub agent: AgentRef,
    /// (behaviour id, name, coach rating over the last 90 days, anchors).
    pub behaviours: Vec<(i32, String, Option<CoachRating>, Vec<String>)>,
    pub today: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PracticeLog {
    pub agent: AgentRef,
    pub is_self: bool,
    pub entries: Vec<PracticeView>,
    /// (lineage, name) of the current framework's behaviours.
    pub behaviours: Vec<(String, String)>,
    pub today: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamAgentRow {
    pub agent: AgentRef,
    pub self_assessed_on: Option<String>,
    pub scored_calls: usize,
    /// Largest gap first.
    pub blind_spots: Vec<GapChip>,
    /// Largest gap first.
    pub hidden_strengths: Vec<GapChip>,
    pub targets: Vec<TargetSummary>,
    pub last_practice: Option<String>,
}

/// A behaviour where the agent's own rating and the coaches' clearly differ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GapChip {
    pub name: String,
    /// The self rating minus the coaches' mean, in levels.
    pub levels: f64,
}

/// How the team view orders its agents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamOrder {
    #[default]
    BlindSpots,
    TargetsAtRisk,
    FewestCalls,
    Name,
}

impl TeamOrder {
    pub const ALL: [(TeamOrder, &'static str); 4] = [
        (TeamOrder::BlindSpots, "Widest blind spots first"),
        (TeamOrder::TargetsAtRisk, "Targets at risk first"),
        (TeamOrder::FewestCalls, "Fewest scored calls first"),
        (TeamOrder::Name, "Name"),
    ];

    /// The order's name as forms and server functions carry it.
    pub fn key(self) -> &'static str {
        match self {
            TeamOrder::BlindSpots => "blind_spots",
            TeamOrder::TargetsAtRisk => "targets_at_risk",
            TeamOrder::FewestCalls => "fewest_calls",
            TeamOrder::Name => "name",
        }
    }

    pub fn parse(key: &str) -> TeamOrder {
        Self::ALL
            .iter()
            .map(|(o, _)| *o)
            .find(|o| o.key() == key)
            .unwrap_or_default()
    }
}

/// Rows the team view sends before "Show more" asks for more: a leader's
/// organisation can be hundreds of agents.
pub const TEAM_ROWS_AT_FIRST: usize = 50;

/// Which rows of the team view to send: one team's agents or everyone's,
/// in an order, the first `shown` of them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TeamView {
    pub team: Option<String>,
    pub order: TeamOrder,
    pub shown: usize,
}

impl Default for TeamView {
    fn default() -> Self {
        TeamView {
            team: None,
            order: TeamOrder::default(),
            shown: TEAM_ROWS_AT_FIRST,
        }
    }
}

/// The team view as sent: the first rows of a [`TeamView`] and what the
/// filters around them need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamOverview {
    /// In the view's order.
    pub rows: Vec<TeamAgentRow>,
    /// Agents the view's team filter keeps, sent or not.
    pub matching: usize,
    /// The teams of every agent in reach, each once, by name.
    pub teams: Vec<String>,
}
