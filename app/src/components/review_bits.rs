//! Small pieces shared by the call and review pages.

use crate::domain::lifecycle::ReviewStatus;
use crate::domain::transcript::Cue;
use leptos::prelude::*;

/// `m:ss` from milliseconds.
pub fn clock(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}

#[component]
pub fn ScoreBadge(score: Option<f64>, critical_fail: bool) -> impl IntoView {
    if critical_fail {
        view! { <span class="score-badge fail" title="A critical behaviour was missed or rated 1">"Critical fail"</span> }.into_any()
    } else {
        match score {
            Some(s) => {
                let class = if s >= 80.0 {
                    "score-badge good"
                } else if s >= 60.0 {
                    "score-badge mid"
                } else {
                    "score-badge low"
                };
                view! { <span class=class>{format!("{s:.1}")}</span> }.into_any()
            }
            None => view! { <span class="score-badge">"–"</span> }.into_any(),
        }
    }
}

/// A review's status; `for_agent` words it for the agent it is about.
#[component]
pub fn StatusBadge(status: ReviewStatus, #[prop(optional)] for_agent: bool) -> impl IntoView {
    let (class, label) = match status {
        ReviewStatus::Draft => ("badge subtle", "Draft"),
        ReviewStatus::Submitted if for_agent => ("badge info", "Awaiting your response"),
        ReviewStatus::Submitted => ("badge info", "Awaiting agent"),
        ReviewStatus::Acknowledged => ("badge ok", "Acknowledged"),
        ReviewStatus::Disputed => ("badge warn", "Disputed"),
        ReviewStatus::Resolved => ("badge ok", "Resolved"),
    };
    view! { <span class=class>{label}</span> }
}

/// A transcript; timed lines seek the player when `on_seek` is given.
#[component]
pub fn TranscriptView(
    cues: Vec<Cue>,
    on_seek: Option<Callback<u32>>,
    #[prop(optional)] on_pin: Option<Callback<(usize, Option<u32>)>>,
) -> impl IntoView {
    view! {
        <ol class="transcript">
            {cues.into_iter().enumerate().map(|(i, c)| {
                let start = c.start_ms;
                view! {
                    <li class="cue">
                        {match (start, on_seek) {
                            (Some(ms), Some(seek)) => view! {
                                <button type="button" class="cue-time" title="Play from here" on:click=move |_| seek.run(ms)>{clock(ms as i64)}</button>
                            }.into_any(),
                            (Some(ms), None) => view! { <span class="cue-time">{clock(ms as i64)}</span> }.into_any(),
                            _ => view! { <span class="cue-time"></span> }.into_any(),
                        }}
                        {c.speaker.map(|s| view! { <span class="speaker">{s}</span> })}
                        <span class="cue-text">{c.text}</span>
                        {on_pin.map(|pin| view! {
                            <button type="button" class="icon-button pin" title="Pin a note to this line" aria-label="Pin a note to this line" on:click=move |_| pin.run((i, start))>
                                <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true"><path d="M7 3h6l-1 5 3 3H5l3-3-1-5Zm3 8v6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" /></svg>
                            </button>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
