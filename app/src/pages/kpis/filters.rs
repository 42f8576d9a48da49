//! The KPI filters. Every change becomes the page's address, so a view can
//! be bookmarked, shared and opened again as it was.

use crate::domain::calls::Channel;
use crate::domain::kpi::Grouping;
use crate::types::{CallScope, KpiQuery};
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;

/// The ranges offered by name; anything else is "Custom".
const PRESETS: [(i64, &str); 4] = [
    (30, "Last 30 days"),
    (90, "Last 90 days"),
    (182, "Last 6 months"),
    (365, "Last 12 months"),
];

const SHORT_ABANDONS: [(i32, &str); 5] = [
    (0, "Count every abandon"),
    (5, "Leave out under 5 s"),
    (10, "Leave out under 10 s"),
    (20, "Leave out under 20 s"),
    (30, "Leave out under 30 s"),
];

fn preset_of(q: &KpiQuery, today: NaiveDate) -> String {
    let days = match (q.from.parse::<NaiveDate>(), q.to.parse::<NaiveDate>()) {
        (Ok(f), Ok(t)) if t == today => Some((t - f).num_days() + 1),
        _ => None,
    };
    PRESETS
        .iter()
        .find(|(d, _)| Some(*d) == days)
        .map_or("custom".into(), |(d, _)| d.to_string())
}

#[component]
pub fn KpiFilters(
    q: KpiQuery,
    scope: CallScope,
    go: Callback<KpiQuery>,
    /// Whether the short-abandon choice applies (the service KPIs).
    abandons: bool,
    /// Whether figures are grouped by period, and narrowed by agent and
    /// channel (the insight views are not).
    #[prop(default = true)]
    grouping: bool,
    #[prop(default = true)] by_agent: bool,
    #[prop(default = true)] by_channel: bool,
) -> impl IntoView {
    let today = crate::auth::today();
    let preset = preset_of(&q, today);
    // Changes pile up on the latest asked-for query, not on the one shown:
    // a second choice made before the page has answered the first (period,
    // then grouping) must not undo it.
    let asked = StoredValue::new(q.clone());
    let with = move |change: &dyn Fn(&mut KpiQuery)| {
        asked.update_value(|n| change(n));
        go.run(asked.get_value());
    };
    let on_preset = {
        move |ev| {
            if let Ok(days) = event_target_value(&ev).parse::<i64>() {
                with(&|n| {
                    n.from = (today - Duration::days(days - 1)).to_string();
                    n.to = today.to_string();
                });
            }
        }
    };
    let on_from = {
        move |ev| {
            let v = event_target_value(&ev);
            with(&|n| n.from = v.clone());
        }
    };
    let on_to = {
        move |ev| {
            let v = event_target_value(&ev);
            with(&|n| n.to = v.clone());
        }
    };
    let on_group = {
        move |ev| {
            let v = event_target_value(&ev);
            with(&|n| n.grouping = Grouping::parse(&v).unwrap_or(Grouping::Week));
        }
    };
    let agents_of_team = scope.agents.clone();
    let on_team = {
        move |ev| {
            let team = event_target_value(&ev).parse::<i32>().ok();
            with(&|n| {
                n.team_id = team;
                // An agent chosen before stays only if they are in the team.
                let keeps = n.agent_id.is_some_and(|a| {
                    agents_of_team
                        .iter()
                        .any(|(id, _, t)| *id == a && (team.is_none() || *t == team))
                });
                if !keeps {
                    n.agent_id = None;
                }
            });
        }
    };
    let on_agent = {
        move |ev| {
            let agent = event_target_value(&ev).parse::<i32>().ok();
            with(&|n| n.agent_id = agent);
        }
    };
    let on_channel = {
        move |ev| {
            let c = Channel::parse(&event_target_value(&ev)).ok();
            with(&|n| n.channel = c);
        }
    };
    let on_short = move |ev| {
        let s = event_target_value(&ev)
            .parse::<i32>()
            .ok()
            .filter(|s| *s > 0);
        with(&|n| n.short_abandon_seconds = s);
    };
    let agents: Vec<(i32, String)> = scope
        .agents
        .iter()
        .filter(|(_, _, t)| q.team_id.is_none() || *t == q.team_id)
        .map(|(id, name, _)| (*id, name.clone()))
        .collect();
    let id_value = |id: Option<i32>| id.map_or(String::new(), |i| i.to_string());
    view! {
        <section class="card filters kpi-filters" aria-label="Filters">
            <div class="field compact">
                <label for="k-period">"Period"</label>
                <select id="k-period" prop:value=preset on:change=on_preset>
                    {PRESETS.iter().map(|(d, l)| view! { <option value=d.to_string()>{*l}</option> }).collect_view()}
                    <option value="custom" disabled=true>"Custom dates"</option>
                </select>
            </div>
            <div class="field compact">
                <label for="k-from">"From"</label>
                <input id="k-from" type="date" prop:value=q.from.clone() on:change=on_from />
            </div>
            <div class="field compact">
                <label for="k-to">"To"</label>
                <input id="k-to" type="date" prop:value=q.to.clone() on:change=on_to />
            </div>
            {grouping.then(|| view! {
                <div class="field compact">
                    <label for="k-group">"Group"</label>
                    <select id="k-group" prop:value=q.grouping.key() on:change=on_group>
                        {Grouping::ALL.into_iter().map(|g| view! { <option value=g.key()>{g.title()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            {(scope.teams.len() > 1).then(|| view! {
                <div class="field compact">
                    <label for="k-team">"Team"</label>
                    <select id="k-team" prop:value=id_value(q.team_id) on:change=on_team>
                        <option value="">"All teams"</option>
                        {scope.teams.iter().map(|t| view! { <option value=t.id.to_string()>{t.name.clone()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            {(by_agent && !scope.agents.is_empty()).then(|| view! {
                <div class="field compact">
                    <label for="k-agent">"Agent"</label>
                    <select id="k-agent" prop:value=id_value(q.agent_id) on:change=on_agent>
                        <option value="">"All agents"</option>
                        {agents.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                    </select>
                </div>
            })}
            {by_channel.then(|| view! {
                <div class="field compact">
                    <label for="k-channel">"Channel"</label>
                    <select id="k-channel" prop:value=q.channel.map_or("", |c| c.key()) on:change=on_channel>
                        <option value="">"All channels"</option>
                        {Channel::ALL.iter().map(|c| view! { <option value=c.key()>{c.label()}</option> }).collect_view()}
                    </select>
                </div>
            })}
            {abandons.then(|| view! {
                <div class="field compact">
                    <label for="k-short">"Short abandons"</label>
                    <select id="k-short" prop:value=q.short_abandon_seconds.unwrap_or(0).to_string() on:change=on_short>
                        {SHORT_ABANDONS.iter().map(|(s, l)| view! { <option value=s.to_string()>{*l}</option> }).collect_view()}
                    </select>
                </div>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_ending_today_is_named_by_its_preset() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut q = KpiQuery::last_days(today, 90, Grouping::Week);
        assert_eq!(preset_of(&q, today), "90");
        q.to = "2026-11-24".into();
        assert_eq!(preset_of(&q, today), "custom");
        let q = KpiQuery::last_days(today, 365, Grouping::Month);
        assert_eq!(preset_of(&q, today), "365");
    }
}
