//! The people page: everyone in the organisation and open invitations.

#[allow(unused_imports)]
use super::*;
use crate::api::admin::{list_invitations, list_teams, list_users, RevokeInvitation};
use crate::components::feedback::{reloadable, Loading};
use crate::components::layout::{Access, AppShell, PageHeader};
use crate::components::reload::provide_reload;
use crate::components::table::DataTable;
use crate::domain::roles::{Role, RoleSet};
use crate::types::InvitationSummary;
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
pub(super) fn People() -> impl IntoView {
    let reload = provide_reload();
    let users = Resource::new(move || reload.version(), |_| list_users());
    let invitations = Resource::new(move || reload.version(), |_| list_invitations());
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
                    // Archived teams take no one new.
                    let teams = teams
                        .await
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|t| !t.archived)
                        .collect();
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
pub(super) fn RolePicker(selected: RwSignal<RoleSet>, #[prop(into)] name: String) -> impl IntoView {
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
pub(super) fn Invitations(list: Vec<InvitationSummary>, on_changed: Callback<()>) -> impl IntoView {
    let revoke = ServerAction::<RevokeInvitation>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = revoke.value().get() {
            on_changed.run(());
        }
    });
    view! {
        <section class="card card-flush">
            <h2 class="card-title">"Invitations not yet accepted"</h2>
            <DataTable headers=&["Person", "Roles", "Team", "Expires", ""]>
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
                    </DataTable>
        </section>
    }
}
