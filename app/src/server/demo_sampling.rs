//! Demo sampling: a sample the leader drew six days ago, two calls per
//! agent from the month before, given to each team's coach. The demo's own
//! reviews score some of them (no review is added: the curated development
//! pages stay as they are), some of the rest are overdue and the others are
//! due in a few days.

use super::entities::{call, sample, sample_call};
use crate::domain::sampling::{draw, round_robin, Candidate, Rules};
use chrono::{Duration, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use std::collections::{BTreeMap, HashMap};

const SEED: u64 = 20_261_124;

pub async fn seed(
    db: &impl ConnectionTrait,
    org_id: i32,
    leader: i32,
    coach_of_team: &HashMap<i32, i32>,
) -> Result<(), DbErr> {
    let now = Utc::now();
    let drawn_at = now - Duration::days(6);
    let from = (drawn_at - Duration::days(30)).date_naive();
    let to = (drawn_at - Duration::days(1)).date_naive();
    let midnight = |d: chrono::NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap());
    let calls: Vec<call::Model> = call::Entity::find()
        .filter(call::Column::OrgId.eq(org_id))
        .filter(call::Column::OccurredAt.gte(midnight(from)))
        .filter(call::Column::OccurredAt.lt(midnight(to + Duration::days(1))))
        .all(db)
        .await?;
    let candidates: Vec<Candidate> = calls
        .iter()
        .map(|c| Candidate {
            call_id: c.id,
            agent_id: c.agent_id,
            team_id: c.team_id,
            channel: c.channel,
            duration_seconds: Some(c.duration_seconds),
            complaint: c.complaint,
            // Drawn as the leader saw them: the demo's reviews came after.
            reviewed: false,
            assigned: false,
        })
        .collect();
    let rules = Rules {
        per_agent: 2,
        include_complaints: true,
        min_seconds: Some(60),
        channels: vec![],
    };
    let drawn = draw(&candidates, &rules, SEED);
    let coaches: BTreeMap<i32, Vec<i32>> = coach_of_team
        .iter()
        .map(|(team, coach)| (*team, vec![*coach]))
        .collect();
    let assigned = round_robin(&drawn, &coaches);
    let s = sample::ActiveModel {
        org_id: Set(org_id),
        created_by: Set(leader),
        team_id: Set(None),
        period_from: Set(from),
        period_to: Set(to),
        per_agent: Set(2),
        include_complaints: Set(true),
        min_seconds: Set(Some(60)),
        channels: Set(String::new()),
        seed: Set(SEED as i64),
        due_on: Set((drawn_at + Duration::days(4)).date_naive()),
        created_at: Set(drawn_at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for (k, (call_id, coach)) in assigned.into_iter().enumerate() {
        // Every other call got a few more days when the leader reassigned.
        let due = if k % 2 == 0 {
            (drawn_at + Duration::days(4)).date_naive()
        } else {
            (now + Duration::days(3)).date_naive()
        };
        sample_call::ActiveModel {
            org_id: Set(org_id),
            sample_id: Set(s.id),
            call_id: Set(call_id),
            coach_id: Set(coach),
            due_on: Set(due),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}
