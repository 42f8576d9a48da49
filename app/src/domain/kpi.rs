//! Service KPIs (PRODUCT.md §6): NPS with its margin of error, CSAT with a
//! Wilson interval, resolution and first-response times, abandonment, the
//! periods figures are grouped by, and how reliable an agent's mean review
//! score is. Every figure carries its n; pages show "too few responses"
//! below [`MIN_RESPONSES`] and say so when a group is empty.

use super::benchmark::t_critical_95;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// Below this many answers a figure is not shown.
pub const MIN_RESPONSES: usize = 10;

/// The two-sided 95% critical value of the normal distribution, as
/// statistics packages compute it (the Wilson interval uses it).
pub const Z95: f64 = 1.959_963_984_540_054_5;

/// A figure with its 95% interval and the number of answers behind it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub n: usize,
}

/// What a page may say about a figure.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Shown<T> {
    /// Nothing in the group: say so, never 0 or 100.
    Empty,
    /// Some answers, too few to mean anything: "too few responses (n)".
    TooFew(usize),
    Figure(T),
}

impl<T> Shown<T> {
    /// `figure` computed only when there are enough answers.
    pub fn of(n: usize, figure: impl FnOnce() -> T) -> Shown<T> {
        match n {
            0 => Shown::Empty,
            n if n < MIN_RESPONSES => Shown::TooFew(n),
            _ => Shown::Figure(figure()),
        }
    }
}

/// Likelihood-to-recommend answers (0–10) counted for NPS.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NpsCounts {
    /// 9–10.
    pub promoters: usize,
    /// 7–8.
    pub passives: usize,
    /// 0–6.
    pub detractors: usize,
}

impl NpsCounts {
    /// Counts one answer; anything outside 0–10 is not an answer.
    pub fn add(&mut self, ltr: i16) {
        match ltr {
            9..=10 => self.promoters += 1,
            7..=8 => self.passives += 1,
            0..=6 => self.detractors += 1,
            _ => {}
        }
    }

    pub fn n(&self) -> usize {
        self.promoters + self.passives + self.detractors
    }

    /// NPS = 100(p − d) with the margin 1.96·100·√((p + d − (p − d)²)/n),
    /// the interval clamped to ±100; `None` with no answers.
    pub fn estimate(&self) -> Option<Estimate> {
        let n = self.n();
        if n == 0 {
            return None;
        }
        let p = self.promoters as f64 / n as f64;
        let d = self.detractors as f64 / n as f64;
        let value = 100.0 * (p - d);
        // Rounding can make the variance a hair below zero when it is zero.
        let margin = 1.96 * 100.0 * ((p + d - (p - d).powi(2)) / n as f64).max(0.0).sqrt();
        Some(Estimate {
            value,
            low: (value - margin).max(-100.0),
            high: (value + margin).min(100.0),
            n,
        })
    }

    pub fn merge(&mut self, other: &NpsCounts) {
        self.promoters += other.promoters;
        self.passives += other.passives;
        self.detractors += other.detractors;
    }
}

/// A share `k` of `n` with its 95% Wilson score interval; `None` when n = 0.
pub fn share(k: usize, n: usize) -> Option<Estimate> {
    if n == 0 {
        return None;
    }
    let (nf, p) = (n as f64, k as f64 / n as f64);
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / nf;
    let centre = (p + z2 / (2.0 * nf)) / denom;
    let half = Z95 * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt() / denom;
    Some(Estimate {
        value: p,
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
        n,
    })
}

/// CSAT answers (1–5) counted: satisfied are 4 and 5.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsatCounts {
    pub satisfied: usize,
    pub n: usize,
}

impl CsatCounts {
    /// Counts one answer; anything outside 1–5 is not an answer.
    pub fn add(&mut self, csat: i16) {
        if (1..=5).contains(&csat) {
            self.n += 1;
            if csat >= 4 {
                self.satisfied += 1;
            }
        }
    }

    /// The share of 4–5 with its Wilson interval.
    pub fn estimate(&self) -> Option<Estimate> {
        share(self.satisfied, self.n)
    }

    pub fn merge(&mut self, other: &CsatCounts) {
        self.satisfied += other.satisfied;
        self.n += other.n;
    }
}

/// Mean and median of durations (minutes or seconds), with n.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Durations {
    pub n: usize,
    pub mean: f64,
    pub median: f64,
}

/// `None` for no values.
pub fn durations(values: &[f64]) -> Option<Durations> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    Some(Durations {
        n,
        mean: sorted.iter().sum::<f64>() / n as f64,
        median,
    })
}

