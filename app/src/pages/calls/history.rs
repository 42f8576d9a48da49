//! Importing review history from another QA tool: choose the framework
//! version it was scored on, check every line, then import all at once.

use crate::api::frameworks::list_frameworks;
use crate::api::reviews::import_history;
use crate::components::feedback::Loading;
use crate::components::import::ImportFlow;
use crate::components::layout::{AppShell, PageHeader};
use crate::domain::lifecycle::VersionStatus;
use crate::types::HistoryOutcome;
use leptos::prelude::*;

#[component]
pub fn HistoryImportPage() -> impl IntoView {
    view! {
        <AppShell title="Import review history">
            <HistoryImport />
        </AppShell>
    }
}

#[component]
fn HistoryImport() -> impl IntoView {
    let versions = Resource::new(|| (), |_| list_frameworks());
    let version = RwSignal::new(None::<i32>);
    let flow =
        ImportFlow::new(move |csv, commit| import_history(csv, version.get_untracked(), commit));
    let on_version = move |ev| {
        version.set(event_target_value(&ev).parse::<i32>().ok());
        flow.recheck();
    };
    let template = move || {
        format!(
            "/export/review-history-template.csv{}",
            version
                .get()
                .map_or(String::new(), |v| format!("?version={v}"))
        )
    };
    view! {
        <PageHeader title="Import review history" lede="Bring the reviews your coaches made in another QA tool. Each line is a call already in Rapport (by its reference) or a new call, the coach, when it was reviewed, and a rating per behaviour. You see a check of every line first; nothing is imported unless every line is right.">
            <a class="button" href=template download="" rel="external">"Download the template"</a>
        </PageHeader>
        <section class="card history-import">
            <div class="field">
                <label for="history-version">"Scored on framework version"</label>
                <Transition fallback=|| view! { <Loading /> }>
                    {move || Suspend::new(async move {
                        let list = versions.await.unwrap_or_default();
                        view! {
                            <select id="history-version" on:change=on_version>
                                <option value="">"The current version"</option>
                                {list.into_iter().filter(|f| f.status != VersionStatus::Draft).map(|f| view! {
                                    <option value=f.version.to_string()>{format!("Version {} ({})", f.version, f.status)}</option>
                                }).collect_view()}
                            </select>
                        }
                    })}
                </Transition>
                <p class="hint">"The behaviour columns are the keys of this version; the template lists them."</p>
            </div>
            <div class="field">
                <label for="history-file">"CSV file"</label>
                <input id="history-file" type="file" accept=".csv,text/csv" on:change=flow.on_file() />
                <p class="hint">"Columns: call_reference or the new call's columns (as in the call import), coach_email, reviewed_at, one per behaviour key with 1–5, M (missed) or NA, and optional strengths and development."</p>
            </div>
            {flow.answer(move |o: HistoryOutcome| if o.committed {
                view! {
                    <div class="panel panel-ok" role="status">
                        <h2>{format!("Imported {} reviews", o.reviews)}</h2>
                        <p>{summary(&o)}</p>
                        <a class="button primary" href="/kpis/insight">"See what drives satisfaction"</a>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="panel" role="status">
                        <h2>{format!("Ready to import {} reviews", o.reviews)}</h2>
                        <p>{format!("Every line checked. {}", summary(&o))}</p>
                        <button class="button primary" type="button" disabled=move || flow.busy.get() on:click=move |_| flow.commit()>
                            {format!("Import {} reviews", o.reviews)}
                        </button>
                    </div>
                }.into_any()
            })}
        </section>
    }
}

fn summary(o: &HistoryOutcome) -> String {
    format!(
        "{} new calls and {} calls already in Rapport, by {} coach{}, reviewed {} to {}, on framework version {}. They count as ordinary reviews, marked as imported.",
        o.new_calls,
        o.existing_calls,
        o.coaches,
        if o.coaches == 1 { "" } else { "es" },
        o.first.clone().unwrap_or_default(),
        o.last.clone().unwrap_or_default(),
        o.version
    )
}
