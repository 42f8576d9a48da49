//! What every CSV import page shares: reading the chosen file in the
//! browser, checking it before importing it, and the answer: the table of
//! problems by line and column, or what the page says about a clean file.

use crate::domain::csv_import::{Checked, RowProblem};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// The state of a check-then-import form: the chosen file, the last answer
/// and whether a request is on its way. Choosing a file checks it at once;
/// `run(true)` imports it.
pub struct ImportFlow<T: Send + Sync + 'static> {
    text: RwSignal<Option<(String, String)>>,
    pub outcome: RwSignal<Option<Result<T, String>>>,
    pub busy: RwSignal<bool>,
    run: Callback<bool>,
}

impl<T: Send + Sync + 'static> Clone for ImportFlow<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for ImportFlow<T> {}

impl<T: Clone + Checked + Send + Sync + 'static> ImportFlow<T> {
    /// `send(csv, commit)` is the page's server function.
    pub fn new<F, Fut, E>(send: F) -> Self
    where
        F: Fn(String, bool) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<T, E>> + 'static,
        E: std::fmt::Display,
    {
        let text = RwSignal::new(None::<(String, String)>);
        let outcome = RwSignal::new(None);
        let busy = RwSignal::new(false);
        let run = Callback::new(move |commit: bool| {
            let Some((_, csv)) = text.get_untracked() else {
                return;
            };
            busy.set(true);
            let sent = send(csv, commit);
            spawn_local(async move {
                outcome.set(Some(sent.await.map_err(|e| e.to_string())));
                busy.set(false);
            });
        });
        Self {
            text,
            outcome,
            busy,
            run,
        }
    }

    /// Checks the file again (something the check depends on changed).
    pub fn recheck(self) {
        if self.text.get_untracked().is_some() {
            self.run.run(false);
        }
    }

    /// Imports the checked file.
    pub fn commit(self) {
        self.run.run(true);
    }

    /// The file input's change handler.
    pub fn on_file(self) -> impl Fn(leptos::ev::Event) + Copy + 'static {
        move |ev| {
            self.outcome.set(None);
            read_chosen_file(ev, move |read| match read {
                Ok(file) => {
                    self.text.set(Some(file));
                    self.run.run(false);
                }
                Err(e) => self.outcome.set(Some(Err(e))),
            });
        }
    }

    /// The answer under the form: a check under way, an error, the problems,
    /// or `clean` for a file with none (checked, or imported).
    pub fn answer(self, clean: impl Fn(T) -> AnyView + Send + Sync + 'static) -> impl IntoView {
        view! {
            {move || self.busy.get().then(|| view! { <super::feedback::Loading label="Checking every line…" /> })}
            {move || self.outcome.get().map(|o| match o {
                Err(e) => view! { <div class="form-alert" role="alert">{e}</div> }.into_any(),
                Ok(o) if !o.problems().is_empty() => view! { <ImportProblems problems=o.problems().to_vec() /> }.into_any(),
                Ok(o) => clean(o),
            })}
        }
    }
}

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
