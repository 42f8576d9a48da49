//! Calls: the list, one call, imports.

#[allow(unused_imports)]
use super::*;
use crate::domain::lifecycle::ReviewStatus;
use serde::{Deserialize, Serialize};

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
    /// With a recording to listen to, or without.
    pub recorded: Option<bool>,
    /// Keyset cursor from the previous page.
    pub after: Option<String>,
}

impl CallFilter {
    /// Read from an address's query, as the calls page writes it.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> CallFilter {
        let text = |k: &str| get(k).filter(|v| !v.is_empty());
        let id = |k: &str| text(k).and_then(|v| v.parse::<i32>().ok());
        let yes_no = |k: &str| match text(k).as_deref() {
            Some("yes") => Some(true),
            Some("no") => Some(false),
            _ => None,
        };
        CallFilter {
            team_id: id("team"),
            agent_id: id("agent"),
            from: text("from"),
            to: text("to"),
            channel: text("channel"),
            reviewed: yes_no("reviewed"),
            complaint: yes_no("complaint"),
            recorded: yes_no("recorded"),
            after: None,
        }
    }

    /// The address query that reads back as this filter (without a cursor).
    pub fn to_params(&self) -> String {
        let yes_no = |b: bool| if b { "yes" } else { "no" };
        let mut parts = vec![];
        if let Some(t) = self.team_id {
            parts.push(format!("team={t}"));
        }
        if let Some(a) = self.agent_id {
            parts.push(format!("agent={a}"));
        }
        for (k, v) in [
            ("from", &self.from),
            ("to", &self.to),
            ("channel", &self.channel),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                parts.push(format!("{k}={v}"));
            }
        }
        for (k, v) in [
            ("reviewed", self.reviewed),
            ("complaint", self.complaint),
            ("recorded", self.recorded),
        ] {
            if let Some(v) = v {
                parts.push(format!("{k}={}", yes_no(v)));
            }
        }
        parts.join("&")
    }
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
    /// The review the row points to: the latest submitted one, else a draft
    /// the person may know about.
    pub review: Option<CallReviewCue>,
}

/// What the calls list says about a call's review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallReviewCue {
    pub id: i32,
    pub status: ReviewStatus,
    pub score: Option<f64>,
    pub critical_fail: bool,
    pub reviewer: String,
    /// The person's own draft (theirs to open); someone else's draft only
    /// says that the call is being scored.
    pub mine: bool,
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
    /// The call's register entry, if the caller may open it.
    pub complaint_id: Option<i32>,
    /// The call has no register entry and the caller may open one.
    pub can_log_complaint: bool,
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

impl crate::domain::csv_import::Checked for ImportOutcome {
    fn problems(&self) -> &[crate::domain::call_import::RowProblem] {
        &self.problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_filter_reads_back_from_its_address() {
        let f = CallFilter {
            team_id: Some(2),
            agent_id: None,
            from: Some("2026-11-01".into()),
            to: None,
            channel: Some("email".into()),
            reviewed: Some(false),
            complaint: None,
            recorded: Some(true),
            after: None,
        };
        let params: std::collections::HashMap<String, String> = f
            .to_params()
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(CallFilter::from_params(|k| params.get(k).cloned()), f);
        assert_eq!(CallFilter::from_params(|_| None), CallFilter::default());
    }
}
