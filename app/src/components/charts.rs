//! Charts drawn by the app as SVG. Colours come from the theme's CSS
//! variables (see `.chart` in the stylesheet), so they read in light and
//! dark; every chart carries a text alternative and sits beside a table with
//! the same numbers.

use crate::domain::benchmark::Gap;
use crate::domain::scoring::LEVEL_NAMES;
use crate::domain::targets::Trend;
use crate::types::{BenchmarkRow, EvidenceCall};
use leptos::prelude::*;

const WIDTH: f64 = 560.0;
const PAD: f64 = 12.0;
const ROW: f64 = 46.0;
const TOP: f64 = 30.0;

/// A level as said on a call: whole levels plain, a mean of reviews to one decimal.
fn fmt_level(l: f64) -> String {
    if l.fract() == 0.0 {
        format!("{l:.0}")
    } else {
        format!("{l:.1}")
    }
}

/// A coordinate to a tenth of a unit, finer than a screen shows. Written in
/// full (`684.5714285714286`) the digits are noise that hardly compresses:
/// rounding took a development page's compressed HTML down by 4%.
pub fn coord(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn x_of(level: f64) -> f64 {
    coord(PAD + level.clamp(0.0, 5.0) / 5.0 * (WIDTH - 2.0 * PAD))
}

/// One row per behaviour: the coach rating (dot) with its 95% interval
/// (bar) on the 0–5 scale, and the agent's own rating (diamond).
#[component]
pub fn BenchmarkChart(rows: Vec<BenchmarkRow>) -> impl IntoView {
    let height = TOP + ROW * rows.len() as f64 + 8.0;
    let summary = rows
        .iter()
        .map(|r| {
            let coach = r.coach.as_ref().map_or("no scored calls".to_string(), |c| {
                format!("coach {:.1} over {} calls", c.mean, c.calls)
            });
            let own = r
                .self_level
                .map_or("not self-rated".to_string(), |l| format!("self {l}"));
            format!("{}: {own}, {coach}", r.name)
        })
        .collect::<Vec<_>>()
        .join("; ");
    let grid = (0..=5)
        .map(|l| {
            let x = x_of(l as f64);
            view! {
                <line class="grid" x1=x x2=x y1=TOP - 6.0 y2=height - 4.0 />
                <text class="axis" x=x y=TOP - 12.0 text-anchor="middle">{l}</text>
            }
        })
        .collect_view();
    let body = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let y = TOP + ROW * i as f64;
            let line_y = y + 30.0;
            let tint = r.gap.is_called_out().then(|| {
                view! { <rect class=format!("band {}", r.gap.class()) x="0" y=y + 2.0 width=WIDTH height=ROW - 4.0 rx="6" /> }
            });
            let coach = r.coach.clone().map(|c| {
                let faint = !c.enough();
                let interval = c.interval.map(|(lo, hi)| {
                    view! { <line class="interval" class:faint=faint x1=x_of(lo) x2=x_of(hi) y1=line_y y2=line_y /> }
                });
                view! {
                    {interval}
                    <circle class="coach-dot" class:faint=faint cx=x_of(c.mean) cy=line_y r="6" />
                }
            });
            let own = r.self_level.map(|l| {
                let x = x_of(f64::from(l));
                view! { <path class="self-mark" d=format!("M{x} {} l7 7 l-7 7 l-7 -7 z", line_y - 7.0) /> }
            });
            let note = match r.gap {
                Gap::BlindSpot | Gap::HiddenStrength | Gap::NotClearYet { .. } => {
                    r.gap.label().to_string()
                }
                _ => String::new(),
            };
            view! {
                {tint}
                <text class="row-label" x=PAD y=y + 15.0>{r.name.clone()}</text>
                <text class=format!("row-note {}", r.gap.class()) x=WIDTH - PAD y=y + 15.0 text-anchor="end">{note}</text>
                <line class="track" x1=x_of(0.0) x2=x_of(5.0) y1=line_y y2=line_y />
                {coach}
                {own}
            }
        })
        .collect_view();
    view! {
        <figure class="chart benchmark-chart">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=format!("Self rating against coach rating per behaviour. {summary}")>
                {grid}
                {body}
            </svg>
            <figcaption class="chart-legend">
                <span><svg viewBox="0 0 14 14" aria-hidden="true"><circle class="coach-dot" cx="7" cy="7" r="6" /></svg>"Coach rating (mean of scored calls)"</span>
                <span><svg viewBox="0 0 30 14" aria-hidden="true"><line class="interval" x1="1" x2="29" y1="7" y2="7" /></svg>"95% interval"</span>
                <span><svg viewBox="0 0 16 16" aria-hidden="true"><path class="self-mark" d="M8 1 l7 7 l-7 7 l-7 -7 z" /></svg>"Your own rating"</span>
                <span class="muted">"0 = Missed · faded: fewer than 3 calls"</span>
            </figcaption>
        </figure>
    }
}

const T_WIDTH: f64 = 640.0;
const T_HEIGHT: f64 = 220.0;
const T_LEFT: f64 = 34.0;
const T_RIGHT: f64 = 14.0;
const T_TOP: f64 = 14.0;
const T_BOTTOM: f64 = 28.0;

/// The part of the line `y = trend(x)` for x in `from..=to` that stays on
/// the 0–5 scale, as (x, y) end points.
fn on_scale(trend: Trend, from: f64, to: f64) -> Option<((f64, f64), (f64, f64))> {
    let (mut lo, mut hi) = (from, to);
    if trend.slope.abs() < 1e-12 {
        if !(0.0..=5.0).contains(&trend.intercept) {
            return None;
        }
    } else {
        let a = -trend.intercept / trend.slope;
        let b = (5.0 - trend.intercept) / trend.slope;
        lo = lo.max(a.min(b));
        hi = hi.min(a.max(b));
    }
    (lo < hi).then(|| ((lo, trend.at(lo)), (hi, trend.at(hi))))
}

