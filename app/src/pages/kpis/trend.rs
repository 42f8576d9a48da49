//! The KPI trend: one figure per period as a line, its 95% interval drawn
//! as a band behind it, and gaps where a period has too few answers.

use crate::components::charts::coord;
use crate::domain::kpi::text::{duration, not_shown, nps_value};
use crate::domain::kpi::{Shown, MIN_RESPONSES};
use crate::types::KpiRow;
use leptos::prelude::*;

/// The figures the trend can follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    Nps,
    Csat,
    Abandonment,
    Resolution,
}

/// One period on the chart: its label, and the figure with its interval,
/// or what stands in for it.
struct Point {
    label: String,
    figure: Result<(f64, Option<(f64, f64)>), String>,
}

impl Metric {
    pub const ALL: [Metric; 4] = [
        Metric::Nps,
        Metric::Csat,
        Metric::Abandonment,
        Metric::Resolution,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Metric::Nps => "nps",
            Metric::Csat => "csat",
            Metric::Abandonment => "abandonment",
            Metric::Resolution => "resolution",
        }
    }

    pub fn parse(key: &str) -> Metric {
        Metric::ALL
            .into_iter()
            .find(|m| m.key() == key)
            .unwrap_or(Metric::Nps)
    }

    pub fn label(self) -> &'static str {
        match self {
            Metric::Nps => "NPS",
            Metric::Csat => "CSAT",
            Metric::Abandonment => "Abandonment",
            Metric::Resolution => "Resolution time",
        }
    }

    fn point(self, row: &KpiRow) -> Point {
        let estimate = |s: &Shown<crate::domain::kpi::Estimate>, scale: f64| match s {
            Shown::Figure(e) => Ok((e.value * scale, Some((e.low * scale, e.high * scale)))),
            other => Err(not_shown(other).unwrap_or_default()),
        };
        let figure = match self {
            Metric::Nps => estimate(&row.nps, 1.0),
            Metric::Csat => estimate(&row.csat, 100.0),
            Metric::Abandonment => estimate(&row.abandonment, 100.0),
            Metric::Resolution => match &row.resolution_minutes {
                Some(d) if d.n >= MIN_RESPONSES => Ok((d.mean, None)),
                Some(d) => Err(format!("too few ({})", d.n)),
                None => Err("none resolved".into()),
            },
        };
        Point {
            label: row.label.clone(),
            figure,
        }
    }

    /// The value axis: NPS and shares on their whole scale, so a trend is
    /// never exaggerated; resolution from 0 to a round figure above the
    /// highest mean.
    fn scale(self, points: &[Point]) -> (f64, f64) {
        match self {
            Metric::Nps => (-100.0, 100.0),
            Metric::Csat | Metric::Abandonment => (0.0, 100.0),
            Metric::Resolution => {
                let top = points
                    .iter()
                    .filter_map(|p| p.figure.as_ref().ok().map(|f| f.0))
                    .fold(0.0_f64, f64::max);
                (0.0, round_up(top.max(1.0)))
            }
        }
    }

    pub fn format(self, v: f64) -> String {
        match self {
            Metric::Nps => nps_value(v),
            Metric::Csat | Metric::Abandonment => format!("{v:.0}%"),
            Metric::Resolution => duration(v * 60.0),
        }
    }
}

/// 1, 2 or 5 times a power of ten, at or above `v`.
fn round_up(v: f64) -> f64 {
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|c| *c >= v)
        .unwrap_or(10.0 * p)
}

/// A period on the chart: its place, the figure and its interval.
type Plotted = (usize, f64, Option<(f64, f64)>);

const W: f64 = 720.0;
const H: f64 = 260.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 30.0;

