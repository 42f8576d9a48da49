//! Target summaries as lists show them: computed from a target's calls,
//! or read from the progress its last refresh kept.

use super::*;
use crate::domain::targets::{status_as_of, Progress, TargetStatus};
use crate::error::AppError;
use crate::server::entities::target;
use crate::server::kernel::AuthUser;
use crate::types::{FrameworkView, TargetSummary};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::ConnectionTrait;
use std::collections::HashMap;

pub fn summary_of(
    t: &target::Model,
    name: String,
    scored: &[Scored],
    now: DateTime<Utc>,
    zone: Tz,
) -> TargetSummary {
    summary_with(t, name, &progress_of(t, scored, now, zone).0)
}

/// A target's summary from its already computed progress.
pub fn summary_with(t: &target::Model, name: String, p: &Progress) -> TargetSummary {
    summary(t, name, p.status, p.achieved_on, p.mean, p.calls)
}

/// A target's summary from the progress its last refresh kept, as it stands
/// at `now`; `None` before its first refresh. Every scored call refreshes
/// its agent's targets, so only time can have moved the status since.
pub fn kept_summary(
    t: &target::Model,
    name: String,
    now: DateTime<Utc>,
    zone: Tz,
) -> Option<TargetSummary> {
    let (recorded, calls) = (t.status?, t.progress_calls?);
    let status = status_as_of(recorded, plan_of(t).due_end(&zone), now);
    Some(summary(
        t,
        name,
        status,
        t.achieved_on,
        t.progress_mean,
        usize::try_from(calls).unwrap_or(0),
    ))
}

/// The targets' summaries, in order, as views of many targets show them:
/// the progress a refresh kept, and for a target no refresh has reached yet
/// (just after an upgrade) its calls read there and then.
pub async fn target_summaries(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    targets: &[target::Model],
    (fw, all): (&FrameworkView, &HashMap<i32, (String, String)>),
    now: DateTime<Utc>,
) -> Result<Vec<TargetSummary>, AppError> {
    let (org_id, zone) = (caller.org_id, caller.clock.org_zone());
    let name = |t: &target::Model| behaviour_name(fw, all, &t.lineage);
    let unkept: Vec<target::Model> = targets
        .iter()
        .filter(|t| t.progress_calls.is_none())
        .cloned()
        .collect();
    let scored = if unkept.is_empty() {
        vec![]
    } else {
        target_ratings(db, org_id, &unkept, all).await?
    };
    Ok(targets
        .iter()
        .map(|t| {
            kept_summary(t, name(t), now, zone)
                .unwrap_or_else(|| summary_of(t, name(t), &scored, now, zone))
        })
        .collect())
}

fn summary(
    t: &target::Model,
    name: String,
    status: TargetStatus,
    achieved_on: Option<NaiveDate>,
    mean: Option<f64>,
    calls: usize,
) -> TargetSummary {
    TargetSummary {
        id: t.id,
        behaviour: name,
        level: t.level.clamp(1, 5) as u8,
        baseline: t.baseline,
        due_on: t.due_on.format("%-d %b %Y").to_string(),
        status,
        achieved_on: achieved_on.map(|d| d.format("%-d %b %Y").to_string()),
        mean,
        calls,
        agreed: t.agreed_by.is_some(),
    }
}
