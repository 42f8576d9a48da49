//! The complaint register (`/complaints`), one complaint
//! (`/complaints/:id`), logging one (`/complaints/new`) and the service
//! ideas (`/complaints/ideas`), served by the calls list's route type.

mod detail;
mod ideas;
mod list;
mod new;
mod reminders;
mod steps;

pub use reminders::ComplaintReminderCard;

use crate::components::layout::AppShell;
use crate::domain::complaints::ComplaintStatus;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Register,
    New,
    One,
    Ideas,
}

#[component]
pub fn ComplaintsPage() -> impl IntoView {
    let path = use_location().pathname;
    let section = Memo::new(move |prev: Option<&Section>| {
        path.with(|p| {
            let p = p.trim_end_matches('/');
            if p == "/complaints/ideas" {
                Section::Ideas
            } else if p == "/complaints/new" {
                Section::New
            } else if p.starts_with("/complaints/") {
                Section::One
            } else if p == "/complaints" {
                Section::Register
            } else {
                prev.copied().unwrap_or(Section::Register)
            }
        })
    });
    let title = match section.get_untracked() {
        Section::Ideas => "Service ideas",
        Section::New => "Log a complaint",
        _ => "Complaints",
    };
    view! {
        <AppShell title=title>
            {move || match section.get() {
                Section::Register => view! { <list::Register /> }.into_any(),
                Section::New => view! { <new::NewComplaintPage /> }.into_any(),
                Section::One => view! { <detail::Complaint /> }.into_any(),
                Section::Ideas => view! { <ideas::Ideas /> }.into_any(),
            }}
        </AppShell>
    }
}

/// The complaints and ideas tabs.
fn tabs(current: Section) -> impl IntoView {
    let tab = move |s: Section, href: &'static str, label: &'static str| {
        view! { <a href=href class:active=current == s aria-current=(current == s).then_some("page")>{label}</a> }
    };
    view! {
        <nav class="section-tabs" aria-label="Complaints and ideas">
            {tab(Section::Register, "/complaints", "Complaint register")}
            {tab(Section::Ideas, "/complaints/ideas", "Service ideas")}
        </nav>
    }
}

fn status_badge(status: ComplaintStatus, overdue: bool) -> impl IntoView {
    let class = match status {
        ComplaintStatus::Closed => "badge ok",
        _ if overdue => "badge danger",
        ComplaintStatus::FollowUpDue => "badge warn",
        _ => "badge info",
    };
    view! { <span class=class>{status.label()}</span> }
}
