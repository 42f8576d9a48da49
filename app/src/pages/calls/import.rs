//! Importing a contact-centre export: check, then all or nothing.

#[allow(unused_imports)]
use super::*;
use crate::api::calls::import_calls;
use crate::components::import::ImportFlow;
use crate::components::layout::{AppShell, PageHeader};
use crate::types::ImportOutcome;
use leptos::prelude::*;

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
    let flow = ImportFlow::new(import_calls);
    let ready = move |o: ImportOutcome| {
        if o.committed {
            view! {
                <div class="panel panel-ok" role="status">
                    <h2>{format!("Imported {} calls", o.rows)}</h2>
                    <p>{format!("{} agents, {} to {}.", o.agents, o.first.unwrap_or_default(), o.last.unwrap_or_default())}</p>
                    <a class="button primary" href="/calls">"See the calls"</a>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="panel" role="status">
                    <h2>{format!("Ready to import {} calls", o.rows)}</h2>
                    <p>{format!("Every line checked: {} agents, {} to {}.", o.agents, o.first.unwrap_or_default(), o.last.unwrap_or_default())}</p>
                    <button class="button primary" type="button" disabled=move || flow.busy.get() on:click=move |_| flow.commit()>
                        {format!("Import {} calls", o.rows)}
                    </button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <PageHeader title="Import calls" lede="Upload a contact-centre export (CSV). You see a check of every line first; nothing is imported unless every line is right.">
            <a class="button" href=template_href() download="rapport-calls-template.csv">"Download the template"</a>
        </PageHeader>
        <section class="card">
            <div class="field">
                <label for="import-file">"CSV file"</label>
                <input id="import-file" type="file" accept=".csv,text/csv" on:change=flow.on_file() />
                <p class="hint">"Columns: agent_email, team, occurred_at, channel, duration_seconds, then optional csat, likelihood_to_recommend, resolved, resolution_minutes, first_response_seconds, abandoned, complaint, rectification, follow_up_on, reference."</p>
            </div>
            {flow.answer(ready)}
        </section>
    }
}
