//! The action plan.

#[allow(unused_imports)]
use super::*;
use crate::api::continuum::{AddAction, SetActionStatus};
use crate::components::forms::{field_error, form_error, FormAlert, SubmitButton};
use crate::components::reload::use_reload;
use crate::domain::lifecycle::ActionStatus;
use crate::types::ContinuumAssessmentView;
use leptos::prelude::*;

#[component]
pub(super) fn ActionPlan(a: ContinuumAssessmentView) -> impl IntoView {
    let reload = use_reload();
    let set = ServerAction::<SetActionStatus>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = set.value().get() {
            reload.run();
        }
    });
    if a.actions.is_empty() {
        return view! { <p class="muted">"No actions yet. Turn a next step into an action with an owner and a date."</p> }.into_any();
    }
    view! {
        <ul class="actions-list">
            {a.actions.iter().map(|x| {
                let action_id = x.id;
                let status = x.status;
                view! {
                    <li>
                        <span class="action-title">{x.title.clone()}</span>
                        <span class="muted small block">{format!("{} · due {}", x.owner.clone().unwrap_or_else(|| "No owner".into()), x.due_on.clone().unwrap_or_default())}</span>
                        <select class="no-print" aria-label="Status" on:change=move |ev| { set.dispatch(SetActionStatus { action_id, status: event_target_value(&ev) }); }>
                            {ActionStatus::ALL.iter().map(|s| view! { <option value=s.key() selected=status == *s>{s.label()}</option> }).collect_view()}
                        </select>
                        <span class="print-only">{x.status.key().replace('_', " ")}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub(super) fn NewAction(
    id: i32,
    statement: Option<i32>,
    title: String,
    owners: Vec<(i32, String)>,
) -> impl IntoView {
    let reload = use_reload();
    let add = ServerAction::<AddAction>::new();
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(_)) = add.value().get() {
            open.set(false);
            reload.run();
        }
    });
    let text = RwSignal::new(title);
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let result = move || add.value().get();
    let owners = StoredValue::new(owners);
    view! {
        <button class="button small-button no-print" type="button" on:click=move |_| open.update(|o| *o = !*o)>"Make an action"</button>
        <Show when=move || open.get()>
            <form class="form action-form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                add.dispatch(AddAction { id, statement_id: statement, title: text.get(), owner_id: owner.get().parse().ok(), due_on: due.get() });
            }>
                <div class="field" class:has-error=move || field_error(result, "title").get().is_some()>
                    <label>"Action"<textarea rows="2" bind:value=text></textarea></label>
                    {move || field_error(result, "title").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field" class:has-error=move || field_error(result, "owner_id").get().is_some()>
                    <label>"Owner"
                        <select bind:value=owner>
                            <option value="">"Choose…"</option>
                            {owners.with_value(|o| o.iter().map(|(id, n)| view! { <option value=id.to_string()>{n.clone()}</option> }).collect_view())}
                        </select>
                    </label>
                    {move || field_error(result, "owner_id").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field" class:has-error=move || field_error(result, "due_on").get().is_some()>
                    <label>"Due"<input type="date" bind:value=due /></label>
                    {move || field_error(result, "due_on").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <FormAlert error=form_error(result, &["title", "owner_id", "due_on"]) />
                <SubmitButton label="Add to the plan" busy_label="Adding…" pending=add.pending() />
            </form>
        </Show>
    }
}
