//! What a call is made of and the checks on its outcome data (PRODUCT.md §3).
//! Both the one-call form and the CSV import go through [`CallFields::check`].

use super::local_time::parse_moment;
use super::validation::check_year;
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::fmt::Display;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Channel {
    Phone,
    Chat,
    Email,
    Social,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Phone,
        Channel::Chat,
        Channel::Email,
        Channel::Social,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Chat => "chat",
            Channel::Email => "email",
            Channel::Social => "social",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::Phone => "Phone",
            Channel::Chat => "Chat",
            Channel::Email => "Email",
            Channel::Social => "Social",
        }
    }

    pub fn parse(raw: &str) -> Result<Channel, String> {
        let v = raw.trim().to_ascii_lowercase();
        Channel::ALL
            .into_iter()
            .find(|c| c.key() == v)
            .ok_or_else(|| {
                format!(
                    "\"{}\" is not a channel: use phone, chat, email or social.",
                    raw.trim()
                )
            })
    }
}

/// How a complaint was put right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rectification {
    Repair,
    Replacement,
    Refund,
    Other,
}

impl Rectification {
    pub const ALL: [Rectification; 4] = [
        Rectification::Repair,
        Rectification::Replacement,
        Rectification::Refund,
        Rectification::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Rectification::Repair => "repair",
            Rectification::Replacement => "replacement",
            Rectification::Refund => "refund",
            Rectification::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Rectification::Repair => "Repair",
            Rectification::Replacement => "Replacement",
            Rectification::Refund => "Refund",
            Rectification::Other => "Other",
        }
    }

    pub fn parse(raw: &str) -> Result<Rectification, String> {
        let v = raw.trim().to_ascii_lowercase();
        Rectification::ALL
            .into_iter()
            .find(|c| c.key() == v)
            .ok_or_else(|| {
                format!(
                    "\"{}\" is not a rectification: use repair, replacement, refund or other.",
                    raw.trim()
                )
            })
    }
}

crate::stored_key!(Channel, "channel");
crate::stored_key!(Rectification, "rectification");

/// A call's own fields, in the order forms and files give them.
pub const CALL_FIELDS: [&str; 13] = [
    "occurred_at",
    "channel",
    "duration_seconds",
    "csat",
    "likelihood_to_recommend",
    "resolved",
    "resolution_minutes",
    "first_response_seconds",
    "abandoned",
    "complaint",
    "rectification",
    "follow_up_on",
    "reference",
];

/// The call form's fields, top to bottom: the order its problems are named in.
pub const FORM_FIELDS: [&str; 14] = super::csv_import::joined(["agent_id"], CALL_FIELDS);

/// The outcome data of a call once checked. Agent and team are resolved by
/// the caller, which knows the organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallFields {
    pub occurred_at: DateTime<Utc>,
    pub channel: Channel,
    pub duration_seconds: i32,
    pub csat: Option<i16>,
    pub likelihood_to_recommend: Option<i16>,
    pub resolved: Option<bool>,
    pub resolution_minutes: Option<i32>,
    pub first_response_seconds: Option<i32>,
    pub abandoned: bool,
    pub complaint: bool,
    pub rectification: Option<Rectification>,
    pub follow_up_on: Option<NaiveDate>,
}

/// A problem with one field: which field, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub message: String,
}

fn problem(field: &'static str, message: impl Into<String>) -> FieldProblem {
    FieldProblem {
        field,
        message: message.into(),
    }
}

/// The raw text of a call's fields, as typed in the form or read from a CSV row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawCall<'a> {
    pub occurred_at: &'a str,
    pub channel: &'a str,
    pub duration_seconds: &'a str,
    pub csat: &'a str,
    pub likelihood_to_recommend: &'a str,
    pub resolved: &'a str,
    pub resolution_minutes: &'a str,
    pub first_response_seconds: &'a str,
    pub abandoned: &'a str,
    pub complaint: &'a str,
    pub rectification: &'a str,
    pub follow_up_on: &'a str,
}

fn parse_bool(raw: &str) -> Result<Option<bool>, String> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "yes" | "y" | "true" | "1" => Ok(Some(true)),
        "no" | "n" | "false" | "0" => Ok(Some(false)),
        other => Err(format!("\"{other}\" is not yes or no.")),
    }
}

fn parse_int(raw: &str, min: i64, max: i64, what: &str) -> Result<Option<i64>, String> {
    let v = raw.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let n: i64 = v
        .parse()
        .map_err(|_| format!("\"{v}\" is not a whole number ({what})."))?;
    if n < min || n > max {
        return Err(format!("{n} is out of range: {what} must be {min}–{max}."));
    }
    Ok(Some(n))
}

/// Longest call or resolution we accept: 30 days, in seconds.
const MAX_SECONDS: i64 = 30 * 24 * 3600;

