//! Clusters and behaviours of a framework, and editing them in a draft.

#[allow(unused_imports)]
use super::*;
use crate::api::frameworks::{delete_behaviour, SaveBehaviour, SaveCluster};
use crate::components::forms::{field_error, form_error, FormAlert, TextField};
use crate::domain::scoring::LEVEL_NAMES;
use crate::types::BehaviourView;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A cluster's name in a draft, with renaming; or, without a cluster, the
/// form that adds one.
#[component]
pub(super) fn ClusterHead(
    framework_id: i32,
    cluster: Option<(i32, String, String)>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let save = ServerAction::<SaveCluster>::new();
    let editing = RwSignal::new(false);
    let cluster_id = cluster.as_ref().map(|c| c.0);
    let (title, about) = cluster.map(|c| (c.1, c.2)).unwrap_or_default();
    let name = RwSignal::new(title.clone());
    let description = RwSignal::new(about.clone());
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            editing.set(false);
            if cluster_id.is_none() {
                name.set(String::new());
                description.set(String::new());
            }
            on_changed.run(());
        }
    });
    let result = move || save.value().get();
    let suffix = cluster_id.map_or("new".to_string(), |id| id.to_string());
    let form = move || {
        let suffix = suffix.clone();
        view! {
            <form class="form inline-form cluster-form" novalidate on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(SaveCluster { framework_id, cluster_id, name: name.get(), description: description.get() });
            }>
                <TextField label=if cluster_id.is_some() { "Cluster name" } else { "New cluster" } name=format!("cluster-name-{suffix}") value=name error=field_error(result, "name") />
                <TextField label="Description" name=format!("cluster-about-{suffix}") value=description error=field_error(result, "description") />
                <button class="button small primary" type="submit">{if cluster_id.is_some() { "Save" } else { "Add cluster" }}</button>
                {cluster_id.is_some().then(|| view! {
                    <button class="button small ghost" type="button" on:click=move |_| editing.set(false)>"Cancel"</button>
                })}
            </form>
            <FormAlert error=form_error(result, &["name", "description"]) />
        }
    };
    if cluster_id.is_none() {
        return form().into_any();
    }
    view! {
        <Show when=move || editing.get() fallback={
            let (title, about) = (title.clone(), about.clone());
            move || view! {
                <div class="cluster-title">
                    <h3>{title.clone()}</h3>
                    <button class="button small ghost" type="button" on:click=move |_| editing.set(true)>"Rename"</button>
                </div>
                <p class="muted">{about.clone()}</p>
            }
        }>
            {form()}
        </Show>
    }
    .into_any()
}

