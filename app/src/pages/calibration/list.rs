//! The sessions the person organises or takes part in, and the form that
//! organises a new one.

use super::page::alpha_text;
use crate::api::calibration::{get_calibration_options, CreateCalibration};
use crate::components::feedback::{EmptyState, Loading};
use crate::components::forms::{
    field_error, focus_first_error, form_error, FormAlert, SubmitButton,
};
use crate::components::layout::PageHeader;
use crate::components::table::DataTable;
use crate::domain::lifecycle::CalibrationStatus;
use crate::types::{CalibrationList, CalibrationOptions, CalibrationSummary};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::collections::BTreeSet;

#[component]
pub(super) fn SessionList(list: CalibrationList) -> impl IntoView {
    let sessions = list.sessions.clone();
    view! {
        <PageHeader
            title="Calibration"
            lede="Coaches score the same calls blind, then compare: how far they agree beyond chance (Krippendorff's α) and who scores high or low. Practice only: it never counts for the agent."
        >
            <a class="button" href="/calibration/agreement">"Agreement over time"</a>
        </PageHeader>
        {list.can_organise.then(|| view! { <Organise /> })}
        {if sessions.is_empty() {
            view! {
                <EmptyState title="No calibration sessions yet" body="Organise one: pick a few recorded calls and the coaches who should score them." />
            }.into_any()
        } else {
            view! {
                <section class="card card-flush">
                    <DataTable headers=&["Session", "Organiser", "Due", "Status", "Scores in", "Your part", "Alpha"]>
                        {sessions.into_iter().map(|s| view! { <SessionRow s=s /> }).collect_view()}
                    </DataTable>
                </section>
            }.into_any()
        }}
    }
}

#[component]
fn SessionRow(s: CalibrationSummary) -> impl IntoView {
    let status = match (s.status, s.overdue) {
        (CalibrationStatus::Revealed, _) => view! { <span class="badge ok">"Revealed"</span> },
        (_, true) => view! { <span class="badge warn">"Overdue"</span> },
        _ => view! { <span class="badge info">"Scoring blind"</span> },
    };
    let part = if s.mine_to_do > 0 {
        format!(
            "{} call{} to score",
            s.mine_to_do,
            if s.mine_to_do == 1 { "" } else { "s" }
        )
    } else {
        "–".into()
    };
    let alpha = if s.status == CalibrationStatus::Revealed {
        alpha_text(s.alpha)
    } else {
        "After the reveal".into()
    };
    view! {
        <tr>
            <td data-label="Session"><a href=format!("/calibration/{}", s.id)>{s.title}</a></td>
            <td data-label="Organiser">{s.organiser}</td>
            <td data-label="Due">{s.due_on}</td>
            <td data-label="Status">{status}</td>
            <td data-label="Scores in">{format!("{} of {}", s.submitted, s.expected)}</td>
            <td data-label="Your part">{part}</td>
            <td data-label="Alpha" class="num">{alpha}</td>
        </tr>
    }
}

/// The options (a hundred calls, every coach) load when the person opens
/// the form, not with every view of the list; loaded on the client, the form
/// is live as soon as it shows.
#[component]
fn Organise() -> impl IntoView {
    let options = Action::new(|_: &()| get_calibration_options());
    // The first toggle is the first opening: the details start closed.
    let on_toggle = move |_| {
        if options.value().get_untracked().is_none() && !options.pending().get_untracked() {
            options.dispatch(());
        }
    };
    view! {
        <details class="card organise" on:toggle=on_toggle>
            <summary>"Organise a session"</summary>
            {move || match options.value().get() {
                Some(Ok(o)) => view! { <OrganiseForm options=o /> }.into_any(),
                Some(Err(e)) => view! { <p class="field-error">{e.to_string()}</p> }.into_any(),
                None => view! { <Loading /> }.into_any(),
            }}
        </details>
    }
}

#[component]
fn OrganiseForm(options: CalibrationOptions) -> impl IntoView {
    let create = ServerAction::<CreateCalibration>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&format!("/calibration/{id}"), Default::default());
        }
    });
    let title = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let calls = RwSignal::new(BTreeSet::<i32>::new());
    let coaches = RwSignal::new(BTreeSet::<i32>::new());
    let result = move || create.value().get();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form_ref, result);
    let toggle = |set: RwSignal<BTreeSet<i32>>, id: i32| {
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            set.update(|s| {
                if on {
                    s.insert(id);
                } else {
                    s.remove(&id);
                }
            });
        }
    };
    let picks =
        |name: &'static str, set: RwSignal<BTreeSet<i32>>, items: Vec<crate::types::PickOption>| {
            items
                .into_iter()
                .map(|o| {
                    let id = format!("{name}-{}", o.id);
                    let label_for = id.clone();
                    view! {
                        <label class="check" for=label_for>
                            <input type="checkbox" id=id on:change=toggle(set, o.id) />
                            <span>{o.label}</span>
                        </label>
                    }
                })
                .collect_view()
        };
    view! {
        <form node_ref=form_ref class="form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            create.dispatch(CreateCalibration {
                title: title.get(),
                due_on: due.get(),
                calls: calls.get().into_iter().collect(),
                participants: coaches.get().into_iter().collect(),
            });
        }>
            <div class="form-row">
                <div class="field" class:has-error=move || field_error(result, "title").get().is_some()>
                    <label for="field-title">"Title"</label>
                    <input id="field-title" bind:value=title placeholder="e.g. November refunds" />
                    {move || field_error(result, "title").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field" class:has-error=move || field_error(result, "due_on").get().is_some()>
                    <label for="field-due">"Due"</label>
                    <input id="field-due" type="date" bind:value=due />
                    {move || field_error(result, "due_on").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
            </div>
            <fieldset class="field pick-list" class:has-error=move || field_error(result, "calls").get().is_some()>
                <legend>{format!("Calls to score (up to {})", 10)}</legend>
                <div class="pick-scroll" tabindex="0">{picks("call", calls, options.calls)}</div>
                {move || field_error(result, "calls").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </fieldset>
            <fieldset class="field pick-list" class:has-error=move || field_error(result, "participants").get().is_some()>
                <legend>"Coaches who score them (any team)"</legend>
                <div class="pick-scroll" tabindex="0">{picks("coach", coaches, options.coaches)}</div>
                {move || field_error(result, "participants").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </fieldset>
            <p class="hint">{move || format!("{} call(s) and {} coach(es) chosen.", calls.get().len(), coaches.get().len())}</p>
            <SubmitButton label="Organise the session" busy_label="Organising…" pending=create.pending() />
            <FormAlert error=form_error(result, &["title", "due_on", "calls", "participants"]) />
        </form>
    }
}
