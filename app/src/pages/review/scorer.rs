//! Scoring a draft: ratings by keyboard or mouse, notes pinned to the
//! recording, the live score, saving and submitting.

#[allow(unused_imports)]
use super::*;
use crate::api::reviews::{add_evidence, save_review, submit_review};
use crate::components::layout::PageHeader;
use crate::components::review_bits::{clock, ScoreBadge, TranscriptView};
use crate::domain::lifecycle::EvidenceKind;
use crate::domain::scoring::Rating;
use crate::types::{BehaviourView, EvidenceView, ReviewView};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub(super) fn Scorer(review: ReviewView, on_submitted: Callback<()>) -> impl IntoView {
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
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let tag = target.as_ref().map(|el| el.tag_name()).unwrap_or_default();
        let typing = matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT");
        // A focused button, link or disclosure keeps its own Space and
        // Enter; a focused rating's arrows move within its behaviour.
        let control = matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY");
        let rating = target
            .as_ref()
            .filter(|el| el.get_attribute("role").as_deref() == Some("radio"));
        if control && matches!(ev.key().as_str(), " " | "Enter") {
            return;
        }
        if let (Some(el), "ArrowLeft" | "ArrowRight") = (rating, ev.key().as_str()) {
            let next = if ev.key() == "ArrowLeft" {
                el.previous_element_sibling()
            } else {
                el.next_element_sibling()
            };
            if let Some(next) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = next.focus();
                next.click();
            }
            ev.prevent_default();
            return;
        }
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
    let (back_href, back_label) = back_link(&review.calibration, call.id);
    let log_complaint = (review.calibration.is_none() && call.can_log_complaint)
        .then(|| format!("/complaints/new?call={}", call.id));
    view! {
        <PageHeader title=title lede=lede>
            <a class="button ghost" href=back_href>{back_label}</a>
            // Heard a complaint while scoring: open it without leaving the
            // draft (not in a calibration session, which is practice).
            {log_complaint.map(|href| view! {
                <a class="button" href=href target="_blank" rel="noopener">"Log a complaint"</a>
            })}
        </PageHeader>
        <CalibrationNote brief=review.calibration.clone() />
        <div class="scorer">
            <div class="scorer-listen">
                <section class="card">
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
                            <div><dt><kbd>"←"</kbd>" "<kbd>"→"</kbd></dt><dd>"Back or forward 5 s (on a focused rating: the rating beside it)"</dd></div>
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
                                    <span class="muted">{format!("{} before the critical fail", o.unweighted_by_critical.map(|s| format!("{s:.1}")).unwrap_or_else(|| "–".into()))}</span>
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
