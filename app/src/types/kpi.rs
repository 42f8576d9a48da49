use crate::domain::calls::Channel;
use crate::domain::kpi::{Durations, Estimate, Grouping, Shown, SHORT_ABANDON_SECONDS};
use crate::types::CallScope;
use chrono::{Duration, NaiveDate};
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

/// The range a KPI view opens on: the last 90 days by ISO week.
pub const DEFAULT_KPI_DAYS: i64 = 90;

impl KpiQuery {
    /// The last `days` days up to `today`, everyone in reach, short
    /// abandons left out.
    pub fn last_days(today: NaiveDate, days: i64, grouping: Grouping) -> KpiQuery {
        KpiQuery {
            team_id: None,
            agent_id: None,
            channel: None,
            from: (today - Duration::days(days - 1)).to_string(),
            to: today.to_string(),
            grouping,
            short_abandon_seconds: Some(SHORT_ABANDON_SECONDS),
        }
    }

    /// Read from an address's query (`from`, `to`, `group`, `team`,
    /// `agent`, `channel`, `short`); what is missing takes the default.
    /// Malformed dates are kept so the server can say what is wrong.
    pub fn from_params(get: impl Fn(&str) -> Option<String>, today: NaiveDate) -> KpiQuery {
        let mut q = KpiQuery::last_days(today, DEFAULT_KPI_DAYS, Grouping::Week);
        let id = |k: &str| get(k).and_then(|v| v.parse::<i32>().ok());
        if let Some(from) = get("from").filter(|v| !v.is_empty()) {
            q.from = from;
        }
        if let Some(to) = get("to").filter(|v| !v.is_empty()) {
            q.to = to;
        }
        if let Some(g) = get("group").and_then(|g| Grouping::parse(&g)) {
            q.grouping = g;
        }
        q.team_id = id("team");
        q.agent_id = id("agent");
        q.channel = get("channel").and_then(|c| Channel::parse(&c).ok());
        if let Some(short) = get("short") {
            q.short_abandon_seconds = short.parse::<i32>().ok().filter(|s| *s > 0);
        }
        q
    }

    /// The address query that reads back as this query.
    pub fn to_params(&self) -> String {
        let mut parts = vec![
            format!("from={}", self.from),
            format!("to={}", self.to),
            format!("group={}", self.grouping.key()),
            format!("short={}", self.short_abandon_seconds.unwrap_or(0)),
        ];
        if let Some(t) = self.team_id {
            parts.push(format!("team={t}"));
        }
        if let Some(a) = self.agent_id {
            parts.push(format!("agent={a}"));
        }
        if let Some(c) = self.channel {
            parts.push(format!("channel={}", c.key()));
        }
        parts.join("&")
    }
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
    /// The query as the server read it (dates normalised).
    pub query: KpiQuery,
    pub total: KpiRow,
    /// Oldest first; periods without enquiries are left out.
    pub periods: Vec<KpiRow>,
    /// First response read by channel: email and chat differ by orders of
    /// magnitude.
    pub first_response_by_channel: Vec<(Channel, Option<Durations>)>,
    /// The teams and agents the caller may narrow to.
    pub scope: CallScope,
    /// Whose enquiries these are, in words: "the whole organisation",
    /// "the teams you coach", "Team Billing", "Gina Ruiz", "your calls".
    pub reach: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_reads_back_from_its_address() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let q = KpiQuery {
            team_id: Some(3),
            agent_id: Some(9),
            channel: Some(Channel::Email),
            from: "2026-01-01".into(),
            to: "2026-03-31".into(),
            grouping: Grouping::Month,
            short_abandon_seconds: None,
        };
        let params: std::collections::HashMap<String, String> = q
            .to_params()
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(KpiQuery::from_params(|k| params.get(k).cloned(), today), q);
    }

    #[test]
    fn an_empty_address_opens_on_the_last_ninety_days_by_week() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let q = KpiQuery::from_params(|_| None, today);
        assert_eq!(q.from, "2026-08-28");
        assert_eq!(q.to, "2026-11-25");
        assert_eq!(q.grouping, Grouping::Week);
        assert_eq!(q.short_abandon_seconds, Some(SHORT_ABANDON_SECONDS));
    }
}
