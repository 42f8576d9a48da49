//! Assessments over time, side by side.

#[allow(unused_imports)]
use super::*;
use crate::api::continuum::StartAssessment;
use crate::components::forms::{
    field_error, focus_first_error, form_error, FormAlert, SubmitButton,
};
use crate::components::layout::PageHeader;
use crate::domain::placement::{stage_name, Component};
use crate::types::ContinuumHome;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

// ---- History and start --------------------------------------------------------

#[component]
pub(super) fn History(home: ContinuumHome) -> impl IntoView {
    let start = ServerAction::<StartAssessment>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = start.value().get() {
            navigate(&format!("/continuum/{id}"), Default::default());
        }
    });
    let title = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let result = move || start.value().get();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form_ref, result);
    let done: Vec<_> = home
        .assessments
        .iter()
        .filter(|a| a.result.is_some())
        .cloned()
        .collect();
    view! {
        <PageHeader title="Practices continuum" lede=format!("Where your organisation, or one team, stands on five stages of customer-satisfaction practice, and what leads to the next. Model version {}.", home.model_version)>
            <a class="button" href=MODEL_PATH>"The model"</a>
        </PageHeader>
        <form node_ref=form_ref class="card form inline-form start-form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            start.dispatch(StartAssessment { title: title.get(), team_id: unit.get().parse().ok() });
        }>
            <div class="field" class:has-error=move || field_error(result, "title").get().is_some()>
                <label for="field-title">"New assessment"</label>
                <input id="field-title" bind:value=title placeholder="e.g. Spring review" />
                {move || field_error(result, "title").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <div class="field">
                <label for="field-unit">"For"</label>
                <select id="field-unit" bind:value=unit>
                    <option value="">"The whole organisation"</option>
                    {home.teams.iter().map(|(id, n)| view! { <option value=id.to_string()>{n.clone()}</option> }).collect_view()}
                </select>
            </div>
            <SubmitButton label="Start" busy_label="Starting…" pending=start.pending() />
            <FormAlert error=form_error(result, &["title"]) />
        </form>
        {if home.assessments.is_empty() {
            view! { <p class="muted">"No assessments yet. Start one, answer the 45 practice statements, and see where you stand."</p> }.into_any()
        } else {
            view! {
                <section class="card card-flush">
                    <h2 class="card-title">"Assessments"</h2>
                    <div class="table-wrap" tabindex="0">
                        <table class="table stack">
                            <thead><tr>
                                <th scope="col">"Assessment"</th><th scope="col">"Unit"</th><th scope="col">"Status"</th>
                                <th scope="col">"Overall"</th>
                                {Component::ALL.iter().map(|c| view! { <th scope="col">{c.label()}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {home.assessments.iter().map(|a| {
                                    let r = a.result.clone();
                                    view! {
                                        <tr>
                                            <th scope="row" data-label="Assessment"><a href=format!("/continuum/{}", a.id)>{a.title.clone()}</a><span class="muted small block">{format!("started {} · model v{}", a.started_on, a.model_version)}</span></th>
                                            <td data-label="Unit">{a.unit.clone()}</td>
                                            <td data-label="Status">{if a.submitted { format!("Submitted {}", a.submitted_on.clone().unwrap_or_default()) } else { format!("In progress · {} invited", a.invited) }}</td>
                                            <td data-label="Overall"><strong>{r.as_ref().map_or("—".to_string(), |r| format!("{} · {}", r.overall, stage_name(r.overall)))}</strong></td>
                                            {Component::ALL.iter().map(|c| view! { <td data-label=c.label()>{r.as_ref().map_or("—".to_string(), |r| stage_name(component_of(&r.components, *c)).to_string())}</td> }).collect_view()}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
                {(done.len() > 1).then(|| view! {
                    <section class="card">
                        <h2 class="card-heading">"Side by side"</h2>
                        <div class="compare">
                            {done.iter().map(|a| view! {
                                <figure class="compare-item">
                                    <figcaption><a href=format!("/continuum/{}", a.id)>{a.title.clone()}</a><span class="muted small block">{format!("{} · {}", a.unit, a.submitted_on.clone().unwrap_or_else(|| a.started_on.clone()))}</span></figcaption>
                                    <ContinuumPicture result=a.result.clone().unwrap_or_else(empty_result) compact=true />
                                </figure>
                            }).collect_view()}
                        </div>
                    </section>
                })}
            }.into_any()
        }}
    }
}
