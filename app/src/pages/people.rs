//! Admin: the people of the organisation, their roles and invitations.

use crate::api::admin::{
    list_invitations, list_teams, list_users, CreateUser, InviteUser, RevokeInvitation,
    SetUserActive, UpdateRoles,
};
use crate::components::feedback::{reloadable, EmptyState, Loading};
use crate::components::forms::{field_error, form_error, FormAlert, SubmitButton, TextField};
use crate::components::layout::{Access, AppShell, PageHeader};
use crate::components::reload::provide_reload;
use crate::domain::roles::{Role, RoleSet};
use crate::error::AppError;
use crate::types::{InvitationSummary, TeamDetail, UserSummary};
use leptos::prelude::*;

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! {
        <AppShell title="People" access=Access::Admin>
            <People />
        </AppShell>
    }
}

#[component]
fn People() -> impl IntoView {
    let reload = provide_reload();
    let users = Resource::new(move || reload.track(), |_| list_users());
    let invitations = Resource::new(move || reload.track(), |_| list_invitations());
    let teams = Resource::new(|| (), |_| list_teams());
    let adding = RwSignal::new(false);
    let search = RwSignal::new(String::new());
    let refresh = reload.callback();

    view! {
        <PageHeader title="People" lede="Everyone in your organisation, their roles and teams.">
            <button class="button primary" type="button" on:click=move |_| adding.update(|a| *a = !*a)>
                {move || if adding.get() { "Close" } else { "Add person" }}
            </button>
        </PageHeader>
        <Show when=move || adding.get()>
            <Suspense fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    let teams = teams.await.unwrap_or_default();
                    view! { <AddPerson teams=teams on_added=refresh /> }
                })}
            </Suspense>
        </Show>
        <section class="card card-flush">
            <div class="table-tools">
                <label class="search">
                    <span class="sr-only">"Search people"</span>
                    <input type="search" placeholder="Search by name, email or role" bind:value=search />
                </label>
            </div>
            {reloadable(users, move |list| view! { <PeopleTable users=list search=search on_changed=refresh /> }.into_any())}
        </section>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                invitations.await.ok().filter(|l| !l.is_empty()).map(|list| view! {
                    <Invitations list=list on_changed=refresh />
                })
            })}
        </Transition>
    }
}

