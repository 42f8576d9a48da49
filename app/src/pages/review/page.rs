//! The review page: loads a review and shows the scorer to its author
//! while it is a draft, the read view to everyone else.

#[allow(unused_imports)]
use super::*;
use crate::api::reviews::get_review;
use crate::components::feedback::reloadable;
use crate::components::layout::AppShell;
use crate::components::reload::provide_reload;
use crate::domain::scoring::{score, Rating, ScoredItem};
use crate::types::{BehaviourView, ReviewView};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::collections::HashMap;

pub(super) const MISSED_HELP: &str =
    "Missed: there was an opportunity and the behaviour did not happen. Scores 0.";

pub(super) const NA_HELP: &str = "N/A: no opportunity on this call. Left out of the score.";

#[component]
pub fn ReviewPage() -> impl IntoView {
    view! {
        <AppShell title="Review">
            <ReviewLoader />
        </AppShell>
    }
}

#[component]
pub(super) fn ReviewLoader() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let reload = provide_reload();
    let review = Resource::new(move || (id(), reload.version()), |(key, _)| get_review(key));
    let refresh = reload.callback();
    // Set by the scorer's submit, read by the read view that replaces it:
    // it confirms and moves focus on to the next call.
    let just_submitted = RwSignal::new(false);
    let submitted = Callback::new(move |()| {
        just_submitted.set(true);
        refresh.run(());
    });
    // An acknowledgement, dispute or resolution, confirmed on the reloaded page.
    let confirm = RwSignal::new(None::<String>);
    view! {
            {reloadable(review, move |value| match value {
                        r if r.can_score => view! { <Scorer review=r on_submitted=submitted /> }.into_any(),
                        r => view! { <ReviewRead review=r on_changed=refresh just_submitted=just_submitted.get_untracked() confirm=confirm /> }.into_any(),
    })}
        }
}

pub(super) fn ratings_map(r: &ReviewView) -> HashMap<i32, Rating> {
    r.ratings.iter().copied().collect()
}

pub(super) fn live_score(
    behaviours: &[BehaviourView],
    ratings: &HashMap<i32, Rating>,
) -> crate::domain::scoring::ScoreOutcome {
    score(
        &behaviours
            .iter()
            .map(|b| ScoredItem {
                weight: b.weight,
                critical: b.critical,
                rating: ratings.get(&b.id).copied(),
            })
            .collect::<Vec<_>>(),
    )
}
