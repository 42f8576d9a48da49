//! The coach's view of their team.

#[allow(unused_imports)]
use super::*;
use crate::api::development::{get_team_overview, get_team_view};
use crate::components::feedback::{loaded, EmptyState, ErrorPanel, Loading};
use crate::components::layout::{AppShell, PageHeader};
use crate::components::table::DataTable;
use crate::domain::targets::TargetStatus;
use crate::types::{
    GapChip, TargetSummary, TeamAgentRow, TeamOrder, TeamOverview, TeamView, TEAM_ROWS_AT_FIRST,
};
use leptos::prelude::*;

// ---- The coach's team view --------------------------------------------------

#[component]
pub fn TeamPage() -> impl IntoView {
    view! {
        <AppShell title="Team development">
            <TeamDevelopment />
        </AppShell>
    }
}

#[component]
fn TeamDevelopment() -> impl IntoView {
    let first = Resource::new(|| (), |_| get_team_overview());
    view! {
            <PageHeader title="Team development" lede="Each agent's blind spots, hidden strengths and targets, from coach ratings over the last 90 days.">
                <a class="button" href="/export/team.csv" download="" rel="external">"Download CSV"</a>
            </PageHeader>
            {loaded(first, move |first| match first {
                        first if first.matching == 0 => view! {
                            <EmptyState title="No agents yet" body="Agents appear here once an admin adds them to a team you coach." />
                        }.into_any(),
                        first => view! { <TeamTable first=first /> }.into_any(),
    })}
        }
}

/// The table opens on the view the page came with; another team, order or
/// more rows ask the server, which orders every agent and sends only the
/// rows shown. The filters and buttons stay put (and keep focus) while the
/// rows reload beneath them.
#[component]
fn TeamTable(first: TeamOverview) -> impl IntoView {
    let teams = first.teams.clone();
    let matching = RwSignal::new(first.matching);
    let sent = RwSignal::new(first.rows.len());
    let first = StoredValue::new(first);
    let team = RwSignal::new(String::new());
    let order = RwSignal::new(TeamOrder::default().key().to_string());
    let shown = RwSignal::new(TEAM_ROWS_AT_FIRST);
    let view = Memo::new(move |_| TeamView {
        team: Some(team.get()).filter(|t| !t.is_empty()),
        order: TeamOrder::parse(&order.get()),
        shown: shown.get(),
    });
    // The opening view is the one the page came with: nothing to ask.
    // Each answer carries the view it answers.
    let picked = Resource::new(
        move || view.get(),
        |v| async move {
            let answer = if v == TeamView::default() {
                None
            } else {
                Some(get_team_view(v.team.clone(), v.order, v.shown).await)
            };
            (v, answer)
        },
    );
    // The view whose rows are on screen. Only the browser moves it and the
    // counts, as the rows arrive: the server renders the opening view,
    // which they already describe. (The `Transition` is not asked to set a
    // pending flag: on the server that flag was now and then found disposed
    // while the page rendered, and the person got no page at all.)
    let answered = RwSignal::new(TeamView::default());
    let settle = move |v: TeamView, counts: Option<(usize, usize)>| {
        if cfg!(feature = "hydrate") {
            if let Some((n, rows)) = counts {
                matching.set(n);
                sent.set(rows);
            }
            answered.set(v);
        }
    };
    let pending = move || view.get() != answered.get();
    let hidden = move || matching.get().saturating_sub(sent.get());
    let from_first = move |_| shown.set(TEAM_ROWS_AT_FIRST);
    view! {
        <section class="card filters" aria-label="Order and filter">
            {(teams.len() > 1).then(|| view! {
                <div class="field compact">
                    <label for="team-filter">"Team"</label>
                    <select id="team-filter" bind:value=team on:change=from_first>
                        <option value="">"All teams"</option>
                        {teams.into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field compact">
                <label for="team-order">"Order"</label>
                <select id="team-order" bind:value=order on:change=from_first>
                    {TeamOrder::ALL.iter().map(|(o, label)| view! { <option value=o.key()>{*label}</option> }).collect_view()}
                </select>
            </div>
            <p class="muted small" role="status">
                {move || {
                    let n = matching.get();
                    let all = format!("{n} agent{}", if n == 1 { "" } else { "s" });
                    let what = if hidden() > 0 { format!("The first {} of {all}", sent.get()) } else { all };
                    if pending() { format!("{what} · updating…") } else { what }
                }}
            </p>
        </section>
        <section class="card card-flush" aria-busy=move || pending().to_string()>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    let (v, answer) = picked.await;
                    let overview = match answer {
                        None => first.get_value(),
                        Some(Ok(overview)) => overview,
                        Some(Err(e)) => {
                            // The counts stay those of the rows before.
                            settle(v, None);
                            return view! { <ErrorPanel error=e /> }.into_any();
                        }
                    };
                    settle(v, Some((overview.matching, overview.rows.len())));
                    view! {
                        <DataTable class="table stack team-dev-table" headers=&["Agent", "Blind spots", "Hidden strengths", "Open targets", "Last practice"]>
                            <For each=move || overview.rows.clone() key=|r| r.agent.id let:r>
                                <TeamRow r=r />
                            </For>
                        </DataTable>
                    }.into_any()
                })}
            </Transition>
            <Show when=move || { hidden() > 0 }>
                <div class="load-more">
                    <button class="button" type="button" disabled=pending on:click=move |_| shown.update(|n| *n = sent.get_untracked() + TEAM_ROWS_AT_FIRST)>
                        {move || format!("Show {} more", hidden().min(TEAM_ROWS_AT_FIRST))}
                    </button>
                    <button class="button ghost" type="button" disabled=pending on:click=move |_| shown.set(matching.get_untracked())>
                        {move || format!("Show all {}", matching.get())}
                    </button>
                </div>
            </Show>
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
