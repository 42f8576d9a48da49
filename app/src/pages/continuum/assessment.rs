//! One assessment: its respondents and what each may do next.

#[allow(unused_imports)]
use super::*;
use crate::api::continuum::{CompleteAssessment, InviteRespondent};
use crate::components::forms::{field_error, form_error, FormAlert, SubmitButton};
use crate::components::layout::PageHeader;
use crate::components::reload::use_reload;
use crate::types::ContinuumAssessmentView;
use leptos::prelude::*;

// ---- One assessment -----------------------------------------------------------

#[component]
pub(super) fn Assessment(a: ContinuumAssessmentView) -> impl IntoView {
    let reload = use_reload();
    let complete = ServerAction::<CompleteAssessment>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = complete.value().get() {
            reload.run();
        }
    });
    let id = a.id;
    let status = if a.submitted {
        format!("Submitted {}", a.submitted_on.clone().unwrap_or_default())
    } else {
        "In progress".to_string()
    };
    let respondents = a
        .respondents
        .iter()
        .map(|r| {
            format!(
                "{}{}",
                r.name,
                if r.submitted {
                    " (submitted)"
                } else {
                    " (answering)"
                }
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let answering = !a.submitted && a.i_respond && !a.i_submitted;
    let (done, asked) = (
        a.respondents.iter().filter(|r| r.submitted).count(),
        a.respondents.len(),
    );
    let close_card = move || {
        view! {
            <section class="card no-print close-card" aria-labelledby="close-title">
                <h2 id="close-title">"Close the assessment"</h2>
                <p class="muted">
                    {format!("{done} of {asked} respondent{} submitted. ", if asked == 1 { " has" } else { "s have" })}
                    "Closing places the organisation from the answers submitted so far. After that nothing in it changes; the action plan stays open."
                </p>
                <FormAlert error=form_error(move || complete.value().get(), &[]) />
                <button class="button primary" type="button" disabled=move || complete.pending().get() on:click=move |_| { complete.dispatch(CompleteAssessment { id }); }>"Close and place"</button>
            </section>
        }
    };
    let csv = a
        .exportable
        .then(|| format!("/export/continuum.csv?id={}", a.id));
    view! {
        <PageHeader title=a.title.clone() lede=format!("{} · {} · started {} · model version {} · {}", a.unit, status, a.started_on, a.model_version, respondents)>
            <a class="button" href="/continuum">"All assessments"</a>
            {csv.map(|href| view! { <a class="button" href=href download="" rel="external">"Download CSV"</a> })}
            {a.submitted.then(|| view! { <button class="button" type="button" on:click=|_| { let _ = window().print(); }>"Print"</button> })}
        </PageHeader>
        {a.result.clone().map(|r| view! { <ResultView a=a.clone() r=r /> })}
        // Once the owner has nothing left to answer, closing is what is left
        // to do: it comes first rather than below everything else.
        {(!a.submitted && a.is_owner && !answering).then(close_card)}
        {(!a.submitted).then(|| view! { <Respondents a=a.clone() /> })}
        {answering.then(|| view! { <Questionnaire a=a.clone() /> })}
        {(!a.submitted && a.is_owner && answering).then(close_card)}
    }
}

#[component]
pub(super) fn Respondents(a: ContinuumAssessmentView) -> impl IntoView {
    let reload = use_reload();
    let invite = ServerAction::<InviteRespondent>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = invite.value().get() {
            reload.run();
        }
    });
    let who = RwSignal::new(String::new());
    let id = a.id;
    let result = move || invite.value().get();
    (!a.leaders.is_empty()).then(|| view! {
        <form class="card form inline-form no-print" novalidate on:submit=move |ev| {
            ev.prevent_default();
            if let Ok(user_id) = who.get().parse() { invite.dispatch(InviteRespondent { id, user_id }); }
        }>
            <div class="field" class:has-error=move || field_error(result, "user_id").get().is_some()>
                <label for="field-invite">"Ask another leader to answer too"</label>
                <select id="field-invite" bind:value=who>
                    <option value="">"Choose a leader…"</option>
                    {a.leaders.iter().map(|(id, n)| view! { <option value=id.to_string()>{n.clone()}</option> }).collect_view()}
                </select>
                {move || field_error(result, "user_id").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <SubmitButton label="Invite" busy_label="Inviting…" pending=invite.pending() />
        </form>
    })
}
