use crate::api::complaints::my_complaint_reminders;
use crate::api::home::get_home;
use crate::api::kpi::get_kpis;
use crate::api::reviews::{get_review_queue, list_notifications, mark_notification_read};
use crate::components::feedback::{loaded, EmptyState};
use crate::components::layout::{AppShell, PageHeader};
use crate::domain::access::{self, Action};
use crate::domain::kpi::Grouping;
use crate::pages::complaints::ComplaintReminderCard;
use crate::pages::kpis::{kpi_href, KpiTiles, KpiTrend, Metric};
mod queue;

use crate::types::{CalibrationSummary, HomeOverview, NotificationView, OrgCounts, TeamDetail};
use crate::types::{KpiFigures, KpiQuery};
use leptos::prelude::*;
use queue::Queue;

#[component]
pub fn HomePage() -> impl IntoView {
    let overview = Resource::new(|| (), |_| get_home());
    let queue = Resource::new(|| (), |_| get_review_queue());
    let notes = Resource::new(|| (), |_| list_notifications());
    let me = crate::auth::use_auth().me;
    let kpis = Resource::new(
        || (),
        move |_| async move {
            let agent_only =
                me.await.ok().flatten().is_some_and(|m| {
                    !m.roles.can_coach() && m.has(crate::domain::roles::Role::Agent)
                });
            get_kpis(home_kpi_query(agent_only)).await
        },
    );
    let reminders = Resource::new(|| (), |_| my_complaint_reminders());
    view! {
        <AppShell title="Home">
            {loaded(overview, move |o| view! { <Home overview=o kpis=kpis /> }.into_any())}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let unread: Vec<NotificationView> = notes.await.unwrap_or_default().into_iter().filter(|n| !n.read).collect();
                    (!unread.is_empty()).then(|| view! { <Notifications items=unread /> })
                })}
            </Suspense>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    reminders.await.ok().filter(|r| !r.rows.is_empty()).map(|r| view! { <ComplaintReminderCard r=r /> })
                })}
            </Suspense>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    queue.await.ok().map(|q| view! { <Queue queue=q /> })
                })}
            </Suspense>
        </AppShell>
    }
}

/// The home page's figures: the last 90 days by ISO week, or by month for
/// an agent's own calls (a week of one person's calls rarely has the ten
/// answers a period needs to show a figure).
fn home_kpi_query(agent_only: bool) -> KpiQuery {
    let grouping = if agent_only {
        Grouping::Month
    } else {
        Grouping::Week
    };
    KpiQuery::last_days(crate::auth::today(), 90, grouping)
}

/// The headline KPIs of everything the person may see (a leader's or
/// admin's organisation, a coach's teams, an agent's own calls) with the
/// weekly CSAT trend.
#[component]
fn KpiCard(figures: KpiFigures) -> impl IntoView {
    let KpiFigures {
        query,
        total,
        periods,
        reach,
        ..
    } = figures;
    let own = reach == "your calls";
    view! {
        <section class="card kpi-home" aria-labelledby="home-kpi-title">
            <div class="card-title-row flush-x">
                <div>
                    <h2 id="home-kpi-title" class="card-title">{if own { "Your service figures" } else { "Service KPIs" }}</h2>
                    <p class="muted small">{format!("Last 90 days, {reach}")}</p>
                </div>
                {(!own).then(|| view! { <a class="button small" href=kpi_href(&query, Metric::Csat)>"Open KPIs"</a> })}
            </div>
            {if total.enquiries == 0 {
                view! { <EmptyState title="No enquiries in the last 90 days" body="Figures appear here once calls are added or imported." /> }.into_any()
            } else {
                view! {
                    <KpiTiles total=total />
                    <h3 class="subhead">{if query.grouping == Grouping::Month { "CSAT by month" } else { "CSAT by ISO week" }}</h3>
                    <KpiTrend rows=periods metric=Metric::Csat compact=true />
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Notifications(items: Vec<NotificationView>) -> impl IntoView {
    view! {
        <section class="card notifications" aria-label="Notifications">
            <h2>"New for you"</h2>
            <ul>
                {items.into_iter().map(|n| {
                    let id = n.id;
                    view! {
                        <li>
                            <a href=n.link.clone() on:click=move |_| {
                                leptos::task::spawn_local(async move { let _ = mark_notification_read(id).await; });
                            }>{n.text.clone()}</a>
                            <span class="muted small">{n.when.clone()}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Calibration sessions waiting for the person's blind scores.
#[component]
fn CalibrationToDo(sessions: Vec<CalibrationSummary>) -> impl IntoView {
    view! {
        <section class="card">
            <h2>"Calibration waiting for you"</h2>
            <ul class="review-list">
                {sessions.into_iter().map(|s| view! {
                    <li class:overdue=s.overdue>
                        <a href=format!("/calibration/{}", s.id)>{s.title.clone()}</a>
                        <span class="muted small">{format!("{} call{} to score blind", s.mine_to_do, if s.mine_to_do == 1 { "" } else { "s" })}</span>
                        <span class=if s.overdue { "badge danger" } else { "badge subtle" }>
                            {if s.overdue { format!("Overdue: due {}", s.due_on) } else { format!("Due {}", s.due_on) }}
                        </span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Home(
    overview: HomeOverview,
    kpis: Resource<Result<KpiFigures, crate::error::AppError>>,
) -> impl IntoView {
    let me = overview.me.clone();
    let lede = format!("{} at {}", me.roles.describe(), me.org_name);
    let is_agent = !overview.agent_of.is_empty() || me.has(crate::domain::roles::Role::Agent);
    // Leaders may score too, but only a coach has teams they coach.
    let is_coach = me.has(crate::domain::roles::Role::Coach);
    view! {
        <PageHeader title=format!("Hello, {}", me.first_name()) lede=lede />
        // The figures lead: what customers said comes before head counts.
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                kpis.await.ok().map(|k| view! { <KpiCard figures=k /> })
            })}
        </Suspense>
        <div class="grid">
            {overview.org_counts.clone().map(|c| view! { <OrgCard counts=c admin=access::permits_any(me.roles, Action::ManagePeople) /> })}
            {is_coach.then(|| view! { <CoachCard teams=overview.coach_of.clone() /> })}
            {(!overview.calibrations.is_empty()).then(|| view! { <CalibrationToDo sessions=overview.calibrations.clone() /> })}
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
