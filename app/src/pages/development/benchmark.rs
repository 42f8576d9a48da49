//! The benchmark: gaps, the table and chart, targets and practice.

#[allow(unused_imports)]
use super::*;
use crate::components::charts::BenchmarkChart;
use crate::components::layout::PageHeader;
use crate::domain::benchmark::{Gap, MIN_CALLS, WINDOW_CHOICES};
use crate::types::{BenchmarkRow, BenchmarkView, PracticeView, TargetSummary};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub(super) fn Benchmark(view: BenchmarkView) -> impl IntoView {
    let navigate = use_navigate();
    let agent_id = view.agent.id;
    let days = view.days;
    let go = {
        let navigate = navigate.clone();
        move |agent: i32, days: i64| {
            navigate(
                &format!("/development?agent={agent}&days={days}"),
                Default::default(),
            )
        }
    };
    let go_agent = go.clone();
    let q = agent_query(&view);
    let title = if view.is_self {
        "Your development".to_string()
    } else {
        format!("{}'s development", view.agent.name)
    };
    let lede = format!(
        "{}Framework version {} · coach ratings from {} scored call{} in the last {} days",
        if view.agent.teams.is_empty() {
            String::new()
        } else {
            format!("{} · ", view.agent.teams)
        },
        view.framework_version,
        view.scored_calls,
        if view.scored_calls == 1 { "" } else { "s" },
        view.days
    );
    let blind: Vec<BenchmarkRow> = view
        .rows
        .iter()
        .filter(|r| r.gap == Gap::BlindSpot)
        .cloned()
        .collect();
    let hidden: Vec<BenchmarkRow> = view
        .rows
        .iter()
        .filter(|r| r.gap == Gap::HiddenStrength)
        .cloned()
        .collect();
    let unclear: Vec<BenchmarkRow> = view
        .rows
        .iter()
        .filter(|r| matches!(r.gap, Gap::NotClearYet { .. }))
        .cloned()
        .collect();
    let never_rated = view.self_assessed_on.is_none();
    let is_self = view.is_self;
    let name = view.agent.name.clone();
    let first = name
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    let new_target = format!("/targets/new{q}");
    let set_label = if is_self {
        "Set a target".to_string()
    } else {
        format!(
            "Set a target with {}",
            name.split_whitespace().next().unwrap_or("them")
        )
    };
    view! {
        <PageHeader title=title lede=lede>
            {is_self.then(|| view! { <a class="button primary" href="/self-assessment/new">"Rate yourself"</a> })}
            <a class="button" href=new_target>{set_label}</a>
            {(!is_self).then(|| view! { <a class="button" href=crate::pages::kpis::agent_coaching_href(agent_id, None)>"Did coaching work?"</a> })}
            <a class="button" href=format!("/export/benchmark.csv?agent={agent_id}&days={days}") download="" rel="external">"Download CSV"</a>
        </PageHeader>
        <div class="toolbar">
            {(!view.agents.is_empty()).then(|| {
                let agents = view.agents.clone();
                view! {
                    <div class="field inline-field">
                        <label for="pick-agent">"Agent"</label>
                        <select id="pick-agent" on:change=move |ev| {
                            if let Ok(id) = event_target_value(&ev).parse::<i32>() { go_agent(id, days) }
                        }>
                            {agents.into_iter().map(|a| {
                                let selected = a.id == agent_id;
                                view! { <option value=a.id.to_string() selected=selected>{a.name.clone()}{(!a.teams.is_empty()).then(|| format!(" · {}", a.teams))}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                }
            })}
            <div class="field inline-field">
                <label for="pick-window">"Coach ratings from"</label>
                <select id="pick-window" on:change=move |ev| {
                    if let Ok(d) = event_target_value(&ev).parse::<i64>() { go(agent_id, d) }
                }>
                    {WINDOW_CHOICES.iter().map(|d| view! { <option value=d.to_string() selected=*d == days>{format!("the last {d} days")}</option> }).collect_view()}
                </select>
            </div>
            <a class="toolbar-link" href=format!("/self-assessment{q}")>
                {match &view.self_assessed_on { Some(d) => format!("Self-assessed {d} · history"), None => "No self-assessment yet".to_string() }}
            </a>
        </div>
        {(never_rated && is_self).then(|| view! {
            <section class="card callout">
                <h2>"Start with a self-assessment"</h2>
                <p>"Rate yourself on each behaviour of the framework, with the level descriptions in front of you. Your ratings then sit beside your coaches' scores, and the differences show where to focus."</p>
                <a class="button primary" href="/self-assessment/new">"Rate yourself"</a>
            </section>
        })}
        <div class="profile-layout">
            <section class="card">
                <h2 class="card-heading">"Profile"</h2>
                <BenchmarkChart rows=view.rows.clone() />
            </section>
            <div class="gap-cards">
                <GapCard title="Blind spots" class="gap-blind" rows=blind q=q.clone()
                    explain=if is_self { "You rate yourself at least a level above your coaches' mean over at least 3 calls, and above its 95% interval.".to_string() } else { format!("{first} rates themself at least a level above the coaches' mean over at least 3 calls, and above its 95% interval.") }
                    none=if is_self { "No blind spots: nowhere do you rate yourself clearly above your coaches.".to_string() } else { format!("No blind spots: nowhere does {first} rate themself clearly above the coaches.") } />
                <GapCard title="Hidden strengths" class="gap-hidden" rows=hidden q=q.clone()
                    explain=if is_self { "Your coaches rate you at least a level above your own rating, and your rating is below their 95% interval.".to_string() } else { format!("The coaches rate {first} at least a level above their own rating, which is below the coaches' 95% interval.") }
                    none=if is_self { "No hidden strengths: nowhere do your coaches rate you clearly above yourself.".to_string() } else { format!("No hidden strengths: nowhere do the coaches rate {first} clearly above their own rating.") } />
                {(!unclear.is_empty()).then(|| view! {
                    <GapCard title="Not clear yet" class="gap-unclear" rows=unclear q=q.clone()
                        explain="A gap of a level or more that still lies inside the 95% interval: the calls so far cannot tell it from chance."
                        none="" />
                })}
            </div>
        </div>
        <section class="card card-flush">
            <h2 class="card-title">"Behaviour by behaviour"</h2>
            <BenchmarkTable rows=view.rows.clone() q=q.clone() />
        </section>
        <div class="grid two">
            <section class="card">
                <div class="card-head">
                    <h2>"Targets"</h2>
                    <a href=format!("/targets/new{q}")>"New target"</a>
                </div>
                <TargetList targets=view.targets.clone() />
            </section>
            <section class="card">
                <div class="card-head">
                    <h2>"Recent practice"</h2>
                    <a href=format!("/practice{q}")>{if is_self { "Log practice" } else { "Practice log" }}</a>
                </div>
                <PracticeList entries=view.practice.clone() compact=true />
            </section>
        </div>
    }
}

/// What would settle a gap that is not clear yet, as a trailing clause;
/// empty for every other comparison.
fn more_calls(gap: Gap) -> String {
    gap.settle_note()
        .map(|note| format!(" · {note}"))
        .unwrap_or_default()
}

#[component]
pub(super) fn GapCard(
    #[prop(into)] title: String,
    #[prop(into)] class: String,
    rows: Vec<BenchmarkRow>,
    q: String,
    #[prop(into)] explain: String,
    #[prop(into)] none: String,
) -> impl IntoView {
    let count = rows.len();
    view! {
        <section class=format!("card gap-card {class}")>
            <h2>{title}<span class="count">{count}</span></h2>
            <p class="muted small">{explain}</p>
            {if rows.is_empty() {
                view! { <p>{none}</p> }.into_any()
            } else {
                view! {
                    <ul class="gap-list">
                        {rows.into_iter().map(|r| {
                            let coach = r.coach.as_ref().map(|c| fmt1(c.mean)).unwrap_or_default();
                            let action = match r.open_target {
                                Some(id) => view! { <a href=format!("/targets/{id}")>"Open target"</a> }.into_any(),
                                None => {
                                    let sep = if q.is_empty() { '?' } else { '&' };
                                    view! { <a href=format!("/targets/new{q}{sep}behaviour={}", r.behaviour_id)>"Set a target"</a> }.into_any()
                                }
                            };
                            view! {
                                <li>
                                    <span class="gap-name">{r.name.clone()}</span>
                                    <span class="muted small">{format!("self {} · coach {coach}", r.self_level.unwrap_or_default())}{more_calls(r.gap)}</span>
                                    {action}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub(super) fn BenchmarkTable(rows: Vec<BenchmarkRow>, q: String) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="table stack benchmark-table">
                <thead>
                    <tr>
                        <th scope="col">"Behaviour"</th>
                        <th scope="col" class="num">"Self"</th>
                        <th scope="col" class="num">"Coach"</th>
                        <th scope="col" class="num">"Calls"</th>
                        <th scope="col">"95% interval"</th>
                        <th scope="col">"Comparison"</th>
                        <th scope="col">"Target"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let (coach, calls, interval) = match &r.coach {
                            Some(c) => (
                                fmt1(c.mean),
                                c.calls.to_string(),
                                match c.interval {
                                    Some((lo, hi)) if c.calls >= MIN_CALLS => format!("{}–{}", fmt1(lo), fmt1(hi)),
                                    _ => "too few calls".to_string(),
                                },
                            ),
                            None => ("—".to_string(), "0".to_string(), "too few calls".to_string()),
                        };
                        let sep = if q.is_empty() { '?' } else { '&' };
                        let target = match r.open_target {
                            Some(id) => view! { <a href=format!("/targets/{id}")>"Open"</a> }.into_any(),
                            None => view! { <a class="muted-link" href=format!("/targets/new{q}{sep}behaviour={}", r.behaviour_id)>"Set"</a> }.into_any(),
                        };
                        view! {
                            <tr class=r.gap.class()>
                                <th scope="row" data-label="Behaviour">
                                    <span class="behaviour-name">{r.name.clone()}</span>
                                    <span class="muted small block">{r.cluster.clone()}</span>
                                    {(!r.self_example.is_empty()).then(|| view! { <span class="example small block">{format!("“{}”", r.self_example)}</span> })}
                                </th>
                                <td class="num" data-label="Self">{r.self_level.map_or("—".to_string(), |l| l.to_string())}</td>
                                <td class="num" data-label="Coach">{coach}</td>
                                <td class="num" data-label="Calls">{calls}</td>
                                <td data-label="95% interval" class:muted=interval == "too few calls">{interval.clone()}</td>
                                <td data-label="Comparison">
                                    <span class=format!("gap-badge {}", r.gap.class()) title=r.gap.explanation()>{r.gap.label()}</span>
                                    {matches!(r.gap, Gap::NotClearYet { .. }).then(|| view! { <span class="muted small block">{more_calls(r.gap).trim_start_matches(" · ").to_string()}</span> })}
                                </td>
                                <td data-label="Target">{target}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn TargetList(targets: Vec<TargetSummary>) -> impl IntoView {
    if targets.is_empty() {
        return view! { <p class="muted">"No targets yet. Pick a behaviour from the table, ideally a blind spot, and set one."</p> }.into_any();
    }
    view! {
        <ul class="target-list">
            {targets.into_iter().map(|t| view! {
                <li>
                    <a href=format!("/targets/{}", t.id) class="target-name">{t.behaviour.clone()}</a>
                    <TargetStatusBadge status=t.status />
                    <span class="muted small block">
                        {format!(
                            "Level {} by {} · {}",
                            t.level,
                            t.due_on,
                            match t.mean {
                                Some(m) => format!("mean {} over {} call{} since it was set", fmt1(m), t.calls, if t.calls == 1 { "" } else { "s" }),
                                None => "no calls scored since it was set".to_string(),
                            }
                        )}
                        {t.achieved_on.clone().map(|d| format!(" · achieved {d}"))}
                        {(!t.agreed).then_some(" · awaiting coach agreement")}
                    </span>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn PracticeList(entries: Vec<PracticeView>, #[prop(optional)] compact: bool) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="muted">"No practice logged yet. Role-plays with a peer are a safe place to try a behaviour before live calls."</p> }.into_any();
    }
    view! {
        <ul class="practice-list">
            {entries.into_iter().map(|p| view! {
                <li>
                    <div class="practice-head">
                        <strong>{p.on.clone()}</strong>
                        <span class="badge">{p.kind.clone()}</span>
                        <span class="muted small">{format!("{} · rated {}/5", p.rated_by, p.rating)}</span>
                    </div>
                    <p class="practice-scenario">{p.scenario.clone()}</p>
                    <p class="muted small">{p.behaviours.join(" · ")}</p>
                    {(!compact && !p.reflection.is_empty()).then(|| view! { <p class="reflection">{p.reflection.clone()}</p> })}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
