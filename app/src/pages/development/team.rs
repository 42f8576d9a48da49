//! The coach's view of their team.

#[allow(unused_imports)]
use super::*;
use crate::api::development::get_team_overview;
use crate::components::feedback::{loaded, EmptyState};
use crate::components::layout::{AppShell, PageHeader};
use crate::components::table::DataTable;
use crate::domain::targets::TargetStatus;
use crate::types::{GapChip, TargetSummary, TeamAgentRow};
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

/// Rows shown before "Show more".
const ROWS_AT_FIRST: usize = 50;

/// How the coach orders the team table.
#[derive(Clone, Copy, PartialEq)]
enum TeamOrder {
    BlindSpots,
    TargetsAtRisk,
    FewestCalls,
    Name,
}

impl TeamOrder {
    const ALL: [(TeamOrder, &'static str, &'static str); 4] = [
        (TeamOrder::BlindSpots, "blind", "Widest blind spots first"),
        (TeamOrder::TargetsAtRisk, "risk", "Targets at risk first"),
        (TeamOrder::FewestCalls, "calls", "Fewest scored calls first"),
        (TeamOrder::Name, "name", "Name"),
    ];

    fn parse(key: &str) -> TeamOrder {
        Self::ALL
            .iter()
            .find(|(_, k, _)| *k == key)
            .map_or(TeamOrder::BlindSpots, |(o, _, _)| *o)
    }

    fn sort(self, rows: &mut [TeamAgentRow]) {
        let widest = |r: &TeamAgentRow| r.blind_spots.first().map_or(0.0, |c| c.levels);
        let troubled = |r: &TeamAgentRow| {
            r.targets
                .iter()
                .filter(|t| matches!(t.status, TargetStatus::AtRisk | TargetStatus::Missed))
                .count()
        };
        let by_name = |a: &TeamAgentRow, b: &TeamAgentRow| a.agent.name.cmp(&b.agent.name);
        match self {
            TeamOrder::BlindSpots => rows.sort_by(|a, b| {
                b.blind_spots
                    .len()
                    .cmp(&a.blind_spots.len())
                    .then(widest(b).total_cmp(&widest(a)))
                    .then(by_name(a, b))
            }),
            TeamOrder::TargetsAtRisk => {
                rows.sort_by(|a, b| troubled(b).cmp(&troubled(a)).then(by_name(a, b)))
            }
            TeamOrder::FewestCalls => {
                rows.sort_by(|a, b| a.scored_calls.cmp(&b.scored_calls).then(by_name(a, b)))
            }
            TeamOrder::Name => rows.sort_by(by_name),
        }
    }
}

/// The agents' teams, each once, by name.
fn team_names(rows: &[TeamAgentRow]) -> Vec<String> {
    let mut names: Vec<String> = rows
        .iter()
        .flat_map(|r| r.agent.teams.split(", ").filter(|t| !t.is_empty()))
        .map(str::to_string)
        .collect();
    names.sort();
    names.dedup();
    names
}

#[component]
pub(super) fn TeamTable(rows: Vec<TeamAgentRow>) -> impl IntoView {
    let teams = team_names(&rows);
    let all = StoredValue::new(rows);
    let team = RwSignal::new(String::new());
    let order = RwSignal::new("blind".to_string());
    let shown = Memo::new(move |_| {
        let team = team.get();
        let mut rows: Vec<TeamAgentRow> = all.with_value(|rows| {
            rows.iter()
                .filter(|r| team.is_empty() || r.agent.teams.split(", ").any(|t| t == team))
                .cloned()
                .collect()
        });
        TeamOrder::parse(&order.get()).sort(&mut rows);
        rows
    });
    // A leader's whole organisation can be hundreds of agents: the first
    // rows in the chosen order show at once, the rest on request.
    let limit = RwSignal::new(ROWS_AT_FIRST);
    let visible = move || {
        let n = limit.get();
        shown.with(|rows| rows.iter().take(n).cloned().collect::<Vec<_>>())
    };
    let hidden = move || shown.with(Vec::len).saturating_sub(limit.get());
    view! {
        <section class="card filters" aria-label="Order and filter">
            {(teams.len() > 1).then(|| view! {
                <div class="field compact">
                    <label for="team-filter">"Team"</label>
                    <select id="team-filter" bind:value=team>
                        <option value="">"All teams"</option>
                        {teams.into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field compact">
                <label for="team-order">"Order"</label>
                <select id="team-order" bind:value=order>
                    {TeamOrder::ALL.iter().map(|(_, key, label)| view! { <option value=*key>{*label}</option> }).collect_view()}
                </select>
            </div>
            <p class="muted small" role="status">
                {move || {
                    let n = shown.with(Vec::len);
                    let all = format!("{n} agent{}", if n == 1 { "" } else { "s" });
                    if hidden() > 0 { format!("The first {} of {all}", limit.get()) } else { all }
                }}
            </p>
        </section>
        <section class="card card-flush">
            <DataTable class="table stack team-dev-table" headers=&["Agent", "Blind spots", "Hidden strengths", "Open targets", "Last practice"]>
                <For each=visible key=|r| r.agent.id let:r>
                    <TeamRow r=r />
                </For>
            </DataTable>
            {move || (hidden() > 0).then(|| view! {
                <div class="load-more">
                    <button class="button" type="button" on:click=move |_| limit.update(|n| *n += ROWS_AT_FIRST)>
                        {format!("Show {} more", hidden().min(ROWS_AT_FIRST))}
                    </button>
                    <button class="button ghost" type="button" on:click=move |_| limit.set(usize::MAX)>
                        {format!("Show all {}", shown.with(Vec::len))}
                    </button>
                </div>
            })}
        </section>
    }
}

#[component]
fn TeamRow(r: TeamAgentRow) -> impl IntoView {
    let open: Vec<TargetSummary> = r
        .targets
        .iter()
        .filter(|t| t.status.is_open())
        .cloned()
        .collect();
    let count = |s: TargetStatus| r.targets.iter().filter(|t| t.status == s).count();
    let closed = [
        (count(TargetStatus::Achieved), "achieved"),
        (count(TargetStatus::Missed), "missed"),
    ]
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
}

/// How many gaps show before the rest fold away.
const CHIPS_SHOWN: usize = 3;

/// The widest gaps as chips, the rest behind "n more".
pub(super) fn chips(items: &[GapChip], class: &'static str) -> AnyView {
    if items.is_empty() {
        return view! { <span class="muted">"None"</span> }.into_any();
    }
    let chip = move |c: &GapChip| {
        let title = format!(
            "Rates themself {:.1} level{} {} the coaches",
            c.levels.abs(),
            if (c.levels.abs() - 1.0).abs() < 0.05 {
                ""
            } else {
                "s"
            },
            if c.levels > 0.0 { "above" } else { "below" }
        );
        view! { <li class=format!("chip {class}") title=title>{c.name.clone()}" "<span class="chip-gap">{format!("{:+.1}", c.levels)}</span></li> }
    };
    let (first, rest) = items.split_at(items.len().min(CHIPS_SHOWN));
    view! {
        <ul class="chips">{first.iter().map(chip).collect_view()}</ul>
        {(!rest.is_empty()).then(|| view! {
            <details class="more-chips">
                <summary>{format!("{} more", rest.len())}</summary>
                <ul class="chips">{rest.iter().map(chip).collect_view()}</ul>
            </details>
        })}
    }
    .into_any()
}
