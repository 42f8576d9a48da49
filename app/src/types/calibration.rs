use crate::domain::lifecycle::{CalibrationStatus, ReviewStatus};
use crate::domain::scoring::Rating;
use serde::{Deserialize, Serialize};

/// Who and what an organiser can pick for a new session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalibrationOptions {
    /// The organisation's coaches and leaders.
    pub coaches: Vec<PickOption>,
    /// Recent calls the organiser sees, recorded ones first.
    pub calls: Vec<PickOption>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PickOption {
    pub id: i32,
    pub label: String,
}

/// A session in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalibrationSummary {
    pub id: i32,
    pub title: String,
    pub organiser: String,
    pub due_on: String,
    pub overdue: bool,
    pub status: CalibrationStatus,
    pub calls: usize,
    pub participants: usize,
    /// Scores submitted, out of participants × calls.
    pub submitted: usize,
    pub expected: usize,
    /// Calls the caller still has to score.
    pub mine_to_do: usize,
    /// α over the whole session once revealed.
    pub alpha: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalibrationList {
    pub sessions: Vec<CalibrationSummary>,
    pub can_organise: bool,
}

/// One call of a session and the caller's own score of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionCall {
    pub call_id: i32,
    pub label: String,
    pub my_review: Option<i32>,
    pub my_status: Option<ReviewStatus>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionParticipant {
    pub id: i32,
    pub name: String,
    pub submitted: usize,
    pub of: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalibrationSessionView {
    pub id: i32,
    pub title: String,
    pub organiser: String,
    pub due_on: String,
    pub overdue: bool,
    pub status: CalibrationStatus,
    pub note: String,
    pub participant: bool,
    pub can_close: bool,
    pub can_record: bool,
    pub calls: Vec<SessionCall>,
    pub participants: Vec<SessionParticipant>,
    /// Present once the session is revealed.
    pub revealed: Option<RevealedSession>,
}

/// The side-by-side view after the reveal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevealedSession {
    pub alpha: Option<f64>,
    /// reliable, tentative, recalibrate or not_computable.
    pub reading: String,
    pub reading_label: String,
    pub reading_explanation: String,
    /// Column headings of the rating tables: the coaches who scored.
    pub coaches: Vec<String>,
    pub calls: Vec<RevealedCall>,
    pub leniency: Vec<CoachLeniency>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevealedCall {
    pub call_id: i32,
    pub label: String,
    pub rows: Vec<BehaviourAgreement>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BehaviourAgreement {
    pub behaviour_id: i32,
    pub name: String,
    /// One per coach column; `None` where that coach did not rate it.
    pub ratings: Vec<Option<Rating>>,
    /// Lowest and highest rating (Missed = 0), N/A left out.
    pub low: Option<u8>,
    pub high: Option<u8>,
    pub median: Option<f64>,
    pub reference: Option<Rating>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoachLeniency {
    pub name: String,
    /// Mean of (rating − unit median); positive is lenient.
    pub mean: Option<f64>,
    pub units: usize,
}

/// Agreement over a period: per behaviour across the sessions' calls, per
/// month, and each coach's leniency per month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementView {
    pub months_back: i64,
    pub sessions: usize,
    /// "Nov 2026", oldest first.
    pub months: Vec<String>,
    pub behaviours: Vec<BehaviourAlpha>,
    pub monthly: Vec<MonthAlpha>,
    pub coaches: Vec<CoachTrend>,
    pub behaviours_csv: String,
    pub monthly_csv: String,
    pub coaches_csv: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BehaviourAlpha {
    pub name: String,
    /// Calls rated on this behaviour by two coaches or more.
    pub calls: usize,
    pub alpha: Option<f64>,
    /// The reading, or why there is none ("needs several calls").
    pub reading: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthAlpha {
    pub month: String,
    pub sessions: usize,
    pub alpha: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoachTrend {
    pub name: String,
    /// Leniency per month, aligned with `AgreementView::months`.
    pub by_month: Vec<Option<f64>>,
}
