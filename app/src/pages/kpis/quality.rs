//! The quality dashboards: review score trends by team or agent, the
//! agents × behaviours heatmap of coach ratings, and how reliable each
//! agent's mean review score is. Every table downloads as CSV.

use super::filters::KpiFilters;
use super::{range_label, section_tabs, Section};
use crate::api::kpi::get_quality;
use crate::components::charts::coord;
use crate::components::feedback::reloadable;
use crate::components::layout::PageHeader;
use crate::components::table::DataTable;
use crate::domain::benchmark::MIN_CALLS;
use crate::domain::kpi::RELIABLE_MARGIN;
use crate::types::{KpiQuery, QualityView, ScoreSeries};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

pub const QUALITY_PATH: &str = "/kpis/quality";

pub fn quality_href(q: &KpiQuery) -> String {
    format!("{QUALITY_PATH}?{}", q.to_params())
}

fn export_href(table: &str, q: &KpiQuery) -> String {
    format!("/export/{table}.csv?{}", q.to_params())
}

#[component]
pub(super) fn Quality() -> impl IntoView {
    let params = use_query_map();
    let today = crate::auth::today();
    let query = Memo::new(move |_| params.with(|p| KpiQuery::from_params(|k| p.get(k), today)));
    let view = Resource::new(move || query.get(), get_quality);
    view! { {reloadable(view, |v| view! { <QualityBody v=v /> }.into_any())} }
}

