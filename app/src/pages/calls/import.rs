//! Importing a contact-centre export: check, then all or nothing.

#[allow(unused_imports)]
use super::*;
use crate::api::calls::import_calls;
use crate::components::feedback::Loading;
use crate::components::import::{read_chosen_file, ImportProblems};
use crate::components::layout::{AppShell, PageHeader};
use crate::types::ImportOutcome;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ImportPage() -> impl IntoView {
    view! {
        <AppShell title="Import calls">
            <Import />
        </AppShell>
    }
}

pub(super) fn template_href() -> String {
    crate::components::feedback::csv_data_href(&crate::domain::call_import::template())
}

#[component]
pub(super) fn Import() -> impl IntoView {
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
        outcome.set(None);
        read_chosen_file(ev, move |read| match read {
            Ok(file) => {
                text.set(Some(file));
                run(false);
            }
            Err(e) => outcome.set(Some(Err(e))),
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
                Ok(o) if !o.problems.is_empty() => view! { <ImportProblems problems=o.problems /> }.into_any(),
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
