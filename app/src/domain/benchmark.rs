//! The self-benchmark of PRODUCT.md §4: a coach rating per behaviour (the
//! mean level over an agent's scored calls in a window, with its 95%
//! interval), and how the agent's own rating compares with it.
//!
//! The unit is the *call*: a call reviewed by several coaches gives one
//! value (the mean of its reviews), so more reviewers never make a rating
//! look surer than the calls behind it.
//!
//! Ratings are grouped by behaviour *lineage*, not by behaviour id, so calls
//! scored on an earlier framework version still count after a new version is
//! published.

use super::local_time::day_of;
use super::scoring::Rating;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, StudentsT};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Below this many scored calls a coach rating is shown but not trusted:
/// no blind spot or hidden strength is called out from it.
pub const MIN_CALLS: usize = 3;
pub const DEFAULT_WINDOW_DAYS: i64 = 90;
pub const WINDOW_CHOICES: [i64; 4] = [30, 90, 180, 365];

/// Levels are compared with this slack so a mean of exactly one level apart
/// is not lost to floating-point rounding.
const EPSILON: f64 = 1e-9;

/// One coach rating of one behaviour on one submitted review of a call.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoredRating {
    pub lineage: String,
    pub call_id: i32,
    /// When the call took place: the window is about the agent's calls.
    pub at: DateTime<Utc>,
    pub rating: Rating,
}

/// A call's one value for one behaviour: the mean level of its reviews.
#[derive(Clone, Debug, PartialEq)]
pub struct CallValue {
    pub lineage: String,
    pub call_id: i32,
    pub at: DateTime<Utc>,
    pub level: f64,
}

/// One value per call and behaviour, in call order (then call id). Reviews
/// rating the behaviour N/A are left out of the mean; a call whose every
/// review says N/A had no opportunity and gives no value.
pub fn call_values(ratings: &[ScoredRating]) -> Vec<CallValue> {
    let mut sums: HashMap<(&str, i32), (DateTime<Utc>, f64, usize)> = HashMap::new();
    for r in ratings {
        if let Some(v) = level_value(r.rating) {
            let e = sums
                .entry((r.lineage.as_str(), r.call_id))
                .or_insert((r.at, 0.0, 0));
            e.1 += v;
            e.2 += 1;
        }
    }
    let mut values: Vec<CallValue> = sums
        .into_iter()
        .map(|((lineage, call_id), (at, sum, n))| CallValue {
            lineage: lineage.to_string(),
            call_id,
            at,
            level: sum / n as f64,
        })
        .collect();
    values.sort_by(|a, b| (a.at, a.call_id, &a.lineage).cmp(&(b.at, b.call_id, &b.lineage)));
    values
}

/// The level a rating contributes to a mean: Missed counts as 0, N/A not at all.
pub fn level_value(rating: Rating) -> Option<f64> {
    match rating {
        Rating::Level(l) => Some(f64::from(l)),
        Rating::Missed => Some(0.0),
        Rating::NotApplicable => None,
    }
}

/// The mean of a set of call levels, with a 95% Student-t interval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoachRating {
    pub mean: f64,
    pub calls: usize,
    /// Clamped to the 0–5 scale for display; `None` with a single call: one
    /// value has no spread to estimate.
    pub interval: Option<(f64, f64)>,
    /// The sample standard deviation (`None` with a single call).
    pub spread: Option<f64>,
}

impl CoachRating {
    pub fn enough(&self) -> bool {
        self.calls >= MIN_CALLS
    }
}

/// The mean and interval of levels on the 0–5 scale; `None` when there are none.
pub fn coach_rating(levels: &[f64]) -> Option<CoachRating> {
    let mut m = Moments::default();
    for level in levels {
        m.push(*level);
    }
    m.rating()
}

/// The count, sum and spread of a stream of call levels, kept as they come
/// (Welford's method, stable at any count): a view of hundreds of agents
/// keeps three numbers per agent and behaviour rather than every level.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Moments {
    n: usize,
    sum: f64,
    running_mean: f64,
    /// The sum of squared deviations from the running mean.
    m2: f64,
}

impl Moments {
    pub fn push(&mut self, level: f64) {
        self.n += 1;
        self.sum += level;
        let before = level - self.running_mean;
        self.running_mean += before / self.n as f64;
        self.m2 += before * (level - self.running_mean);
    }

