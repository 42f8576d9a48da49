//! Agreement over time: α per month as a trend with the reading's bands,
//! α per behaviour across the period's calls, and each coach's leniency per
//! month. Every table downloads as CSV.

use super::page::alpha_text;
use crate::api::calibration::get_agreement;
use crate::components::charts::coord;
use crate::components::feedback::{csv_data_href, reloadable, EmptyState};
use crate::components::layout::PageHeader;
use crate::components::table::DataTable;
use crate::types::{AgreementView, MonthAlpha};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

pub const AGREEMENT_PATH: &str = "/calibration/agreement";

#[component]
pub(super) fn Agreement() -> impl IntoView {
    let query = use_query_map();
    let months = Memo::new(move |_| {
        query.with(|q| {
            q.get("months")
                .and_then(|m| m.parse::<i64>().ok())
                .unwrap_or(6)
        })
    });
    let view = Resource::new(move || months.get(), get_agreement);
    view! { {reloadable(view, |v| view! { <AgreementBody v=v /> }.into_any())} }
}

#[component]
fn AgreementBody(v: AgreementView) -> impl IntoView {
    let navigate = use_navigate();
    let months_back = v.months_back;
    let stamp = crate::auth::today().to_string();
    let file = |what: &str| format!("calibration-{what}-{months_back}-months-{stamp}.csv");
    view! {
        <PageHeader
            title="Agreement over time"
            lede="How far the coaches agree beyond chance, from the revealed calibration sessions: Krippendorff's α (ordinal; Missed counts as 0, N/A is left out). 0.800 and above is reliable, from 0.667 tentative, below that re-calibrate."
        >
            <a class="button ghost" href="/calibration">"Sessions"</a>
        </PageHeader>
        <div class="field inline period-picker">
            <label for="agreement-period">"Period"</label>
            <select id="agreement-period" prop:value=months_back.to_string() on:change=move |ev| {
                navigate(&format!("{AGREEMENT_PATH}?months={}", event_target_value(&ev)), Default::default());
            }>
                <option value="3">"Last 3 months"</option>
                <option value="6">"Last 6 months"</option>
                <option value="12">"Last 12 months"</option>
            </select>
        </div>
        {if v.sessions == 0 {
            view! { <EmptyState title="No revealed sessions in this period" body="Agreement appears here once a calibration session has been revealed." /> }.into_any()
        } else {
            view! {
                <div class="grid two">
                    <section class="card">
                        <h2>"α per month"</h2>
                        <AlphaTrend months=v.monthly.clone() />
                    </section>
                    <section class="card card-flush">
                        <div class="card-title-row">
                            <h2 class="card-title">"By month"</h2>
                            <a class="button small" href=csv_data_href(&v.monthly_csv) download=file("months")>"CSV"</a>
                        </div>
                        <DataTable headers=&["Month", "Sessions", "Alpha"]>
                            {v.monthly.iter().map(|m| view! {
                                <tr>
                                    <td data-label="Month">{m.month.clone()}</td>
                                    <td data-label="Sessions" class="num">{m.sessions}</td>
                                    <td data-label="Alpha" class="num">{if m.sessions == 0 { "–".to_string() } else { alpha_text(m.alpha) }}</td>
                                </tr>
                            }).collect_view()}
                        </DataTable>
                    </section>
                </div>
                <section class="card card-flush">
                    <div class="card-title-row">
                        <h2 class="card-title">"By behaviour"</h2>
                        <a class="button small" href=csv_data_href(&v.behaviours_csv) download=file("behaviours")>"CSV"</a>
                    </div>
                    <DataTable headers=&["Behaviour", "Calls", "Alpha", "Reading"]>
                        {v.behaviours.iter().map(|b| view! {
                            <tr>
                                <td data-label="Behaviour">{b.name.clone()}</td>
                                <td data-label="Calls" class="num">{b.calls}</td>
                                <td data-label="Alpha" class="num">{b.alpha.map_or("–".to_string(), |a| format!("{a:.3}"))}</td>
                                <td data-label="Reading">{b.reading.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </DataTable>
                    <p class="hint pad">"Each call is one unit: a behaviour scored on a single call says nothing about agreement, so it needs several calls."</p>
                </section>
                <section class="card card-flush">
                    <div class="card-title-row">
                        <h2 class="card-title">"Leniency by month"</h2>
                        <a class="button small" href=csv_data_href(&v.coaches_csv) download=file("leniency")>"CSV"</a>
                    </div>
                    <div class="table-wrap" tabindex="0">
                        <table class="table">
                            <thead>
                                <tr>
                                    <th scope="col">"Coach"</th>
                                    {v.months.iter().map(|m| view! { <th scope="col" class="num">{m.clone()}</th> }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {v.coaches.iter().map(|c| view! {
                                    <tr>
                                        <th scope="row">{c.name.clone()}</th>
                                        {c.by_month.iter().map(|l| view! {
                                            <td class="num">{l.map_or("–".to_string(), |x| format!("{x:+.2}"))}</td>
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="hint pad">"Levels above (+) or below (−) the median of all the coaches' ratings of the same behaviour on the same call."</p>
                </section>
            }.into_any()
        }}
    }
}

/// α per month on a scale from −0.2 to 1, with the reliable and tentative
/// thresholds drawn; months without a figure leave a gap.
#[component]
fn AlphaTrend(months: Vec<MonthAlpha>) -> impl IntoView {
    const W: f64 = 480.0;
    const H: f64 = 200.0;
    const LEFT: f64 = 40.0;
    const BOTTOM: f64 = 28.0;
    let n = months.len().max(1) as f64;
    let x = move |i: usize| coord(LEFT + (W - LEFT - 12.0) * (i as f64 + 0.5) / n);
    let y = |a: f64| coord(8.0 + (H - BOTTOM - 8.0) * (1.0 - (a.clamp(-0.2, 1.0) + 0.2) / 1.2));
    let summary = months
        .iter()
        .map(|m| {
            format!(
                "{}: {}",
                m.month,
                if m.sessions == 0 {
                    "no sessions".into()
                } else {
                    alpha_text(m.alpha)
                }
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let points: Vec<(f64, f64, String)> = months
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.alpha.map(|a| (x(i), y(a), format!("{a:.2}"))))
        .collect();
    let path = points
        .iter()
        .enumerate()
        .map(|(i, (px, py, _))| format!("{}{px:.1},{py:.1}", if i == 0 { "M" } else { "L" }))
        .collect::<String>();
    view! {
        <svg class="chart alpha-trend" viewBox=format!("0 0 {W} {H}") role="img" aria-label=format!("α per month. {summary}")>
            <rect class="band-reliable" x=LEFT y=y(1.0) width=W - LEFT height=coord(y(0.8) - y(1.0)) />
            <rect class="band-tentative" x=LEFT y=y(0.8) width=W - LEFT height=coord(y(0.667) - y(0.8)) />
            {[1.0, 0.8, 0.667, 0.0].into_iter().map(|t| view! {
                <line class="grid-line" x1=LEFT x2=W y1=y(t) y2=y(t) />
                <text class="axis" x=LEFT - 6.0 y=coord(y(t) + 4.0) text-anchor="end">{format!("{t:.3}").trim_end_matches('0').trim_end_matches('.').to_string()}</text>
            }).collect_view()}
            {months.iter().enumerate().map(|(i, m)| view! {
                <text class="axis" x=x(i) y=H - 8.0 text-anchor="middle">{m.month.split(' ').next().unwrap_or_default().to_string()}</text>
            }).collect_view()}
            <path class="trend-line" d=path />
            {points.into_iter().map(|(px, py, label)| view! {
                <circle class="trend-point" cx=px cy=py r="4" />
                <text class="point-label" x=px y=coord(py - 9.0) text-anchor="middle">{label}</text>
            }).collect_view()}
        </svg>
    }
}
