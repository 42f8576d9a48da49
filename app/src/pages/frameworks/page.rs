//! The framework page: its versions and one version in full.

#[allow(unused_imports)]
use super::*;
use crate::api::frameworks::{
    discard_framework, list_frameworks, new_framework_version, publish_framework, show_framework,
};
use crate::components::feedback::{ErrorPanel, Loading};
use crate::components::layout::{AppShell, PageHeader};
use crate::components::reload::provide_reload;
use crate::domain::lifecycle::VersionStatus;
use crate::types::{FrameworkSummary, FrameworkView};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn FrameworksPage() -> impl IntoView {
    view! {
        <AppShell title="Framework">
            <Frameworks />
        </AppShell>
    }
}

/// Both resources live here, outside any suspense, so that a re-run of a
/// suspense never creates them again under new ids (which breaks hydration).
#[component]
pub(super) fn Frameworks() -> impl IntoView {
    let auth = crate::auth::use_auth();
    let params = use_params_map();
    let chosen = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()));
    let reload = provide_reload();
    let list = Resource::new(move || reload.version(), |_| list_frameworks());
    let detail = Resource::new(
        move || (chosen(), reload.version()),
        |(key, _)| show_framework(key),
    );
    let refresh = reload.callback();
    view! {
        <PageHeader title="Behavioural framework" lede="The behaviours coaches score and agents benchmark against. Published versions are frozen; every review keeps the version it was scored on." />
        <div class="framework-layout">
            <nav class="card versions" aria-label="Versions">
                <h2>"Versions"</h2>
                <Transition fallback=|| view! { <Loading /> }>
                    {move || Suspend::new(async move {
                        let selected = detail.await.ok().map(|f| f.id);
                        match list.await {
                            Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                            Ok(versions) => view! { <VersionList versions=versions selected=selected /> }.into_any(),
                        }
                    })}
                </Transition>
            </nav>
            <div class="framework-main">
                <Transition fallback=|| view! { <Loading /> }>
                    {move || Suspend::new(async move {
                        let has_draft = list.await.map(|v| v.iter().any(|f| f.status == VersionStatus::Draft)).unwrap_or(false);
                        let is_admin = auth.me.await.ok().flatten().is_some_and(|m| crate::domain::access::permits_any(m.roles, crate::domain::access::Action::EditFramework));
                        match detail.await {
                            Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
                            Ok(fw) => view! { <FrameworkDetail fw=fw has_draft=has_draft is_admin=is_admin on_changed=refresh /> }.into_any(),
                        }
                    })}
                </Transition>
            </div>
        </div>
    }
}

#[component]
pub(super) fn VersionList(versions: Vec<FrameworkSummary>, selected: Option<i32>) -> impl IntoView {
    view! {
        <ul>
            {versions.iter().map(|v| view! {
                <li class:current=Some(v.id) == selected>
                    <a href=format!("/frameworks/{}", v.id)>{format!("Version {}", v.version)}</a>
                    <span class=match v.status { VersionStatus::Published => "badge ok", VersionStatus::Draft => "badge info", VersionStatus::Retired => "badge subtle" }>{v.status.key()}</span>
                    <span class="muted small">{format!("{} behaviours · {} reviews", v.behaviours, v.reviews)}</span>
                    {v.published_on.clone().map(|d| view! { <span class="muted small">{format!("published {d}")}</span> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
pub(super) fn FrameworkDetail(
    fw: FrameworkView,
    has_draft: bool,
    is_admin: bool,
    on_changed: Callback<()>,
) -> impl IntoView {
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let fw_id = fw.id;
    let draft = fw.status == VersionStatus::Draft;
    let published = fw.status == VersionStatus::Published;
    let start_version = {
        let navigate = navigate.clone();
        move |_| {
            let navigate = navigate.clone();
            spawn_local(async move {
                match new_framework_version(fw_id).await {
                    Ok(id) => {
                        on_changed.run(());
                        navigate(&format!("/frameworks/{id}"), Default::default());
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        }
    };
    let publish = move |_| {
        spawn_local(async move {
            match publish_framework(fw_id).await {
                Ok(()) => on_changed.run(()),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let discard = {
        let navigate = navigate.clone();
        move |_| {
            let navigate = navigate.clone();
            spawn_local(async move {
                match discard_framework(fw_id).await {
                    Ok(()) => {
                        on_changed.run(());
                        navigate("/frameworks", Default::default());
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        }
    };
    let count = fw.behaviours().count();
    view! {
        <section class="card framework-head">
            <div>
                <h2>{format!("{} · version {}", fw.name, fw.version)}</h2>
                <p class="muted">{fw.description.clone()}</p>
                <p class="muted small">{format!("{count} behaviours in {} clusters. Each is rated 1–5 on its anchored scale, Missed (scores 0) or N/A (left out).", fw.clusters.len())}</p>
            </div>
            {is_admin.then(|| view! {
                <div class="row-actions">
                    {(published && !has_draft).then(|| view! {
                        <button class="button" type="button" on:click=start_version.clone()>"Start a new version"</button>
                    })}
                    {draft.then(|| view! {
                        <button class="button ghost danger" type="button" on:click=discard.clone()>"Discard draft"</button>
                        <button class="button primary" type="button" on:click=publish>"Publish this version"</button>
                    })}
                </div>
            })}
        </section>
        {move || error.get().map(|e| view! { <div class="form-alert" role="alert">{e}</div> })}
        {draft.then(|| view! {
            <p class="notice">"This version is a draft: edit it freely, then publish it. Publishing freezes it and new reviews use it; reviews already scored keep their version."</p>
        })}
        {fw.clusters.iter().map(|c| {
            let cluster_id = c.id;
            view! {
                <section class="cluster">
                    {if draft {
                        view! { <ClusterHead framework_id=fw_id cluster=Some((c.id, c.name.clone(), c.description.clone())) on_changed=on_changed /> }.into_any()
                    } else {
                        view! { <h3>{c.name.clone()}</h3> <p class="muted">{c.description.clone()}</p> }.into_any()
                    }}
                    {c.behaviours.iter().map(|b| view! { <BehaviourCard b=b.clone() framework_id=fw_id editable=draft on_changed=on_changed /> }).collect_view()}
                    {draft.then(|| view! { <NewBehaviour framework_id=fw_id cluster_id=cluster_id on_changed=on_changed /> })}
                </section>
            }
        }).collect_view()}
        {draft.then(|| view! {
            <section class="cluster new-cluster">
                <ClusterHead framework_id=fw_id cluster=None on_changed=on_changed />
            </section>
        })}
    }
}
