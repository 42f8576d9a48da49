//! Reading a contact-centre export of calls (CSV). Every problem names the
//! line of the file and the column; the import commits only when there are
//! none (PRODUCT.md §3: nothing half-imported, ever).

use super::calls::{check_reference, CallFields, RawCall, CALL_FIELDS};
pub use super::csv_import::RowProblem;
use super::csv_import::{check_header, each_record, joined, open, whole};
use super::validation::normalise_email;
use chrono::{DateTime, TimeZone, Utc};
use std::fmt::Display;

/// The columns of the template, in order: who took the call, then the
/// call's own fields. The first five are required.
pub const COLUMNS: [&str; 15] = joined(["agent_email", "team"], CALL_FIELDS);

const REQUIRED: &[&str] = COLUMNS.split_at(5).0;

pub use super::csv_import::{MAX_BYTES, MAX_ROWS};

/// The template offered for download: the header and two example rows.
pub fn template() -> String {
    let mut s = COLUMNS.join(",");
    s.push('\n');
    s.push_str("agent@example.com,Billing & Payments,2026-03-14 09:30,phone,420,4,9,yes,7,35,no,no,,,CALL-0001\n");
    s.push_str("agent@example.com,Billing & Payments,2026-03-14T10:05:00Z,chat,610,2,3,no,,120,no,yes,refund,2026-03-16,CALL-0002\n");
    s
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportRow {
    pub line: usize,
    pub agent_email: String,
    pub team: String,
    pub reference: Option<String>,
    pub fields: CallFields,
}

/// Parses the whole file. Returns every row, or every problem found.
/// Times without an offset are wall-clock times in `zone`.
pub fn parse<Z: TimeZone + Display>(
    text: &str,
    now: DateTime<Utc>,
    zone: &Z,
) -> Result<Vec<ImportRow>, Vec<RowProblem>> {
    let (headers, reader) = open(text)?;
    check_header(
        &headers,
        |h| COLUMNS.contains(&h),
        &COLUMNS.join(", "),
        REQUIRED,
    )?;
    let index = |name: &str| headers.iter().position(|h| h == name);
    let at: Vec<Option<usize>> = COLUMNS.iter().map(|c| index(c)).collect();
    let mut rows = vec![];
    let problems = each_record(reader, headers.len(), "calls", |line, record| {
        let get = |col: usize| at[col].and_then(|i| record.get(i)).unwrap_or("");
        rows.push(read_call(line, &get, now, zone)?);
        Ok(())
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    if rows.is_empty() {
        return Err(whole("The file has a header but no calls.".into()));
    }
    Ok(rows)
}

/// One call from a line, its columns read by their place in [`COLUMNS`].
pub fn read_call<'a, Z: TimeZone + Display>(
    line: usize,
    get: &dyn Fn(usize) -> &'a str,
    now: DateTime<Utc>,
    zone: &Z,
) -> Result<ImportRow, Vec<RowProblem>> {
    let mut row_problems = vec![];
    let email = match normalise_email(get(0)) {
        Ok(e) => e,
        Err(m) => {
            row_problems.push(RowProblem {
                line,
                column: "agent_email".into(),
                message: m,
            });
            String::new()
        }
    };
    let team = get(1).to_string();
    if team.is_empty() {
        row_problems.push(RowProblem {
            line,
            column: "team".into(),
            message: "Enter the team's name.".into(),
        });
    }
    let raw = RawCall {
        occurred_at: get(2),
        channel: get(3),
        duration_seconds: get(4),
        csat: get(5),
        likelihood_to_recommend: get(6),
        resolved: get(7),
        resolution_minutes: get(8),
        first_response_seconds: get(9),
        abandoned: get(10),
        complaint: get(11),
        rectification: get(12),
        follow_up_on: get(13),
    };
    let reference = check_reference(get(14)).unwrap_or_else(|message| {
        row_problems.push(RowProblem {
            line,
            column: "reference".into(),
            message,
        });
        None
    });
    match CallFields::check(&raw, now, zone) {
        Ok(fields) if row_problems.is_empty() => Ok(ImportRow {
            line,
            agent_email: email,
            team,
            reference,
            fields,
        }),
        Ok(_) => Err(row_problems),
        Err(field_problems) => {
            row_problems.extend(field_problems.into_iter().map(|p| RowProblem {
                line,
                column: p.field.to_string(),
                message: p.message,
            }));
            Err(row_problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap()
    }

    const HEADER: &str = "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference";

    fn file(rows: &[&str]) -> String {
        let mut s = HEADER.to_string();
        for r in rows {
            s.push('\n');
            s.push_str(r);
        }
        s
    }

    const GOOD: &str =
        "ana@example.com,Billing,2026-11-19 09:30,phone,420,4,9,yes,7,35,no,no,,,C-1";

    #[test]
    fn the_template_parses_apart_from_its_example_agent() {
        let rows = parse(&template(), now(), &Utc).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 3);
        assert!(rows[1].fields.complaint);
    }

    #[test]
    fn good_rows_parse_with_their_line_numbers() {
        let rows = parse(&file(&[GOOD, GOOD]), now(), &Utc).unwrap();
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 3]);
        assert_eq!(rows[0].agent_email, "ana@example.com");
        assert_eq!(rows[0].reference.as_deref(), Some("C-1"));
    }

    #[test]
    fn a_bad_row_names_its_line_and_column() {
        let bad = "ana@example.com,Billing,2026-11-19 09:30,phone,420,7,9,yes,7,35,no,no,,,C-2";
        let problems = parse(&file(&[GOOD, bad, GOOD]), now(), &Utc).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
        assert_eq!(problems[0].column, "csat");
        assert_eq!(
            problems[0].to_string(),
            "Line 3, column csat: 7 is out of range: CSAT must be 1–5."
        );
    }

    #[test]
    fn every_kind_of_bad_row_gets_its_own_message() {
        let cases = [
            (
                "not-an-email,Billing,2026-11-19 09:30,phone,60,,,,,,,,,,",
                "agent_email",
                "missing an @",
            ),
            (
                "ana@example.com,,2026-11-19 09:30,phone,60,,,,,,,,,,",
                "team",
                "team's name",
            ),
            (
                "ana@example.com,Billing,19/11/2026,phone,60,,,,,,,,,,",
                "occurred_at",
                "not a date and time",
            ),
            (
                "ana@example.com,Billing,2026-11-19 09:30,fax,60,,,,,,,,,,",
                "channel",
                "not a channel",
            ),
            (
                "ana@example.com,Billing,2026-11-19 09:30,phone,long,,,,,,,,,,",
                "duration_seconds",
                "whole number",
            ),
            (
                "ana@example.com,Billing,2026-11-19 09:30,phone,60,,12,,,,,,,,",
                "likelihood_to_recommend",
                "0–10",
            ),
            (
                "ana@example.com,Billing,2026-11-19 09:30,phone,60,,,perhaps,,,,,,,",
                "resolved",
                "yes or no",
            ),
            (
                "ana@example.com,Billing,2026-11-19 09:30,phone,60,,,,,,,yes,gift,,",
                "rectification",
                "not a rectification",
            ),
            (
                "ana@example.com,Billing,2026-11-19 09:30,phone,60,,,,,,,no,,2026-11-22,",
                "follow_up_on",
                "complaint",
            ),
            (
                "ana@example.com,Billing,2026-11-19 09:30,phone,60,,,,,,,,,,,extra",
                "",
                "values but the header has",
            ),
        ];
        for (row, column, words) in cases {
            let problems = parse(&file(&[row]), now(), &Utc).unwrap_err();
            let p = problems
                .iter()
                .find(|p| p.column == column)
                .unwrap_or_else(|| panic!("{row}: {problems:?}"));
            assert_eq!(p.line, 2);
            assert!(p.message.contains(words), "{row}: {}", p.message);
        }
    }

    #[test]
    fn header_problems_are_reported_on_line_one() {
        let problems = parse(
            "agent_email,team,occurred_at,channel,colour\nx",
            now(),
            &Utc,
        )
        .unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            text[0].contains("Unknown column \"colour\" (column 5)"),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("\"duration_seconds\" is missing")),
            "{text:?}"
        );
    }

    #[test]
    fn empty_files_and_header_only_files_are_refused() {
        assert!(parse("", now(), &Utc).unwrap_err()[0]
            .message
            .contains("empty"));
        assert!(parse(HEADER, now(), &Utc).unwrap_err()[0]
            .message
            .contains("no calls"));
    }

    #[test]
    fn columns_may_come_in_any_order_with_optional_ones_left_out() {
        let text = "channel,duration_seconds,occurred_at,team,agent_email\nchat,90,2026-11-19 10:00,Tech,bo@example.com\n";
        let rows = parse(text, now(), &Utc).unwrap();
        assert_eq!(rows[0].team, "Tech");
        assert_eq!(rows[0].fields.duration_seconds, 90);
    }

    #[test]
    fn quoted_values_and_a_byte_order_mark_are_understood() {
        let text = format!("\u{feff}{HEADER}\nana@example.com,\"Billing, North\",2026-11-19 09:30,phone,60,,,,,,,,,,\n");
        assert_eq!(parse(&text, now(), &Utc).unwrap()[0].team, "Billing, North");
    }
}
