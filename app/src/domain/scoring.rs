//! Review scores (PRODUCT.md §2): a weighted mean of the levels given, with
//! N/A left out and its weight re-spread, Missed counted as zero, and a
//! critical behaviour rated Missed or 1 failing the whole review.

use serde::{Deserialize, Serialize};

/// The five level names of the default behaviourally anchored scale.
pub const LEVEL_NAMES: [&str; 5] = [
    "Not yet",
    "Developing",
    "Competent",
    "Skilled",
    "Role model",
];

/// A coach's rating of one behaviour on one call. It travels and is stored
/// as its code (see [`Rating::code`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "i16", try_from = "i16")]
pub enum Rating {
    /// A level 1–5 of the behaviour's anchored scale.
    Level(u8),
    /// There was an opportunity and the behaviour was absent: scores 0.
    Missed,
    /// No opportunity on this call: left out of the score.
    NotApplicable,
}

impl Rating {
    /// The stored form: 1–5 a level, 0 Missed, -1 N/A.
    pub fn code(self) -> i16 {
        match self {
            Rating::Level(l) => l as i16,
            Rating::Missed => 0,
            Rating::NotApplicable => -1,
        }
    }

    pub fn from_code(code: i16) -> Option<Rating> {
        match code {
            1..=5 => Some(Rating::Level(code as u8)),
            0 => Some(Rating::Missed),
            -1 => Some(Rating::NotApplicable),
            _ => None,
        }
    }

    pub fn label(self) -> String {
        match self {
            Rating::Level(l) => format!("{l} · {}", LEVEL_NAMES[(l as usize).clamp(1, 5) - 1]),
            Rating::Missed => "Missed".into(),
            Rating::NotApplicable => "N/A".into(),
        }
    }

    pub fn short(self) -> String {
        match self {
            Rating::Level(l) => l.to_string(),
            Rating::Missed => "M".into(),
            Rating::NotApplicable => "N/A".into(),
        }
    }

    /// Whether this rating on a critical behaviour fails the review.
    pub fn fails_critical(self) -> bool {
        matches!(self, Rating::Missed | Rating::Level(1))
    }
}

impl From<Rating> for i16 {
    fn from(r: Rating) -> i16 {
        r.code()
    }
}

impl TryFrom<i16> for Rating {
    type Error = String;

    fn try_from(code: i16) -> Result<Self, Self::Error> {
        Rating::from_code(code)
            .ok_or_else(|| format!("{code} is not a rating; use 1–5, 0 for Missed or -1 for N/A"))
    }
}

/// One behaviour as the score sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoredItem {
    pub weight: u32,
    pub critical: bool,
    /// `None` while a draft has not rated it yet.
    pub rating: Option<Rating>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreOutcome {
    /// The score reported for the review: 0 on a critical fail. `None` when
    /// nothing rated counts (everything N/A or unrated).
    pub score: Option<f64>,
    /// The weighted score before the critical-fail rule, always shown.
    pub unweighted_by_critical: Option<f64>,
    pub critical_fail: bool,
    /// Indexes (into the items given) of the critical behaviours that failed.
    pub failed_critical: Vec<usize>,
    pub rated: usize,
    pub total: usize,
}

impl ScoreOutcome {
    pub fn complete(&self) -> bool {
        self.rated == self.total
    }
}

/// Rounds to one decimal place, halves away from zero, as figures are shown.
/// For review scores use [`score`], which rounds the exact value instead.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The points a rating earns out of 5, or `None` when it does not count.
fn level_points(rating: Rating) -> Option<u64> {
    match rating {
        Rating::Level(l) => Some(u64::from(l)),
        Rating::Missed => Some(0),
        Rating::NotApplicable => None,
    }
}

/// Σ wᵢ·levelᵢ / (5 Σ wᵢ) × 100 to one decimal, rounded half away from zero
/// on the exact rational: in tenths it is 200·Σ wᵢ·levelᵢ / Σ wᵢ, rounded
/// in integers, so 51.25 shows 51.3 where a float would give 51.2499….
pub fn exact_score(weighted_levels: u64, weights: u64) -> Option<f64> {
    if weights == 0 {
        return None;
    }
    let tenths = (400 * weighted_levels + weights) / (2 * weights);
    Some(tenths as f64 / 10.0)
}