    /// The coach rating of the levels so far; `None` before the first.
    pub fn rating(&self) -> Option<CoachRating> {
        let n = self.n;
        if n == 0 {
            return None;
        }
        let mean = self.sum / n as f64;
        let spread = (n >= 2).then(|| (self.m2.max(0.0) / (n - 1) as f64).sqrt());
        let interval = spread.map(|s| {
            let half = half_width(n, s);
            ((mean - half).max(0.0), (mean + half).min(5.0))
        });
        Some(CoachRating {
            mean,
            calls: n,
            interval,
            spread,
        })
    }
}

/// Half the width of the 95% interval of a mean of `n` values with sample
/// standard deviation `spread`.
fn half_width(n: usize, spread: f64) -> f64 {
    t_critical_95(n - 1) * spread / (n as f64).sqrt()
}

/// How many calls in all, at the spread observed so far, would make an
/// interval narrow enough to exclude a self rating `distance` levels from
/// the mean; `None` beyond [`SETTLE_LIMIT`] calls.
pub fn calls_to_settle(spread: f64, distance: f64) -> Option<usize> {
    (MIN_CALLS..=SETTLE_LIMIT).find(|&n| half_width(n, spread) + EPSILON < distance)
}

/// Past this many calls "how many would settle it" is not worth counting.
pub const SETTLE_LIMIT: usize = 1000;

/// The two-sided 95% critical value of Student's t with `df` degrees of freedom.
/// Each value up to [`SETTLE_LIMIT`] is worked out once and kept: "how many
/// reviews would settle it" asks for dozens per agent, and each is a
/// numerical inversion.
pub fn t_critical_95(df: usize) -> f64 {
    static KEPT: [OnceLock<f64>; SETTLE_LIMIT + 1] = [const { OnceLock::new() }; SETTLE_LIMIT + 1];
    match KEPT.get(df) {
        Some(kept) => *kept.get_or_init(|| t_quantile_975(df)),
        None => t_quantile_975(df),
    }
}

fn t_quantile_975(df: usize) -> f64 {
    StudentsT::new(0.0, 1.0, df as f64)
        .map(|t| t.inverse_cdf(0.975))
        // Only reachable with df = 0, which callers never pass.
        .unwrap_or(f64::NAN)
}

/// The first day of the window of `days` days that ends today (days of
/// `zone`).
pub fn window_start_day<Z: TimeZone>(now: DateTime<Utc>, days: i64, zone: &Z) -> NaiveDate {
    day_of(now, zone) - Duration::days(days - 1)
}

/// Whether a call at `at` falls in the window of `days` calendar days that
/// ends today: whole days, so a view read from the daily quality rollup
/// counts exactly the calls a view read from the ratings does.
pub fn in_window<Z: TimeZone>(at: DateTime<Utc>, now: DateTime<Utc>, days: i64, zone: &Z) -> bool {
    let day = day_of(at, zone);
    day <= day_of(now, zone) && day >= window_start_day(now, days, zone)
}

/// The coach rating of each current behaviour (by lineage, in the order
/// given) over the calls in the window. Ratings of behaviours that are no
/// longer in the framework are left out.
pub fn profile<Z: TimeZone>(
    lineages: &[String],
    ratings: &[ScoredRating],
    now: DateTime<Utc>,
    days: i64,
    zone: &Z,
) -> Vec<Option<CoachRating>> {
    let mut by_lineage: HashMap<String, Vec<f64>> = HashMap::new();
    for v in call_values(ratings)
        .into_iter()
        .filter(|v| in_window(v.at, now, days, zone))
    {
        by_lineage.entry(v.lineage).or_default().push(v.level);
    }
    lineages
        .iter()
        .map(|l| {
            by_lineage
                .get(l.as_str())
                .and_then(|levels| coach_rating(levels))
        })
        .collect()
}

/// How an agent's own rating of a behaviour compares with their coaches'.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gap {
    /// The agent rates themself at least a level above the coaches, and
    /// above the whole 95% interval.
    BlindSpot,
    /// At least a level below the coaches, and below the whole interval.
    HiddenStrength,
    /// A gap of a level or more that still lies inside the interval: the
    /// calls so far cannot tell it from noise. `more_calls` is how many more
    /// calls at the spread seen so far would settle it (`None`: too many to
    /// count).
    NotClearYet {
        more_calls: Option<usize>,
    },
    Aligned,
    /// Fewer than [`MIN_CALLS`] scored calls: no comparison is made.
    TooFewCalls,
    NoSelfRating,
}

