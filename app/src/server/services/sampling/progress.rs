//! Following a sample: the list, one sample with each call's state, and a
//! leader giving a call to another coach.

use super::{channels_of, teams_in_scope, Coaching};
use crate::domain::access::{self, Action};
use crate::domain::calls::Channel;
use crate::domain::validation::parse_day;
use crate::error::AppError;
use crate::server::entities::{call, sample, sample_call};
use crate::server::kernel::dates::date;
use crate::server::kernel::names::Names;
use crate::server::kernel::notify::notify;
use crate::server::kernel::{Ctx, InOrg, Visibility};
use crate::types::{
    PickOption, SampleCallRow, SampleCallState, SampleList, SampleProgress, SampleSummary,
    SampleView,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

/// A sampled call with what its state depends on.
pub(super) struct Sampled {
    pub sample_id: i32,
    pub coach_id: Option<i32>,
    pub due_on: NaiveDate,
    pub call: CallFacts,
}

#[derive(FromQueryResult)]
pub(super) struct CallFacts {
    pub id: i32,
    pub team_id: i32,
    pub agent_id: i32,
    pub occurred_at: DateTime<Utc>,
    pub channel: Channel,
    pub complaint: bool,
    pub reviewed: bool,
    pub csat: Option<i16>,
    pub recording_key: Option<String>,
}

impl Sampled {
    pub fn state(&self, today: NaiveDate) -> SampleCallState {
        if self.call.reviewed {
            SampleCallState::Scored
        } else if self.coach_id.is_none() {
            SampleCallState::Unassigned
        } else if self.due_on < today {
            SampleCallState::Overdue
        } else {
            SampleCallState::Due
        }
    }
}

/// The calls of the samples that the caller sees, in call order.
pub(super) async fn sampled(
    db: &impl ConnectionTrait,
    scope: &Visibility,
    rows: sea_orm::Select<sample_call::Entity>,
) -> Result<Vec<Sampled>, AppError> {
    let links: Vec<(i32, i32, Option<i32>, NaiveDate)> = rows
        .select_only()
        .columns([
            sample_call::Column::SampleId,
            sample_call::Column::CallId,
            sample_call::Column::CoachId,
            sample_call::Column::DueOn,
        ])
        .order_by_asc(sample_call::Column::CallId)
        .into_tuple()
        .all(db)
        .await?;
    if links.is_empty() {
        return Ok(vec![]);
    }
    let ids: Vec<i32> = links.iter().map(|l| l.1).collect();
    let mut facts: HashMap<i32, CallFacts> = HashMap::new();
    // In slices: a parameter list stays far below any database's limit.
    for chunk in ids.chunks(2000) {
        let found: Vec<CallFacts> = call::Entity::find()
            .select_only()
            .columns([
                call::Column::Id,
                call::Column::TeamId,
                call::Column::AgentId,
                call::Column::OccurredAt,
                call::Column::Channel,
                call::Column::Complaint,
                call::Column::Reviewed,
                call::Column::Csat,
                call::Column::RecordingKey,
            ])
            .filter(scope.call_condition())
            .filter(call::Column::Id.is_in(chunk.to_vec()))
            .into_model()
            .all(db)
            .await?;
        facts.extend(found.into_iter().map(|f| (f.id, f)));
    }
    Ok(links
        .into_iter()
        .filter_map(|(sample_id, call_id, coach_id, due_on)| {
            facts.remove(&call_id).map(|call| Sampled {
                sample_id,
                coach_id,
                due_on,
                call,
            })
        })
        .collect())
}

fn progress<'a>(calls: impl Iterator<Item = &'a Sampled>, today: NaiveDate) -> SampleProgress {
    let mut p = SampleProgress::default();
    for c in calls {
        p.total += 1;
        match c.state(today) {
            SampleCallState::Unassigned => {}
            SampleCallState::Scored => {
                p.assigned += usize::from(c.coach_id.is_some());
                p.scored += 1;
            }
            SampleCallState::Overdue => {
                p.assigned += 1;
                p.overdue += 1;
            }
            SampleCallState::Due => p.assigned += 1,
        }
    }
    p
}

fn title(s: &sample::Model, names: &Names) -> String {
    let teams = s
        .team_id
        .map_or_else(|| "All teams".to_string(), |t| names.team(t));
    format!("{teams} · {} to {}", date(s.period_from), date(s.period_to))
}