#[component]
pub(super) fn BehaviourCard(
    b: BehaviourView,
    framework_id: i32,
    editable: bool,
    on_changed: Callback<()>,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    let bid = b.id;
    let shown = b.clone();
    let data_key = b.key.clone();
    let cluster_id = b.cluster_id;
    view! {
        <article class="card behaviour-card" data-key=data_key>
            <Show when=move || editing.get() fallback={
                let b = shown.clone();
                move || {
                    let b = b.clone();
                    view! {
                        <header>
                            <h4>{b.name.clone()}
                                {b.critical.then(|| view! { <span class="badge warn">"Critical"</span> })}
                            </h4>
                            <span class="muted small">{format!("{} · weight {}", b.key, b.weight)}</span>
                            {editable.then(|| view! {
                                <div class="row-actions">
                                    <button class="button small ghost" type="button" on:click=move |_| editing.set(true)>"Edit"</button>
                                    <button class="button small ghost danger" type="button" on:click=move |_| {
                                        spawn_local(async move {
                                            if delete_behaviour(framework_id, bid).await.is_ok() {
                                                on_changed.run(());
                                            }
                                        });
                                    }>"Remove"</button>
                                </div>
                            })}
                        </header>
                        <p>{b.definition.clone()}</p>
                        <div class="indicators">
                            <div>
                                <h5>"What good sounds like"</h5>
                                <ul>{b.positive.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                            </div>
                            <div>
                                <h5>"What falls short"</h5>
                                <ul>{b.negative.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                            </div>
                        </div>
                        <ol class="anchors">
                            {b.anchors.iter().enumerate().map(|(i, a)| view! {
                                <li><strong>{format!("{} {}", i + 1, LEVEL_NAMES[i])}</strong><span>{a.clone()}</span></li>
                            }).collect_view()}
                        </ol>
                    }
                }
            }>
                <BehaviourForm framework_id=framework_id cluster_id=cluster_id existing=Some(b.clone())
                    on_done=Callback::new(move |_| { editing.set(false); on_changed.run(()); })
                    on_cancel=Callback::new(move |_| editing.set(false)) />
            </Show>
        </article>
    }
}

#[component]
pub(super) fn NewBehaviour(
    framework_id: i32,
    cluster_id: i32,
    on_changed: Callback<()>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <Show when=move || open.get() fallback=move || view! {
            <button class="button small" type="button" on:click=move |_| open.set(true)>"Add a behaviour"</button>
        }>
            <article class="card behaviour-card">
                <BehaviourForm framework_id=framework_id cluster_id=cluster_id existing=None
                    on_done=Callback::new(move |_| { open.set(false); on_changed.run(()); })
                    on_cancel=Callback::new(move |_| open.set(false)) />
            </article>
        </Show>
    }
}

#[component]
pub(super) fn BehaviourForm(
    framework_id: i32,
    cluster_id: i32,
    existing: Option<BehaviourView>,
    on_done: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let save = ServerAction::<SaveBehaviour>::new();
    let e = existing.clone();
    let key = RwSignal::new(e.as_ref().map(|b| b.key.clone()).unwrap_or_default());
    let name = RwSignal::new(e.as_ref().map(|b| b.name.clone()).unwrap_or_default());
    let definition = RwSignal::new(e.as_ref().map(|b| b.definition.clone()).unwrap_or_default());
    let positive = RwSignal::new(
        e.as_ref()
            .map(|b| b.positive.join("\n"))
            .unwrap_or_default(),
    );
    let negative = RwSignal::new(
        e.as_ref()
            .map(|b| b.negative.join("\n"))
            .unwrap_or_default(),
    );
    let weight = RwSignal::new(
        e.as_ref()
            .map(|b| b.weight.to_string())
            .unwrap_or_else(|| "1".into()),
    );
    let critical = RwSignal::new(e.as_ref().is_some_and(|b| b.critical));
    let anchors: Vec<RwSignal<String>> = (0..5)
        .map(|i| {
            RwSignal::new(
                e.as_ref()
                    .and_then(|b| b.anchors.get(i).cloned())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let anchors = StoredValue::new(anchors);
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get() {
            on_done.run(());
        }
    });
    let result = move || save.value().get();
    let behaviour_id = existing.as_ref().map(|b| b.id);
    const FIELDS: &[&str] = &[
        "key",
        "name",
        "definition",
        "positive",
        "negative",
        "weight",
        "anchor1",
        "anchor2",
        "anchor3",
        "anchor4",
        "anchor5",
    ];
    view! {
        <form class="form behaviour-form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(SaveBehaviour {
                framework_id,
                behaviour_id,
                cluster_id,
                key: key.get(),
                name: name.get(),
                definition: definition.get(),
                positive: positive.get(),
                negative: negative.get(),
                weight: weight.get(),
                critical: critical.get(),
                anchors: anchors.with_value(|a| a.iter().map(|s| s.get()).collect()),
            });
        }>
            <div class="form-grid">
                <TextField label="Name" name=format!("b-name-{cluster_id}") value=name error=field_error(result, "name") />
                <TextField label="Key" name=format!("b-key-{cluster_id}") value=key error=field_error(result, "key") hint="Stable id, e.g. active_listening" />
                <TextField label="Weight (1–10)" name=format!("b-weight-{cluster_id}") kind="number" value=weight error=field_error(result, "weight") />
                <label class="check"><input type="checkbox" bind:checked=critical />" Critical: Missed or 1 fails the whole review"</label>
            </div>
            <TextField label="Definition" name=format!("b-def-{cluster_id}") value=definition error=field_error(result, "definition") />
            <div class="form-grid">
                <div class="field">
                    <label for=format!("b-pos-{cluster_id}")>"What good sounds like (one per line)"</label>
                    <textarea id=format!("b-pos-{cluster_id}") rows="3" bind:value=positive></textarea>
                    {move || field_error(result, "positive").get().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                <div class="field">
                    <label for=format!("b-neg-{cluster_id}")>"What falls short (one per line)"</label>
                    <textarea id=format!("b-neg-{cluster_id}") rows="3" bind:value=negative></textarea>
                </div>
            </div>
            {anchors.with_value(|a| a.iter().enumerate().map(|(i, s)| {
                let field: &'static str = ["anchor1", "anchor2", "anchor3", "anchor4", "anchor5"][i];
                view! {
                    <TextField label=format!("Level {} · {}", i + 1, LEVEL_NAMES[i]) name=format!("b-{field}-{cluster_id}") value=*s error=field_error(result, field) />
                }
            }).collect_view())}
            <FormAlert error=form_error(result, FIELDS) />
            <div class="form-actions">
                <button class="button ghost" type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                <button class="button primary" type="submit" disabled=move || save.pending().get()>"Save behaviour"</button>
            </div>
        </form>
    }
}
