//! The call list with its filters, adding one call, and the CSV import.

use crate::api::calls::{call_options, import_calls, list_calls, CreateCall};
use crate::components::feedback::{EmptyState, ErrorPanel, Loading};
use crate::components::forms::{field_error, form_error, FormAlert, SubmitButton, TextField};
use crate::components::layout::{AppShell, PageHeader};
use crate::domain::calls::Channel;
use crate::types::{CallFilter, CallRow, ImportOutcome};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

#[component]
pub fn CallsPage() -> impl IntoView {
    view! {
        <AppShell title="Calls">
            <Calls />
        </AppShell>
    }
}

fn opt_id(v: &str) -> Option<i32> {
    v.parse().ok()
}

fn opt_bool(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

#[component]
fn Calls() -> impl IntoView {
    let options = Resource::new(|| (), |_| call_options());
    let team = RwSignal::new(String::new());
    let agent = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let channel = RwSignal::new(String::new());
    let reviewed = RwSignal::new(String::new());
    let complaint = RwSignal::new(String::new());
    let filter = Memo::new(move |_| CallFilter {
        team_id: opt_id(&team.get()),
        agent_id: opt_id(&agent.get()),
        from: Some(from.get()).filter(|s| !s.is_empty()),
        to: Some(to.get()).filter(|s| !s.is_empty()),
        channel: Some(channel.get()).filter(|s| !s.is_empty()),
        reviewed: opt_bool(&reviewed.get()),
        complaint: opt_bool(&complaint.get()),
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
        for s in [team, agent, from, to, channel, reviewed, complaint] {
            s.set(String::new());
        }
    };
    view! {
        <PageHeader title="Calls" lede="Recorded and logged customer contacts, newest first.">
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
                    {Channel::ALL.iter().map(|c| view! { <option value=c.as_str()>{c.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field compact">
                <label for="f-reviewed">"Reviewed"</label>
                <select id="f-reviewed" bind:value=reviewed>
                    <option value="">"Any"</option>
                    <option value="no">"Not yet reviewed"</option>
                    <option value="yes">"Reviewed"</option>
                </select>
            </div>
            <div class="field compact">
                <label for="f-complaint">"Complaint"</label>
                <select id="f-complaint" bind:value=complaint>
                    <option value="">"Any"</option>
                    <option value="yes">"Complaints only"</option>
                    <option value="no">"No complaint"</option>
                </select>
            </div>
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
                            <div class="table-wrap card flush">
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
fn CallLine(row: CallRow) -> impl IntoView {
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
            <td data-label="Review">
                {if row.reviewed { view! { <span class="badge ok">"Reviewed"</span> }.into_any() } else { view! { <span class="badge subtle">"Not yet"</span> }.into_any() }}
            </td>
        </tr>
    }
}

#[component]
pub fn NewCallPage() -> impl IntoView {
    view! {
        <AppShell title="Add a call">
            <NewCall />
        </AppShell>
    }
}

#[component]
fn NewCall() -> impl IntoView {
    let options = Resource::new(|| (), |_| call_options());
    let create = ServerAction::<CreateCall>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&format!("/calls/{id}"), Default::default());
        }
    });
    let result = move || create.value().get();
    let agent = RwSignal::new(String::new());
    let occurred_at = RwSignal::new(String::new());
    let channel = RwSignal::new("phone".to_string());
    let duration = RwSignal::new(String::new());
    let csat = RwSignal::new(String::new());
    let ltr = RwSignal::new(String::new());
    let resolved = RwSignal::new(String::new());
    let resolution = RwSignal::new(String::new());
    let first_response = RwSignal::new(String::new());
    let abandoned = RwSignal::new(false);
    let complaint = RwSignal::new(false);
    let rectification = RwSignal::new(String::new());
    let follow_up = RwSignal::new(String::new());
    let reference = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateCall {
            agent_id: agent.get().parse().unwrap_or(0),
            occurred_at: occurred_at.get(),
            channel: channel.get(),
            duration_seconds: duration.get(),
            csat: csat.get(),
            likelihood_to_recommend: ltr.get(),
            resolved: resolved.get(),
            resolution_minutes: resolution.get(),
            first_response_seconds: first_response.get(),
            abandoned: if abandoned.get() {
                "yes".into()
            } else {
                "no".into()
            },
            complaint: if complaint.get() {
                "yes".into()
            } else {
                "no".into()
            },
            rectification: rectification.get(),
            follow_up_on: follow_up.get(),
            reference: reference.get(),
        });
    };
    const FIELDS: &[&str] = &[
        "agent_id",
        "occurred_at",
        "channel",
        "duration_seconds",
        "csat",
        "likelihood_to_recommend",
        "resolved",
        "resolution_minutes",
        "first_response_seconds",
        "rectification",
        "follow_up_on",
        "reference",
    ];
    view! {
        <PageHeader title="Add a call" lede="Log one contact with its outcome. Add the recording and transcript on the next page." />
        <form class="card form form-grid" novalidate on:submit=submit>
            <Suspense fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    let o = options.await.ok()?;
                    let err = field_error(result, "agent_id");
                    Some(view! {
                        <div class="field" class:has-error=move || err.get().is_some()>
                            <label for="field-agent">"Agent"</label>
                            <select id="field-agent" bind:value=agent>
                                <option value="">"Choose an agent…"</option>
                                {o.agents.iter().map(|(id, n, _)| view! { <option value=id.to_string()>{n.clone()}</option> }).collect_view()}
                            </select>
                            {move || err.get().map(|e| view! { <p class="field-error">{e}</p> })}
                        </div>
                    })
                })}
            </Suspense>
            <TextField label="When" name="occurred_at" kind="datetime-local" value=occurred_at error=field_error(result, "occurred_at") hint="Your local time is read as UTC." />
            <div class="field">
                <label for="field-channel">"Channel"</label>
                <select id="field-channel" bind:value=channel>
                    {Channel::ALL.iter().map(|c| view! { <option value=c.as_str()>{c.label()}</option> }).collect_view()}
                </select>
            </div>
            <TextField label="Length (seconds)" name="duration_seconds" kind="number" value=duration error=field_error(result, "duration_seconds") />
            <TextField label="CSAT (1–5)" name="csat" kind="number" value=csat error=field_error(result, "csat") hint="Optional" />
            <TextField label="Likelihood to recommend (0–10)" name="likelihood_to_recommend" kind="number" value=ltr error=field_error(result, "likelihood_to_recommend") hint="Optional" />
            <div class="field">
                <label for="field-resolved">"Resolved"</label>
                <select id="field-resolved" bind:value=resolved>
                    <option value="">"Not recorded"</option>
                    <option value="yes">"Yes"</option>
                    <option value="no">"No"</option>
                </select>
                {move || field_error(result, "resolved").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <TextField label="Resolution time (minutes)" name="resolution_minutes" kind="number" value=resolution error=field_error(result, "resolution_minutes") hint="Optional" />
            <TextField label="First response (seconds)" name="first_response_seconds" kind="number" value=first_response error=field_error(result, "first_response_seconds") hint="Optional" />
            <label class="check"><input type="checkbox" bind:checked=abandoned />" Abandoned before an answer"</label>
            <label class="check"><input type="checkbox" bind:checked=complaint />" The customer complained"</label>
            <Show when=move || complaint.get()>
                <div class="field">
                    <label for="field-rectification">"Rectification"</label>
                    <select id="field-rectification" bind:value=rectification>
                        <option value="">"Not yet decided"</option>
                        <option value="repair">"Repair"</option>
                        <option value="replacement">"Replacement"</option>
                        <option value="refund">"Refund"</option>
                        <option value="other">"Other"</option>
                    </select>
                </div>
                <TextField label="Follow up on" name="follow_up_on" kind="date" value=follow_up error=field_error(result, "follow_up_on") />
            </Show>
            <TextField label="Reference" name="reference" value=reference error=field_error(result, "reference") hint="Optional: the call's id in your telephony system." />
            <div class="form-actions">
                <FormAlert error=form_error(result, FIELDS) />
                <a class="button ghost" href="/calls">"Cancel"</a>
                <SubmitButton label="Add call" busy_label="Adding…" pending=create.pending() />
            </div>
        </form>
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    view! {
        <AppShell title="Import calls">
            <Import />
        </AppShell>
    }
}

