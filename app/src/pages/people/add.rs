//! Adding a person directly or by invitation.

#[allow(unused_imports)]
use super::*;
use crate::api::admin::{CreateUser, InviteUser};
use crate::components::forms::{
    field_error, focus_first_error, form_error, FormAlert, SubmitButton, TextField,
};
use crate::domain::roles::{Role, RoleSet};
use crate::error::AppError;
use crate::types::TeamDetail;
use leptos::prelude::*;

#[component]
pub(super) fn AddPerson(teams: Vec<TeamDetail>, on_added: Callback<()>) -> impl IntoView {
    let invite_mode = RwSignal::new(true);
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let roles = RwSignal::new(RoleSet::of(&[Role::Agent]));
    let team = RwSignal::new(String::new());
    let invite = ServerAction::<InviteUser>::new();
    let create = ServerAction::<CreateUser>::new();
    let created_name = RwSignal::new(None::<String>);

    let team_id = move || team.get().parse::<i32>().ok();
    let clear = move || {
        name.set(String::new());
        email.set(String::new());
        password.set(String::new());
    };
    Effect::new(move |_| {
        if let Some(Ok(u)) = create.value().get() {
            created_name.set(Some(u.name.clone()));
            clear();
            on_added.run(());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(_)) = invite.value().get() {
            clear();
            on_added.run(());
        }
    });

    // Whichever action ran last decides the errors shown.
    let last: Signal<Option<Result<(), AppError>>> = Signal::derive(move || {
        if invite_mode.get() {
            invite.value().get().map(|r| r.map(|_| ()))
        } else {
            create.value().get().map(|r| r.map(|_| ()))
        }
    });
    let result = move || last.get();
    let form = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form, result);
    let pending = Signal::derive(move || invite.pending().get() || create.pending().get());

    view! {
        <section class="card add-person">
            <div class="segmented" role="tablist" aria-label="How to add">
                <button type="button" role="tab" aria-selected=move || invite_mode.get().to_string() on:click=move |_| invite_mode.set(true)>
                    "Invite with a link"
                </button>
                <button type="button" role="tab" aria-selected=move || (!invite_mode.get()).to_string() on:click=move |_| invite_mode.set(false)>
                    "Create with a password"
                </button>
            </div>
            <p class="muted">
                {move || if invite_mode.get() {
                    "You get a one-time link, valid for 7 days, to send them. They choose their own password."
                } else {
                    "You set a first password and pass it on; they can change it under Account."
                }}
            </p>
            <form
                class="form form-grid"
                novalidate
                node_ref=form
                on:submit=move |ev| {
                    ev.prevent_default();
                    created_name.set(None);
                    if invite_mode.get() {
                        invite.dispatch(InviteUser {
                            name: name.get(),
                            email: email.get(),
                            roles: roles.get().to_keys(),
                            team_id: team_id(),
                        });
                    } else {
                        create.dispatch(CreateUser {
                            name: name.get(),
                            email: email.get(),
                            roles: roles.get().to_keys(),
                            password: password.get(),
                            team_id: team_id(),
                        });
                    }
                }
            >
                <TextField label="Name" name="new-name" value=name error=field_error(result, "name") />
                <TextField label="Email" name="new-email" kind="email" value=email error=field_error(result, "email") />
                <div class="span-2">
                    <RolePicker selected=roles name="new" />
                    {move || field_error(result, "roles").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field">
                    <label for="field-new-team">"Team (optional)"</label>
                    <select id="field-new-team" bind:value=team>
                        <option value="">"No team yet"</option>
                        {teams.into_iter().map(|t| view! { <option value=t.id.to_string()>{t.name}</option> }).collect_view()}
                    </select>
                    <p class="hint">"Agents join it as agents; coaches and leaders as its coach."</p>
                </div>
                <Show when=move || !invite_mode.get()>
                    <TextField
                        label="First password"
                        name="new-password"
                        kind="password"
                        autocomplete="new-password"
                        value=password
                        error=field_error(result, "password")
                    />
                </Show>
                <div class="span-2 form-foot">
                    <FormAlert error=form_error(result, &["name", "email", "roles", "password"]) />
                    {move || {
                        let label = if invite_mode.get() { "Create invitation link" } else { "Create account" };
                        view! { <SubmitButton label=label busy_label="Saving…" pending=pending /> }
                    }}
                </div>
            </form>
            {move || {
                (invite_mode.get())
                    .then(|| invite.value().get())
                    .flatten()
                    .and_then(Result::ok)
                    .map(|link| view! { <InviteLink path=link.path /> })
            }}
            {move || {
                (!invite_mode.get())
                    .then(|| created_name.get())
                    .flatten()
                    .map(|n| view! { <p class="notice notice-ok" role="status">{format!("{n} can now log in.")}</p> })
            }}
        </section>
    }
}

#[component]
pub(super) fn InviteLink(path: String) -> impl IntoView {
    // The full address is only known in the browser.
    let full = RwSignal::new(path.clone());
    Effect::new(move |_| {
        if let Ok(origin) = window().location().origin() {
            full.set(format!("{origin}{path}"));
        }
    });
    view! {
        <div class="notice notice-ok invite-link" role="status">
            <p>"Invitation created. Send this link; it works once and expires in 7 days:"</p>
            <input class="mono" readonly prop:value=move || full.get() aria-label="Invitation link" on:focus=move |ev| {
                use wasm_bindgen::JsCast;
                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    input.select();
                }
            } />
        </div>
    }
}
