//! The KPI table per period as CSV: every figure with its interval and n,
//! the words of the page where a figure is not shown, and the whole range
//! as the last row.

use super::figures::figures;
use crate::domain::kpi::text::not_shown;
use crate::domain::kpi::{Durations, Estimate, Shown};
use crate::error::AppError;
use crate::server::kernel::csv::{slug, CsvTable};
use crate::server::kernel::Ctx;
use crate::types::{KpiQuery, KpiRow};

const HEADER: [&str; 22] = [
    "Period",
    "Period start",
    "Enquiries",
    "NPS",
    "NPS low",
    "NPS high",
    "NPS answers",
    "CSAT %",
    "CSAT low %",
    "CSAT high %",
    "CSAT answers",
    "Abandonment %",
    "Abandonment low %",
    "Abandonment high %",
    "Enquiries counted for abandonment",
    "Mean resolution (min)",
    "Median resolution (min)",
    "Resolved with a time",
    "Mean first response (s)",
    "Median first response (s)",
    "With a first response",
    "Complaints",
];

/// Value, low, high and n; where there is no figure, the page's words and n.
fn estimate(shown: &Shown<Estimate>, scale: f64, digits: usize) -> [String; 4] {
    match shown {
        Shown::Figure(e) => [
            format!("{:.digits$}", e.value * scale),
            format!("{:.digits$}", e.low * scale),
            format!("{:.digits$}", e.high * scale),
            e.n.to_string(),
        ],
        other => {
            let n = match other {
                Shown::TooFew(n) => n.to_string(),
                _ => "0".into(),
            };
            [
                not_shown(other).unwrap_or_default(),
                String::new(),
                String::new(),
                n,
            ]
        }
    }
}

fn durations(d: &Option<Durations>) -> [String; 3] {
    match d {
        Some(d) => [
            format!("{:.1}", d.mean),
            format!("{:.1}", d.median),
            d.n.to_string(),
        ],
        None => [String::new(), String::new(), "0".into()],
    }
}

fn row(r: &KpiRow) -> Vec<String> {
    let mut out = vec![r.label.clone(), r.start.clone(), r.enquiries.to_string()];
    out.extend(estimate(&r.nps, 1.0, 1));
    out.extend(estimate(&r.csat, 100.0, 1));
    out.extend(estimate(&r.abandonment, 100.0, 1));
    out.extend(durations(&r.resolution_minutes));
    out.extend(durations(&r.first_response_seconds));
    out.push(r.complaints.to_string());
    out
}

/// The KPIs the page shows for `q`, per period and for the whole range.
pub async fn csv(cx: &Ctx, q: KpiQuery) -> Result<CsvTable, AppError> {
    let f = figures(cx, q).await?;
    let mut rows: Vec<Vec<String>> = f.periods.iter().map(row).collect();
    rows.push(row(&f.total));
    let channel = f
        .query
        .channel
        .map_or(String::new(), |c| format!("-{}", c.key()));
    Ok(CsvTable {
        file_name: format!(
            "rapport-kpis-{}{channel}-{}-to-{}-by-{}.csv",
            slug(&f.reach),
            f.query.from,
            f.query.to,
            f.query.grouping.key()
        ),
        header: HEADER.iter().map(|h| h.to_string()).collect(),
        rows,
    })
}

fn name(what: &str, v: &crate::types::QualityView) -> String {
    format!(
        "rapport-{what}-{}-{}-to-{}.csv",
        slug(&v.reach),
        v.query.from,
        v.query.to
    )
}

/// The review score trend: a row per period and team (or agent).
pub async fn score_trends_csv(cx: &Ctx, q: KpiQuery) -> Result<CsvTable, AppError> {
    let v = super::quality(cx, q).await?;
    let by = if v.series_by == "agent" {
        "Agent"
    } else {
        "Team"
    };
    let mut rows = Vec::new();
    for s in &v.series {
        for (period, p) in v.periods.iter().zip(&s.points) {
            if let Some((mean, n)) = p {
                rows.push(vec![
                    period.clone(),
                    s.name.clone(),
                    format!("{mean:.1}"),
                    n.to_string(),
                ]);
            }
        }
    }
    Ok(CsvTable {
        file_name: name(&format!("score-trends-by-{}", v.query.grouping.key()), &v),
        header: vec![
            "Period".into(),
            by.into(),
            "Mean score".into(),
            "Reviews".into(),
        ],
        rows,
    })
}

/// The heatmap: a row per agent, for each behaviour its mean level (blank
/// below the minimum of calls) and its number of calls.
pub async fn heatmap_csv(cx: &Ctx, q: KpiQuery) -> Result<CsvTable, AppError> {
    let v = super::quality(cx, q).await?;
    let mut header = vec!["Agent".to_string()];
    for b in &v.behaviours {
        header.push(b.clone());
        header.push(format!("{b} (calls)"));
    }
    let rows = v
        .heatmap
        .iter()
        .map(|r| {
            let mut row = vec![r.agent.clone()];
            for c in &r.cells {
                row.push(c.mean.map_or(String::new(), |m| format!("{m:.2}")));
                row.push(c.calls.to_string());
            }
            row
        })
        .collect();
    Ok(CsvTable {
        file_name: name("heatmap", &v),
        header,
        rows,
    })
}

/// Score reliability per agent.
pub async fn reliability_csv(cx: &Ctx, q: KpiQuery) -> Result<CsvTable, AppError> {
    let v = super::quality(cx, q).await?;
    let opt = |x: Option<f64>| x.map_or(String::new(), |x| format!("{x:.2}"));
    let rows = v
        .reliability
        .iter()
        .map(|r| {
            let x = r.reliability;
            vec![
                r.agent.clone(),
                x.n.to_string(),
                opt(x.mean),
                opt(x.interval.map(|i| i.0)),
                opt(x.interval.map(|i| i.1)),
                x.more_needed.map_or(String::new(), |n| n.to_string()),
                if x.pooled { "organisation" } else { "agent" }.into(),
            ]
        })
        .collect();
    Ok(CsvTable {
        file_name: name("reliability", &v),
        header: [
            "Agent",
            "Reviews",
            "Mean score",
            "95% low",
            "95% high",
            "More reviews for ±5 points",
            "Spread from",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect(),
        rows,
    })
}
