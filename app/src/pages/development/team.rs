//! The coach's view of their team.

#[allow(unused_imports)]
use super::*;
use crate::api::development::get_team_overview;
use crate::components::feedback::{loaded, EmptyState};
use crate::components::layout::{AppShell, PageHeader};
use crate::components::table::DataTable;
use crate::domain::targets::TargetStatus;
use crate::types::{TargetSummary, TeamAgentRow};
use leptos::prelude::*;

// ---- The coach's team view --------------------------------------------------

#[component]
pub fn TeamPage() -> impl IntoView {
    view! {
        <AppShell title="Team development">
            <TeamOverview />
        </AppShell>
    }
}

#[component]
pub(super) fn TeamOverview() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_team_overview());
    view! {
            <PageHeader title="Team development" lede="Each agent's blind spots, hidden strengths and targets, from coach ratings over the last 90 days.">
                <a class="button" href="/export/team.csv" download="" rel="external">"Download CSV"</a>
            </PageHeader>
            {loaded(data, move |value| match value {
                        rows if rows.is_empty() => view! {
                            <EmptyState title="No agents yet" body="Agents appear here once an admin adds them to a team you coach." />
                        }.into_any(),
                        rows => view! { <TeamTable rows=rows /> }.into_any(),
    })}
        }
}

#[component]
pub(super) fn TeamTable(rows: Vec<TeamAgentRow>) -> impl IntoView {
    view! {
        <section class="card card-flush">
            <DataTable class="table stack team-dev-table" headers=&["Agent", "Blind spots", "Hidden strengths", "Open targets", "Last practice"]>
                        {rows.into_iter().map(|r| {
                            let open: Vec<TargetSummary> = r.targets.iter().filter(|t| t.status.is_open()).cloned().collect();
                            let count = |s: TargetStatus| r.targets.iter().filter(|t| t.status == s).count();
                            let closed = [(count(TargetStatus::Achieved), "achieved"), (count(TargetStatus::Missed), "missed")]
                                .into_iter()
                                .filter(|(n, _)| *n > 0)
                                .map(|(n, what)| format!("{n} {what}"))
                                .collect::<Vec<_>>()
                                .join(" · ");
                            view! {
                                <tr>
                                    <th scope="row" data-label="Agent">
                                        <a href=format!("/development?agent={}", r.agent.id)>{r.agent.name.clone()}</a>
                                        <span class="muted small block">{r.agent.teams.clone()}</span>
                                        <span class="muted small block">
                                            {format!("{} scored call{} · ", r.scored_calls, if r.scored_calls == 1 { "" } else { "s" })}
                                            {r.self_assessed_on.clone().map_or("not self-assessed".to_string(), |d| format!("self-assessed {d}"))}
                                        </span>
                                    </th>
                                    <td data-label="Blind spots">{chips(&r.blind_spots, "gap-blind")}</td>
                                    <td data-label="Hidden strengths">{chips(&r.hidden_strengths, "gap-hidden")}</td>
                                    <td data-label="Open targets">
                                        {if open.is_empty() {
                                            view! { <span class="muted">"None"</span> }.into_any()
                                        } else {
                                            view! {
                                                <ul class="plain">
                                                    {open.into_iter().map(|t| view! {
                                                        <li><a href=format!("/targets/{}", t.id)>{format!("{} → {}", t.behaviour, t.level)}</a>" "<TargetStatusBadge status=t.status />{(!t.agreed).then(|| view! { <span class="badge warn">"To agree"</span> })}</li>
                                                    }).collect_view()}
                                                </ul>
                                            }.into_any()
                                        }}
                                        {(!closed.is_empty()).then(|| view! { <span class="muted small block">{closed}</span> })}
                                    </td>
                                    <td data-label="Last practice">{r.last_practice.clone().unwrap_or_else(|| "—".into())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </DataTable>
        </section>
    }
}

pub(super) fn chips(items: &[String], class: &'static str) -> AnyView {
    if items.is_empty() {
        return view! { <span class="muted">"None"</span> }.into_any();
    }
    view! {
        <ul class="chips">
            {items.iter().map(|i| view! { <li class=format!("chip {class}")>{i.clone()}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}
