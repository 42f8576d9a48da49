//! The KPI page's complaint figures (PRODUCT.md §6) from the register, by
//! team or agent, and the service ideas put into practice in the period.

use crate::components::table::DataTable;
use crate::domain::calls::Rectification;
use crate::domain::complaints::ComplaintFigures;
use crate::domain::kpi::text::percent;
use crate::error::AppError;
use crate::types::ComplaintKpis;
use leptos::prelude::*;

fn share(v: Option<f64>) -> String {
    v.map_or_else(|| "–".into(), percent)
}

fn days(v: Option<f64>) -> String {
    v.map_or_else(|| "–".into(), |d| format!("{d:.1} days"))
}

fn kinds(f: &ComplaintFigures) -> String {
    let parts: Vec<String> = Rectification::ALL
        .iter()
        .filter_map(|k| {
            let n = f
                .by_kind
                .iter()
                .find(|(x, _)| x == k)
                .map_or(0, |(_, n)| *n);
            (n > 0).then(|| {
                format!(
                    "{} {}",
                    crate::text::lower(k.label()),
                    share(f.kind_share(*k))
                )
            })
        })
        .collect();
    if parts.is_empty() {
        "none rectified yet".into()
    } else {
        parts.join(" · ")
    }
}

/// The card, once the page's complaint figures (a resource the page makes
/// outside its suspense) have loaded.
#[component]
pub fn ComplaintFiguresCard(figures: Resource<Result<ComplaintKpis, AppError>>) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                figures.await.ok().map(|k| view! { <Figures k=k /> })
            })}
        </Suspense>
    }
}

#[component]
fn Figures(k: ComplaintKpis) -> impl IntoView {
    let t = k.total.clone();
    let tile = |label: &'static str, figure: String, note: String| {
        view! {
            <div class="kpi-tile">
                <dt>{label}</dt>
                <dd class="kpi-figure">{figure}</dd>
                <dd class="kpi-note">{note}</dd>
            </div>
        }
    };
    const BY_AGENT: [&str; 7] = [
        "Agent",
        "Complaints",
        "Rectified",
        "Follow-ups on time",
        "Days to close",
        "Reopened",
        "Overdue",
    ];
    const BY_TEAM: [&str; 7] = {
        let mut h = BY_AGENT;
        h[0] = "Team";
        h
    };
    let header: &'static [&'static str] = if k.rows_are == "Agent" {
        &BY_AGENT
    } else {
        &BY_TEAM
    };
    view! {
        <section class="card" aria-labelledby="kpi-complaints-title">
            <div class="card-title-row flush-x">
                <h2 id="kpi-complaints-title" class="card-title">"Complaints and service ideas"</h2>
                <a class="small" href="/complaints">"Complaint register"</a>
            </div>
            <dl class="kpi-tiles">
                {tile("Complaints received", t.count.to_string(), format!("{} closed, {} overdue", t.closed, t.open_overdue))}
                {tile("Rectified", share(t.rectified_share()), kinds(&t))}
                {tile("Follow-ups on time", share(t.on_time_share()), format!("{} of {} due", t.follow_ups_on_time, t.follow_ups_due))}
                {tile("Days to close (mean)", days(t.mean_days_to_close), format!("over {} closed", t.closed))}
                {tile("Reopened", share(t.reopen_rate()), format!("{} of {} closed", t.reopened, t.ever_closed))}
                {tile("Ideas put into practice", k.ideas_in_practice.to_string(), "in this period, whole organisation".into())}
            </dl>
            {(!k.rows.is_empty()).then(|| view! {
                <DataTable headers=header>
                    {k.rows.iter().map(|r| {
                        let f = &r.figures;
                        view! {
                            <tr>
                                <td data-label=header[0]>{r.label.clone()}</td>
                                <td data-label="Complaints" class="num">{f.count}</td>
                                <td data-label="Rectified" class="num">{share(f.rectified_share())}</td>
                                <td data-label="Follow-ups on time" class="num">{share(f.on_time_share())}</td>
                                <td data-label="Days to close" class="num">{days(f.mean_days_to_close)}</td>
                                <td data-label="Reopened" class="num">{share(f.reopen_rate())}</td>
                                <td data-label="Overdue" class="num">{f.open_overdue}</td>
                            </tr>
                        }
                    }).collect_view()}
                </DataTable>
            })}
            <p class="hint">"Complaints received in the period, from the register. On time: follow-ups done on or before their date, of those whose date has come."</p>
        </section>
    }
}
