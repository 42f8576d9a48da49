//! The benchmark and the coach's team view as CSV, from the same services
//! as their pages, so a download shows exactly what the page shows.

use super::benchmark::benchmark;
use super::team::team_overview;
use crate::domain::benchmark::MIN_CALLS;
use crate::domain::targets::TargetStatus;
use crate::error::AppError;
use crate::server::kernel::csv::{slug, CsvTable};
use crate::server::kernel::Ctx;

fn two(x: f64) -> String {
    format!("{x:.2}")
}

fn header(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// One row per behaviour: the agent's own level beside the coaches' mean
/// with its interval, the comparison and any open target.
pub async fn benchmark_csv(
    cx: &Ctx,
    agent_id: Option<i32>,
    days: Option<i64>,
) -> Result<CsvTable, AppError> {
    let v = benchmark(cx, agent_id, days).await?;
    let today = cx.caller.clock.today();
    let rows = v
        .rows
        .iter()
        .map(|r| {
            let c = r.coach.as_ref();
            let interval = c.and_then(|c| c.interval.filter(|_| c.calls >= MIN_CALLS));
            vec![
                r.cluster.clone(),
                r.name.clone(),
                r.self_level.map_or(String::new(), |l| l.to_string()),
                r.self_example.clone(),
                c.map_or(String::new(), |c| two(c.mean)),
                c.map_or(0, |c| c.calls).to_string(),
                interval.map_or(String::new(), |i| two(i.0)),
                interval.map_or(String::new(), |i| two(i.1)),
                r.gap.label().to_string(),
                if r.open_target.is_some() { "open" } else { "" }.to_string(),
            ]
        })
        .collect();
    Ok(CsvTable {
        file_name: format!(
            "rapport-benchmark-{}-last-{}-days-to-{today}.csv",
            slug(&v.agent.name),
            v.days
        ),
        header: header(&[
            "Cluster",
            "Behaviour",
            "Self level",
            "Self example",
            "Coach rating",
            "Scored calls",
            "95% low",
            "95% high",
            "Comparison",
            "Target",
        ]),
        rows,
    })
}

/// One row per agent the caller coaches (or, for a leader, every agent).
pub async fn team_csv(cx: &Ctx) -> Result<CsvTable, AppError> {
    let rows = team_overview(cx).await?;
    let today = cx.caller.clock.today();
    let listed = |xs: &[String]| xs.join("; ");
    let chip_names = |xs: &[crate::types::GapChip]| {
        xs.iter()
            .map(|c| format!("{} ({:+.1})", c.name, c.levels))
            .collect::<Vec<_>>()
            .join("; ")
    };
    Ok(CsvTable {
        file_name: format!("rapport-team-development-{today}.csv"),
        header: header(&[
            "Agent",
            "Teams",
            "Scored calls (90 days)",
            "Self-assessed on",
            "Blind spots",
            "Hidden strengths",
            "Open targets",
            "Targets achieved",
            "Targets missed",
            "Last practice",
        ]),
        rows: rows
            .iter()
            .map(|r| {
                let count = |s: TargetStatus| r.targets.iter().filter(|t| t.status == s).count();
                let open: Vec<String> = r
                    .targets
                    .iter()
                    .filter(|t| t.status.is_open())
                    .map(|t| format!("{} → {} by {}", t.behaviour, t.level, t.due_on))
                    .collect();
                vec![
                    r.agent.name.clone(),
                    r.agent.teams.clone(),
                    r.scored_calls.to_string(),
                    r.self_assessed_on.clone().unwrap_or_default(),
                    chip_names(&r.blind_spots),
                    chip_names(&r.hidden_strengths),
                    listed(&open),
                    count(TargetStatus::Achieved).to_string(),
                    count(TargetStatus::Missed).to_string(),
                    r.last_practice.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    })
}
