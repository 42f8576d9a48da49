//! Reference values were computed once with statsmodels 0.15
//! (`confint_proportions_2indep(method='newcomb')`, `proportions_ztest`,
//! `multipletests(method='fdr_bh')`), pingouin 0.7 (`compute_effsize`
//! with `eftype='hedges'`, `compute_esci`) and SciPy 1.17
//! (`ttest_ind(equal_var=False).confidence_interval()`).

use super::stats::*;
use super::*;

const TOLERANCE: f64 = 1e-9;

fn close(got: f64, want: f64) {
    assert!((got - want).abs() < TOLERANCE, "{got} is not {want}");
}

fn interval(got: Interval, value: f64, low: f64, high: f64) {
    close(got.value, value);
    close(got.low, low);
    close(got.high, high);
}

#[test]
fn newcombe_intervals_match_statsmodels() {
    let cases = [
        (
            (45, 60, 20, 50),
            (0.35, 0.1654529325365594, 0.5044747687215501),
        ),
        (
            (30, 30, 10, 40),
            (0.75, 0.5603399441225254, 0.8581288136090369),
        ),
        (
            (0, 25, 3, 30),
            (-0.1, -0.25621082579184085, 0.048382445936409696),
        ),
        ((21, 21, 0, 20), (1.0, 0.7766739094248385, 1.0)),
    ];
    for ((k1, n1, k2, n2), (d, low, high)) in cases {
        interval(newcombe(k1, n1, k2, n2).unwrap(), d, low, high);
    }
    assert_eq!(newcombe(0, 0, 3, 30), None);
    assert_eq!(newcombe(3, 30, 0, 0), None);
}

#[test]
fn z_test_p_values_match_statsmodels() {
    let cases = [
        ((45, 60, 20, 50), 0.00020112833849620463),
        ((30, 30, 10, 40), 3.497462210291914e-10),
        ((0, 25, 3, 30), 0.1039264508717432),
        ((21, 21, 0, 20), 1.5222921962563045e-10),
    ];
    for ((k1, n1, k2, n2), p) in cases {
        close(two_proportion_p(k1, n1, k2, n2).unwrap(), p);
    }
}

#[test]
fn a_z_test_with_no_variation_cannot_tell_the_groups_apart() {
    assert_eq!(two_proportion_p(25, 25, 30, 30), Some(1.0));
    assert_eq!(two_proportion_p(0, 25, 0, 30), Some(1.0));
    assert_eq!(two_proportion_p(0, 0, 0, 30), None);
}

#[test]
fn benjamini_hochberg_matches_statsmodels() {
    let p = [0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.04];
    let want = [0.035, 0.056, 0.056, 0.035, 0.23333333333333336, 0.5, 0.056];
    for (got, want) in benjamini_hochberg(&p).into_iter().zip(want) {
        close(got, want);
    }
    assert!(benjamini_hochberg(&[]).is_empty());
    close(benjamini_hochberg(&[0.3])[0], 0.3);
}

#[test]
fn hedges_g_matches_pingouin() {
    let x = [5., 4., 4., 5., 3., 5., 4., 2., 5., 4., 4., 5.];
    let y = [3., 2., 4., 1., 3., 2., 5., 3., 2., 1.];
    interval(
        hedges_g(&x, &y).unwrap(),
        1.3739474760461983,
        0.381773427455857,
        2.36612152463654,
    );
}

#[test]
fn hedges_g_needs_two_values_a_side_and_some_spread() {
    assert_eq!(hedges_g(&[4.0], &[1.0, 2.0]), None);
    assert_eq!(hedges_g(&[4.0, 4.0], &[2.0, 2.0]), None);
}

#[test]
fn welch_interval_matches_scipy() {
    let before = [2., 3., 2.5, 3., 1., 2., 3., 2.];
    let after = [3., 4., 3.5, 4., 4., 2., 5., 3.5, 4.];
    interval(
        welch(&before, &after).unwrap(),
        1.3541666666666665,
        0.5613207536801129,
        2.1470125796532202,
    );
    assert_eq!(welch(&[2.0, 2.0, 2.0], &[3.0, 3.0, 3.0]), None);
    assert_eq!(welch(&[2.0], &[3.0, 4.0]), None);
}

