//! Drawing a sample: the rules, the preview with its seed, and accepting it.

use super::{channel_keys, teams_in_scope, Coaching};
use crate::domain::access::Action;
use crate::domain::calls::{format_duration, Channel};
use crate::domain::sampling::{self, Candidate, Drawn, Rules};
use crate::error::AppError;
use crate::server::entities::{call, sample, sample_call};
use crate::server::kernel::dates::{date, parse_field_day, parse_period};
use crate::server::kernel::names::Names;
use crate::server::kernel::notify::notify;
use crate::server::kernel::{is_unique_violation, Clock, Ctx, InOrg, Visibility};
use crate::types::{DrawnCall, SamplePreview, SampleRequest};
use chrono::{NaiveDate, Utc};
use rand::Rng;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};
use std::collections::{BTreeMap, HashMap, HashSet};

pub const MAX_PER_AGENT: u32 = 20;

/// A request checked field by field.
pub(super) struct Checked {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub due_on: NaiveDate,
    pub rules: Rules,
}

fn check(req: &SampleRequest, today: NaiveDate) -> Result<Checked, AppError> {
    let (from, to) = parse_period(&req.from, &req.to)?;
    if req.per_agent == 0 || req.per_agent > MAX_PER_AGENT {
        return Err(AppError::invalid(
            "per_agent",
            format!("Ask for between 1 and {MAX_PER_AGENT} calls per agent."),
        ));
    }
    if let Some(s) = req.min_seconds {
        if !(0..=36_000).contains(&s) {
            return Err(AppError::invalid(
                "min_seconds",
                "The shortest length is in seconds, between 0 and 36000.",
            ));
        }
    }
    let due_on = parse_field_day(&req.due_on, "due_on")?;
    if due_on < today {
        return Err(AppError::invalid(
            "due_on",
            "The due date has passed: choose today or a later day.",
        ));
    }
    let mut channels: Vec<Channel> = vec![];
    for c in &req.channels {
        if !channels.contains(c) {
            channels.push(*c);
        }
    }
    Ok(Checked {
        from,
        to,
        due_on,
        rules: Rules {
            per_agent: req.per_agent as usize,
            include_complaints: req.include_complaints,
            min_seconds: req.min_seconds.filter(|s| *s > 0),
            channels,
        },
    })
}

/// Every call of the teams in the period, as the draw needs it.
async fn candidates(
    db: &impl ConnectionTrait,
    org_id: i32,
    team_ids: &[i32],
    from: NaiveDate,
    to: NaiveDate,
    clock: &Clock,
) -> Result<Vec<Candidate>, AppError> {
    if team_ids.is_empty() {
        return Ok(vec![]);
    }
    let assigned: HashSet<i32> = sample_call::Entity::in_org(org_id)
        .select_only()
        .column(sample_call::Column::CallId)
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let rows: Vec<(i32, i32, i32, Channel, i32, bool, bool)> = call::Entity::in_org(org_id)
        .select_only()
        .columns([
            call::Column::Id,
            call::Column::AgentId,
            call::Column::TeamId,
            call::Column::Channel,
            call::Column::DurationSeconds,
            call::Column::Complaint,
            call::Column::Reviewed,
        ])
        .filter(call::Column::TeamId.is_in(team_ids.to_vec()))
        .filter(call::Column::OccurredAt.gte(clock.start_of_day(from)))
        .filter(call::Column::OccurredAt.lt(clock.end_of_day(to)))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(call_id, agent_id, team_id, channel, duration, complaint, reviewed)| Candidate {
                call_id,
                agent_id,
                team_id,
                channel,
                duration_seconds: Some(duration),
                complaint,
                reviewed,
                assigned: assigned.contains(&call_id),
            },
        )
        .collect())
}

/// The draw and everything needed to show or store it.
struct Draw {
    checked: Checked,
    seed: u64,
    team_id: Option<i32>,
    drawn: Vec<Drawn>,
    proposed: Vec<(i32, Option<i32>)>,
    coaching: Coaching,
    agents: BTreeMap<i32, usize>,
}

async fn draw_for(cx: &Ctx, req: &SampleRequest) -> Result<Draw, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::DrawSample)?;
    let checked = check(req, caller.clock.today())?;
    let scope = Visibility::of(db, caller).await?;
    let teams = teams_in_scope(db, caller, &scope, req.team_id).await?;
    let team_ids: Vec<i32> = teams.iter().map(|t| t.id).collect();
    let pool = candidates(
        db,
        caller.org_id,
        &team_ids,
        checked.from,
        checked.to,
        &caller.clock,
    )
    .await?;
    // Seeds people can read out and type back in.
    let seed = req
        .seed
        .unwrap_or_else(|| rand::thread_rng().gen_range(1..1_000_000_000));
    let drawn = sampling::draw(&pool, &checked.rules, seed);
    let coaching = Coaching::of(db, caller.org_id, &team_ids).await?;
    let proposed = sampling::round_robin(&drawn, &coaching.by_team);
    let mut agents: BTreeMap<i32, usize> = pool.iter().map(|c| (c.agent_id, 0)).collect();
    for d in &drawn {
        *agents.entry(d.agent_id).or_default() += 1;
    }
    Ok(Draw {
        checked,
        seed,
        team_id: req.team_id,
        drawn,
        proposed,
        coaching,
        agents,
    })
}

