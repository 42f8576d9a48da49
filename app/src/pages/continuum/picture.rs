//! Where the organisation stands, drawn as the five stages by component.

#[allow(unused_imports)]
use super::*;
use crate::domain::placement::{stage_name, Component, STAGE_NAMES};
use crate::types::ContinuumResult;
use leptos::prelude::*;

pub(super) fn empty_result() -> ContinuumResult {
    ContinuumResult {
        respondents: 0,
        overall: 0,
        components: vec![],
        attainment: vec![],
        combined: vec![],
        disagreements: vec![],
        next_steps: vec![],
    }
}

// ---- The picture --------------------------------------------------------------

/// Five stages across, three components down; each component's row filled up
/// to its stage, with the share attained in each cell, and the overall stage
/// marked. Compact (side by side): stage numbers instead of names and no
/// shares, so it stays legible at a third of the size.
#[component]
pub(super) fn ContinuumPicture(
    result: ContinuumResult,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    if compact {
        return view! { <div class="picture-wrap">{picture_svg(&result, Layout::Compact)}</div> }
            .into_any();
    }
    let shares = !result.attainment.is_empty();
    view! {
        <div class="picture-wrap">
            {picture_svg(&result, Layout::Full)}
            {picture_svg(&result, Layout::Phone)}
            <ul class="picture-legend" aria-label="Key">
                <li><span class="swatch reached"></span>"Stage reached"</li>
                <li><span class="swatch here"></span>"Where the component stands"</li>
                <li><span class="swatch next"></span>"Next stage"</li>
                <li><span class="swatch ahead"></span>"Later stages"</li>
                <li><span class="swatch band"></span>"Overall stage (the lowest component)"</li>
                {shares.then(|| view! { <li class="picture-full">"Percent: share of the stage's practices in place"</li> })}
                <li class="stage-names">
                    {STAGE_NAMES.iter().enumerate().map(|(i, n)| view! { <span>{format!("{} {n}", i + 1)}</span> }).collect_view()}
                </li>
            </ul>
        </div>
    }
    .into_any()
}

/// How the picture is drawn: full width with stage names and shares; small,
/// side by side with others; or for a phone, each component's name above
/// its row so the five stages take the whole width.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    Full,
    Compact,
    Phone,
}

fn picture_svg(result: &ContinuumResult, layout: Layout) -> impl IntoView {
    let compact = layout != Layout::Full;
    let phone = layout == Layout::Phone;
    let class = match layout {
        Layout::Full => "picture-full",
        Layout::Compact => "",
        Layout::Phone => "picture-phone",
    };
    let left: f64 = if phone { 0.0 } else { 120.0 };
    const CELL_W: f64 = 100.0;
    let cell_h: f64 = if phone { 66.0 } else { 46.0 };
    // Room above a phone row for its component's name.
    let label_h: f64 = if phone { 24.0 } else { 0.0 };
    const TOP: f64 = 34.0;
    let width = left + CELL_W * 5.0 + 8.0;
    let height = TOP + cell_h * 3.0 + 30.0;
    let overall = result.overall;
    let label = format!(
        "Overall stage {overall}, {}. {}",
        stage_name(overall),
        result
            .components
            .iter()
            .map(|(c, s)| format!("{}: stage {s}, {}", c.label(), stage_name(*s)))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let heads = (0..5)
        .map(|i| {
            let x = left + CELL_W * i as f64 + CELL_W / 2.0;
            view! { <text class="stage-head" class:current=overall == i as u8 + 1 x=x y=TOP - 12.0 text-anchor="middle">{if compact { (i + 1).to_string() } else { format!("{} {}", i + 1, STAGE_NAMES[i]) }}</text> }
        })
        .collect_view();
    let rows = Component::ALL
        .iter()
        .enumerate()
        .map(|(row, c)| {
            let stage = component_of(&result.components, *c);
            let shares = result
                .attainment
                .iter()
                .find(|(k, _)| k == c)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let y = TOP + cell_h * row as f64;
            let cells = (0..5)
                .map(|i| {
                    let s = i as u8 + 1;
                    let class = if s < stage {
                        "cell reached"
                    } else if s == stage {
                        "cell here"
                    } else if s == stage + 1 {
                        "cell next"
                    } else {
                        "cell ahead"
                    };
                    let share = shares.get(i).copied().flatten();
                    let x = left + CELL_W * i as f64;
                    view! {
                        <rect class=class x=x + 3.0 y=y + 3.0 + label_h width=CELL_W - 6.0 height=cell_h - 6.0 - label_h rx="6" />
                        {(!compact).then(|| view! {
                            <text class="cell-share" x=x + CELL_W / 2.0 y=y + cell_h / 2.0 + 4.0 text-anchor="middle">
                                {share.map_or("N/A".to_string(), |v| format!("{:.0}%", v * 100.0))}
                            </text>
                        })}
                    }
                })
                .collect_view();
            view! {
                <text class="row-head" x=if phone { 4.0 } else { 0.0 } y=if phone { y + 18.0 } else { y + cell_h / 2.0 + 4.0 }>{c.label()}</text>
                {cells}
            }
        })
        .collect_view();
    let marker = (overall > 0).then(|| {
        let x = left + CELL_W * (overall as f64 - 1.0);
        let text = format!("Overall: {}", stage_name(overall));
        // Centred under the band, but never past the picture's edges (the
        // phone picture has no margin for a label under stage 1 or 5).
        let half = text.chars().count() as f64 * if compact { 5.6 } else { 3.6 };
        let label_x = (x + CELL_W / 2.0).clamp(half, (width - half).max(half));
        view! {
            <rect class="overall-band" x=x y=TOP - 2.0 width=CELL_W height=cell_h * 3.0 + 4.0 rx="8" />
            <text class="overall-label" x=label_x y=TOP + cell_h * 3.0 + 20.0 text-anchor="middle">{text}</text>
        }
    });
    view! {
        <svg class=format!("continuum-picture {class}") class:compact=compact viewBox=format!("0 0 {width} {height}") role="img" aria-label=label>
            {heads}
            // The band first: on a phone each row's name sits inside it.
            {marker}
            {rows}
        </svg>
    }
}