impl CallFields {
    /// Checks every field and returns all problems found, field by field.
    /// A time without an offset is a wall-clock time in `zone`.
    pub fn check<Z: TimeZone + Display>(
        raw: &RawCall<'_>,
        now: DateTime<Utc>,
        zone: &Z,
    ) -> Result<CallFields, Vec<FieldProblem>> {
        let mut problems = vec![];
        let mut take = |field: &'static str, r: Result<Option<i64>, String>| match r {
            Ok(v) => v,
            Err(m) => {
                problems.push(problem(field, m));
                None
            }
        };
        let duration = take(
            "duration_seconds",
            parse_int(raw.duration_seconds, 0, MAX_SECONDS, "duration in seconds"),
        );
        let csat = take("csat", parse_int(raw.csat, 1, 5, "CSAT"));
        let ltr = take(
            "likelihood_to_recommend",
            parse_int(
                raw.likelihood_to_recommend,
                0,
                10,
                "likelihood to recommend",
            ),
        );
        let resolution = take(
            "resolution_minutes",
            parse_int(
                raw.resolution_minutes,
                0,
                MAX_SECONDS / 60,
                "resolution time in minutes",
            ),
        );
        let first_response = take(
            "first_response_seconds",
            parse_int(
                raw.first_response_seconds,
                0,
                MAX_SECONDS,
                "first response time in seconds",
            ),
        );
        let occurred_at = match parse_moment(raw.occurred_at, zone) {
            Ok(t) if t > now + chrono::Duration::minutes(5) => {
                problems.push(problem("occurred_at", "A call cannot be in the future."));
                None
            }
            Ok(t) => match check_year(t.year()) {
                Ok(()) => Some(t),
                Err(m) => {
                    problems.push(problem("occurred_at", m));
                    None
                }
            },
            Err(m) => {
                problems.push(problem("occurred_at", m));
                None
            }
        };
        let channel = match Channel::parse(raw.channel) {
            Ok(c) => Some(c),
            Err(m) => {
                problems.push(problem("channel", m));
                None
            }
        };
        let mut flag = |field: &'static str, v: &str| match parse_bool(v) {
            Ok(b) => b,
            Err(m) => {
                problems.push(problem(field, m));
                None
            }
        };
        let resolved = flag("resolved", raw.resolved);
        let abandoned = flag("abandoned", raw.abandoned).unwrap_or(false);
        let complaint = flag("complaint", raw.complaint).unwrap_or(false);
        let rectification = match raw.rectification.trim() {
            "" => None,
            v => match Rectification::parse(v) {
                Ok(r) => Some(r),
                Err(m) => {
                    problems.push(problem("rectification", m));
                    None
                }
            },
        };
        let follow_up_on = match raw.follow_up_on.trim() {
            "" => None,
            v => match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
                Ok(d) => match check_year(d.year()) {
                    Ok(()) => Some(d),
                    Err(m) => {
                        problems.push(problem("follow_up_on", m));
                        None
                    }
                },
                Err(_) => {
                    problems.push(problem(
                        "follow_up_on",
                        format!("\"{v}\" is not a date: use 2026-03-14."),
                    ));
                    None
                }
            },
        };
        if !complaint && rectification.is_some() {
            problems.push(problem(
                "rectification",
                "A rectification needs the call to be marked as a complaint.",
            ));
        }
        if !complaint && follow_up_on.is_some() {
            problems.push(problem(
                "follow_up_on",
                "A follow-up date needs the call to be marked as a complaint.",
            ));
        }
        if abandoned && resolved == Some(true) {
            problems.push(problem(
                "resolved",
                "An abandoned enquiry cannot also be resolved.",
            ));
        }
        if resolution.is_some() && resolved != Some(true) {
            problems.push(problem(
                "resolution_minutes",
                "A resolution time needs the call to be marked as resolved.",
            ));
        }
        if let (Some(d), Some(t)) = (follow_up_on, occurred_at) {
            if d < t.date_naive() {
                problems.push(problem(
                    "follow_up_on",
                    "The follow-up date cannot be before the call.",
                ));
            }
        }
        if duration.is_none() && !problems.iter().any(|p| p.field == "duration_seconds") {
            problems.push(problem(
                "duration_seconds",
                "Enter the duration in seconds.",
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(CallFields {
            occurred_at: occurred_at.expect("checked"),
            channel: channel.expect("checked"),
            duration_seconds: duration.expect("checked") as i32,
            csat: csat.map(|v| v as i16),
            likelihood_to_recommend: ltr.map(|v| v as i16),
            resolved,
            resolution_minutes: resolution.map(|v| v as i32),
            first_response_seconds: first_response.map(|v| v as i32),
            abandoned,
            complaint,
            rectification,
            follow_up_on,
        })
    }
}

/// A call's optional reference in the telephony system: blank is none.
pub fn check_reference(raw: &str) -> Result<Option<String>, String> {
    let r = raw.trim();
    if r.chars().count() > 80 {
        return Err("A reference can be at most 80 characters.".into());
    }
    Ok(Some(r.to_string()).filter(|r| !r.is_empty()))
}

/// Formats a duration in seconds as `m:ss` or `h:mm:ss`.
pub fn format_duration(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap()
    }

    fn good() -> RawCall<'static> {
        RawCall {
            occurred_at: "2026-11-19 09:30",
            channel: "Phone",
            duration_seconds: "420",
            csat: "4",
            likelihood_to_recommend: "9",
            resolved: "yes",
            resolution_minutes: "7",
            first_response_seconds: "35",
            abandoned: "no",
            complaint: "yes",
            rectification: "refund",
            follow_up_on: "2026-11-21",
        }
    }

    fn fields_of(raw: RawCall<'_>) -> Vec<&'static str> {
        CallFields::check(&raw, now(), &Utc)
            .unwrap_err()
            .into_iter()
            .map(|p| p.field)
            .collect()
    }

    #[test]
    fn a_good_call_parses() {
        let c = CallFields::check(&good(), now(), &Utc).unwrap();
        assert_eq!(c.channel, Channel::Phone);
        assert_eq!(c.csat, Some(4));
        assert_eq!(c.rectification, Some(Rectification::Refund));
        assert_eq!(
            c.occurred_at,
            Utc.with_ymd_and_hms(2026, 11, 19, 9, 30, 0).unwrap()
        );
    }

    #[test]
    fn rfc3339_with_an_offset_is_converted_to_utc() {
        let t = parse_moment("2026-11-19T10:30:00+01:00", &Utc).unwrap();
        assert_eq!(t, Utc.with_ymd_and_hms(2026, 11, 19, 9, 30, 0).unwrap());
    }

    #[test]
    fn a_time_without_offset_is_read_in_the_given_zone() {
        let c = CallFields::check(&good(), now(), &chrono_tz::Australia::Sydney).unwrap();
        // 09:30 in Sydney (AEDT, +11) on 19 Nov is 22:30 UTC the day before.
        assert_eq!(
            c.occurred_at,
            Utc.with_ymd_and_hms(2026, 11, 18, 22, 30, 0).unwrap()
        );
    }

    #[test]
    fn each_bad_field_is_named_with_a_specific_message() {
        let cases: Vec<(RawCall, &str, &str)> = vec![
            (
                RawCall {
                    csat: "6",
                    ..good()
                },
                "csat",
                "CSAT must be 1–5",
            ),
            (
                RawCall {
                    csat: "four",
                    ..good()
                },
                "csat",
                "not a whole number",
            ),
            (
                RawCall {
                    likelihood_to_recommend: "11",
                    ..good()
                },
                "likelihood_to_recommend",
                "0–10",
            ),
            (
                RawCall {
                    channel: "fax",
                    ..good()
                },
                "channel",
                "not a channel",
            ),
            (
                RawCall {
                    occurred_at: "yesterday",
                    ..good()
                },
                "occurred_at",
                "not a date and time",
            ),
            (
                RawCall {
                    occurred_at: "2027-01-01 10:00",
                    ..good()
                },
                "occurred_at",
                "future",
            ),
            (
                RawCall {
                    duration_seconds: "-3",
                    ..good()
                },
                "duration_seconds",
                "out of range",
            ),
            (
                RawCall {
                    duration_seconds: "",
                    ..good()
                },
                "duration_seconds",
                "Enter the duration",
            ),
            (
                RawCall {
                    resolved: "maybe",
                    ..good()
                },
                "resolved",
                "not yes or no",
            ),
            (
                RawCall {
                    rectification: "apology",
                    ..good()
                },
                "rectification",
                "not a rectification",
            ),
            (
                RawCall {
                    follow_up_on: "21/11/2026",
                    ..good()
                },
                "follow_up_on",
                "not a date",
            ),
            (
                RawCall {
                    follow_up_on: "2026-11-01",
                    ..good()
                },
                "follow_up_on",
                "before the call",
            ),
            (
                RawCall {
                    complaint: "no",
                    follow_up_on: "",
                    ..good()
                },
                "rectification",
                "marked as a complaint",
            ),
            (
                RawCall {
                    abandoned: "yes",
                    ..good()
                },
                "resolved",
                "abandoned",
            ),
            (
                RawCall {
                    resolved: "no",
                    ..good()
                },
                "resolution_minutes",
                "marked as resolved",
            ),
        ];
        for (raw, field, words) in cases {
            let problems = CallFields::check(&raw, now(), &Utc).unwrap_err();
            let p = problems
                .iter()
                .find(|p| p.field == field)
                .unwrap_or_else(|| panic!("no problem on {field}: {problems:?}"));
            assert!(p.message.contains(words), "{field}: {}", p.message);
        }
    }

    #[test]
    fn several_problems_are_all_reported() {
        let fields = fields_of(RawCall {
            csat: "9",
            channel: "pigeon",
            ..good()
        });
        assert_eq!(fields, vec!["csat", "channel"]);
    }

    #[test]
    fn optional_outcomes_may_be_blank() {
        let c = CallFields::check(
            &RawCall {
                occurred_at: "2026-11-19 09:30",
                channel: "chat",
                duration_seconds: "60",
                ..Default::default()
            },
            now(),
            &Utc,
        )
        .unwrap();
        assert_eq!((c.csat, c.resolved, c.complaint), (None, None, false));
    }

    #[test]
    fn durations_format_as_clock_time() {
        assert_eq!(format_duration(65), "1:05");
        assert_eq!(format_duration(3725), "1:02:05");
    }
}
