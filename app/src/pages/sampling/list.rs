//! `/sampling`: the samples the person follows and the form to draw one.

use super::draw::DrawSample;
use super::progress_bar;
use super::sample::Sample;
use crate::api::sampling::{get_sample, list_samples};
use crate::components::feedback::{EmptyState, ErrorPanel, Loading};
use crate::components::layout::PageHeader;
use crate::components::reload::provide_reload;
use crate::components::table::DataTable;
use crate::types::{SampleList, SampleSummary};
use leptos::prelude::*;

/// The list (`/sampling`) or one sample (`/sampling/:id`).
#[component]
pub fn SamplingPage() -> impl IntoView {
    let id = crate::pages::calibration::id_under("/sampling");
    let reload = provide_reload();
    let list = Resource::new(
        move || (id.get().is_none(), reload.version()),
        |(wanted, _)| async move {
            if wanted {
                list_samples().await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    let one = Resource::new(
        move || (id.get(), reload.version()),
        |(id, _)| async move {
            match id {
                Some(id) => get_sample(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match (list.await, one.await) {
                    (Ok(Some(l)), _) => view! { <Samples list=l /> }.into_any(),
                    (_, Ok(Some(s))) => view! { <Sample sample=s /> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! { <ErrorPanel error=e /> }.into_any(),
                    _ => view! { <Loading /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Samples(list: SampleList) -> impl IntoView {
    let samples = list.samples.clone();
    view! {
        <PageHeader
            title="Sampling"
            lede="Random calls for review: a fair share of every agent's unreviewed calls, drawn from a seed you can repeat and given to the coaches of each team."
        />
        <DrawSample list=list />
        {if samples.is_empty() {
            view! {
                <EmptyState title="No samples yet" body="Draw one above: choose the period and how many calls per agent, look at the draw, then accept it." />
            }.into_any()
        } else {
            view! {
                <section class="card card-flush">
                    <h2 class="card-title">"Samples"</h2>
                    <DataTable headers=&["Sample", "Drawn", "Due", "Progress"]>
                        {samples.into_iter().map(|s| view! { <SampleRow s=s /> }).collect_view()}
                    </DataTable>
                </section>
            }.into_any()
        }}
    }
}

#[component]
fn SampleRow(s: SampleSummary) -> impl IntoView {
    view! {
        <tr>
            <td data-label="Sample"><a href=format!("/sampling/{}", s.id)>{s.title}</a></td>
            <td data-label="Drawn">{format!("{} by {}", s.drawn_on, s.drawn_by)}</td>
            <td data-label="Due">{s.due_on}</td>
            <td data-label="Progress">{progress_bar(s.progress)}</td>
        </tr>
    }
}
