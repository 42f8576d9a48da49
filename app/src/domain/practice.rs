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

/// Checks an entry: every (field, message) wrong with it, in the form's
/// order, so the form can mark them all at once.
pub fn check_practice(
    p: &PracticeInput,
    today: NaiveDate,
) -> Result<(), Vec<(&'static str, String)>> {
    let mut problems: Vec<(&'static str, String)> = vec![];
    match p.on {
        None => problems.push(("practised_on", "Enter the date as YYYY-MM-DD.".into())),
        Some(on) if on > today => {
            problems.push(("practised_on", "The date is in the future.".into()))
        }
        Some(on) if on < today - Duration::days(366) => {
            problems.push(("practised_on", "The date is more than a year ago.".into()))
        }
        Some(_) => {}
    }
    if PracticeKind::parse(p.kind).is_none() {
        problems.push(("kind", "Choose role-play or solo practice.".into()));
    }
    if p.behaviours == 0 {
        problems.push((
            "behaviours",
            "Tick at least one behaviour you practised.".into(),
        ));
    }
    if p.scenario.trim().is_empty() {
        problems.push((
            "scenario",
            "Describe the scenario, e.g. \"customer disputes a late-payment fee\".".into(),
        ));
    } else if p.scenario.chars().count() > MAX_TEXT {
        problems.push((
            "scenario",
            format!("This is longer than {MAX_TEXT} characters."),
        ));
    }
    match p.rater {
        "self" => {}
        "peer" if p.peer_name.trim().is_empty() => {
            problems.push(("peer_name", "Name the peer who rated you.".into()))
        }
        "peer" => {}
        _ => problems.push(("rater", "Say whether you or a peer gave the rating.".into())),
    }
    if !(1..=5).contains(&p.rating) {
        problems.push(("rating", "Choose a rating from 1 to 5.".into()));
    }
    if p.reflection.chars().count() > MAX_TEXT {
        problems.push((
            "reflection",
            format!("This is longer than {MAX_TEXT} characters."),
        ));
    }
    super::validation::all_clear(problems)
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
        let field = |p: PracticeInput| check_practice(&p, today).unwrap_err()[0].0;
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

    #[test]
    fn an_empty_entry_names_every_missing_field_in_the_forms_order() {
        let today = NaiveDate::from_ymd_opt(2026, 5, 2).unwrap();
        let empty = PracticeInput {
            on: None,
            kind: "",
            behaviours: 0,
            scenario: "",
            rater: "peer",
            peer_name: "",
            rating: 0,
            reflection: "",
        };
        let fields: Vec<&str> = check_practice(&empty, today)
            .unwrap_err()
            .into_iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(
            fields,
            vec![
                "practised_on",
                "kind",
                "behaviours",
                "scenario",
                "peer_name",
                "rating"
            ]
        );
    }
}
