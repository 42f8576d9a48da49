//! The practices continuum: model, assessments, results, actions.

#[allow(unused_imports)]
use super::*;
use crate::domain::continuum::DataCheck;
use crate::domain::lifecycle::{ActionStatus, VersionStatus};
use crate::domain::placement::{Answer, Component, Movement};
use serde::{Deserialize, Serialize};

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
    /// Submitted with a result: its CSV can be downloaded.
    pub exportable: bool,
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
