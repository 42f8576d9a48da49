//! Calls: who may see which, the filtered list, one call, adding calls one
//! by one or by CSV import (all-or-nothing), transcripts.

use crate::domain::access::{self, Action};
use crate::domain::call_import::{self, RowProblem};
use crate::domain::calls::{check_reference, format_duration, CallFields, RawCall};
use crate::domain::lifecycle::{MembershipKind, ReviewStatus};
use crate::domain::transcript;
use crate::error::AppError;
use crate::server::entities::{call, review, team, team_member, user};
use crate::server::kernel::dates::{day, parse_optional_day, when};
use crate::server::kernel::forms::field;
use crate::server::kernel::names::Names;
use crate::server::kernel::{AuthUser, Ctx, InOrg, Visibility};
use crate::types::{
    CallDetail, CallFilter, CallPage, CallRow, CallScope, ImportOutcome, PersonRef, ReviewBrief,
    TeamRef,
};
use chrono::{DateTime, TimeZone, Utc};
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use std::collections::HashMap;

pub const PAGE_SIZE: u64 = 50;

/// Whether the caller may score this call (never their own).
pub fn can_score(caller: &AuthUser, vis: &Visibility, c: &call::Model) -> bool {
    caller.may(Action::ScoreCall, vis.call_relation(c))
}

/// Whether the caller may attach a recording or transcript to this call.
pub fn can_edit(caller: &AuthUser, vis: &Visibility, c: &call::Model) -> bool {
    caller.may(Action::AttachMedia, vis.call_relation(c))
}

/// Finds a call the caller may see; anything else reads as not found.
pub async fn visible_call(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    call_id: i32,
) -> Result<(call::Model, Visibility), AppError> {
    let vis = Visibility::of(db, caller).await?;
    let c = call::Entity::get_in_org(db, caller.org_id, call_id).await?;
    if !vis.sees_call(&c) {
        return Err(AppError::not_found(call::Entity::WHAT));
    }
    Ok((c, vis))
}

fn encode_cursor(c: &call::Model) -> String {
    format!("{}_{}", c.occurred_at.timestamp_millis(), c.id)
}

fn decode_cursor(raw: &str) -> Result<(DateTime<Utc>, i32), AppError> {
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

pub fn row_of(c: &call::Model, names: &Names) -> CallRow {
    CallRow {
        id: c.id,
        occurred: when(c.occurred_at),
        agent: names.person(c.agent_id),
        team: names.team(c.team_id),
        channel: c.channel.clone(),
        duration: format_duration(c.duration_seconds as i64),
        csat: c.csat,
        ltr: c.likelihood_to_recommend,
        resolved: c.resolved,
        complaint: c.complaint,
        has_recording: c.recording_key.is_some(),
        reviewed: c.reviewed,
    }
}

pub async fn list(cx: &Ctx, filter: CallFilter) -> Result<CallPage, AppError> {
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
        q = q.filter(
            call::Column::OccurredAt
                .gte(Utc.from_utc_datetime(&from.and_hms_opt(0, 0, 0).unwrap())),
        );
    }
    if let Some(to) = parse_optional_day(filter.to.as_deref(), "to")? {
        let end = to.succ_opt().unwrap_or(to).and_hms_opt(0, 0, 0).unwrap();
        q = q.filter(call::Column::OccurredAt.lt(Utc.from_utc_datetime(&end)));
    }
    if let Some(ch) = filter.channel.as_deref().filter(|c| !c.is_empty()) {
        let ch = field("channel", crate::domain::calls::Channel::parse(ch))?;
        q = q.filter(call::Column::Channel.eq(ch.as_str()));
    }
    if let Some(r) = filter.reviewed {
        q = q.filter(call::Column::Reviewed.eq(r));
    }
    if let Some(c) = filter.complaint {
        q = q.filter(call::Column::Complaint.eq(c));
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
    let mut rows = q
        .order_by_desc(call::Column::OccurredAt)
        .order_by_desc(call::Column::Id)
        .limit(PAGE_SIZE + 1)
        .all(db)
        .await?;
    let next = if rows.len() as u64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(encode_cursor)
    } else {
        None
    };
    let names = Names::of_org(db, caller.org_id).await?;
    Ok(CallPage {
        rows: rows.iter().map(|c| row_of(c, &names)).collect(),
        next,
    })
}

pub async fn options(cx: &Ctx) -> Result<CallScope, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let scope = Visibility::of(db, caller).await?;
    let teams: Vec<team::Model> = team::Entity::find()
        .filter(team::Column::OrgId.eq(caller.org_id))
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
    let agents: Vec<(i32, String, Option<i32>)> = user::Entity::find()
        .filter(user::Column::OrgId.eq(caller.org_id))
        .filter(user::Column::IsAgent.eq(true))
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter(|u| scope.whole_org || team_of.contains_key(&u.id))
        .map(|u| (u.id, u.name, team_of.get(&u.id).copied()))
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

