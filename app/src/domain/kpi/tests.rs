//! Reference values: the NPS margin from PRODUCT.md §6's formula computed
//! once in Python; Wilson intervals from statsmodels'
//! `proportion_confint(method='wilson')`; t-intervals and the reviews needed
//! from SciPy's `t.ppf`. Agreement to 1e-9.

use super::*;

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

fn nps_of(p: usize, pa: usize, d: usize) -> Estimate {
    NpsCounts {
        promoters: p,
        passives: pa,
        detractors: d,
    }
    .estimate()
    .unwrap()
}

#[test]
fn nps_counts_answers_at_their_boundaries() {
    let mut c = NpsCounts::default();
    for ltr in [0, 6, 7, 8, 9, 10, -1, 11] {
        c.add(ltr);
    }
    assert_eq!(
        c,
        NpsCounts {
            promoters: 2,
            passives: 2,
            detractors: 2,
        }
    );
    assert_eq!(NpsCounts::default().estimate(), None);
}

#[test]
fn nps_and_its_margin_match_the_formula() {
    // One promoter: 100 with no margin.
    let one = nps_of(1, 0, 0);
    assert_eq!(
        (one.value, one.low, one.high, one.n),
        (100.0, 100.0, 100.0, 1)
    );
    // Only passives: 0 with no margin.
    let flat = nps_of(0, 5, 0);
    assert_eq!((flat.value, flat.low, flat.high), (0.0, 0.0, 0.0));
    for ((p, pa, d), (value, low, high)) in [
        ((6, 3, 1), (50.0, 8.42212126623101, 91.57787873376898)),
        (
            (20, 15, 12),
            (17.021276595744684, -6.061631928552526, 40.10418512004189),
        ),
        ((3, 0, 9), (-50.0, -99.0, -1.0)),
        // Clamped at the top: 80 + 37.19 would pass 100.
        ((9, 0, 1), (80.0, 42.81161471641986, 100.0)),
    ] {
        let e = nps_of(p, pa, d);
        close(e.value, value);
        close(e.low, low);
        close(e.high, high);
    }
}

#[test]
fn csat_is_the_share_of_four_and_five_with_a_wilson_interval() {
    let mut c = CsatCounts::default();
    for s in [1, 2, 3, 4, 5, 0, 6] {
        c.add(s);
    }
    assert_eq!(c, CsatCounts { satisfied: 2, n: 5 });
    for ((k, n), (low, high)) in [
        ((7, 10), (0.39677814746114537, 0.8922087325936989)),
        ((10, 10), (0.7224672001371106, 1.0)),
        ((0, 12), (0.0, 0.24249400665524096)),
        ((37, 52), (0.5772721196331574, 0.8167003958529009)),
        ((1, 1), (0.2065493143772374, 1.0)),
        ((123, 400), (0.2642873977313039, 0.3543748355874003)),
    ] {
        let e = share(k, n).unwrap();
        close(e.value, k as f64 / n as f64);
        close(e.low, low);
        close(e.high, high);
    }
    assert_eq!(share(0, 0), None);
}

#[test]
fn a_figure_is_shown_from_ten_answers_and_an_empty_group_says_so() {
    assert_eq!(Shown::of(0, || 1), Shown::Empty);
    assert_eq!(Shown::of(9, || 1), Shown::TooFew(9));
    assert_eq!(Shown::of(10, || 1), Shown::Figure(1));
}

#[test]
fn durations_have_a_mean_and_a_median() {
    let d = durations(&[30.0, 10.0, 20.0, 100.0]).unwrap();
    assert_eq!((d.n, d.mean, d.median), (4, 40.0, 25.0));
    assert_eq!(durations(&[7.0]).unwrap().median, 7.0);
    assert_eq!(durations(&[]), None);
}

#[test]
fn short_abandons_leave_both_counts_with_a_threshold() {
    let calls = [(true, 9), (true, 10), (true, 11), (false, 5), (false, 300)];
    assert_eq!(abandonment(calls, None), (3, 5));
    // The 9 s abandon is left out of numerator and denominator alike.
    assert_eq!(abandonment(calls, Some(SHORT_ABANDON_SECONDS)), (2, 4));
    assert_eq!(abandonment([], Some(10)), (0, 0));
}

#[test]
fn periods_start_on_their_first_day_and_weeks_are_iso() {
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let tue = day("2026-11-24");
    assert_eq!(Grouping::Day.start(tue), tue);
    assert_eq!(Grouping::Week.start(tue), day("2026-11-23"));
    assert_eq!(Grouping::Month.start(tue), day("2026-11-01"));
    assert_eq!(Grouping::Week.label(day("2026-11-23")), "2026-W48");
    // The first days of 2027 belong to the 53rd week of 2026 ...
    let new_year = Grouping::Week.start(day("2027-01-01"));
    assert_eq!(new_year, day("2026-12-28"));
    assert_eq!(Grouping::Week.label(new_year), "2026-W53");
    // ... and the last days of 2024 to the first week of 2025.
    assert_eq!(Grouping::Week.label(day("2024-12-30")), "2025-W01");
    assert_eq!(Grouping::Month.label(day("2026-11-01")), "Nov 2026");
    assert_eq!(Grouping::Day.label(tue), "24 Nov 2026");
}

#[test]
fn reliability_gives_the_t_interval_and_the_reviews_still_needed() {
    let r = reliability(&[70.0, 80.0, 90.0], None);
    close(r.mean.unwrap(), 80.0);
    let (low, high) = r.interval.unwrap();
    close(low, 55.1586228824967);
    close(high, 104.8413771175033);
    // sd 10 needs 18 reviews for ±5: 15 more.
    assert_eq!((r.more_needed, r.pooled), (Some(15), false));
    let r = reliability(&[55.5, 61.0, 72.25, 80.0, 90.5], None);
    close(r.mean.unwrap(), 71.85);
    let (low, high) = r.interval.unwrap();
    close(low, 54.29625655072509);
    close(high, 89.4037434492749);
    for (sd, n) in [(10.0, 18), (3.0, 4), (12.5, 27), (25.0, 99)] {
        assert_eq!(reviews_for_margin(sd, RELIABLE_MARGIN), Some(n), "sd {sd}");
    }
}

#[test]
fn below_two_reviews_the_pooled_spread_says_how_many_are_needed() {
    let pooled = pooled_sd(&[vec![70.0, 80.0, 90.0], vec![60.0, 65.0], vec![88.0]]).unwrap();
    close(pooled, 8.416254115301731);
    let one = reliability(&[88.0], Some(10.0));
    assert_eq!(one.mean, Some(88.0));
    assert_eq!(one.interval, None);
    assert_eq!((one.more_needed, one.pooled), (Some(17), true));
    let none = reliability(&[], None);
    assert_eq!(
        (none.mean, none.more_needed, none.pooled),
        (None, None, true)
    );
    assert_eq!(pooled_sd(&[vec![1.0]]), None);
}
