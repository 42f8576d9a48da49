//! The continuum pages: the list of assessments, one assessment, the model.

#[allow(unused_imports)]
use super::*;
use crate::api::continuum::{get_assessment, get_continuum_home};
use crate::components::feedback::{ErrorPanel, Loading};
use crate::components::layout::AppShell;
use crate::components::reload::provide_reload;
use crate::domain::placement::Component;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

/// The model's wording (`/continuum/model`) is served here too, so the
/// whole continuum is one route type and one chunk.
#[component]
pub fn ContinuumPage() -> impl IntoView {
    let path = use_location().pathname;
    let is_model = Memo::new(move |_| path.with(|p| p.trim_end_matches('/') == MODEL_PATH));
    let title = if is_model.get_untracked() {
        "Continuum model"
    } else {
        "Practices continuum"
    };
    view! {
        <AppShell title=title>
            {move || if is_model.get() {
                view! { <crate::pages::continuum_model::ModelPage /> }.into_any()
            } else {
                view! { <Continuum /> }.into_any()
            }}
        </AppShell>
    }
}

pub const MODEL_PATH: &str = "/continuum/model";

#[component]
pub(super) fn Continuum() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok())));
    let reload = provide_reload();
    let home = Resource::new(
        move || (id.get().is_none(), reload.version()),
        |(list, _)| async move {
            if list {
                get_continuum_home().await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    let one = Resource::new(
        move || (id.get(), reload.version()),
        |(id, _)| async move {
            match id {
                Some(id) => get_assessment(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match (home.await, one.await) {
                    (Ok(Some(h)), _) => view! { <History home=h /> }.into_any(),
                    (_, Ok(Some(a))) => view! { <Assessment a=a /> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! { <ErrorPanel error=e /> }.into_any(),
                    _ => view! { <Loading /> }.into_any(),
                }
            })}
        </Transition>
    }
}

pub(super) fn component_of(components: &[(Component, u8)], c: Component) -> u8 {
    components
        .iter()
        .find(|(k, _)| *k == c)
        .map_or(0, |(_, s)| *s)
}