#[component]
fn RolePicker(selected: RwSignal<RoleSet>, #[prop(into)] name: String) -> impl IntoView {
    view! {
        <fieldset class="role-picker">
            <legend>"Roles"</legend>
            {Role::ALL
                .into_iter()
                .map(|role| {
                    let id = format!("{name}-{}", role.key());
                    let label_for = id.clone();
                    view! {
                        <label class="check" for=label_for>
                            <input
                                id=id
                                type="checkbox"
                                name=format!("{name}-role")
                                value=role.key()
                                prop:checked=move || selected.get().has(role)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected.update(|s| *s = if on { s.with(role) } else { s.without(role) });
                                }
                            />
                            <span>
                                <strong>{role.label()}</strong>
                                <small>{role.describe()}</small>
                            </span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[component]
fn AddPerson(teams: Vec<TeamDetail>, on_added: Callback<()>) -> impl IntoView {
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
fn InviteLink(path: String) -> impl IntoView {
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

#[component]
fn PeopleTable(
    users: Vec<UserSummary>,
    search: RwSignal<String>,
    on_changed: Callback<()>,
) -> impl IntoView {
    if users.is_empty() {
        return view! { <EmptyState title="No people yet" body="Add your first coach or agent with the button above." /> }
            .into_any();
    }
    let me_id = crate::auth::use_auth()
        .me
        .get_untracked()
        .and_then(|r| r.ok())
        .flatten()
        .map(|m| m.id);
    let users = StoredValue::new(users);
    let visible = move || {
        let q = search.get().trim().to_lowercase();
        users.with_value(|list| {
            list.iter()
                .filter(|u| {
                    q.is_empty()
                        || u.name.to_lowercase().contains(&q)
                        || u.email.contains(&q)
                        || u.roles.iter().any(|r| r.key().contains(&q))
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="table-wrap">
            <table class="table stack">
                <thead>
                    <tr>
                        <th scope="col">"Person"</th>
                        <th scope="col">"Roles"</th>
                        <th scope="col">"Teams"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col"><span class="sr-only">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=visible key=|u| (u.id, u.roles, u.active) let:user>
                        <PersonRow is_me={Some(user.id) == me_id} user=user on_changed=on_changed />
                    </For>
                </tbody>
            </table>
            {move || visible().is_empty().then(|| view! { <p class="muted table-note">"Nobody matches that search."</p> })}
        </div>
    }
    .into_any()
}

#[component]
fn PersonRow(user: UserSummary, is_me: bool, on_changed: Callback<()>) -> impl IntoView {
    let editing = RwSignal::new(false);
    let roles = RwSignal::new(user.roles);
    let update = ServerAction::<UpdateRoles>::new();
    let activate = ServerAction::<SetUserActive>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = update.value().get() {
            editing.set(false);
            on_changed.run(());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = activate.value().get() {
            on_changed.run(());
        }
    });
    let error = Signal::derive(move || {
        update
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| activate.value().get().and_then(|r| r.err()))
            .map(|e| e.to_string())
    });
    let id = user.id;
    let active = user.active;
    let teams = user
        .agent_of
        .iter()
        .map(|t| t.name.clone())
        .chain(user.coach_of.iter().map(|t| format!("{} (coach)", t.name)))
        .collect::<Vec<_>>();
    view! {
        <tr class:inactive=!active data-email=user.email.clone()>
            <td>
                <div class="person">
                    <strong>{user.name.clone()} {is_me.then(|| view! { <span class="you">" (you)"</span> })}</strong>
                    <span class="muted">{user.email.clone()}</span>
                </div>
            </td>
            <td>
                <Show
                    when=move || editing.get()
                    fallback=move || view! {
                        <ul class="badges">
                            {user.roles.iter().map(|r| view! { <li class=format!("badge badge-{}", r.key())>{r.label()}</li> }).collect_view()}
                        </ul>
                    }
                >
                    <RolePicker selected=roles name=format!("edit-{id}") />
                    <div class="row-actions">
                        <button class="button primary small" type="button" disabled=move || update.pending().get()
                            on:click=move |_| { update.dispatch(UpdateRoles { user_id: id, roles: roles.get().to_keys() }); }>
                            "Save roles"
                        </button>
                        <button class="button small" type="button" on:click=move |_| { editing.set(false); roles.set(user.roles); }>"Cancel"</button>
                    </div>
                </Show>
                {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </td>
            <td data-label="Teams">
                {if teams.is_empty() {
                    view! { <span class="muted">"—"</span> }.into_any()
                } else {
                    view! { <span>{teams.join(", ")}</span> }.into_any()
                }}
            </td>
            <td data-label="Status">
                {if active {
                    view! { <span class="status status-ok">"Active"</span> }.into_any()
                } else {
                    view! { <span class="status status-off">"Deactivated"</span> }.into_any()
                }}
            </td>
            <td class="actions">
                <Show when=move || !editing.get()>
                    <button class="button small" type="button" on:click=move |_| editing.set(true)>"Edit roles"</button>
                </Show>
                {(!is_me).then(|| view! {
                    <button
                        class="button small"
                        class:danger=active
                        type="button"
                        disabled=move || activate.pending().get()
                        on:click=move |_| { activate.dispatch(SetUserActive { user_id: id, active: !active }); }
                    >
                        {if active { "Deactivate" } else { "Reactivate" }}
                    </button>
                })}
            </td>
        </tr>
    }
}

#[component]
fn Invitations(list: Vec<InvitationSummary>, on_changed: Callback<()>) -> impl IntoView {
    let revoke = ServerAction::<RevokeInvitation>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = revoke.value().get() {
            on_changed.run(());
        }
    });
    view! {
        <section class="card card-flush">
            <h2 class="card-title">"Invitations not yet accepted"</h2>
            <div class="table-wrap">
                <table class="table stack">
                    <thead>
                        <tr>
                            <th scope="col">"Person"</th>
                            <th scope="col">"Roles"</th>
                            <th scope="col">"Team"</th>
                            <th scope="col">"Expires"</th>
                            <th scope="col"><span class="sr-only">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {list.into_iter().map(|i| {
                            let id = i.id;
                            view! {
                                <tr>
                                    <td><div class="person"><strong>{i.name}</strong><span class="muted">{i.email}</span></div></td>
                                    <td>{i.roles.describe()}</td>
                                    <td>{i.team.map(|t| t.name).unwrap_or_else(|| "—".into())}</td>
                                    <td>{i.expires_on}</td>
                                    <td class="actions">
                                        <button class="button small danger" type="button" on:click=move |_| { revoke.dispatch(RevokeInvitation { invitation_id: id }); }>
                                            "Revoke"
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
