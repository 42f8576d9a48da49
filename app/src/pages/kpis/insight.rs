//! Which behaviours go with satisfied customers: per behaviour the calls
//! where it was shown well against those where it was weak, ranked by the
//! difference in the satisfied share, with a forest plot, by CSAT or NPS.

use super::filters::KpiFilters;
use super::{range_label, section_tabs, Section};
use crate::api::insight::get_insight;
use crate::components::feedback::{reloadable, EmptyState};
use crate::components::layout::PageHeader;
use crate::domain::insight::{Effect, Outcome, FDR, MIN_GROUP};
use crate::types::{InsightRow, InsightView, KpiQuery};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

pub const INSIGHT_PATH: &str = "/kpis/insight";

pub fn insight_href(q: &KpiQuery, outcome: Outcome) -> String {
    format!("{INSIGHT_PATH}?{}&outcome={}", q.to_params(), outcome.key())
}

/// Behaviours need many scored calls with answers: the view opens on the
/// twelve months up to the day the other dashboards end on.
pub const INSIGHT_DAYS: i64 = 365;

pub fn year_to(q: &KpiQuery) -> KpiQuery {
    let mut q = q.clone();
    if let Ok(to) = q.to.parse::<chrono::NaiveDate>() {
        q.from = (to - chrono::Duration::days(INSIGHT_DAYS - 1)).to_string();
    }
    q
}

fn outcome_of(raw: Option<String>) -> Outcome {
    raw.and_then(|o| Outcome::parse(&o))
        .unwrap_or(Outcome::Csat)
}

#[component]
pub(super) fn Insight() -> impl IntoView {
    let params = use_query_map();
    let today = crate::auth::today();
    let query = Memo::new(move |_| {
        params.with(|p| {
            let q = KpiQuery::from_params(|k| p.get(k), today);
            let q = if p.get("from").is_none() {
                year_to(&q)
            } else {
                q
            };
            (q, outcome_of(p.get("outcome")))
        })
    });
    let view = Resource::new(move || query.get(), |(q, o)| get_insight(q, o));
    view! { {reloadable(view, |v| view! { <InsightBody v=v /> }.into_any())} }
}

/// A share as a whole percentage.
fn percent(share: Option<f64>) -> String {
    share.map_or("–".into(), |s| format!("{:.0}%", 100.0 * s))
}

/// Points of difference, signed; a difference that rounds to nothing is 0.
fn points(d: f64) -> String {
    let p = (100.0 * d).round();
    if p == 0.0 {
        "0".into()
    } else {
        format!("{p:+.0}")
    }
}

fn p_value(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".into()
    } else {
        format!("{p:.3}")
    }
}

