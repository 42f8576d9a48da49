//! Sampling for coaches and leaders: drawing random calls for review,
//! assigning them, and following a sample until every call is scored.
//! Served by the calibration route (one quality-assurance chunk).

mod draw;
mod list;
mod sample;

pub use list::SamplingPage;

use crate::types::SampleProgress;
use leptos::prelude::*;

/// Scored out of all, as a bar with the counts beside it. A native
/// `progress` element: no inline style, which the page's policy forbids.
fn progress_bar(p: SampleProgress) -> impl IntoView {
    view! {
        <div class="sample-progress">
            <progress class="bar" max=p.total.max(1) value=p.scored aria-label=format!("{} of {} scored", p.scored, p.total)></progress>
            <span class="small">{format!("{} of {} scored", p.scored, p.total)}</span>
            {(p.overdue > 0).then(|| view! { <span class="badge danger">{format!("{} overdue", p.overdue)}</span> })}
            {(p.assigned < p.total).then(|| view! { <span class="badge warn">{format!("{} unassigned", p.total - p.assigned)}</span> })}
        </div>
    }
}
