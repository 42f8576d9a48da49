use super::*;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn every_move_from_every_status_is_allowed_or_refused_as_the_procedure_says() {
    use ComplaintStatus::*;
    use Move::*;
    let allowed = [
        (Received, Record, Recorded),
        (Recorded, OfferRectification, RectificationOffered),
        (
            RectificationOffered,
            OfferRectification,
            RectificationOffered,
        ),
        (RectificationOffered, ArrangeFollowUp, FollowUpDue),
        (FollowUpDue, Close, Closed),
        (Closed, Reopen, Recorded),
    ];
    for &from in ComplaintStatus::ALL {
        for &m in Move::ALL {
            let expected = allowed
                .iter()
                .find(|(f, mv, _)| *f == from && *mv == m)
                .map(|(_, _, to)| *to);
            match (from.after(m), expected) {
                (Ok(to), Some(want)) => assert_eq!(to, want, "{from:?} {m:?}"),
                (Err(_), None) => {}
                (got, want) => panic!("{from:?} {m:?}: got {got:?}, expected {want:?}"),
            }
        }
    }
}

#[test]
fn a_refused_move_says_where_the_complaint_is_and_what_comes_next() {
    assert_eq!(
        ComplaintStatus::Received.after(Move::Close).unwrap_err(),
        "This complaint is received: it cannot be closed now. Next it can be recorded."
    );
    assert_eq!(
        ComplaintStatus::RectificationOffered
            .after(Move::Reopen)
            .unwrap_err(),
        "This complaint is rectification offered: it cannot be reopened now. Next it can be given a follow-up or offered a rectification."
    );
}

#[test]
fn amounts_are_read_exactly_in_hundredths() {
    assert_eq!(parse_amount("25"), Ok(2500));
    assert_eq!(parse_amount(" 25.5 "), Ok(2550));
    assert_eq!(parse_amount("1,250.07"), Ok(125007));
    assert_eq!(amount_text(125007), "1250.07");
    for bad in ["", "abc", "12.345", "-3", "1.", "0", "0.00", "1e3"] {
        assert!(parse_amount(bad).is_err(), "{bad}");
    }
    assert_eq!(
        parse_amount("12.345").unwrap_err(),
        "\"12.345\" is not an amount: write it as a number such as 25 or 25.50."
    );
}

#[test]
fn links_must_be_web_addresses() {
    assert_eq!(check_link(""), Ok(None));
    assert_eq!(
        check_link(" https://x.example/post/1 "),
        Ok(Some("https://x.example/post/1".into()))
    );
    assert!(check_link("javascript:alert(1)").is_err());
    assert!(check_link("https://a b").is_err());
}

#[test]
fn texts_are_required_and_bounded() {
    assert_eq!(
        required_text("  ", "what the customer said"),
        Err("Write what the customer said.".into())
    );
    assert!(optional_text(&"x".repeat(MAX_TEXT + 1), "the note").is_err());
    assert_eq!(optional_text(" ", "the note"), Ok(None));
}

#[test]
fn the_next_date_is_the_follow_up_once_arranged() {
    let due = d("2026-11-10");
    let fu = Some(d("2026-11-20"));
    assert_eq!(next_due(ComplaintStatus::Recorded, due, fu), Some(due));
    assert_eq!(next_due(ComplaintStatus::FollowUpDue, due, fu), fu);
    assert_eq!(next_due(ComplaintStatus::Closed, due, fu), None);
}

fn fact(status: ComplaintStatus) -> ComplaintFacts {
    ComplaintFacts {
        opened_on: d("2026-11-01"),
        status,
        rectification: None,
        follow_up_on: None,
        followed_up_on: None,
        closed_on: None,
        reopened: 0,
        next_due: None,
    }
}

#[test]
fn figures_count_rectifications_follow_ups_closing_and_reopening() {
    let today = d("2026-11-20");
    let facts = vec![
        // Closed on time after 6 days with a refund.
        ComplaintFacts {
            rectification: Some(Rectification::Refund),
            follow_up_on: Some(d("2026-11-05")),
            followed_up_on: Some(d("2026-11-05")),
            closed_on: Some(d("2026-11-07")),
            ..fact(ComplaintStatus::Closed)
        },
        // Closed late after 10 days with a repair, once reopened.
        ComplaintFacts {
            rectification: Some(Rectification::Repair),
            follow_up_on: Some(d("2026-11-06")),
            followed_up_on: Some(d("2026-11-08")),
            closed_on: Some(d("2026-11-11")),
            reopened: 1,
            ..fact(ComplaintStatus::Closed)
        },
        // Follow-up date passed, not done: due and late, overdue.
        ComplaintFacts {
            rectification: Some(Rectification::Refund),
            follow_up_on: Some(d("2026-11-15")),
            next_due: Some(d("2026-11-15")),
            ..fact(ComplaintStatus::FollowUpDue)
        },
        // Follow-up still ahead: not counted as due.
        ComplaintFacts {
            rectification: Some(Rectification::Other),
            follow_up_on: Some(d("2026-11-25")),
            next_due: Some(d("2026-11-25")),
            ..fact(ComplaintStatus::FollowUpDue)
        },
        // Just received, due tomorrow.
        ComplaintFacts {
            next_due: Some(d("2026-11-21")),
            ..fact(ComplaintStatus::Received)
        },
    ];
    let f = ComplaintFigures::of(&facts, today);
    assert_eq!(f.count, 5);
    assert_eq!(f.rectified, 4);
    assert_eq!(f.rectified_share(), Some(0.8));
    assert_eq!(f.kind_share(Rectification::Refund), Some(0.5));
    assert_eq!(f.kind_share(Rectification::Replacement), Some(0.0));
    assert_eq!((f.follow_ups_on_time, f.follow_ups_due), (1, 3));
    assert_eq!(f.closed, 2);
    assert_eq!(f.mean_days_to_close, Some(8.0));
    assert_eq!((f.reopened, f.ever_closed), (1, 2));
    assert_eq!(f.reopen_rate(), Some(0.5));
    assert_eq!(f.open_overdue, 1);
}

#[test]
fn figures_of_nothing_are_empty_not_zero_shares() {
    let f = ComplaintFigures::of(&[], d("2026-11-20"));
    assert_eq!(f.count, 0);
    assert_eq!(f.rectified_share(), None);
    assert_eq!(f.on_time_share(), None);
    assert_eq!(f.reopen_rate(), None);
    assert_eq!(f.mean_days_to_close, None);
}

#[test]
fn a_reopened_complaint_still_open_counts_for_the_reopen_rate() {
    let facts = [ComplaintFacts {
        reopened: 1,
        ..fact(ComplaintStatus::Recorded)
    }];
    let f = ComplaintFigures::of(&facts, d("2026-11-20"));
    assert_eq!((f.reopened, f.ever_closed, f.closed), (1, 1, 0));
}
