//! The agent's self-assessment against the framework, and its history.

use crate::api::development::{get_self_assessment_form, get_self_assessments, SaveSelfAssessment};
use crate::components::feedback::{loaded, reloadable, EmptyState};
use crate::components::forms::{focus_first_error, until_edited, FormAlert};
use crate::components::layout::{AppShell, PageHeader};
use crate::domain::scoring::LEVEL_NAMES;
use crate::error::AppError;
use crate::types::{SelfAssessmentForm, SelfAssessmentHistory};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn NewSelfAssessmentPage() -> impl IntoView {
    view! {
        <AppShell title="Rate yourself">
            <NewSelfAssessment />
        </AppShell>
    }
}

#[component]
fn NewSelfAssessment() -> impl IntoView {
    let form = Resource::new(|| (), |_| get_self_assessment_form());
    view! {
        <PageHeader title="Rate yourself" lede="For each behaviour, pick the level that sounds most like you on a typical call. Be honest: the point is to compare your view with your coaches' and find where to grow." />
        {loaded(form, move |f| view! { <SelfAssessmentEditor form=f /> }.into_any())}
    }
}

struct Answer {
    id: i32,
    level: RwSignal<Option<u8>>,
    example: RwSignal<String>,
}

#[component]
fn SelfAssessmentEditor(form: SelfAssessmentForm) -> impl IntoView {
    let save = ServerAction::<SaveSelfAssessment>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            navigate("/development", Default::default());
        }
    });
    let answers: Vec<Answer> = form
        .framework
        .behaviours()
        .map(|b| Answer {
            id: b.id,
            level: RwSignal::new(None),
            example: RwSignal::new(String::new()),
        })
        .collect();
    let total = answers.len();
    let answers = StoredValue::new(answers);
    let rated = Memo::new(move |_| {
        answers.with_value(|a| a.iter().filter(|x| x.level.get().is_some()).count())
    });
    let error_for = move |id: i32| {
        let field = format!("behaviour-{id}");
        move || match save.value().get() {
            Some(Err(e)) => e.for_field(&field),
            _ => None,
        }
    };
    let form_error = Signal::derive(move || match save.value().get() {
        Some(Err(AppError::InvalidFields(list))) => Some(format!(
            "{} behaviours need attention; each is marked above.",
            list.len()
        )),
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    });
    let form_ref = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form_ref, move || save.value().get());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ratings = answers.with_value(|a| {
            a.iter()
                .filter_map(|x| {
                    x.level
                        .get_untracked()
                        .map(|l| (x.id, l as i16, x.example.get_untracked()))
                })
                .collect()
        });
        save.dispatch(SaveSelfAssessment { ratings });
    };
    let previous = form.previous.clone();
    let previous_on = form.previous_on.clone().unwrap_or_default();
    view! {
        <form class="self-assessment" novalidate on:submit=submit node_ref=form_ref>
            {form.framework.clusters.iter().map(|c| view! {
                <section class="cluster">
                    <h2 class="cluster-title">{c.name.clone()}</h2>
                    {c.behaviours.iter().map(|b| {
                        let id = b.id;
                        let (level, example) = answers.with_value(|a| {
                            a.iter().find(|x| x.id == id).map(|x| (x.level, x.example)).expect("every behaviour has an answer")
                        });
                        let last = previous.iter().find(|p| p.0 == id).map(|p| p.1);
                        // A behaviour stops saying it is missing once a level is chosen.
                        let (err, edited) = until_edited(Signal::derive(error_for(id)));
                        let error_id = format!("behaviour-{id}-error");
                        let error_id2 = error_id.clone();
                        view! {
                            <article class="card self-behaviour" data-behaviour=b.key.clone() class:has-error=move || err.get().is_some()>
                                <header>
                                    <h3>{b.name.clone()}</h3>
                                    {last.map(|l| view! { <span class="muted small">{format!("Last time ({previous_on}): {l}")}</span> })}
                                </header>
                                <p class="definition">{b.definition.clone()}</p>
                                <fieldset class="level-choices" role="radiogroup"
                                    aria-invalid=move || err.get().is_some().then_some("true")
                                    aria-describedby=move || err.get().is_some().then(|| error_id.clone())>
                                    <legend class="sr-only">{format!("Your level for {}", b.name)}</legend>
                                    {b.anchors.iter().enumerate().map(|(i, anchor)| {
                                        let l = (i + 1) as u8;
                                        view! {
                                            <label class="level-choice" class:chosen=move || level.get() == Some(l)>
                                                <input type="radio" name=format!("level-{id}") value=l.to_string()
                                                    checked=move || level.get() == Some(l)
                                                    on:change=move |_| { level.set(Some(l)); edited(); } />
                                                <span class="level-number">{l}</span>
                                                <span class="level-text"><strong>{LEVEL_NAMES[i]}</strong>" "{anchor.clone()}</span>
                                            </label>
                                        }
                                    }).collect_view()}
                                </fieldset>
                                <div class="field">
                                    <label for=format!("example-{id}")>"An example from a recent call (optional)"</label>
                                    <textarea id=format!("example-{id}") rows="2" maxlength="1000" bind:value=example></textarea>
                                </div>
                                {move || err.get().map(|e| view! { <p class="field-error" id=error_id2.clone()>{e}</p> })}
                            </article>
                        }
                    }).collect_view()}
                </section>
            }).collect_view()}
            <div class="sticky-actions">
                <span class="progress-text">{move || format!("{} of {total} behaviours rated", rated.get())}</span>
                <FormAlert error=form_error />
                <button class="button primary" type="submit" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { "Saving…" } else { "Save self-assessment" }}
                </button>
            </div>
        </form>
    }
}

