//! Setting a behavioural target, and a target's page: status computed from
//! scored calls, the evidence, agreement, check-ins and practice.

use crate::api::development::{
    get_target, get_target_form, AgreeTarget, CheckInTarget, CreateTarget,
};
use crate::components::charts::TargetChart;
use crate::components::feedback::{loaded, reloadable};
use crate::components::forms::{
    field_error, focus_first_error, form_error, until_edited, FormAlert, SelectField, SubmitButton,
};
use crate::components::layout::{AppShell, PageHeader};
use crate::components::reload::{provide_reload, use_reload};
use crate::components::table::DataTable;
use crate::domain::benchmark::MIN_CALLS;
use crate::domain::scoring::LEVEL_NAMES;
use crate::pages::development::{fmt1, PracticeList, TargetStatusBadge};
use crate::pages::kpis::TargetChange;
use crate::types::{TargetForm, TargetView};
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

#[component]
pub fn NewTargetPage() -> impl IntoView {
    view! {
        <AppShell title="Set a target">
            <NewTarget />
        </AppShell>
    }
}

#[component]
fn NewTarget() -> impl IntoView {
    let query = use_query_map();
    let agent = query.with_untracked(|q| q.get("agent").and_then(|v| v.parse::<i32>().ok()));
    let behaviour =
        query.with_untracked(|q| q.get("behaviour").and_then(|v| v.parse::<i32>().ok()));
    let form = Resource::new(move || agent, get_target_form);
    view! {
        {loaded(form, move |f| view! { <TargetEditor form=f preselect=behaviour /> }.into_any())}
    }
}

#[component]
fn TargetEditor(form: TargetForm, preselect: Option<i32>) -> impl IntoView {
    let create = ServerAction::<CreateTarget>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&format!("/targets/{id}"), Default::default());
        }
    });
    let result = move || create.value().get();
    let behaviours = StoredValue::new(form.behaviours.clone());
    let first = preselect
        .filter(|id| form.behaviours.iter().any(|b| b.0 == *id))
        .or_else(|| form.behaviours.first().map(|b| b.0))
        .unwrap_or_default();
    let behaviour = RwSignal::new(first.to_string());
    let chosen = move || {
        let id: i32 = behaviour.get().parse().unwrap_or_default();
        behaviours.with_value(|bs| bs.iter().find(|b| b.0 == id).cloned())
    };
    let default_level = move || {
        chosen()
            .and_then(|b| b.2.map(|c| ((c.mean.floor() as u8) + 1).clamp(2, 5)))
            .unwrap_or(4)
    };
    let level = RwSignal::new(default_level().to_string());
    // A new behaviour suggests a level one above its coach rating.
    Effect::new(move |prev: Option<String>| {
        let b = behaviour.get();
        if prev.is_some_and(|p| p != b) {
            level.set(default_level().to_string());
        }
        b
    });
    let today = NaiveDate::parse_from_str(&form.today, "%Y-%m-%d").ok();
    let due = RwSignal::new(
        today
            .map(|d| (d + Duration::days(42)).to_string())
            .unwrap_or_default(),
    );
    let plan = RwSignal::new(String::new());
    let agent_id = form.agent.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateTarget {
            agent_id,
            behaviour_id: behaviour.get().parse().unwrap_or_default(),
            level: level.get().parse().unwrap_or_default(),
            due_on: due.get(),
            plan: plan.get(),
        });
    };
    const FIELDS: &[&str] = &["behaviour_id", "level", "due_on", "plan"];
    let all = form.behaviours.clone();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form_ref, result);
    let (due_error, due_edited) = until_edited(field_error(result, "due_on"));
    let (plan_error, plan_edited) = until_edited(field_error(result, "plan"));
    view! {
        <PageHeader title="Set a target" lede=format!("A behavioural target for {}. Progress comes only from calls your coaches score after today.", form.agent.name) />
        <form class="card form target-form" novalidate on:submit=submit node_ref=form_ref>
            <SelectField label="Behaviour" name="behaviour" value=behaviour error=field_error(result, "behaviour_id")>
                {all.into_iter().map(|(id, name, _, _)| view! { <option value=id.to_string() selected=id == first>{name}</option> }).collect_view()}
            </SelectField>
            <div class="baseline">
                <span class="muted small">"Baseline: the coach rating now"</span>
                <strong>{move || match chosen().and_then(|b| b.2) {
                    Some(c) => format!("{} over {} call{} in the last 90 days{}", fmt1(c.mean), c.calls, if c.calls == 1 { "" } else { "s" }, if c.calls < MIN_CALLS { " (few calls: treat it with care)" } else { "" }),
                    None => "No scored calls in the last 90 days: the target starts without a baseline.".to_string(),
                }}</strong>
            </div>
            <SelectField label="Target level" name="level" value=level error=field_error(result, "level")>
                {(2..=5).map(|l: usize| view! { <option value=l.to_string()>{format!("{l} · {}", LEVEL_NAMES[l - 1])}</option> }).collect_view()}
            </SelectField>
            <p class="hint">{move || {
                let l: usize = level.get().parse().unwrap_or(4);
                chosen().and_then(|b| b.3.get(l.clamp(1, 5) - 1).cloned()).map(|a| format!("What it sounds like: {a}")).unwrap_or_default()
            }}</p>
            <div class="field" class:has-error=move || due_error.get().is_some()>
                <label for="field-due">"Due date"</label>
                <input id="field-due" type="date" bind:value=due on:input=move |_| due_edited()
                    aria-invalid=move || due_error.get().is_some().then_some("true")
                    aria-describedby=move || if due_error.get().is_some() { "field-due-hint field-due-error" } else { "field-due-hint" } />
                <p class="hint" id="field-due-hint">"Achieved means a mean at the target level over at least 3 calls scored by then."</p>
                {move || due_error.get().map(|e| view! { <p class="field-error" id="field-due-error">{e}</p> })}
            </div>
            <div class="field" class:has-error=move || plan_error.get().is_some()>
                <label for="field-plan">"Practice plan"</label>
                <textarea id="field-plan" rows="4" maxlength="2000" bind:value=plan on:input=move |_| plan_edited()
                    aria-invalid=move || plan_error.get().is_some().then_some("true")
                    aria-describedby=move || plan_error.get().is_some().then_some("field-plan-error")
                    placeholder="e.g. Two role-plays a week with a peer on billing disputes; listen back to one call each Friday."></textarea>
                {move || plan_error.get().map(|e| view! { <p class="field-error" id="field-plan-error">{e}</p> })}
            </div>
            <FormAlert error=form_error(result, FIELDS) />
            <div class="form-actions">
                <SubmitButton label="Set target" busy_label="Setting…" pending=create.pending() />
            </div>
        </form>
    }
}