impl Gap {
    pub fn label(self) -> &'static str {
        match self {
            Gap::BlindSpot => "Blind spot",
            Gap::HiddenStrength => "Hidden strength",
            Gap::NotClearYet { .. } => "Not clear yet",
            Gap::Aligned => "Aligned",
            Gap::TooFewCalls => "Too few calls",
            Gap::NoSelfRating => "Not self-rated",
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Gap::BlindSpot => "gap-blind",
            Gap::HiddenStrength => "gap-hidden",
            Gap::NotClearYet { .. } => "gap-unclear",
            Gap::Aligned => "gap-aligned",
            Gap::TooFewCalls | Gap::NoSelfRating => "gap-none",
        }
    }

    pub fn is_called_out(self) -> bool {
        matches!(self, Gap::BlindSpot | Gap::HiddenStrength)
    }

    /// What would settle a gap that is not clear yet, as a clause.
    pub fn settle_note(self) -> Option<String> {
        match self {
            Gap::NotClearYet {
                more_calls: Some(n),
            } => Some(format!(
                "about {n} more scored call{} at this spread would settle it",
                if n == 1 { "" } else { "s" }
            )),
            Gap::NotClearYet { more_calls: None } => {
                Some("the coach ratings vary too much to settle it soon".into())
            }
            _ => None,
        }
    }

    /// A sentence for a gap that is not clear yet; empty otherwise.
    pub fn explanation(self) -> String {
        self.settle_note()
            .map(|note| format!("A gap of a level or more, but inside the 95% interval: {note}."))
            .unwrap_or_default()
    }
}

pub fn gap(self_level: Option<u8>, coach: Option<&CoachRating>) -> Gap {
    let Some(own) = self_level else {
        return Gap::NoSelfRating;
    };
    let Some(coach) = coach.filter(|c| c.enough()) else {
        return Gap::TooFewCalls;
    };
    let diff = f64::from(own) - coach.mean;
    if diff.abs() < 1.0 - EPSILON {
        return Gap::Aligned;
    }
    // The interval is judged unclamped: a self rating of 5 against an
    // interval reaching past 5 is inside it, not above it.
    let spread = coach.spread.unwrap_or(0.0);
    if diff.abs() > half_width(coach.calls, spread) + EPSILON {
        if diff > 0.0 {
            Gap::BlindSpot
        } else {
            Gap::HiddenStrength
        }
    } else {
        Gap::NotClearYet {
            more_calls: calls_to_settle(spread, diff.abs()).map(|n| n.saturating_sub(coach.calls)),
        }
    }
}

/// A self-assessment as submitted: one level per behaviour, with an example.
#[derive(Clone, Debug, PartialEq)]
pub struct SelfRatingInput {
    pub behaviour_id: i32,
    pub level: i16,
    pub example: String,
}

pub const MAX_EXAMPLE: usize = 1000;

