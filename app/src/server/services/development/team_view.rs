//! The team view as the page asks for it: one team or everyone, ordered
//! for triage, and only the rows the page shows.

use super::team::team_overview;
use crate::domain::targets::TargetStatus;
use crate::error::AppError;
use crate::server::kernel::Ctx;
use crate::types::{TeamAgentRow, TeamOrder, TeamOverview, TeamView};

pub async fn team_view(cx: &Ctx, view: &TeamView) -> Result<TeamOverview, AppError> {
    Ok(select(team_overview(cx).await?, view))
}

/// The rows of `view`, from every row in reach. Every row is needed to
/// order them; only the first `shown` travel.
fn select(mut rows: Vec<TeamAgentRow>, view: &TeamView) -> TeamOverview {
    let teams = team_names(&rows);
    if let Some(team) = &view.team {
        rows.retain(|r| teams_of(r).any(|t| t == team));
    }
    sort(view.order, &mut rows);
    let matching = rows.len();
    rows.truncate(view.shown.max(1));
    TeamOverview {
        rows,
        matching,
        teams,
    }
}

fn teams_of(row: &TeamAgentRow) -> impl Iterator<Item = &str> {
    row.agent.teams.split(", ").filter(|t| !t.is_empty())
}

/// The agents' teams, each once, by name.
fn team_names(rows: &[TeamAgentRow]) -> Vec<String> {
    let mut names: Vec<String> = rows.iter().flat_map(teams_of).map(str::to_string).collect();
    names.sort();
    names.dedup();
    names
}

/// A coach triages by the widest gap or the targets in trouble; ties go by
/// name, so the order is the same at every load.
fn sort(order: TeamOrder, rows: &mut [TeamAgentRow]) {
    let widest = |r: &TeamAgentRow| r.blind_spots.first().map_or(0.0, |c| c.levels);
    let troubled = |r: &TeamAgentRow| {
        r.targets
            .iter()
            .filter(|t| matches!(t.status, TargetStatus::AtRisk | TargetStatus::Missed))
            .count()
    };
    let by_name = |a: &TeamAgentRow, b: &TeamAgentRow| {
        a.agent
            .name
            .cmp(&b.agent.name)
            .then(a.agent.id.cmp(&b.agent.id))
    };
    match order {
        TeamOrder::BlindSpots => rows.sort_by(|a, b| {
            b.blind_spots
                .len()
                .cmp(&a.blind_spots.len())
                .then(widest(b).total_cmp(&widest(a)))
                .then(by_name(a, b))
        }),
        TeamOrder::TargetsAtRisk => {
            rows.sort_by(|a, b| troubled(b).cmp(&troubled(a)).then(by_name(a, b)))
        }
        TeamOrder::FewestCalls => {
            rows.sort_by(|a, b| a.scored_calls.cmp(&b.scored_calls).then(by_name(a, b)))
        }
        TeamOrder::Name => rows.sort_by(by_name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{AgentRef, GapChip};

    fn row(id: i32, name: &str, teams: &str, blind: &[f64], calls: usize) -> TeamAgentRow {
        TeamAgentRow {
            agent: AgentRef {
                id,
                name: name.into(),
                teams: teams.into(),
            },
            self_assessed_on: None,
            scored_calls: calls,
            blind_spots: blind
                .iter()
                .map(|levels| GapChip {
                    name: "Empathy".into(),
                    levels: *levels,
                })
                .collect(),
            hidden_strengths: vec![],
            targets: vec![],
            last_practice: None,
        }
    }

    fn names(o: &TeamOverview) -> Vec<&str> {
        o.rows.iter().map(|r| r.agent.name.as_str()).collect()
    }

    #[test]
    fn a_view_sends_its_team_in_its_order_and_only_the_rows_shown() {
        let rows = vec![
            row(1, "Ana", "Billing", &[], 9),
            row(2, "Ben", "Billing, Sales", &[1.5], 2),
            row(3, "Cy", "Sales", &[2.0, 1.0], 5),
            row(4, "Di", "Billing", &[2.5], 0),
        ];
        let view = |team: Option<&str>, order, shown| TeamView {
            team: team.map(String::from),
            order,
            shown,
        };
        let all = select(rows.clone(), &TeamView::default());
        assert_eq!(names(&all), ["Cy", "Di", "Ben", "Ana"]);
        assert_eq!(
            (all.matching, all.teams.clone()),
            (4, vec!["Billing".into(), "Sales".into()])
        );

        let billing = select(
            rows.clone(),
            &view(Some("Billing"), TeamOrder::FewestCalls, 2),
        );
        assert_eq!(names(&billing), ["Di", "Ben"]);
        assert_eq!(billing.matching, 3, "all Billing agents count, sent or not");
        assert_eq!(billing.teams.len(), 2, "every team stays pickable");

        let sales = select(rows.clone(), &view(Some("Sales"), TeamOrder::Name, 50));
        assert_eq!(names(&sales), ["Ben", "Cy"]);
        let none = select(rows, &view(Some("Nobody"), TeamOrder::Name, 50));
        assert_eq!((none.rows.len(), none.matching), (0, 0));
    }

    #[test]
    fn order_keys_round_trip_and_unknown_keys_fall_back_to_blind_spots() {
        for (order, _) in TeamOrder::ALL {
            assert_eq!(TeamOrder::parse(order.key()), order);
        }
        assert_eq!(TeamOrder::parse("nonsense"), TeamOrder::BlindSpots);
        // One spelling for the page's select and the server function.
        for (order, _) in TeamOrder::ALL {
            let json = serde_json::to_value(order).unwrap();
            assert_eq!(json, order.key());
        }
    }
}
