//! Sampling for coaches and leaders: drawing random calls for review,
//! assigning them, and following a sample until every call is scored.
//! Served by the calibration route (one quality-assurance chunk).

mod draw;
mod list;
mod sample;

pub use list::SamplingPage;

use crate::types::SampleProgress;
use leptos::prelude::*;

/// Scored out of all, as a bar with the counts beside it.
fn progress_bar(p: SampleProgress) -> impl IntoView {
    let pct = if p.total == 0 {
        0.0
    } else {
        p.scored as f64 / p.total as f64 * 100.0
    };
    view! {
        <div class="sample-progress">
            <div class="progress" role="img" aria-label=format!("{} of {} scored", p.scored, p.total)>
                <span style=format!("width: {pct:.0}%")></span>
            </div>
            <span class="small">{format!("{} of {} scored", p.scored, p.total)}</span>
            {(p.overdue > 0).then(|| view! { <span class="badge danger">{format!("{} overdue", p.overdue)}</span> })}
            {(p.assigned < p.total).then(|| view! { <span class="badge warn">{format!("{} unassigned", p.total - p.assigned)}</span> })}
        </div>
    }
}