fn rules(s: &sample::Model) -> String {
    let mut parts = vec![format!(
        "{} call{} per agent",
        s.per_agent,
        if s.per_agent == 1 { "" } else { "s" }
    )];
    if s.include_complaints {
        parts.push("complaints first".into());
    }
    if let Some(m) = s.min_seconds {
        parts.push(format!("at least {m} s long"));
    }
    let channels = channels_of(&s.channels);
    if !channels.is_empty() {
        let names: Vec<&str> = channels.iter().map(|c| c.label()).collect();
        parts.push(format!("{} only", names.join(", ")));
    }
    parts.join(" · ")
}

pub async fn list(cx: &Ctx) -> Result<SampleList, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::DrawSample)?;
    let scope = Visibility::of(db, caller).await?;
    let samples = sample::Entity::in_org(caller.org_id)
        .order_by_desc(sample::Column::CreatedAt)
        .limit(50)
        .all(db)
        .await?;
    let ids: Vec<i32> = samples.iter().map(|s| s.id).collect();
    let calls = sampled(
        db,
        &scope,
        sample_call::Entity::in_org(caller.org_id).filter(sample_call::Column::SampleId.is_in(ids)),
    )
    .await?;
    let names = Names::of(
        db,
        caller.org_id,
        samples.iter().map(|s| s.created_by),
        samples.iter().filter_map(|s| s.team_id),
    )
    .await?;
    let today = caller.clock.today();
    let teams = teams_in_scope(db, caller, &scope, None)
        .await?
        .into_iter()
        .map(|t| PickOption {
            id: t.id,
            label: t.name,
        })
        .collect();
    Ok(SampleList {
        teams,
        default_from: (today - Duration::days(30)).to_string(),
        default_to: today.to_string(),
        default_due: (today + Duration::days(7)).to_string(),
        samples: samples
            .iter()
            .map(|s| {
                (
                    s,
                    progress(calls.iter().filter(|c| c.sample_id == s.id), today),
                )
            })
            // A coach sees the samples that reach their teams.
            .filter(|(_, p)| p.total > 0)
            .map(|(s, p)| SampleSummary {
                id: s.id,
                title: title(s, &names),
                drawn_by: names.person(s.created_by),
                drawn_on: caller.clock.day(s.created_at),
                due_on: date(s.due_on),
                progress: p,
            })
            .collect(),
    })
}

pub async fn view(cx: &Ctx, id: i32) -> Result<SampleView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::DrawSample)?;
    let s = sample::Entity::get_in_org(db, caller.org_id, id).await?;
    let scope = Visibility::of(db, caller).await?;
    let in_sample =
        sample_call::Entity::in_org(caller.org_id).filter(sample_call::Column::SampleId.eq(s.id));
    let total_in_sample = in_sample.clone().count(db).await? as usize;
    let mut calls = sampled(db, &scope, in_sample).await?;
    if calls.is_empty() {
        // Nothing of it reaches the caller's teams: as if it did not exist.
        return Err(AppError::not_found("That sample"));
    }
    let mut people: Vec<i32> = vec![s.created_by];
    let mut teams: Vec<i32> = s.team_id.into_iter().collect();
    for c in &calls {
        people.extend([c.call.agent_id].into_iter().chain(c.coach_id));
        teams.push(c.call.team_id);
    }
    let names = Names::of(db, caller.org_id, people, teams).await?;
    // Read by team and agent, each agent's calls in the order they happened.
    calls.sort_by_cached_key(|c| {
        (
            names.team(c.call.team_id),
            names.person(c.call.agent_id),
            c.call.occurred_at,
        )
    });
    let today = caller.clock.today();
    let coaches = if access::permits_any(caller.roles, Action::ReassignSample) {
        let mut teams: Vec<i32> = calls.iter().map(|c| c.call.team_id).collect();
        teams.sort_unstable();
        teams.dedup();
        Coaching::of(db, caller.org_id, &teams).await?.pickers()
    } else {
        vec![]
    };
    Ok(SampleView {
        id: s.id,
        title: title(&s, &names),
        rules: rules(&s),
        seed: s.seed as u64,
        drawn_by: names.person(s.created_by),
        drawn_on: caller.clock.day(s.created_at),
        progress: progress(calls.iter(), today),
        total_in_sample,
        calls: calls
            .iter()
            .map(|c| SampleCallRow {
                call_id: c.call.id,
                agent: names.person(c.call.agent_id),
                team_id: c.call.team_id,
                team: names.team(c.call.team_id),
                occurred: caller.clock.when(c.call.occurred_at),
                channel: c.call.channel,
                complaint: c.call.complaint,
                coach_id: c.coach_id,
                coach: c.coach_id.map(|id| names.person(id)),
                due_on: date(c.due_on),
                due_iso: c.due_on.to_string(),
                state: c.state(today),
            })
            .collect(),
        coaches,
    })
}

