//! `/ideas`: service ideas anyone logs, and leaders move on.

use super::{tabs, Section};
use crate::api::complaints::{decide_idea, list_ideas, log_idea};
use crate::components::feedback::{reloadable, EmptyState};
use crate::components::forms::{field_note, unfielded_error, FormAlert, SubmitButton};
use crate::components::layout::PageHeader;
use crate::components::reload::{provide_reload, use_reload};
use crate::domain::ideas::IdeaStatus;
use crate::error::AppError;
use crate::types::{IdeaList, IdeaRow, NewIdea};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

#[component]
pub(super) fn Ideas() -> impl IntoView {
    let params = use_query_map();
    let status =
        Memo::new(move |_| params.with(|p| p.get("status").and_then(|s| IdeaStatus::parse(&s))));
    let reload = provide_reload();
    let list = Resource::new(
        move || (status.get(), reload.version()),
        |(s, _)| list_ideas(s),
    );
    view! { {reloadable(list, move |l| view! { <IdeasBody l=l /> }.into_any())} }
}

#[component]
fn IdeasBody(l: IdeaList) -> impl IntoView {
    let csv = format!(
        "/export/ideas.csv{}",
        l.status
            .map(|s| format!("?status={}", s.key()))
            .unwrap_or_default()
    );
    let current = l.status;
    let filter = move |s: Option<IdeaStatus>, label: &'static str| {
        let href = s.map_or("/complaints/ideas".to_string(), |s| {
            format!("/complaints/ideas?status={}", s.key())
        });
        view! { <a href=href class="chip" class:active=current == s aria-current=(current == s).then_some("true")>{label}</a> }
    };
    let rows = l.rows.clone();
    view! {
        <PageHeader
            title="Service ideas"
            lede="Ways to serve customers better, from anyone here, front line and back office. Counted on the KPI page once in practice."
        >
            <a class="button" href=csv download="" rel="external">"Download CSV"</a>
        </PageHeader>
        {tabs(Section::Ideas)}
        <section class="card">
            <h2>"Log an idea"</h2>
            <IdeaForm complaint_id=None />
        </section>
        <nav class="chips" aria-label="Show">
            {filter(None, "All")}
            {IdeaStatus::ALL.iter().map(|s| filter(Some(*s), s.label())).collect_view()}
        </nav>
        {if rows.is_empty() {
            view! { <EmptyState title="No ideas here yet" body="Log the first above: what would make the next customer's contact easier?" /> }.into_any()
        } else {
            view! {
                <ul class="idea-list">
                    {rows.into_iter().map(|i| view! { <Idea i=i /> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn Idea(i: IdeaRow) -> impl IntoView {
    let class = match i.status {
        IdeaStatus::InPractice => "badge ok",
        IdeaStatus::Declined => "badge subtle",
        IdeaStatus::Agreed => "badge info",
        IdeaStatus::Proposed => "badge warn",
    };
    let next = i.next.clone();
    view! {
        <li class="card idea">
            <div class="idea-head">
                <h3>{i.title.clone()}</h3>
                <span class=class>{i.status.label()}</span>
            </div>
            {(!i.detail.is_empty()).then(|| view! { <p>{i.detail.clone()}</p> })}
            <p class="muted small">
                {format!("{} · {}", i.by, i.logged_on)}
                {(!i.involves.is_empty()).then(|| format!(" · involves {}", i.involves))}
                {i.in_practice_on.clone().map(|d| format!(" · in practice since {d}"))}
                {i.complaint_id.map(|c| view! { " · " <a href=format!("/complaints/{c}")>"from a complaint"</a> })}
            </p>
            {i.reason.clone().map(|r| view! { <p class="small">{format!("Declined: {r}")}</p> })}
            {(!next.is_empty()).then(|| view! { <Decide id=i.id next=next.clone() title=i.title.clone() /> })}
        </li>
    }
}

#[component]
fn Decide(id: i32, next: Vec<IdeaStatus>, title: String) -> impl IntoView {
    let reload = use_reload();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let verb = |s: IdeaStatus| match s {
        IdeaStatus::Agreed => "Agree",
        IdeaStatus::InPractice => "Mark in practice",
        IdeaStatus::Declined => "Decline",
        IdeaStatus::Proposed => "Propose",
    };
    let decide = move |s: IdeaStatus| {
        let reason = reason.get();
        spawn_local(async move {
            match decide_idea(id, s, reason).await {
                Ok(()) => reload.run(),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <div class="idea-decide">
            <div class="field compact">
                <label for=format!("reason-{id}")>"Reason (to decline)"</label>
                <input id=format!("reason-{id}") bind:value=reason />
            </div>
            {next.into_iter().map(|s| view! {
                <button class="button small" class:primary=s != IdeaStatus::Declined type="button"
                    aria-label=format!("{} \u{201c}{}\u{201d}", verb(s), title)
                    on:click=move |_| decide(s)>
                    {verb(s)}
                </button>
            }).collect_view()}
            <FormAlert error=error />
        </div>
    }
}

/// Logging an idea, on its own or from a complaint.
#[component]
pub(super) fn IdeaForm(complaint_id: Option<i32>) -> impl IntoView {
    let reload = use_reload();
    let title = RwSignal::new(String::new());
    let detail = RwSignal::new(String::new());
    let involves = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<i32, AppError>>);
    let pending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let idea = NewIdea {
            title: title.get_untracked(),
            detail: detail.get_untracked(),
            involves: involves.get_untracked(),
            complaint_id,
        };
        pending.set(true);
        spawn_local(async move {
            let r = log_idea(idea).await;
            pending.set(false);
            if r.is_ok() {
                title.set(String::new());
                detail.set(String::new());
                involves.set(String::new());
                reload.run();
            }
            result.set(Some(r));
        });
    };
    let err = move |field: &'static str| field_note(result, field);
    let general = unfielded_error(result);
    let prefix = if complaint_id.is_some() { "ci" } else { "ni" };
    view! {
        <form class="form idea-form" novalidate on:submit=submit>
            <div class="field">
                <label for=format!("{prefix}-title")>"Idea"</label>
                <input id=format!("{prefix}-title") bind:value=title placeholder="e.g. Text customers when the engineer is 30 minutes away" />
                {err("title")}
            </div>
            <div class="field">
                <label for=format!("{prefix}-detail")>"What would change, and for whom (optional)"</label>
                <textarea id=format!("{prefix}-detail") rows="2" bind:value=detail></textarea>
                {err("detail")}
            </div>
            <div class="field">
                <label for=format!("{prefix}-involves")>"Teams it needs (optional)"</label>
                <input id=format!("{prefix}-involves") bind:value=involves placeholder="e.g. Scheduling, Billing" />
                {err("involves")}
            </div>
            {move || result.get().and_then(|r| r.ok()).map(|_| view! { <p class="notice notice-ok" role="status">"Idea logged. A leader will look at it."</p> })}
            <FormAlert error=general />
            <SubmitButton label="Log the idea" busy_label="Logging…" pending=pending />
        </form>
    }
}
