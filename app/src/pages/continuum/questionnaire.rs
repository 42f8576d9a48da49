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
    view! {
        <section class="questionnaire no-print">
            <h2>"Your answers"</h2>
            <p class="muted">"For each practice, say whether it is in place today. Answers save as you choose them; nothing counts until you submit."</p>
            {Component::ALL.iter().map(|component| {
                let cells: Vec<ContinuumCellView> = a.cells.iter().filter(|c| c.component == *component).cloned().collect();
                view! {
                    <section class="card component-block">
                        <h3>{component.label()}</h3>
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
