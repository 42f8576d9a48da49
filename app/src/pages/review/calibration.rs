//! The note on a blind calibration score, so a coach never mistakes it for
//! a review the agent will read.

use crate::types::CalibrationBrief;
use leptos::prelude::*;

#[component]
pub(super) fn CalibrationNote(brief: Option<CalibrationBrief>) -> impl IntoView {
    brief.map(|b| {
        let says = if b.revealed {
            "The session is revealed: compare your ratings with the other coaches' there."
        } else {
            "Scored blind: nobody sees the others' ratings until everyone has submitted. It never counts for the agent, who is not told."
        };
        view! {
            <div class="card callout calibration-note" role="note">
                <strong>"Calibration practice · "</strong>
                <a href=format!("/calibration/{}", b.id)>{b.title}</a>
                <p>{says}</p>
            </div>
        }
    })
}

/// Where "back" leads from a score: the call, or the calibration session
/// (whose call page a coach of another team does not see).
pub(super) fn back_link(brief: &Option<CalibrationBrief>, call_id: i32) -> (String, &'static str) {
    match brief {
        Some(b) => (format!("/calibration/{}", b.id), "Back to the session"),
        None => (format!("/calls/{call_id}"), "Back to the call"),
    }
}
