//! What every CSV import page shares: reading the chosen file in the
//! browser, and the table of problems by line and column.

use crate::domain::csv_import::RowProblem;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Reads the file chosen in a file input as text, then hands over its name
/// and text, or says why it could not be read.
pub fn read_chosen_file(
    ev: leptos::ev::Event,
    done: impl FnOnce(Result<(String, String), String>) + 'static,
) {
    use wasm_bindgen::JsCast;
    let input: web_sys::HtmlInputElement = event_target(&ev);
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let name = file.name();
    spawn_local(async move {
        let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        done(match read {
            Ok(v) => Ok((name, v.as_string().unwrap_or_default())),
            Err(e) => Err(format!(
                "The file could not be read: {}",
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_default()
            )),
        });
    });
}

/// Every problem found, by line and column; nothing was imported.
#[component]
pub fn ImportProblems(problems: Vec<RowProblem>) -> impl IntoView {
    let n = problems.len();
    view! {
        <div class="import-problems" role="alert">
            <h2>{format!("{n} problem{} found — nothing was imported", if n == 1 { "" } else { "s" })}</h2>
            <p class="muted">"Correct the file and choose it again."</p>
            <table class="table stack">
                <thead><tr><th scope="col">"Line"</th><th scope="col">"Column"</th><th scope="col">"Problem"</th></tr></thead>
                <tbody>
                    {problems.into_iter().map(|p| view! {
                        <tr><td data-label="Line">{p.line}</td><td data-label="Column"><code>{p.column}</code></td><td data-label="Problem">{p.message}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