#[component]
pub fn KpiTrend(
    rows: Vec<KpiRow>,
    metric: Metric,
    #[prop(default = false)] compact: bool,
) -> impl IntoView {
    let points: Vec<Point> = rows.iter().map(|r| metric.point(r)).collect();
    let (lo, hi) = metric.scale(&points);
    let n = points.len().max(1) as f64;
    let x = move |i: usize| coord(LEFT + (W - LEFT - RIGHT) * (i as f64 + 0.5) / n);
    let y =
        move |v: f64| coord(TOP + (H - TOP - BOTTOM) * (1.0 - (v.clamp(lo, hi) - lo) / (hi - lo)));
    let summary = points
        .iter()
        .map(|p| match &p.figure {
            Ok((v, Some((l, h)))) => format!(
                "{}: {} ({} to {})",
                p.label,
                metric.format(*v),
                metric.format(*l),
                metric.format(*h)
            ),
            Ok((v, None)) => format!("{}: {}", p.label, metric.format(*v)),
            Err(why) => format!("{}: {why}", p.label),
        })
        .collect::<Vec<_>>()
        .join("; ");
    // Runs of periods with a figure: the line and band break where a
    // period has too few answers rather than bridging it.
    let mut runs: Vec<Vec<Plotted>> = vec![];
    let mut current = vec![];
    for (i, p) in points.iter().enumerate() {
        match &p.figure {
            Ok((v, band)) => current.push((i, *v, *band)),
            Err(_) => {
                if !current.is_empty() {
                    runs.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    let half_step = (W - LEFT - RIGHT) / n / 2.0;
    let bands = runs
        .iter()
        .filter_map(|run| {
            let with_band: Vec<_> = run
                .iter()
                .filter_map(|(i, _, b)| b.map(|(l, h)| (*i, l, h)))
                .collect();
            if with_band.is_empty() {
                return None;
            }
            // A single period's band is a short bar; a longer run a ribbon
            // along the upper bounds and back along the lower ones.
            if let [(i, l, h)] = with_band[..] {
                let pad = half_step.min(10.0);
                let (a, b) = (x(i) - pad, x(i) + pad);
                let (top, bottom) = (y(h), y(l));
                return Some(format!(
                    "M{a:.1},{top:.1}L{b:.1},{top:.1}L{b:.1},{bottom:.1}L{a:.1},{bottom:.1}Z"
                ));
            }
            let upper = with_band
                .iter()
                .enumerate()
                .map(|(k, (i, _, h))| {
                    format!(
                        "{}{:.1},{:.1}",
                        if k == 0 { "M" } else { "L" },
                        x(*i),
                        y(*h)
                    )
                })
                .collect::<String>();
            let lower = with_band
                .iter()
                .rev()
                .map(|(i, l, _)| format!("L{:.1},{:.1}", x(*i), y(*l)))
                .collect::<String>();
            Some(format!("{upper}{lower}Z"))
        })
        .map(|d| view! { <path class="kpi-band" d=d /> })
        .collect_view();
    let lines = runs
        .iter()
        .filter(|run| run.len() > 1)
        .map(|run| {
            run.iter()
                .enumerate()
                .map(|(k, (i, v, _))| {
                    format!(
                        "{}{:.1},{:.1}",
                        if k == 0 { "M" } else { "L" },
                        x(*i),
                        y(*v)
                    )
                })
                .collect::<String>()
        })
        .map(|d| view! { <path class="kpi-line" d=d /> })
        .collect_view();
    let dots = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            p.figure.as_ref().ok().map(|(v, band)| {
                let tip = match band {
                    Some((l, h)) => format!(
                        "{}: {} (95% interval {} to {})",
                        p.label,
                        metric.format(*v),
                        metric.format(*l),
                        metric.format(*h)
                    ),
                    None => format!("{}: {}", p.label, metric.format(*v)),
                };
                view! { <circle class="kpi-dot" cx=x(i) cy=y(*v) r="4"><title>{tip}</title></circle> }
            })
        })
        .collect_view();
    let gaps = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            p.figure.as_ref().err().map(|why| {
                view! {
                    <line class="kpi-gap" x1=x(i) x2=x(i) y1=TOP y2=H - BOTTOM>
                        <title>{format!("{}: {why}", p.label)}</title>
                    </line>
                }
            })
        })
        .collect_view();
    let ticks: Vec<f64> = (0..=4).map(|k| lo + (hi - lo) * k as f64 / 4.0).collect();
    let grid = ticks
        .into_iter()
        .map(|t| {
            view! {
                <line class="grid-line" class:zero=t == 0.0 && lo < 0.0 x1=LEFT x2=W - RIGHT y1=y(t) y2=y(t) />
                <text class="axis" x=LEFT - 6.0 y=coord(y(t) + 4.0) text-anchor="end">{metric.format(t)}</text>
            }
        })
        .collect_view();
    // Period labels thinned so they never overlap.
    let every = (points.len() as f64 / if compact { 4.0 } else { 8.0 })
        .ceil()
        .max(1.0) as usize;
    let labels = points
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, p)| {
            view! { <text class="axis" x=x(i) y=H - 8.0 text-anchor="middle">{p.label.clone()}</text> }
        })
        .collect_view();
    view! {
        <figure class="chart kpi-trend">
            <svg viewBox=format!("0 0 {W} {H}") preserveAspectRatio="xMinYMid meet" role="img" aria-label=format!("{} by period. {summary}", metric.label())>
                {grid}
                {gaps}
                {bands}
                {lines}
                {dots}
                {labels}
            </svg>
            <figcaption class="chart-legend">
                <span><svg viewBox="0 0 30 14" aria-hidden="true"><line class="kpi-line" x1="1" x2="29" y1="7" y2="7" /></svg>{metric.label()}</span>
                {(metric != Metric::Resolution).then(|| view! {
                    <span><svg viewBox="0 0 30 14" aria-hidden="true"><rect class="kpi-band" x="1" y="2" width="28" height="10" /></svg>"95% interval"</span>
                })}
                <span class="muted">{format!("Gaps: fewer than {MIN_RESPONSES} answers in the period")}</span>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resolution_axis_ends_on_a_round_figure() {
        assert_eq!(round_up(7.0), 10.0);
        assert_eq!(round_up(13.0), 20.0);
        assert_eq!(round_up(41.0), 50.0);
        assert_eq!(round_up(100.0), 100.0);
        assert_eq!(round_up(101.0), 200.0);
    }
}