/// Checks a self-assessment against the framework's behaviours (id, name):
/// every behaviour rated once at a level 1–5. The error names the behaviour.
pub fn check_self_assessment(
    behaviours: &[(i32, String)],
    given: &[SelfRatingInput],
) -> Result<(), Vec<(i32, String)>> {
    let mut problems = vec![];
    for r in given {
        if !behaviours.iter().any(|(id, _)| *id == r.behaviour_id) {
            problems.push((
                r.behaviour_id,
                "This behaviour is not in the current framework; reload the page.".into(),
            ));
        }
    }
    // Every behaviour's problem at once, in the framework's order, so the
    // agent can fix them all before sending again.
    for (id, name) in behaviours {
        let mut mine = given.iter().filter(|r| r.behaviour_id == *id);
        let Some(r) = mine.next() else {
            problems.push((*id, format!("Choose a level for \"{name}\".")));
            continue;
        };
        if mine.next().is_some() {
            problems.push((*id, format!("\"{name}\" is rated twice.")));
        } else if !(1..=5).contains(&r.level) {
            problems.push((*id, format!("The level for \"{name}\" must be 1 to 5.")));
        } else if r.example.chars().count() > MAX_EXAMPLE {
            problems.push((
                *id,
                format!("The example for \"{name}\" is longer than {MAX_EXAMPLE} characters."),
            ));
        }
    }
    super::validation::all_clear(problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 30, 12, 0, 0).unwrap()
    }

    /// A rating on a call of its own (one call per day in these tests).
    fn rated(lineage: &str, days_ago: i64, rating: Rating) -> ScoredRating {
        ScoredRating {
            lineage: lineage.into(),
            call_id: 1000 + days_ago as i32,
            at: now() - Duration::days(days_ago),
            rating,
        }
    }

    fn on_call(call_id: i32, rating: Rating) -> ScoredRating {
        ScoredRating {
            lineage: "a".into(),
            call_id,
            at: now() - Duration::days(call_id.into()),
            rating,
        }
    }

    #[test]
    fn three_reviews_of_one_call_are_one_call() {
        let lineages = vec!["a".to_string()];
        let ratings = vec![
            on_call(7, Rating::Level(2)),
            on_call(7, Rating::Level(3)),
            on_call(7, Rating::Level(4)),
        ];
        let p = profile(&lineages, &ratings, now(), 90, &Utc);
        let a = p[0].as_ref().unwrap();
        assert_eq!(a.calls, 1);
        assert_eq!(a.mean, 3.0);
        assert_eq!(a.interval, None, "one call has no spread");
        assert_eq!(gap(Some(5), Some(a)), Gap::TooFewCalls);
    }

    #[test]
    fn a_call_value_is_the_mean_of_its_reviews_without_na() {
        let ratings = vec![
            on_call(3, Rating::Level(4)),
            on_call(3, Rating::NotApplicable),
            on_call(3, Rating::Missed),
            on_call(5, Rating::NotApplicable),
            on_call(9, Rating::Level(5)),
        ];
        let values = call_values(&ratings);
        assert_eq!(
            values.len(),
            2,
            "a call rated N/A by everyone gives no value"
        );
        // Oldest call first.
        assert_eq!((values[0].call_id, values[0].level), (9, 5.0));
        assert_eq!((values[1].call_id, values[1].level), (3, 2.0));
    }

    #[test]
    fn mean_and_interval_follow_student_t() {
        let r = coach_rating(&[2.0, 3.0, 4.0]).unwrap();
        assert_eq!(r.mean, 3.0);
        assert_eq!(r.calls, 3);
        // s = 1, t(0.975, 2) = 4.3027, half-width = 4.3027 / √3 = 2.4841.
        let (lo, hi) = r.interval.unwrap();
        assert!((lo - 0.5159).abs() < 1e-3, "{lo}");
        assert!(
            (hi - 5.0).abs() < 1e-9,
            "upper bound clamps to the scale: {hi}"
        );
        let wide = coach_rating(&[3.0, 4.0, 3.0, 4.0, 3.0, 4.0, 3.0, 4.0, 3.0, 4.0]).unwrap();
        let (lo, hi) = wide.interval.unwrap();
        assert!((wide.mean - 3.5).abs() < 1e-12);
        // s = 0.527, t(0.975, 9) = 2.2622: 3.5 ± 0.377.
        assert!(
            (lo - 3.123).abs() < 1e-3 && (hi - 3.877).abs() < 1e-3,
            "{lo} {hi}"
        );
    }

    #[test]
    fn streamed_moments_match_the_two_pass_formulas() {
        let levels = [0.0, 5.0, 2.5, 3.0, 4.0, 1.0, 3.5, 3.5, 2.0, 4.5, 0.0, 5.0];
        let n = levels.len() as f64;
        let mean = levels.iter().sum::<f64>() / n;
        let var = levels.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / (n - 1.0);
        let r = coach_rating(&levels).unwrap();
        assert_eq!(r.mean, mean);
        assert!((r.spread.unwrap() - var.sqrt()).abs() < 1e-12);
        // Identical levels have no spread, however many.
        let flat = coach_rating(&[3.0; 1000]).unwrap();
        assert_eq!(flat.spread, Some(0.0));
        assert_eq!(flat.interval, Some((3.0, 3.0)));
        assert_eq!(Moments::default().rating(), None);
    }

    #[test]
    fn t_values_match_tables() {
        assert!((t_critical_95(1) - 12.706).abs() < 1e-3);
        assert!((t_critical_95(10) - 2.228).abs() < 1e-3);
        assert!((t_critical_95(1000) - 1.962).abs() < 1e-3);
    }

    #[test]
    fn no_calls_no_rating_and_one_call_no_interval() {
        assert_eq!(coach_rating(&[]), None);
        let one = coach_rating(&[4.0]).unwrap();
        assert_eq!(one.interval, None);
        assert!(!one.enough());
        assert!(coach_rating(&[4.0, 4.0, 4.0]).unwrap().enough());
        assert!(!coach_rating(&[4.0, 4.0]).unwrap().enough());
    }

    #[test]
    fn missed_counts_as_zero_and_na_is_left_out() {
        let lineages = vec!["a".to_string()];
        let ratings = vec![
            rated("a", 1, Rating::Level(4)),
            rated("a", 2, Rating::Missed),
            rated("a", 3, Rating::NotApplicable),
            rated("a", 4, Rating::Level(5)),
        ];
        let p = profile(&lineages, &ratings, now(), 90, &Utc);
        let a = p[0].as_ref().unwrap();
        assert_eq!(a.calls, 3);
        assert_eq!(a.mean, 3.0);
    }

    #[test]
    fn all_na_means_no_coach_rating() {
        let lineages = vec!["a".to_string()];
        let ratings = vec![
            rated("a", 1, Rating::NotApplicable),
            rated("a", 2, Rating::NotApplicable),
            rated("a", 3, Rating::NotApplicable),
        ];
        assert_eq!(profile(&lineages, &ratings, now(), 90, &Utc), vec![None]);
        assert_eq!(gap(Some(4), None), Gap::TooFewCalls);
    }

    #[test]
    fn the_window_keeps_only_recent_calls() {
        let lineages = vec!["a".to_string()];
        let ratings = vec![
            rated("a", 10, Rating::Level(2)),
            rated("a", 89, Rating::Level(2)),
            rated("a", 90, Rating::Level(5)),
            rated("a", 200, Rating::Level(5)),
            rated("a", -1, Rating::Level(5)),
        ];
        let p = profile(&lineages, &ratings, now(), 90, &Utc);
        assert_eq!(p[0].as_ref().unwrap().calls, 2, "day 90 and older fall out");
        assert_eq!(p[0].as_ref().unwrap().mean, 2.0);
        let year = profile(&lineages, &ratings, now(), 365, &Utc);
        assert_eq!(year[0].as_ref().unwrap().calls, 4);
    }

    #[test]
    fn the_window_is_whole_days_ending_today() {
        // now() is noon on 30 June; a 90-day window starts on 2 April.
        let at =
            |m: u32, d: u32, h: u32, min: u32| Utc.with_ymd_and_hms(2026, m, d, h, min, 0).unwrap();
        assert_eq!(
            window_start_day(now(), 90, &Utc),
            at(4, 2, 0, 0).date_naive()
        );
        assert!(
            in_window(at(4, 2, 0, 1), now(), 90, &Utc),
            "early on the first day"
        );
        assert!(
            !in_window(at(4, 1, 23, 59), now(), 90, &Utc),
            "late on the day before"
        );
        assert!(in_window(at(6, 30, 23, 0), now(), 90, &Utc), "later today");
        assert!(!in_window(at(7, 1, 0, 0), now(), 90, &Utc), "tomorrow");
        assert!(in_window(at(6, 30, 0, 0), now(), 1, &Utc));
        assert!(!in_window(at(6, 29, 23, 59), now(), 1, &Utc));
    }

    #[test]
    fn versions_are_joined_through_lineage() {
        // Version 1 and version 2 of "listening" share lineage L; a behaviour
        // dropped in version 2 (lineage X) is left out of the profile.
        let lineages = vec!["L".to_string(), "N".to_string()];
        let ratings = vec![
            rated("L", 60, Rating::Level(2)),
            rated("L", 50, Rating::Level(3)),
            rated("L", 5, Rating::Level(4)),
            rated("X", 5, Rating::Level(1)),
        ];
        let p = profile(&lineages, &ratings, now(), 90, &Utc);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].as_ref().unwrap().calls, 3);
        assert_eq!(p[0].as_ref().unwrap().mean, 3.0);
        assert_eq!(p[1], None, "new behaviour with no calls yet");
    }

    #[test]
    fn blind_spots_and_hidden_strengths_need_a_full_level() {
        let coach = |levels: &[f64]| coach_rating(levels).unwrap();
        let c3 = coach(&[3.0, 3.0, 3.0]);
        assert_eq!(gap(Some(4), Some(&c3)), Gap::BlindSpot);
        assert_eq!(gap(Some(5), Some(&c3)), Gap::BlindSpot);
        assert_eq!(gap(Some(2), Some(&c3)), Gap::HiddenStrength);
        assert_eq!(gap(Some(3), Some(&c3)), Gap::Aligned);
        let steady = coach(&[3.0, 3.0, 4.0, 3.0, 4.0, 3.0, 3.0, 4.0, 3.0, 3.0, 4.0, 3.0]); // 3.33
        assert_eq!(gap(Some(4), Some(&steady)), Gap::Aligned);
        assert_eq!(gap(Some(2), Some(&steady)), Gap::HiddenStrength);
        assert_eq!(gap(Some(5), Some(&steady)), Gap::BlindSpot);
        // A mean that is exactly one level below, through floating point,
        // with a spread small enough to exclude the self rating.
        let tenths = coach(&[2.9, 3.1, 3.0]);
        assert_eq!(gap(Some(4), Some(&tenths)), Gap::BlindSpot);
    }

    #[test]
    fn a_gap_inside_the_interval_is_not_clear_yet() {
        // Levels 2, 3, 4: mean 3, interval 0.5–5.0; a self rating of 4 is a
        // level above the mean but inside the interval.
        let c = coach_rating(&[2.0, 3.0, 4.0]).unwrap();
        let g = gap(Some(4), Some(&c));
        // s = 1: t(5)/√6 = 1.050 still covers a gap of 1, t(6)/√7 = 0.925
        // does not, so 7 calls in all: 4 more.
        assert_eq!(
            g,
            Gap::NotClearYet {
                more_calls: Some(4)
            }
        );
        assert!(g.explanation().contains("about 4 more scored calls"));
        assert!(!g.is_called_out());
        assert_eq!(
            gap(Some(2), Some(&c)),
            Gap::NotClearYet {
                more_calls: Some(4)
            },
            "the same below the mean"
        );
        // Self 5 against an interval reaching 5.48 unclamped: still inside.
        let wide = coach_rating(&[3.0, 4.0, 5.0]).unwrap();
        assert!(matches!(gap(Some(5), Some(&wide)), Gap::NotClearYet { .. }));
        // Once the calls settle it, the same gap is a blind spot.
        let settled = coach_rating(&[2.0, 3.0, 4.0, 3.0, 2.0, 3.0, 4.0, 3.0, 3.0]).unwrap();
        assert_eq!(gap(Some(4), Some(&settled)), Gap::BlindSpot);
    }

    #[test]
    fn calls_to_settle_shrinks_with_the_gap() {
        assert_eq!(calls_to_settle(1.0, 1.0), Some(7));
        assert!(calls_to_settle(1.0, 2.0).unwrap() < 7);
        assert!(calls_to_settle(2.0, 1.0).unwrap() > 7);
        assert_eq!(calls_to_settle(0.0, 1.0), Some(MIN_CALLS));
        assert_eq!(calls_to_settle(100.0, 1.0), None);
    }

    #[test]
    fn no_call_out_below_the_minimum_sample() {
        let two = coach_rating(&[1.0, 1.0]).unwrap();
        assert_eq!(gap(Some(5), Some(&two)), Gap::TooFewCalls);
        assert_eq!(gap(None, Some(&two)), Gap::NoSelfRating);
    }

    #[test]
    fn self_assessment_must_rate_every_behaviour_once() {
        let bs = vec![(1, "Greeting".to_string()), (2, "Listening".to_string())];
        let r = |id, level| SelfRatingInput {
            behaviour_id: id,
            level,
            example: String::new(),
        };
        assert!(check_self_assessment(&bs, &[r(1, 3), r(2, 5)]).is_ok());
        assert_eq!(
            check_self_assessment(&bs, &[r(1, 3)]).unwrap_err(),
            vec![(2, "Choose a level for \"Listening\".".to_string())]
        );
        // Every problem at once, in the framework's order.
        let both = check_self_assessment(&bs, &[]).unwrap_err();
        assert_eq!(both.iter().map(|p| p.0).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(
            check_self_assessment(&bs, &[r(1, 0), r(2, 5)]).unwrap_err()[0].0,
            1
        );
        assert_eq!(
            check_self_assessment(&bs, &[r(1, 3), r(2, 5), r(2, 4)]).unwrap_err()[0].0,
            2
        );
        assert_eq!(
            check_self_assessment(&bs, &[r(1, 3), r(2, 5), r(9, 4)]).unwrap_err()[0].0,
            9
        );
        let long = SelfRatingInput {
            behaviour_id: 2,
            level: 4,
            example: "x".repeat(MAX_EXAMPLE + 1),
        };
        assert!(check_self_assessment(&bs, &[r(1, 3), long]).unwrap_err()[0]
            .1
            .contains("longer"));
    }
}