/// Scores the rated items; unrated ones (a draft in progress) are left out.
pub fn score(items: &[ScoredItem]) -> ScoreOutcome {
    let mut weighted_levels = 0u64;
    let mut weights = 0u64;
    let mut failed_critical = vec![];
    let mut rated = 0;
    for (i, item) in items.iter().enumerate() {
        let Some(rating) = item.rating else { continue };
        rated += 1;
        if item.critical && rating.fails_critical() {
            failed_critical.push(i);
        }
        if let Some(points) = level_points(rating) {
            weighted_levels += u64::from(item.weight) * points;
            weights += u64::from(item.weight);
        }
    }
    let raw = exact_score(weighted_levels, weights);
    let critical_fail = !failed_critical.is_empty();
    ScoreOutcome {
        score: if critical_fail { Some(0.0) } else { raw },
        unweighted_by_critical: raw,
        critical_fail,
        failed_critical,
        rated,
        total: items.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(weight: u32, critical: bool, rating: Rating) -> ScoredItem {
        ScoredItem {
            weight,
            critical,
            rating: Some(rating),
        }
    }

    #[test]
    fn all_top_levels_score_100() {
        let items = vec![
            item(2, false, Rating::Level(5)),
            item(1, true, Rating::Level(5)),
        ];
        let s = score(&items);
        assert_eq!(s.score, Some(100.0));
        assert!(!s.critical_fail);
        assert!(s.complete());
    }

    #[test]
    fn weights_count() {
        // (3·(4/5) + 1·(2/5)) / 4 = 0.7
        let items = vec![
            item(3, false, Rating::Level(4)),
            item(1, false, Rating::Level(2)),
        ];
        assert_eq!(score(&items).score, Some(70.0));
    }

    #[test]
    fn not_applicable_is_left_out_and_its_weight_re_spread() {
        let with_na = vec![
            item(2, false, Rating::Level(3)),
            item(5, false, Rating::NotApplicable),
        ];
        assert_eq!(score(&with_na).score, Some(60.0));
        assert_eq!(score(&with_na).rated, 2);
    }

    #[test]
    fn missed_counts_as_zero_unlike_not_applicable() {
        let missed = vec![
            item(1, false, Rating::Level(5)),
            item(1, false, Rating::Missed),
        ];
        let na = vec![
            item(1, false, Rating::Level(5)),
            item(1, false, Rating::NotApplicable),
        ];
        assert_eq!(score(&missed).score, Some(50.0));
        assert_eq!(score(&na).score, Some(100.0));
    }

    #[test]
    fn a_critical_behaviour_missed_or_at_level_one_fails_the_review() {
        for bad in [Rating::Missed, Rating::Level(1)] {
            let items = vec![
                item(1, false, Rating::Level(5)),
                item(1, true, bad),
                item(1, false, Rating::Level(5)),
            ];
            let s = score(&items);
            assert!(s.critical_fail);
            assert_eq!(s.score, Some(0.0));
            assert_eq!(s.failed_critical, vec![1]);
            // The weighted score stays visible next to the fail.
            let expected = if bad == Rating::Missed { 66.7 } else { 73.3 };
            assert_eq!(s.unweighted_by_critical, Some(expected));
        }
    }

    #[test]
    fn level_one_on_a_non_critical_behaviour_is_just_low() {
        let items = vec![item(1, false, Rating::Level(1))];
        let s = score(&items);
        assert!(!s.critical_fail);
        assert_eq!(s.score, Some(20.0));
    }

    #[test]
    fn critical_not_applicable_does_not_fail() {
        let items = vec![
            item(1, true, Rating::NotApplicable),
            item(1, false, Rating::Level(4)),
        ];
        assert!(!score(&items).critical_fail);
    }

    #[test]
    fn everything_not_applicable_has_no_score() {
        let items = vec![item(1, false, Rating::NotApplicable)];
        assert_eq!(score(&items).score, None);
    }

    #[test]
    fn unrated_items_are_left_out_of_a_draft() {
        let items = vec![
            item(1, false, Rating::Level(4)),
            ScoredItem {
                weight: 9,
                critical: true,
                rating: None,
            },
        ];
        let s = score(&items);
        assert_eq!(s.score, Some(80.0));
        assert!(!s.complete());
        assert_eq!((s.rated, s.total), (1, 2));
    }

    #[test]
    fn rounds_to_one_decimal_half_away_from_zero() {
        // 1/3 of 100 → 33.3; 2/3 → 66.7
        let items = vec![
            item(1, false, Rating::Level(5)),
            item(2, false, Rating::Missed),
        ];
        assert_eq!(score(&items).score, Some(33.3));
        assert_eq!(round1(12.25), 12.3);
        assert_eq!(round1(12.24), 12.2);
    }

    #[test]
    fn rating_codes_round_trip() {
        for r in [
            Rating::Level(1),
            Rating::Level(5),
            Rating::Missed,
            Rating::NotApplicable,
        ] {
            assert_eq!(Rating::from_code(r.code()), Some(r));
        }
        assert_eq!(Rating::from_code(6), None);
        assert_eq!(Rating::from_code(-2), None);
    }

    #[test]
    fn an_exact_half_rounds_up_not_down() {
        // (7·2 + 9·3) / (5·16) × 100 = 51.25 exactly; a float gives 51.2499….
        let items = vec![
            item(7, false, Rating::Level(2)),
            item(9, false, Rating::Level(3)),
        ];
        assert_eq!(score(&items).score, Some(51.3));
        assert_eq!(exact_score(41, 16), Some(51.3));
        assert_eq!(exact_score(0, 0), None);
    }

    proptest::proptest! {
        /// The score, in tenths t, is the exact rational rounded half up:
        /// t − ½ ≤ 200·Σwl/Σw < t + ½, checked in integers.
        #[test]
        fn the_score_is_the_exact_formula_rounded(
            rated in proptest::collection::vec((1u32..=10, 0u8..=6), 1..16)
        ) {
            let items: Vec<ScoredItem> = rated
                .iter()
                .map(|(w, l)| {
                    let rating = match l {
                        0 => Rating::Missed,
                        6 => Rating::NotApplicable,
                        l => Rating::Level(*l),
                    };
                    item(*w, false, rating)
                })
                .collect();
            let (num, den) = rated
                .iter()
                .filter(|(_, l)| *l != 6)
                .fold((0i64, 0i64), |(n, d), (w, l)| (n + i64::from(*w) * i64::from(*l), d + i64::from(*w)));
            match score(&items).score {
                None => proptest::prop_assert_eq!(den, 0),
                Some(s) => {
                    let t = (s * 10.0).round() as i64;
                    proptest::prop_assert!((s * 10.0 - t as f64).abs() < 1e-9);
                    proptest::prop_assert!((2 * t - 1) * den <= 400 * num, "{s} too high for {num}/{den}");
                    proptest::prop_assert!(400 * num < (2 * t + 1) * den, "{s} too low for {num}/{den}");
                }
            }
        }
    }
}
