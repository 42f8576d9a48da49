use crate::domain::kpi::Reliability;
use crate::types::{CallScope, KpiQuery};
use serde::{Deserialize, Serialize};

/// One line of the review score trend: a team's or an agent's mean review
/// score per period, aligned with [`QualityView::periods`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreSeries {
    pub name: String,
    /// Mean score (0–100) and the number of reviews; `None` without any.
    pub points: Vec<Option<(f64, usize)>>,
}

/// A heatmap cell: the coach rating of one behaviour over an agent's calls
/// (PRODUCT.md §4: one value per call, Missed 0, N/A left out).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeatCell {
    /// `None` below [`crate::domain::benchmark::MIN_CALLS`] calls: blank.
    pub mean: Option<f64>,
    pub calls: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeatRow {
    pub agent_id: i32,
    pub agent: String,
    /// One per behaviour of [`QualityView::behaviours`].
    pub cells: Vec<HeatCell>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReliabilityRow {
    pub agent_id: i32,
    pub agent: String,
    pub reliability: Reliability,
}

/// The quality dashboards for a reach and period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QualityView {
    pub query: KpiQuery,
    pub reach: String,
    pub scope: CallScope,
    /// Period labels, oldest first.
    pub periods: Vec<String>,
    /// By team for a reach of several teams, by agent within one team.
    pub series: Vec<ScoreSeries>,
    pub series_by: String,
    /// Behaviour names of the current framework, in its order.
    pub behaviours: Vec<String>,
    pub heatmap: Vec<HeatRow>,
    pub reliability: Vec<ReliabilityRow>,
    /// The organisation's pooled within-agent spread of review scores.
    pub pooled_sd: Option<f64>,
}
