//! One behaviour in the scorer, and the evidence list beside it.

#[allow(unused_imports)]
use super::*;
use crate::api::reviews::remove_evidence;
use crate::components::review_bits::clock;
use crate::domain::lifecycle::EvidenceKind;
use crate::domain::scoring::{Rating, LEVEL_NAMES};
use crate::types::{BehaviourView, EvidenceView};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

#[component]
pub(super) fn BehaviourScorer(
    behaviour: BehaviourView,
    index: usize,
    focused: RwSignal<usize>,
    ratings: RwSignal<HashMap<i32, Rating>>,
    on_rate: Callback<Rating>,
) -> impl IntoView {
    let id = behaviour.id;
    let current = move || ratings.with(|r| r.get(&id).copied());
    let anchors = StoredValue::new(behaviour.anchors.clone());
    let options: Vec<(Rating, String, String)> = (1..=5u8)
        .map(|l| {
            (
                Rating::Level(l),
                l.to_string(),
                LEVEL_NAMES[l as usize - 1].to_string(),
            )
        })
        .chain([
            (Rating::Missed, "M".to_string(), "Missed".to_string()),
            (
                Rating::NotApplicable,
                "N/A".to_string(),
                "Not applicable".to_string(),
            ),
        ])
        .collect();
    view! {
        <article class="behaviour card" id=format!("behaviour-{index}") class:focused=move || focused.get() == index
            on:click=move |_| focused.set(index) data-key=behaviour.key.clone()>
            <header>
                <h4>{behaviour.name.clone()}
                    {behaviour.critical.then(|| view! { <span class="badge warn" title="Missed or 1 fails the whole review">"Critical"</span> })}
                </h4>
                <span class="muted weight">{format!("weight {}", behaviour.weight)}</span>
            </header>
            <p class="definition">{behaviour.definition.clone()}</p>
            <div class="rating-row" role="radiogroup" aria-label=format!("Rating for {}", behaviour.name)>
                {options.into_iter().enumerate().map(|(nth, (r, short, long))| {
                    let title = match r {
                        Rating::Level(l) => format!("{l} · {long}: {}", anchors.with_value(|a| a.get(l as usize - 1).cloned().unwrap_or_default())),
                        Rating::Missed => MISSED_HELP.to_string(),
                        Rating::NotApplicable => NA_HELP.to_string(),
                    };
                    view! {
                        <button type="button" role="radio" class="rate" class:special=!matches!(r, Rating::Level(_))
                            aria-checked=move || (current() == Some(r)).to_string()
                            // One tab stop per behaviour (the chosen rating,
                            // or the first): the arrow keys move within it.
                            tabindex=move || if current() == Some(r) || (current().is_none() && nth == 0) { "0" } else { "-1" }
                            title=title aria-label=format!("{long}")
                            on:click=move |ev| { ev.stop_propagation(); focused.set(index); on_rate.run(r); }>
                            {short}
                        </button>
                    }
                }).collect_view()}
            </div>
            <p class="anchor">{move || match current() {
                Some(Rating::Level(l)) => format!("{} · {}: {}", l, LEVEL_NAMES[l as usize - 1], anchors.with_value(|a| a.get(l as usize - 1).cloned().unwrap_or_default())),
                Some(Rating::Missed) => MISSED_HELP.to_string(),
                Some(Rating::NotApplicable) => NA_HELP.to_string(),
                None => "Not rated yet.".to_string(),
            }}</p>
        </article>
    }
}

#[component]
pub(super) fn EvidenceList(
    evidence: RwSignal<Vec<EvidenceView>>,
    behaviours: StoredValue<Vec<BehaviourView>>,
    review_id: i32,
    player: Player,
    editable: bool,
) -> impl IntoView {
    let name_of = move |id: Option<i32>| {
        id.and_then(|id| {
            behaviours.with_value(|b| b.iter().find(|x| x.id == id).map(|x| x.name.clone()))
        })
    };
    view! {
        <ul class="evidence-list">
            <For each=move || evidence.get() key=|e| e.id let:e>
                {
                    let eid = e.id;
                    let at = e.at_ms;
                    view! {
                        <li class=if e.kind == EvidenceKind::Tally { "evidence tally" } else { "evidence" }>
                            {match at {
                                Some(ms) => view! { <button type="button" class="cue-time" on:click=move |_| player.seek(ms.max(0) as u32)>{clock(ms as i64)}</button> }.into_any(),
                                None => view! { <span class="cue-time">{e.cue_index.map(|i| format!("line {}", i + 1)).unwrap_or_default()}</span> }.into_any(),
                            }}
                            <span class="evidence-body">
                                {name_of(e.behaviour_id).map(|n| view! { <span class="evidence-behaviour">{if e.kind == EvidenceKind::Tally { format!("Tally · {n}") } else { n }}</span> })}
                                {(e.kind != EvidenceKind::Tally).then(|| view! { <span>{e.note.clone()}</span> })}
                            </span>
                            {editable.then(|| view! {
                                <button type="button" class="icon-button" aria-label="Remove this note" title="Remove"
                                    on:click=move |_| {
                                        spawn_local(async move {
                                            if remove_evidence(review_id, eid).await.is_ok() {
                                                evidence.update(|list| list.retain(|x| x.id != eid));
                                            }
                                        });
                                    }>"×"</button>
                            })}
                        </li>
                    }
                }
            </For>
        </ul>
    }
}
