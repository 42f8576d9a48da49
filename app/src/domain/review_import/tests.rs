use super::*;
use chrono::TimeZone;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap()
}

fn keys() -> Vec<String> {
    vec!["empathy".into(), "listening".into()]
}

const HEADER: &str = "call_reference,coach_email,reviewed_at,agent_email,team,occurred_at,channel,duration_seconds,csat,empathy,listening";

fn file(rows: &[&str]) -> String {
    let mut s = HEADER.to_string();
    for r in rows {
        s.push('\n');
        s.push_str(r);
    }
    s
}

#[test]
fn ratings_read_as_other_tools_write_them() {
    assert_eq!(parse_rating("4"), Ok(Rating::Level(4)));
    assert_eq!(parse_rating(" m "), Ok(Rating::Missed));
    assert_eq!(parse_rating("N/A"), Ok(Rating::NotApplicable));
    assert_eq!(parse_rating("na"), Ok(Rating::NotApplicable));
    assert!(parse_rating("6")
        .unwrap_err()
        .contains("\"6\" is not a rating"));
    assert!(parse_rating("")
        .unwrap_err()
        .starts_with("Rate this behaviour"));
}

#[test]
fn the_template_parses() {
    let keys = keys();
    let (header, lines) = template(&keys);
    assert!(lines.iter().all(|l| l.len() == header.len()));
    let mut text = header.join(",");
    for l in lines {
        text.push('\n');
        text.push_str(&l.join(","));
    }
    let rows = parse(&text, &keys, now(), &Utc).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].call, CallOf::Existing("CALL-0001".into()));
    assert_eq!(rows[0].ratings, vec![Rating::Level(4), Rating::Level(3)]);
    let CallOf::New(call) = &rows[1].call else {
        panic!("the second line adds a call");
    };
    assert_eq!(call.agent_email, "agent@example.com");
    assert_eq!(rows[1].ratings, vec![Rating::Level(3), Rating::Missed]);
}

#[test]
fn an_existing_call_or_a_new_one_is_read_from_each_line() {
    let rows = parse(
        &file(&[
            "C-1,Casey@Example.com,2026-11-19 10:00,,,,,,,5,NA",
            ",casey@example.com,2026-11-19 11:00,ana@example.com,Billing,2026-11-19 09:00,phone,300,4,M,2",
        ]),
        &keys(),
        now(),
        &Utc,
    )
    .unwrap();
    assert_eq!(rows[0].coach_email, "casey@example.com");
    assert_eq!(rows[0].line, 2);
    assert_eq!(
        rows[0].ratings,
        vec![Rating::Level(5), Rating::NotApplicable]
    );
    let CallOf::New(call) = &rows[1].call else {
        panic!("a new call");
    };
    assert_eq!(call.fields.csat, Some(4));
    assert_eq!(rows[1].ratings, vec![Rating::Missed, Rating::Level(2)]);
}

#[test]
fn every_bad_cell_is_named_by_line_and_column() {
    let problems = parse(
        &file(&[
            "C-1,casey@example.com,2026-11-19 10:00,,,,,,,5,4",
            "C-2,casey@example.com,2026-11-19 10:00,,,,,,,7,4",
            "C-3,casey@example.com,2027-11-19 10:00,,,,,,,5,",
            "C-4,casey@example.com,2026-11-19 10:00,ana@example.com,,,,,,5,4",
            ",,2026-11-19 10:00,,,,,,,5,4",
        ]),
        &keys(),
        now(),
        &Utc,
    )
    .unwrap_err();
    let at: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| (p.line, p.column.as_str()))
        .collect();
    assert_eq!(
        at,
        vec![
            (3, "empathy"),
            (4, "reviewed_at"),
            (4, "listening"),
            (5, "call_reference"),
            (6, "call_reference"),
            (6, "coach_email"),
        ]
    );
    assert_eq!(
        problems[0].to_string(),
        "Line 3, column empathy: \"7\" is not a rating: use 1–5, M for missed or NA."
    );
}

#[test]
fn the_header_needs_every_behaviour_and_no_unknown_column() {
    let problems = parse(
        "call_reference,coach_email,reviewed_at,empathy,tone\nC-1,c@example.com,2026-11-19 10:00,4,4",
        &keys(),
        now(),
        &Utc,
    )
    .unwrap_err();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0].column, "tone");
    assert!(problems[0].message.contains("listening"));
    assert_eq!(problems[1].column, "listening");
    assert_eq!(
        problems[1].message,
        "The required column \"listening\" is missing."
    );
}
