//! The home page's complaints to act on: the person's own and their
//! teams', soonest due first, overdue ones marked.

use super::status_badge;
use crate::types::ComplaintReminders;
use leptos::prelude::*;

#[component]
pub fn ComplaintReminderCard(r: ComplaintReminders) -> impl IntoView {
    let lede = match r.overdue {
        0 => "Nothing overdue.".to_string(),
        1 => "1 is overdue.".to_string(),
        n => format!("{n} are overdue."),
    };
    view! {
        <section class="card complaint-reminders" aria-labelledby="reminders-title">
            <div class="card-title-row flush-x">
                <h2 id="reminders-title" class="card-title">"Complaints to act on"</h2>
                <a class="small" href="/complaints?status=open">"All open complaints"</a>
            </div>
            <p class="small" class:alert-text={r.overdue > 0}>{lede}</p>
            <ul class="reminder-list">
                {r.rows.into_iter().map(|c| {
                    let who = if c.customer.is_empty() { format!("Complaint #{}", c.id) } else { c.customer.clone() };
                    view! {
                        <li class:overdue=c.overdue>
                            <a href=format!("/complaints/{}", c.id)>{who}</a>
                            {status_badge(c.status, c.overdue)}
                            <span class="muted small">{format!(" · due {} · {}", c.next_due.clone().unwrap_or_default(), c.owner)}</span>
                            {c.overdue.then(|| view! { <span class="badge danger">"Overdue"</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
