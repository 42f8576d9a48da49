use super::agreement::{Agreement, AGREEMENT_PATH};
use super::list::SessionList;
use super::session::Session;
use crate::api::calibration::{get_calibration, list_calibrations};
use crate::components::layout::AppShell;
use crate::components::reload::{list_or_one, provide_reload};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Quality assurance: calibration, agreement over time
/// (`/calibration/agreement`) and sampling (`/sampling`) are served here,
/// so they are one route type and one chunk.
#[component]
pub fn CalibrationPage() -> impl IntoView {
    let path = use_location().pathname;
    // While the router leaves for another page the path changes before this
    // page goes away: keep showing what was shown rather than fetching for
    // an address that is not this page's.
    let section = Memo::new(move |prev: Option<&Section>| {
        path.with(|p| {
            if p.starts_with("/sampling") {
                Section::Sampling
            } else if p.trim_end_matches('/') == AGREEMENT_PATH {
                Section::Agreement
            } else if p.starts_with("/calibration") {
                Section::Calibration
            } else {
                prev.copied().unwrap_or(Section::Calibration)
            }
        })
    });
    let title = match section.get_untracked() {
        Section::Sampling => "Sampling",
        _ => "Calibration",
    };
    view! {
        <AppShell title=title>
            {move || match section.get() {
                Section::Agreement => view! { <Agreement /> }.into_any(),
                Section::Sampling => view! { <crate::pages::sampling::SamplingPage /> }.into_any(),
                Section::Calibration => view! { <Calibration /> }.into_any(),
            }}
        </AppShell>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Calibration,
    Agreement,
    Sampling,
}

/// The record id after `prefix` in the address (`/calibration/3` → 3), kept
/// as it was while the router leaves for an address outside `prefix`.
pub(crate) fn id_under(prefix: &'static str) -> Memo<Option<i32>> {
    let path = use_location().pathname;
    Memo::new(move |prev: Option<&Option<i32>>| {
        path.with(|p| match p.strip_prefix(prefix) {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                rest.trim_matches('/').parse::<i32>().ok()
            }
            _ => prev.copied().flatten(),
        })
    })
}

#[component]
fn Calibration() -> impl IntoView {
    let reload = provide_reload();
    let refresh = reload.callback();
    list_or_one(
        id_under("/calibration"),
        reload,
        (list_calibrations, |l| {
            view! { <SessionList list=l /> }.into_any()
        }),
        (get_calibration, move |s| {
            view! { <Session session=s on_changed=refresh /> }.into_any()
        }),
    )
}

/// α as people read it: three decimals, or the plain words.
pub(super) fn alpha_text(alpha: Option<f64>) -> String {
    alpha.map_or_else(|| "Not computable".into(), |a| format!("{a:.3}"))
}