pub async fn detail(cx: &Ctx, call_id: i32) -> Result<CallDetail, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (c, scope) = visible_call(db, caller, call_id).await?;
    let names = Names::of_org(db, caller.org_id).await?;
    detail_of(db, caller, &scope, c, &names).await
}

pub async fn detail_of(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    scope: &Visibility,
    c: call::Model,
    names: &Names,
) -> Result<CallDetail, AppError> {
    let agent = user::Entity::find_by_id(c.agent_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("The call's agent"))?;
    let reviews = review::Entity::find()
        .filter(review::Column::CallId.eq(c.id))
        .order_by_asc(review::Column::CreatedAt)
        .all(db)
        .await?;
    let reviews = reviews
        .into_iter()
        // Drafts are the coach's own work in progress.
        .filter(|r| r.status != ReviewStatus::Draft || r.coach_id == caller.id)
        .map(|r| ReviewBrief {
            id: r.id,
            coach: names.person(r.coach_id),
            status: r.status,
            score: r.score,
            critical_fail: r.critical_fail,
            submitted_on: r.submitted_at.map(day),
        })
        .collect();
    Ok(CallDetail {
        id: c.id,
        agent: PersonRef {
            id: agent.id,
            name: agent.name,
            email: agent.email,
            active: agent.active,
        },
        team: TeamRef {
            id: c.team_id,
            name: names.team(c.team_id),
        },
        occurred: when(c.occurred_at),
        channel: c.channel.clone(),
        duration: format_duration(c.duration_seconds as i64),
        csat: c.csat,
        ltr: c.likelihood_to_recommend,
        resolved: c.resolved,
        resolution_minutes: c.resolution_minutes,
        first_response_seconds: c.first_response_seconds,
        abandoned: c.abandoned,
        complaint: c.complaint,
        rectification: c.rectification.clone(),
        follow_up_on: c.follow_up_on.map(|d| d.format("%-d %b %Y").to_string()),
        reference: c.reference.clone(),
        recording: c
            .recording_key
            .as_ref()
            .map(|_| format!("/media/calls/{}/recording", c.id)),
        transcript: c
            .transcript
            .as_deref()
            .and_then(|t| transcript::parse(t).ok())
            .unwrap_or_default(),
        reviews,
        can_review: can_score(caller, scope, &c),
        can_edit: can_edit(caller, scope, &c),
    })
}

