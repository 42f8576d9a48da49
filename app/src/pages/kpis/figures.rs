//! The KPI headline tiles and the tables beside the trend: each figure
//! with its n, and "too few responses (n)" or "no answers" where there is
//! no figure to give.

use crate::components::table::DataTable;
use crate::domain::calls::Channel;
use crate::domain::kpi::text::{duration, durations_text, not_shown, nps_value, percent};
use crate::domain::kpi::{Durations, Estimate, Shown, MIN_RESPONSES};
use crate::types::KpiRow;
use leptos::prelude::*;

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One headline figure: what it is, the figure, and what it rests on.
fn tile(label: &'static str, figure: String, note: String, missing: bool) -> impl IntoView {
    view! {
        <div class="kpi-tile" class:missing=missing>
            <dt>{label}</dt>
            <dd class="kpi-figure">{figure}</dd>
            <dd class="kpi-note">{note}</dd>
        </div>
    }
}

fn estimate_tile(
    label: &'static str,
    shown: &Shown<Estimate>,
    value: impl Fn(&Estimate) -> String,
    interval: impl Fn(&Estimate) -> String,
    of: (&str, &str),
) -> impl IntoView {
    match shown {
        Shown::Figure(e) => tile(
            label,
            value(e),
            format!("{} · {}", interval(e), count(e.n, of.0, of.1)),
            false,
        ),
        other => tile(
            label,
            "–".into(),
            not_shown(other).unwrap_or_default(),
            true,
        ),
    }
}

fn duration_tile(label: &'static str, d: Option<&Durations>, scale: f64) -> impl IntoView {
    match d {
        Some(d) if d.n >= MIN_RESPONSES => tile(
            label,
            duration(d.mean * scale),
            format!(
                "median {} · {}",
                duration(d.median * scale),
                count(d.n, "enquiry", "enquiries")
            ),
            false,
        ),
        Some(d) => tile(label, "–".into(), format!("too few ({})", d.n), true),
        None => tile(label, "–".into(), "none resolved".into(), true),
    }
}

/// The range's headline figures.
#[component]
pub fn KpiTiles(total: KpiRow) -> impl IntoView {
    view! {
        <dl class="kpi-tiles">
            {estimate_tile("NPS", &total.nps, |e| nps_value(e.value), |e| format!("±{:.0}", (e.high - e.low) / 2.0), ("answer", "answers"))}
            {estimate_tile("CSAT (4–5 of 5)", &total.csat, |e| percent(e.value), |e| format!("{:.1}–{}", e.low * 100.0, percent(e.high)), ("answer", "answers"))}
            {estimate_tile("Abandonment", &total.abandonment, |e| percent(e.value), |e| format!("{:.1}–{}", e.low * 100.0, percent(e.high)), ("enquiry", "enquiries"))}
            {duration_tile("Resolution time (mean)", total.resolution_minutes.as_ref(), 60.0)}
            {tile("Complaints", total.complaints.to_string(), format!("of {}", count(total.enquiries, "enquiry", "enquiries")), false)}
        </dl>
    }
}

fn estimate_cells(shown: &Shown<Estimate>, value: impl Fn(&Estimate) -> String) -> AnyView {
    match shown {
        Shown::Figure(e) => view! {
            <span class="kpi-cell">{value(e)}</span>
            <span class="muted small">{format!(" n {}", e.n)}</span>
        }
        .into_any(),
        other => view! { <span class="muted small">{not_shown(other)}</span> }.into_any(),
    }
}

/// One row per period, newest first.
#[component]
pub fn PeriodTable(periods: Vec<KpiRow>) -> impl IntoView {
    view! {
        <DataTable headers=&["Period", "Enquiries", "NPS", "CSAT", "Abandonment", "Resolution", "Complaints"]>
            {periods.into_iter().rev().map(|r| view! {
                <tr>
                    <th scope="row" data-label="Period">{r.label.clone()}</th>
                    <td data-label="Enquiries" class="num">{r.enquiries}</td>
                    <td data-label="NPS" class="num">{estimate_cells(&r.nps, |e| format!("{} ±{:.0}", nps_value(e.value), (e.high - e.low) / 2.0))}</td>
                    <td data-label="CSAT" class="num">{estimate_cells(&r.csat, |e| percent(e.value))}</td>
                    <td data-label="Abandonment" class="num">{estimate_cells(&r.abandonment, |e| percent(e.value))}</td>
                    <td data-label="Resolution" class="num">{durations_text(r.resolution_minutes.map(|d| Durations { mean: d.mean * 60.0, median: d.median * 60.0, ..d }).as_ref())}</td>
                    <td data-label="Complaints" class="num">{r.complaints}</td>
                </tr>
            }).collect_view()}
        </DataTable>
    }
}

/// First response by channel: email is answered in hours, chat in seconds,
/// so one mean over both would describe neither.
#[component]
pub fn ChannelTable(rows: Vec<(Channel, Option<Durations>)>) -> impl IntoView {
    view! {
        <DataTable headers=&["Channel", "With a first response", "Mean", "Median"]>
            {rows.into_iter().map(|(c, d)| {
                let (n, mean, median) = match d {
                    Some(d) if d.n >= MIN_RESPONSES => (d.n.to_string(), duration(d.mean), duration(d.median)),
                    Some(d) => (d.n.to_string(), format!("too few ({})", d.n), String::new()),
                    None => ("0".into(), "none".into(), String::new()),
                };
                view! {
                    <tr>
                        <th scope="row" data-label="Channel">{c.label()}</th>
                        <td data-label="With a first response" class="num">{n}</td>
                        <td data-label="Mean" class="num">{mean}</td>
                        <td data-label="Median" class="num">{median}</td>
                    </tr>
                }
            }).collect_view()}
        </DataTable>
    }
}
