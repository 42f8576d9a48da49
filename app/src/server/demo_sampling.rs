//! Demo sampling: a sample the leader drew six days ago, two calls per
//! agent from the month before, given to each team's coach. A third of the
//! calls have been scored since, some of the rest are overdue and the
//! others are due in a few days.

use super::demo_calibration::{insert_review, DemoReview};
use super::entities::{call, review, sample, sample_call};
use super::services::frameworks::{current, view_of};
use crate::domain::sampling::{draw, round_robin, Candidate, Rules};
use crate::domain::scoring::Rating;
use chrono::{Duration, TimeZone, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use std::collections::{BTreeMap, HashMap, HashSet};

const SEED: u64 = 20_261_124;

pub async fn seed(
    db: &impl ConnectionTrait,
    org_id: i32,
    leader: i32,
    coach_of_team: &HashMap<i32, i32>,
) -> Result<(), DbErr> {
    let err = |e: crate::error::AppError| DbErr::Custom(e.to_string());
    let framework = view_of(db, current(db, org_id).await.map_err(err)?)
        .await
        .map_err(err)?;
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
    // A call with a coach's draft is left out too: the demo scores what it
    // draws, and a coach has one ordinary review per call.
    let started: HashSet<i32> = review::Entity::find()
        .filter(review::Column::OrgId.eq(org_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.call_id)
        .collect();
    let candidates: Vec<Candidate> = calls
        .iter()
        .map(|c| Candidate {
            call_id: c.id,
            agent_id: c.agent_id,
            team_id: c.team_id,
            channel: c.channel,
            duration_seconds: Some(c.duration_seconds),
            complaint: c.complaint,
            reviewed: c.reviewed || started.contains(&c.id),
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
    let by_id: HashMap<i32, &call::Model> = calls.iter().map(|c| (c.id, c)).collect();
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
        let (Some(coach), true) = (coach, k % 3 == 0) else {
            continue;
        };
        let c = by_id[&call_id];
        let ratings: Vec<(i32, Rating)> = framework
            .behaviours()
            .enumerate()
            .map(|(i, b)| (b.id, Rating::Level([3, 4, 3, 2, 4][(i + k) % 5])))
            .collect();
        insert_review(
            db,
            DemoReview {
                framework: &framework,
                call: c,
                coach,
                ratings,
                at: drawn_at + Duration::days(1 + (k % 3) as i64),
                calibration_id: None,
            },
        )
        .await?;
        let mut scored: call::ActiveModel = c.clone().into();
        scored.reviewed = Set(true);
        scored.update(db).await?;
    }
    Ok(())
}
