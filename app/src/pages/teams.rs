//! Admin: teams, their agents and their coaches.

use crate::api::admin::{
    list_teams, list_users, ArchiveTeam, CreateTeam, DeleteTeam, RenameTeam, SetMembership,
};
use crate::components::feedback::{EmptyState, ErrorPanel, Loading};
use crate::components::forms::{
    field_error, focus_first_error, form_error, FormAlert, SubmitButton, TextField,
};
use crate::components::layout::{Access, AppShell, PageHeader};
use crate::components::reload::provide_reload;
use crate::domain::lifecycle::MembershipKind;
use crate::types::{PersonRef, TeamDetail, UserSummary};
use leptos::prelude::*;

#[component]
pub fn TeamsPage() -> impl IntoView {
    view! {
        <AppShell title="Teams" access=Access::Admin>
            <Teams />
        </AppShell>
    }
}

#[component]
fn Teams() -> impl IntoView {
    let reload = provide_reload();
    let teams = Resource::new(move || reload.version(), |_| list_teams());
    let people = Resource::new(move || reload.version(), |_| list_users());
    let refresh = reload.callback();
    view! {
        <PageHeader title="Teams" lede="Agents belong to one team; a coach can coach several." />
        <NewTeam on_created=refresh />
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                let (teams, people) = (teams.await, people.await);
                match (teams, people) {
                    (Ok(teams), Ok(people)) => {
                        if teams.is_empty() {
                            view! { <EmptyState title="No teams yet" body="Create your first team above, then add its agents and coach." /> }.into_any()
                        } else {
                            let people = StoredValue::new(people);
                            let (archived, active): (Vec<TeamDetail>, Vec<TeamDetail>) =
                                teams.into_iter().partition(|t| t.archived);
                            view! {
                                <div class="team-grid">
                                    {active.into_iter().map(|t| view! { <TeamCard team=t people=people on_changed=refresh /> }).collect_view()}
                                </div>
                                {(!archived.is_empty()).then(|| view! {
                                    <section class="card archived-teams">
                                        <h2>"Archived teams"</h2>
                                        <p class="muted small">"They keep their calls, reviews and audit, and are left out of pickers and filters."</p>
                                        <ul class="plain">
                                            {archived.into_iter().map(|t| view! { <ArchivedTeam team=t on_changed=refresh /> }).collect_view()}
                                        </ul>
                                    </section>
                                })}
                            }.into_any()
                        }
                    }
                    (Err(e), _) | (_, Err(e)) => view! { <ErrorPanel error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn NewTeam(on_created: Callback<()>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let create = ServerAction::<CreateTeam>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = create.value().get() {
            name.set(String::new());
            on_created.run(());
        }
    });
    let result = move || create.value().get();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    focus_first_error(form_ref, result);
    view! {
        <section class="card">
            <form node_ref=form_ref
                class="form inline-form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    create.dispatch(CreateTeam { name: name.get() });
                }
            >
                <TextField label="New team" name="team-name" value=name error=field_error(result, "name") />
                <SubmitButton label="Create team" busy_label="Creating…" pending=create.pending() />
            </form>
            <FormAlert error=form_error(result, &["name"]) />
        </section>
    }
}

#[component]
fn ArchivedTeam(team: TeamDetail, on_changed: Callback<()>) -> impl IntoView {
    let restore = ServerAction::<ArchiveTeam>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = restore.value().get() {
            on_changed.run(());
        }
    });
    let team_id = team.id;
    view! {
        <li class="archived-team" data-team=team.name.clone()>
            <span>{team.name.clone()}</span>
            <button class="button small" type="button" on:click=move |_| { restore.dispatch(ArchiveTeam { team_id, archived: false }); }>"Restore"</button>
            {move || restore.value().get().and_then(|r| r.err()).map(|e| view! { <p class="field-error" role="alert">{e.to_string()}</p> })}
        </li>
    }
}

