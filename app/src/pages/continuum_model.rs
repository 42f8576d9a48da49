//! The continuum model's wording (`/continuum/model`): leaders read the 15
//! cells they answer; admins reword them in a draft and publish it as the
//! next version. Served by the continuum route, so it shares its wasm chunk.

use crate::api::continuum::{
    discard_continuum_model, get_continuum_model, new_continuum_model_version,
    publish_continuum_model, SaveContinuumCell,
};
use crate::components::feedback::reloadable;
use crate::components::forms::FormAlert;
use crate::components::layout::PageHeader;
use crate::components::reload::provide_reload;
use crate::domain::continuum::{DataCheck, MAX_STATEMENTS};
use crate::domain::lifecycle::VersionStatus;
use crate::domain::placement::{stage_name, Component};
use crate::error::AppError;
use crate::types::{ContinuumCellView, ContinuumModelSummary, ContinuumModelView, StatementEdit};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

/// The resource lives here, outside any suspense, so a re-run of the
/// suspense never creates it again under a new id.
#[component]
pub fn ModelPage() -> impl IntoView {
    let query = use_query_map();
    let version =
        Memo::new(move |_| query.with(|q| q.get("version").and_then(|v| v.parse::<i32>().ok())));
    let reload = provide_reload();
    let model = Resource::new(
        move || (version.get(), reload.version()),
        |(key, _)| get_continuum_model(key),
    );
    let refresh = reload.callback();
    view! {
        {reloadable(model, move |m| view! { <ModelView m=m on_changed=refresh /> }.into_any())}
    }
}