#[component]
fn QualityBody(v: QualityView) -> impl IntoView {
    let navigate = use_navigate();
    let go = Callback::new(move |next: KpiQuery| {
        navigate(
            &quality_href(&next),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        )
    });
    let q = v.query.clone();
    let reviewed: usize = v
        .series
        .iter()
        .flat_map(|s| s.points.iter().flatten().map(|p| p.1))
        .sum();
    view! {
        <PageHeader
            title="Quality"
            lede=format!("How coaches scored the calls of {}, {}.", v.reach, range_label(&q))
        />
        {section_tabs(Section::Quality, &q)}
        <KpiFilters q=q.clone() scope=v.scope.clone() go=go abandons=false />
        <section class="card" aria-labelledby="q-trend-title">
            <div class="card-title-row flush-x">
                <h2 id="q-trend-title" class="card-title">{format!("Review score by {}, {}", v.series_by, q.grouping.title().replacen("By", "by", 1))}</h2>
                <a class="button small" href=export_href("score-trends", &q) download="" rel="external">"CSV"</a>
            </div>
            {if reviewed == 0 {
                view! { <p class="muted">"No reviews of calls in this period."</p> }.into_any()
            } else {
                view! { <ScoreLines periods=v.periods.clone() series=v.series.clone() /> }.into_any()
            }}
        </section>
        <section class="card card-flush" aria-labelledby="q-heat-title">
            <div class="card-title-row">
                <h2 id="q-heat-title" class="card-title">"Coach ratings by agent and behaviour"</h2>
                <a class="button small" href=export_href("heatmap", &q) download="" rel="external">"CSV"</a>
            </div>
            <Heatmap v=v.clone() />
            <p class="hint pad">{format!("The mean level over the agent's calls reviewed in the period (one value per call, Missed counts 0, N/A left out), with the number of calls. Blank below {MIN_CALLS} calls.")}</p>
        </section>
        <section class="card card-flush" aria-labelledby="q-rel-title">
            <div class="card-title-row">
                <h2 id="q-rel-title" class="card-title">"How sure each agent's score is"</h2>
                <a class="button small" href=export_href("reliability", &q) download="" rel="external">"CSV"</a>
            </div>
            <DataTable headers=&["Agent", "Reviews", "Mean score", "95% interval", "For ±5 points"]>
                {v.reliability.iter().map(|r| {
                    let x = r.reliability;
                    let needed = match x.more_needed {
                        Some(0) => "reached".to_string(),
                        Some(n) => format!("{n} more review{}", if n == 1 { "" } else { "s" }),
                        None => "unknown".to_string(),
                    };
                    view! {
                        <tr>
                            <th scope="row" data-label="Agent">{r.agent.clone()}</th>
                            <td data-label="Reviews" class="num">{x.n}</td>
                            <td data-label="Mean score" class="num">{x.mean.map_or("–".into(), |m| format!("{m:.1}"))}</td>
                            <td data-label="95% interval" class="num">{x.interval.map_or("–".into(), |(l, h)| format!("{l:.1}–{h:.1}"))}</td>
                            <td data-label="For ±5 points">
                                {needed}
                                {(x.pooled && x.more_needed.is_some()).then(|| view! { <span class="muted small">" (from the organisation's spread)"</span> })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </DataTable>
            <p class="hint pad">{format!(
                "The mean review score with its 95% t-interval, and how many more reviews would bring the margin to ±{RELIABLE_MARGIN:.0} points given the spread seen. With fewer than 2 reviews the organisation's pooled within-agent spread{} stands in.",
                v.pooled_sd.map_or(String::new(), |s| format!(" ({s:.1} points)"))
            )}</p>
        </section>
    }
}

/// One line per team or agent on the 0–100 score scale; periods without
/// reviews leave a gap.
#[component]
fn ScoreLines(periods: Vec<String>, series: Vec<ScoreSeries>) -> impl IntoView {
    const W: f64 = 720.0;
    const H: f64 = 240.0;
    const LEFT: f64 = 44.0;
    const BOTTOM: f64 = 30.0;
    let n = periods.len().max(1) as f64;
    let x = move |i: usize| coord(LEFT + (W - LEFT - 12.0) * (i as f64 + 0.5) / n);
    let y = |v: f64| coord(10.0 + (H - BOTTOM - 10.0) * (1.0 - v.clamp(0.0, 100.0) / 100.0));
    let every = (periods.len() as f64 / 8.0).ceil().max(1.0) as usize;
    let summary = series
        .iter()
        .map(|s| {
            let pts: Vec<String> = s
                .points
                .iter()
                .zip(&periods)
                .filter_map(|(p, l)| p.map(|(m, k)| format!("{l} {m:.1} ({k})")))
                .collect();
            format!("{}: {}", s.name, pts.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <figure class="chart kpi-trend">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=format!("Mean review score by period. {summary}")>
                {[0.0, 25.0, 50.0, 75.0, 100.0].into_iter().map(|t| view! {
                    <line class="grid-line" x1=LEFT x2=W - 12.0 y1=y(t) y2=y(t) />
                    <text class="axis" x=LEFT - 6.0 y=coord(y(t) + 4.0) text-anchor="end">{format!("{t:.0}")}</text>
                }).collect_view()}
                {periods.iter().enumerate().filter(|(i, _)| i % every == 0).map(|(i, l)| view! {
                    <text class="axis" x=x(i) y=H - 8.0 text-anchor="middle">{l.clone()}</text>
                }).collect_view()}
                {series.iter().enumerate().map(|(k, s)| {
                    let mut d = String::new();
                    let mut pen_up = true;
                    for (i, p) in s.points.iter().enumerate() {
                        match p {
                            Some((m, _)) => {
                                d.push_str(&format!("{}{:.1},{:.1}", if pen_up { "M" } else { "L" }, x(i), y(*m)));
                                pen_up = false;
                            }
                            None => pen_up = true,
                        }
                    }
                    let dots = s.points.iter().enumerate().filter_map(|(i, p)| p.map(|(m, c)| view! {
                        <circle class=format!("series-dot series-{}", k % 6) cx=x(i) cy=y(m) r="3.5">
                            <title>{format!("{}, {}: {m:.1} over {c} review{}", s.name, periods[i], if c == 1 { "" } else { "s" })}</title>
                        </circle>
                    })).collect_view();
                    view! {
                        <path class=format!("series-line series-{}", k % 6) d=d />
                        {dots}
                    }
                }).collect_view()}
            </svg>
            <figcaption class="chart-legend">
                {series.iter().enumerate().map(|(k, s)| view! {
                    <span><svg viewBox="0 0 30 14" aria-hidden="true"><line class=format!("series-line series-{}", k % 6) x1="1" x2="29" y1="7" y2="7" /></svg>{s.name.clone()}</span>
                }).collect_view()}
            </figcaption>
        </figure>
    }
}

/// Agents down, behaviours across; each cell the mean level with its n, in
/// a colour that goes with the number (the number is always written).
#[component]
fn Heatmap(v: QualityView) -> impl IntoView {
    view! {
        <div class="table-wrap heatmap-wrap" tabindex="0" role="region" aria-label="Coach ratings by agent and behaviour">
            <table class="table heatmap">
                <thead>
                    <tr>
                        <th scope="col">"Agent"</th>
                        {v.behaviours.iter().map(|b| view! { <th scope="col" class="heat-head"><span>{b.clone()}</span></th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {v.heatmap.iter().map(|row| view! {
                        <tr>
                            <th scope="row">{row.agent.clone()}</th>
                            {row.cells.iter().zip(&v.behaviours).map(|(c, b)| match c.mean {
                                Some(m) => view! {
                                    <td class=format!("heat heat-{}", ((m * 2.0).round() as i64).clamp(0, 10)) title=format!("{}, {b}: {m:.1} over {} calls", row.agent, c.calls)>
                                        <strong>{format!("{m:.1}")}</strong>
                                        <span class="heat-n">{format!("n {}", c.calls)}</span>
                                    </td>
                                }.into_any(),
                                None => view! {
                                    <td class="heat heat-none" title=format!("{}, {b}: {} call{}, too few", row.agent, c.calls, if c.calls == 1 { "" } else { "s" })>
                                        <span class="sr-only">"too few calls"</span>
                                        <span class="heat-n">{format!("n {}", c.calls)}</span>
                                    </td>
                                }.into_any(),
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