#[component]
fn TeamCard(
    team: TeamDetail,
    people: StoredValue<Vec<UserSummary>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let membership = ServerAction::<SetMembership>::new();
    let rename = ServerAction::<RenameTeam>::new();
    let delete = ServerAction::<DeleteTeam>::new();
    let archive = ServerAction::<ArchiveTeam>::new();
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(team.name.clone());
    let add_agent = RwSignal::new(String::new());
    let add_coach = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(())) = membership.value().get() {
            on_changed.run(());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = rename.value().get() {
            renaming.set(false);
            on_changed.run(());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = delete.value().get() {
            on_changed.run(());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = archive.value().get() {
            on_changed.run(());
        }
    });
    let error = Signal::derive(move || {
        [
            membership.value().get(),
            rename.value().get(),
            delete.value().get(),
            archive.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(|r| r.err())
        .map(|e| e.to_string())
    });
    let team_id = team.id;
    let agent_ids: Vec<i32> = team.agents.iter().map(|p| p.id).collect();
    let coach_ids: Vec<i32> = team.coaches.iter().map(|p| p.id).collect();
    let candidates_agent: Vec<(i32, String)> = people.with_value(|list| {
        list.iter()
            .filter(|u| {
                u.active
                    && u.roles.has(crate::domain::roles::Role::Agent)
                    && !agent_ids.contains(&u.id)
            })
            .map(|u| {
                let current = u
                    .agent_of
                    .first()
                    .map(|t| format!(" (now in {})", t.name))
                    .unwrap_or_default();
                (u.id, format!("{}{current}", u.name))
            })
            .collect()
    });
    let candidates_coach: Vec<(i32, String)> = people.with_value(|list| {
        list.iter()
            .filter(|u| u.active && u.roles.can_coach() && !coach_ids.contains(&u.id))
            .map(|u| (u.id, u.name.clone()))
            .collect()
    });
    let empty = team.agents.is_empty() && team.coaches.is_empty();
    let name = team.name.clone();
    let rename_result = move || rename.value().get();

    let member_list = move |members: Vec<PersonRef>, kind: MembershipKind| {
        if members.is_empty() {
            return view! { <p class="muted">{if kind == MembershipKind::Agent { "No agents yet." } else { "No coach yet." }}</p> }.into_any();
        }
        view! {
            <ul class="member-list">
                {members.into_iter().map(|p| {
                    let uid = p.id;
                    let label = format!("Remove {} from this team", p.name);
                    view! {
                        <li class:inactive=!p.active>
                            <span>{p.name}</span>
                            <button class="icon-button" type="button" aria-label=label title="Remove"
                                on:click=move |_| { membership.dispatch(SetMembership { team_id, user_id: uid, kind, member: false }); }>
                                "×"
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any()
    };

    let adder = move |label: &'static str,
                      kind: MembershipKind,
                      choice: RwSignal<String>,
                      options: Vec<(i32, String)>| {
        let select_id = format!("add-{kind}-{team_id}");
        let disabled = options.is_empty();
        view! {
            <form class="adder" on:submit=move |ev| {
                ev.prevent_default();
                if let Ok(uid) = choice.get().parse::<i32>() {
                    membership.dispatch(SetMembership { team_id, user_id: uid, kind, member: true });
                    choice.set(String::new());
                }
            }>
                <label class="sr-only" for=select_id.clone()>{label}</label>
                <select id=select_id bind:value=choice disabled=disabled>
                    <option value="">{if disabled { format!("Nobody to add as {kind}") } else { label.to_string() }}</option>
                    {options.into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                </select>
                <button class="button small" type="submit" disabled=move || choice.get().is_empty()>"Add"</button>
            </form>
        }
    };

    view! {
        <article class="card team-card" data-team=team.name.clone()>
            <header class="team-card-head">
                <Show
                    when=move || renaming.get()
                    fallback={
                        let name = name.clone();
                        move || view! { <h2>{name.clone()}</h2> }
                    }
                >
                    <form class="inline-form" on:submit=move |ev| {
                        ev.prevent_default();
                        rename.dispatch(RenameTeam { team_id, name: new_name.get() });
                    }>
                        <TextField label="Team name" name=format!("rename-{team_id}") value=new_name error=field_error(rename_result, "name") />
                        <button class="button primary small" type="submit">"Save"</button>
                        <button class="button small" type="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
                    </form>
                </Show>
                <Show when=move || !renaming.get()>
                    <div class="row-actions">
                        <button class="button small ghost" type="button" on:click=move |_| renaming.set(true)>"Rename"</button>
                        {empty.then(|| view! {
                            <button class="button small ghost" type="button" title="Keep its history; leave pickers and filters" on:click=move |_| { archive.dispatch(ArchiveTeam { team_id, archived: true }); }>"Archive"</button>
                            <button class="button small ghost danger" type="button" title="Only a team without history can be deleted" on:click=move |_| { delete.dispatch(DeleteTeam { team_id }); }>"Delete"</button>
                        })}
                    </div>
                </Show>
            </header>
            <div class="team-section">
                <h3>"Coaches"</h3>
                {member_list(team.coaches.clone(), MembershipKind::Coach)}
                {adder("Add a coach…", MembershipKind::Coach, add_coach, candidates_coach)}
            </div>
            <div class="team-section">
                <h3>{format!("Agents ({})", team.agents.len())}</h3>
                {member_list(team.agents.clone(), MembershipKind::Agent)}
                {adder("Add an agent…", MembershipKind::Agent, add_agent, candidates_agent)}
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </article>
    }
}
