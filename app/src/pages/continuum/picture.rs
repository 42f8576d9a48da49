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
    const LEFT: f64 = 120.0;
    const CELL_W: f64 = 100.0;
    const CELL_H: f64 = 46.0;
    const TOP: f64 = 34.0;
    let width = LEFT + CELL_W * 5.0 + 8.0;
    let height = TOP + CELL_H * 3.0 + 30.0;
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
            let x = LEFT + CELL_W * i as f64 + CELL_W / 2.0;
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
            let y = TOP + CELL_H * row as f64;
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
                    let x = LEFT + CELL_W * i as f64;
                    view! {
                        <rect class=class x=x + 3.0 y=y + 3.0 width=CELL_W - 6.0 height=CELL_H - 6.0 rx="6" />
                        {(!compact).then(|| view! {
                            <text class="cell-share" x=x + CELL_W / 2.0 y=y + CELL_H / 2.0 + 4.0 text-anchor="middle">
                                {share.map_or("N/A".to_string(), |v| format!("{:.0}%", v * 100.0))}
                            </text>
                        })}
                    }
                })
                .collect_view();
            view! {
                <text class="row-head" x="0" y=y + CELL_H / 2.0 + 4.0>{c.label()}</text>
                {cells}
            }
        })
        .collect_view();
    let marker = (overall > 0).then(|| {
        let x = LEFT + CELL_W * (overall as f64 - 1.0);
        view! {
            <rect class="overall-band" x=x y=TOP - 2.0 width=CELL_W height=CELL_H * 3.0 + 4.0 rx="8" />
            <text class="overall-label" x=x + CELL_W / 2.0 y=TOP + CELL_H * 3.0 + 20.0 text-anchor="middle">{format!("Overall: {}", stage_name(overall))}</text>
        }
    });
    view! {
        <div class="picture-wrap">
            <svg class="continuum-picture" class:compact=compact viewBox=format!("0 0 {width} {height}") role="img" aria-label=label>
                {heads}
                {rows}
                {marker}
            </svg>
        </div>
    }
}
