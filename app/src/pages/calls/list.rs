//! The calls list with its filters and keyset paging.

#[allow(unused_imports)]
use super::*;
use crate::api::calls::{call_options, list_calls};
use crate::components::feedback::{EmptyState, ErrorPanel, Loading};
use crate::components::layout::{AppShell, PageHeader};
use crate::components::review_bits::{ScoreBadge, StatusBadge};
use crate::domain::calls::Channel;
use crate::domain::lifecycle::ReviewStatus;
use crate::types::{CallFilter, CallReviewCue, CallRow};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The calls list (`/calls`); the complaint register and service ideas
/// (`/complaints…`) share its route type: every route type costs the main
/// bundle that all pages load, and complaints start from calls.
#[component]
pub fn CallsPage() -> impl IntoView {
    view! {
        <AppShell title="Calls">
            <Calls />
        </AppShell>
    }
}

pub(super) fn opt_id(v: &str) -> Option<i32> {
    v.parse().ok()
}

pub(super) fn opt_bool(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

#[component]
pub(super) fn Calls() -> impl IntoView {
    let options = Resource::new(|| (), |_| call_options());
    // A link may open the list already filtered (`/calls?reviewed=yes`).
    let query = leptos_router::hooks::use_query_map();
    let start = |key: &str| RwSignal::new(query.with_untracked(|q| q.get(key)).unwrap_or_default());
    let team = start("team");
    let agent = start("agent");
    let from = start("from");
    let to = start("to");
    let channel = start("channel");
    let reviewed = start("reviewed");
    let complaint = start("complaint");
    let recorded = start("recorded");
    let filter = Memo::new(move |_| CallFilter {
        team_id: opt_id(&team.get()),
        agent_id: opt_id(&agent.get()),
        from: Some(from.get()).filter(|s| !s.is_empty()),
        to: Some(to.get()).filter(|s| !s.is_empty()),
        channel: Some(channel.get()).filter(|s| !s.is_empty()),
        reviewed: opt_bool(&reviewed.get()),
        complaint: opt_bool(&complaint.get()),
        recorded: opt_bool(&recorded.get()),
        after: None,
    });
    let first_page = Resource::new(move || filter.get(), list_calls);
    // Further pages are appended below the first as they are asked for.
    let more = RwSignal::new(Vec::<CallRow>::new());
    let next = RwSignal::new(None::<String>);
    let loading_more = RwSignal::new(false);
    Effect::new(move |_| {
        filter.track();
        more.set(vec![]);
        next.set(None);
    });
    let load_more = move |cursor: String| {
        loading_more.set(true);
        let mut f = filter.get_untracked();
        f.after = Some(cursor);
        spawn_local(async move {
            if let Ok(page) = list_calls(f).await {
                more.update(|m| m.extend(page.rows));
                next.set(Some(page.next.unwrap_or_default()));
            }
            loading_more.set(false);
        });
    };
    let clear = move |_| {
        for s in [
            team, agent, from, to, channel, reviewed, complaint, recorded,
        ] {
            s.set(String::new());
        }
    };
    view! {
        <PageHeader title="Calls" lede="Recorded and logged customer contacts, newest first.">
            // Every call the filters select, not only the pages loaded.
            <a class="button" href=move || format!("/export/calls.csv?{}", filter.get().to_params()) download="" rel="external">"Calls CSV"</a>
            <a class="button" href=move || format!("/export/reviews.csv?{}", filter.get().to_params()) download="" rel="external">"Reviews CSV"</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let me = crate::auth::use_auth().me.await.ok().flatten();
                    me.filter(|m| crate::domain::access::permits_any(m.roles, crate::domain::access::Action::ImportReviews)).map(|_| view! {
                        <a class="button" href="/reviews/import">"Import review history"</a>
                    })
                })}
            </Suspense>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    options.await.ok().filter(|o| o.can_add).map(|_| view! {
                        <a class="button" href="/calls/import">"Import CSV"</a>
                        <a class="button primary" href="/calls/new">"Add a call"</a>
                    })
                })}
            </Suspense>
        </PageHeader>
        <section class="card filters" aria-label="Filters">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let o = options.await.ok()?;
                    let show_team = o.teams.len() > 1;
                    let show_agent = o.agents.len() > 1;
                    Some(view! {
                        {show_team.then(|| view! {
                            <div class="field compact">
                                <label for="f-team">"Team"</label>
                                <select id="f-team" bind:value=team>
                                    <option value="">"All teams"</option>
                                    {o.teams.iter().map(|t| view! { <option value=t.id.to_string()>{t.name.clone()}</option> }).collect_view()}
                                </select>
                            </div>
                        })}
                        {show_agent.then(|| view! {
                            <div class="field compact">
                                <label for="f-agent">"Agent"</label>
                                <select id="f-agent" bind:value=agent>
                                    <option value="">"All agents"</option>
                                    {o.agents.iter().map(|(id, n, _)| view! { <option value=id.to_string()>{n.clone()}</option> }).collect_view()}
                                </select>
                            </div>
                        })}
                    })
                })}
            </Suspense>
            <div class="field compact">
                <label for="f-from">"From"</label>
                <input id="f-from" type="date" bind:value=from />
            </div>
            <div class="field compact">
                <label for="f-to">"To"</label>
                <input id="f-to" type="date" bind:value=to />
            </div>
            <div class="field compact">
                <label for="f-channel">"Channel"</label>
                <select id="f-channel" bind:value=channel>
                    <option value="">"Any"</option>
                    {Channel::ALL.iter().map(|c| view! { <option value=c.key()>{c.label()}</option> }).collect_view()}
                </select>
            </div>
            <EitherWay id="f-reviewed" label="Reviewed" value=reviewed choices=[("no", "Not yet reviewed"), ("yes", "Reviewed")] />
            <EitherWay id="f-complaint" label="Complaint" value=complaint choices=[("yes", "Complaints only"), ("no", "No complaint")] />
            <EitherWay id="f-recorded" label="Recording" value=recorded choices=[("yes", "With a recording"), ("no", "Without")] />
            <button class="button ghost small" type="button" on:click=clear>"Clear filters"</button>
        </section>
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match first_page.await {
                    Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                    Ok(page) if page.rows.is_empty() => view! {
                        <EmptyState title="No calls match" body="Change the filters, or add calls one by one or from a contact-centre export." />
                    }.into_any(),
                    Ok(page) => {
                        let first_next = page.next.clone();
                        view! {
                            <div class="table-wrap card flush" tabindex="0">
                                <table class="table stack calls-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">"When"</th>
                                            <th scope="col">"Agent"</th>
                                            <th scope="col">"Team"</th>
                                            <th scope="col">"Channel"</th>
                                            <th scope="col" class="num">"Length"</th>
                                            <th scope="col" class="num">"CSAT"</th>
                                            <th scope="col" class="num">"LTR"</th>
                                            <th scope="col">"Outcome"</th>
                                            <th scope="col">"Review"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {page.rows.into_iter().map(|r| view! { <CallLine row=r /> }).collect_view()}
                                        <For each=move || more.get() key=|r| r.id let:r>
                                            <CallLine row=r />
                                        </For>
                                    </tbody>
                                </table>
                            </div>
                            {move || {
                                let cursor = match next.get() {
                                    Some(c) if c.is_empty() => None,
                                    Some(c) => Some(c),
                                    None => first_next.clone(),
                                };
                                cursor.map(|c| view! {
                                    <div class="load-more">
                                        <button class="button" type="button" disabled=move || loading_more.get()
                                            on:click=move |_| load_more(c.clone())>
                                            {move || if loading_more.get() { "Loading…" } else { "Show more calls" }}
                                        </button>
                                    </div>
                                })
                            }}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
pub(super) fn CallLine(row: CallRow) -> impl IntoView {
    let href = format!("/calls/{}", row.id);
    let outcome = match (row.resolved, row.complaint) {
        (_, true) => ("badge warn", "Complaint"),
        (Some(true), _) => ("badge ok", "Resolved"),
        (Some(false), _) => ("badge", "Unresolved"),
        (None, _) => ("badge", "—"),
    };
    view! {
        <tr>
            <td data-label="When"><a href=href>{row.occurred}</a></td>
            <td data-label="Agent">{row.agent}</td>
            <td data-label="Team">{row.team}</td>
            <td data-label="Channel">
                <span class="channel">{row.channel}</span>
                {row.has_recording.then(|| view! { <span class="badge subtle" title="Has a recording">"Audio"</span> })}
            </td>
            <td data-label="Length" class="num">{row.duration}</td>
            <td data-label="CSAT" class="num">{row.csat.map(|c| c.to_string()).unwrap_or_else(|| "–".into())}</td>
            <td data-label="LTR" class="num">{row.ltr.map(|c| c.to_string()).unwrap_or_else(|| "–".into())}</td>
            <td data-label="Outcome"><span class=outcome.0>{outcome.1}</span></td>
            <td data-label="Review"><ReviewCell cue=row.review /></td>
        </tr>
    }
}

/// The call's review at a glance: its score and reviewer, a draft in
/// progress, or nothing yet.
#[component]
fn ReviewCell(cue: Option<CallReviewCue>) -> impl IntoView {
    match cue {
        None => view! { <span class="badge subtle">"Not yet"</span> }.into_any(),
        Some(c) if c.status == ReviewStatus::Draft && c.mine => view! {
            <a class="badge info" href=format!("/reviews/{}", c.id)>"Your draft"</a>
        }
        .into_any(),
        Some(c) if c.status == ReviewStatus::Draft => view! {
            <span class="badge subtle">"Being scored"</span>
            <span class="muted small block">{format!("by {}", c.reviewer)}</span>
        }
        .into_any(),
        Some(c) => view! {
            <a class="review-cue" href=format!("/reviews/{}", c.id)>
                <span class="sr-only">"Review, scored "</span>
                <ScoreBadge score=c.score critical_fail=c.critical_fail />
            </a>
            {(c.status == ReviewStatus::Disputed).then(|| view! { " " <StatusBadge status=c.status /> })}
            <span class="muted small block">{format!("by {}", c.reviewer)}</span>
        }
        .into_any(),
    }
}

/// A filter with "Any" and two answers, as (value, label) pairs.
#[component]
fn EitherWay(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    choices: [(&'static str, &'static str); 2],
) -> impl IntoView {
    view! {
        <div class="field compact">
            <label for=id>{label}</label>
            <select id=id bind:value=value>
                <option value="">"Any"</option>
                {choices.map(|(v, l)| view! { <option value=v>{l}</option> }).into_iter().collect_view()}
            </select>
        </div>
    }
}
