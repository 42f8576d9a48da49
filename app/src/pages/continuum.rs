//! The practices continuum for leaders: the list of assessments side by
//! side, and one assessment's questionnaire, result picture, next steps and
//! action plan. One page component serves both routes, so the continuum is
//! one wasm chunk.

use crate::api::continuum::{
    get_assessment, get_continuum_home, AddAction, AnswerStatement, CompleteAssessment,
    InviteRespondent, SetActionStatus, StartAssessment, SubmitAnswers,
};
use crate::components::feedback::{csv_data_href, ErrorPanel, Loading};
use crate::components::forms::{field_error, form_error, FormAlert, SubmitButton};
use crate::components::layout::{AppShell, PageHeader};
use crate::components::reload::{provide_reload, use_reload};
use crate::domain::continuum::DataCheck;
use crate::domain::lifecycle::ActionStatus;
use crate::domain::placement::{stage_name, Answer, Component, Movement, STAGE_NAMES};
use crate::types::{
    ContinuumAssessmentView, ContinuumCellView, ContinuumChange, ContinuumHome, ContinuumResult,
    EvidenceFigure,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};

/// The model's wording (`/continuum/model`) is served here too, so the
/// whole continuum is one route type and one chunk.
#[component]
pub fn ContinuumPage() -> impl IntoView {
    let path = use_location().pathname;
    let is_model = Memo::new(move |_| path.with(|p| p.trim_end_matches('/') == MODEL_PATH));
    let title = if is_model.get_untracked() {
        "Continuum model"
    } else {
        "Practices continuum"
    };
    view! {
        <AppShell title=title>
            {move || if is_model.get() {
                view! { <super::continuum_model::ModelPage /> }.into_any()
            } else {
                view! { <Continuum /> }.into_any()
            }}
        </AppShell>
    }
}

pub const MODEL_PATH: &str = "/continuum/model";

