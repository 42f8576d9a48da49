//! A submitted review as the agent, the coach and leaders read it.

#[allow(unused_imports)]
use super::*;
use crate::components::layout::PageHeader;
use crate::components::review_bits::{ScoreBadge, StatusBadge, TranscriptView};
use crate::domain::scoring::Rating;
use crate::types::{BehaviourView, ReviewView};
use leptos::prelude::*;

#[component]
pub(super) fn ReviewRead(
    review: ReviewView,
    on_changed: Callback<()>,
    /// The coach has just submitted it here: confirm, and offer the next call.
    #[prop(optional)]
    just_submitted: bool,
    /// The confirmation of the response just made here, if any.
    confirm: RwSignal<Option<String>>,
) -> impl IntoView {
    let confirmed = confirm.get_untracked();
    let ratings = ratings_map(&review);
    let behaviours: Vec<BehaviourView> = review.framework.behaviours().cloned().collect();
    let outcome = live_score(&behaviours, &ratings);
    let player = Player::new();
    let evidence = RwSignal::new(review.evidence.clone());
    let behaviours_store = StoredValue::new(behaviours.clone());
    let seek = Callback::new(move |ms: u32| player.seek(ms));
    let call = review.call.clone();
    let title = if review.is_mine {
        "Review of your call".to_string()
    } else {
        format!("Review of {}'s call", call.agent.name)
    };
    let lede = format!(
        "Scored by {} · {} · {} · framework v{}",
        review.coach,
        call.occurred,
        review
            .submitted_on
            .clone()
            .map(|d| match &review.imported_on {
                Some(_) => format!("reviewed {d}, imported from review history"),
                None => format!("submitted {d}"),
            })
            .unwrap_or_default(),
        review.framework.version
    );
    let failed: Vec<String> = outcome
        .failed_critical
        .iter()
        .filter_map(|i| behaviours.get(*i).map(|b| b.name.clone()))
        .collect();
    let (back_href, back_label) = back_link(&review.calibration, call.id);
    let next_link = NodeRef::<leptos::html::A>::new();
    let notice = NodeRef::<leptos::html::Div>::new();
    if just_submitted || confirmed.is_some() {
        // Keyboard and screen-reader users land on what comes next rather
        // than on a page top that no longer holds the scorer.
        Effect::new(move |_| match (next_link.get(), notice.get()) {
            (Some(a), _) => drop(a.focus()),
            (None, Some(n)) => drop(n.focus()),
            _ => {}
        });
    }
    let agent_first = call
        .agent
        .name
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    view! {
        <PageHeader title=title lede=lede>
            <a class="button ghost" href=back_href>{back_label}</a>
            {review.next_call.map(|id| view! {
                <a class="button primary" href=format!("/calls/{id}") node_ref=next_link>"Score the next call"</a>
            })}
        </PageHeader>
        {confirmed.map(|text| view! {
            <div class="notice notice-ok" role="status" tabindex="-1" node_ref=notice>{text}</div>
        })}
        {just_submitted.then(|| {
            let text = if review.calibration.is_some() {
                "Calibration score submitted. It stays with the session; the agent is not told.".to_string()
            } else {
                format!("Review submitted. {agent_first} has been told and can acknowledge or dispute it.")
            };
            view! {
                <div class="notice notice-ok" role="status" tabindex="-1" node_ref=notice>
                    {text}
                    {review.next_call.is_none().then_some(" Nothing else is waiting for you to score.")}
                </div>
            }
        })}
        <CalibrationNote brief=review.calibration.clone() />
        <div class="review-summary card">
            <div class="score-now big">
                <ScoreBadge score=outcome.score critical_fail=outcome.critical_fail />
                {if review.calibration.is_some() {
                    // Practice among coaches: the agent never receives it.
                    view! { <span class="badge info">"Calibration score"</span> }.into_any()
                } else if review.imported_on.is_some() {
                    view! { <span class="badge subtle">"Imported history"</span> }.into_any()
                } else {
                    view! { <StatusBadge status=review.status for_agent=review.is_mine /> }.into_any()
                }}
            </div>
            {outcome.critical_fail.then(|| view! {
                <p class="critical-reason">
                    {format!("Critical fail: {} was missed or rated 1. The weighted score was {}.",
                        failed.join(", "),
                        outcome.unweighted_by_critical.map(|s| format!("{s:.1}")).unwrap_or_else(|| "–".into()))}
                </p>
            })}
            <div class="feedback-cols">
                <div><h3>"Strengths"</h3><p>{review.strengths.clone()}</p></div>
                <div><h3>"To develop"</h3><p>{review.development.clone()}</p></div>
            </div>
            // Read first, then respond: the response sits after the ratings.
            {review.can_respond.then(|| view! {
                <p class="muted">"Read the ratings and evidence below, then "<a href="#respond">"acknowledge or dispute the review"</a>" at the end."</p>
            })}
        </div>
        <div class=if call.recording.is_some() || !call.transcript.is_empty() { "scorer" } else { "review-body" }>
            <div class="scorer-listen">
                <section class="card">
                    <h2>"Recording and evidence"</h2>
                    <PlayerView src=call.recording.clone() player=player evidence=Signal::derive(move || evidence.get()) />
                    <EvidenceList evidence=evidence behaviours=behaviours_store review_id=review.id player=player editable=false />
                </section>
                {(!call.transcript.is_empty()).then(|| view! {
                    <section class="card">
                        <h2>"Transcript"</h2>
                        <TranscriptView cues=call.transcript.clone() on_seek=Some(seek) />
                    </section>
                })}
            </div>
            <div class="scorer-rate">
                {review.framework.clusters.iter().map(|c| view! {
                    <section class="cluster card">
                        <h3>{c.name.clone()}</h3>
                        <table class="table ratings-table">
                            <tbody>
                                {c.behaviours.iter().map(|b| {
                                    let r = ratings.get(&b.id).copied();
                                    let detail = match r {
                                        Some(Rating::Level(l)) => b.anchors.get(l as usize - 1).cloned().unwrap_or_default(),
                                        Some(Rating::Missed) => MISSED_HELP.to_string(),
                                        Some(Rating::NotApplicable) => NA_HELP.to_string(),
                                        None => String::new(),
                                    };
                                    view! {
                                        <tr data-key=b.key.clone()>
                                            <th scope="row">{b.name.clone()}{b.critical.then(|| view! { <span class="badge warn">"Critical"</span> })}</th>
                                            <td class="rating-cell"><span class="rating-pill">{r.map(|r| r.label()).unwrap_or_else(|| "–".into())}</span></td>
                                            <td class="muted">{detail}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </section>
                }).collect_view()}
                {(!review.audit.is_empty()).then(|| view! {
                    <section class="card">
                        <h2>"Audit log"</h2>
                        <table class="table stack audit-table">
                            <thead><tr><th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"What"</th><th scope="col">"Before"</th><th scope="col">"After"</th></tr></thead>
                            <tbody>
                                {review.audit.iter().map(|a| view! {
                                    <tr>
                                        <td data-label="When">{a.at.clone()}</td>
                                        <td data-label="Who">{a.actor.clone()}</td>
                                        <td data-label="What">{a.action.clone()}</td>
                                        <td data-label="Before">{a.before.clone().unwrap_or_default()}</td>
                                        <td data-label="After">{a.after.clone().unwrap_or_default()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </section>
                })}
            </div>
        </div>
        <Respond review=review.clone() behaviours=behaviours_store ratings=ratings.clone() on_changed=on_changed confirm=confirm />
    }
}
