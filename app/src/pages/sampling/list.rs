//! `/sampling`: the samples the person follows and the form to draw one.

use super::draw::DrawSample;
use super::progress_bar;
use super::sample::Sample;
use crate::api::sampling::{get_sample, list_samples};
use crate::components::feedback::EmptyState;
use crate::components::layout::PageHeader;
use crate::components::reload::{list_or_one, provide_reload};
use crate::components::table::DataTable;
use crate::types::{SampleList, SampleSummary};
use leptos::prelude::*;

/// The list (`/sampling`) or one sample (`/sampling/:id`).
#[component]
pub fn SamplingPage() -> impl IntoView {
    list_or_one(
        crate::pages::calibration::id_under("/sampling"),
        provide_reload(),
        (list_samples, |l| view! { <Samples list=l /> }.into_any()),
        (get_sample, |s| view! { <Sample sample=s /> }.into_any()),
    )
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