#[component]
fn InsightBody(v: InsightView) -> impl IntoView {
    let navigate = use_navigate();
    let outcome = v.outcome;
    let go = Callback::new({
        let navigate = navigate.clone();
        move |next: KpiQuery| {
            navigate(
                &insight_href(&next, outcome),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            )
        }
    });
    let q = v.query.clone();
    let pick = {
        let q = q.clone();
        move |o: Outcome| {
            navigate(
                &insight_href(&q, o),
                NavigateOptions {
                    scroll: false,
                    replace: true,
                    ..Default::default()
                },
            )
        }
    };
    let csv = format!(
        "/export/insight.csv?{}&outcome={}",
        q.to_params(),
        outcome.key()
    );
    let tested: Vec<InsightRow> = v
        .rows
        .iter()
        .filter(|r| r.effect.tested.is_some())
        .cloned()
        .collect();
    let passing = tested
        .iter()
        .filter(|r| r.effect.tested.is_some_and(|t| t.passes))
        .count();
    let good = outcome.good();
    let compared = match outcome {
        Outcome::Csat => "satisfied customers (CSAT 4 or 5)".to_string(),
        Outcome::Nps => {
            "promoters (9–10) rather than detractors (0–6); passives are left out".to_string()
        }
    };
    view! {
        <PageHeader
            title="What drives satisfaction"
            lede=format!("Which behaviours go with {compared}: {}, {}.", v.reach, range_label(&q))
        >
            {(v.calls > 0).then(|| view! {
                <a class="button" href=csv download="" rel="external">"Download CSV"</a>
            })}
        </PageHeader>
        {section_tabs(Section::Insight, &q)}
        <KpiFilters q=q.clone() scope=v.scope.clone() go=go abandons=false grouping=false by_agent=false />
        <div class="metric-switch outcome-switch" role="group" aria-label="Satisfaction read from">
            {[Outcome::Csat, Outcome::Nps].into_iter().map(|o| {
                let pick = pick.clone();
                view! {
                    <button type="button" aria-pressed=(o == outcome).to_string() on:click=move |_| pick(o)>{format!("By {}", o.label())}</button>
                }
            }).collect_view()}
        </div>
        <section class="card callout association-note" aria-labelledby="assoc-title">
            <h2 id="assoc-title">"Association, not cause"</h2>
            <p>"These figures show which behaviours go together with satisfied customers in your calls. They do not show that a behaviour causes satisfaction: skilled agents tend to do many things well at once, so a behaviour can look important only because the agents who show it also do everything else well. Use this to decide what to listen for, then check the effect with targets and coaching."</p>
        </section>
        {if v.calls == 0 {
            view! {
                <EmptyState title="No scored calls with an answer in this period" body="Insight needs calls that were both scored by a coach and answered by the customer. Widen the period or choose all channels." />
            }.into_any()
        } else {
            view! {
                <section class="card" aria-labelledby="forest-title">
                    <div class="card-title-row flush-x">
                        <h2 id="forest-title" class="card-title">{format!("Difference in share of {good}, shown well against weak")}</h2>
                    </div>
                    {if tested.is_empty() {
                        view! { <p class="muted">{format!("No behaviour has {MIN_GROUP} calls in both groups yet: widen the period.")}</p> }.into_any()
                    } else {
                        view! { <ForestPlot rows=tested.clone() /> }.into_any()
                    }}
                    <p class="hint">{format!(
                        "{} of {} tested behaviours pass at a {:.0}% false discovery rate (Benjamini–Hochberg), over {} scored calls. Lines are 95% Newcombe intervals; a filled dot passes.",
                        passing, tested.len(), FDR * 100.0, v.calls
                    )}</p>
                </section>
                <section class="card card-flush" aria-labelledby="effects-title">
                    <div class="card-title-row">
                        <h2 id="effects-title" class="card-title">"Every behaviour"</h2>
                    </div>
                    <div class="table-wrap" tabindex="0">
                        <table class="table stack effects-table">
                            <thead>
                                <tr>
                                    <th scope="col">"Behaviour"</th>
                                    <th scope="col" class="num">"Shown well"</th>
                                    <th scope="col" class="num">"Weak"</th>
                                    <th scope="col" class="num">"Difference"</th>
                                    <th scope="col" class="num">{format!("Hedges' g on {}", outcome.answer())}</th>
                                    <th scope="col" class="num">"p adjusted"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {v.rows.iter().map(|r| view! { <EffectRow row=r.clone() outcome=outcome /> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="hint pad">{format!(
                        "Shown well is level 4 or 5 on the call (the mean of its reviews); weak is level 2 or lower, Missed included; level 3 and N/A are left out. Behaviours need {MIN_GROUP} calls in each group to be tested."
                    )}</p>
                </section>
            }.into_any()
        }}
    }
}

fn group_cell(calls: usize, share: Option<f64>) -> String {
    format!("{} of {calls}", percent(share))
}

/// One behaviour; its name opens the figures in words.
#[component]
fn EffectRow(row: InsightRow, outcome: Outcome) -> impl IntoView {
    let open = RwSignal::new(false);
    let e: Effect = row.effect;
    let detail_id = format!("effect-{}", row.lineage);
    let figures = match e.tested {
        Some(t) => view! {
            <td data-label="Difference" class="num">
                {format!("{} pts", points(t.difference.value))}
                <span class="muted small block">{format!("{} to {}", points(t.difference.low), points(t.difference.high))}</span>
            </td>
            <td data-label="Hedges' g" class="num">
                {t.hedges_g.map_or("–".into(), |g| format!("{:.2}", g.value))}
                <span class="muted small block">{t.hedges_g.map_or("no spread".into(), |g| format!("{:.2} to {:.2}", g.low, g.high))}</span>
            </td>
            <td data-label="p adjusted" class="num">
                {p_value(t.adjusted_p)}
                {if t.passes {
                    view! { <span class="badge ok">"Passes"</span> }.into_any()
                } else {
                    view! { <span class="badge subtle">"Not significant"</span> }.into_any()
                }}
            </td>
        }
        .into_any(),
        None => view! {
            <td data-label="Difference" colspan="3" class="muted">{format!("Too few calls (under {MIN_GROUP} in a group)")}</td>
        }
        .into_any(),
    };
    let name = row.name.clone();
    let words = explain(&row, outcome);
    view! {
        <tr class:too-few=e.tested.is_none()>
            <th scope="row" data-label="Behaviour">
                <button type="button" class="link-button" aria-expanded=move || open.get().to_string() aria-controls=detail_id.clone() on:click=move |_| open.update(|o| *o = !*o)>
                    {name}
                </button>
                <span class="muted small block">{row.cluster.clone()}</span>
            </th>
            <td data-label="Shown well" class="num">{group_cell(e.well.calls, e.well.share())}</td>
            <td data-label="Weak" class="num">{group_cell(e.weak.calls, e.weak.share())}</td>
            {figures}
        </tr>
        <tr class="effect-detail" id=format!("effect-{}", row.lineage) hidden=move || !open.get()>
            <td colspan="6">
                {words.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            </td>
        </tr>
    }
}

/// The row's figures in sentences, ending with what they do not show.
fn explain(row: &InsightRow, outcome: Outcome) -> Vec<String> {
    let e = row.effect;
    let good = outcome.good();
    let mut out = vec![format!(
        "Of {} calls where {} was shown well, {} had {good}; of {} calls where it was weak, {}.",
        e.well.calls,
        row.name,
        percent(e.well.share()),
        e.weak.calls,
        percent(e.weak.share()),
    )];
    match e.tested {
        Some(t) => {
            out.push(format!(
                "The difference is {} points (95% interval {} to {}). Hedges' g on {} is {}. The adjusted p-value is {}, so it {} at a {:.0}% false discovery rate across the behaviours tested.",
                points(t.difference.value),
                points(t.difference.low),
                points(t.difference.high),
                outcome.answer(),
                t.hedges_g.map_or("not computable (no spread)".into(), |g| format!("{:.2} ({:.2} to {:.2})", g.value, g.low, g.high)),
                p_value(t.adjusted_p),
                if t.passes { "passes" } else { "does not pass" },
                FDR * 100.0,
            ));
        }
        None => out.push(format!(
            "Too few calls to test: each group needs {MIN_GROUP}. Widen the period or include more teams."
        )),
    }
    out.push("This is an association, not a cause: agents who show this behaviour well may also do other things well, and those may be what the customer answered to.".into());
    out
}

/// Each tested behaviour's difference with its interval on one axis. The
/// names are HTML, so they stay readable on a phone (they stack above the
/// line there); each line is an SVG placed in percentages of its width.
#[component]
fn ForestPlot(rows: Vec<InsightRow>) -> impl IntoView {
    let extent = rows
        .iter()
        .filter_map(|r| r.effect.tested)
        .flat_map(|t| [t.difference.low.abs(), t.difference.high.abs()])
        .fold(0.2_f64, f64::max);
    // Round the axis out to the next 10 points.
    let extent = ((extent * 10.0).ceil() / 10.0).min(1.0);
    // Percentages of the track's width (SVG takes them as coordinates),
    // kept off the edges so the end ticks stay readable.
    let at = move |d: f64| format!("{:.2}%", 3.0 + 94.0 * (d + extent) / (2.0 * extent));
    let step = if extent > 0.55 { 0.2 } else { 0.1 };
    let ticks: Vec<f64> = (-10..=10)
        .map(|i| f64::from(i) * step)
        .filter(|t| t.abs() <= extent + 1e-9)
        .collect();
    let summary = rows
        .iter()
        .filter_map(|r| {
            r.effect.tested.map(|t| {
                format!(
                    "{} {} points ({} to {})",
                    r.name,
                    points(t.difference.value),
                    points(t.difference.low),
                    points(t.difference.high)
                )
            })
        })
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <figure class="forest" role="img" aria-label=format!("Difference in share by behaviour, with 95% intervals. {summary}")>
            {rows.iter().filter_map(|r| r.effect.tested.map(|t| {
                let title = format!("{}: {} points ({} to {})", r.name, points(t.difference.value), points(t.difference.low), points(t.difference.high));
                view! {
                    <div class="forest-row" aria-hidden="true" title=title>
                        <span class="forest-label">{r.name.clone()}</span>
                        <svg class="forest-track" width="100%" height="24">
                            <line class="forest-zero" x1=at(0.0) x2=at(0.0) y1="0" y2="24" />
                            <line class="forest-ci" x1=at(t.difference.low) x2=at(t.difference.high) y1="12" y2="12" />
                            <circle class=if t.passes { "forest-dot passes" } else { "forest-dot" } cx=at(t.difference.value) cy="12" r="6" />
                        </svg>
                    </div>
                }
            })).collect_view()}
            <div class="forest-axis" aria-hidden="true">
                <span class="forest-label"></span>
                <svg class="forest-ticks" width="100%" height="18">
                    {ticks.iter().map(|t| view! { <text x=at(*t) y="13" text-anchor="middle">{points(*t)}</text> }).collect_view()}
                </svg>
            </div>
        </figure>
    }
}
