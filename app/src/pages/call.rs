//! One call: its outcome data, recording, transcript and reviews; where a
//! coach starts scoring it.

use crate::api::calls::{get_call, SetTranscript};
use crate::api::reviews::start_review;
use crate::components::feedback::reloadable;
use crate::components::layout::{AppShell, PageHeader};
use crate::components::reload::provide_reload;
use crate::components::review_bits::{ScoreBadge, StatusBadge, TranscriptView};
use crate::domain::calls::Channel;
use crate::domain::kpi::text::duration;
use crate::domain::lifecycle::ReviewStatus;
use crate::types::CallDetail;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn CallPage() -> impl IntoView {
    view! {
        <AppShell title="Call">
            <CallView />
        </AppShell>
    }
}

#[component]
fn CallView() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let reload = provide_reload();
    let call = Resource::new(move || (id(), reload.version()), |(key, _)| get_call(key));
    let refresh = reload.callback();
    // Lives above the reloaded body, so the upload's outcome is still said
    // after the call is read again with its new recording.
    let upload_note = RwSignal::new(None::<Result<String, String>>);
    view! {
        {reloadable(call, move |c| view! { <CallBody call=c on_changed=refresh upload_note=upload_note /> }.into_any())}
    }
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "–",
    }
}

#[component]
fn CallBody(
    call: CallDetail,
    on_changed: Callback<()>,
    upload_note: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let navigate = use_navigate();
    let starting = RwSignal::new(false);
    let start_error = RwSignal::new(None::<String>);
    let call_id = call.id;
    let my_draft = call
        .reviews
        .iter()
        .find(|r| r.status == ReviewStatus::Draft)
        .map(|r| r.id);
    let start = move |_| {
        starting.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            match start_review(call_id).await {
                Ok(id) => navigate(&format!("/reviews/{id}"), Default::default()),
                Err(e) => {
                    start_error.set(Some(e.to_string()));
                    starting.set(false);
                }
            }
        });
    };
    let title = format!("{} · {}", call.agent.name, call.occurred);
    let channel = Channel::parse(&call.channel).map_or("", Channel::label);
    let lede = format!("{} · {channel} · {}", call.team.name, call.duration);
    let can_review = call.can_review;
    let can_edit = call.can_edit;
    let has_recording = call.recording.is_some();
    view! {
        <PageHeader title=title lede=lede>
            <a class="button ghost" href="/calls">"All calls"</a>
            {call.complaint_id.map(|id| view! { <a class="button" href=format!("/complaints/{id}")>"Open the complaint"</a> })}
            {call.can_log_complaint.then(|| view! { <a class="button" href=format!("/complaints/new?call={call_id}")>{if call.complaint { "Open its complaint" } else { "Log a complaint" }}</a> })}
            {can_review.then(|| view! {
                <button class="button primary" type="button" disabled=move || starting.get() on:click=start>
                    {if my_draft.is_some() { "Continue scoring" } else { "Score this call" }}
                </button>
            })}
        </PageHeader>
        {move || start_error.get().map(|e| view! { <div class="form-alert" role="alert">{e}</div> })}
        <div class="grid call-grid">
            <section class="card">
                <h2>"Outcome"</h2>
                <dl class="details two-col">
                    <div><dt>"CSAT"</dt><dd>{call.csat.map(|v| format!("{v} / 5")).unwrap_or_else(|| "–".into())}</dd></div>
                    <div><dt>"Likelihood to recommend"</dt><dd>{call.ltr.map(|v| format!("{v} / 10")).unwrap_or_else(|| "–".into())}</dd></div>
                    <div><dt>"Resolved"</dt><dd>{yes_no(call.resolved)}</dd></div>
                    <div><dt>"Resolution time"</dt><dd>{call.resolution_minutes.map(|v| duration(f64::from(v) * 60.0)).unwrap_or_else(|| "–".into())}</dd></div>
                    <div><dt>"First response"</dt><dd>{call.first_response_seconds.map(|v| duration(f64::from(v))).unwrap_or_else(|| "–".into())}</dd></div>
                    <div><dt>"Abandoned"</dt><dd>{if call.abandoned { "Yes" } else { "No" }}</dd></div>
                    <div><dt>"Complaint"</dt><dd>{if call.complaint {
                        format!("Yes{}{}", call.rectification.as_ref().map(|r| format!(" · {r}")).unwrap_or_default(),
                            call.follow_up_on.as_ref().map(|d| format!(" · follow up {d}")).unwrap_or_default())
                    } else { "No".to_string() }}</dd></div>
                    <div><dt>"Reference"</dt><dd>{call.reference.clone().unwrap_or_else(|| "–".into())}</dd></div>
                </dl>
            </section>
            <section class="card">
                <h2>"Reviews"</h2>
                {if call.reviews.is_empty() {
                    view! { <p class="muted">"Not reviewed yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="review-list">
                            {call.reviews.iter().map(|r| view! {
                                <li>
                                    <a href=format!("/reviews/{}", r.id)>{r.coach.clone()}</a>
                                    <StatusBadge status=r.status />
                                    <ScoreBadge score=r.score critical_fail=r.critical_fail />
                                    <span class="muted">{r.submitted_on.clone().unwrap_or_default()}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        </div>
        // Only a phone call is heard; a written contact shows its recording
        // only if one was attached anyway.
        {(has_recording || call.channel == Channel::Phone.key()).then(|| view! {
            <section class="card">
                <h2>"Recording"</h2>
                {call.recording.clone().map(|src| view! {
                    <audio class="player" controls preload="metadata" src=src></audio>
                })}
                {(!has_recording).then(|| view! { <p class="muted">"No recording yet."</p> })}
                {can_edit.then(|| view! { <RecordingUpload call_id=call_id on_done=on_changed replace=has_recording message=upload_note /> })}
            </section>
        })}
        <section class="card">
            <h2>"Transcript"</h2>
            {if call.transcript.is_empty() {
                view! { <p class="muted">"No transcript."</p> }.into_any()
            } else {
                view! { <TranscriptView cues=call.transcript.clone() on_seek=None /> }.into_any()
            }}
            {can_edit.then(|| view! { <TranscriptForm call_id=call_id on_done=on_changed /> })}
        </section>
    }
}

/// Uploads a recording with a progress bar (XHR reports upload progress;
/// fetch does not).
#[component]
fn RecordingUpload(
    call_id: i32,
    on_done: Callback<()>,
    replace: bool,
    message: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let progress = RwSignal::new(None::<f64>);
    let done = Callback::new(move |r: Result<(), String>| match r {
        Ok(()) => {
            message.set(Some(Ok("Recording uploaded.".into())));
            on_done.run(());
        }
        Err(e) => message.set(Some(Err(e))),
    });
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Said before uploading: the server refuses it anyway, and a browser
        // still sending 50 MB may only see the connection close.
        let size = file.size() as u64;
        if size > crate::domain::media::MAX_RECORDING_BYTES {
            progress.set(None);
            message.set(Some(Err(crate::domain::media::too_large_message(
                &file.name(),
                size,
            ))));
            return;
        }
        message.set(None);
        crate::components::upload::send_file(
            &format!("/media/calls/{call_id}/recording"),
            &file,
            Some(progress),
            done,
        );
    };
    view! {
        <div class="field upload">
            <label for="recording-file">{if replace { "Replace the recording" } else { "Upload a recording" }}</label>
            <input id="recording-file" type="file" accept="audio/wav,audio/mpeg,audio/ogg,audio/webm,.wav,.mp3,.ogg,.webm" on:change=on_file />
            <p class="hint">"WAV, MP3, Ogg or WebM, up to 50 MB."</p>
            {move || progress.get().map(|p| view! {
                <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=format!("{p:.0}")>
                    <span style:width=format!("{p:.0}%")></span>
                </div>
            })}
            {move || message.get().map(|m| match m {
                Ok(t) => view! { <p class="notice notice-ok" role="status">{t}</p> }.into_any(),
                Err(t) => view! { <p class="field-error" role="alert">{t}</p> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn TranscriptForm(call_id: i32, on_done: Callback<()>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let save = ServerAction::<SetTranscript>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            text.set(String::new());
            on_done.run(());
        }
    });
    view! {
        <details class="transcript-form">
            <summary>"Add or replace the transcript"</summary>
            <form class="form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(SetTranscript { call_id, text: text.get() });
            }>
                <div class="field">
                    <label for="transcript-text">"Transcript (WebVTT or plain text)"</label>
                    <textarea id="transcript-text" rows="6" bind:value=text placeholder="WEBVTT&#10;&#10;00:00:01.000 --> 00:00:04.000&#10;<v Agent>Good morning…"></textarea>
                    {move || save.value().get().and_then(|r| r.err()).map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}
                </div>
                <button class="button" type="submit" disabled=move || save.pending().get()>"Save transcript"</button>
            </form>
        </details>
    }
}
