//! A review: the scoring page while it is the coach's draft, the read view
//! (acknowledge, dispute, resolve) once submitted.

use crate::api::reviews::{
    acknowledge_review, add_evidence, dispute_review, get_review, remove_evidence, resolve_dispute,
    save_review, submit_review,
};
use crate::components::feedback::reloadable;
use crate::components::layout::{AppShell, PageHeader};
use crate::components::reload::provide_reload;
use crate::components::review_bits::{clock, ScoreBadge, StatusBadge, TranscriptView};
use crate::domain::lifecycle::{DisputeOutcome, EvidenceKind};
use crate::domain::scoring::{score, Rating, ScoredItem, LEVEL_NAMES};
use crate::types::{BehaviourView, EvidenceView, ReviewView};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use std::collections::HashMap;

const MISSED_HELP: &str =
    "Missed: there was an opportunity and the behaviour did not happen. Scores 0.";
const NA_HELP: &str = "N/A: no opportunity on this call. Left out of the score.";

#[component]
pub fn ReviewPage() -> impl IntoView {
    view! {
        <AppShell title="Review">
            <ReviewLoader />
        </AppShell>
    }
}

#[component]
fn ReviewLoader() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let reload = provide_reload();
    let review = Resource::new(
        move || {
            reload.track();
            id()
        },
        get_review,
    );
    let refresh = reload.callback();
    view! {
            {reloadable(review, move |value| match value {
                        r if r.can_score => view! { <Scorer review=r on_submitted=refresh /> }.into_any(),
                        r => view! { <ReviewRead review=r on_changed=refresh /> }.into_any(),
    })}
        }
}

fn ratings_map(r: &ReviewView) -> HashMap<i32, Rating> {
    r.ratings.iter().copied().collect()
}

fn live_score(
    behaviours: &[BehaviourView],
    ratings: &HashMap<i32, Rating>,
) -> crate::domain::scoring::ScoreOutcome {
    score(
        &behaviours
            .iter()
            .map(|b| ScoredItem {
                weight: b.weight,
                critical: b.critical,
                rating: ratings.get(&b.id).copied(),
            })
            .collect::<Vec<_>>(),
    )
}

/// The player, shared by both views: a signal with the current time and a
/// way to seek.
#[derive(Clone, Copy)]
struct Player {
    node: NodeRef<leptos::html::Audio>,
    now_ms: RwSignal<u32>,
    duration_ms: RwSignal<u32>,
}

impl Player {
    fn new() -> Self {
        Player {
            node: NodeRef::new(),
            now_ms: RwSignal::new(0),
            duration_ms: RwSignal::new(0),
        }
    }

    fn seek(&self, ms: u32) {
        if let Some(a) = self.node.get_untracked() {
            a.set_current_time(ms as f64 / 1000.0);
            self.now_ms.set(ms);
        }
    }

    fn nudge(&self, delta_ms: i64) {
        let now = self.now_ms.get_untracked() as i64;
        self.seek((now + delta_ms).max(0) as u32);
    }

    fn toggle(&self) {
        if let Some(a) = self.node.get_untracked() {
            if a.paused() {
                let _ = a.play();
            } else {
                let _ = a.pause();
            }
        }
    }
}

#[component]
fn PlayerView(
    src: Option<String>,
    player: Player,
    evidence: Signal<Vec<EvidenceView>>,
) -> impl IntoView {
    let Some(src) = src else {
        return view! { <p class="muted">"This call has no recording."</p> }.into_any();
    };
    let on_time = move |_| {
        if let Some(a) = player.node.get_untracked() {
            player.now_ms.set((a.current_time() * 1000.0) as u32);
        }
    };
    let on_meta = move |_| {
        if let Some(a) = player.node.get_untracked() {
            let d = a.duration();
            if d.is_finite() {
                player.duration_ms.set((d * 1000.0) as u32);
            }
        }
    };
    let timed = move || {
        evidence
            .get()
            .into_iter()
            .filter(|e| e.at_ms.is_some())
            .collect::<Vec<_>>()
    };
    view! {
        <div class="player-block">
            <audio class="player" controls preload="metadata" src=src node_ref=player.node
                on:timeupdate=on_time on:loadedmetadata=on_meta on:seeked=on_time></audio>
            <div class="timeline" aria-label="Evidence on the timeline">
                <span class="timeline-now" style=move || {
                    let d = player.duration_ms.get().max(1);
                    format!("left:{:.2}%", player.now_ms.get() as f64 / d as f64 * 100.0)
                }></span>
                <For each=timed key=|e| e.id let:e>
                    {
                        let at = e.at_ms.unwrap_or(0).max(0) as u32;
                        let class = if e.kind == EvidenceKind::Tally { "marker tally" } else { "marker" };
                        view! {
                            <button type="button" class=class title=format!("{} · {}", clock(at as i64), e.note)
                                aria-label=format!("Go to {}", clock(at as i64))
                                style=move || {
                                    let d = player.duration_ms.get().max(1);
                                    format!("left:{:.2}%", (at as f64 / d as f64 * 100.0).min(100.0))
                                }
                                on:click=move |_| player.seek(at)></button>
                        }
                    }
                </For>
            </div>
            <p class="player-time">{move || format!("{} / {}", clock(player.now_ms.get() as i64), clock(player.duration_ms.get() as i64))}</p>
        </div>
    }.into_any()
}

