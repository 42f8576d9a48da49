//! A coach's queue: the sampled calls given to them and not yet scored.

use super::progress::sampled;
use crate::error::AppError;
use crate::server::entities::sample_call;
use crate::server::kernel::dates::date;
use crate::server::kernel::names::Names;
use crate::server::kernel::{Ctx, InOrg, Visibility};
use crate::types::{AssignedCall, SampleCallState};
use sea_orm::{ColumnTrait, QueryFilter};

/// Soonest due first; scored calls leave the queue.
pub async fn assigned_to_me(cx: &Ctx) -> Result<Vec<AssignedCall>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let scope = Visibility::of(db, caller).await?;
    let mine = sampled(
        db,
        &scope,
        sample_call::Entity::in_org(caller.org_id)
            .filter(sample_call::Column::CoachId.eq(caller.id)),
    )
    .await?;
    let today = caller.clock.today();
    let mut open: Vec<_> = mine
        .into_iter()
        .filter(|s| s.state(today) != SampleCallState::Scored)
        .collect();
    if open.is_empty() {
        return Ok(vec![]);
    }
    open.sort_by_key(|s| (s.due_on, s.call.occurred_at));
    let names = Names::of(db, caller.org_id, open.iter().map(|s| s.call.agent_id), []).await?;
    Ok(open
        .into_iter()
        .map(|s| AssignedCall {
            call_id: s.call.id,
            sample_id: s.sample_id,
            agent: names.person(s.call.agent_id),
            occurred: caller.clock.when(s.call.occurred_at),
            channel: s.call.channel,
            due_on: date(s.due_on),
            overdue: s.state(today) == SampleCallState::Overdue,
            csat: s.call.csat,
            complaint: s.call.complaint,
            has_recording: s.call.recording_key.is_some(),
        })
        .collect())
}
