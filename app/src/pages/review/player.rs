//! The recording's player and the timeline of evidence on it.

#[allow(unused_imports)]
use super::*;
use crate::components::review_bits::clock;
use crate::domain::lifecycle::EvidenceKind;
use crate::types::EvidenceView;
use leptos::prelude::*;

/// The player, shared by both views: a signal with the current time and a
/// way to seek.
#[derive(Clone, Copy)]
pub struct Player {
    pub(super) node: NodeRef<leptos::html::Audio>,
    pub(super) now_ms: RwSignal<u32>,
    pub(super) duration_ms: RwSignal<u32>,
}

impl Player {
    pub(super) fn new() -> Self {
        Player {
            node: NodeRef::new(),
            now_ms: RwSignal::new(0),
            duration_ms: RwSignal::new(0),
        }
    }

    pub(super) fn seek(&self, ms: u32) {
        if let Some(a) = self.node.get_untracked() {
            a.set_current_time(ms as f64 / 1000.0);
            self.now_ms.set(ms);
        }
    }

    pub(super) fn nudge(&self, delta_ms: i64) {
        let now = self.now_ms.get_untracked() as i64;
        self.seek((now + delta_ms).max(0) as u32);
    }

    pub(super) fn toggle(&self) {
        if let Some(a) = self.node.get_untracked() {
            if a.paused() {
                let _ = a.play();
            } else {
                let _ = a.pause();
            }
        }
    }
}

#[component]
pub(super) fn PlayerView(
    src: Option<String>,
    player: Player,
    evidence: Signal<Vec<EvidenceView>>,
) -> impl IntoView {
    let Some(src) = src else {
        return view! { <p class="muted">"This call has no recording."</p> }.into_any();
    };
    let on_time = move |_| {
        if let Some(a) = player.node.get_untracked() {
            player.now_ms.set((a.current_time() * 1000.0) as u32);
        }
    };
    let on_meta = move |_| {
        if let Some(a) = player.node.get_untracked() {
            let d = a.duration();
            if d.is_finite() {
                player.duration_ms.set((d * 1000.0) as u32);
            }
        }
    };
    let timed = move || {
        evidence
            .get()
            .into_iter()
            .filter(|e| e.at_ms.is_some())
            .collect::<Vec<_>>()
    };
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    view! {
        <div class="player-block">
            <audio class="player" controls preload="metadata" src=src node_ref=player.node
                on:timeupdate=on_time on:loadedmetadata=on_meta on:seeked=on_time></audio>
            <div class="timeline" aria-label="Evidence on the timeline">
                // Positions are set through the style object once the page
                // runs, never as style attributes in the markup: the page
                // policy allows no inline styles.
                {move || mounted.get().then(|| view! {
                    <span class="timeline-now" style:left=move || {
                        let d = player.duration_ms.get().max(1);
                        format!("{:.2}%", player.now_ms.get() as f64 / d as f64 * 100.0)
                    }></span>
                    <For each=timed key=|e| e.id let:e>
                        {
                            let at = e.at_ms.unwrap_or(0).max(0) as u32;
                            let class = if e.kind == EvidenceKind::Tally { "marker tally" } else { "marker" };
                            view! {
                                <button type="button" class=class title=format!("{} · {}", clock(at as i64), e.note)
                                    aria-label=format!("Go to {}", clock(at as i64))
                                    style:left=move || {
                                        let d = player.duration_ms.get().max(1);
                                        format!("{:.2}%", (at as f64 / d as f64 * 100.0).min(100.0))
                                    }
                                    on:click=move |_| player.seek(at)></button>
                            }
                        }
                    </For>
                })}
            </div>
            <p class="player-time">{move || format!("{} / {}", clock(player.now_ms.get() as i64), clock(player.duration_ms.get() as i64))}</p>
        </div>
    }.into_any()
}
