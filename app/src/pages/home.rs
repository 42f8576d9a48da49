use crate::api::home::get_home;
use crate::components::feedback::{EmptyState, ErrorPanel, Loading};
use crate::components::layout::{AppShell, PageHeader};
use crate::types::{HomeOverview, OrgCounts, TeamDetail};
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| get_home());
    view! {
        <AppShell title="Home">
            <Suspense fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match overview.await {
                        Ok(o) => view! { <Home overview=o /> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </AppShell>
    }
}

#[component]
fn Home(overview: HomeOverview) -> impl IntoView {
    let me = overview.me.clone();
    let lede = format!("{} at {}", me.roles.describe(), me.org_name);
    let is_agent = !overview.agent_of.is_empty() || me.has(crate::domain::roles::Role::Agent);
    let is_coach = me.roles.can_coach();
    view! {
        <PageHeader title=format!("Hello, {}", me.first_name()) lede=lede />
        <div class="grid">
            {overview.org_counts.clone().map(|c| view! { <OrgCard counts=c admin=me.roles.can_administer() /> })}
            {is_coach.then(|| view! { <CoachCard teams=overview.coach_of.clone() /> })}
            {is_agent.then(|| {
                let team = overview.agent_of.first().map(|t| t.name.clone());
                let coaches = overview.my_coaches.clone();
                view! {
                    <section class="card">
                        <h2>"Your team"</h2>
                        {match team {
                            Some(name) => view! {
                                <p class="stat-line"><span class="label">"Team"</span><strong>{name}</strong></p>
                                <p class="stat-line">
                                    <span class="label">"Coached by"</span>
                                    <strong>{if coaches.is_empty() { "No coach yet".to_string() } else { coaches.iter().map(|c| c.name.clone()).collect::<Vec<_>>().join(", ") }}</strong>
                                </p>
                            }.into_any(),
                            None => view! {
                                <EmptyState title="Not in a team yet" body="An admin of your organisation will add you to your team." />
                            }.into_any(),
                        }}
                    </section>
                }
            })}
        </div>
    }
}

#[component]
fn OrgCard(counts: OrgCounts, admin: bool) -> impl IntoView {
    let mut todo: Vec<(String, &'static str)> = Vec::new();
    if counts.agents_without_team > 0 {
        todo.push((
            format!(
                "{} agent{} not in a team",
                counts.agents_without_team,
                if counts.agents_without_team == 1 {
                    " is"
                } else {
                    "s are"
                }
            ),
            "/admin/teams",
        ));
    }
    if counts.teams_without_coach > 0 {
        todo.push((
            format!(
                "{} team{} no coach",
                counts.teams_without_coach,
                if counts.teams_without_coach == 1 {
                    " has"
                } else {
                    "s have"
                }
            ),
            "/admin/teams",
        ));
    }
    if counts.pending_invitations > 0 {
        todo.push((
            format!(
                "{} invitation{} not accepted yet",
                counts.pending_invitations,
                if counts.pending_invitations == 1 {
                    ""
                } else {
                    "s"
                }
            ),
            "/admin/people",
        ));
    }
    let stats = [
        ("Teams", counts.teams),
        ("Agents", counts.agents),
        ("Coaches", counts.coaches),
        ("Leaders", counts.leaders),
    ];
    view! {
        <section class="card card-wide">
            <h2>"Your organisation"</h2>
            <dl class="stats">
                {stats
                    .into_iter()
                    .map(|(label, n)| view! { <div class="stat"><dt>{label}</dt><dd>{n}</dd></div> })
                    .collect_view()}
            </dl>
            {(admin && !todo.is_empty()).then(|| view! {
                <h3 class="subhead">"Needs attention"</h3>
                <ul class="todo">
                    {todo.into_iter().map(|(text, href)| view! { <li><a href=href>{text}</a></li> }).collect_view()}
                </ul>
            })}
            {(admin && counts.agents == 0).then(|| view! {
                <p class="muted">"Start by adding your coaches and agents on the " <a href="/admin/people">"People"</a> " page."</p>
            })}
        </section>
    }
}

#[component]
fn CoachCard(teams: Vec<TeamDetail>) -> impl IntoView {
    view! {
        <section class="card">
            <h2>"Teams you coach"</h2>
            {if teams.is_empty() {
                view! {
                    <EmptyState title="No teams yet" body="When an admin makes you coach of a team, its agents appear here." />
                }.into_any()
            } else {
                view! {
                    <ul class="team-list">
                        {teams.into_iter().map(|t| view! {
                            <li>
                                <div class="team-list-head">
                                    <strong>{t.name.clone()}</strong>
                                    <span class="muted">{format!("{} agent{}", t.agents.len(), if t.agents.len() == 1 { "" } else { "s" })}</span>
                                </div>
                                <ul class="chips">
                                    {t.agents.into_iter().map(|a| view! { <li class="chip">{a.name}</li> }).collect_view()}
                                </ul>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
