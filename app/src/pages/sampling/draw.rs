//! Drawing a sample: the rules, the draw shown with its seed, the coach of
//! each call (round robin, changeable by hand) and accepting it.

use crate::api::sampling::{AcceptSample, PreviewSample};
use crate::components::forms::{
    field_error, focus_first_error, form_error, FormAlert, SubmitButton,
};
use crate::domain::calls::Channel;
use crate::types::{DrawnCall, SampleList, SamplePreview, SampleRequest, TeamCoaches};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeMap;

const FIELDS: &[&str] = &["from", "to", "per_agent", "min_seconds", "due_on", "seed"];

#[component]
pub(super) fn DrawSample(list: SampleList) -> impl IntoView {
    let preview = ServerAction::<PreviewSample>::new();
    let team = RwSignal::new(String::new());
    let from = RwSignal::new(list.default_from.clone());
    let to = RwSignal::new(list.default_to.clone());
    let per_agent = RwSignal::new("3".to_string());
    let complaints = RwSignal::new(true);
    let min_seconds = RwSignal::new(String::new());
    let channels = RwSignal::new(Vec::<Channel>::new());
    let due = RwSignal::new(list.default_due.clone());
    let seed = RwSignal::new(String::new());
    let result = move || preview.value().get();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form_ref, result);
    // What was asked, so that accepting stores exactly the draw shown.
    let asked = RwSignal::new(None::<SampleRequest>);
    let request = move |seed: Option<u64>| SampleRequest {
        team_id: team.get().parse().ok(),
        from: from.get(),
        to: to.get(),
        // A number the server can name as wrong rather than a silent 0.
        per_agent: per_agent.get().trim().parse().unwrap_or(0),
        include_complaints: complaints.get(),
        min_seconds: min_seconds.get().trim().parse().ok(),
        channels: channels.get(),
        due_on: due.get(),
        seed,
    };
    let draw = move |seed: Option<u64>| {
        let r = request(seed);
        asked.set(Some(r.clone()));
        preview.dispatch(PreviewSample { request: r });
    };
    let seed_error = RwSignal::new(None::<String>);
    let channel_box = move |c: Channel| {
        let id = format!("channel-{}", c.key());
        let label_for = id.clone();
        view! {
            <label class="check" for=label_for>
                <input type="checkbox" id=id on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    channels.update(|cs| {
                        cs.retain(|x| *x != c);
                        if on {
                            cs.push(c);
                        }
                    });
                } />
                <span>{c.label()}</span>
            </label>
        }
    };
    let err = move |f: &'static str| field_error(result, f);
    view! {
        <details class="card organise" open=list.samples.is_empty()>
            <summary>"Draw a sample"</summary>
            <form node_ref=form_ref class="form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                let typed = seed.get();
                match typed.trim() {
                    "" => { seed_error.set(None); draw(None) }
                    t => match t.parse::<u64>() {
                        Ok(s) => { seed_error.set(None); draw(Some(s)) }
                        Err(_) => seed_error.set(Some(format!("\"{t}\" is not a seed: a seed is a whole number, e.g. 482913."))),
                    },
                }
            }>
                <div class="form-row">
                    <div class="field">
                        <label for="sample-team">"Teams"</label>
                        <select id="sample-team" on:change=move |ev| team.set(event_target_value(&ev))>
                            <option value="">"All your teams"</option>
                            {list.teams.iter().map(|t| view! { <option value=t.id.to_string()>{t.label.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field" class:has-error=move || err("from").get().is_some()>
                        <label for="sample-from">"Calls from"</label>
                        <input id="sample-from" type="date" bind:value=from aria-invalid=move || err("from").get().is_some().then_some("true") />
                        {move || err("from").get().map(|e| view! { <p class="field-error">{e}</p> })}
                    </div>
                    <div class="field" class:has-error=move || err("to").get().is_some()>
                        <label for="sample-to">"to"</label>
                        <input id="sample-to" type="date" bind:value=to aria-invalid=move || err("to").get().is_some().then_some("true") />
                        {move || err("to").get().map(|e| view! { <p class="field-error">{e}</p> })}
                    </div>
                </div>
                <div class="form-row">
                    <div class="field" class:has-error=move || err("per_agent").get().is_some()>
                        <label for="sample-n">"Calls per agent"</label>
                        <input id="sample-n" type="number" min="1" max="20" inputmode="numeric" bind:value=per_agent aria-invalid=move || err("per_agent").get().is_some().then_some("true") />
                        {move || err("per_agent").get().map(|e| view! { <p class="field-error">{e}</p> })}
                    </div>
                    <div class="field" class:has-error=move || err("min_seconds").get().is_some()>
                        <label for="sample-min">"Leave out calls shorter than (seconds)"</label>
                        <input id="sample-min" type="number" min="0" inputmode="numeric" placeholder="No minimum" bind:value=min_seconds aria-invalid=move || err("min_seconds").get().is_some().then_some("true") />
                        {move || err("min_seconds").get().map(|e| view! { <p class="field-error">{e}</p> })}
                    </div>
                    <div class="field" class:has-error=move || err("due_on").get().is_some()>
                        <label for="sample-due">"Scored by"</label>
                        <input id="sample-due" type="date" bind:value=due aria-invalid=move || err("due_on").get().is_some().then_some("true") />
                        {move || err("due_on").get().map(|e| view! { <p class="field-error">{e}</p> })}
                    </div>
                </div>
                <fieldset class="field">
                    <legend>"Channels (none ticked: all)"</legend>
                    <div class="check-row">{Channel::ALL.into_iter().map(channel_box).collect_view()}</div>
                </fieldset>
                <label class="check" for="sample-complaints">
                    <input type="checkbox" id="sample-complaints" bind:checked=complaints />
                    <span>"Always include complaints (they come first, whatever their length or channel)"</span>
                </label>
                <div class="field" class:has-error=move || seed_error.get().is_some() || err("seed").get().is_some()>
                    <label for="sample-seed">"Seed (optional)"</label>
                    <input id="sample-seed" inputmode="numeric" placeholder="A new one each draw" bind:value=seed aria-describedby="sample-seed-hint" />
                    <p class="hint" id="sample-seed-hint">"The same seed and rules draw the same calls again, as long as none of them has been scored or sampled since."</p>
                    {move || seed_error.get().or_else(|| err("seed").get()).map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <SubmitButton label="Preview the draw" busy_label="Drawing…" pending=preview.pending() />
                <FormAlert error=form_error(result, FIELDS) />
            </form>
            {move || match (preview.value().get(), asked.get()) {
                (Some(Ok(p)), Some(r)) => Some(view! { <Preview preview=p request=r on_redraw=Callback::new(move |_| draw(None)) /> }.into_any()),
                _ => None,
            }}
        </details>
    }
}

fn coach_options(coaches: &[TeamCoaches], team_id: i32) -> Vec<(i32, String)> {
    coaches
        .iter()
        .find(|t| t.team_id == team_id)
        .map(|t| t.coaches.iter().map(|c| (c.id, c.label.clone())).collect())
        .unwrap_or_default()
}

#[component]
fn Preview(
    preview: SamplePreview,
    request: SampleRequest,
    on_redraw: Callback<()>,
) -> impl IntoView {
    let accept = ServerAction::<AcceptSample>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = accept.value().get() {
            navigate(&format!("/sampling/{id}"), Default::default());
        }
    });
    let chosen = RwSignal::new(
        preview
            .calls
            .iter()
            .map(|c| (c.call_id, c.coach_id))
            .collect::<BTreeMap<i32, Option<i32>>>(),
    );
    let seed = preview.seed;
    let n = preview.calls.len();
    let summary = format!(
        "{n} call{} for {} agent{} · seed {seed}",
        if n == 1 { "" } else { "s" },
        preview.agents,
        if preview.agents == 1 { "" } else { "s" },
    );
    let unassigned = move || chosen.with(|c| c.values().filter(|v| v.is_none()).count());
    let coaches = preview.coaches.clone();
    let accept_error = move || match accept.value().get() {
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    };
    let req = request.clone();
    view! {
        <section class="sample-preview" aria-label="The draw">
            <div class="card-title-row">
                <h3>{summary}</h3>
                <button type="button" class="button ghost small" on:click=move |_| on_redraw.run(())>"Draw again"</button>
            </div>
            {(!preview.short.is_empty()).then(|| view! {
                <p class="hint">{format!("Fewer eligible calls than asked: {}.", preview.short.join(", "))}</p>
            })}
            {if n == 0 {
                view! { <p class="muted">"No unreviewed, unsampled call in the period matches these rules."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table stack">
                            <thead><tr>
                                <th scope="col">"Agent"</th><th scope="col">"Call"</th><th scope="col">"Coach"</th>
                            </tr></thead>
                            <tbody>
                                {preview.calls.into_iter().map(|c| {
                                    let options = coach_options(&coaches, c.team_id);
                                    view! { <DrawnRow c=c options=options chosen=chosen /> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <div class="form-actions">
                        <button type="button" class="button primary" disabled=move || accept.pending().get() on:click=move |_| {
                            accept.dispatch(AcceptSample {
                                request: SampleRequest { seed: Some(seed), ..req.clone() },
                                assignments: chosen.get().into_iter().collect(),
                            });
                        }>{move || if accept.pending().get() { "Assigning…" } else { "Accept and assign" }}</button>
                        {move || (unassigned() > 0).then(|| view! {
                            <span class="hint">{format!("{} call(s) without a coach: a leader can assign them later.", unassigned())}</span>
                        })}
                    </div>
                    <FormAlert error=Signal::derive(accept_error) />
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn DrawnRow(
    c: DrawnCall,
    options: Vec<(i32, String)>,
    chosen: RwSignal<BTreeMap<i32, Option<i32>>>,
) -> impl IntoView {
    let call_id = c.call_id;
    let select_id = format!("coach-{call_id}");
    let label = format!("Coach for {}'s call of {}", c.agent, c.occurred);
    let current = c.coach_id;
    view! {
        <tr>
            <td data-label="Agent">{c.agent.clone()}<span class="muted small">{format!(" · {}", c.team)}</span></td>
            <td data-label="Call">
                <a href=format!("/calls/{call_id}")>{c.occurred.clone()}</a>
                <span class="muted small">{format!(" · {} · {} ", c.channel.label(), c.duration)}</span>
                {c.complaint.then(|| view! { <span class="badge warn">"Complaint"</span> })}
            </td>
            <td data-label="Coach">
                <select id=select_id aria-label=label on:change=move |ev| {
                    let v = event_target_value(&ev).parse::<i32>().ok();
                    chosen.update(|m| { m.insert(call_id, v); });
                }>
                    <option value="" selected=current.is_none()>"Unassigned"</option>
                    {options.into_iter().filter(|(id, _)| *id != c.agent_id).map(|(id, name)| view! {
                        <option value=id.to_string() selected=current == Some(id)>{name}</option>
                    }).collect_view()}
                </select>
            </td>
        </tr>
    }
}
