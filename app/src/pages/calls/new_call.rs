//! Adding one call.

#[allow(unused_imports)]
use super::*;
use crate::api::calls::{call_options, CreateCall};
use crate::components::feedback::Loading;
use crate::components::forms::{
    field_error, focus_first_error, form_error, until_edited, FormAlert, SelectField, SubmitButton,
    TextField,
};
use crate::components::layout::{AppShell, PageHeader};
use crate::domain::calls::{Channel, Rectification, FORM_FIELDS};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn NewCallPage() -> impl IntoView {
    view! {
        <AppShell title="Add a call">
            <NewCall />
        </AppShell>
    }
}

#[component]
pub(super) fn NewCall() -> impl IntoView {
    let options = Resource::new(|| (), |_| call_options());
    let create = ServerAction::<CreateCall>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&format!("/calls/{id}"), Default::default());
        }
    });
    let result = move || create.value().get();
    let form = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form, result);
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
    view! {
        <PageHeader title="Add a call" lede="Log one contact with its outcome. Add the recording and transcript on the next page." />
        <form class="card form form-grid" novalidate on:submit=submit node_ref=form>
            <Suspense fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    let o = options.await.ok()?;
                    let (err, edited) = until_edited(field_error(result, "agent_id"));
                    Some(view! {
                        <div class="field" class:has-error=move || err.get().is_some()>
                            <label for="field-agent">"Agent"</label>
                            <select id="field-agent" bind:value=agent on:change=move |_| edited()
                                aria-invalid=move || err.get().is_some().then_some("true")
                                aria-describedby=move || err.get().is_some().then_some("field-agent-error")>
                                <option value="">"Choose an agent…"</option>
                                {o.agents.iter().map(|(id, n, _)| view! { <option value=id.to_string()>{n.clone()}</option> }).collect_view()}
                            </select>
                            {move || err.get().map(|e| view! { <p class="field-error" id="field-agent-error">{e}</p> })}
                        </div>
                    })
                })}
            </Suspense>
            <TextField label="When" name="occurred_at" kind="datetime-local" value=occurred_at error=field_error(result, "occurred_at") hint="In your time zone, as set on your Account page." />
            <SelectField label="Channel" name="channel" value=channel error=field_error(result, "channel")>
                {Channel::ALL.iter().map(|c| view! { <option value=c.key()>{c.label()}</option> }).collect_view()}
            </SelectField>
            <TextField label="Length (seconds)" name="duration_seconds" kind="number" value=duration error=field_error(result, "duration_seconds") />
            <TextField label="CSAT (1–5)" name="csat" kind="number" value=csat error=field_error(result, "csat") hint="Optional" />
            <TextField label="Likelihood to recommend (0–10)" name="likelihood_to_recommend" kind="number" value=ltr error=field_error(result, "likelihood_to_recommend") hint="Optional" />
            <SelectField label="Resolved" name="resolved" value=resolved error=field_error(result, "resolved")>
                <option value="">"Not recorded"</option>
                <option value="yes">"Yes"</option>
                <option value="no">"No"</option>
            </SelectField>
            <TextField label="Resolution time (minutes)" name="resolution_minutes" kind="number" value=resolution error=field_error(result, "resolution_minutes") hint="Optional" />
            <TextField label="First response (seconds)" name="first_response_seconds" kind="number" value=first_response error=field_error(result, "first_response_seconds") hint="Optional" />
            <label class="check"><input type="checkbox" bind:checked=abandoned />" Abandoned before an answer"</label>
            <label class="check"><input type="checkbox" bind:checked=complaint />" The customer complained"</label>
            <Show when=move || complaint.get()>
                <SelectField label="Rectification" name="rectification" value=rectification error=field_error(result, "rectification")>
                    <option value="">"Not yet decided"</option>
                    {Rectification::ALL.iter().map(|r| view! { <option value=r.key()>{r.label()}</option> }).collect_view()}
                </SelectField>
                <TextField label="Follow up on" name="follow_up_on" kind="date" value=follow_up error=field_error(result, "follow_up_on") />
            </Show>
            <TextField label="Reference" name="reference" value=reference error=field_error(result, "reference") hint="Optional: the call's id in your telephony system." />
            <div class="form-actions">
                <FormAlert error=form_error(result, &FORM_FIELDS) />
                <a class="button ghost" href="/calls">"Cancel"</a>
                <SubmitButton label="Add call" busy_label="Adding…" pending=create.pending() />
            </div>
        </form>
    }
}
