//! Did coaching work (PRODUCT.md §6): a behaviour's call values before
//! against after a target was set or a coaching date, in windows of equal
//! length, read from the quality rollup.

use super::reach::Reach;
use crate::domain::access::Action;
use crate::domain::insight::stats::change;
use crate::domain::insight::{coaching_windows, Change};
use crate::domain::kpi::review_pack::for_each_call;
use crate::error::AppError;
use crate::server::entities::{target, team_member, user};
use crate::server::kernel::dates::parse_field_day;
use crate::server::kernel::{quality_rollup, Clock, Ctx, Visibility};
use crate::server::services::calls;
use crate::server::services::development::{
    agent_for, agent_refs, behaviour_name, columns_of, current_framework, lineage_map,
};
use crate::types::{
    AgentRef, CoachingRow, CoachingView, CoachingWindows, KpiQuery, SideFigures, TargetEffect,
    TargetEffects,
};
use chrono::{Duration, NaiveDate};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{BTreeSet, HashMap};

/// How far back a coaching date is offered by default.
const DEFAULT_DAYS_AGO: i64 = 30;
/// A target younger than this has too few calls since to open on.
const SETTLED_DAYS: i64 = 14;

/// An agent's scored calls: the day and the value per lineage column.
type CallValues = Vec<(NaiveDate, Vec<Option<f64>>)>;

/// The scored calls of these agents from `from` to `to`, per agent.
async fn calls_of(
    db: &impl ConnectionTrait,
    org_id: i32,
    agents: &BTreeSet<i32>,
    (from, to): (NaiveDate, NaiveDate),
    lineages: &[String],
) -> Result<HashMap<i32, CallValues>, AppError> {
    let column_of = columns_of(db, org_id, lineages).await?;
    let reviews = quality_rollup::read(db, org_id, from, to, |a, _| agents.contains(&a)).await?;
    let day_of: HashMap<i32, NaiveDate> = reviews.iter().map(|(d, e)| (e.call_id, *d)).collect();
    let mut out: HashMap<i32, CallValues> = HashMap::new();
    let kept = reviews
        .iter()
        .map(|(_, e)| e)
        .filter(|e| agents.contains(&e.agent_id));
    for_each_call(kept, &column_of, lineages.len(), |call, values| {
        if let Some(day) = day_of.get(&call[0].call_id) {
            out.entry(call[0].agent_id)
                .or_default()
                .push((*day, values.to_vec()));
        }
    });
    Ok(out)
}

/// The windows either side of a coaching date: the first day before, the
/// date itself (the first day after) and the last day after.
#[derive(Clone, Copy)]
struct Windows {
    from: NaiveDate,
    on: NaiveDate,
    to: NaiveDate,
}

impl Windows {
    fn of(on: NaiveDate, today: NaiveDate) -> Windows {
        let (from, on, to) = coaching_windows(on, today);
        Windows { from, on, to }
    }

    /// As pages show them.
    fn view(self) -> CoachingWindows {
        CoachingWindows {
            before_from: self.from.to_string(),
            on: self.on.to_string(),
            after_to: self.to.to_string(),
            days: (self.on - self.from).num_days(),
        }
    }
}

fn side(values: &[f64]) -> SideFigures {
    SideFigures {
        calls: values.len(),
        mean: (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64),
    }
}

/// One column compared across the windows.
fn compare(
    calls: &[(NaiveDate, Vec<Option<f64>>)],
    column: usize,
    w: Windows,
) -> (SideFigures, SideFigures, Change) {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for (day, values) in calls {
        let Some(v) = values.get(column).copied().flatten() else {
            continue;
        };
        if (w.from..w.on).contains(day) {
            before.push(v);
        } else if (w.on..=w.to).contains(day) {
            after.push(v);
        }
    }
    (side(&before), side(&after), change(&before, &after))
}

/// Every behaviour of one agent before against after `on` (default: the
/// agent's latest target, or thirty days ago).
pub async fn agent_coaching(
    cx: &Ctx,
    agent_id: i32,
    on: Option<String>,
) -> Result<CoachingView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ViewInsight)?;
    let vis = Visibility::of(db, caller).await?;
    let agent = agent_for(db, caller, &vis, Some(agent_id)).await?;
    let today = caller.clock.today();
    let targets = target::Entity::find()
        .filter(target::Column::OrgId.eq(caller.org_id))
        .filter(target::Column::AgentId.eq(agent.id))
        .order_by_desc(target::Column::CreatedAt)
        .all(db)
        .await?;
    let on = match on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => parse_field_day(raw, "on")?,
        // The latest target with some weeks behind it to compare, else a
        // month ago.
        None => targets
            .iter()
            .map(|t| caller.clock.day_of(t.created_at))
            .find(|d| (today - *d).num_days() >= SETTLED_DAYS)
            .unwrap_or(today - Duration::days(DEFAULT_DAYS_AGO)),
    };
    let windows = Windows::of(on, today);
    let fw = current_framework(db, caller.org_id).await?;
    let behaviours: Vec<(String, String)> = fw
        .behaviours()
        .map(|b| (b.lineage.clone(), b.name.clone()))
        .collect();
    let lineages: Vec<String> = behaviours.iter().map(|b| b.0.clone()).collect();
    let agents = BTreeSet::from([agent.id]);
    let calls = calls_of(
        db,
        caller.org_id,
        &agents,
        (windows.from, windows.to),
        &lineages,
    )
    .await?;
    let theirs = calls.get(&agent.id).map(Vec::as_slice).unwrap_or_default();
    let rows = behaviours
        .into_iter()
        .enumerate()
        .map(|(col, (lineage, name))| {
            let (before, after, change) = compare(theirs, col, windows);
            CoachingRow {
                lineage,
                name,
                before,
                after,
                change,
            }
        })
        .collect();
    let all = lineage_map(db, caller.org_id).await?;
    let target_dates = targets
        .iter()
        .map(|t| {
            (
                caller.clock.day_of(t.created_at).to_string(),
                behaviour_name(&fw, &all, &t.lineage),
            )
        })
        .collect();
    let agent = agent_refs(db, caller.org_id, std::slice::from_ref(&agent))
        .await?
        .remove(0);
    Ok(CoachingView {
        agent,
        windows: windows.view(),
        rows,
        target_dates,
    })
}

