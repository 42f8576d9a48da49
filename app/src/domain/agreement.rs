//! Agreement between coaches who scored the same calls (PRODUCT.md §3):
//! Krippendorff's alpha with the ordinal metric, each coach's leniency or
//! severity, and the reading of alpha a coach acts on.
//!
//! Values are on one scale: Missed = 0 and levels 1–5; N/A is missing. A
//! unit is one call × behaviour; alpha over one behaviour across calls has
//! one unit per call.

use std::collections::BTreeMap;

/// The largest value on the scale (level 5).
pub const TOP: usize = 5;

/// Krippendorff's alpha for ordinal data, from the coincidence matrix.
/// Each unit holds the values the coaches gave it (`None` for N/A or not
/// rated). `None` when no unit has two values or nothing varies: alpha is
/// then undefined, and showing 0, 1 or NaN would mislead.
pub fn ordinal_alpha(units: &[Vec<Option<u8>>]) -> Option<f64> {
    let mut o = [[0.0f64; TOP + 1]; TOP + 1];
    for unit in units {
        let values: Vec<usize> = unit
            .iter()
            .flatten()
            .map(|v| (*v as usize).min(TOP))
            .collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        let weight = 1.0 / (m - 1) as f64;
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate() {
                if i != j {
                    o[*a][*b] += weight;
                }
            }
        }
    }
    let marginals: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = marginals.iter().sum();
    if n < 2.0 {
        return None;
    }
    // Ordinal distance: how many pairable values lie between c and k, each
    // end counting half.
    let delta = |c: usize, k: usize| {
        let (lo, hi) = (c.min(k), c.max(k));
        let between: f64 = marginals[lo..=hi].iter().sum();
        let d = between - (marginals[lo] + marginals[hi]) / 2.0;
        d * d
    };
    let mut observed = 0.0;
    let mut expected = 0.0;
    for c in 0..=TOP {
        for k in 0..=TOP {
            let d = delta(c, k);
            observed += o[c][k] * d;
            expected += marginals[c] * marginals[k] * d;
        }
    }
    if expected <= 0.0 {
        return None;
    }
    Some(1.0 - (n - 1.0) * observed / expected)
}

/// What a coach does with an alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// At least 0.800: scores can be relied on.
    Reliable,
    /// From 0.667 to 0.800: conclusions are tentative.
    Tentative,
    /// Below 0.667: the coaches should calibrate again.
    Recalibrate,
    /// No unit with two ratings, or nothing varies.
    NotComputable,
}

impl Reading {
    pub fn of(alpha: Option<f64>) -> Reading {
        match alpha {
            None => Reading::NotComputable,
            Some(a) if a >= 0.800 => Reading::Reliable,
            Some(a) if a >= 0.667 => Reading::Tentative,
            Some(_) => Reading::Recalibrate,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Reading::Reliable => "Reliable",
            Reading::Tentative => "Tentative",
            Reading::Recalibrate => "Re-calibrate",
            Reading::NotComputable => "Not computable",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Reading::Reliable => "reliable",
            Reading::Tentative => "tentative",
            Reading::Recalibrate => "recalibrate",
            Reading::NotComputable => "not_computable",
        }
    }

    pub fn explanation(self) -> &'static str {
        match self {
            Reading::Reliable => "The coaches agree well beyond chance (α ≥ 0.800).",
            Reading::Tentative => {
                "Agreement is moderate (α 0.667–0.800): draw only tentative conclusions."
            }
            Reading::Recalibrate => {
                "Agreement is too low to rely on (α below 0.667): discuss the anchors and calibrate again."
            }
            Reading::NotComputable => {
                "Not computable: no call and behaviour was rated by two coaches, or every rating was the same."
            }
        }
    }
}

/// The median of some values; the mean of the middle two for an even count.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    })
}

/// One coach's leniency (positive) or severity (negative).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Leniency {
    /// Mean over the units the coach rated of their rating minus the
    /// median of all ratings of that unit, their own included.
    pub mean: f64,
    /// How many units that mean is over.
    pub units: usize,
}

/// Leniency of every coach over units of (coach, value) ratings; N/A is
/// left out before this is called.
pub fn leniency<K: Ord + Copy>(units: &[Vec<(K, u8)>]) -> BTreeMap<K, Leniency> {
    let mut sums: BTreeMap<K, (f64, usize)> = BTreeMap::new();
    for unit in units {
        let values: Vec<f64> = unit.iter().map(|(_, v)| *v as f64).collect();
        let Some(mid) = median(&values) else {
            continue;
        };
        for (coach, v) in unit {
            let entry = sums.entry(*coach).or_insert((0.0, 0));
            entry.0 += *v as f64 - mid;
            entry.1 += 1;
        }
    }
    sums.into_iter()
        .map(|(k, (sum, n))| {
            (
                k,
                Leniency {
                    mean: sum / n as f64,
                    units: n,
                },
            )
        })
        .collect()
}

/// The spread of one unit's ratings: lowest, highest and median.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub low: u8,
    pub high: u8,
    pub median: f64,
}

impl Spread {
    pub fn of(values: &[u8]) -> Option<Spread> {
        let low = *values.iter().min()?;
        let high = *values.iter().max()?;
        let as_f: Vec<f64> = values.iter().map(|v| *v as f64).collect();
        Some(Spread {
            low,
            high,
            median: median(&as_f)?,
        })
    }

    /// Levels between the lowest and the highest rating.
    pub fn range(&self) -> u8 {
        self.high - self.low
    }
}

#[cfg(test)]
mod tests;
