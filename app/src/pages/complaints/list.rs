//! `/complaints`: the register, filtered by address, newest first, a page
//! at a time.

use super::{status_badge, tabs, Section};
use crate::api::complaints::list_complaints;
use crate::components::feedback::{reloadable, EmptyState};
use crate::components::layout::PageHeader;
use crate::components::table::DataTable;
use crate::domain::calls::Rectification;
use crate::domain::complaints::{ComplaintCategory, ComplaintStatus};
use crate::types::{ComplaintList, ComplaintQuery, ComplaintRow};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[component]
pub(super) fn Register() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| ComplaintQuery::from_params(|k| p.get(k))));
    let list = Resource::new(move || query.get(), list_complaints);
    view! { {reloadable(list, move |l| view! { <RegisterBody l=l /> }.into_any())} }
}

fn href(q: &ComplaintQuery) -> String {
    format!("/complaints?{}", q.to_params(true))
}

#[component]
fn RegisterBody(l: ComplaintList) -> impl IntoView {
    let navigate = use_navigate();
    let q = l.query.clone();
    // Each filter writes its part of the query and goes to that address.
    let set = {
        let q = q.clone();
        move |f: fn(&mut ComplaintQuery, &str)| {
            let (q, navigate) = (q.clone(), navigate.clone());
            move |ev: leptos::ev::Event| {
                let mut next = q.clone();
                next.before = None;
                f(&mut next, &event_target_value(&ev));
                navigate(
                    &href(&next),
                    NavigateOptions {
                        scroll: false,
                        ..Default::default()
                    },
                );
            }
        }
    };
    let status_value = if q.open {
        "open".to_string()
    } else {
        q.status.map(|s| s.key().to_string()).unwrap_or_default()
    };
    let csv = format!("/export/complaints.csv?{}", q.to_params(false));
    let next = l.next.map(|before| {
        href(&ComplaintQuery {
            before: Some(before),
            ..q.clone()
        })
    });
    let team_value = q.team_id.map(|t| t.to_string()).unwrap_or_default();
    let agent_value = q.agent_id.map(|t| t.to_string()).unwrap_or_default();
    let filtered = q != ComplaintQuery::default();
    let rows = l.rows.clone();
    view! {
        <PageHeader
            title="Complaints"
            lede="Every complaint from receipt to follow-up: listen, record, put right, follow up. Each has an owner and a date."
        >
            <a class="button" href=csv download="" rel="external">"Download CSV"</a>
            {l.may_log.then(|| view! { <a class="button primary" href="/complaints/new">"Log a complaint"</a> })}
        </PageHeader>
        {tabs(Section::Register)}
        <section class="card filters" aria-label="Filters">
            <div class="field compact">
                <label for="c-status">"Status"</label>
                <select id="c-status" on:change=set(|q, v| { q.open = v == "open"; q.status = ComplaintStatus::parse(v); })>
                    <option value="" selected=status_value.is_empty()>"Any"</option>
                    <option value="open" selected=status_value == "open">"Open (not closed)"</option>
                    {ComplaintStatus::ALL.iter().map(|s| view! {
                        <option value=s.key() selected=status_value == s.key()>{s.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            {(l.teams.len() > 1).then(|| view! {
                <div class="field compact">
                    <label for="c-team">"Team"</label>
                    <select id="c-team" on:change=set(|q, v| q.team_id = v.parse().ok())>
                        <option value="">"All teams"</option>
                        {l.teams.iter().map(|t| view! { <option value=t.id.to_string() selected=team_value == t.id.to_string()>{t.label.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            {(l.agents.len() > 1).then(|| view! {
                <div class="field compact">
                    <label for="c-agent">"Agent"</label>
                    <select id="c-agent" on:change=set(|q, v| q.agent_id = v.parse().ok())>
                        <option value="">"All agents"</option>
                        {l.agents.iter().map(|(a, _)| view! { <option value=a.id.to_string() selected=agent_value == a.id.to_string()>{a.label.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field compact">
                <label for="c-category">"Category"</label>
                <select id="c-category" on:change=set(|q, v| q.category = ComplaintCategory::parse(v))>
                    <option value="">"Any"</option>
                    {ComplaintCategory::ALL.iter().map(|c| view! { <option value=c.key() selected=q.category == Some(*c)>{c.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field compact">
                <label for="c-rect">"Rectification"</label>
                <select id="c-rect" on:change=set(|q, v| q.rectification = Rectification::parse(v).ok())>
                    <option value="">"Any"</option>
                    {Rectification::ALL.iter().map(|r| view! { <option value=r.key() selected=q.rectification == Some(*r)>{r.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field compact">
                <label for="c-overdue">"Due"</label>
                <select id="c-overdue" on:change=set(|q, v| q.overdue = v == "1")>
                    <option value="">"Any"</option>
                    <option value="1" selected=q.overdue>"Overdue only"</option>
                </select>
            </div>
            {filtered.then(|| view! { <a class="button ghost small" href="/complaints">"Clear filters"</a> })}
        </section>
        {if rows.is_empty() {
            view! {
                <EmptyState
                    title=if filtered { "No complaints match" } else { "No complaints yet" }
                    body=if filtered { "Nothing in the register matches these filters. Clear them to see every complaint you can see." } else { "Complaints appear here when a call is flagged as one, or when someone logs a complaint that came by letter, email or social media." }
                />
            }.into_any()
        } else {
            view! {
                <section class="card card-flush">
                    <DataTable headers=&["Received", "Customer", "Status", "Next step due", "Owner", "Team · agent", "Rectification"]>
                        {rows.into_iter().map(|r| view! { <Row r=r /> }).collect_view()}
                    </DataTable>
                    {next.map(|n| view! { <div class="load-more"><a class="button" href=n>"Older complaints"</a></div> })}
                </section>
            }.into_any()
        }}
    }
}

#[component]
fn Row(r: ComplaintRow) -> impl IntoView {
    let customer = if r.customer.is_empty() {
        format!("Complaint #{}", r.id)
    } else {
        r.customer.clone()
    };
    view! {
        <tr class:overdue=r.overdue>
            <td data-label="Received">{r.opened_on.clone()}</td>
            <td data-label="Customer">
                <a href=format!("/complaints/{}", r.id)>{customer}</a>
                {r.public.then(|| view! { <span class="badge warn">"Public"</span> })}
                <span class="muted small">{format!(" · {}", r.category.map(|c| c.label()).unwrap_or(r.source.label()))}</span>
            </td>
            <td data-label="Status">{status_badge(r.status, r.overdue)}</td>
            <td data-label="Next step due">
                {r.next_due.clone().unwrap_or_else(|| "–".into())}
                {r.overdue.then(|| view! { <span class="badge danger">"Overdue"</span> })}
            </td>
            <td data-label="Owner">{r.owner.clone()}</td>
            <td data-label="Team · agent">{match &r.agent { Some(a) => format!("{} · {a}", r.team), None => r.team.clone() }}</td>
            <td data-label="Rectification">{r.rectification.map(|k| k.label()).unwrap_or("–")}</td>
        </tr>
    }
}
