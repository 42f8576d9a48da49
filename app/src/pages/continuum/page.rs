//! The continuum pages: the list of assessments, one assessment, the model.

#[allow(unused_imports)]
use super::*;
use crate::api::continuum::{get_assessment, get_continuum_home};
use crate::components::layout::AppShell;
use crate::components::reload::{list_or_one, provide_reload};
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
    list_or_one(
        id,
        provide_reload(),
        (get_continuum_home, |h| {
            view! { <History home=h /> }.into_any()
        }),
        (get_assessment, |a| view! { <Assessment a=a /> }.into_any()),
    )
}

pub(super) fn component_of(components: &[(Component, u8)], c: Component) -> u8 {
    components
        .iter()
        .find(|(k, _)| *k == c)
        .map_or(0, |(_, s)| *s)
}
