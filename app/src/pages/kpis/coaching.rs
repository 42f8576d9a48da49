//! Did coaching work: the targets set in a period with their behaviour's
//! change since, and one agent's behaviours before against after a
//! coaching date (`?agent=`).

use super::filters::KpiFilters;
use super::{range_label, section_tabs, Section};
use crate::api::insight::{get_agent_coaching, get_target_effects};
use crate::components::feedback::{reloadable, EmptyState};
use crate::components::layout::PageHeader;
use crate::domain::insight::{Change, MIN_SIDE};
use crate::domain::validation::day_label;
use crate::types::{
    CoachingRow, CoachingView, CoachingWindows, KpiQuery, SideFigures, TargetEffects,
};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

pub const COACHING_PATH: &str = "/kpis/coaching";

pub fn coaching_href(q: &KpiQuery) -> String {
    format!("{COACHING_PATH}?{}", q.to_params())
}

/// One agent's before and after, from a coaching date (blank: their latest
/// target, or thirty days ago).
pub fn agent_coaching_href(agent_id: i32, on: Option<&str>) -> String {
    match on {
        Some(on) => format!("{COACHING_PATH}?agent={agent_id}&on={on}"),
        None => format!("{COACHING_PATH}?agent={agent_id}"),
    }
}

#[component]
pub(super) fn Coaching() -> impl IntoView {
    let params = use_query_map();
    let agent = Memo::new(move |_| {
        params.with(|p| {
            p.get("agent")
                .and_then(|a| a.parse::<i32>().ok())
                .map(|a| (a, p.get("on").filter(|o| !o.is_empty())))
        })
    });
    move || match agent.get() {
        Some((id, on)) => view! { <AgentCoaching agent_id=id on=on /> }.into_any(),
        None => view! { <TargetList /> }.into_any(),
    }
}

fn date_label(raw: &str) -> String {
    raw.parse::<NaiveDate>().map_or(raw.to_string(), day_label)
}

/// "14 calls, mean 2.6".
fn side_text(s: SideFigures) -> String {
    match s.mean {
        Some(m) => format!("{m:.1}"),
        None => "–".into(),
    }
}

/// A change in levels, signed; one that rounds to nothing is 0.0.
fn signed(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 {
        "0.0".into()
    } else {
        format!("{r:+.1}")
    }
}

fn change_cell(c: Change) -> AnyView {
    match c {
        Change::TooFew => view! {
            <td data-label="Change" class="num muted">{format!("Too few calls (under {MIN_SIDE} a side)")}</td>
        }
        .into_any(),
        Change::Measured {
            difference,
            interval,
        } => {
            let moved = interval.map(|i| i.excludes_zero());
            let class = match (moved, difference > 0.0) {
                (Some(true), true) => "change up",
                (Some(true), false) => "change down",
                _ => "change",
            };
            view! {
                <td data-label="Change" class="num">
                    <strong class=class>{signed(difference)}</strong>
                    <span class="muted small block">{match interval {
                        Some(i) => format!("95% {} to {}", signed(i.low), signed(i.high)),
                        None => "no spread on either side".into(),
                    }}</span>
                </td>
            }
            .into_any()
        }
    }
}

fn side_cells(r: &CoachingRow) -> impl IntoView {
    view! {
        <td data-label="Before" class="num">{side_text(r.before)}<span class="muted small block">{format!("{} calls", r.before.calls)}</span></td>
        <td data-label="After" class="num">{side_text(r.after)}<span class="muted small block">{format!("{} calls", r.after.calls)}</span></td>
        {change_cell(r.change)}
    }
}

fn windows_text(w: &CoachingWindows) -> String {
    format!(
        "Calls in the {} days before {} against the {} days from it (to {}); each call's value is the mean level of its reviews, Missed 0. The change is after minus before, with a 95% Welch interval.",
        w.days,
        date_label(&w.on),
        w.days,
        date_label(&w.after_to)
    )
}

/// The headings over [`side_cells`].
fn side_headings() -> impl IntoView {
    view! {
        <th scope="col" class="num">"Before"</th>
        <th scope="col" class="num">"After"</th>
        <th scope="col" class="num">"Change"</th>
    }
}

