use crate::domain::calls::Channel;
use crate::domain::kpi::{Durations, Estimate, Grouping, Shown};
use serde::{Deserialize, Serialize};

/// Which calls the KPIs are read over. Dates are `YYYY-MM-DD`, inclusive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiQuery {
    pub team_id: Option<i32>,
    pub agent_id: Option<i32>,
    pub channel: Option<Channel>,
    pub from: String,
    pub to: String,
    pub grouping: Grouping,
    /// Abandons shorter than this many seconds are left out; none counts
    /// every abandon.
    pub short_abandon_seconds: Option<i32>,
}

/// The KPIs of one period (or of the whole range).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiRow {
    /// "2026-W48", "Nov 2026", "24 Nov 2026"; "All" for the whole range.
    pub label: String,
    /// The period's first day, ISO.
    pub start: String,
    pub enquiries: usize,
    /// NPS in −100…100 with its interval.
    pub nps: Shown<Estimate>,
    /// The share of 4–5 (0…1) with its Wilson interval.
    pub csat: Shown<Estimate>,
    /// Minutes, over resolved enquiries with a resolution time.
    pub resolution_minutes: Option<Durations>,
    /// Seconds, over enquiries with a first response.
    pub first_response_seconds: Option<Durations>,
    /// The abandoned share (0…1) with its Wilson interval.
    pub abandonment: Shown<Estimate>,
    pub complaints: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiFigures {
    pub total: KpiRow,
    /// Oldest first; periods without enquiries are left out.
    pub periods: Vec<KpiRow>,
    /// First response read by channel: email and chat differ by orders of
    /// magnitude.
    pub first_response_by_channel: Vec<(Channel, Option<Durations>)>,
}