fn model_of(
    org_id: i32,
    team_id: i32,
    agent_id: i32,
    reference: Option<String>,
    f: &CallFields,
    by: i32,
) -> call::ActiveModel {
    call::ActiveModel {
        org_id: Set(org_id),
        team_id: Set(team_id),
        agent_id: Set(agent_id),
        occurred_at: Set(f.occurred_at),
        channel: Set(f.channel.as_str().to_string()),
        duration_seconds: Set(f.duration_seconds),
        csat: Set(f.csat),
        likelihood_to_recommend: Set(f.likelihood_to_recommend),
        resolved: Set(f.resolved),
        resolution_minutes: Set(f.resolution_minutes),
        first_response_seconds: Set(f.first_response_seconds),
        abandoned: Set(f.abandoned),
        complaint: Set(f.complaint),
        rectification: Set(f.rectification.map(|r| r.as_str().to_string())),
        follow_up_on: Set(f.follow_up_on),
        reference: Set(reference),
        recording_key: Set(None),
        recording_mime: Set(None),
        recording_bytes: Set(None),
        transcript: Set(None),
        reviewed: Set(false),
        created_by: Set(Some(by)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
}

pub struct NewCall<'a> {
    pub agent_id: i32,
    pub raw: RawCall<'a>,
    pub reference: &'a str,
}

pub async fn create(cx: &Ctx, input: NewCall<'_>) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::AddCall)?;
    let scope = Visibility::of(db, caller).await?;
    let membership = team_member::Entity::find()
        .filter(team_member::Column::UserId.eq(input.agent_id))
        .filter(team_member::Column::Role.eq(MembershipKind::Agent))
        .one(db)
        .await?;
    let agent = user::Entity::find_by_id(input.agent_id)
        .filter(user::Column::OrgId.eq(caller.org_id))
        .one(db)
        .await?
        .filter(|u| u.is_agent)
        .ok_or_else(|| AppError::invalid("agent_id", "Choose an agent of your organisation."))?;
    let team_id = membership.map(|m| m.team_id).ok_or_else(|| {
        AppError::invalid(
            "agent_id",
            format!(
                "{} is not in a team yet: an admin needs to add them to one.",
                agent.name
            ),
        )
    })?;
    if !scope.may_add_to_team(caller, team_id) {
        return Err(AppError::invalid(
            "agent_id",
            "You can add calls only for agents of the teams you coach.",
        ));
    }
    let fields = CallFields::check(&input.raw, Utc::now()).map_err(|problems| {
        let p = &problems[0];
        AppError::invalid(p.field, p.message.clone())
    })?;
    let reference = field("reference", check_reference(input.reference))?;
    let model = model_of(
        caller.org_id,
        team_id,
        agent.id,
        reference,
        &fields,
        caller.id,
    )
    .insert(db)
    .await?;
    Ok(model.id)
}

/// Checks a CSV export and, when `commit` is set and nothing is wrong,
/// imports every call in one transaction.
pub async fn import(cx: &Ctx, text: &str, commit: bool) -> Result<ImportOutcome, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::AddCall)?;
    let scope = Visibility::of(db, caller).await?;
    let outcome = |problems: Vec<RowProblem>| ImportOutcome {
        rows: 0,
        agents: 0,
        first: None,
        last: None,
        committed: false,
        problems,
    };
    let rows = match call_import::parse(text, Utc::now()) {
        Ok(rows) => rows,
        Err(problems) => return Ok(outcome(problems)),
    };
    let agents: HashMap<String, user::Model> = user::Entity::find()
        .filter(user::Column::OrgId.eq(caller.org_id))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.email.clone(), u))
        .collect();
    let teams: HashMap<String, team::Model> = team::Entity::find()
        .filter(team::Column::OrgId.eq(caller.org_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.name.to_lowercase(), t))
        .collect();
    let mut problems = vec![];
    let mut resolved = Vec::with_capacity(rows.len());
    for row in &rows {
        let agent = agents.get(&row.agent_email);
        let team = teams.get(&row.team.to_lowercase());
        match agent {
            None => problems.push(RowProblem {
                line: row.line,
                column: "agent_email".into(),
                message: format!(
                    "No one in your organisation has the email {}.",
                    row.agent_email
                ),
            }),
            Some(a) if !a.is_agent => problems.push(RowProblem {
                line: row.line,
                column: "agent_email".into(),
                message: format!("{} is not an agent.", a.name),
            }),
            _ => {}
        }
        match team {
            None => problems.push(RowProblem {
                line: row.line,
                column: "team".into(),
                message: format!("There is no team called \"{}\".", row.team),
            }),
            Some(t) if !scope.may_add_to_team(caller, t.id) => problems.push(RowProblem {
                line: row.line,
                column: "team".into(),
                message: format!(
                    "You can import calls only for the teams you coach, not \"{}\".",
                    t.name
                ),
            }),
            _ => {}
        }
        if let (Some(a), Some(t)) = (agent, team) {
            resolved.push((t.id, a.id));
        }
        if problems.len() >= 200 {
            break;
        }
    }
    if !problems.is_empty() {
        return Ok(outcome(problems));
    }
    let distinct_agents: std::collections::HashSet<i32> =
        resolved.iter().map(|(_, a)| *a).collect();
    let first = rows.iter().map(|r| r.fields.occurred_at).min();
    let last = rows.iter().map(|r| r.fields.occurred_at).max();
    if commit {
        let txn = db.begin().await?;
        // Kept below SQLite's limit on bound parameters per statement.
        for chunk in rows.iter().zip(&resolved).collect::<Vec<_>>().chunks(500) {
            let models = chunk.iter().map(|(row, (team_id, agent_id))| {
                model_of(
                    caller.org_id,
                    *team_id,
                    *agent_id,
                    row.reference.clone(),
                    &row.fields,
                    caller.id,
                )
            });
            call::Entity::insert_many(models).exec(&txn).await?;
        }
        txn.commit().await?;
        tracing::info!(org_id = caller.org_id, rows = rows.len(), "calls imported");
    }
    Ok(ImportOutcome {
        rows: rows.len(),
        agents: distinct_agents.len(),
        first: first.map(day),
        last: last.map(day),
        committed: commit,
        problems: vec![],
    })
}

pub async fn set_transcript(cx: &Ctx, call_id: i32, text: &str) -> Result<usize, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (c, scope) = visible_call(db, caller, call_id).await?;
    if !can_edit(caller, &scope, &c) {
        return Err(AppError::Forbidden);
    }
    let cues = field("transcript", transcript::parse(text))?;
    let mut active: call::ActiveModel = c.into();
    active.transcript = Set(Some(text.to_string()).filter(|t| !t.trim().is_empty()));
    active.update(db).await?;
    Ok(cues.len())
}

/// Records where a call's uploaded recording is stored.
pub async fn attach_recording(
    db: &impl ConnectionTrait,
    c: call::Model,
    key: String,
    mime: &str,
    bytes: u64,
) -> Result<(), AppError> {
    let mut active: call::ActiveModel = c.into();
    active.recording_key = Set(Some(key));
    active.recording_mime = Set(Some(mime.to_string()));
    active.recording_bytes = Set(Some(bytes as i64));
    active.update(db).await?;
    Ok(())
}
