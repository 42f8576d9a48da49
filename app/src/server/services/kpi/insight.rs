//! Which behaviours go with satisfied customers (PRODUCT.md §6), over the
//! scored calls in reach with an answer, read from the quality rollup.

use super::reach::Reach;
use crate::domain::access::Action;
use crate::domain::insight::stats::{effects, Groups};
use crate::domain::insight::{side_of, Outcome, Side};
use crate::domain::kpi::review_pack::for_each_call;
use crate::error::AppError;
use crate::server::kernel::{quality_rollup, Ctx};
use crate::server::services::calls;
use crate::server::services::development::{columns_of, current_framework};
use crate::types::{InsightRow, InsightView, KpiQuery};

pub async fn insight(cx: &Ctx, mut q: KpiQuery, outcome: Outcome) -> Result<InsightView, AppError> {
    cx.caller.require(Action::ViewInsight)?;
    // One agent's calls are too few to say what drives satisfaction, and
    // the view is about behaviours, not people.
    q.agent_id = None;
    let db = &cx.db;
    let org = cx.caller.org_id;
    let reach = Reach::of(cx, &q).await?;
    let fw = current_framework(db, org).await?;
    let behaviours: Vec<(String, String, String)> = fw
        .clusters
        .iter()
        .flat_map(|c| {
            c.behaviours
                .iter()
                .map(|b| (b.lineage.clone(), b.name.clone(), c.name.clone()))
        })
        .collect();
    let lineages: Vec<String> = behaviours.iter().map(|b| b.0.clone()).collect();
    let column_of = columns_of(db, org, &lineages).await?;
    let reviews =
        quality_rollup::read(db, org, reach.from, reach.to, |a, t| reach.admits(a, t)).await?;
    let mut groups = vec![Groups::default(); lineages.len()];
    let mut calls = 0;
    let in_reach = reviews.iter().map(|(_, e)| e).filter(|e| {
        reach.admits(e.agent_id, e.team_id) && q.channel.is_none_or(|c| e.channel == c)
    });
    for_each_call(in_reach, &column_of, lineages.len(), |call, values| {
        let Some(result) = outcome.of(call[0].csat, call[0].likelihood) else {
            return;
        };
        if values.iter().all(Option::is_none) {
            return;
        }
        calls += 1;
        for (group, value) in groups.iter_mut().zip(values) {
            match value.and_then(side_of) {
                Some(Side::Well) => group.well.push(result),
                Some(Side::Weak) => group.weak.push(result),
                None => {}
            }
        }
    });
    let mut rows: Vec<InsightRow> = behaviours
        .into_iter()
        .zip(effects(&groups))
        .map(|((lineage, name, cluster), effect)| InsightRow {
            lineage,
            name,
            cluster,
            effect,
        })
        .collect();
    // Tested first, largest difference first; the rest keep framework order.
    rows.sort_by(|a, b| {
        let key = |r: &InsightRow| r.effect.tested.map(|t| -t.difference.value);
        match (key(a), key(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
    Ok(InsightView {
        query: q,
        outcome,
        reach: reach.label,
        scope: calls::options(cx).await?,
        calls,
        rows,
    })
}
