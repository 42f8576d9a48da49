//! Which behaviours go with satisfied customers, and whether coaching moved
//! a behaviour (PRODUCT.md §6): the seeds' research method as figures.
//!
//! - **Groups.** Per behaviour, a call's value is the mean level of its
//!   reviews (Missed 0, N/A left out). Shown well is a value of 4 or more;
//!   weak is 2 or less, Missed included; in between, and N/A, are left out.
//! - **Outcome.** By CSAT, satisfied is 4–5 of 1–5. By NPS, promoters (9–10)
//!   against detractors (0–6); passives are neither and are left out, so
//!   every figure of a row is over the same calls.
//! - **Figures.** The satisfied share in each group, their difference with
//!   a 95% Newcombe (hybrid Wilson score) interval, Hedges' g on the answer
//!   (CSAT 1–5 or likelihood 0–10) with its 95% interval, and the
//!   two-proportion z-test, whose p-values are adjusted across behaviours
//!   by Benjamini–Hochberg. Below [`MIN_GROUP`] calls in either group a
//!   behaviour is "too few calls" and is left out of the adjustment.
//! - **Coaching.** A behaviour's call values before against after a date,
//!   in windows of equal length, with a 95% Welch interval of the
//!   difference; below [`MIN_SIDE`] calls on either side, "too few calls".

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod stats;

/// Calls each group needs before a behaviour is tested.
pub const MIN_GROUP: usize = 20;
/// Calls each side of a coaching date needs before a difference is shown.
pub const MIN_SIDE: usize = 3;
/// The false discovery rate the behaviours are tested at.
pub const FDR: f64 = 0.05;
/// The longest window either side of a coaching date.
pub const MAX_WINDOW_DAYS: i64 = 90;

crate::keyed_enum! {
    /// What satisfaction is read from.
    pub enum Outcome {
        Csat = "csat",
        Nps = "nps",
    }
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Csat => "CSAT",
            Outcome::Nps => "NPS",
        }
    }

    /// What the good outcome is called, for "share …".
    pub fn good(self) -> &'static str {
        match self {
            Outcome::Csat => "satisfied",
            Outcome::Nps => "promoters",
        }
    }

    /// What the answer behind Hedges' g is called.
    pub fn answer(self) -> &'static str {
        match self {
            Outcome::Csat => "CSAT",
            Outcome::Nps => "likelihood to recommend",
        }
    }

    /// A call's outcome: whether it is the good one, and the answer itself;
    /// `None` when the call has no such answer or is left out (a passive).
    pub fn of(self, csat: Option<i16>, likelihood: Option<i16>) -> Option<(bool, f64)> {
        match self {
            Outcome::Csat => csat
                .filter(|c| (1..=5).contains(c))
                .map(|c| (c >= 4, f64::from(c))),
            Outcome::Nps => match likelihood? {
                l @ 9..=10 => Some((true, f64::from(l))),
                l @ 0..=6 => Some((false, f64::from(l))),
                _ => None,
            },
        }
    }
}

/// Which group a call's value of a behaviour puts it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Well,
    Weak,
}

/// Shown well at 4 or more, weak at 2 or less (Missed is 0); level 3 and
/// values between are in neither group.
pub fn side_of(call_value: f64) -> Option<Side> {
    const EPSILON: f64 = 1e-9;
    if call_value >= 4.0 - EPSILON {
        Some(Side::Well)
    } else if call_value <= 2.0 + EPSILON {
        Some(Side::Weak)
    } else {
        None
    }
}

/// A figure with its 95% interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

impl Interval {
    /// Whether the interval leaves out zero.
    pub fn excludes_zero(&self) -> bool {
        self.low > 0.0 || self.high < 0.0
    }
}

/// One group of calls of a behaviour: how many, and how many of them had
/// the good outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupCount {
    pub calls: usize,
    pub good: usize,
}

impl GroupCount {
    pub fn share(&self) -> Option<f64> {
        (self.calls > 0).then(|| self.good as f64 / self.calls as f64)
    }
}

/// What the test says about a behaviour with enough calls.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tested {
    /// Share good when shown well minus share good when weak.
    pub difference: Interval,
    /// Hedges' g on the answer, well against weak; `None` when neither
    /// group's answers vary.
    pub hedges_g: Option<Interval>,
    pub p: f64,
    /// Benjamini–Hochberg adjusted across the tested behaviours.
    pub adjusted_p: f64,
    /// Whether it passes at the false discovery rate [`FDR`].
    pub passes: bool,
}

/// One behaviour's row: both groups, and the test when there are enough
/// calls in each.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Effect {
    pub well: GroupCount,
    pub weak: GroupCount,
    pub tested: Option<Tested>,
}

/// The windows either side of a coaching date `on`, seen on `today`: the
/// days from `on` to today (at most [`MAX_WINDOW_DAYS`], at least one)
/// after, as many before. Returns (first day before, first day after, last
/// day after), the before window ending the day before `on`.
pub fn coaching_windows(on: NaiveDate, today: NaiveDate) -> (NaiveDate, NaiveDate, NaiveDate) {
    let days = ((today - on).num_days() + 1).clamp(1, MAX_WINDOW_DAYS);
    (on - Duration::days(days), on, on + Duration::days(days - 1))
}

/// The coaching comparison of one behaviour.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// Fewer than [`MIN_SIDE`] calls before or after.
    TooFew,
    /// After minus before; the interval is `None` when neither side varies.
    Measured {
        difference: f64,
        interval: Option<Interval>,
    },
}

#[cfg(test)]
mod tests;
