//! `/sampling/:id`: one sample's calls, who scores each and by when, and
//! for leaders a way to give a call to someone else.

use super::progress_bar;
use crate::api::sampling::ReassignSampledCall;
use crate::components::forms::FormAlert;
use crate::components::layout::PageHeader;
use crate::components::reload::use_reload;
use crate::components::table::DataTable;
use crate::types::{SampleCallRow, SampleCallState, SampleView, TeamCoaches};
use leptos::prelude::*;

#[component]
pub(super) fn Sample(sample: SampleView) -> impl IntoView {
    let s = sample;
    let mut lede = format!(
        "{} · drawn {} by {} · seed {}",
        s.rules, s.drawn_on, s.drawn_by, s.seed
    );
    if s.calls.len() < s.total_in_sample {
        lede.push_str(&format!(
            " · showing your teams' {} of its {} calls",
            s.calls.len(),
            s.total_in_sample
        ));
    }
    let p = s.progress;
    let may_reassign = !s.coaches.is_empty();
    let coaches = s.coaches.clone();
    view! {
        <PageHeader title=s.title.clone() lede=lede>
            <a class="button ghost" href="/sampling">"All samples"</a>
        </PageHeader>
        <section class="card sample-summary" aria-label="Progress">
            <dl class="stats">
                <div><dt>"Calls"</dt><dd>{p.total}</dd></div>
                <div><dt>"Assigned"</dt><dd>{p.assigned}</dd></div>
                <div><dt>"Scored"</dt><dd>{p.scored}</dd></div>
                <div class:alert={p.overdue > 0}><dt>"Overdue"</dt><dd>{p.overdue}</dd></div>
            </dl>
            {progress_bar(p)}
        </section>
        <section class="card card-flush">
            <h2 class="card-title">"Calls"</h2>
            <DataTable headers=if may_reassign { &["Agent", "Call", "Coach", "Due", "State", "Reassign"] } else { &["Agent", "Call", "Coach", "Due", "State"] }>
                {s.calls.into_iter().map(|c| {
                    let options = may_reassign.then(|| options_for(&coaches, &c));
                    view! { <CallRow id=s.id c=c options=options /> }
                }).collect_view()}
            </DataTable>
        </section>
    }
}

fn options_for(coaches: &[TeamCoaches], c: &SampleCallRow) -> Vec<(i32, String)> {
    coaches
        .iter()
        .find(|t| t.team_id == c.team_id)
        .map(|t| t.coaches.iter().map(|o| (o.id, o.label.clone())).collect())
        .unwrap_or_default()
}

fn state_badge(state: SampleCallState) -> impl IntoView {
    let class = match state {
        SampleCallState::Scored => "badge ok",
        SampleCallState::Due => "badge info",
        SampleCallState::Overdue => "badge danger",
        SampleCallState::Unassigned => "badge warn",
    };
    view! { <span class=class>{state.label()}</span> }
}

#[component]
fn CallRow(id: i32, c: SampleCallRow, options: Option<Vec<(i32, String)>>) -> impl IntoView {
    let call_id = c.call_id;
    view! {
        <tr class:overdue=c.state == SampleCallState::Overdue>
            <td data-label="Agent">{c.agent.clone()}<span class="muted small">{format!(" · {}", c.team)}</span></td>
            <td data-label="Call">
                <a href=format!("/calls/{call_id}")>{c.occurred.clone()}</a>
                <span class="muted small">{format!(" · {} ", c.channel.label())}</span>
                {c.complaint.then(|| view! { <span class="badge warn">"Complaint"</span> })}
            </td>
            <td data-label="Coach">{c.coach.clone().unwrap_or_else(|| "–".into())}</td>
            <td data-label="Due">{c.due_on.clone()}</td>
            <td data-label="State">{state_badge(c.state)}</td>
            {options.map(|o| view! {
                <td data-label="Reassign">
                    {(c.state != SampleCallState::Scored).then(|| view! { <Reassign id=id c=c.clone() options=o /> })}
                </td>
            })}
        </tr>
    }
}

#[component]
fn Reassign(id: i32, c: SampleCallRow, options: Vec<(i32, String)>) -> impl IntoView {
    let reassign = ServerAction::<ReassignSampledCall>::new();
    let reload = use_reload();
    Effect::new(move |_| {
        if let Some(Ok(())) = reassign.value().get() {
            reload.run();
        }
    });
    let call_id = c.call_id;
    let coach = RwSignal::new(c.coach_id.map(|v| v.to_string()).unwrap_or_default());
    let due = RwSignal::new(c.due_iso.clone());
    let error = move || match reassign.value().get() {
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    };
    let who = format!("{}'s call of {}", c.agent, c.occurred);
    view! {
        <form class="reassign" on:submit=move |ev| {
            ev.prevent_default();
            reassign.dispatch(ReassignSampledCall {
                id,
                call_id,
                coach_id: coach.get().parse().ok(),
                due_on: due.get(),
            });
        }>
            <select aria-label=format!("Coach for {who}") on:change=move |ev| coach.set(event_target_value(&ev))>
                <option value="" selected=c.coach_id.is_none()>"Unassigned"</option>
                {options.into_iter().map(|(oid, name)| view! {
                    <option value=oid.to_string() selected=c.coach_id == Some(oid)>{name}</option>
                }).collect_view()}
            </select>
            <input type="date" aria-label=format!("Due date for {who}") bind:value=due />
            <button class="button small" type="submit" disabled=move || reassign.pending().get()>"Save"</button>
            <FormAlert error=Signal::derive(error) />
        </form>
    }
}
