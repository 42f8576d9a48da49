//! Adding calls one by one or by CSV import (all-or-nothing).

use crate::domain::access::Action;
use crate::domain::call_import::{self, ImportRow, RowProblem};
use crate::domain::calls::{check_reference, CallFields, RawCall, FORM_FIELDS};
use crate::domain::lifecycle::MembershipKind;
use crate::error::AppError;
use crate::server::entities::{call, team, team_member, user};
use crate::server::kernel::forms::field;
use crate::server::kernel::{complaint_register, kpi_rollup, AuthUser, Ctx, Visibility};
use crate::types::ImportOutcome;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use std::collections::HashMap;

pub(crate) fn model_of(
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
        channel: Set(f.channel),
        duration_seconds: Set(f.duration_seconds),
        csat: Set(f.csat),
        likelihood_to_recommend: Set(f.likelihood_to_recommend),
        resolved: Set(f.resolved),
        resolution_minutes: Set(f.resolution_minutes),
        first_response_seconds: Set(f.first_response_seconds),
        abandoned: Set(f.abandoned),
        complaint: Set(f.complaint),
        rectification: Set(f.rectification),
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

/// The teams agents belong to, by agent id.
pub(super) async fn agent_teams(
    db: &impl ConnectionTrait,
    agent_ids: Vec<i32>,
) -> Result<HashMap<i32, i32>, AppError> {
    let mut teams = HashMap::new();
    // Kept below SQLite's limit on bound parameters per statement.
    for chunk in agent_ids.chunks(900) {
        for m in team_member::Entity::find()
            .filter(team_member::Column::UserId.is_in(chunk.to_vec()))
            .filter(team_member::Column::Role.eq(MembershipKind::Agent))
            .all(db)
            .await?
        {
            teams.insert(m.user_id, m.team_id);
        }
    }
    Ok(teams)
}

/// Why a call cannot be added for an agent.
pub(super) enum NotAddable {
    NoTeam,
    OtherTeam,
    NotYours,
}

/// The one rule for adding a call, by form or by import: the call belongs
/// to the team its agent is an agent of (a team named by an import must be
/// that team), and the caller must be allowed to add calls to it.
pub(super) fn team_for_call(
    agent_team: Option<i32>,
    named_team: Option<i32>,
    may_add: impl Fn(i32) -> bool,
) -> Result<i32, NotAddable> {
    let team = agent_team.ok_or(NotAddable::NoTeam)?;
    if named_team.is_some_and(|t| t != team) {
        return Err(NotAddable::OtherTeam);
    }
    if !may_add(team) {
        return Err(NotAddable::NotYours);
    }
    Ok(team)
}

pub async fn create(cx: &Ctx, input: NewCall<'_>) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::AddCall)?;
    let scope = Visibility::of(db, caller).await?;
    // Every field is checked before anything is refused, so the form can
    // mark all that is wrong at once.
    let agent = user::Entity::find_by_id(input.agent_id)
        .filter(user::Column::OrgId.eq(caller.org_id))
        .one(db)
        .await?
        .filter(|u| u.is_agent)
        .ok_or_else(|| AppError::invalid("agent_id", "Choose an agent of your organisation."));
    let team_id = match &agent {
        Ok(agent) => {
            let agent_team = agent_teams(db, vec![agent.id])
                .await?
                .get(&agent.id)
                .copied();
            team_for_call(agent_team, None, |t| scope.may_add_to_team(caller, t)).map_err(|why| {
                AppError::invalid(
                    "agent_id",
                    match why {
                        NotAddable::NoTeam => format!(
                            "{} is not in a team yet: an admin needs to add them to one.",
                            agent.name
                        ),
                        NotAddable::OtherTeam | NotAddable::NotYours => {
                            "You can add calls only for agents of the teams you coach.".to_string()
                        }
                    },
                )
            })
        }
        Err(e) => Err(e.clone()),
    };
    let fields = CallFields::check(&input.raw, Utc::now(), &caller.clock.shown_zone()).map_err(
        |mut problems| {
            // In the order the form asks, so the first named is the first seen.
            problems.sort_by_key(|p| FORM_FIELDS.iter().position(|f| *f == p.field));
            AppError::invalid_fields(
                problems
                    .into_iter()
                    .map(|p| (p.field.to_string(), p.message))
                    .collect(),
            )
        },
    );
    let reference = field("reference", check_reference(input.reference));
    AppError::gather([
        team_id.as_ref().err().cloned(),
        fields.as_ref().err().cloned(),
        reference.as_ref().err().cloned(),
    ])?;
    let (agent, team_id, fields, reference) = (agent?, team_id?, fields?, reference?);
    let txn = db.begin().await?;
    let model = model_of(
        caller.org_id,
        team_id,
        agent.id,
        reference,
        &fields,
        caller.id,
    )
    .insert(&txn)
    .await?;
    kpi_rollup::refresh(
        &txn,
        caller.org_id,
        [caller.clock.day_of(model.occurred_at)],
    )
    .await?;
    complaint_register::open_for_calls(&txn, caller, std::slice::from_ref(&model)).await?;
    txn.commit().await?;
    Ok(model.id)
}

/// The team and agent of each call row, checked as the call import checks
/// them (the agent exists and is an agent, the team exists, is not
/// archived, is the agent's and one the caller may add to), or every
/// problem found by line and column.
pub(crate) async fn resolve_rows(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    scope: &Visibility,
    rows: &[&ImportRow],
) -> Result<Result<Vec<(i32, i32)>, Vec<RowProblem>>, AppError> {
    let agents = crate::server::kernel::names::people_by_email(db, caller.org_id).await?;
    let teams: HashMap<String, team::Model> = team::Entity::find()
        .filter(team::Column::OrgId.eq(caller.org_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.name.to_lowercase(), t))
        .collect();
    let agent_team = agent_teams(
        db,
        agents
            .values()
            .filter(|u| u.is_agent)
            .map(|u| u.id)
            .collect(),
    )
    .await?;
    let mut problems = vec![];
    let mut resolved = Vec::with_capacity(rows.len());
    for row in rows {
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
            Some(t) if t.archived_at.is_some() => problems.push(RowProblem {
                line: row.line,
                column: "team".into(),
                message: format!(
                    "\"{}\" is archived; restore it on the Teams page to add calls to it.",
                    t.name
                ),
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
        if let (Some(a), Some(t)) = (
            agent.filter(|a| a.is_agent),
            team.filter(|t| t.archived_at.is_none()),
        ) {
            let own_team = agent_team.get(&a.id).copied();
            match team_for_call(own_team, Some(t.id), |t| scope.may_add_to_team(caller, t)) {
                Ok(team_id) => resolved.push((team_id, a.id)),
                // The team column already says the caller may not add to it.
                Err(NotAddable::NotYours) => {}
                Err(NotAddable::NoTeam) => problems.push(RowProblem {
                    line: row.line,
                    column: "agent_email".into(),
                    message: format!(
                        "{} is not in a team yet: an admin needs to add them to one.",
                        a.name
                    ),
                }),
                Err(NotAddable::OtherTeam) => problems.push(RowProblem {
                    line: row.line,
                    column: "team".into(),
                    message: format!("{} is not an agent of \"{}\".", a.name, t.name),
                }),
            }
        }
        if problems.len() >= 200 {
            break;
        }
    }
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    Ok(Ok(resolved))
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
    // A file's times without an offset are the organisation's, whoever
    // imports it: an export from the contact-centre system is kept in one zone.
    let rows = match call_import::parse(text, Utc::now(), &caller.clock.org_zone()) {
        Ok(rows) => rows,
        Err(problems) => return Ok(outcome(problems)),
    };
    let resolved = match resolve_rows(db, caller, &scope, &rows.iter().collect::<Vec<_>>()).await? {
        Ok(resolved) => resolved,
        Err(problems) => return Ok(outcome(problems)),
    };
    let distinct_agents: std::collections::HashSet<i32> =
        resolved.iter().map(|(_, a)| *a).collect();
    let first = rows.iter().map(|r| r.fields.occurred_at).min();
    let last = rows.iter().map(|r| r.fields.occurred_at).max();
    if commit {
        let txn = db.begin().await?;
        // Kept below SQLite's limit on bound parameters per statement.
        let model = |(row, (team_id, agent_id)): &(&ImportRow, &(i32, i32))| {
            model_of(
                caller.org_id,
                *team_id,
                *agent_id,
                row.reference.clone(),
                &row.fields,
                caller.id,
            )
        };
        let (complaints, others): (Vec<_>, Vec<_>) = rows
            .iter()
            .zip(&resolved)
            .partition(|(row, _)| row.fields.complaint);
        for chunk in others.chunks(500) {
            call::Entity::insert_many(chunk.iter().map(model))
                .exec(&txn)
                .await?;
        }
        // Complaints are few; each is inserted on its own to get its id for
        // the register entry opened beside it.
        let mut flagged = Vec::with_capacity(complaints.len());
        for pair in &complaints {
            flagged.push(model(pair).insert(&txn).await?);
        }
        complaint_register::open_for_calls(&txn, caller, &flagged).await?;
        let days = rows
            .iter()
            .map(|r| caller.clock.day_of(r.fields.occurred_at));
        kpi_rollup::refresh(&txn, caller.org_id, days).await?;
        txn.commit().await?;
        tracing::info!(org_id = caller.org_id, rows = rows.len(), "calls imported");
    }
    Ok(ImportOutcome {
        rows: rows.len(),
        agents: distinct_agents.len(),
        first: first.map(|t| caller.clock.day(t)),
        last: last.map(|t| caller.clock.day(t)),
        committed: commit,
        problems: vec![],
    })
}