fn template_href() -> String {
    crate::components::feedback::csv_data_href(&crate::domain::call_import::template())
}

#[component]
fn Import() -> impl IntoView {
    let text = RwSignal::new(None::<(String, String)>);
    let outcome = RwSignal::new(None::<Result<ImportOutcome, String>>);
    let busy = RwSignal::new(false);
    let run = move |commit: bool| {
        let Some((_, csv)) = text.get_untracked() else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let r = import_calls(csv, commit).await.map_err(|e| e.to_string());
            outcome.set(Some(r));
            busy.set(false);
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        outcome.set(None);
        spawn_local(async move {
            let promise = file.text();
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(v) => {
                    text.set(Some((name, v.as_string().unwrap_or_default())));
                    run(false);
                }
                Err(e) => outcome.set(Some(Err(format!(
                    "The file could not be read: {}",
                    e.dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.message()))
                        .unwrap_or_default()
                )))),
            }
        });
    };
    view! {
        <PageHeader title="Import calls" lede="Upload a contact-centre export (CSV). You see a check of every line first; nothing is imported unless every line is right.">
            <a class="button" href=template_href() download="rapport-calls-template.csv">"Download the template"</a>
        </PageHeader>
        <section class="card">
            <div class="field">
                <label for="import-file">"CSV file"</label>
                <input id="import-file" type="file" accept=".csv,text/csv" on:change=on_file />
                <p class="hint">"Columns: agent_email, team, occurred_at, channel, duration_seconds, then optional csat, likelihood_to_recommend, resolved, resolution_minutes, first_response_seconds, abandoned, complaint, rectification, follow_up_on, reference."</p>
            </div>
            {move || busy.get().then(|| view! { <Loading label="Checking every line…" /> })}
            {move || outcome.get().map(|o| match o {
                Err(e) => view! { <div class="form-alert" role="alert">{e}</div> }.into_any(),
                Ok(o) if !o.problems.is_empty() => view! {
                    <div class="import-problems" role="alert">
                        <h2>{format!("{} problem{} found — nothing was imported", o.problems.len(), if o.problems.len() == 1 { "" } else { "s" })}</h2>
                        <p class="muted">"Correct the file and choose it again."</p>
                        <table class="table stack">
                            <thead><tr><th scope="col">"Line"</th><th scope="col">"Column"</th><th scope="col">"Problem"</th></tr></thead>
                            <tbody>
                                {o.problems.into_iter().map(|p| view! {
                                    <tr><td data-label="Line">{p.line}</td><td data-label="Column"><code>{p.column}</code></td><td data-label="Problem">{p.message}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any(),
                Ok(o) if o.committed => view! {
                    <div class="panel panel-ok" role="status">
                        <h2>{format!("Imported {} calls", o.rows)}</h2>
                        <p>{format!("{} agents, {} to {}.", o.agents, o.first.unwrap_or_default(), o.last.unwrap_or_default())}</p>
                        <a class="button primary" href="/calls">"See the calls"</a>
                    </div>
                }.into_any(),
                Ok(o) => view! {
                    <div class="panel" role="status">
                        <h2>{format!("Ready to import {} calls", o.rows)}</h2>
                        <p>{format!("Every line checked: {} agents, {} to {}.", o.agents, o.first.unwrap_or_default(), o.last.unwrap_or_default())}</p>
                        <button class="button primary" type="button" disabled=move || busy.get() on:click=move |_| run(true)>
                            {format!("Import {} calls", o.rows)}
                        </button>
                    </div>
                }.into_any(),
            })}
        </section>
    }
}
