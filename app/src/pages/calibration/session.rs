//! One session: progress while the coaches score blind; after the reveal
//! every coach's rating side by side with the spread, α and leniency, and
//! the organiser's agreed ratings.

use super::page::alpha_text;
use crate::api::calibration::{close_calibration, score_calibration_call, RecordCalibration};
use crate::components::forms::{form_error, FormAlert, SubmitButton};
use crate::components::layout::PageHeader;
use crate::components::table::DataTable;
use crate::domain::lifecycle::CalibrationStatus;
use crate::domain::scoring::Rating;
use crate::types::{
    CalibrationSessionView, CoachLeniency, RevealedCall, RevealedSession, SessionCall,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use std::collections::HashMap;

#[component]
pub(super) fn Session(session: CalibrationSessionView, on_changed: Callback<()>) -> impl IntoView {
    let s = session;
    let lede = format!(
        "Organised by {} · due {}{} · {} call{}, {} coach{}",
        s.organiser,
        s.due_on,
        if s.overdue { " (overdue)" } else { "" },
        s.calls.len(),
        if s.calls.len() == 1 { "" } else { "s" },
        s.participants.len(),
        if s.participants.len() == 1 { "" } else { "es" },
    );
    let open = s.status == CalibrationStatus::Open;
    view! {
        <PageHeader title=s.title.clone() lede=lede>
            <a class="button ghost" href="/calibration">"All sessions"</a>
            {s.can_close.then(|| view! { <RevealNow id=s.id on_changed=on_changed /> })}
        </PageHeader>
        {open.then(|| view! {
            <div class="card callout">
                <strong>"Scoring blind"</strong>
                <p>"Nobody sees another coach's ratings until everyone has scored every call, or the organiser reveals the session. Score on your own, from the recording and the anchors."</p>
            </div>
        })}
        <div class="grid two">
            {s.participant.then(|| view! { <YourCalls id=s.id calls=s.calls.clone() open=open /> })}
            <section class="card">
                <h2>"Coaches"</h2>
                <ul class="progress-list">
                    {s.participants.iter().map(|p| {
                        let done = p.submitted == p.of;
                        view! {
                            <li>
                                <span>{p.name.clone()}</span>
                                <span class=if done { "badge ok" } else { "badge subtle" }>{format!("{} of {} scored", p.submitted, p.of)}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </div>
        {s.revealed.clone().map(|r| view! {
            <Revealed r=r id=s.id note=s.note.clone() can_record=s.can_record on_changed=on_changed />
        })}
    }
}

#[component]
fn RevealNow(id: i32, on_changed: Callback<()>) -> impl IntoView {
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let reveal = move |_| {
        busy.set(true);
        spawn_local(async move {
            match close_calibration(id).await {
                Ok(()) => on_changed.run(()),
                Err(e) => error.set(Some(e.to_string())),
            }
            busy.set(false);
        });
    };
    view! {
        <button class="button" type="button" disabled=move || busy.get() on:click=reveal>"Reveal now"</button>
        {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
    }
}

#[component]
fn YourCalls(id: i32, calls: Vec<SessionCall>, open: bool) -> impl IntoView {
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    view! {
        <section class="card">
            <h2>"Your calls"</h2>
            <ul class="progress-list">
                {calls.into_iter().map(|c| {
                    let navigate = navigate.clone();
                    let go = move |_| {
                        let navigate = navigate.clone();
                        spawn_local(async move {
                            match score_calibration_call(id, c.call_id).await {
                                Ok(review) => navigate(&format!("/reviews/{review}"), Default::default()),
                                Err(e) => error.set(Some(e.to_string())),
                            }
                        });
                    };
                    let action = match (c.my_status, c.my_review) {
                        // The ordinary badge would say "awaiting agent": a
                        // calibration score never goes to the agent.
                        (Some(status), Some(review)) if status != crate::domain::lifecycle::ReviewStatus::Draft => view! {
                            <a class="badge ok" href=format!("/reviews/{review}")>"Scored"</a>
                        }.into_any(),
                        (Some(_), Some(_)) if open => view! {
                            <button class="button small" type="button" on:click=go>"Continue scoring"</button>
                        }.into_any(),
                        _ if open => view! {
                            <button class="button small primary" type="button" on:click=go>"Score this call"</button>
                        }.into_any(),
                        _ => view! { <span class="muted">"Not scored"</span> }.into_any(),
                    };
                    view! { <li><span>{c.label}</span>{action}</li> }
                }).collect_view()}
            </ul>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </section>
    }
}

fn leniency_words(mean: Option<f64>) -> (String, &'static str) {
    match mean {
        None => ("–".into(), "nothing rated"),
        Some(m) if m > 0.25 => (format!("{m:+.2}"), "lenient"),
        Some(m) if m < -0.25 => (format!("{m:+.2}"), "severe"),
        Some(m) => (format!("{m:+.2}"), "in line"),
    }
}

/// A rating in a select: "" none, "0" Missed, "1"–"5", "na".
fn rating_key(r: Option<Rating>) -> String {
    match r {
        None => String::new(),
        Some(Rating::Missed) => "0".into(),
        Some(Rating::Level(l)) => l.to_string(),
        Some(Rating::NotApplicable) => "na".into(),
    }
}

fn rating_of(key: &str) -> Option<Rating> {
    match key {
        "0" => Some(Rating::Missed),
        "na" => Some(Rating::NotApplicable),
        k => k
            .parse::<u8>()
            .ok()
            .filter(|l| (1..=5).contains(l))
            .map(Rating::Level),
    }
}

#[component]
fn Revealed(
    r: RevealedSession,
    id: i32,
    note: String,
    can_record: bool,
    on_changed: Callback<()>,
) -> impl IntoView {
    let agreed: RwSignal<HashMap<(i32, i32), String>> = RwSignal::new(
        r.calls
            .iter()
            .flat_map(|c| {
                c.rows
                    .iter()
                    .map(move |row| ((c.call_id, row.behaviour_id), rating_key(row.reference)))
            })
            .collect(),
    );
    let note_text = RwSignal::new(note.clone());
    let record = ServerAction::<RecordCalibration>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = record.value().get() {
            on_changed.run(());
        }
    });
    let result = move || record.value().get();
    let coaches = r.coaches.clone();
    view! {
        <div class="grid two">
            <section class=format!("card agreement reading-{}", r.reading)>
                <h2>"Agreement"</h2>
                <p class="big-figure">{alpha_text(r.alpha)}</p>
                <p><strong>{r.reading_label.clone()}</strong>" · Krippendorff's α, ordinal, over every call and behaviour (Missed counts as 0, N/A is left out)."</p>
                <p class="muted">{r.reading_explanation.clone()}</p>
            </section>
            <section class="card card-flush">
                <h2 class="card-title">"Leniency and severity"</h2>
                <DataTable headers=&["Coach", "Against the median", "Reads as", "Ratings"]>
                    {r.leniency.iter().map(|l: &CoachLeniency| {
                        let (figure, word) = leniency_words(l.mean);
                        view! {
                            <tr>
                                <td data-label="Coach">{l.name.clone()}</td>
                                <td data-label="Against the median" class="num">{figure}</td>
                                <td data-label="Reads as">{word}</td>
                                <td data-label="Ratings" class="num">{l.units}</td>
                            </tr>
                        }
                    }).collect_view()}
                </DataTable>
                <p class="hint pad">"The mean of each rating minus the median of all the coaches' ratings of that behaviour on that call, in levels."</p>
            </section>
        </div>
        {r.calls.into_iter().map(|c| view! {
            <CallTable c=c coaches=coaches.clone() agreed=agreed can_record=can_record />
        }).collect_view()}
        {if can_record {
            view! {
                <form class="card form" novalidate on:submit=move |ev| {
                    ev.prevent_default();
                    let references = agreed
                        .get()
                        .into_iter()
                        .map(|((call, behaviour), key)| (call, behaviour, rating_of(&key)))
                        .collect();
                    record.dispatch(RecordCalibration { id, references, note: note_text.get() });
                }>
                    <h2>"What you agreed"</h2>
                    <div class="field">
                        <label for="calibration-note">"Note for the coaches"</label>
                        <textarea id="calibration-note" rows="4" bind:value=note_text placeholder="e.g. Missed only when there was no attempt at all; an apology without ownership is a 2."></textarea>
                    </div>
                    <SubmitButton label="Save the agreed ratings" busy_label="Saving…" pending=record.pending() />
                    <FormAlert error=form_error(result, &[]) />
                </form>
            }.into_any()
        } else if !note.is_empty() {
            view! { <section class="card"><h2>"What the coaches agreed"</h2><p class="prewrap">{note}</p></section> }.into_any()
        } else {
            ().into_any()
        }}
    }
}

#[component]
fn CallTable(
    c: RevealedCall,
    coaches: Vec<String>,
    agreed: RwSignal<HashMap<(i32, i32), String>>,
    can_record: bool,
) -> impl IntoView {
    let call_id = c.call_id;
    view! {
        <section class="card card-flush">
            <h2 class="card-title">{c.label.clone()}</h2>
            <div class="table-wrap" tabindex="0">
                <table class="table agreement-table">
                    <thead>
                        <tr>
                            <th scope="col">"Behaviour"</th>
                            {coaches.iter().map(|n| view! { <th scope="col" class="num">{n.clone()}</th> }).collect_view()}
                            <th scope="col" class="num">"Spread"</th>
                            <th scope="col" class="num">"Median"</th>
                            <th scope="col">"Agreed"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {c.rows.into_iter().map(|row| {
                            let spread = match (row.low, row.high) {
                                (Some(l), Some(h)) if l == h => "none".to_string(),
                                (Some(l), Some(h)) => format!("{} level{} ({l}–{h})", h - l, if h - l == 1 { "" } else { "s" }),
                                _ => "–".into(),
                            };
                            let wide = matches!((row.low, row.high), (Some(l), Some(h)) if h - l >= 2);
                            let key = (call_id, row.behaviour_id);
                            let label = format!("Agreed rating: {}", row.name);
                            view! {
                                <tr class:disagree=wide>
                                    <th scope="row">{row.name.clone()}</th>
                                    {row.ratings.iter().map(|x| view! { <td class="num">{x.map_or("–".to_string(), |r| r.short())}</td> }).collect_view()}
                                    <td class="num">{spread}</td>
                                    <td class="num">{row.median.map_or("–".to_string(), |m| format!("{m:.1}"))}</td>
                                    <td>
                                        {if can_record {
                                            view! {
                                                <select aria-label=label
                                                    prop:value=move || agreed.with(|a| a.get(&key).cloned().unwrap_or_default())
                                                    on:change=move |ev| {
                                                        let v = event_target_value(&ev);
                                                        agreed.update(|a| { a.insert(key, v); });
                                                    }>
                                                    <option value="">"—"</option>
                                                    <option value="0">"Missed"</option>
                                                    {(1..=5).map(|l| view! { <option value=l.to_string()>{l.to_string()}</option> }).collect_view()}
                                                    <option value="na">"N/A"</option>
                                                </select>
                                            }.into_any()
                                        } else {
                                            view! { <span>{row.reference.map_or("–".to_string(), |r| r.label())}</span> }.into_any()
                                        }}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