/// A target's evidence over time: each call's value since the target was
/// set, the trend line read at the due day, the baseline, the target level
/// and today.
#[component]
pub fn TargetChart(
    evidence: Vec<EvidenceCall>,
    baseline: Option<f64>,
    level: u8,
    trend: Option<Trend>,
    horizon: f64,
    today: f64,
    #[prop(into)] due_label: String,
) -> impl IntoView {
    let span = horizon.max(today).max(1.0);
    let x = move |d: f64| coord(T_LEFT + d.clamp(0.0, span) / span * (T_WIDTH - T_LEFT - T_RIGHT));
    let y = |l: f64| coord(T_TOP + (5.0 - l.clamp(0.0, 5.0)) / 5.0 * (T_HEIGHT - T_TOP - T_BOTTOM));
    let counted: Vec<String> = evidence
        .iter()
        .filter_map(|e| {
            e.level
                .map(|l| format!("{} on {}", fmt_level(l), e.call_on))
        })
        .collect();
    let label = format!(
        "Target level {level}{}. Calls since the target was set: {}.{}",
        baseline.map_or(String::new(), |b| format!(", baseline {b:.1}")),
        if counted.is_empty() {
            "none".to_string()
        } else {
            counted.join(", ")
        },
        trend.map_or(String::new(), |t| format!(
            " The trend line stands at {:.1} on the due date.",
            t.at(horizon).clamp(0.0, 5.0)
        ))
    );
    let first_call = evidence
        .iter()
        .filter(|e| e.level.is_some())
        .map(|e| e.day)
        .fold(f64::INFINITY, f64::min);
    let trend_line = trend
        .and_then(|t| on_scale(t, first_call.min(horizon).max(0.0), horizon))
        .map(|((x1, y1), (x2, y2))| {
            view! {
                <line class="trend-line" x1=x(x1) y1=y(y1) x2=x(x2) y2=y(y2)>
                    <title>{format!("Trend: {:.1} on the due date", y2)}</title>
                </line>
            }
        });
    let grid = (0..=5)
        .map(|l| {
            let yy = y(l as f64);
            view! {
                <line class="grid" x1=T_LEFT x2=T_WIDTH - T_RIGHT y1=yy y2=yy />
                <text class="axis" x=T_LEFT - 8.0 y=coord(yy + 4.0) text-anchor="end">{l}</text>
            }
        })
        .collect_view();
    let target_y = y(f64::from(level));
    let points = evidence
        .into_iter()
        .filter_map(|e| {
            e.level.map(|l| {
                view! {
                    <circle class="coach-dot" class:faint=!e.counted cx=x(e.day) cy=y(l) r="5">
                        <title>{format!("Call on {}: {}{}", e.call_on, fmt_level(l), if e.reviews.len() > 1 { format!(" (mean of {} reviews)", e.reviews.len()) } else { String::new() })}</title>
                    </circle>
                }
            })
        })
        .collect_view();
    let base = baseline.map(|b| {
        view! { <path class="self-mark" d=format!("M{} {} l6 6 l-6 6 l-6 -6 z", x(0.0), coord(y(b) - 6.0))><title>{format!("Baseline {b:.1}")}</title></path> }
    });
    let today_x = x(today);
    let due_x = x(horizon);
    // Axis labels must not run into each other: a target set today says so
    // under "Set", and "Today" gives way to the due date near the end.
    let set_today = today_x - T_LEFT < 48.0;
    let today_label = !set_today && due_x - today_x > 110.0;
    view! {
        <figure class="chart target-chart" tabindex="0">
            <svg viewBox=format!("0 0 {T_WIDTH} {T_HEIGHT}") role="img" aria-label=label>
                {grid}
                <line class="target-line" x1=T_LEFT x2=T_WIDTH - T_RIGHT y1=target_y y2=target_y />
                <text class="target-label" x=T_WIDTH - T_RIGHT y=coord(target_y - 6.0) text-anchor="end">{format!("Target {level} · {}", LEVEL_NAMES[(level as usize).clamp(1, 5) - 1])}</text>
                <line class="today-line" x1=today_x x2=today_x y1=T_TOP y2=T_HEIGHT - T_BOTTOM />
                {today_label.then(|| view! { <text class="axis" x=today_x y=T_HEIGHT - 8.0 text-anchor="middle">"Today"</text> })}
                <line class="due-line" x1=due_x x2=due_x y1=T_TOP y2=T_HEIGHT - T_BOTTOM />
                <text class="axis" x=due_x y=T_HEIGHT - 8.0 text-anchor="end">{format!("Due {due_label}")}</text>
                <text class="axis" x=T_LEFT y=T_HEIGHT - 8.0>{if set_today { "Set today" } else { "Set" }}</text>
                {base}
                {trend_line}
                {points}
            </svg>
            {trend.is_some().then(|| view! {
                <figcaption class="chart-legend">
                    <span><svg viewBox="0 0 14 14" aria-hidden="true"><circle class="coach-dot" cx="7" cy="7" r="6" /></svg>"A call (its coaches' level)"</span>
                    <span><svg viewBox="0 0 30 14" aria-hidden="true"><line class="trend-line" x1="1" x2="29" y1="7" y2="7" /></svg>"Least-squares trend to the due date"</span>
                </figcaption>
            })}
        </figure>
    }
}
