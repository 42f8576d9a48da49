//! Reading review history exported from another QA tool (CSV): per line a
//! call (the reference of one already in Rapport, or a new call's columns
//! as in the call import), the coach, when it was reviewed, and a column
//! per behaviour key of the framework version the reviews were scored on.
//! Every problem names its line and column; nothing is imported unless
//! every line is right.

use super::call_import::{read_call, ImportRow, COLUMNS as CALL_COLUMNS};
use super::csv_import::{check_header, each_record, open, whole, RowProblem};
use super::local_time::parse_moment;
use super::scoring::Rating;
use super::validation::normalise_email;
use chrono::{DateTime, Duration, TimeZone, Utc};
use std::fmt::Display;

/// The review's own columns; the call's are the call import's.
pub const COLUMNS: [&str; 5] = [
    "call_reference",
    "coach_email",
    "reviewed_at",
    "strengths",
    "development",
];

/// Longest strengths or development note accepted.
pub const MAX_NOTE: usize = 4000;

/// Which call a line reviews.
#[derive(Clone, Debug, PartialEq)]
pub enum CallOf {
    /// A call already in Rapport, by its reference.
    Existing(String),
    /// A call to add with the review.
    New(Box<ImportRow>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct HistoryRow {
    pub line: usize,
    pub call: CallOf,
    pub coach_email: String,
    pub reviewed_at: DateTime<Utc>,
    /// One per behaviour key, in the order the keys were given.
    pub ratings: Vec<Rating>,
    pub strengths: String,
    pub development: String,
}

/// A rating as other tools write it: 1–5, M (missed) or NA.
pub fn parse_rating(raw: &str) -> Result<Rating, String> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "" => Err("Rate this behaviour: 1–5, M for missed or NA.".into()),
        "m" | "missed" => Ok(Rating::Missed),
        "na" | "n/a" => Ok(Rating::NotApplicable),
        v => match v.parse::<u8>() {
            Ok(l @ 1..=5) => Ok(Rating::Level(l)),
            _ => Err(format!(
                "\"{}\" is not a rating: use 1–5, M for missed or NA.",
                raw.trim()
            )),
        },
    }
}

/// The template for a framework version with these behaviour keys: the
/// header, a review of a call already in Rapport and one of a new call.
pub fn template(keys: &[String]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    header.extend(CALL_COLUMNS.iter().map(|c| c.to_string()));
    header.extend(keys.iter().cloned());
    let cells = |text: &str| text.split(',').map(str::to_string).collect::<Vec<_>>();
    let ratings = |shift: usize| {
        (0..keys.len())
            .map(|i| ["4", "3", "M", "5", "NA"][(i + shift) % 5].to_string())
            .collect::<Vec<_>>()
    };
    let mut existing =
        cells("CALL-0001,coach@example.com,2026-03-15 10:00,Clear ownership,Summarise next steps");
    existing.extend(vec![String::new(); CALL_COLUMNS.len()]);
    existing.extend(ratings(0));
    let mut new = cells(",coach@example.com,2026-03-16 11:30,,,agent@example.com,Billing & Payments,2026-03-14 09:30,phone,420,4,9,yes,7,35,no,no,,,CALL-0002");
    new.extend(ratings(1));
    (header, vec![existing, new])
}

fn note(get: &dyn Fn(&str) -> String, column: &str, line: usize) -> Result<String, RowProblem> {
    let v = get(column);
    if v.chars().count() > MAX_NOTE {
        return Err(RowProblem {
            line,
            column: column.into(),
            message: format!("Keep this under {MAX_NOTE} characters."),
        });
    }
    Ok(v)
}

