//! The people table: roles, teams and deactivation.

#[allow(unused_imports)]
use super::*;
use crate::api::admin::{SetUserActive, UpdateRoles};
use crate::components::feedback::EmptyState;
use crate::types::UserSummary;
use leptos::prelude::*;

#[component]
pub(super) fn PeopleTable(
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
        let q = crate::text::lower(search.get().trim());
        users.with_value(|list| {
            list.iter()
                .filter(|u| {
                    q.is_empty()
                        || crate::text::lower(&u.name).contains(&q)
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
pub(super) fn PersonRow(user: UserSummary, is_me: bool, on_changed: Callback<()>) -> impl IntoView {
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