#[component]
pub fn SelfAssessmentHistoryPage() -> impl IntoView {
    view! {
        <AppShell title="Self-assessments">
            <History />
        </AppShell>
    }
}

#[component]
fn History() -> impl IntoView {
    let query = use_query_map();
    let agent =
        Memo::new(move |_| query.with(|q| q.get("agent").and_then(|v| v.parse::<i32>().ok())));
    let data = Resource::new(move || agent.get(), get_self_assessments);
    view! {
        {reloadable(data, move |h| view! { <HistoryTable history=h /> }.into_any())}
    }
}

fn change(now: Option<u8>, before: Option<u8>) -> (String, &'static str) {
    match (now, before) {
        (Some(a), Some(b)) if a > b => (format!("▲ {}", a - b), "up"),
        (Some(a), Some(b)) if a < b => (format!("▼ {}", b - a), "down"),
        (Some(_), Some(_)) => ("no change".into(), "same"),
        _ => ("—".into(), "same"),
    }
}

#[component]
fn HistoryTable(history: SelfAssessmentHistory) -> impl IntoView {
    let title = if history.is_self {
        "Your self-assessments".to_string()
    } else {
        format!("{}'s self-assessments", history.agent.name)
    };
    let back = if history.is_self {
        "/development".to_string()
    } else {
        format!("/development?agent={}", history.agent.id)
    };
    let is_self = history.is_self;
    if history.assessments.is_empty() {
        return view! {
            <PageHeader title=title />
            <EmptyState title="No self-assessments yet" body="A self-assessment rates every behaviour of the framework; repeat it every few months to see how your view of yourself moves.">
                {is_self.then(|| view! { <a class="button primary" href="/self-assessment/new">"Rate yourself"</a> })}
            </EmptyState>
        }
        .into_any();
    }
    let count = history.assessments.len();
    view! {
        <PageHeader title=title lede=format!("{count} self-assessment{}, newest first. The last column compares the two most recent.", if count == 1 { "" } else { "s" })>
            <a class="button" href=back>"Back to development"</a>
            {is_self.then(|| view! { <a class="button primary" href="/self-assessment/new">"Rate yourself again"</a> })}
        </PageHeader>
        <section class="card card-flush">
            <div class="table-wrap" tabindex="0">
                <table class="table history-table">
                    <thead>
                        <tr>
                            <th scope="col">"Behaviour"</th>
                            {history.assessments.iter().map(|a| view! { <th scope="col" class="num">{a.on.clone()}<span class="muted small block">{format!("framework v{}", a.framework_version)}</span></th> }).collect_view()}
                            {(count > 1).then(|| view! { <th scope="col">"Change"</th> })}
                        </tr>
                    </thead>
                    <tbody>
                        {history.behaviours.into_iter().map(|(name, levels, examples)| {
                            let (text, class) = change(levels.first().copied().flatten(), levels.get(1).copied().flatten());
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    {levels.iter().zip(examples.iter()).map(|(l, e)| view! {
                                        <td class="num" title=e.clone()>{l.map_or("—".to_string(), |l| l.to_string())}</td>
                                    }).collect_view()}
                                    {(count > 1).then(|| view! { <td class=format!("change {class}")>{text}</td> })}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
