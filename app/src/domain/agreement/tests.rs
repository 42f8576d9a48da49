//! Reference values were computed once with Python's `krippendorff` package
//! (0.8, `level_of_measurement="ordinal"`, `value_domain=[0..5]`) on the same
//! data, coders as rows, and are written here to full precision.

use super::*;

const N: Option<u8> = None;

/// Rows are coaches, columns units, as reliability data is usually written.
fn units_of(rows: &[&[Option<u8>]]) -> Vec<Vec<Option<u8>>> {
    let width = rows[0].len();
    (0..width)
        .map(|u| rows.iter().map(|r| r[u]).collect())
        .collect()
}

fn all(v: &[u8]) -> Vec<Option<u8>> {
    v.iter().map(|x| Some(*x)).collect()
}

fn close(actual: Option<f64>, expected: f64) {
    let a = actual.expect("alpha is computable");
    assert!((a - expected).abs() < 1e-9, "{a} != {expected}");
}

#[test]
fn a_hand_worked_case_matches_the_coincidence_matrix_by_hand() {
    // Units {1,1} and {2,3}: n1 = 2, n2 = n3 = 1; δ²(1,2) = 2.25,
    // δ²(1,3) = 6.25, δ²(2,3) = 1; observed 2, expected 36; α = 1 − 3·2/36.
    let units = vec![vec![Some(1), Some(1)], vec![Some(2), Some(3)]];
    close(ordinal_alpha(&units), 1.0 - 6.0 / 36.0);
    close(ordinal_alpha(&units), 0.8333333333333333);
}

#[test]
fn perfect_agreement_is_one() {
    let row = all(&[1, 3, 5, 0, 2]);
    let units = units_of(&[&row, &row, &row]);
    close(ordinal_alpha(&units), 1.0);
}

#[test]
fn nothing_varies_or_nothing_pairs_is_not_computable() {
    let same = all(&[3, 3, 3, 3]);
    assert_eq!(ordinal_alpha(&units_of(&[&same, &same])), None);
    // Every unit rated by one coach only.
    let a = [Some(1), N, Some(4), N];
    let b = [N, Some(2), N, Some(5)];
    assert_eq!(ordinal_alpha(&units_of(&[&a, &b])), None);
    assert_eq!(ordinal_alpha(&[]), None);
    assert_eq!(Reading::of(None), Reading::NotComputable);
}

#[test]
fn missing_values_follow_krippendorffs_own_example() {
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability":
    // four observers, twelve units, with gaps.
    let a = [
        Some(1),
        Some(2),
        Some(3),
        Some(3),
        Some(2),
        Some(1),
        Some(4),
        Some(1),
        Some(2),
        N,
        N,
        N,
    ];
    let b = [
        Some(1),
        Some(2),
        Some(3),
        Some(3),
        Some(2),
        Some(2),
        Some(4),
        Some(1),
        Some(2),
        Some(5),
        N,
        Some(3),
    ];
    let c = [
        N,
        Some(3),
        Some(3),
        Some(3),
        Some(2),
        Some(3),
        Some(4),
        Some(2),
        Some(2),
        Some(5),
        Some(1),
        N,
    ];
    let d = [
        Some(1),
        Some(2),
        Some(3),
        Some(3),
        Some(2),
        Some(4),
        Some(4),
        Some(1),
        Some(2),
        Some(5),
        Some(1),
        N,
    ];
    close(
        ordinal_alpha(&units_of(&[&a, &b, &c, &d])),
        0.8153875037548813,
    );
}

#[test]
fn two_coaches_including_missed() {
    let a = all(&[3, 4, 2, 5, 3, 1, 4, 0]);
    let b = all(&[3, 3, 2, 4, 4, 1, 5, 1]);
    close(ordinal_alpha(&units_of(&[&a, &b])), 0.8451834862385321);
}

#[test]
fn five_coaches_with_missed_and_not_applicable() {
    let rows: [[Option<u8>; 8]; 5] = [
        [
            Some(3),
            Some(4),
            Some(2),
            Some(5),
            Some(0),
            Some(4),
            Some(3),
            N,
        ],
        [
            Some(3),
            Some(4),
            Some(3),
            Some(5),
            Some(1),
            Some(4),
            N,
            Some(2),
        ],
        [
            Some(4),
            Some(4),
            Some(2),
            Some(4),
            Some(0),
            Some(5),
            Some(3),
            Some(2),
        ],
        [
            Some(3),
            Some(5),
            Some(2),
            Some(5),
            Some(0),
            Some(4),
            Some(3),
            Some(3),
        ],
        [
            Some(2),
            Some(4),
            Some(2),
            Some(5),
            N,
            Some(3),
            Some(3),
            Some(2),
        ],
    ];
    let refs: Vec<&[Option<u8>]> = rows.iter().map(|r| &r[..]).collect();
    close(ordinal_alpha(&units_of(&refs)), 0.836474366743425);
}

#[test]
fn a_coach_always_one_level_higher() {
    let base = all(&[1, 2, 3, 4, 2, 3, 1, 4]);
    let higher = all(&[2, 3, 4, 5, 3, 4, 2, 5]);
    close(
        ordinal_alpha(&units_of(&[&base, &higher])),
        0.7106481481481481,
    );
    close(
        ordinal_alpha(&units_of(&[&base, &base, &higher])),
        0.8016636141636142,
    );
    // And that coach reads as lenient by one level against the median of
    // two agreeing colleagues; they read as exact.
    let units: Vec<Vec<(i32, u8)>> = (0..8)
        .map(|u| {
            let b = base[u].unwrap();
            vec![(1, b), (2, b), (3, b + 1)]
        })
        .collect();
    let l = leniency(&units);
    assert_eq!(
        l[&3],
        Leniency {
            mean: 1.0,
            units: 8
        }
    );
    assert_eq!(l[&1].mean, 0.0);
    assert_eq!(l[&2].mean, 0.0);
}

#[test]
fn the_readings_follow_the_thresholds() {
    assert_eq!(Reading::of(Some(0.800)), Reading::Reliable);
    assert_eq!(Reading::of(Some(0.7999)), Reading::Tentative);
    assert_eq!(Reading::of(Some(0.667)), Reading::Tentative);
    assert_eq!(Reading::of(Some(0.6669)), Reading::Recalibrate);
    assert_eq!(Reading::of(Some(-0.2)), Reading::Recalibrate);
}

#[test]
fn leniency_uses_the_median_with_the_coachs_own_rating_and_an_even_count_averages() {
    // One unit rated 2, 3, 5, 5 by four coaches: median 4.
    let units = vec![vec![(1, 2u8), (2, 3), (3, 5), (4, 5)], vec![(1, 4), (3, 4)]];
    let l = leniency(&units);
    assert_eq!(
        l[&1],
        Leniency {
            mean: (-2.0 + 0.0) / 2.0,
            units: 2
        }
    );
    assert_eq!(
        l[&2],
        Leniency {
            mean: -1.0,
            units: 1
        }
    );
    assert_eq!(
        l[&3],
        Leniency {
            mean: (1.0 + 0.0) / 2.0,
            units: 2
        }
    );
    assert_eq!(median(&[]), None);
    assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
}

#[test]
fn the_spread_names_low_high_and_median() {
    let s = Spread::of(&[4, 2, 5]).unwrap();
    assert_eq!((s.low, s.high, s.median, s.range()), (2, 5, 4.0, 3));
    assert_eq!(Spread::of(&[]), None);
}
