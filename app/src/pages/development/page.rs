//! The development page of an agent, and what its parts share.

#[allow(unused_imports)]
use super::*;
use crate::api::development::get_benchmark;
use crate::components::feedback::reloadable;
use crate::components::layout::AppShell;
use crate::domain::targets::TargetStatus;
use crate::types::BenchmarkView;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub fn fmt1(v: f64) -> String {
    format!("{v:.1}")
}

#[component]
pub fn TargetStatusBadge(status: TargetStatus) -> impl IntoView {
    view! { <span class=format!("status-pill {}", status.class())>{status.label()}</span> }
}

/// (agent id, days) from the query string.
pub(super) fn query_key() -> Memo<(Option<i32>, Option<i64>)> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("agent").and_then(|v| v.parse().ok()),
                q.get("days").and_then(|v| v.parse().ok()),
            )
        })
    })
}

#[component]
pub fn DevelopmentPage() -> impl IntoView {
    view! {
        <AppShell title="Development">
            <Development />
        </AppShell>
    }
}

#[component]
pub(super) fn Development() -> impl IntoView {
    let key = query_key();
    let data = Resource::new(
        move || key.get(),
        |(agent, days)| get_benchmark(agent, days),
    );
    view! {
        {reloadable(data, move |b| view! { <Benchmark view=b /> }.into_any())}
    }
}

pub(super) fn agent_query(view: &BenchmarkView) -> String {
    if view.is_self {
        String::new()
    } else {
        format!("?agent={}", view.agent.id)
    }
}