/// Behaviours before against after, one row each.
#[component]
fn ChangeTable(rows: Vec<CoachingRow>) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="table stack coaching-table">
                <thead>
                    <tr>
                        <th scope="col">"Behaviour"</th>
                        {side_headings()}
                    </tr>
                </thead>
                <tbody>
                    {rows.iter().map(|r| view! {
                        <tr>
                            <th scope="row" data-label="Behaviour">{r.name.clone()}</th>
                            {side_cells(r)}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The before-and-after of one behaviour, as the target page shows it.
#[component]
pub fn TargetChange(row: CoachingRow, windows: CoachingWindows) -> impl IntoView {
    view! {
        <ChangeTable rows=vec![row] />
        <p class="hint pad">{windows_text(&windows)}</p>
    }
}

#[component]
fn TargetList() -> impl IntoView {
    let params = use_query_map();
    let today = crate::auth::today();
    let query = Memo::new(move |_| params.with(|p| KpiQuery::from_params(|k| p.get(k), today)));
    let view = Resource::new(move || query.get(), get_target_effects);
    view! { {reloadable(view, |v| view! { <TargetListBody v=v /> }.into_any())} }
}

#[component]
fn TargetListBody(v: TargetEffects) -> impl IntoView {
    let navigate = use_navigate();
    let go = Callback::new(move |next: KpiQuery| {
        navigate(
            &coaching_href(&next),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        )
    });
    let q = v.query.clone();
    let csv = format!("/export/target-effects.csv?{}", q.to_params());
    let has_targets = !v.targets.is_empty();
    let measured = v
        .targets
        .iter()
        .filter(|t| matches!(t.row.change, Change::Measured { .. }))
        .count();
    view! {
        <PageHeader
            title="Did coaching work?"
            lede=format!("Targets set for {}, {}, and how their behaviour moved since.", v.reach, range_label(&q))
        >
            {has_targets.then(|| view! {
                <a class="button" href=csv download="" rel="external">"Download CSV"</a>
            })}
        </PageHeader>
        {section_tabs(Section::Coaching, &q)}
        <KpiFilters q=q.clone() scope=v.scope.clone() go=go abandons=false grouping=false by_channel=false />
        {if v.targets.is_empty() {
            view! {
                <EmptyState title="No targets set in this period" body="Targets appear here once they are set; widen the period to see older ones." />
            }.into_any()
        } else {
            view! {
                <section class="card card-flush" aria-labelledby="effects-title">
                    <div class="card-title-row">
                        <h2 id="effects-title" class="card-title">{format!("{} targets, {} with enough calls to measure", v.targets.len(), measured)}</h2>
                    </div>
                    <div class="table-wrap" tabindex="0">
                        <table class="table stack coaching-table">
                            <thead>
                                <tr>
                                    <th scope="col">"Agent"</th>
                                    <th scope="col">"Behaviour"</th>
                                    <th scope="col">"Set on"</th>
                                    {side_headings()}
                                </tr>
                            </thead>
                            <tbody>
                                {v.targets.iter().map(|t| view! {
                                    <tr>
                                        <th scope="row" data-label="Agent">
                                            <a href=agent_coaching_href(t.agent.id, Some(&t.windows.on))>{t.agent.name.clone()}</a>
                                        </th>
                                        <td data-label="Behaviour"><a href=format!("/targets/{}", t.target_id)>{t.row.name.clone()}</a></td>
                                        <td data-label="Set on">{date_label(&t.windows.on)}<span class="muted small block">{format!("{} days each side", t.windows.days)}</span></td>
                                        {side_cells(&t.row)}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <p class="hint pad">"Each target's behaviour over the calls before it was set against the calls since, in windows of equal length (up to 90 days), with a 95% Welch interval. A change whose interval leaves out zero is marked in colour."</p>
                </section>
            }.into_any()
        }}
    }
}

#[component]
fn AgentCoaching(agent_id: i32, on: Option<String>) -> impl IntoView {
    let view = Resource::new(
        move || on.clone(),
        move |on| get_agent_coaching(agent_id, on),
    );
    view! { {reloadable(view, |v| view! { <AgentCoachingBody v=v /> }.into_any())} }
}

#[component]
fn AgentCoachingBody(v: CoachingView) -> impl IntoView {
    let navigate = use_navigate();
    let agent_id = v.agent.id;
    let on_date = move |ev| {
        let on = event_target_value(&ev);
        if !on.is_empty() {
            navigate(
                &agent_coaching_href(agent_id, Some(&on)),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let csv = format!("/export/coaching.csv?agent={agent_id}&on={}", v.windows.on);
    let today = crate::auth::today();
    let q = KpiQuery::last_days(
        today,
        crate::types::DEFAULT_KPI_DAYS,
        crate::domain::kpi::Grouping::Week,
    );
    view! {
        <PageHeader
            title=format!("Did coaching work? {}", v.agent.name)
            lede=format!("Every behaviour of {} before and after {}.", v.agent.name, date_label(&v.windows.on))
        >
            <a class="button" href=csv download="" rel="external">"Download CSV"</a>
        </PageHeader>
        {section_tabs(Section::Coaching, &q)}
        <section class="card filters" aria-label="When the coaching was">
            <div class="field compact">
                <label for="c-on">"Coaching date"</label>
                <input id="c-on" type="date" prop:value=v.windows.on.clone() on:change=on_date />
            </div>
            {(!v.target_dates.is_empty()).then(|| view! {
                <div class="date-picks">
                    <span class="muted small">"Targets set:"</span>
                    <ul class="chips">
                        {v.target_dates.iter().map(|(on, behaviour)| view! {
                            <li>
                                <a class="chip" href=agent_coaching_href(agent_id, Some(on)) aria-current=(*on == v.windows.on).then_some("true")>
                                    {format!("{} · {behaviour}", date_label(on))}
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <p class="hint">{windows_text(&v.windows)}</p>
        </section>
        <section class="card card-flush" aria-labelledby="agent-change-title">
            <div class="card-title-row">
                <h2 id="agent-change-title" class="card-title">"Before and after, by behaviour"</h2>
                <a class="button small" href=format!("/development?agent={agent_id}")>"Development page"</a>
            </div>
            <ChangeTable rows=v.rows.clone() />
        </section>
    }
}