/// A leader gives a sampled call to another coach (or takes it from
/// everyone) and sets its due date.
pub async fn reassign(
    cx: &Ctx,
    sample_id: i32,
    call_id: i32,
    coach_id: Option<i32>,
    due_on: &str,
) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ReassignSample)?;
    let link = sample_call::Entity::in_org(caller.org_id)
        .filter(sample_call::Column::SampleId.eq(sample_id))
        .filter(sample_call::Column::CallId.eq(call_id))
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("That call of the sample"))?;
    let c = call::Entity::get_in_org(db, caller.org_id, call_id).await?;
    if c.reviewed {
        return Err(AppError::Conflict(
            "This call has been scored already; there is nothing left to reassign.".into(),
        ));
    }
    let due = parse_day(due_on).map_err(|m| AppError::invalid("due_on", m))?;
    if due < caller.clock.today() && due != link.due_on {
        return Err(AppError::invalid(
            "due_on",
            "The due date has passed: choose today or a later day.",
        ));
    }
    if let Some(coach) = coach_id {
        let coaching = Coaching::of(db, caller.org_id, &[c.team_id]).await?;
        if coach == c.agent_id || !coaching.may_take(c.team_id, coach) {
            return Err(AppError::invalid(
                "coach",
                "A call can go to a coach of its team or a leader, never to its own agent; choose from the list.",
            ));
        }
    }
    let newly_given = coach_id.filter(|c| Some(*c) != link.coach_id && *c != caller.id);
    let mut active: sample_call::ActiveModel = link.into();
    active.coach_id = Set(coach_id);
    active.due_on = Set(due);
    active.update(db).await?;
    if let Some(coach) = newly_given {
        let names = Names::of(db, caller.org_id, [caller.id, c.agent_id], []).await?;
        notify(
            db,
            caller.org_id,
            coach,
            format!(
                "{} gave you a call of {} ({}) to score by {}.",
                names.person(caller.id),
                names.person(c.agent_id),
                caller.clock.when(c.occurred_at),
                date(due)
            ),
            format!("/calls/{}", c.id),
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn one(coach: Option<i32>, due: NaiveDate, reviewed: bool) -> Sampled {
        Sampled {
            sample_id: 1,
            coach_id: coach,
            due_on: due,
            call: CallFacts {
                id: 1,
                team_id: 1,
                agent_id: 2,
                occurred_at: Utc.with_ymd_and_hms(2026, 11, 1, 10, 0, 0).unwrap(),
                channel: Channel::Phone,
                complaint: false,
                reviewed,
                csat: None,
                recording_key: None,
            },
        }
    }

    #[test]
    fn a_call_is_overdue_from_the_day_after_it_was_due_until_it_is_scored() {
        let due = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let next = due.succ_opt().unwrap();
        assert_eq!(one(Some(3), due, false).state(due), SampleCallState::Due);
        assert_eq!(
            one(Some(3), due, false).state(next),
            SampleCallState::Overdue
        );
        assert_eq!(one(Some(3), due, true).state(next), SampleCallState::Scored);
        assert_eq!(
            one(None, due, false).state(next),
            SampleCallState::Unassigned
        );
        // Scored by someone although nobody was given it still counts.
        assert_eq!(one(None, due, true).state(next), SampleCallState::Scored);
    }

    #[test]
    fn progress_counts_each_call_once() {
        let due = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        let today = due.succ_opt().unwrap();
        let calls = [
            one(Some(3), due, true),
            one(Some(3), due, false),
            one(Some(4), today, false),
            one(None, due, false),
            one(None, due, true),
        ];
        assert_eq!(
            progress(calls.iter(), today),
            SampleProgress {
                total: 5,
                assigned: 3,
                scored: 2,
                overdue: 1,
            }
        );
    }
}
