//! The filtered, keyset-paged list of calls and what the filters offer.

use crate::domain::access::{self, Action};
use crate::domain::calls::format_duration;
use crate::domain::lifecycle::MembershipKind;
use crate::domain::lifecycle::ReviewStatus;
use crate::error::AppError;
use crate::server::entities::{call, review, team, team_member, user};
use crate::server::kernel::dates::parse_optional_day;
use crate::server::kernel::forms::field;
use crate::server::kernel::names::Names;
use crate::server::kernel::Clock;
use crate::server::kernel::{Ctx, Visibility};
use crate::types::{CallFilter, CallPage, CallReviewCue, CallRow, CallScope, TeamRef};
use chrono::{DateTime, TimeZone, Utc};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use std::collections::HashMap;

pub const PAGE_SIZE: u64 = 50;

pub(super) fn encode_cursor(c: &call::Model) -> String {
    format!("{}_{}", c.occurred_at.timestamp_millis(), c.id)
}

pub(super) fn decode_cursor(raw: &str) -> Result<(DateTime<Utc>, i32), AppError> {
    let bad = || {
        AppError::invalid(
            "after",
            "That page link is not valid; start from the first page.",
        )
    };
    let (ms, id) = raw.split_once('_').ok_or_else(bad)?;
    let ms: i64 = ms.parse().map_err(|_| bad())?;
    let id: i32 = id.parse().map_err(|_| bad())?;
    let t = Utc.timestamp_millis_opt(ms).single().ok_or_else(bad)?;
    Ok((t, id))
}

pub fn row_of(c: &call::Model, names: &Names, clock: &Clock) -> CallRow {
    CallRow {
        id: c.id,
        occurred: clock.when(c.occurred_at),
        agent: names.person(c.agent_id),
        team: names.team(c.team_id),
        channel: c.channel.key().to_string(),
        duration: format_duration(c.duration_seconds as i64),
        csat: c.csat,
        ltr: c.likelihood_to_recommend,
        resolved: c.resolved,
        complaint: c.complaint,
        has_recording: c.recording_key.is_some(),
        reviewed: c.reviewed,
        review: None,
    }
}

/// The review each call's row points to: its latest submitted review, else
/// a draft. Drafts are shown to those who may score the call (so two
/// coaches do not score it twice), never to the agent whose call it is.
async fn review_cues(
    cx: &Ctx,
    calls: &[call::Model],
) -> Result<HashMap<i32, review::Model>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let ids: Vec<i32> = calls.iter().map(|c| c.id).collect();
    let agent_of: HashMap<i32, i32> = calls.iter().map(|c| (c.id, c.agent_id)).collect();
    let may_score = access::permits_any(caller.roles, Action::ScoreCall);
    // Only the call filter goes to the database, so the planner reads the
    // reviews' call index; beside an organisation filter it may walk the
    // organisation's reviews instead. The calls are the caller's
    // organisation's already; each review is checked here all the same.
    let reviews = review::ordinary()
        .filter(review::Column::CallId.is_in(ids))
        .all(db)
        .await?;
    let mut chosen: HashMap<i32, review::Model> = HashMap::new();
    for r in reviews.into_iter().filter(|r| r.org_id == caller.org_id) {
        let draft = r.status == ReviewStatus::Draft;
        if draft
            && r.coach_id != caller.id
            && (!may_score || agent_of.get(&r.call_id) == Some(&caller.id))
        {
            continue;
        }
        let better = match chosen.get(&r.call_id) {
            None => true,
            Some(old) => match (old.status == ReviewStatus::Draft, draft) {
                (true, false) => true,
                (false, true) => false,
                _ => (r.submitted_at, r.id) > (old.submitted_at, old.id),
            },
        };
        if better {
            chosen.insert(r.call_id, r);
        }
    }
    Ok(chosen)
}

