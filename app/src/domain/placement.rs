//! Placement on the five-stage practices continuum (PRODUCT.md §5).
//!
//! Each statement is answered not in place, partly, in place or not
//! applicable. A stage of a component is *attained* when its statements earn
//! at least 80% (in place 1, partly 0.5, N/A left out). A component stands at
//! the highest stage whose every stage up to and including it is attained; the
//! organisation stands at the lowest of its three components.
//!
//! A stage whose statements are all N/A has nothing to attain: it does not
//! block the stages above it, but a component is never placed *at* it.

use serde::{Deserialize, Serialize};

pub const STAGE_NAMES: [&str; 5] = [
    "Reactive",
    "Responsive",
    "Managed",
    "Proactive",
    "Customer-centred",
];

/// The share of a stage's credit needed to attain it.
pub const THRESHOLD: f64 = 0.8;

const EPSILON: f64 = 1e-9;

pub fn stage_name(stage: u8) -> &'static str {
    match stage {
        1..=5 => STAGE_NAMES[stage as usize - 1],
        _ => "Not yet placed",
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Component {
    CustomerFocus,
    Measurement,
    Environment,
}

impl Component {
    pub const ALL: [Component; 3] = [
        Component::CustomerFocus,
        Component::Measurement,
        Component::Environment,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Component::CustomerFocus => "customer_focus",
            Component::Measurement => "measurement",
            Component::Environment => "environment",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Component::CustomerFocus => "Customer focus",
            Component::Measurement => "Measurement",
            Component::Environment => "Environment",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Answer {
    NotInPlace,
    Partly,
    InPlace,
    NotApplicable,
}

crate::stored_key!(Answer, "answer");

impl Answer {
    pub const ALL: [Answer; 4] = [
        Answer::NotInPlace,
        Answer::Partly,
        Answer::InPlace,
        Answer::NotApplicable,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Answer::NotInPlace => "no",
            Answer::Partly => "partly",
            Answer::InPlace => "yes",
            Answer::NotApplicable => "na",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Answer::NotInPlace => "Not in place",
            Answer::Partly => "Partly",
            Answer::InPlace => "In place",
            Answer::NotApplicable => "Not applicable",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key() == key)
    }

    /// The credit a statement earns; `None` when it does not count.
    pub fn credit(self) -> Option<f64> {
        match self {
            Answer::NotInPlace => Some(0.0),
            Answer::Partly => Some(0.5),
            Answer::InPlace => Some(1.0),
            Answer::NotApplicable => None,
        }
    }
}

/// The share of credit a stage earns, or `None` when every answer is N/A (or
/// there are none).
pub fn attainment(answers: &[Answer]) -> Option<f64> {
    let credits: Vec<f64> = answers.iter().filter_map(|a| a.credit()).collect();
    (!credits.is_empty()).then(|| credits.iter().sum::<f64>() / credits.len() as f64)
}

/// A component's stage from the attainment of stages 1–5 (index 0 is stage
/// 1): 0 when not even stage 1 is attained.
pub fn component_stage(stages: &[Option<f64>; 5]) -> u8 {
    let mut placed = 0;
    for (i, a) in stages.iter().enumerate() {
        match a {
            None => continue,
            Some(share) if *share >= THRESHOLD - EPSILON => placed = i as u8 + 1,
            Some(_) => break,
        }
    }
    placed
}

/// The organisation's stage: the lowest of its components.
pub fn overall_stage(components: &[u8]) -> u8 {
    components.iter().copied().min().unwrap_or(0)
}

/// The combined answer of several respondents to one statement: the median
/// of their answers on the credit scale, N/A when most of them said N/A. With
/// an even number of answers the two middle credits are averaged and rounded
/// down to an answer, so a disagreement never overstates the organisation.
pub fn median_answer(answers: &[Answer]) -> Option<Answer> {
    if answers.is_empty() {
        return None;
    }
    let mut credits: Vec<f64> = answers.iter().filter_map(|a| a.credit()).collect();
    let na = answers.len() - credits.len();
    if na > credits.len() {
        return Some(Answer::NotApplicable);
    }
    credits.sort_by(f64::total_cmp);
    let n = credits.len();
    let middle = if n % 2 == 1 {
        credits[n / 2]
    } else {
        (credits[n / 2 - 1] + credits[n / 2]) / 2.0
    };
    Some(if middle >= 1.0 - EPSILON {
        Answer::InPlace
    } else if middle >= 0.5 - EPSILON {
        Answer::Partly
    } else {
        Answer::NotInPlace
    })
}

/// Whether respondents gave different answers to a statement.
pub fn disagree(answers: &[Answer]) -> bool {
    answers.windows(2).any(|w| w[0] != w[1])
}

/// Which way a practice moved between two assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Movement {
    Forward,
    Back,
}

/// How one practice's combined answer moved from one assessment to the
/// next. A practice that was or is N/A did not move: it counts in neither.
pub fn movement(before: Answer, after: Answer) -> Option<Movement> {
    let (b, a) = (before.credit()?, after.credit()?);
    if a > b {
        Some(Movement::Forward)
    } else if a < b {
        Some(Movement::Back)
    } else {
        None
    }
}

/// The practices that moved, matched by statement key so that assessments
/// on different model versions compare; in the order of `after`. Practices
/// only one assessment has are left out.
pub fn changes<'a>(
    before: &std::collections::HashMap<&'a str, Answer>,
    after: &[(&'a str, Answer)],
) -> Vec<(&'a str, Answer, Answer, Movement)> {
    after
        .iter()
        .filter_map(|(key, now)| {
            let was = *before.get(key)?;
            movement(was, *now).map(|m| (*key, was, *now, m))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::*;

    #[test]
    fn attainment_counts_partly_as_half_and_leaves_out_na() {
        assert_eq!(
            attainment(&[InPlace, Partly, NotInPlace, NotApplicable]),
            Some(0.5)
        );
        assert_eq!(attainment(&[InPlace, InPlace, NotApplicable]), Some(1.0));
        assert_eq!(attainment(&[NotApplicable, NotApplicable]), None);
        assert_eq!(attainment(&[]), None);
    }

    #[test]
    fn eighty_percent_is_the_boundary() {
        // 4 in place and 1 not: exactly 0.8 attains.
        let at = attainment(&[InPlace, InPlace, InPlace, InPlace, NotInPlace]).unwrap();
        assert_eq!(component_stage(&[Some(at), Some(0.0), None, None, None]), 1);
        // 3 in place, 1 partly, 1 not: 0.7 does not.
        let below = attainment(&[InPlace, InPlace, InPlace, Partly, NotInPlace]).unwrap();
        assert!((below - 0.7).abs() < 1e-12);
        assert_eq!(
            component_stage(&[Some(below), Some(1.0), Some(1.0), Some(1.0), Some(1.0)]),
            0
        );
        // 0.8 reached through floating-point sums of halves still attains.
        let halves = attainment(&[
            InPlace, InPlace, InPlace, Partly, Partly, InPlace, InPlace, InPlace, InPlace,
            NotInPlace,
        ])
        .unwrap();
        assert!((halves - 0.8).abs() < 1e-12);
        assert_eq!(component_stage(&[Some(halves), None, None, None, None]), 1);
    }

    #[test]
    fn a_stage_above_an_unmet_one_never_counts() {
        assert_eq!(
            component_stage(&[Some(1.0), Some(0.5), Some(1.0), Some(1.0), Some(1.0)]),
            1
        );
        assert_eq!(
            component_stage(&[Some(0.2), Some(1.0), Some(1.0), Some(1.0), Some(1.0)]),
            0
        );
        assert_eq!(
            component_stage(&[Some(1.0), Some(0.9), Some(0.85), Some(0.6), Some(1.0)]),
            3
        );
        assert_eq!(component_stage(&[Some(1.0); 5]), 5);
    }

    #[test]
    fn an_all_na_stage_neither_blocks_nor_places() {
        // Stage 2 is all N/A: stages 3 and 4 still count.
        assert_eq!(
            component_stage(&[Some(1.0), None, Some(0.9), Some(0.8), Some(0.1)]),
            4
        );
        // The top stage all N/A: the component stays at 4, not 5.
        assert_eq!(
            component_stage(&[Some(1.0), Some(1.0), Some(1.0), Some(1.0), None]),
            4
        );
        // Everything N/A: not placed.
        assert_eq!(component_stage(&[None; 5]), 0);
        // N/A below an unmet stage does not rescue it.
        assert_eq!(
            component_stage(&[Some(1.0), None, Some(0.5), Some(1.0), Some(1.0)]),
            1
        );
    }

    #[test]
    fn the_overall_stage_is_the_lowest_component() {
        assert_eq!(overall_stage(&[4, 2, 3]), 2);
        assert_eq!(overall_stage(&[5, 5, 5]), 5);
        assert_eq!(overall_stage(&[0, 3, 3]), 0);
        assert_eq!(stage_name(overall_stage(&[4, 2, 3])), "Responsive");
        assert_eq!(stage_name(0), "Not yet placed");
    }

    #[test]
    fn the_median_of_several_respondents() {
        assert_eq!(median_answer(&[InPlace, Partly, NotInPlace]), Some(Partly));
        assert_eq!(
            median_answer(&[InPlace, InPlace, NotInPlace]),
            Some(InPlace)
        );
        // Even counts average the middle two and round down.
        assert_eq!(median_answer(&[InPlace, NotInPlace]), Some(Partly));
        assert_eq!(median_answer(&[Partly, NotInPlace]), Some(NotInPlace));
        assert_eq!(median_answer(&[InPlace, Partly]), Some(Partly));
        assert_eq!(
            median_answer(&[InPlace, InPlace, Partly, NotInPlace]),
            Some(Partly)
        );
        // N/A is left out unless most respondents said it.
        assert_eq!(median_answer(&[InPlace, NotApplicable]), Some(InPlace));
        assert_eq!(
            median_answer(&[InPlace, NotApplicable, NotApplicable]),
            Some(NotApplicable)
        );
        assert_eq!(median_answer(&[Partly]), Some(Partly));
        assert_eq!(median_answer(&[]), None);
    }

    #[test]
    fn disagreement_is_any_difference() {
        assert!(!disagree(&[InPlace, InPlace]));
        assert!(disagree(&[InPlace, Partly]));
        assert!(disagree(&[NotApplicable, InPlace, InPlace]));
        assert!(!disagree(&[Partly]));
    }

    #[test]
    fn keys_round_trip() {
        for a in Answer::ALL {
            assert_eq!(Answer::parse(a.key()), Some(a));
        }
        for c in Component::ALL {
            assert_eq!(Component::parse(c.key()), Some(c));
        }
        assert_eq!(Answer::parse("maybe"), None);
    }

    #[test]
    fn movement_compares_credit_and_ignores_not_applicable() {
        use Answer::*;
        assert_eq!(movement(NotInPlace, Partly), Some(Movement::Forward));
        assert_eq!(movement(Partly, InPlace), Some(Movement::Forward));
        assert_eq!(movement(InPlace, NotInPlace), Some(Movement::Back));
        assert_eq!(movement(Partly, Partly), None);
        assert_eq!(movement(NotApplicable, InPlace), None);
        assert_eq!(movement(InPlace, NotApplicable), None);
    }

    #[test]
    fn changes_match_by_key_and_keep_the_new_order() {
        use Answer::*;
        let before = std::collections::HashMap::from([
            ("a", NotInPlace),
            ("b", InPlace),
            ("c", Partly),
            ("gone", NotInPlace),
        ]);
        let after = [
            ("c", InPlace),
            ("b", Partly),
            ("a", NotInPlace),
            ("new", InPlace),
        ];
        assert_eq!(
            changes(&before, &after),
            vec![
                ("c", Partly, InPlace, Movement::Forward),
                ("b", InPlace, Partly, Movement::Back),
            ]
        );
    }
}
