//! What waits for the person on their home page: their own reviews as an
//! agent, and a coach's disputes, drafts, assigned and waiting calls.

use crate::components::charts::coord;
use crate::components::review_bits::{ScoreBadge, StatusBadge};
use crate::domain::lifecycle::ReviewStatus;
use crate::types::{AssignedCall, ReviewListItem, ReviewQueue};
use leptos::prelude::*;

fn review_rows(items: Vec<ReviewListItem>, show_agent: bool) -> impl IntoView {
    view! {
        <ul class="review-list">
            {items.into_iter().map(|r| view! {
                <li>
                    <a href=format!("/reviews/{}", r.id)>{if show_agent { r.agent.clone() } else { format!("Call of {}", r.occurred) }}</a>
                    <StatusBadge status=r.status for_agent=!show_agent />
                    {(r.status != ReviewStatus::Draft).then(|| view! { <ScoreBadge score=r.score critical_fail=r.critical_fail /> })}
                    <span class="muted small">{if show_agent { r.occurred.clone() } else { format!("by {}", r.coach) }}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// The agent's recent scores by call date, oldest to newest, on the
/// review score's own 0–100 scale.
fn trend(items: &[ReviewListItem]) -> impl IntoView {
    let mut scores: Vec<f64> = items
        .iter()
        .rev()
        .filter_map(|r| if r.critical_fail { Some(0.0) } else { r.score })
        .collect();
    if scores.len() > 20 {
        scores.drain(..scores.len() - 20);
    }
    (scores.len() >= 2).then(|| {
        let (left, w, h) = (28.0, 240.0, 80.0);
        let step = w / (scores.len() - 1) as f64;
        let at = |i: usize, s: f64| (coord(left + i as f64 * step), coord(h - s / 100.0 * h));
        let points: Vec<String> = scores
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (x, y) = at(i, *s);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        let n = scores.len();
        view! {
            <figure class="trend">
                <svg viewBox=format!("0 -8 {} {}", left + w + 8.0, h + 16.0) role="img"
                    aria-label=format!("Your last {n} review scores by call date, from {:.1} to {:.1}, average {mean:.1}, on a scale of 0 to 100", scores[0], scores[n - 1])>
                    {[0.0, 50.0, 100.0].into_iter().map(|g| {
                        let y = h - g / 100.0 * h;
                        view! {
                            <line class="grid-line" x1=left x2=left + w y1=y y2=y />
                            <text class="axis-label" x=left - 6.0 y=y + 4.0 text-anchor="end">{format!("{g:.0}")}</text>
                        }
                    }).collect_view()}
                    <polyline points=points.join(" ") />
                    {scores.iter().enumerate().map(|(i, s)| {
                        let (x, y) = at(i, *s);
                        view! { <circle cx=x cy=y r="3" /> }
                    }).collect_view()}
                </svg>
                <figcaption class="muted small">{format!("Last {n} scores by call date · average {mean:.1}")}</figcaption>
            </figure>
        }
    })
}

/// What a coach triages a waiting call by.
fn call_cues(csat: Option<i16>, complaint: bool, has_recording: bool) -> impl IntoView {
    view! {
        {csat.map(|c| view! {
            <span class=if c <= 2 { "badge warn" } else { "badge subtle" } title="Customer satisfaction, 1 to 5">{format!("CSAT {c}")}</span>
        })}
        {complaint.then(|| view! { <span class="badge warn">"Complaint"</span> })}
        {has_recording.then(|| view! { <span class="badge subtle" title="Has a recording">"Audio"</span> })}
    }
}

#[component]
pub(super) fn Queue(queue: ReviewQueue) -> impl IntoView {
    let ReviewQueue {
        drafts,
        disputes,
        mine,
        unreviewed,
        assigned,
    } = queue;
    let has_coaching = !drafts.is_empty()
        || !disputes.is_empty()
        || !unreviewed.is_empty()
        || !assigned.is_empty();
    view! {
        <div class="grid">
            {(!mine.is_empty()).then(|| view! {
                <section class="card">
                    <h2>"Your reviews"</h2>
                    {trend(&mine)}
                    {review_rows(mine.into_iter().take(8).collect(), false)}
                    <a class="button small" href="/calls?reviewed=yes">"All your reviewed calls"</a>
                </section>
            })}
            {has_coaching.then(|| view! {
                <section class="card">
                    <h2>"To do"</h2>
                    {(!disputes.is_empty()).then(|| view! { <h3 class="subhead">"Disputes to resolve"</h3> {review_rows(disputes, true)} })}
                    {(!drafts.is_empty()).then(|| view! { <h3 class="subhead">"Your drafts"</h3> {review_rows(drafts, true)} })}
                    {(!assigned.is_empty()).then(|| view! { <AssignedCalls calls=assigned /> })}
                    {(!unreviewed.is_empty()).then(|| view! {
                        <h3 class="subhead">"Calls waiting for a review"</h3>
                        <ul class="review-list">
                            {unreviewed.into_iter().map(|c| view! {
                                <li>
                                    <a href=format!("/calls/{}", c.id)>{c.agent.clone()}</a>
                                    <span class="muted small">{format!("{} · {} · {}", c.occurred, c.channel, c.duration)}</span>
                                    {call_cues(c.csat, c.complaint, c.has_recording)}
                                </li>
                            }).collect_view()}
                        </ul>
                        <a class="button small" href="/calls">"All calls"</a>
                    })}
                </section>
            })}
        </div>
    }
}

/// Sampled calls given to the coach, soonest due first.
#[component]
fn AssignedCalls(calls: Vec<AssignedCall>) -> impl IntoView {
    let overdue = calls.iter().filter(|c| c.overdue).count();
    view! {
        <h3 class="subhead">
            "Assigned to you"
            {(overdue > 0).then(|| view! { <span class="badge danger">{format!("{overdue} overdue")}</span> })}
        </h3>
        <ul class="review-list assigned-calls">
            {calls.into_iter().map(|c| view! {
                <li class:overdue=c.overdue>
                    <a href=format!("/calls/{}", c.call_id)>{c.agent.clone()}</a>
                    <span class="muted small">{format!("{} · {}", c.occurred, c.channel.label())}</span>
                    {call_cues(c.csat, c.complaint, c.has_recording)}
                    <span class=if c.overdue { "badge danger" } else { "badge subtle" }>
                        {if c.overdue { format!("Overdue: due {}", c.due_on) } else { format!("Due {}", c.due_on) }}
                    </span>
                </li>
            }).collect_view()}
        </ul>
    }
}