#[component]
fn Scorer(review: ReviewView, on_submitted: Callback<()>) -> impl IntoView {
    let review_id = review.id;
    let behaviours: Vec<BehaviourView> = review.framework.behaviours().cloned().collect();
    let behaviours = StoredValue::new(behaviours);
    let ratings = RwSignal::new(ratings_map(&review));
    let strengths = RwSignal::new(review.strengths.clone());
    let development = RwSignal::new(review.development.clone());
    let evidence = RwSignal::new(review.evidence.clone());
    let focused = RwSignal::new(0usize);
    let note = RwSignal::new(String::new());
    let note_cue = RwSignal::new(None::<(usize, Option<u32>)>);
    let save_state = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let player = Player::new();
    let note_input = NodeRef::<leptos::html::Input>::new();
    let outcome = Memo::new(move |_| behaviours.with_value(|b| ratings.with(|r| live_score(b, r))));

    let save = move || {
        let list: Vec<(i32, Rating)> = ratings.get_untracked().into_iter().collect();
        save_state.set("Saving…".into());
        let (s, d) = (strengths.get_untracked(), development.get_untracked());
        async move {
            match save_review(review_id, list, s, d).await {
                Ok(_) => {
                    save_state.set("Draft saved".into());
                    Ok(())
                }
                Err(e) => {
                    save_state.set(String::new());
                    error.set(Some(e.to_string()));
                    Err(())
                }
            }
        }
    };
    // Saves run one at a time, each sending the whole draft, so a slow early
    // save can never land after a later one. A submit waits for them.
    let saving = StoredValue::new(false);
    let dirty = StoredValue::new(false);
    let submit_requested = StoredValue::new(false);
    let save_now = move || {
        if saving.get_value() {
            dirty.set_value(true);
            return;
        }
        saving.set_value(true);
        spawn_local(async move {
            let ok = loop {
                dirty.set_value(false);
                let ok = save().await.is_ok();
                if !dirty.get_value() {
                    break ok;
                }
            };
            saving.set_value(false);
            if submit_requested.get_value() {
                submit_requested.set_value(false);
                if ok {
                    match submit_review(review_id).await {
                        Ok(()) => on_submitted.run(()),
                        Err(e) => error.set(Some(e.to_string())),
                    }
                }
            }
        });
    };
    let rate = move |index: usize, rating: Rating| {
        let Some(b) = behaviours.with_value(|b| b.get(index).map(|b| b.id)) else {
            return;
        };
        ratings.update(|r| {
            r.insert(b, rating);
        });
        error.set(None);
        let count = behaviours.with_value(|b| b.len());
        if index + 1 < count {
            focused.set(index + 1);
        }
        save_now();
    };
    let pin = move |kind: EvidenceKind| {
        let text = note.get_untracked();
        let behaviour_id = behaviours.with_value(|b| b.get(focused.get_untracked()).map(|b| b.id));
        let (cue, at) = match note_cue.get_untracked() {
            Some((i, at)) => (Some(i as i32), at.map(|a| a as i32)),
            None => (None, Some(player.now_ms.get_untracked() as i32)),
        };
        let text = if kind == EvidenceKind::Tally && text.trim().is_empty() {
            behaviours.with_value(|b| {
                b.get(focused.get_untracked())
                    .map(|b| b.name.clone())
                    .unwrap_or_default()
            })
        } else {
            text
        };
        spawn_local(async move {
            match add_evidence(review_id, behaviour_id, kind, at, cue, text.clone()).await {
                Ok(id) => {
                    evidence.update(|e| {
                        e.push(EvidenceView {
                            id,
                            behaviour_id,
                            kind,
                            at_ms: at,
                            cue_index: cue,
                            note: text,
                        });
                        e.sort_by_key(|x| x.at_ms.unwrap_or(i32::MAX));
                    });
                    if kind == EvidenceKind::Note {
                        note.set(String::new());
                        note_cue.set(None);
                    }
                    error.set(None);
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };

    // Keyboard: scoring while listening must not need the mouse.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        use wasm_bindgen::JsCast;
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
            .unwrap_or(false);
        if typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            if ev.key() == "Escape" {
                if let Some(el) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.blur();
                }
            }
            return;
        }
        let count = behaviours.with_value(|b| b.len());
        let handled = match ev.key().as_str() {
            " " | "k" => {
                player.toggle();
                true
            }
            "ArrowLeft" | "j" => {
                player.nudge(-5000);
                true
            }
            "ArrowRight" | "l" => {
                player.nudge(5000);
                true
            }
            "ArrowUp" => {
                focused.update(|f| *f = f.saturating_sub(1));
                true
            }
            "ArrowDown" => {
                focused.update(|f| *f = (*f + 1).min(count.saturating_sub(1)));
                true
            }
            k @ ("1" | "2" | "3" | "4" | "5") => {
                rate(
                    focused.get_untracked(),
                    Rating::Level(k.parse().unwrap_or(3)),
                );
                true
            }
            "m" => {
                rate(focused.get_untracked(), Rating::Missed);
                true
            }
            "n" => {
                rate(focused.get_untracked(), Rating::NotApplicable);
                true
            }
            "p" => {
                note_cue.set(None);
                if let Some(input) = note_input.get_untracked() {
                    let _ = input.focus();
                }
                true
            }
            "t" => {
                pin(EvidenceKind::Tally);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());

    // Keep the focused behaviour in view as the keyboard moves it.
    Effect::new(move |_| {
        let f = focused.get();
        if let Some(el) = document().get_element_by_id(&format!("behaviour-{f}")) {
            el.scroll_into_view_with_bool(false);
        }
    });

    let submit = move |_| {
        submit_requested.set_value(true);
        save_now();
    };

    let call = review.call.clone();
    let title = format!("Scoring: {}", call.agent.name);
    let lede = format!(
        "{} · {} · {} · framework v{}",
        call.occurred, call.channel, call.duration, review.framework.version
    );
    let seek = Callback::new(move |ms: u32| player.seek(ms));
    let pin_cue = Callback::new(move |(i, at): (usize, Option<u32>)| {
        note_cue.set(Some((i, at)));
        if let Some(at) = at {
            player.seek(at);
        }
        if let Some(input) = note_input.get_untracked() {
            let _ = input.focus();
        }
    });
    let clusters = review.framework.clusters.clone();
    let mut index = 0usize;
    let cluster_views = clusters
        .into_iter()
        .map(|c| {
            let items = c
                .behaviours
                .into_iter()
                .map(|b| {
                    let i = index;
                    index += 1;
                    view! { <BehaviourScorer behaviour=b index=i focused=focused ratings=ratings on_rate=Callback::new(move |r| rate(i, r)) /> }
                })
                .collect_view();
            view! {
                <section class="cluster">
                    <h3>{c.name}</h3>
                    {items}
                </section>
            }
        })
        .collect_view();
    let evidence_signal = Signal::derive(move || evidence.get());
    view! {
        <PageHeader title=title lede=lede>
            <a class="button ghost" href=format!("/calls/{}", call.id)>"Back to the call"</a>
        </PageHeader>
        <div class="scorer">
            <div class="scorer-listen">
                <section class="card sticky">
                    <PlayerView src=call.recording.clone() player=player evidence=evidence_signal />
                    <form class="pin-form" on:submit=move |ev| { ev.prevent_default(); pin(EvidenceKind::Note); }>
                        <label for="pin-note">
                            {move || match note_cue.get() {
                                Some((i, _)) => format!("Note on transcript line {}", i + 1),
                                None => format!("Note at {}", clock(player.now_ms.get() as i64)),
                            }}
                            {move || behaviours.with_value(|b| b.get(focused.get()).map(|b| format!(" · {}", b.name)))}
                        </label>
                        <div class="inline">
                            <input id="pin-note" type="text" node_ref=note_input bind:value=note placeholder="What did you hear?" />
                            <button class="button small" type="submit">"Pin note"</button>
                            <button class="button small ghost" type="button" title="Count one occurrence of the focused behaviour now (t)" on:click=move |_| pin(EvidenceKind::Tally)>"Tally +1"</button>
                        </div>
                    </form>
                    <EvidenceList evidence=evidence behaviours=behaviours review_id=review_id player=player editable=true />
                    <details class="shortcuts" open>
                        <summary>"Keyboard shortcuts"</summary>
                        <dl>
                            <div><dt><kbd>"Space"</kbd>" / "<kbd>"k"</kbd></dt><dd>"Play or pause"</dd></div>
                            <div><dt><kbd>"←"</kbd>" "<kbd>"→"</kbd></dt><dd>"Back or forward 5 s"</dd></div>
                            <div><dt><kbd>"↑"</kbd>" "<kbd>"↓"</kbd></dt><dd>"Previous or next behaviour"</dd></div>
                            <div><dt><kbd>"1"</kbd>"–"<kbd>"5"</kbd></dt><dd>"Rate the behaviour"</dd></div>
                            <div><dt><kbd>"m"</kbd>" / "<kbd>"n"</kbd></dt><dd>"Missed / N/A"</dd></div>
                            <div><dt><kbd>"p"</kbd></dt><dd>"Pin a note at the current time"</dd></div>
                            <div><dt><kbd>"t"</kbd></dt><dd>"Tally the behaviour now"</dd></div>
                            <div><dt><kbd>"Esc"</kbd></dt><dd>"Leave a text box"</dd></div>
                        </dl>
                    </details>
                </section>
                {(!call.transcript.is_empty()).then(|| view! {
                    <section class="card">
                        <h2>"Transcript"</h2>
                        <TranscriptView cues=call.transcript.clone() on_seek=Some(seek) on_pin=pin_cue />
                    </section>
                })}
            </div>
            <div class="scorer-rate">
                <div class="score-bar card" aria-live="polite">
                    {move || {
                        let o = outcome.get();
                        view! {
                            <div class="score-now">
                                <ScoreBadge score=o.score critical_fail=o.critical_fail />
                                {o.critical_fail.then(|| view! {
                                    <span class="muted">{format!("weighted {}", o.unweighted_by_critical.map(|s| format!("{s:.1}")).unwrap_or_else(|| "–".into()))}</span>
                                })}
                            </div>
                            <span class="muted">{format!("{} of {} rated", o.rated, o.total)}</span>
                        }
                    }}
                    <span class="save-state muted">{move || save_state.get()}</span>
                </div>
                <p class="rating-help">{MISSED_HELP}" "{NA_HELP}</p>
                {cluster_views}
                <section class="card">
                    <h2>"Feedback"</h2>
                    <div class="field">
                        <label for="strengths">"Strengths"</label>
                        <textarea id="strengths" rows="3" bind:value=strengths on:blur=move |_| save_now()></textarea>
                    </div>
                    <div class="field">
                        <label for="development">"One or two development points"</label>
                        <textarea id="development" rows="3" bind:value=development on:blur=move |_| save_now()></textarea>
                    </div>
                    {move || error.get().map(|e| view! { <div class="form-alert" role="alert">{e}</div> })}
                    <div class="form-actions">
                        <button class="button" type="button" on:click=move |_| save_now()>"Save draft"</button>
                        <button class="button primary" type="button" on:click=submit>"Submit review"</button>
                    </div>
                </section>
            </div>
        </div>
    }
}

#[component]
fn BehaviourScorer(
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
                {options.into_iter().map(|(r, short, long)| {
                    let title = match r {
                        Rating::Level(l) => format!("{l} · {long}: {}", anchors.with_value(|a| a.get(l as usize - 1).cloned().unwrap_or_default())),
                        Rating::Missed => MISSED_HELP.to_string(),
                        Rating::NotApplicable => NA_HELP.to_string(),
                    };
                    view! {
                        <button type="button" role="radio" class="rate" class:special=!matches!(r, Rating::Level(_))
                            aria-checked=move || (current() == Some(r)).to_string()
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
fn EvidenceList(
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

#[component]
fn ReviewRead(review: ReviewView, on_changed: Callback<()>) -> impl IntoView {
    let ratings = ratings_map(&review);
    let behaviours: Vec<BehaviourView> = review.framework.behaviours().cloned().collect();
    let outcome = live_score(&behaviours, &ratings);
    let player = Player::new();
    let evidence = RwSignal::new(review.evidence.clone());
    let behaviours_store = StoredValue::new(behaviours.clone());
    let seek = Callback::new(move |ms: u32| player.seek(ms));
    let call = review.call.clone();
    let title = format!("Review of {}'s call", call.agent.name);
    let lede = format!(
        "Scored by {} · {} · {} · framework v{}",
        review.coach,
        call.occurred,
        review
            .submitted_on
            .clone()
            .map(|d| format!("submitted {d}"))
            .unwrap_or_default(),
        review.framework.version
    );
    let failed: Vec<String> = outcome
        .failed_critical
        .iter()
        .filter_map(|i| behaviours.get(*i).map(|b| b.name.clone()))
        .collect();
    view! {
        <PageHeader title=title lede=lede>
            <a class="button ghost" href=format!("/calls/{}", call.id)>"The call"</a>
        </PageHeader>
        <div class="review-summary card">
            <div class="score-now big">
                <ScoreBadge score=outcome.score critical_fail=outcome.critical_fail />
                <StatusBadge status=review.status />
            </div>
            {outcome.critical_fail.then(|| view! {
                <p class="critical-reason">
                    {format!("Critical fail: {} was missed or rated 1. The weighted score was {}.",
                        failed.join(", "),
                        outcome.unweighted_by_critical.map(|s| format!("{s:.1}")).unwrap_or_else(|| "–".into()))}
                </p>
            })}
            <div class="feedback-cols">
                <div><h3>"Strengths"</h3><p>{review.strengths.clone()}</p></div>
                <div><h3>"To develop"</h3><p>{review.development.clone()}</p></div>
            </div>
        </div>
        <Respond review=review.clone() behaviours=behaviours_store ratings=ratings.clone() on_changed=on_changed />
        <div class=if call.recording.is_some() || !call.transcript.is_empty() { "scorer" } else { "review-body" }>
            <div class="scorer-listen">
                <section class="card">
                    <h2>"Recording and evidence"</h2>
                    <PlayerView src=call.recording.clone() player=player evidence=Signal::derive(move || evidence.get()) />
                    <EvidenceList evidence=evidence behaviours=behaviours_store review_id=review.id player=player editable=false />
                </section>
                {(!call.transcript.is_empty()).then(|| view! {
                    <section class="card">
                        <h2>"Transcript"</h2>
                        <TranscriptView cues=call.transcript.clone() on_seek=Some(seek) />
                    </section>
                })}
            </div>
            <div class="scorer-rate">
                {review.framework.clusters.iter().map(|c| view! {
                    <section class="cluster card">
                        <h3>{c.name.clone()}</h3>
                        <table class="table ratings-table">
                            <tbody>
                                {c.behaviours.iter().map(|b| {
                                    let r = ratings.get(&b.id).copied();
                                    let detail = match r {
                                        Some(Rating::Level(l)) => b.anchors.get(l as usize - 1).cloned().unwrap_or_default(),
                                        Some(Rating::Missed) => MISSED_HELP.to_string(),
                                        Some(Rating::NotApplicable) => NA_HELP.to_string(),
                                        None => String::new(),
                                    };
                                    view! {
                                        <tr data-key=b.key.clone()>
                                            <th scope="row">{b.name.clone()}{b.critical.then(|| view! { <span class="badge warn">"Critical"</span> })}</th>
                                            <td class="rating-cell"><span class="rating-pill">{r.map(|r| r.label()).unwrap_or_else(|| "–".into())}</span></td>
                                            <td class="muted">{detail}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </section>
                }).collect_view()}
                {(!review.audit.is_empty()).then(|| view! {
                    <section class="card">
                        <h2>"Audit log"</h2>
                        <table class="table stack audit-table">
                            <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"What"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
                            <tbody>
                                {review.audit.iter().map(|a| view! {
                                    <tr>
                                        <td data-label="When">{a.at.clone()}</td>
                                        <td data-label="Who">{a.actor.clone()}</td>
                                        <td data-label="What">{a.action.clone()}</td>
                                        <td data-label="Before">{a.before.clone().unwrap_or_default()}</td>
                                        <td data-label="After">{a.after.clone().unwrap_or_default()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </section>
                })}
            </div>
        </div>
    }
}

/// The agent's acknowledge/dispute, the dispute itself, and its resolution.
#[component]
fn Respond(
    review: ReviewView,
    behaviours: StoredValue<Vec<BehaviourView>>,
    ratings: HashMap<i32, Rating>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let id = review.id;
    let disputing = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let run = move |fut: std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<(), crate::error::AppError>>>,
    >| {
        busy.set(true);
        spawn_local(async move {
            match fut.await {
                Ok(()) => on_changed.run(()),
                Err(e) => error.set(Some(e.to_string())),
            }
            busy.set(false);
        });
    };
    let resolve_kind = RwSignal::new(DisputeOutcome::Upheld);
    let resolve_note = RwSignal::new(String::new());
    let amended = RwSignal::new(HashMap::<i32, Rating>::new());
    let ratings = StoredValue::new(ratings);
    view! {
        {review.can_respond.then(|| view! {
            <section class="card respond">
                <h2>"Your response"</h2>
                <p class="muted">"Acknowledge the review if it is fair. If you disagree, dispute it with your reason: another coach or a leader will look at it."</p>
                <Show when=move || disputing.get() fallback=move || view! {
                    <div class="form-actions start">
                        <button class="button primary" type="button" disabled=move || busy.get()
                            on:click=move |_| run(Box::pin(acknowledge_review(id)))>"Acknowledge"</button>
                        <button class="button" type="button" on:click=move |_| disputing.set(true)>"Dispute…"</button>
                    </div>
                }>
                    <div class="field">
                        <label for="dispute-reason">"What do you disagree with, and why?"</label>
                        <textarea id="dispute-reason" rows="4" bind:value=reason></textarea>
                    </div>
                    <div class="form-actions start">
                        <button class="button primary" type="button" disabled=move || busy.get()
                            on:click=move |_| run(Box::pin(dispute_review(id, reason.get_untracked())))>"Send dispute"</button>
                        <button class="button ghost" type="button" on:click=move |_| disputing.set(false)>"Cancel"</button>
                    </div>
                </Show>
                {move || error.get().map(|e| view! { <div class="form-alert" role="alert">{e}</div> })}
            </section>
        })}
        {review.dispute_reason.clone().map(|r| view! {
            <section class="card dispute">
                <h2>"Dispute"</h2>
                <blockquote>{r}</blockquote>
                {review.resolution.map(|res| view! {
                    <p>
                        <strong>{if res == DisputeOutcome::Upheld { "Upheld" } else { "Amended" }}</strong>
                        {format!(" by {}: ", review.resolved_by.clone().unwrap_or_default())}
                        {review.resolution_note.clone().unwrap_or_default()}
                    </p>
                })}
            </section>
        })}
        {review.can_resolve.then(|| view! {
            <section class="card resolve">
                <h2>"Resolve the dispute"</h2>
                <div class="segmented" role="radiogroup" aria-label="Decision">
                    <label><input type="radio" name="outcome" value="upheld" checked
                        on:change=move |_| resolve_kind.set(DisputeOutcome::Upheld) />" Uphold the review"</label>
                    <label><input type="radio" name="outcome" value="amended"
                        on:change=move |_| resolve_kind.set(DisputeOutcome::Amended) />" Amend ratings"</label>
                </div>
                <Show when=move || resolve_kind.get() == DisputeOutcome::Amended>
                    <div class="amend-grid">
                        {behaviours.with_value(|bs| bs.iter().map(|b| {
                            let bid = b.id;
                            let current = ratings.with_value(|r| r.get(&bid).copied().unwrap_or(Rating::Level(3)));
                            view! {
                                <div class="field compact">
                                    <label for=format!("amend-{bid}")>{b.name.clone()}</label>
                                    <select id=format!("amend-{bid}") on:change=move |ev| {
                                        let v = event_target_value(&ev).parse().ok().and_then(Rating::from_code).unwrap_or(current);
                                        amended.update(|m| { m.insert(bid, v); });
                                    }>
                                        {[(5, "5"), (4, "4"), (3, "3"), (2, "2"), (1, "1"), (0, "Missed"), (-1, "N/A")].into_iter().map(|(code, label)| view! {
                                            <option value=code.to_string() selected=code == current.code()>{label}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                            }
                        }).collect_view())}
                    </div>
                </Show>
                <div class="field">
                    <label for="resolve-note">"Your decision, for the agent and the coach"</label>
                    <textarea id="resolve-note" rows="3" bind:value=resolve_note></textarea>
                </div>
                <button class="button primary" type="button" disabled=move || busy.get() on:click=move |_| {
                    let list: Vec<(i32, Rating)> = amended.get_untracked().into_iter().collect();
                    run(Box::pin(resolve_dispute(id, resolve_kind.get_untracked(), resolve_note.get_untracked(), list)));
                }>"Resolve"</button>
                {move || error.get().map(|e| view! { <div class="form-alert" role="alert">{e}</div> })}
            </section>
        })}
    }
}