#[component]
pub fn TargetPage() -> impl IntoView {
    view! {
        <AppShell title="Target">
            <Target />
        </AppShell>
    }
}

#[component]
fn Target() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let reload = provide_reload();
    let data = Resource::new(move || (id(), reload.version()), |(key, _)| get_target(key));
    view! {
        {reloadable(data, move |t| view! { <TargetDetail target=t /> }.into_any())}
    }
}

#[component]
fn TargetDetail(target: TargetView) -> impl IntoView {
    let t = target;
    let s = t.summary.clone();
    let back = format!("/development?agent={}", t.agent.id);
    let p = t.progress.clone();
    view! {
        <PageHeader title=format!("{} → level {}", s.behaviour, s.level) lede=format!("{} · set {} by {} · due {}", t.agent.name, t.set_on, t.set_by, s.due_on)>
            <a class="button" href=back>"Development"</a>
        </PageHeader>
        <section class=format!("card status-card {}", p.status.class())>
            <div class="status-head">
                <TargetStatusBadge status=p.status />
                <p class="status-reason">{p.reason.clone()}</p>
            </div>
            <div class="status-body">
            <dl class="stat-row">
                <div><dt>"Baseline"</dt><dd>{s.baseline.map_or("—".to_string(), fmt1)}</dd><dd class="muted small">{format!("{} call{} before", t.baseline_calls, if t.baseline_calls == 1 { "" } else { "s" })}</dd></div>
                <div><dt>"Since it was set"</dt><dd>{p.mean.map_or("—".to_string(), fmt1)}</dd><dd class="muted small">{format!("mean of {} call{}", p.calls, if p.calls == 1 { "" } else { "s" })}</dd></div>
                {match p.achieved_on.as_ref() {
                    Some(_) => view! { <div><dt>"Achieved on"</dt><dd class="stat-date">{s.achieved_on.clone().unwrap_or_default()}</dd><dd class="muted small">"stays achieved"</dd></div> }.into_any(),
                    None => view! { <div><dt>"Trend by the due date"</dt><dd>{p.projected.map_or("—".to_string(), fmt1)}</dd><dd class="muted small">{if p.trend.is_some() { "least-squares line over the calls" } else { "read from 3 calls" }}</dd></div> }.into_any(),
                }}
                <div><dt>"Target"</dt><dd>{s.level}</dd><dd class="muted small">{LEVEL_NAMES[(s.level as usize).clamp(1, 5) - 1]}</dd></div>
            </dl>
            <TargetChart evidence=t.evidence.clone() baseline=s.baseline level=s.level trend=p.trend horizon=t.horizon_days today=t.today_day due_label=s.due_on.clone() />
            </div>
        </section>
        <div class="grid two">
            <section class="card">
                <h2>{format!("What level {} sounds like", s.level)}</h2>
                <p>{t.target_anchor.clone()}</p>
                {(!t.behaviour_definition.is_empty()).then(|| view! { <p class="muted small">{t.behaviour_definition.clone()}</p> })}
                <h3 class="subhead">"Practice plan"</h3>
                <p class="pre">{t.plan.clone()}</p>
            </section>
            <Agreement target=t.clone() />
        </div>
        <section class="card card-flush" aria-labelledby="did-coaching-work">
            <h2 id="did-coaching-work" class="card-title">"Did coaching work?"</h2>
            <TargetChange row=t.coaching.clone() windows=t.coaching_windows.clone() />
        </section>
        <section class="card card-flush">
            <h2 class="card-title">"Calls since the target was set"</h2>
            {if t.evidence.is_empty() {
                view! { <p class="table-note">"No calls scored on this behaviour since the target was set. Progress appears here as coaches score calls."</p> }.into_any()
            } else {
                let evidence = t.evidence.clone();
                view! {
                    <DataTable headers=&["Call", "Level", "Scored by", "Review"]>
                        {evidence.iter().map(|e| {
                            let level = match (e.level, e.reviews.as_slice()) {
                                (None, _) => "N/A (not counted)".to_string(),
                                (Some(_), [(_, _, rating, _)]) => rating.clone(),
                                (Some(l), many) => format!("{l:.1} (mean of {} reviews)", many.len()),
                            };
                            view! {
                                <tr class:muted=!e.counted>
                                    <td data-label="Call">{e.call_on.clone()}{(!e.counted).then_some(" (after the due date)")}</td>
                                    <td data-label="Level">{level}</td>
                                    <td data-label="Scored by">{e.reviews.iter().map(|(_, coach, rating, on)| if e.reviews.len() > 1 { format!("{coach} ({rating}, {on})") } else { format!("{coach}, {on}") }).collect::<Vec<_>>().join("; ")}</td>
                                    <td data-label="Review">{e.reviews.iter().map(|(id, ..)| view! { <a href=format!("/reviews/{id}")>"Open review"</a>" " }).collect_view()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
        </section>
        <div class="grid two">
            <section class="card">
                <h2>"Practice for this target"</h2>
                <PracticeList entries=t.practice.clone() />
            </section>
            <CheckIns target=t />
        </div>
    }
}

#[component]
fn Agreement(target: TargetView) -> impl IntoView {
    let reload = use_reload();
    let agree = ServerAction::<AgreeTarget>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = agree.value().get() {
            reload.run();
        }
    });
    let comment = RwSignal::new(String::new());
    let id = target.summary.id;
    let result = move || agree.value().get();
    view! {
        <section class="card">
            <h2>"Coach agreement"</h2>
            {match (&target.agreed_by, &target.agreed_on) {
                (Some(by), Some(on)) => view! { <p class="agreed">{format!("Agreed by {by} on {on}.")}</p> }.into_any(),
                _ => view! { <p class="muted">"Not yet agreed by a coach."</p> }.into_any(),
            }}
            {target.can_agree.then(|| view! {
                <form class="form" novalidate on:submit=move |ev| {
                    ev.prevent_default();
                    agree.dispatch(AgreeTarget { id, comment: comment.get() });
                }>
                    <div class="field">
                        <label for="field-agree-comment">"Comment (optional)"</label>
                        <textarea id="field-agree-comment" rows="2" bind:value=comment placeholder="e.g. Good choice; let's listen to two calls together next week."></textarea>
                    </div>
                    <FormAlert error=form_error(result, &[]) />
                    <SubmitButton label="Agree to this target" busy_label="Saving…" pending=agree.pending() />
                </form>
            })}
        </section>
    }
}

#[component]
fn CheckIns(target: TargetView) -> impl IntoView {
    let reload = use_reload();
    let check_in = ServerAction::<CheckInTarget>::new();
    let note = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(())) = check_in.value().get() {
            note.set(String::new());
            reload.run();
        }
    });
    let id = target.summary.id;
    let result = move || check_in.value().get();
    view! {
        <section class="card">
            <h2>"Check-ins"</h2>
            {if target.checkins.is_empty() {
                view! { <p class="muted">"No check-ins yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="checkins">
                        {target.checkins.iter().map(|c| view! {
                            <li><p class="pre">{c.note.clone()}</p><span class="muted small">{format!("{} · {}", c.author, c.when)}</span></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {target.can_check_in.then(|| view! {
                <form class="form" novalidate on:submit=move |ev| {
                    ev.prevent_default();
                    check_in.dispatch(CheckInTarget { id, note: note.get() });
                }>
                    <div class="field" class:has-error=move || field_error(result, "note").get().is_some()>
                        <label for="field-checkin">"New check-in"</label>
                        <textarea id="field-checkin" rows="3" bind:value=note placeholder="What did you try? What happened? What next?"></textarea>
                        {move || field_error(result, "note").get().map(|e| view! { <p class="field-error">{e}</p> })}
                    </div>
                    <FormAlert error=form_error(result, &["note"]) />
                    <SubmitButton label="Add check-in" busy_label="Adding…" pending=check_in.pending() />
                </form>
            })}
        </section>
    }
}
