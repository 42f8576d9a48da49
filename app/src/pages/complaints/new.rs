//! `/complaints/new`: logging a complaint, from a call (`?call=ID`) or for
//! a contact that came another way.

use crate::api::complaints::{log_complaint, new_complaint_form};
use crate::components::feedback::reloadable;
use crate::components::forms::{
    field_error, focus_first_error, form_error, FormAlert, SubmitButton,
};
use crate::components::layout::PageHeader;
use crate::domain::complaints::{ComplaintCategory, ComplaintSource};
use crate::error::AppError;
use crate::types::{ComplaintForm, NewComplaint};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub(super) fn NewComplaintPage() -> impl IntoView {
    let params = use_query_map();
    let call =
        Memo::new(move |_| params.with(|p| p.get("call").and_then(|c| c.parse::<i32>().ok())));
    let form = Resource::new(move || call.get(), new_complaint_form);
    view! { {reloadable(form, move |f| view! { <NewForm f=f /> }.into_any())} }
}

/// A labelled select whose error is read from the latest result.
fn error_of(
    result: RwSignal<Option<Result<i32, AppError>>>,
    field: &'static str,
) -> Signal<Option<String>> {
    field_error(move || result.get(), field)
}

#[component]
fn NewForm(f: ComplaintForm) -> impl IntoView {
    let navigate = use_navigate();
    let from_call = f.call.clone();
    let first_team = from_call
        .as_ref()
        .map(|c| c.2)
        .or_else(|| f.teams.first().map(|t| t.id))
        .unwrap_or_default();
    let team = RwSignal::new(first_team.to_string());
    let agent = RwSignal::new(
        from_call
            .as_ref()
            .map(|c| c.3.to_string())
            .unwrap_or_default(),
    );
    let source = RwSignal::new(String::new());
    let public = RwSignal::new(false);
    let customer = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let said = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(f.default_due.clone());
    let link = RwSignal::new(String::new());
    let result = RwSignal::new(None::<Result<i32, AppError>>);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form_ref, move || result.get());
    let pending = RwSignal::new(false);
    let call_id = from_call.as_ref().map(|c| c.0);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewComplaint {
            call_id,
            team_id: team.get_untracked().parse().ok(),
            agent_id: agent.get_untracked().parse().ok(),
            source: ComplaintSource::parse(&source.get_untracked()),
            public: public.get_untracked(),
            customer: customer.get_untracked(),
            category: ComplaintCategory::parse(&category.get_untracked()),
            said: said.get_untracked(),
            owner_id: owner.get_untracked().parse().ok(),
            due_on: due.get_untracked(),
            material_link: link.get_untracked(),
        };
        pending.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let r = log_complaint(input).await;
            pending.set(false);
            match r {
                // Navigating disposes this form: nothing of it is set after.
                Ok(id) => navigate(&format!("/complaints/{id}"), Default::default()),
                Err(e) => result.set(Some(Err(e))),
            }
        });
    };
    let agents = f.agents.clone();
    let owners = f.owners.clone();
    let general = form_error(
        move || result.get(),
        &[
            "source",
            "team_id",
            "agent_id",
            "customer",
            "category",
            "said",
            "owner_id",
            "due_on",
            "material_link",
        ],
    );
    let lede = match &from_call {
        Some((_, label, _, _)) => format!("From the {label}. Write what the customer said in their words; the owner takes it from here."),
        None => "For a complaint that came by letter, email, social media or in person. Write what the customer said in their words.".into(),
    };
    let existing = f.existing;
    view! {
        <PageHeader title="Log a complaint" lede=lede>
            <a class="button ghost" href="/complaints">"Complaint register"</a>
        </PageHeader>
        {existing.map(|id| view! {
            <div class="form-alert" role="status">
                "This call's complaint is already in the register: "
                <a href=format!("/complaints/{id}")>{format!("complaint #{id}")}</a>"."
            </div>
        })}
        <form node_ref=form_ref class="card form complaint-form" novalidate on:submit=submit>
            {from_call.is_none().then(|| view! {
                <div class="field">
                    <label for="cf-source">"How it came in"</label>
                    <select id="cf-source" bind:value=source aria-invalid=move || error_of(result, "source").get().map(|_| "true")>
                        <option value="">"Choose…"</option>
                        {ComplaintSource::ALL.iter().filter(|s| **s != ComplaintSource::Call).map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                    </select>
                    {move || error_of(result, "source").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <label class="check">
                    <input type="checkbox" bind:checked=public />
                    " Made in public (a post or review)"
                </label>
                {move || public.get().then(|| view! {
                    <p class="hint">"Answer quickly and in public to acknowledge it, then continue the conversation in private."</p>
                })}
                <div class="field">
                    <label for="cf-team">"Team"</label>
                    <select id="cf-team" bind:value=team>
                        {f.teams.iter().map(|t| view! { <option value=t.id.to_string()>{t.label.clone()}</option> }).collect_view()}
                    </select>
                    {move || error_of(result, "team_id").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field">
                    <label for="cf-agent">"Taken by"</label>
                    <select id="cf-agent" bind:value=agent>
                        <option value="">"Nobody in particular"</option>
                        {move || {
                            let t: i32 = team.get().parse().unwrap_or_default();
                            agents.iter().filter(|(_, at)| *at == t).map(|(a, _)| view! { <option value=a.id.to_string()>{a.label.clone()}</option> }).collect_view()
                        }}
                    </select>
                    {move || error_of(result, "agent_id").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
            })}
            <div class="field">
                <label for="cf-customer">"Customer (name or reference)"</label>
                <input id="cf-customer" bind:value=customer autocomplete="off" />
                {move || error_of(result, "customer").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <div class="field">
                <label for="cf-said">"What the customer said"</label>
                <textarea id="cf-said" rows="4" bind:value=said aria-describedby="cf-said-hint"></textarea>
                <p class="hint" id="cf-said-hint">"Listen first: the details as they told them. Leave it empty to record it later."</p>
                {move || error_of(result, "said").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <div class="field">
                <label for="cf-category">"About"</label>
                <select id="cf-category" bind:value=category>
                    <option value="">"Choose when recording…"</option>
                    {ComplaintCategory::ALL.iter().map(|c| view! { <option value=c.key()>{c.label()}</option> }).collect_view()}
                </select>
                {move || error_of(result, "category").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <div class="field">
                <label for="cf-owner">"Owner"</label>
                <select id="cf-owner" bind:value=owner>
                    <option value="">"The team's coach"</option>
                    {move || {
                        let t: i32 = team.get().parse().unwrap_or_default();
                        owners.iter().filter(|o| o.team_id == t).flat_map(|o| o.coaches.clone()).map(|o| view! { <option value=o.id.to_string()>{o.label}</option> }).collect_view()
                    }}
                </select>
                {move || error_of(result, "owner_id").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <div class="field">
                <label for="cf-due">"Next step due"</label>
                <input id="cf-due" type="date" bind:value=due />
                {move || error_of(result, "due_on").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <div class="field">
                <label for="cf-link">"Link to material (optional)"</label>
                <input id="cf-link" type="url" bind:value=link placeholder="https://" />
                <p class="hint">"A post, a shared document. Files are attached on the complaint's page."</p>
                {move || error_of(result, "material_link").get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <FormAlert error=general />
            <SubmitButton label="Log the complaint" busy_label="Logging…" pending=pending />
        </form>
    }
}