/// The calls the person may see that pass the filters, newest first from
/// the cursor on.
pub(super) async fn filtered(
    cx: &Ctx,
    filter: &CallFilter,
) -> Result<Select<call::Entity>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let scope = Visibility::of(db, caller).await?;
    let mut q = call::Entity::find().filter(scope.call_condition());
    if let Some(t) = filter.team_id {
        q = q.filter(call::Column::TeamId.eq(t));
    }
    if let Some(a) = filter.agent_id {
        q = q.filter(call::Column::AgentId.eq(a));
    }
    if let Some(from) = parse_optional_day(filter.from.as_deref(), "from")? {
        q = q.filter(call::Column::OccurredAt.gte(caller.clock.start_of_day(from)));
    }
    if let Some(to) = parse_optional_day(filter.to.as_deref(), "to")? {
        q = q.filter(call::Column::OccurredAt.lt(caller.clock.end_of_day(to)));
    }
    if let Some(ch) = filter.channel.as_deref().filter(|c| !c.is_empty()) {
        let ch = field("channel", crate::domain::calls::Channel::parse(ch))?;
        q = q.filter(call::Column::Channel.eq(ch));
    }
    if let Some(r) = filter.reviewed {
        q = q.filter(call::Column::Reviewed.eq(r));
    }
    if let Some(c) = filter.complaint {
        q = q.filter(call::Column::Complaint.eq(c));
    }
    match filter.recorded {
        Some(true) => q = q.filter(call::Column::RecordingKey.is_not_null()),
        Some(false) => q = q.filter(call::Column::RecordingKey.is_null()),
        None => {}
    }
    if let Some(after) = filter.after.as_deref().filter(|a| !a.is_empty()) {
        let (t, id) = decode_cursor(after)?;
        q = q.filter(
            Condition::any().add(call::Column::OccurredAt.lt(t)).add(
                Condition::all()
                    .add(call::Column::OccurredAt.eq(t))
                    .add(call::Column::Id.lt(id)),
            ),
        );
    }
    Ok(q.order_by_desc(call::Column::OccurredAt)
        .order_by_desc(call::Column::Id))
}

pub async fn list(cx: &Ctx, filter: CallFilter) -> Result<CallPage, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let mut rows = filtered(cx, &filter)
        .await?
        .limit(PAGE_SIZE + 1)
        .all(db)
        .await?;
    let next = if rows.len() as u64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(encode_cursor)
    } else {
        None
    };
    let mut cues = review_cues(cx, &rows).await?;
    let names = Names::of(
        db,
        caller.org_id,
        rows.iter()
            .map(|c| c.agent_id)
            .chain(cues.values().map(|r| r.coach_id)),
        rows.iter().map(|c| c.team_id),
    )
    .await?;
    Ok(CallPage {
        rows: rows
            .iter()
            .map(|c| CallRow {
                review: cues.remove(&c.id).map(|r| CallReviewCue {
                    id: r.id,
                    status: r.status,
                    score: r.score,
                    critical_fail: r.critical_fail,
                    reviewer: names.person(r.coach_id),
                    mine: r.coach_id == caller.id,
                }),
                ..row_of(c, &names, &caller.clock)
            })
            .collect(),
        next,
    })
}

pub async fn options(cx: &Ctx) -> Result<CallScope, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let scope = Visibility::of(db, caller).await?;
    let teams: Vec<team::Model> = team::Entity::find()
        .filter(team::Column::OrgId.eq(caller.org_id))
        .filter(team::Column::ArchivedAt.is_null())
        .order_by_asc(team::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter(|t| scope.may_add_to_team(caller, t.id))
        .collect();
    let team_ids: Vec<i32> = teams.iter().map(|t| t.id).collect();
    let members = team_member::Entity::find()
        .filter(team_member::Column::TeamId.is_in(team_ids))
        .filter(team_member::Column::Role.eq(MembershipKind::Agent))
        .all(db)
        .await?;
    let team_of: HashMap<i32, i32> = members.iter().map(|m| (m.user_id, m.team_id)).collect();
    // Only the agents the caller may pick, and only their names: a coach's
    // pickers need ten of an organisation's hundreds.
    let mut agents = user::Entity::find()
        .select_only()
        .columns([user::Column::Id, user::Column::Name])
        .filter(user::Column::OrgId.eq(caller.org_id))
        .filter(user::Column::IsAgent.eq(true));
    if !scope.whole_org {
        agents = agents.filter(user::Column::Id.is_in(team_of.keys().copied()));
    }
    let agents: Vec<(i32, String, Option<i32>)> = agents
        .order_by_asc(user::Column::Name)
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, name)| (id, name, team_of.get(&id).copied()))
        .collect();
    Ok(CallScope {
        teams: teams
            .into_iter()
            .map(|t| TeamRef {
                id: t.id,
                name: t.name,
            })
            .collect(),
        agents,
        can_add: access::permits_any(caller.roles, Action::AddCall),
    })
}
