//! `/complaints/:id`: one complaint, its next step, its owner, its
//! material, the call's recovery ratings beside it and every stamped step.

use super::ideas::IdeaForm;
use super::status_badge;
use super::steps::NextSteps;
use crate::api::complaints::{assign_complaint, get_complaint, set_complaint_link};
use crate::components::feedback::reloadable;
use crate::components::forms::FormAlert;
use crate::components::layout::PageHeader;
use crate::components::reload::{provide_reload, use_reload};
use crate::components::upload::send_file;
use crate::domain::complaints::ComplaintStatus;
use crate::domain::material::{material_too_large, MAX_MATERIAL_BYTES};
use crate::types::{ComplaintView, Recovery};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub(super) fn Complaint() -> impl IntoView {
    let id = crate::pages::calibration::id_under("/complaints");
    let reload = provide_reload();
    let one = Resource::new(
        move || (id.get(), reload.version()),
        |(id, _)| async move { get_complaint(id.unwrap_or_default()).await },
    );
    view! { {reloadable(one, move |c| view! { <Body c=c /> }.into_any())} }
}

fn yes_no(v: Option<bool>, unknown: &'static str) -> &'static str {
    match v {
        Some(true) => "Yes",
        Some(false) => "No",
        None => unknown,
    }
}

#[component]
fn Body(c: ComplaintView) -> impl IntoView {
    let title = if c.customer.is_empty() {
        format!("Complaint #{}", c.id)
    } else {
        format!("Complaint from {}", c.customer)
    };
    let lede = format!(
        "{} · {}{}",
        c.team,
        c.agent
            .clone()
            .map(|a| format!("taken by {a}"))
            .unwrap_or_else(|| "taken by nobody in particular".into()),
        c.call_label
            .clone()
            .map(|l| format!(" · {l}"))
            .unwrap_or_default()
    );
    let call_href = match &c.recovery {
        Recovery::NotScored { call_id, .. } | Recovery::Scored { call_id, .. } => {
            Some(format!("/calls/{call_id}"))
        }
        Recovery::NoCall => None,
    };
    let closed = c.status == ComplaintStatus::Closed;
    view! {
        <PageHeader title=title lede=lede>
            <a class="button ghost" href="/complaints">"Complaint register"</a>
            {call_href.map(|h| view! { <a class="button" href=h>"The call"</a> })}
        </PageHeader>
        <section class="card complaint-summary" aria-label="Where it is">
            <dl class="stats">
                <div><dt>"Status"</dt><dd>{status_badge(c.status, c.overdue)}</dd></div>
                <div class:alert=c.overdue><dt>{if c.status == ComplaintStatus::FollowUpDue { "Follow-up due" } else { "Next step due" }}</dt><dd>{c.next_due.clone().unwrap_or_else(|| "–".into())}{c.overdue.then_some(" · overdue")}</dd></div>
                <div><dt>"Owner"</dt><dd>{c.owner.clone()}</dd></div>
                <div><dt>"Reopened"</dt><dd>{if c.reopened == 0 { "Never".to_string() } else { format!("{} time{}", c.reopened, if c.reopened == 1 { "" } else { "s" }) }}</dd></div>
            </dl>
        </section>
        <div class="grid call-grid">
            <section class="card">
                <h2>"The complaint"</h2>
                <dl class="details">
                    <div><dt>"Came in"</dt><dd>{c.source.label()}{c.public.then(|| view! { <span class="badge warn">"Public"</span> })}</dd></div>
                    {c.public.then(|| view! { <p class="hint">"Made in public: acknowledge it publicly and quickly, then continue in private."</p> })}
                    <div><dt>"About"</dt><dd>{c.category.map(|k| k.label()).unwrap_or("Not recorded yet")}</dd></div>
                    <div><dt>"What the customer said"</dt><dd class="prose">{if c.said.is_empty() { "Not recorded yet.".to_string() } else { c.said.clone() }}</dd></div>
                    <div><dt>"Rectification"</dt><dd>{match c.rectification {
                        Some(r) => format!("{}{}{}", r.label(), c.refund.clone().map(|a| format!(" of {a}")).unwrap_or_default(), c.rectification_note.clone().map(|n| format!(" · {n}")).unwrap_or_default()),
                        None => "None offered yet".into(),
                    }}</dd></div>
                    <div><dt>"Accepted by the customer"</dt><dd>{yes_no(c.accepted, "Not known yet")}</dd></div>
                    <div><dt>"Follow-up"</dt><dd>{match (&c.follow_up_on, &c.followed_up_on) {
                        (Some(on), Some(done)) => format!("Arranged for {on}, done {done}"),
                        (Some(on), None) => format!("Arranged for {on}{}", c.follow_up_note.clone().map(|n| format!(" · {n}")).unwrap_or_default()),
                        (None, Some(done)) => format!("Done {done}"),
                        (None, None) => "Not arranged yet".into(),
                    }}</dd></div>
                    {closed.then(|| view! {
                        <div><dt>"Customer satisfied"</dt><dd>{yes_no(c.satisfied, "–")}{c.outcome_note.clone().map(|n| format!(" · {n}"))}</dd></div>
                    })}
                </dl>
            </section>
            <Recovered r=c.recovery.clone() />
        </div>
        {(!c.moves.is_empty()).then(|| view! { <NextSteps c=c.clone() /> })}
        <Material c=c.clone() />
        {(c.may_handle && !closed).then(|| view! { <Assign c=c.clone() /> })}
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">"History"</h2>
            <ol class="step-history">
                {c.steps.iter().map(|s| view! {
                    <li>
                        <strong>{s.event.label()}</strong>
                        <span class="muted small">{format!(" · {} · {}", s.by, s.at)}</span>
                        {s.note.clone().map(|n| view! { <p class="small">{n}</p> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
        <section class="card" aria-labelledby="ideas-title">
            <h2 id="ideas-title">"Service ideas from this complaint"</h2>
            {if c.ideas.is_empty() {
                view! { <p class="muted">"None yet. One complaining customer often speaks for many: what would stop this happening again?"</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {c.ideas.iter().map(|i| view! {
                            <li><a href="/complaints/ideas">{i.title.clone()}</a>" "<span class="badge subtle">{i.status.label()}</span></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <IdeaForm complaint_id=Some(c.id) />
        </section>
    }
}

/// How the agent handled the complaint on the call, when it was scored.
#[component]
fn Recovered(r: Recovery) -> impl IntoView {
    view! {
        <section class="card">
            <h2>"On the call"</h2>
            {match r {
                Recovery::NoCall => view! { <p class="muted">"This complaint came without a call in Rapport."</p> }.into_any(),
                Recovery::NotScored { call_id, may_score } => view! {
                    <p class="muted">"The call is not scored yet, so there are no recovery ratings to show."</p>
                    {may_score.then(|| view! { <a class="button" href=format!("/calls/{call_id}")>"Score the call"</a> })}
                }.into_any(),
                Recovery::Scored { review_id, coach, ratings, .. } => view! {
                    <p class="small muted">{format!("Recovery behaviours as {coach} rated them.")}</p>
                    <dl class="details">
                        {ratings.into_iter().map(|(name, level)| view! {
                            <div><dt>{name}</dt><dd>{level.unwrap_or_else(|| "Not applicable".into())}</dd></div>
                        }).collect_view()}
                    </dl>
                    <a href=format!("/reviews/{review_id}")>"The whole review"</a>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Assign(c: ComplaintView) -> impl IntoView {
    let reload = use_reload();
    let owner = RwSignal::new(c.owner_id.to_string());
    let due = RwSignal::new(c.due_on.clone());
    let error = RwSignal::new(None::<String>);
    let id = c.id;
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (owner_id, due_on) = (owner.get().parse().unwrap_or_default(), due.get());
        spawn_local(async move {
            match assign_complaint(id, owner_id, due_on).await {
                Ok(()) => reload.run(),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="assign-title">
            <h2 id="assign-title">"Owner and due date"</h2>
            <form class="form inline-form" on:submit=save>
                <div class="field compact">
                    <label for="as-owner">"Owner"</label>
                    <select id="as-owner" bind:value=owner>
                        {c.owners.iter().map(|o| view! { <option value=o.id.to_string()>{o.label.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field compact">
                    <label for="as-due">"Due"</label>
                    <input id="as-due" type="date" bind:value=due />
                </div>
                <button class="button" type="submit">"Save"</button>
            </form>
            <FormAlert error=error />
        </section>
    }
}

/// The complaint's material: a file (checked and size-limited like a
/// recording) and or a link.
#[component]
fn Material(c: ComplaintView) -> impl IntoView {
    let reload = use_reload();
    let link = RwSignal::new(c.material_link.clone().unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<Result<String, String>>);
    let id = c.id;
    let done = Callback::new(move |r: Result<(), String>| {
        message.set(Some(r.map(|()| "Material attached.".to_string())));
        reload.run();
    });
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let size = file.size() as u64;
        if size > MAX_MATERIAL_BYTES {
            message.set(Some(Err(material_too_large(&file.name(), size))));
            return;
        }
        message.set(Some(Ok("Uploading…".into())));
        send_file(
            &format!("/media/complaints/{id}/material"),
            &file,
            None,
            done,
        );
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let link = link.get();
        spawn_local(async move {
            match set_complaint_link(id, link).await {
                Ok(()) => reload.run(),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let handles = c.may_handle;
    view! {
        <section class="card" aria-labelledby="material-title">
            <h2 id="material-title">"Material"</h2>
            <ul class="plain-list">
                {c.attachment.clone().map(|a| view! {
                    <li><a href=a.href download="" rel="external">{a.name}</a><span class="muted small">{format!(" · {:.1} MB", a.bytes as f64 / 1_048_576.0)}</span></li>
                })}
                {c.material_link.clone().map(|l| view! { <li><a href=l.clone() rel="noopener noreferrer" target="_blank">{l.clone()}</a></li> })}
                {(c.attachment.is_none() && c.material_link.is_none()).then(|| view! { <li class="muted">"Nothing attached."</li> })}
            </ul>
            {handles.then(|| view! {
                <div class="field upload">
                    <label for="material-file">{if c.attachment.is_some() { "Replace the file" } else { "Attach a file" }}</label>
                    <input id="material-file" type="file" accept="application/pdf,image/png,image/jpeg,audio/*" on:change=on_file />
                    <p class="hint">"PDF, PNG, JPEG or a recording, up to 10 MB."</p>
                    {move || message.get().map(|m| match m {
                        Ok(t) => view! { <p class="notice notice-ok" role="status">{t}</p> }.into_any(),
                        Err(t) => view! { <p class="field-error" role="alert">{t}</p> }.into_any(),
                    })}
                </div>
                <form class="form inline-form" on:submit=save>
                    <div class="field compact">
                        <label for="material-link">"Link"</label>
                        <input id="material-link" type="url" bind:value=link placeholder="https://" />
                    </div>
                    <button class="button" type="submit">"Save the link"</button>
                </form>
                <FormAlert error=error />
            })}
        </section>
    }
}
