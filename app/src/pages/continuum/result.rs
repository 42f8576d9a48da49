//! The result: stages, next steps and what moved since last time.

#[allow(unused_imports)]
use super::*;
use crate::domain::placement::{stage_name, Answer, Component, Movement};
use crate::types::{ContinuumAssessmentView, ContinuumChange, ContinuumResult};
use leptos::prelude::*;

#[component]
pub(super) fn ResultView(a: ContinuumAssessmentView, r: ContinuumResult) -> impl IntoView {
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
pub(super) fn Since(
    a: ContinuumAssessmentView,
    r: ContinuumResult,
    change: ContinuumChange,
) -> impl IntoView {
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
pub(super) fn Moved(items: Vec<(String, Answer, Answer)>, verb: &'static str) -> impl IntoView {
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

pub(super) fn stage_label(stage: u8) -> String {
    match stage {
        0 => stage_name(0).to_string(),
        s => format!("{s} {}", stage_name(s)),
    }
}

pub(super) fn stage_move(was: u8, is: u8) -> String {
    if was == is {
        format!("{} (unchanged)", stage_label(is))
    } else {
        format!("{} → {}", stage_label(was), stage_label(is))
    }
}