/// Parses the whole file against the behaviour keys of one framework
/// version. Returns every row, or every problem found.
pub fn parse<Z: TimeZone + Display>(
    text: &str,
    keys: &[String],
    now: DateTime<Utc>,
    zone: &Z,
) -> Result<Vec<HistoryRow>, Vec<RowProblem>> {
    let (headers, reader) = open(text)?;
    let known =
        |h: &str| COLUMNS.contains(&h) || CALL_COLUMNS.contains(&h) || keys.iter().any(|k| k == h);
    let mut required: Vec<&str> = vec!["coach_email", "reviewed_at"];
    required.extend(keys.iter().map(String::as_str));
    let listed = format!(
        "{}, the call's columns ({}) and one per behaviour ({})",
        COLUMNS.join(", "),
        CALL_COLUMNS.join(", "),
        keys.join(", ")
    );
    check_header(&headers, known, &listed, &required)?;
    let at = |name: &str| headers.iter().position(|h| h == name);
    let call_at: Vec<Option<usize>> = CALL_COLUMNS.iter().map(|c| at(c)).collect();
    let key_at: Vec<Option<usize>> = keys.iter().map(|k| at(k)).collect();
    let mut rows = vec![];
    let problems = each_record(reader, headers.len(), "reviews", |line, record| {
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("");
        let get = |name: &str| cell(at(name)).to_string();
        let mut problems = vec![];
        let mut problem = |column: &str, message: String| {
            problems.push(RowProblem {
                line,
                column: column.into(),
                message,
            })
        };
        let reference = get("call_reference");
        let call_cell = |col: usize| cell(call_at[col]);
        let new_call = (0..CALL_COLUMNS.len()).any(|c| !call_cell(c).is_empty());
        let call = match (reference.is_empty(), new_call) {
            (false, false) => Some(CallOf::Existing(reference)),
            (false, true) => {
                problem("call_reference", "Give either call_reference (a call already in Rapport) or the new call's columns, not both.".into());
                None
            }
            (true, false) => {
                problem("call_reference", "Enter the reference of a call already in Rapport, or the new call's agent_email, team, occurred_at, channel and duration_seconds.".into());
                None
            }
            (true, true) => match read_call(line, &call_cell, now, zone) {
                Ok(row) => Some(CallOf::New(Box::new(row))),
                Err(p) => {
                    problems.extend(p);
                    None
                }
            },
        };
        let mut problem = |column: &str, message: String| {
            problems.push(RowProblem {
                line,
                column: column.into(),
                message,
            })
        };
        let coach_email = normalise_email(&get("coach_email"))
            .map_err(|m| problem("coach_email", m))
            .ok();
        let reviewed_at = match parse_moment(&get("reviewed_at"), zone) {
            Ok(t) if t > now + Duration::hours(1) => {
                problem(
                    "reviewed_at",
                    "This is in the future: history is reviews already made.".into(),
                );
                None
            }
            Ok(t) => Some(t),
            Err(_) if get("reviewed_at").trim().is_empty() => {
                problem("reviewed_at", "Enter when the call was reviewed.".into());
                None
            }
            Err(m) => {
                problem("reviewed_at", m);
                None
            }
        };
        let mut ratings = Vec::with_capacity(keys.len());
        for (k, i) in keys.iter().zip(&key_at) {
            match parse_rating(cell(*i)) {
                Ok(r) => ratings.push(r),
                Err(m) => problem(k, m),
            }
        }
        let strengths = note(&get, "strengths", line).map_err(|p| problems.push(p));
        let development = note(&get, "development", line).map_err(|p| problems.push(p));
        match (call, coach_email, reviewed_at, strengths, development) {
            (Some(call), Some(coach_email), Some(reviewed_at), Ok(strengths), Ok(development))
                if problems.is_empty() =>
            {
                rows.push(HistoryRow {
                    line,
                    call,
                    coach_email,
                    reviewed_at,
                    ratings,
                    strengths,
                    development,
                });
                Ok(())
            }
            _ => Err(problems),
        }
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    if rows.is_empty() {
        return Err(whole("The file has a header but no reviews.".into()));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests;
