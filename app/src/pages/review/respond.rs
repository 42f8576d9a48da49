//! The agent acknowledges or disputes; another coach or a leader resolves.

#[allow(unused_imports)]
use super::*;
use crate::api::reviews::{acknowledge_review, dispute_review, resolve_dispute};
use crate::domain::lifecycle::DisputeOutcome;
use crate::domain::scoring::Rating;
use crate::types::{BehaviourView, ReviewView};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;

/// The agent's acknowledge/dispute, the dispute itself, and its resolution.
#[component]
pub(super) fn Respond(
    review: ReviewView,
    behaviours: StoredValue<Vec<BehaviourView>>,
    ratings: HashMap<i32, Rating>,
    on_changed: Callback<()>,
    /// Where the confirmation of a done action goes: the page shows it
    /// once the review has reloaded.
    confirm: RwSignal<Option<String>>,
) -> impl IntoView {
    let id = review.id;
    let disputing = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<crate::error::AppError>);
    // The reason's own problem marks the box and takes focus; anything
    // else shows below the buttons.
    let reason_error = Signal::derive(move || error.get().and_then(|e| e.for_field("reason")));
    let other_error = Signal::derive(move || {
        error
            .get()
            .filter(|e| e.for_field("reason").is_none())
            .map(|e| e.to_string())
    });
    let reason_box = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if reason_error.get().is_some() {
            if let Some(el) = reason_box.get_untracked() {
                let _ = el.focus();
            }
        }
    });
    let busy = RwSignal::new(false);
    let run = move |fut: std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<(), crate::error::AppError>>>,
    >,
                    done: &'static str| {
        busy.set(true);
        spawn_local(async move {
            match fut.await {
                Ok(()) => {
                    confirm.set(Some(done.to_string()));
                    on_changed.run(());
                }
                Err(e) => error.set(Some(e)),
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
            <section class="card respond" id="respond">
                <h2>"Your response"</h2>
                <p class="muted">"Acknowledge the review if it is fair. If you disagree, dispute it with your reason: another coach or a leader will look at it."</p>
                <Show when=move || disputing.get() fallback=move || view! {
                    <div class="form-actions start">
                        <button class="button primary" type="button" disabled=move || busy.get()
                            on:click=move |_| run(Box::pin(acknowledge_review(id)), "Acknowledged. Your coach can see you have read the review.")>"Acknowledge"</button>
                        <button class="button" type="button" on:click=move |_| disputing.set(true)>"Dispute…"</button>
                    </div>
                }>
                    <div class="field" class:has-error=move || reason_error.get().is_some()>
                        <label for="dispute-reason">"What do you disagree with, and why?"</label>
                        <textarea id="dispute-reason" rows="4" bind:value=reason node_ref=reason_box
                            on:input=move |_| if reason_error.get_untracked().is_some() { error.set(None) }
                            aria-invalid=move || reason_error.get().is_some().then_some("true")
                            aria-describedby=move || reason_error.get().is_some().then_some("dispute-reason-error")></textarea>
                        {move || reason_error.get().map(|e| view! { <p class="field-error" id="dispute-reason-error">{e}</p> })}
                    </div>
                    <div class="form-actions start">
                        <button class="button primary" type="button" disabled=move || busy.get()
                            on:click=move |_| run(Box::pin(dispute_review(id, reason.get_untracked())), "Dispute sent. Another coach or a leader will look at it, and you will be told what they decide.")>"Send dispute"</button>
                        <button class="button ghost" type="button" on:click=move |_| disputing.set(false)>"Cancel"</button>
                    </div>
                </Show>
                {move || other_error.get().map(|e| view! { <div class="form-alert" role="alert">{e}</div> })}
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
                    run(Box::pin(resolve_dispute(id, resolve_kind.get_untracked(), resolve_note.get_untracked(), list)), "Dispute resolved. The agent and the coach have been told.");
                }>"Resolve"</button>
                {move || error.get().map(|e| view! { <div class="form-alert" role="alert">{e.to_string()}</div> })}
            </section>
        })}
    }
}