#[test]
fn a_change_needs_three_calls_on_each_side() {
    assert_eq!(change(&[1.0, 2.0], &[3.0, 4.0, 5.0]), Change::TooFew);
    assert_eq!(change(&[1.0, 2.0, 3.0], &[]), Change::TooFew);
    // No spread either side: the difference, without an interval.
    assert_eq!(
        change(&[2.0, 2.0, 2.0], &[3.0, 3.0, 3.0]),
        Change::Measured {
            difference: 1.0,
            interval: None
        }
    );
    let Change::Measured {
        difference,
        interval: Some(i),
    } = change(
        &[2., 3., 2.5, 3., 1., 2., 3., 2.],
        &[3., 4., 3.5, 4., 4., 2., 5., 3.5, 4.],
    )
    else {
        panic!("expected a measured change");
    };
    close(difference, 1.3541666666666665);
    close(i.low, 0.5613207536801129);
}

fn seq(pattern: &[i16], n: usize) -> Vec<(bool, f64)> {
    (0..n)
        .map(|i| pattern[i % pattern.len()])
        .map(|c| Outcome::Csat.of(Some(c), None).unwrap())
        .collect()
}

#[test]
fn effects_test_behaviours_with_enough_calls_and_adjust_them_together() {
    let a = Groups {
        well: seq(&[5, 4, 5, 3, 4, 5, 2, 4], 30),
        weak: seq(&[2, 3, 4, 1, 2, 5, 3], 25),
    };
    let b = Groups {
        well: seq(&[4, 3, 5, 2, 4], 40),
        weak: seq(&[3, 4, 2, 5, 4], 22),
    };
    // One empty group, and one group of 19: too few calls, not tested.
    let empty = Groups {
        well: seq(&[5], 25),
        weak: vec![],
    };
    let short = Groups {
        well: seq(&[5, 1], 19),
        weak: seq(&[1], 50),
    };
    let rows = effects(&[a, empty, b, short]);
    assert_eq!(
        rows[0].well,
        GroupCount {
            calls: 30,
            good: 23
        }
    );
    assert_eq!(rows[0].weak, GroupCount { calls: 25, good: 7 });
    let ta = rows[0].tested.unwrap();
    interval(
        ta.difference,
        0.4866666666666667,
        0.22345054951506388,
        0.6659223725824943,
    );
    interval(
        ta.hedges_g.unwrap(),
        1.120078119852294,
        0.536207698026404,
        1.703948541678184,
    );
    close(ta.p, 0.0003071230988149725);
    close(ta.adjusted_p, 0.000614246197629945);
    assert!(ta.passes);
    let tb = rows[2].tested.unwrap();
    interval(
        tb.difference,
        0.009090909090909038,
        -0.22520049070911732,
        0.25419061058638714,
    );
    interval(
        tb.hedges_g.unwrap(),
        0.008766151257526486,
        -0.522180738128188,
        0.539713040643241,
    );
    close(tb.adjusted_p, 0.9443377236194399);
    assert!(!tb.passes);
    assert_eq!(rows[1].tested, None);
    assert_eq!(rows[1].weak.calls, 0);
    assert_eq!(rows[1].weak.share(), None);
    assert_eq!(rows[3].tested, None);
    assert_eq!(rows[3].well.calls, 19);
}

#[test]
fn groups_and_outcomes_follow_the_definitions() {
    assert_eq!(side_of(5.0), Some(Side::Well));
    assert_eq!(side_of(4.0), Some(Side::Well));
    assert_eq!(side_of(3.5), None);
    assert_eq!(side_of(3.0), None);
    assert_eq!(side_of(2.0), Some(Side::Weak));
    assert_eq!(side_of(0.0), Some(Side::Weak));
    assert_eq!(Outcome::Csat.of(Some(4), None), Some((true, 4.0)));
    assert_eq!(Outcome::Csat.of(Some(3), Some(10)), Some((false, 3.0)));
    assert_eq!(Outcome::Csat.of(None, Some(10)), None);
    assert_eq!(Outcome::Nps.of(None, Some(9)), Some((true, 9.0)));
    assert_eq!(Outcome::Nps.of(None, Some(6)), Some((false, 6.0)));
    assert_eq!(Outcome::Nps.of(Some(5), Some(8)), None);
    assert_eq!(Outcome::Nps.of(Some(5), None), None);
}

#[test]
fn coaching_windows_are_equal_and_capped() {
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    // Set ten days ago (today included): ten days each side.
    assert_eq!(
        coaching_windows(d("2026-03-01"), d("2026-03-10")),
        (d("2026-02-19"), d("2026-03-01"), d("2026-03-10"))
    );
    // Long ago: 90 days each side.
    let (before, on, last) = coaching_windows(d("2025-01-01"), d("2026-03-10"));
    assert_eq!((on - before).num_days(), 90);
    assert_eq!((last - on).num_days() + 1, 90);
    // In the future or today: one day each side.
    let (before, _, last) = coaching_windows(d("2026-03-10"), d("2026-03-01"));
    assert_eq!((before, last), (d("2026-03-09"), d("2026-03-10")));
}
