use crate::domain::insight::{Change, Effect, Outcome};
use crate::types::{AgentRef, CallScope, KpiQuery};
use serde::{Deserialize, Serialize};

/// One behaviour of the current framework and how it goes with the outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InsightRow {
    pub lineage: String,
    pub name: String,
    pub cluster: String,
    pub effect: Effect,
}

/// Which behaviours go with satisfied customers, over the scored calls in
/// reach with an answer. Rows come ranked: tested behaviours by the
/// difference in share, largest first, then those with too few calls in
/// framework order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InsightView {
    pub query: KpiQuery,
    pub outcome: Outcome,
    pub reach: String,
    pub scope: CallScope,
    /// Scored calls with an answer (for NPS: a promoter's or detractor's).
    pub calls: usize,
    pub rows: Vec<InsightRow>,
}

/// A side of a coaching comparison: calls and their mean value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SideFigures {
    pub calls: usize,
    pub mean: Option<f64>,
}

/// One behaviour before against after a coaching date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoachingRow {
    pub lineage: String,
    pub name: String,
    pub before: SideFigures,
    pub after: SideFigures,
    pub change: Change,
}

/// The windows of a coaching comparison, as dates `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoachingWindows {
    pub before_from: String,
    pub on: String,
    pub after_to: String,
    pub days: i64,
}

/// Every behaviour of one agent before against after a coaching date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoachingView {
    pub agent: AgentRef,
    pub windows: CoachingWindows,
    pub rows: Vec<CoachingRow>,
    /// The agent's targets as coaching dates to pick: (day `YYYY-MM-DD`,
    /// behaviour), newest first.
    pub target_dates: Vec<(String, String)>,
}

/// A target with the measured change of its behaviour since it was set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetEffect {
    pub target_id: i32,
    pub agent: AgentRef,
    pub windows: CoachingWindows,
    pub row: CoachingRow,
}

/// The targets in reach set in a period, each with its measured effect.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetEffects {
    pub query: KpiQuery,
    pub reach: String,
    pub scope: CallScope,
    pub targets: Vec<TargetEffect>,
}