/// One target's behaviour before against after it was set, for the target
/// page (whoever may see the target may see this).
pub async fn target_change(
    db: &impl ConnectionTrait,
    t: &target::Model,
    name: String,
    clock: &Clock,
) -> Result<(CoachingWindows, CoachingRow), AppError> {
    let windows = Windows::of(clock.day_of(t.created_at), clock.today());
    let lineages = vec![t.lineage.clone()];
    let agents = BTreeSet::from([t.agent_id]);
    let calls = calls_of(db, t.org_id, &agents, (windows.from, windows.to), &lineages).await?;
    let theirs = calls
        .get(&t.agent_id)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let (before, after, change) = compare(theirs, 0, windows);
    Ok((
        windows.view(),
        CoachingRow {
            lineage: t.lineage.clone(),
            name,
            before,
            after,
            change,
        },
    ))
}

/// The targets set in the period for agents in reach, each with its
/// measured effect, newest first.
pub async fn target_effects(cx: &Ctx, mut q: KpiQuery) -> Result<TargetEffects, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ViewInsight)?;
    q.channel = None;
    let reach = Reach::of(cx, &q).await?;
    let targets = target::Entity::find()
        .filter(target::Column::OrgId.eq(caller.org_id))
        .filter(target::Column::CreatedAt.gte(caller.clock.start_of_day(reach.from)))
        .filter(target::Column::CreatedAt.lt(caller.clock.end_of_day(reach.to)))
        .order_by_desc(target::Column::CreatedAt)
        .order_by_desc(target::Column::Id)
        .all(db)
        .await?;
    let candidates: Vec<i32> = targets.iter().map(|t| t.agent_id).collect();
    let mut teams_of: HashMap<i32, Vec<i32>> = HashMap::new();
    for m in team_member::Entity::find()
        .filter(team_member::Column::UserId.is_in(candidates))
        .all(db)
        .await?
    {
        teams_of.entry(m.user_id).or_default().push(m.team_id);
    }
    let targets: Vec<target::Model> = targets
        .into_iter()
        .filter(|t| {
            teams_of
                .get(&t.agent_id)
                .is_some_and(|ts| ts.iter().any(|team| reach.admits(t.agent_id, *team)))
        })
        .collect();
    let today = caller.clock.today();
    let fw = current_framework(db, caller.org_id).await?;
    let all = lineage_map(db, caller.org_id).await?;
    let lineages: Vec<String> = targets
        .iter()
        .map(|t| t.lineage.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let column: HashMap<&str, usize> = lineages
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let agents: BTreeSet<i32> = targets.iter().map(|t| t.agent_id).collect();
    let windows: Vec<Windows> = targets
        .iter()
        .map(|t| Windows::of(caller.clock.day_of(t.created_at), today))
        .collect();
    let first = windows.iter().map(|w| w.from).min();
    let last = windows.iter().map(|w| w.to).max();
    let calls = match (first, last) {
        (Some(f), Some(l)) => calls_of(db, caller.org_id, &agents, (f, l), &lineages).await?,
        _ => HashMap::new(),
    };
    let users = user::Entity::find()
        .filter(user::Column::OrgId.eq(caller.org_id))
        .filter(user::Column::Id.is_in(agents.iter().copied().collect::<Vec<_>>()))
        .all(db)
        .await?;
    let refs: HashMap<i32, AgentRef> = agent_refs(db, caller.org_id, &users)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let mut out = Vec::new();
    for (t, windows) in targets.iter().zip(windows) {
        let (Some(agent), Some(&col)) = (refs.get(&t.agent_id), column.get(t.lineage.as_str()))
        else {
            continue;
        };
        let theirs = calls
            .get(&t.agent_id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let (before, after, change) = compare(theirs, col, windows);
        out.push(TargetEffect {
            target_id: t.id,
            agent: agent.clone(),
            windows: windows.view(),
            row: CoachingRow {
                lineage: t.lineage.clone(),
                name: behaviour_name(&fw, &all, &t.lineage),
                before,
                after,
                change,
            },
        });
    }
    Ok(TargetEffects {
        query: q,
        reach: reach.label,
        scope: calls::options(cx).await?,
        targets: out,
    })
}
