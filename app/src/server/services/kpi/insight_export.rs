//! The insight and coaching tables as CSV, every figure with its interval
//! and n, and "too few calls" where the page says so.

use crate::domain::insight::{Change, GroupCount, Interval, Outcome, MIN_GROUP, MIN_SIDE};
use crate::error::AppError;
use crate::server::kernel::csv::{slug, CsvTable};
use crate::server::kernel::Ctx;
use crate::types::{CoachingRow, KpiQuery};

fn fixed(x: f64, digits: usize) -> String {
    format!("{x:.digits$}")
}

fn share(g: GroupCount) -> String {
    g.share().map_or(String::new(), |s| fixed(100.0 * s, 1))
}

fn interval(i: Option<Interval>, scale: f64, digits: usize) -> [String; 3] {
    match i {
        Some(i) => [
            fixed(i.value * scale, digits),
            fixed(i.low * scale, digits),
            fixed(i.high * scale, digits),
        ],
        None => Default::default(),
    }
}

fn header(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|h| h.to_string()).collect()
}

/// Each behaviour's groups and test, ranked as on the page.
pub async fn insight_csv(cx: &Ctx, q: KpiQuery, outcome: Outcome) -> Result<CsvTable, AppError> {
    let v = super::insight(cx, q, outcome).await?;
    let good = outcome.good();
    let rows = v
        .rows
        .iter()
        .map(|r| {
            let e = r.effect;
            let mut row = vec![
                r.name.clone(),
                r.cluster.clone(),
                e.well.calls.to_string(),
                share(e.well),
                e.weak.calls.to_string(),
                share(e.weak),
            ];
            match e.tested {
                Some(t) => {
                    row.extend(interval(Some(t.difference), 100.0, 1));
                    row.extend(interval(t.hedges_g, 1.0, 2));
                    row.push(format!("{:.3e}", t.p));
                    row.push(format!("{:.3e}", t.adjusted_p));
                    row.push(if t.passes { "yes" } else { "no" }.into());
                }
                None => {
                    row.extend(std::iter::repeat_n(String::new(), 8));
                    row.push(format!("too few calls (under {MIN_GROUP} in a group)"));
                }
            }
            row
        })
        .collect();
    Ok(CsvTable {
        file_name: format!(
            "rapport-insight-{}-{}-{}-to-{}.csv",
            outcome.key(),
            slug(&v.reach),
            v.query.from,
            v.query.to
        ),
        header: header(&[
            "Behaviour",
            "Cluster",
            "Calls shown well",
            &format!("Shown well: % {good}"),
            "Calls weak",
            &format!("Weak: % {good}"),
            "Difference (points)",
            "Difference 95% low",
            "Difference 95% high",
            "Hedges' g",
            "g 95% low",
            "g 95% high",
            "p",
            "p adjusted (Benjamini–Hochberg)",
            "Passes at 5% false discovery rate",
        ]),
        rows,
    })
}

fn change_cells(r: &CoachingRow) -> Vec<String> {
    let mean = |m: Option<f64>| m.map_or(String::new(), |m| fixed(m, 2));
    let mut row = vec![
        r.before.calls.to_string(),
        mean(r.before.mean),
        r.after.calls.to_string(),
        mean(r.after.mean),
    ];
    match r.change {
        Change::TooFew => {
            row.extend([String::new(), String::new(), String::new()]);
            row.push(format!("too few calls (under {MIN_SIDE} on a side)"));
        }
        Change::Measured {
            difference,
            interval: i,
        } => {
            row.push(fixed(difference, 2));
            row.extend(interval(i, 1.0, 2).into_iter().skip(1));
            row.push(
                if i.is_none() {
                    "no spread on either side"
                } else {
                    ""
                }
                .into(),
            );
        }
    }
    row
}

const CHANGE_HEADER: [&str; 8] = [
    "Calls before",
    "Mean before",
    "Calls after",
    "Mean after",
    "Difference",
    "Difference 95% low",
    "Difference 95% high",
    "Note",
];

/// The targets set in the period with their measured effect.
pub async fn target_effects_csv(cx: &Ctx, q: KpiQuery) -> Result<CsvTable, AppError> {
    let v = super::target_effects(cx, q).await?;
    let rows = v
        .targets
        .iter()
        .map(|t| {
            let mut row = vec![
                t.agent.name.clone(),
                t.row.name.clone(),
                t.windows.on.clone(),
                t.windows.days.to_string(),
            ];
            row.extend(change_cells(&t.row));
            row
        })
        .collect();
    let mut cells = vec!["Agent", "Behaviour", "Set on", "Days each side"];
    cells.extend(CHANGE_HEADER);
    Ok(CsvTable {
        file_name: format!(
            "rapport-target-effects-{}-{}-to-{}.csv",
            slug(&v.reach),
            v.query.from,
            v.query.to
        ),
        header: header(&cells),
        rows,
    })
}

/// One agent's behaviours before against after a coaching date.
pub async fn agent_coaching_csv(
    cx: &Ctx,
    agent_id: i32,
    on: Option<String>,
) -> Result<CsvTable, AppError> {
    let v = super::agent_coaching(cx, agent_id, on).await?;
    let rows = v
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.name.clone()];
            row.extend(change_cells(r));
            row
        })
        .collect();
    let mut cells = vec!["Behaviour"];
    cells.extend(CHANGE_HEADER);
    Ok(CsvTable {
        file_name: format!(
            "rapport-coaching-{}-{}.csv",
            slug(&v.agent.name),
            v.windows.on
        ),
        header: header(&cells),
        rows,
    })
}