#[component]
fn Continuum() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok())));
    let reload = provide_reload();
    let home = Resource::new(
        move || {
            reload.track();
            id.get().is_none()
        },
        |list| async move {
            if list {
                get_continuum_home().await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    let one = Resource::new(
        move || {
            reload.track();
            id.get()
        },
        |id| async move {
            match id {
                Some(id) => get_assessment(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match (home.await, one.await) {
                    (Ok(Some(h)), _) => view! { <History home=h /> }.into_any(),
                    (_, Ok(Some(a))) => view! { <Assessment a=a /> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! { <ErrorPanel error=e /> }.into_any(),
                    _ => view! { <Loading /> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn component_of(components: &[(Component, u8)], c: Component) -> u8 {
    components
        .iter()
        .find(|(k, _)| *k == c)
        .map_or(0, |(_, s)| *s)
}

// ---- History and start --------------------------------------------------------

#[component]
fn History(home: ContinuumHome) -> impl IntoView {
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
        <form class="card form inline-form start-form" novalidate on:submit=move |ev| {
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
                    <div class="table-wrap">
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

fn empty_result() -> ContinuumResult {
    ContinuumResult {
        respondents: 0,
        overall: 0,
        components: vec![],
        attainment: vec![],
        combined: vec![],
        disagreements: vec![],
        next_steps: vec![],
    }
}

// ---- The picture --------------------------------------------------------------

/// Five stages across, three components down; each component's row filled up
/// to its stage, with the share attained in each cell, and the overall stage
/// marked. Compact (side by side): stage numbers instead of names and no
/// shares, so it stays legible at a third of the size.
#[component]
fn ContinuumPicture(result: ContinuumResult, #[prop(optional)] compact: bool) -> impl IntoView {
    const LEFT: f64 = 120.0;
    const CELL_W: f64 = 100.0;
    const CELL_H: f64 = 46.0;
    const TOP: f64 = 34.0;
    let width = LEFT + CELL_W * 5.0 + 8.0;
    let height = TOP + CELL_H * 3.0 + 30.0;
    let overall = result.overall;
    let label = format!(
        "Overall stage {overall}, {}. {}",
        stage_name(overall),
        result
            .components
            .iter()
            .map(|(c, s)| format!("{}: stage {s}, {}", c.label(), stage_name(*s)))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let heads = (0..5)
        .map(|i| {
            let x = LEFT + CELL_W * i as f64 + CELL_W / 2.0;
            view! { <text class="stage-head" class:current=overall == i as u8 + 1 x=x y=TOP - 12.0 text-anchor="middle">{if compact { (i + 1).to_string() } else { format!("{} {}", i + 1, STAGE_NAMES[i]) }}</text> }
        })
        .collect_view();
    let rows = Component::ALL
        .iter()
        .enumerate()
        .map(|(row, c)| {
            let stage = component_of(&result.components, *c);
            let shares = result
                .attainment
                .iter()
                .find(|(k, _)| k == c)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let y = TOP + CELL_H * row as f64;
            let cells = (0..5)
                .map(|i| {
                    let s = i as u8 + 1;
                    let class = if s < stage {
                        "cell reached"
                    } else if s == stage {
                        "cell here"
                    } else if s == stage + 1 {
                        "cell next"
                    } else {
                        "cell ahead"
                    };
                    let share = shares.get(i).copied().flatten();
                    let x = LEFT + CELL_W * i as f64;
                    view! {
                        <rect class=class x=x + 3.0 y=y + 3.0 width=CELL_W - 6.0 height=CELL_H - 6.0 rx="6" />
                        {(!compact).then(|| view! {
                            <text class="cell-share" x=x + CELL_W / 2.0 y=y + CELL_H / 2.0 + 4.0 text-anchor="middle">
                                {share.map_or("N/A".to_string(), |v| format!("{:.0}%", v * 100.0))}
                            </text>
                        })}
                    }
                })
                .collect_view();
            view! {
                <text class="row-head" x="0" y=y + CELL_H / 2.0 + 4.0>{c.label()}</text>
                {cells}
            }
        })
        .collect_view();
    let marker = (overall > 0).then(|| {
        let x = LEFT + CELL_W * (overall as f64 - 1.0);
        view! {
            <rect class="overall-band" x=x y=TOP - 2.0 width=CELL_W height=CELL_H * 3.0 + 4.0 rx="8" />
            <text class="overall-label" x=x + CELL_W / 2.0 y=TOP + CELL_H * 3.0 + 20.0 text-anchor="middle">{format!("Overall: {}", stage_name(overall))}</text>
        }
    });
    view! {
        <div class="picture-wrap">
            <svg class="continuum-picture" class:compact=compact viewBox=format!("0 0 {width} {height}") role="img" aria-label=label>
                {heads}
                {rows}
                {marker}
            </svg>
        </div>
    }
}

// ---- One assessment -----------------------------------------------------------

#[component]
fn Assessment(a: ContinuumAssessmentView) -> impl IntoView {
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
    let csv = a.csv.clone();
    let file = format!("continuum-{}.csv", a.id);
    view! {
        <PageHeader title=a.title.clone() lede=format!("{} · {} · started {} · model version {} · {}", a.unit, status, a.started_on, a.model_version, respondents)>
            <a class="button" href="/continuum">"All assessments"</a>
            {csv.map(|c| view! { <a class="button" href=csv_data_href(&c) download=file>"Export CSV"</a> })}
            {a.submitted.then(|| view! { <button class="button" type="button" on:click=|_| { let _ = window().print(); }>"Print"</button> })}
        </PageHeader>
        {a.result.clone().map(|r| view! { <ResultView a=a.clone() r=r /> })}
        {(!a.submitted).then(|| view! { <Respondents a=a.clone() /> })}
        {answering.then(|| view! { <Questionnaire a=a.clone() /> })}
        {(!a.submitted && a.is_owner).then(|| view! {
            <section class="card no-print">
                <h2>"Close the assessment"</h2>
                <p class="muted">"Closing places the organisation from the answers submitted so far. After that nothing in it changes; the action plan stays open."</p>
                <FormAlert error=form_error(move || complete.value().get(), &[]) />
                <button class="button primary" type="button" disabled=move || complete.pending().get() on:click=move |_| { complete.dispatch(CompleteAssessment { id }); }>"Close and place"</button>
            </section>
        })}
    }
}

#[component]
fn Respondents(a: ContinuumAssessmentView) -> impl IntoView {
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

fn evidence_for(list: &[EvidenceFigure], check: Option<DataCheck>) -> Option<String> {
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
fn Questionnaire(a: ContinuumAssessmentView) -> impl IntoView {
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
                        view! { <li><strong>{move || count(Some(choice))}</strong>" "{choice.label().to_lowercase()}</li> }
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

#[component]
fn ResultView(a: ContinuumAssessmentView, r: ContinuumResult) -> impl IntoView {
    let statement = |id: i32| {
        a.cells.iter().find_map(|c| {
            c.statements
                .iter()
                .find(|s| s.id == id)
                .map(|s| (c.clone(), s.clone()))
        })
    };
    let next: Vec<_> = r
        .next_steps
        .iter()
        .filter_map(|id| statement(*id))
        .collect();
    let differ: Vec<_> = r
        .disagreements
        .iter()
        .filter_map(|id| statement(*id))
        .collect();
    let provisional = !a.submitted;
    view! {
        <section class="card result-card">
            <div class="result-head">
                <div>
                    <p class="eyebrow">{if provisional { "Provisional: from the answers submitted so far" } else { "Where you stand" }}</p>
                    <h2 class="overall">{format!("Stage {} · {}", r.overall, stage_name(r.overall))}</h2>
                    <p class="muted">{format!("The lowest of the three components, from {} respondent{}. A stage counts when at least 80% of its practices are in place (partly counts half) and every stage below it counts too.", r.respondents, if r.respondents == 1 { "" } else { "s" })}</p>
                </div>
                <ul class="profile">
                    {r.components.iter().map(|(c, s)| view! { <li><span class="muted small">{c.label()}</span><strong>{format!("{} · {}", s, stage_name(*s))}</strong></li> }).collect_view()}
                </ul>
            </div>
            <ContinuumPicture result=r.clone() />
        </section>
        {a.since.clone().map(|c| view! { <Since a=a.clone() r=r.clone() change=c /> })}
        <div class="grid two">
            <section class="card">
                <h2>"Next steps"</h2>
                <p class="muted small">"The practices of each component's next stage that are not yet in place."</p>
                {if next.is_empty() {
                    view! { <p>"Nothing left: every component is at the last stage."</p> }.into_any()
                } else {
                    view! {
                        <ul class="next-steps">
                            {next.into_iter().map(|(cell, s)| {
                                let has_action = a.actions.iter().any(|x| x.statement_id == Some(s.id));
                                view! {
                                    <li>
                                        <span class="muted small block">{format!("{} · stage {} {}", cell.component.label(), cell.stage, stage_name(cell.stage))}</span>
                                        <span>{s.text.clone()}</span>
                                        {if has_action {
                                            view! { <span class="badge ok">"In the plan"</span> }.into_any()
                                        } else {
                                            view! { <NewAction id=a.id statement=Some(s.id) title=s.text.clone() owners=a.owners.clone() /> }.into_any()
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="card">
                <h2>"Action plan"</h2>
                <ActionPlan a=a.clone() />
                {(!differ.is_empty()).then(|| view! {
                    <h3 class="subhead">"Where respondents differ"</h3>
                    <ul class="plain">
                        {differ.into_iter().map(|(_, s)| view! { <li class="small">{s.text.clone()}</li> }).collect_view()}
                    </ul>
                })}
            </section>
        </div>
    }
}

/// What moved since the unit's previous assessment: the component profile
/// then and now, and the practices that went forward or back.
#[component]
fn Since(a: ContinuumAssessmentView, r: ContinuumResult, change: ContinuumChange) -> impl IntoView {
    let text = |id: i32| {
        a.cells
            .iter()
            .flat_map(|c| c.statements.iter())
            .find(|s| s.id == id)
            .map(|s| s.text.clone())
            .unwrap_or_default()
    };
    let list = |way: Movement| -> Vec<(String, Answer, Answer)> {
        change
            .moved
            .iter()
            .filter(|m| m.3 == way)
            .map(|(id, was, is, _)| (text(*id), *was, *is))
            .collect()
    };
    let (forward, back) = (list(Movement::Forward), list(Movement::Back));
    let profile: Vec<(Component, u8, u8)> = Component::ALL
        .into_iter()
        .map(|c| {
            (
                c,
                component_of(&change.previous_components, c),
                component_of(&r.components, c),
            )
        })
        .collect();
    view! {
        <section class="card since-card">
            <h2>{format!("Since {}", change.previous_title)}</h2>
            <p class="muted small">{format!("Compared with the same unit's previous assessment, submitted {}. Practices are matched across model versions; N/A counts neither way.", change.previous_on)}</p>
            <ul class="since-profile">
                <li><span class="muted small">"Overall"</span><strong>{stage_move(change.previous_overall, r.overall)}</strong></li>
                {profile.into_iter().map(|(c, was, is)| view! {
                    <li><span class="muted small">{c.label()}</span><strong>{stage_move(was, is)}</strong></li>
                }).collect_view()}
            </ul>
            <div class="grid two">
                <Moved items=forward verb="moved forward" />
                <Moved items=back verb="slipped back" />
            </div>
            <a class="small" href=format!("/continuum/{}", change.previous_id)>{format!("Open {}", change.previous_title)}</a>
        </section>
    }
}

/// One direction of movement: a folded list when long, a plain line when empty.
#[component]
fn Moved(items: Vec<(String, Answer, Answer)>, verb: &'static str) -> impl IntoView {
    let n = items.len();
    if n == 0 {
        return view! { <p class="muted">{format!("No practice {verb}.")}</p> }.into_any();
    }
    let head = format!(
        "{n} {} {verb}",
        if n == 1 { "practice" } else { "practices" }
    );
    view! {
        <details open=n <= 6>
            <summary>{head}</summary>
            <ul class="since-list">
                {items.into_iter().map(|(t, was, is)| view! {
                    <li><span>{t}</span><span class="muted small block">{format!("{} → {}", was.label(), is.label())}</span></li>
                }).collect_view()}
            </ul>
        </details>
    }
    .into_any()
}

fn stage_label(stage: u8) -> String {
    match stage {
        0 => stage_name(0).to_string(),
        s => format!("{s} {}", stage_name(s)),
    }
}

fn stage_move(was: u8, is: u8) -> String {
    if was == is {
        format!("{} (unchanged)", stage_label(is))
    } else {
        format!("{} → {}", stage_label(was), stage_label(is))
    }
}

#[component]
fn ActionPlan(a: ContinuumAssessmentView) -> impl IntoView {
    let reload = use_reload();
    let set = ServerAction::<SetActionStatus>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = set.value().get() {
            reload.run();
        }
    });
    if a.actions.is_empty() {
        return view! { <p class="muted">"No actions yet. Turn a next step into an action with an owner and a date."</p> }.into_any();
    }
    view! {
        <ul class="actions-list">
            {a.actions.iter().map(|x| {
                let action_id = x.id;
                let status = x.status;
                view! {
                    <li>
                        <span class="action-title">{x.title.clone()}</span>
                        <span class="muted small block">{format!("{} · due {}", x.owner.clone().unwrap_or_else(|| "No owner".into()), x.due_on.clone().unwrap_or_default())}</span>
                        <select class="no-print" aria-label="Status" on:change=move |ev| { set.dispatch(SetActionStatus { action_id, status: event_target_value(&ev) }); }>
                            {ActionStatus::ALL.iter().map(|s| view! { <option value=s.key() selected=status == *s>{s.label()}</option> }).collect_view()}
                        </select>
                        <span class="print-only">{x.status.key().replace('_', " ")}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn NewAction(
    id: i32,
    statement: Option<i32>,
    title: String,
    owners: Vec<(i32, String)>,
) -> impl IntoView {
    let reload = use_reload();
    let add = ServerAction::<AddAction>::new();
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(_)) = add.value().get() {
            open.set(false);
            reload.run();
        }
    });
    let text = RwSignal::new(title);
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let result = move || add.value().get();
    let owners = StoredValue::new(owners);
    view! {
        <button class="button small-button no-print" type="button" on:click=move |_| open.update(|o| *o = !*o)>"Make an action"</button>
        <Show when=move || open.get()>
            <form class="form action-form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                add.dispatch(AddAction { id, statement_id: statement, title: text.get(), owner_id: owner.get().parse().ok(), due_on: due.get() });
            }>
                <div class="field" class:has-error=move || field_error(result, "title").get().is_some()>
                    <label>"Action"<textarea rows="2" bind:value=text></textarea></label>
                    {move || field_error(result, "title").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field" class:has-error=move || field_error(result, "owner_id").get().is_some()>
                    <label>"Owner"
                        <select bind:value=owner>
                            <option value="">"Choose…"</option>
                            {owners.with_value(|o| o.iter().map(|(id, n)| view! { <option value=id.to_string()>{n.clone()}</option> }).collect_view())}
                        </select>
                    </label>
                    {move || field_error(result, "owner_id").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field" class:has-error=move || field_error(result, "due_on").get().is_some()>
                    <label>"Due"<input type="date" bind:value=due /></label>
                    {move || field_error(result, "due_on").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <FormAlert error=form_error(result, &["title", "owner_id", "due_on"]) />
                <SubmitButton label="Add to the plan" busy_label="Adding…" pending=add.pending() />
            </form>
        </Show>
    }
}