#[component]
fn ModelView(m: ContinuumModelView, on_changed: Callback<()>) -> impl IntoView {
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let id = m.id;
    let draft = m.status == VersionStatus::Draft;
    let has_draft = m.versions.iter().any(|v| v.status == VersionStatus::Draft);
    let start = {
        let navigate = navigate.clone();
        move |_| {
            let navigate = navigate.clone();
            spawn_local(async move {
                match new_continuum_model_version().await {
                    Ok(new_id) => {
                        navigate(
                            &format!("/continuum/model?version={new_id}"),
                            Default::default(),
                        );
                        on_changed.run(());
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        }
    };
    let publish = {
        let navigate = navigate.clone();
        move |_| {
            let navigate = navigate.clone();
            spawn_local(async move {
                match publish_continuum_model(id).await {
                    Ok(()) => {
                        error.set(None);
                        navigate("/continuum/model", Default::default());
                        on_changed.run(());
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            });
        }
    };
    let discard = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            match discard_continuum_model(id).await {
                Ok(()) => {
                    navigate("/continuum/model", Default::default());
                    on_changed.run(());
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let statements: usize = m.cells.iter().map(|c| c.statements.len()).sum();
    let lede = format!(
        "Version {} · {} · {statements} practice statements in 15 cells. Each assessment keeps the version it was started with, so rewording never changes a result.",
        m.version, m.status
    );
    let cells = StoredValue::new(m.cells.clone());
    view! {
        <PageHeader title="Continuum model" lede=lede>
            <a class="button" href="/continuum">"Assessments"</a>
            {(m.can_edit && !draft && !has_draft).then(|| view! {
                <button class="button primary" type="button" on:click=start.clone()>"Start a new version"</button>
            })}
            {(m.can_edit && draft).then(|| view! {
                <button class="button ghost danger" type="button" on:click=discard.clone()>"Discard draft"</button>
                <button class="button primary" type="button" on:click=publish.clone()>"Publish this version"</button>
            })}
        </PageHeader>
        <FormAlert error=Signal::derive(move || error.get()) />
        {draft.then(|| view! {
            <p class="notice">"This version is a draft: reword any cell, add or remove statements, then publish it. New assessments will use it; assessments already started keep their version. Statements you keep stay comparable across versions."</p>
        })}
        <div class="framework-layout">
            <nav class="card versions" aria-label="Versions">
                <h2>"Versions"</h2>
                <ModelVersions versions=m.versions.clone() selected=m.id />
            </nav>
            <div class="model-main">
                {Component::ALL.into_iter().map(|component| view! {
                    <section class="model-component" aria-label=component.label()>
                        <h2>{component.label()}</h2>
                        {cells.with_value(|cells| cells.iter().filter(|c| c.component == component).cloned().collect::<Vec<_>>())
                            .into_iter()
                            .map(|cell| view! { <CellCard cell=cell model_id=id editable=draft on_changed=on_changed /> })
                            .collect_view()}
                    </section>
                }).collect_view()}
            </div>
        </div>
    }
}

#[component]
fn ModelVersions(versions: Vec<ContinuumModelSummary>, selected: i32) -> impl IntoView {
    view! {
        <ul>
            {versions.into_iter().map(|v| view! {
                <li class:current=v.id == selected>
                    <a href=format!("/continuum/model?version={}", v.id)>{format!("Version {}", v.version)}</a>
                    <span class=match v.status { VersionStatus::Published => "badge ok", VersionStatus::Draft => "badge info", VersionStatus::Retired => "badge subtle" }>{v.status.key()}</span>
                    <span class="muted small">{match v.assessments { 1 => "1 assessment".to_string(), n => format!("{n} assessments") }}</span>
                    {v.published_on.map(|d| view! { <span class="muted small">{format!("published {d}")}</span> })}
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn CellCard(
    cell: ContinuumCellView,
    model_id: i32,
    editable: bool,
    on_changed: Callback<()>,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    let heading = format!("Stage {} · {}", cell.stage, stage_name(cell.stage));
    let data_cell = format!("{}-{}", cell.component.key(), cell.stage);
    let shown = cell.clone();
    view! {
        <article class="card model-cell" data-cell=data_cell>
            <header>
                <h3>{heading}</h3>
                {move || (editable && !editing.get()).then(|| view! {
                    <button class="button small ghost" type="button" on:click=move |_| editing.set(true)>"Edit"</button>
                })}
            </header>
            {move || if editing.get() {
                let done = Callback::new(move |_: ()| {
                    editing.set(false);
                    on_changed.run(());
                });
                let cancel = Callback::new(move |_: ()| editing.set(false));
                view! { <CellForm cell=cell.clone() model_id=model_id on_done=done on_cancel=cancel /> }.into_any()
            } else {
                view! {
                    <p class="muted">{shown.description.clone()}</p>
                    <ol class="model-statements">
                        {shown.statements.iter().map(|s| view! {
                            <li>
                                {s.text.clone()}
                                {s.check.map(|c| view! { <span class="badge info evidence-badge">{format!("Data: {}", c.label())}</span> })}
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </article>
    }
}

/// A statement row in the cell editor; `uid` keys it while rows are added
/// and removed, `id` is the stored statement it rewords (if any).
#[derive(Clone, Copy)]
struct Row {
    uid: usize,
    id: Option<i32>,
    text: RwSignal<String>,
    check: RwSignal<String>,
}

fn is_field_error(e: &AppError) -> bool {
    matches!(e, AppError::Invalid { field, .. } if field == "description" || field.starts_with("statement-"))
}

#[component]
fn CellForm(
    cell: ContinuumCellView,
    model_id: i32,
    on_done: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let save = ServerAction::<SaveContinuumCell>::new();
    let description = RwSignal::new(cell.description.clone());
    let next_uid = StoredValue::new(cell.statements.len());
    let rows = RwSignal::new(
        cell.statements
            .iter()
            .enumerate()
            .map(|(uid, s)| Row {
                uid,
                id: Some(s.id),
                text: RwSignal::new(s.text.clone()),
                check: RwSignal::new(s.check.map(|c| c.key().to_string()).unwrap_or_default()),
            })
            .collect::<Vec<_>>(),
    );
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            on_done.run(());
        }
    });
    let add = move |_| {
        let uid = next_uid.get_value();
        next_uid.set_value(uid + 1);
        rows.update(|r| {
            r.push(Row {
                uid,
                id: None,
                text: RwSignal::new(String::new()),
                check: RwSignal::new(String::new()),
            })
        });
    };
    let cell_id = cell.id;
    let prefix = format!("cell-{cell_id}");
    let description_id = format!("{prefix}-description");
    let description_error = Signal::derive(move || match save.value().get() {
        Some(Err(e)) => e.for_field("description"),
        _ => None,
    });
    view! {
        <form class="form cell-form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(SaveContinuumCell {
                model_id,
                cell_id,
                description: description.get(),
                statements: rows.with(|r| r.iter().map(|row| StatementEdit {
                    id: row.id,
                    text: row.text.get(),
                    check: row.check.get(),
                }).collect()),
            });
        }>
            <div class="field" class:has-error=move || description_error.get().is_some()>
                <label for=description_id.clone()>"Description"</label>
                <textarea id=description_id rows="2" bind:value=description></textarea>
                {move || description_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
            </div>
            <fieldset class="statement-edits">
                <legend>"Practice statements"</legend>
                <For each=move || rows.get() key=|r| r.uid let(row)>
                    {
                        let position = move || rows.with(|r| r.iter().position(|x| x.uid == row.uid).unwrap_or(0) + 1);
                        let text_id = format!("{prefix}-s{}", row.uid);
                        let check_id = format!("{prefix}-c{}", row.uid);
                        let error = move || match save.value().get() {
                            Some(Err(e)) => e.for_field(&format!("statement-{}", position())),
                            _ => None,
                        };
                        view! {
                            <div class="statement-edit" class:has-error=move || error().is_some()>
                                <label for=text_id.clone()>{move || format!("Statement {}", position())}</label>
                                <textarea id=text_id rows="2" bind:value=row.text></textarea>
                                <div class="statement-edit-foot">
                                    <label class="small" for=check_id.clone()>"Evidence from data"</label>
                                    <select id=check_id bind:value=row.check>
                                        <option value="">"None"</option>
                                        {DataCheck::ALL.into_iter().map(|c| view! { <option value=c.key()>{c.label()}</option> }).collect_view()}
                                    </select>
                                    <button class="button small ghost danger" type="button" on:click=move |_| rows.update(|r| r.retain(|x| x.uid != row.uid))>
                                        {move || format!("Remove statement {}", position())}
                                    </button>
                                </div>
                                {move || error().map(|e| view! { <p class="field-error">{e}</p> })}
                            </div>
                        }
                    }
                </For>
                <button class="button small" type="button" on:click=add disabled=move || rows.with(|r| r.len() >= MAX_STATEMENTS)>"Add a statement"</button>
            </fieldset>
            <FormAlert error=Signal::derive(move || match save.value().get() {
                Some(Err(e)) if !is_field_error(&e) => Some(e.to_string()),
                _ => None,
            }) />
            <div class="form-actions">
                <button class="button ghost" type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                <button class="button primary" type="submit" disabled=move || save.pending().get()>"Save cell"</button>
            </div>
        </form>
    }
}
