//! The statistics behind the insight figures, as the established packages
//! compute them (statsmodels, SciPy, pingouin; the tests hold their
//! values). Server-only: the distributions stay out of the wasm bundle.

use super::{Change, Effect, GroupCount, Interval, Tested, FDR, MIN_GROUP, MIN_SIDE};
use crate::domain::kpi::share;
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// The difference of two shares `k1/n1 − k2/n2` with its 95% Newcombe
/// hybrid score interval (method 10: from the two Wilson intervals, no
/// continuity correction). `None` when either group is empty.
pub fn newcombe(k1: usize, n1: usize, k2: usize, n2: usize) -> Option<Interval> {
    let (a, b) = (share(k1, n1)?, share(k2, n2)?);
    let d = a.value - b.value;
    Some(Interval {
        value: d,
        low: d - ((a.value - a.low).powi(2) + (b.high - b.value).powi(2)).sqrt(),
        high: d + ((a.high - a.value).powi(2) + (b.value - b.low).powi(2)).sqrt(),
    })
}

fn normal_tail_two_sided(z: f64) -> f64 {
    // Infallible: a standard normal.
    let normal = Normal::new(0.0, 1.0).expect("standard normal");
    2.0 * normal.sf(z.abs())
}

/// The two-sided p-value of the two-proportion z-test with the pooled
/// share. When every call, or none, has the good outcome there is nothing
/// to tell the groups apart: p = 1. `None` when either group is empty.
pub fn two_proportion_p(k1: usize, n1: usize, k2: usize, n2: usize) -> Option<f64> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (n1f, n2f) = (n1 as f64, n2 as f64);
    let pooled = (k1 + k2) as f64 / (n1f + n2f);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1f + 1.0 / n2f)).sqrt();
    if se == 0.0 {
        return Some(1.0);
    }
    let z = (k1 as f64 / n1f - k2 as f64 / n2f) / se;
    Some(normal_tail_two_sided(z))
}

/// Benjamini–Hochberg adjusted p-values, in the order given: the i-th
/// smallest becomes min over j ≥ i of p₍ⱼ₎·m/j, at most 1.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    let mut adjusted = vec![0.0; m];
    let mut running = 1.0_f64;
    for (rank, &i) in order.iter().enumerate().rev() {
        running = running.min(p[i] * m as f64 / (rank + 1) as f64);
        adjusted[i] = running;
    }
    adjusted
}

fn mean_var(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var)
}

fn t_975(df: f64) -> Option<f64> {
    StudentsT::new(0.0, 1.0, df)
        .ok()
        .map(|t| t.inverse_cdf(0.975))
}

/// Hedges' g of `x` against `y` (Cohen's d on the pooled standard
/// deviation, times 1 − 3/(4(n₁+n₂) − 9)) with its 95% interval
/// g ± t(n₁+n₂−2)·√((n₁+n₂)/(n₁n₂) + g²/(2(n₁+n₂))), as pingouin computes
/// them. `None` with fewer than two values in a group or no spread at all.
pub fn hedges_g(x: &[f64], y: &[f64]) -> Option<Interval> {
    if x.len() < 2 || y.len() < 2 {
        return None;
    }
    let (nx, ny) = (x.len() as f64, y.len() as f64);
    let ((mx, vx), (my, vy)) = (mean_var(x), mean_var(y));
    let pooled = (((nx - 1.0) * vx + (ny - 1.0) * vy) / (nx + ny - 2.0)).sqrt();
    if pooled == 0.0 {
        return None;
    }
    let g = (mx - my) / pooled * (1.0 - 3.0 / (4.0 * (nx + ny) - 9.0));
    let se = ((nx + ny) / (nx * ny) + g * g / (2.0 * (nx + ny))).sqrt();
    let half = t_975(nx + ny - 2.0)? * se;
    Some(Interval {
        value: g,
        low: g - half,
        high: g + half,
    })
}

/// The difference of means `after − before` with its 95% Welch interval
/// (Welch–Satterthwaite degrees of freedom). `None` with fewer than two
/// values a side or when neither side varies.
pub fn welch(before: &[f64], after: &[f64]) -> Option<Interval> {
    if before.len() < 2 || after.len() < 2 {
        return None;
    }
    let (nb, na) = (before.len() as f64, after.len() as f64);
    let ((mb, vb), (ma, va)) = (mean_var(before), mean_var(after));
    let (sb, sa) = (vb / nb, va / na);
    let se2 = sb + sa;
    if se2 == 0.0 {
        return None;
    }
    let df = se2 * se2 / (sb * sb / (nb - 1.0) + sa * sa / (na - 1.0));
    let half = t_975(df)? * se2.sqrt();
    let d = ma - mb;
    Some(Interval {
        value: d,
        low: d - half,
        high: d + half,
    })
}

/// A behaviour's call values before and after a coaching date compared.
pub fn change(before: &[f64], after: &[f64]) -> Change {
    if before.len() < MIN_SIDE || after.len() < MIN_SIDE {
        return Change::TooFew;
    }
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    Change::Measured {
        difference: mean(after) - mean(before),
        interval: welch(before, after),
    }
}

/// One behaviour's calls by group: for each, whether its outcome was the
/// good one and the answer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Groups {
    pub well: Vec<(bool, f64)>,
    pub weak: Vec<(bool, f64)>,
}

fn count(calls: &[(bool, f64)]) -> GroupCount {
    GroupCount {
        calls: calls.len(),
        good: calls.iter().filter(|(good, _)| *good).count(),
    }
}

/// Every behaviour's row, in the order given: behaviours with at least
/// [`MIN_GROUP`] calls in each group are tested, and their p-values
/// adjusted together; the rest carry only their counts.
pub fn effects(behaviours: &[Groups]) -> Vec<Effect> {
    let mut rows: Vec<Effect> = behaviours
        .iter()
        .map(|g| Effect {
            well: count(&g.well),
            weak: count(&g.weak),
            tested: None,
        })
        .collect();
    let mut tested: Vec<(usize, Interval, Option<Interval>, f64)> = Vec::new();
    for (i, (g, row)) in behaviours.iter().zip(&rows).enumerate() {
        let (w, k) = (row.well, row.weak);
        if w.calls < MIN_GROUP || k.calls < MIN_GROUP {
            continue;
        }
        let (Some(difference), Some(p)) = (
            newcombe(w.good, w.calls, k.good, k.calls),
            two_proportion_p(w.good, w.calls, k.good, k.calls),
        ) else {
            continue;
        };
        let answers = |calls: &[(bool, f64)]| calls.iter().map(|c| c.1).collect::<Vec<_>>();
        let g = hedges_g(&answers(&g.well), &answers(&g.weak));
        tested.push((i, difference, g, p));
    }
    let adjusted = benjamini_hochberg(&tested.iter().map(|t| t.3).collect::<Vec<_>>());
    for ((i, difference, hedges_g, p), adjusted_p) in tested.into_iter().zip(adjusted) {
        rows[i].tested = Some(Tested {
            difference,
            hedges_g,
            p,
            adjusted_p,
            passes: adjusted_p <= FDR,
        });
    }
    rows
}
