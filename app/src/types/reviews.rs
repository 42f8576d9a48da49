//! Reviews, their evidence and audit, the queue and notifications.

#[allow(unused_imports)]
use super::*;
use crate::domain::lifecycle::{DisputeOutcome, EvidenceKind, ReviewStatus};
use crate::domain::scoring::Rating;
use serde::{Deserialize, Serialize};

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
    /// Set on a coach's blind score in a calibration session.
    pub calibration: Option<CalibrationBrief>,
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
    /// Set when the review came from another QA tool's history.
    pub imported_on: Option<String>,
    pub acknowledged_on: Option<String>,
    pub dispute_reason: Option<String>,
    pub resolution: Option<DisputeOutcome>,
    pub resolution_note: Option<String>,
    pub resolved_by: Option<String>,
    pub can_score: bool,
    pub can_respond: bool,
    pub can_resolve: bool,
    pub audit: Vec<AuditEntry>,
    /// For the coach who wrote it: the call to score next, if any.
    pub next_call: Option<i32>,
    /// Whether the caller is the agent whose call it is.
    pub is_mine: bool,
}

/// The calibration session a blind score belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalibrationBrief {
    pub id: i32,
    pub title: String,
    pub revealed: bool,
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
    /// Sampled calls given to the caller and not yet scored, soonest due
    /// first.
    pub assigned: Vec<super::AssignedCall>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i32,
    pub text: String,
    pub link: String,
    pub when: String,
    pub read: bool,
}

/// What a review-history import found, or did when committed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryOutcome {
    pub reviews: usize,
    /// Calls added with their reviews, and calls already in Rapport reviewed.
    pub new_calls: usize,
    pub existing_calls: usize,
    pub coaches: usize,
    /// First and last day reviewed.
    pub first: Option<String>,
    pub last: Option<String>,
    /// The framework version the reviews were scored on.
    pub version: i32,
    pub committed: bool,
    pub problems: Vec<crate::domain::csv_import::RowProblem>,
}

impl crate::domain::csv_import::Checked for HistoryOutcome {
    fn problems(&self) -> &[crate::domain::csv_import::RowProblem] {
        &self.problems
    }
}
