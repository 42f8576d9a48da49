//! The practice log (PRODUCT.md §4): role-plays and practice sessions, so new
//! behaviours are tried in a safe setting before live calls.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PracticeKind {
    RolePlay,
    SelfPractice,
}

crate::stored_key!(PracticeKind, "practice kind");

impl PracticeKind {
    pub const ALL: [PracticeKind; 2] = [PracticeKind::RolePlay, PracticeKind::SelfPractice];

    pub fn key(self) -> &'static str {
        match self {
            PracticeKind::RolePlay => "role-play",
            PracticeKind::SelfPractice => "practice",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PracticeKind::RolePlay => "Role-play",
            PracticeKind::SelfPractice => "Solo practice",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

pub const MAX_TEXT: usize = 2000;

/// A practice entry as typed in.
#[derive(Clone, Debug, PartialEq)]
pub struct PracticeInput<'a> {
    pub on: Option<NaiveDate>,
    pub kind: &'a str,
    pub behaviours: usize,
    pub scenario: &'a str,
    pub rater: &'a str,
    pub peer_name: &'a str,
    pub rating: i16,
    pub reflection: &'a str,
}

/// Checks an entry; the error is (field, message).
pub fn check_practice(p: &PracticeInput, today: NaiveDate) -> Result<(), (&'static str, String)> {
    let Some(on) = p.on else {
        return Err(("practised_on", "Enter the date as YYYY-MM-DD.".into()));
    };
    if on > today {
        return Err(("practised_on", "The date is in the future.".into()));
    }
    if on < today - Duration::days(366) {
        return Err(("practised_on", "The date is more than a year ago.".into()));
    }
    if PracticeKind::parse(p.kind).is_none() {
        return Err(("kind", "Choose role-play or solo practice.".into()));
    }
    if p.behaviours == 0 {
        return Err((
            "behaviours",
            "Tick at least one behaviour you practised.".into(),
        ));
    }
    if p.scenario.trim().is_empty() {
        return Err((
            "scenario",
            "Describe the scenario, e.g. \"customer disputes a late-payment fee\".".into(),
        ));
    }
    match p.rater {
        "self" => {}
        "peer" if p.peer_name.trim().is_empty() => {
            return Err(("peer_name", "Name the peer who rated you.".into()))
        }
        "peer" => {}
        _ => return Err(("rater", "Say whether you or a peer gave the rating.".into())),
    }
    if !(1..=5).contains(&p.rating) {
        return Err(("rating", "Choose a rating from 1 to 5.".into()));
    }
    for (field, text) in [("scenario", p.scenario), ("reflection", p.reflection)] {
        if text.chars().count() > MAX_TEXT {
            return Err((field, format!("This is longer than {MAX_TEXT} characters.")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry<'a>() -> PracticeInput<'a> {
        PracticeInput {
            on: NaiveDate::from_ymd_opt(2026, 5, 1),
            kind: "role-play",
            behaviours: 1,
            scenario: "Angry customer",
            rater: "peer",
            peer_name: "Ben",
            rating: 3,
            reflection: "",
        }
    }

    #[test]
    fn practice_entries_are_checked_field_by_field() {
        let today = NaiveDate::from_ymd_opt(2026, 5, 2).unwrap();
        assert!(check_practice(&entry(), today).is_ok());
        let field = |p: PracticeInput| check_practice(&p, today).unwrap_err().0;
        assert_eq!(
            field(PracticeInput {
                on: None,
                ..entry()
            }),
            "practised_on"
        );
        assert_eq!(
            field(PracticeInput {
                on: NaiveDate::from_ymd_opt(2026, 5, 3),
                ..entry()
            }),
            "practised_on"
        );
        assert_eq!(
            field(PracticeInput {
                kind: "x",
                ..entry()
            }),
            "kind"
        );
        assert_eq!(
            field(PracticeInput {
                behaviours: 0,
                ..entry()
            }),
            "behaviours"
        );
        assert_eq!(
            field(PracticeInput {
                scenario: " ",
                ..entry()
            }),
            "scenario"
        );
        assert_eq!(
            field(PracticeInput {
                peer_name: "",
                ..entry()
            }),
            "peer_name"
        );
        assert_eq!(
            field(PracticeInput {
                rater: "boss",
                ..entry()
            }),
            "rater"
        );
        assert_eq!(
            field(PracticeInput {
                rating: 0,
                ..entry()
            }),
            "rating"
        );
        assert!(check_practice(
            &PracticeInput {
                rater: "self",
                peer_name: "",
                ..entry()
            },
            today
        )
        .is_ok());
    }
}