/// The default threshold below which an abandon is left out.
pub const SHORT_ABANDON_SECONDS: i32 = 10;

/// Abandoned enquiries over all enquiries, as (abandoned, counted). With a
/// threshold, an abandon shorter than it (the customer left within that
/// many seconds) is left out of both.
pub fn abandonment(
    enquiries: impl IntoIterator<Item = (bool, i32)>,
    short_under: Option<i32>,
) -> (usize, usize) {
    let mut abandoned = 0;
    let mut counted = 0;
    for (gone, seconds) in enquiries {
        if gone && short_under.is_some_and(|t| seconds < t) {
            continue;
        }
        counted += 1;
        abandoned += usize::from(gone);
    }
    (abandoned, counted)
}

/// How figures are grouped over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grouping {
    Day,
    /// ISO 8601 weeks, Monday to Sunday.
    Week,
    Month,
}

impl Grouping {
    /// The first day of the period `day` falls in.
    pub fn start(self, day: NaiveDate) -> NaiveDate {
        match self {
            Grouping::Day => day,
            Grouping::Week => day - Duration::days(day.weekday().num_days_from_monday() as i64),
            Grouping::Month => day.with_day(1).unwrap_or(day),
        }
    }

    /// The period starting on `start`, as tables and charts name it:
    /// "24 Nov 2026", "2026-W48", "Nov 2026".
    pub fn label(self, start: NaiveDate) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        match self {
            Grouping::Day => super::validation::day_label(start),
            Grouping::Week => {
                let w = start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Grouping::Month => format!("{} {}", MONTHS[start.month0() as usize], start.year()),
        }
    }
}

/// An agent's mean review score over a period, how sure it is, and how
/// many more reviews would bring its 95% margin to ±[`RELIABLE_MARGIN`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reliability {
    pub n: usize,
    /// None without reviews.
    pub mean: Option<f64>,
    /// The 95% t-interval; None below 2 reviews.
    pub interval: Option<(f64, f64)>,
    /// Reviews still needed; None when the spread is unknown or the number
    /// would pass [`MAX_REVIEWS`].
    pub more_needed: Option<usize>,
    /// The spread is the organisation's pooled within-agent one (fewer than
    /// 2 reviews of this agent).
    pub pooled: bool,
}

/// The margin, in score points, a mean is reliable within.
pub const RELIABLE_MARGIN: f64 = 5.0;
/// Beyond this many reviews the count is not worth giving.
pub const MAX_REVIEWS: usize = 10_000;

/// The smallest n ≥ 2 with t(0.975, n − 1)·sd/√n ≤ the margin.
pub fn reviews_for_margin(sd: f64, margin: f64) -> Option<usize> {
    (2..=MAX_REVIEWS).find(|&n| t_critical_95(n - 1) * sd / (n as f64).sqrt() <= margin)
}

fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var.sqrt())
}

/// `scores`: one agent's review scores; `pooled_sd`: the organisation's
/// pooled within-agent spread, used below 2 reviews.
pub fn reliability(scores: &[f64], pooled_sd: Option<f64>) -> Reliability {
    let n = scores.len();
    if n >= 2 {
        let (mean, sd) = mean_sd(scores);
        let half = t_critical_95(n - 1) * sd / (n as f64).sqrt();
        return Reliability {
            n,
            mean: Some(mean),
            interval: Some((mean - half, mean + half)),
            more_needed: reviews_for_margin(sd, RELIABLE_MARGIN).map(|t| t.saturating_sub(n)),
            pooled: false,
        };
    }
    Reliability {
        n,
        mean: scores.first().copied(),
        interval: None,
        more_needed: pooled_sd
            .and_then(|sd| reviews_for_margin(sd, RELIABLE_MARGIN))
            .map(|t| t.saturating_sub(n)),
        pooled: true,
    }
}

/// √(Σ(nᵢ − 1)sᵢ² / Σ(nᵢ − 1)) over the agents with at least 2 scores;
/// `None` when no agent has 2.
pub fn pooled_sd(per_agent: &[Vec<f64>]) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for xs in per_agent.iter().filter(|xs| xs.len() >= 2) {
        let (_, sd) = mean_sd(xs);
        num += (xs.len() - 1) as f64 * sd * sd;
        den += (xs.len() - 1) as f64;
    }
    (den > 0.0).then(|| (num / den).sqrt())
}

#[cfg(feature = "ssr")]
pub mod pack;
#[cfg(feature = "ssr")]
pub mod review_pack;
pub mod text;

#[cfg(test)]
mod tests;
