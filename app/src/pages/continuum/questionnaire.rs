//! Answering the statements, saving as each answer is chosen.

#[allow(unused_imports)]
use super::*;
use crate::api::continuum::{AnswerStatement, SubmitAnswers};
use crate::components::forms::{form_error, FormAlert};
use crate::components::reload::use_reload;
use crate::domain::continuum::DataCheck;
use crate::domain::placement::{stage_name, Answer, Component};
use crate::types::{ContinuumAssessmentView, ContinuumCellView, EvidenceFigure};
use leptos::prelude::*;

pub(super) fn evidence_for(list: &[EvidenceFigure], check: Option<DataCheck>) -> Option<String> {
    let check = check?;
    let f = list.iter().find(|f| f.check == check)?;
    Some(match f.share {
        Some(s) => format!("Rapport's data: {:.0}% {}", s * 100.0, f.basis),
        None => format!(
            "Rapport's data: nothing to count yet ({})",
            f.basis.trim_start_matches("of ")
        ),
    })
}

#[component]
pub(super) fn Questionnaire(a: ContinuumAssessmentView) -> impl IntoView {
    let reload = use_reload();
    let save = ServerAction::<AnswerStatement>::new();
    let submit = ServerAction::<SubmitAnswers>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = submit.value().get() {
            reload.run();
        }
    });
    let id = a.id;
    let total = a.cells.iter().map(|c| c.statements.len()).sum::<usize>();
    // Each statement's current answer, saved as soon as it is chosen.
    let answers: Vec<(i32, RwSignal<Option<Answer>>, RwSignal<String>)> = a
        .cells
        .iter()
        .flat_map(|c| c.statements.iter())
        .map(|s| {
            let mine = a.mine.iter().find(|m| m.0 == s.id);
            (
                s.id,
                RwSignal::new(mine.map(|m| m.1)),
                RwSignal::new(mine.map(|m| m.2.clone()).unwrap_or_default()),
            )
        })
        .collect();
    let answers = StoredValue::new(answers);
    let count = move |which: Option<Answer>| {
        answers.with_value(|v| v.iter().filter(|x| x.1.get() == which).count())
    };
    let answered = move || total - count(None);
    let evidence = StoredValue::new(a.evidence.clone());
    let saving_error = move || match save.value().get() {
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    };
    // One component at a time: fifteen stages of statements on one page
    // were a long scroll, and a leader answers a component in one sitting.
    let step = RwSignal::new(0usize);
    let ids_of = |component: Component| -> Vec<i32> {
        a.cells
            .iter()
            .filter(|c| c.component == component)
            .flat_map(|c| c.statements.iter().map(|s| s.id))
            .collect()
    };
    let per_component: Vec<Vec<i32>> = Component::ALL.iter().map(|c| ids_of(*c)).collect();
    let per_component = StoredValue::new(per_component);
    let answered_in = move |i: usize| {
        per_component.with_value(|p| {
            answers.with_value(|v| {
                v.iter()
                    .filter(|x| p[i].contains(&x.0) && x.1.get().is_some())
                    .count()
            })
        })
    };
    let size_of = move |i: usize| per_component.with_value(|p| p[i].len());
    let heading_id = |i: usize| format!("component-{i}");
    let go = move |i: usize| {
        step.set(i);
        // Bring the new component's heading into view and give it focus.
        #[cfg(feature = "hydrate")]
        request_animation_frame(move || {
            use leptos::wasm_bindgen::JsCast;
            if let Some(h) = document()
                .get_element_by_id(&format!("component-{i}"))
                .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
            {
                h.scroll_into_view();
                let _ = h.focus();
            }
        });
    };
    view! {
        <section class="questionnaire no-print">
            <h2>"Your answers"</h2>
            <p class="muted">"For each practice, say whether it is in place today. Answers save as you choose them; nothing counts until you submit."</p>
            <nav class="component-steps" aria-label="Components">
                <ol>
                    {Component::ALL.iter().enumerate().map(|(i, component)| view! {
                        <li>
                            <button type="button" class:current=move || step.get() == i
                                aria-current=move || (step.get() == i).then_some("step")
                                on:click=move |_| go(i)>
                                <span class="step-name">{format!("{}. {}", i + 1, component.label())}</span>
                                <span class="step-count">{move || format!("{} of {} answered", answered_in(i), size_of(i))}</span>
                            </button>
                        </li>
                    }).collect_view()}
                </ol>
            </nav>
            {Component::ALL.iter().enumerate().map(|(index, component)| {
                let cells: Vec<ContinuumCellView> = a.cells.iter().filter(|c| c.component == *component).cloned().collect();
                let next = Component::ALL.get(index + 1).copied();
                view! {
                    <section class="card component-block" hidden=move || step.get() != index aria-labelledby=heading_id(index)>
                        <h3 id=heading_id(index) tabindex="-1">{component.label()}</h3>
                        {cells.into_iter().map(|cell| view! {
                            <div class="stage-block">
                                <h4>{format!("Stage {} · {}", cell.stage, stage_name(cell.stage))}</h4>
                                <p class="muted small">{cell.description.clone()}</p>
                                {cell.statements.iter().map(|s| {
                                    let sid = s.id;
                                    let (answer, note) = answers.with_value(|v| v.iter().find(|x| x.0 == sid).map(|x| (x.1, x.2)).expect("every statement has a slot"));
                                    let send = move |choice: Answer| {
                                        answer.set(Some(choice));
                                        save.dispatch(AnswerStatement { id, statement_id: sid, answer: choice.key().into(), note: note.get_untracked() });
                                    };
                                    let data = evidence.with_value(|e| evidence_for(e, s.check));
                                    view! {
                                        <div class="statement" data-statement=s.key.clone()>
                                            <p class="statement-text">{s.text.clone()}</p>
                                            {data.map(|d| view! { <p class="evidence-note">{d}</p> })}
                                            <div class="answer-row" role="radiogroup" aria-label=s.text.clone()>
                                                {Answer::ALL.iter().map(|choice| {
                                                    let choice = *choice;
                                                    view! {
                                                        <label class="answer-choice" class:chosen=move || answer.get() == Some(choice)>
                                                            <input type="radio" name=format!("s-{sid}") value=choice.key() checked=move || answer.get() == Some(choice) on:change=move |_| send(choice) />
                                                            {choice.label()}
                                                        </label>
                                                    }
                                                }).collect_view()}
                                            </div>
                                            <input class="note-input" placeholder="Note (optional)" aria-label="Note" bind:value=note on:change=move |_| {
                                                if let Some(choice) = answer.get_untracked() {
                                                    save.dispatch(AnswerStatement { id, statement_id: sid, answer: choice.key().into(), note: note.get_untracked() });
                                                }
                                            } />
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        }).collect_view()}
                        <div class="form-actions component-nav">
                            {(index > 0).then(|| view! {
                                <button class="button ghost" type="button" on:click=move |_| go(index - 1)>
                                    {format!("← {}", Component::ALL[index - 1].label())}
                                </button>
                            })}
                            {next.map(|n| view! {
                                <button class="button" type="button" on:click=move |_| go(index + 1)>
                                    {format!("Next: {} →", n.label())}
                                </button>
                            })}
                        </div>
                    </section>
                }
            }).collect_view()}
            <section class="card summary-card">
                <h3>"Before you submit"</h3>
                <ul class="summary-counts">
                    {Answer::ALL.iter().map(|choice| {
                        let choice = *choice;
                        view! { <li><strong>{move || count(Some(choice))}</strong>" "{crate::text::lower(choice.label())}</li> }
                    }).collect_view()}
                    <li><strong>{move || total - answered()}</strong>" unanswered"</li>
                </ul>
                <FormAlert error=Signal::derive(saving_error) />
                <FormAlert error=form_error(move || submit.value().get(), &[]) />
                <button class="button primary" type="button" disabled=move || submit.pending().get() || answered() < total
                    on:click=move |_| { submit.dispatch(SubmitAnswers { id }); }>
                    {move || if answered() < total { format!("Answer all {total} to submit ({} left)", total - answered()) } else { "Submit my answers".to_string() }}
                </button>
            </section>
        </section>
    }
}