/// The draw for the person to look at before accepting it.
pub async fn preview(cx: &Ctx, req: SampleRequest) -> Result<SamplePreview, AppError> {
    let d = draw_for(cx, &req).await?;
    let db = &cx.db;
    let ids: Vec<i32> = d.drawn.iter().map(|x| x.call_id).collect();
    let calls: HashMap<i32, call::Model> = call::Entity::in_org(cx.caller.org_id)
        .filter(call::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let names = Names::of(
        db,
        cx.caller.org_id,
        calls
            .values()
            .map(|c| c.agent_id)
            .chain(d.agents.keys().copied()),
        calls.values().map(|c| c.team_id),
    )
    .await?;
    let coach_of: HashMap<i32, Option<i32>> = d.proposed.iter().copied().collect();
    let rows = d
        .drawn
        .iter()
        .filter_map(|x| calls.get(&x.call_id))
        .map(|c| DrawnCall {
            call_id: c.id,
            agent_id: c.agent_id,
            agent: names.person(c.agent_id),
            team_id: c.team_id,
            team: names.team(c.team_id),
            occurred: cx.caller.clock.when(c.occurred_at),
            channel: c.channel,
            duration: format_duration(c.duration_seconds as i64),
            complaint: c.complaint,
            coach_id: coach_of.get(&c.id).copied().flatten(),
        })
        .collect();
    let per_agent = d.checked.rules.per_agent;
    let mut short: Vec<String> = d
        .agents
        .iter()
        .filter(|(_, n)| **n < per_agent)
        .map(|(a, n)| format!("{} ({n})", names.person(*a)))
        .collect();
    short.sort();
    Ok(SamplePreview {
        seed: d.seed,
        calls: rows,
        coaches: d.coaching.pickers(),
        agents: d.agents.len(),
        short,
    })
}

/// Stores the draw the person saw, with the coaches they chose.
/// `assignments`: (call id, coach id or none) for every drawn call.
pub async fn accept(
    cx: &Ctx,
    req: SampleRequest,
    assignments: Vec<(i32, Option<i32>)>,
) -> Result<i32, AppError> {
    if req.seed.is_none() {
        return Err(AppError::invalid(
            "seed",
            "Preview the draw before accepting it.",
        ));
    }
    let d = draw_for(cx, &req).await?;
    let (db, caller) = (&cx.db, &cx.caller);
    let drawn: HashMap<i32, &Drawn> = d.drawn.iter().map(|x| (x.call_id, x)).collect();
    let chosen: HashMap<i32, Option<i32>> = assignments.iter().copied().collect();
    let same_calls = chosen.len() == assignments.len()
        && chosen.len() == drawn.len()
        && chosen.keys().all(|id| drawn.contains_key(id));
    if !same_calls {
        return Err(changed_since_preview());
    }
    if drawn.is_empty() {
        return Err(AppError::invalid(
            "per_agent",
            "Nothing to sample: no unreviewed call in the period matches these rules.",
        ));
    }
    for (call_id, coach) in &chosen {
        let x = drawn[call_id];
        if let Some(coach) = coach {
            if *coach == x.agent_id || !d.coaching.may_take(x.team_id, *coach) {
                return Err(AppError::invalid(
                    "assignments",
                    "A call can go to a coach of its team or a leader, never to its own agent; choose from the list.",
                ));
            }
        }
    }
    let txn = db.begin().await?;
    let s = sample::ActiveModel {
        org_id: Set(caller.org_id),
        created_by: Set(caller.id),
        team_id: Set(d.team_id),
        period_from: Set(d.checked.from),
        period_to: Set(d.checked.to),
        per_agent: Set(d.checked.rules.per_agent as i32),
        include_complaints: Set(d.checked.rules.include_complaints),
        min_seconds: Set(d.checked.rules.min_seconds),
        channels: Set(channel_keys(&d.checked.rules.channels)),
        seed: Set(d.seed as i64),
        due_on: Set(d.checked.due_on),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for x in &d.drawn {
        let inserted = sample_call::ActiveModel {
            org_id: Set(caller.org_id),
            sample_id: Set(s.id),
            call_id: Set(x.call_id),
            coach_id: Set(chosen[&x.call_id]),
            due_on: Set(d.checked.due_on),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        match inserted {
            Ok(_) => {}
            // Someone accepted an overlapping draw a moment ago.
            Err(e) if is_unique_violation(&e) => return Err(changed_since_preview()),
            Err(e) => return Err(e.into()),
        }
    }
    txn.commit().await?;
    let mut given: BTreeMap<i32, usize> = BTreeMap::new();
    for coach in chosen.values().flatten().filter(|c| **c != caller.id) {
        *given.entry(*coach).or_default() += 1;
    }
    let me = caller.name.clone();
    for (coach, n) in given {
        notify(
            db,
            caller.org_id,
            coach,
            format!(
                "{me} gave you {n} sampled call{} to score by {}.",
                if n == 1 { "" } else { "s" },
                date(d.checked.due_on)
            ),
            format!("/sampling/{}", s.id),
        )
        .await?;
    }
    Ok(s.id)
}

fn changed_since_preview() -> AppError {
    AppError::Conflict(
        "Some of these calls were scored or drawn into another sample since the preview. Preview again to see the draw as it is now."
            .into(),
    )
}
