//! Data that crosses between server and browser.

use crate::domain::benchmark::{CoachRating, Gap};
use crate::domain::continuum::DataCheck;
use crate::domain::lifecycle::{
    ActionStatus, DisputeOutcome, EvidenceKind, ReviewStatus, VersionStatus,
};
use crate::domain::placement::{Answer, Component, Movement};
use crate::domain::roles::{Role, RoleSet};
use crate::domain::scoring::Rating;
use crate::domain::targets::{Progress, TargetStatus};
use serde::{Deserialize, Serialize};

/// The person behind the current session, as the UI needs them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub roles: RoleSet,
    pub org_id: i32,
    pub org_name: String,
}

impl Me {
    pub fn has(&self, role: Role) -> bool {
        self.roles.has(role)
    }

    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamRef {
    pub id: i32,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub roles: RoleSet,
    pub active: bool,
    /// Teams this person is an agent in.
    pub agent_of: Vec<TeamRef>,
    /// Teams this person coaches.
    pub coach_of: Vec<TeamRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonRef {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamDetail {
    pub id: i32,
    pub name: String,
    pub agents: Vec<PersonRef>,
    pub coaches: Vec<PersonRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationSummary {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub roles: RoleSet,
    pub team: Option<TeamRef>,
    /// Formatted on the server ("29 Nov 2026"): keeps date formatting out of
    /// the browser bundle.
    pub expires_on: String,
}

/// Shown to the invited person before they choose a password.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationPreview {
    pub name: String,
    pub email: String,
    pub org_name: String,
    pub roles: RoleSet,
}

/// Returned once, when an invitation is created: the link is not stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationLink {
    pub path: String,
    pub expires_on: String,
}

/// What the home page shows: the person's place in the organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeOverview {
    pub me: Me,
    pub agent_of: Vec<TeamRef>,
    pub coach_of: Vec<TeamDetail>,
    /// My coaches (for agents).
    pub my_coaches: Vec<PersonRef>,
    pub org_counts: Option<OrgCounts>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgCounts {
    pub teams: u64,
    pub agents: u64,
    pub coaches: u64,
    pub leaders: u64,
    pub admins: u64,
    pub inactive: u64,
    pub pending_invitations: u64,
    pub agents_without_team: u64,
    pub teams_without_coach: u64,
}

// ---- Frameworks -------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameworkSummary {
    pub id: i32,
    pub version: i32,
    pub name: String,
    /// draft, published or retired.
    pub status: VersionStatus,
    pub published_on: Option<String>,
    pub behaviours: usize,
    pub reviews: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BehaviourView {
    pub id: i32,
    pub cluster_id: i32,
    pub lineage: String,
    pub key: String,
    pub name: String,
    pub definition: String,
    pub positive: Vec<String>,
    pub negative: Vec<String>,
    pub weight: u32,
    pub critical: bool,
    pub anchors: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterView {
    pub id: i32,
    pub name: String,
    pub description: String,
    pub behaviours: Vec<BehaviourView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameworkView {
    pub id: i32,
    pub version: i32,
    pub name: String,
    pub description: String,
    pub status: VersionStatus,
    pub clusters: Vec<ClusterView>,
}

impl FrameworkView {
    pub fn behaviours(&self) -> impl Iterator<Item = &BehaviourView> {
        self.clusters.iter().flat_map(|c| c.behaviours.iter())
    }
}

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

// ---- Reviews ----------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceView {
    pub id: i32,
    pub behaviour_id: Option<i32>,
    /// note or tally.
    pub kind: EvidenceKind,
    pub at_ms: Option<i32>,
    pub cue_index: Option<i32>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewView {
    pub id: i32,
    pub status: ReviewStatus,
    pub call: CallDetail,
    pub coach: String,
    pub coach_id: i32,
    pub framework: FrameworkView,
    /// (behaviour id, rating code).
    pub ratings: Vec<(i32, Rating)>,
    pub evidence: Vec<EvidenceView>,
    pub strengths: String,
    pub development: String,
    pub submitted_on: Option<String>,
    pub acknowledged_on: Option<String>,
    pub dispute_reason: Option<String>,
    pub resolution: Option<DisputeOutcome>,
    pub resolution_note: Option<String>,
    pub resolved_by: Option<String>,
    pub can_score: bool,
    pub can_respond: bool,
    pub can_resolve: bool,
    pub audit: Vec<AuditEntry>,
}

/// A review in a list: the agent's reviews, a coach's queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewListItem {
    pub id: i32,
    pub call_id: i32,
    pub agent: String,
    pub coach: String,
    pub status: ReviewStatus,
    pub score: Option<f64>,
    pub critical_fail: bool,
    pub occurred: String,
    pub submitted_on: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewQueue {
    pub drafts: Vec<ReviewListItem>,
    pub disputes: Vec<ReviewListItem>,
    pub mine: Vec<ReviewListItem>,
    pub unreviewed: Vec<CallRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i32,
    pub text: String,
    pub link: String,
    pub when: String,
    pub read: bool,
}

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
    /// Reviews counted in the window.
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceCall {
    pub review_id: i32,
    pub call_on: String,
    pub scored_on: String,
    pub coach: String,
    pub rating: String,
    /// Days after the target was set, for the chart.
    pub day: f64,
    /// The level (Missed = 0), `None` for N/A.
    pub level: Option<f64>,
    /// Scored after the due day: shown, not counted.
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
    pub blind_spots: Vec<String>,
    pub hidden_strengths: Vec<String>,
    pub targets: Vec<TargetSummary>,
    pub last_practice: Option<String>,
}

// ---- Practices continuum ------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContinuumStatementView {
    pub id: i32,
    pub key: String,
    pub text: String,
    pub check: Option<DataCheck>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContinuumCellView {
    pub id: i32,
    pub stage: u8,
    pub component: Component,
    pub description: String,
    pub statements: Vec<ContinuumStatementView>,
}

/// Where an assessment places the organisation or unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContinuumResult {
    /// Respondents whose submitted answers count.
    pub respondents: usize,
    pub overall: u8,
    pub components: Vec<(Component, u8)>,
    /// Per component, the attainment of stages 1–5 (`None`: all N/A).
    pub attainment: Vec<(Component, Vec<Option<f64>>)>,
    /// The combined (median) answer per statement id.
    pub combined: Vec<(i32, Answer)>,
    /// Statements the respondents answered differently.
    pub disagreements: Vec<i32>,
    /// Statements of each component's next stage not yet in place.
    pub next_steps: Vec<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContinuumSummary {
    pub id: i32,
    pub model_version: i32,
    pub title: String,
    pub unit: String,
    pub team_id: Option<i32>,
    pub submitted: bool,
    pub started_on: String,
    pub submitted_on: Option<String>,
    pub invited: usize,
    pub result: Option<ContinuumResult>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContinuumHome {
    pub model_version: i32,
    /// Newest first.
    pub assessments: Vec<ContinuumSummary>,
    pub teams: Vec<(i32, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Respondent {
    pub name: String,
    pub submitted: bool,
}

/// What the product's data says about a checkable statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceFigure {
    pub check: DataCheck,
    /// `None` when there is nothing to count.
    pub share: Option<f64>,
    /// What the share is of, e.g. "of 120 answered calls in the last 30 days".
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContinuumAction {
    pub id: i32,
    pub statement_id: Option<i32>,
    pub title: String,
    pub owner: Option<String>,
    pub owner_id: Option<i32>,
    pub due_on: Option<String>,
    /// open, in_progress or done.
    pub status: ActionStatus,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContinuumAssessmentView {
    pub id: i32,
    /// The model version the assessment is answered against.
    pub model_version: i32,
    pub title: String,
    pub unit: String,
    pub submitted: bool,
    pub started_on: String,
    pub submitted_on: Option<String>,
    pub is_owner: bool,
    pub i_respond: bool,
    pub i_submitted: bool,
    pub respondents: Vec<Respondent>,
    pub cells: Vec<ContinuumCellView>,
    /// The caller's own answers: (statement id, answer, note).
    pub mine: Vec<(i32, Answer, String)>,
    pub result: Option<ContinuumResult>,
    pub evidence: Vec<EvidenceFigure>,
    pub actions: Vec<ContinuumAction>,
    /// Leaders who could still be invited: (id, name).
    pub leaders: Vec<(i32, String)>,
    /// Everyone in the organisation, as possible action owners: (id, name).
    pub owners: Vec<(i32, String)>,
    /// The statements with their answers and the action plan, once submitted.
    pub csv: Option<String>,
    /// What moved since the unit's previous submitted assessment.
    pub since: Option<ContinuumChange>,
}

/// How an assessment differs from the same unit's previous one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContinuumChange {
    pub previous_id: i32,
    pub previous_title: String,
    pub previous_on: String,
    pub previous_overall: u8,
    pub previous_components: Vec<(Component, u8)>,
    /// (statement id in this assessment, answer before, answer now, way).
    pub moved: Vec<(i32, Answer, Answer, Movement)>,
}

/// One version of an organisation's continuum model, for the version list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContinuumModelSummary {
    pub id: i32,
    pub version: i32,
    /// draft, published or retired.
    pub status: VersionStatus,
    pub published_on: Option<String>,
    /// Assessments answered against this version.
    pub assessments: u64,
}

/// The continuum model page: one version's wording, and the versions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContinuumModelView {
    pub id: i32,
    pub version: i32,
    pub status: VersionStatus,
    pub cells: Vec<ContinuumCellView>,
    /// Newest first.
    pub versions: Vec<ContinuumModelSummary>,
    /// Admins edit the wording; leaders read it.
    pub can_edit: bool,
}

/// A statement as the cell editor sends it: `id` of a statement kept from
/// the version being edited, `None` for a new one; `check` a `DataCheck`
/// key or empty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementEdit {
    pub id: Option<i32>,
    pub text: String,
    pub check: String,
}
