//! The forms of a complaint's next step: one per move its status allows.

use crate::api::complaints::take_complaint_step;
use crate::components::forms::{field_note, unfielded_error, FormAlert, SubmitButton};
use crate::components::reload::use_reload;
use crate::domain::calls::Rectification;
use crate::domain::complaints::{ComplaintCategory, Move};
use crate::error::AppError;
use crate::types::{ComplaintView, StepInput};
use leptos::prelude::*;
use leptos::task::spawn_local;

fn title(m: Move) -> &'static str {
    match m {
        Move::Record => "Record the complaint",
        Move::OfferRectification => "Offer a rectification",
        Move::ArrangeFollowUp => "Arrange the follow-up",
        Move::Close => "Close after the follow-up",
        Move::Reopen => "Reopen",
    }
}

fn button(m: Move) -> &'static str {
    match m {
        Move::Record => "Save the record",
        Move::OfferRectification => "Record the offer",
        Move::ArrangeFollowUp => "Set the follow-up",
        Move::Close => "Close the complaint",
        Move::Reopen => "Reopen the complaint",
    }
}

fn yes_no_value(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

#[component]
pub(super) fn NextSteps(c: ComplaintView) -> impl IntoView {
    let moves = c.moves.clone();
    let several = moves.len() > 1;
    view! {
        <section class="card complaint-next" aria-labelledby="next-title">
            <h2 id="next-title" class="card-title">"Next step"</h2>
            {moves.into_iter().enumerate().map(|(i, m)| view! {
                {(several && i > 0).then(|| view! { <p class="or-divider muted">"or"</p> })}
                <StepForm id=c.id m=m c=c.clone() />
            }).collect_view()}
        </section>
    }
}

#[component]
fn StepForm(id: i32, m: Move, c: ComplaintView) -> impl IntoView {
    let reload = use_reload();
    let said = RwSignal::new(c.said.clone());
    let category = RwSignal::new(c.category.map(|k| k.key().to_string()).unwrap_or_default());
    let kind = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let accepted = RwSignal::new(match c.accepted {
        Some(true) => "yes".to_string(),
        Some(false) => "no".to_string(),
        None => String::new(),
    });
    let follow_up = RwSignal::new(String::new());
    let satisfied = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<(), AppError>>);
    let pending = RwSignal::new(false);
    let key = m.key();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut step = StepInput::new(m);
        step.said = said.get_untracked();
        step.category = ComplaintCategory::parse(&category.get_untracked());
        step.rectification = Rectification::parse(&kind.get_untracked()).ok();
        step.amount = amount.get_untracked();
        step.accepted = yes_no_value(&accepted.get_untracked());
        step.follow_up_on = follow_up.get_untracked();
        step.satisfied = yes_no_value(&satisfied.get_untracked());
        step.note = note.get_untracked();
        pending.set(true);
        spawn_local(async move {
            let r = take_complaint_step(id, step).await;
            pending.set(false);
            let ok = r.is_ok();
            result.set(Some(r));
            if ok {
                reload.run();
            }
        });
    };
    let err = move |field: &'static str| field_note(result, field);
    let general = unfielded_error(result);
    let fid = move |name: &str| format!("{key}-{name}");
    view! {
        <form class="form step-form" novalidate on:submit=submit aria-label=title(m)>
            <h3>{title(m)}</h3>
            {(m == Move::Record).then(|| view! {
                <div class="field">
                    <label for=fid("said")>"What the customer said"</label>
                    <textarea id=fid("said") rows="4" bind:value=said></textarea>
                    {err("said")}
                </div>
                <div class="field">
                    <label for=fid("category")>"About"</label>
                    <select id=fid("category") bind:value=category>
                        <option value="">"Choose…"</option>
                        {ComplaintCategory::ALL.iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
                    </select>
                    {err("category")}
                </div>
            })}
            {(m == Move::OfferRectification).then(|| view! {
                <div class="field">
                    <label for=fid("kind")>"Rectification"</label>
                    <select id=fid("kind") bind:value=kind>
                        <option value="">"Choose…"</option>
                        {Rectification::ALL.iter().map(|r| view! { <option value=r.key()>{r.label()}</option> }).collect_view()}
                    </select>
                    {err("rectification")}
                </div>
                {move || (kind.get() == "refund").then(|| view! {
                    <div class="field">
                        <label for=fid("amount")>"Amount refunded"</label>
                        <input id=fid("amount") inputmode="decimal" bind:value=amount placeholder="25.00" />
                        {err("amount")}
                    </div>
                })}
            })}
            {matches!(m, Move::OfferRectification | Move::ArrangeFollowUp).then(|| view! {
                <div class="field">
                    <label for=fid("accepted")>"Did the customer accept it?"</label>
                    <select id=fid("accepted") bind:value=accepted>
                        <option value="">"Not known yet"</option>
                        <option value="yes">"Yes, accepted"</option>
                        <option value="no">"No, declined"</option>
                    </select>
                </div>
            })}
            {(m == Move::ArrangeFollowUp).then(|| view! {
                <div class="field">
                    <label for=fid("date")>"Follow up on"</label>
                    <input id=fid("date") type="date" bind:value=follow_up />
                    {err("follow_up_on")}
                </div>
            })}
            {(m == Move::Close).then(|| view! {
                <div class="field">
                    <label for=fid("satisfied")>"Is the customer now satisfied?"</label>
                    <select id=fid("satisfied") bind:value=satisfied>
                        <option value="">"Choose…"</option>
                        <option value="yes">"Yes"</option>
                        <option value="no">"No"</option>
                    </select>
                    {err("satisfied")}
                </div>
            })}
            <div class="field">
                <label for=fid("note")>{match m {
                    Move::Reopen => "Why it is reopened",
                    Move::ArrangeFollowUp => "How you will follow up (optional)",
                    Move::Close => "What the follow-up found (optional)",
                    Move::OfferRectification => "What was offered (needed for \"other\")",
                    Move::Record => "Note (optional)",
                }}</label>
                <textarea id=fid("note") rows="2" bind:value=note></textarea>
                {err("note")}
            </div>
            <FormAlert error=general />
            <SubmitButton label=button(m) busy_label="Saving…" pending=pending />
        </form>
    }
}
