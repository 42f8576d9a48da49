//! A year of review history brought in from the organisation's previous QA
//! tool, so the insight view has a true story to tell:
//!
//! - Three behaviours really move satisfaction: acknowledging feelings,
//!   managing expectations and listening. The customer's answer is made
//!   from how well the agent showed them on the call.
//! - Professional manner follows the agent's overall skill closely and has
//!   no effect of its own; it still goes with satisfied customers, because
//!   skilled agents do everything well (the page's "association, not cause").
//! - Every other behaviour varies call by call with no link to the answer.
//! - Complaint handling and customer recovery apply only to complaints, so
//!   they have too few calls to test.
//!
//! The calls are 95 days old and older: the development pages' default
//! windows stay as the curated demo made them.

use super::demo_calls::DemoAgent;
use super::entities::{call, review, review_rating};
use crate::domain::calls::Channel;
use crate::domain::lifecycle::ReviewStatus;
use crate::domain::scoring::{score, Rating, ScoredItem};
use crate::types::{BehaviourView, FrameworkView};
use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use std::collections::HashMap;

const CALLS: usize = 900;
const DRIVERS: [&str; 3] = ["empathy", "managing_expectations", "listening"];
const FOLLOWS_SKILL: &str = "professionalism";
const COMPLAINTS_ONLY: [&str; 2] = ["complaint_handling", "customer_recovery"];
const PREFIX: &str = "HL-Q";

/// Roughly normal noise with this spread (the sum of three uniforms).
fn noise(rng: &mut StdRng, spread: f64) -> f64 {
    (0..3).map(|_| rng.gen_range(-1.0..1.0)).sum::<f64>() * spread
}

fn level(x: f64) -> u8 {
    x.round().clamp(1.0, 5.0) as u8
}

/// One behaviour's rating on a call by an agent of this skill.
fn rating(rng: &mut StdRng, b: &BehaviourView, skill: f64, complaint: bool) -> Rating {
    let key = b.key.as_str();
    if COMPLAINTS_ONLY.contains(&key) && !complaint {
        return Rating::NotApplicable;
    }
    if rng.gen_bool(0.04) {
        return Rating::NotApplicable;
    }
    let x = if key == FOLLOWS_SKILL {
        skill + noise(rng, 0.35)
    } else if DRIVERS.contains(&key) {
        skill + noise(rng, 0.9)
    } else {
        3.0 + noise(rng, 0.9)
    };
    if !b.critical && x < 1.2 && rng.gen_bool(0.5) {
        return Rating::Missed;
    }
    let l = level(x);
    Rating::Level(if b.critical { l.max(2) } else { l })
}

fn value(r: Rating) -> Option<f64> {
    match r {
        Rating::Level(l) => Some(f64::from(l)),
        Rating::Missed => Some(0.0),
        Rating::NotApplicable => None,
    }
}

pub async fn seed(
    db: &impl ConnectionTrait,
    org_id: i32,
    framework: &FrameworkView,
    agents: &[DemoAgent],
) -> Result<(), DbErr> {
    let mut rng = StdRng::seed_from_u64(20261215);
    let now = Utc::now();
    let behaviours: Vec<&BehaviourView> = framework.behaviours().collect();
    let mut calls = Vec::new();
    let mut made: Vec<(usize, Vec<Rating>, chrono::DateTime<Utc>)> = Vec::new();
    for i in 0..CALLS {
        let a = i % agents.len();
        let agent = &agents[a];
        let occurred_at = now - Duration::days(rng.gen_range(95..360))
            + Duration::minutes(rng.gen_range(-240..360));
        let complaint = rng.gen_bool(0.02);
        let ratings: Vec<Rating> = behaviours
            .iter()
            .map(|b| rating(&mut rng, b, agent.skill, complaint))
            .collect();
        // The answer follows the three drivers, and nothing else.
        let drivers: Vec<f64> = behaviours
            .iter()
            .zip(&ratings)
            .filter(|(b, _)| DRIVERS.contains(&b.key.as_str()))
            .filter_map(|(_, r)| value(*r))
            .collect();
        let shown = if drivers.is_empty() {
            3.0
        } else {
            drivers.iter().sum::<f64>() / drivers.len() as f64
        };
        let latent = 1.9 + 0.5 * (shown - 1.0) + noise(&mut rng, 0.7);
        let csat = rng
            .gen_bool(0.75)
            .then(|| latent.round().clamp(1.0, 5.0) as i16);
        let ltr = rng.gen_bool(0.6).then(|| {
            (latent * 2.2 - 0.5 + noise(&mut rng, 0.8))
                .round()
                .clamp(0.0, 10.0) as i16
        });
        let channel = [
            Channel::Phone,
            Channel::Phone,
            Channel::Chat,
            Channel::Email,
        ][rng.gen_range(0..4)];
        calls.push(call::ActiveModel {
            org_id: Set(org_id),
            team_id: Set(agent.team_id),
            agent_id: Set(agent.id),
            occurred_at: Set(occurred_at),
            channel: Set(channel),
            duration_seconds: Set(rng.gen_range(120..1400)),
            csat: Set(csat),
            likelihood_to_recommend: Set(ltr),
            resolved: Set(Some(rng.gen_bool(0.85))),
            resolution_minutes: Set(None),
            first_response_seconds: Set(None),
            abandoned: Set(false),
            complaint: Set(complaint),
            rectification: Set(None),
            follow_up_on: Set(None),
            reference: Set(Some(format!("{PREFIX}{:05}", i + 1))),
            recording_key: Set(None),
            recording_mime: Set(None),
            recording_bytes: Set(None),
            transcript: Set(None),
            reviewed: Set(true),
            created_by: Set(None),
            created_at: Set(now),
            ..Default::default()
        });
        made.push((a, ratings, occurred_at));
    }
    for part in calls.chunks(500) {
        call::Entity::insert_many(part.to_vec()).exec(db).await?;
    }
    let ids: HashMap<String, i32> = call::Entity::find()
        .select_only()
        .columns([call::Column::Reference, call::Column::Id])
        .filter(call::Column::OrgId.eq(org_id))
        .filter(call::Column::Reference.starts_with(PREFIX))
        .into_tuple::<(Option<String>, i32)>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(r, id)| Some((r?, id)))
        .collect();
    let mut reviews = Vec::new();
    for (i, (a, ratings, at)) in made.iter().enumerate() {
        let agent = &agents[*a];
        let Some(&call_id) = ids.get(&format!("{PREFIX}{:05}", i + 1)) else {
            continue;
        };
        let outcome = score(
            &behaviours
                .iter()
                .zip(ratings)
                .map(|(b, r)| ScoredItem {
                    weight: b.weight,
                    critical: b.critical,
                    rating: Some(*r),
                })
                .collect::<Vec<_>>(),
        );
        let reviewed_at = *at + Duration::days(rng.gen_range(1..6));
        reviews.push(review::ActiveModel {
            org_id: Set(org_id),
            call_id: Set(call_id),
            agent_id: Set(agent.id),
            team_id: Set(agent.team_id),
            coach_id: Set(agent.coach_id),
            framework_id: Set(framework.id),
            status: Set(ReviewStatus::Submitted),
            score: Set(outcome.score),
            raw_score: Set(outcome.unweighted_by_critical),
            critical_fail: Set(outcome.critical_fail),
            strengths: Set(String::new()),
            development: Set(String::new()),
            created_at: Set(reviewed_at),
            updated_at: Set(reviewed_at),
            submitted_at: Set(Some(reviewed_at)),
            imported_at: Set(Some(now)),
            ..Default::default()
        });
    }
    for part in reviews.chunks(500) {
        review::Entity::insert_many(part.to_vec()).exec(db).await?;
    }
    let review_of: HashMap<i32, i32> = review::Entity::find()
        .select_only()
        .columns([review::Column::CallId, review::Column::Id])
        .filter(review::Column::OrgId.eq(org_id))
        .filter(review::Column::ImportedAt.is_not_null())
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut rows = Vec::new();
    for (i, (_, ratings, _)) in made.iter().enumerate() {
        let Some(review_id) = ids
            .get(&format!("{PREFIX}{:05}", i + 1))
            .and_then(|c| review_of.get(c))
        else {
            continue;
        };
        for (b, r) in behaviours.iter().zip(ratings) {
            rows.push(review_rating::ActiveModel {
                review_id: Set(*review_id),
                behaviour_id: Set(b.id),
                rating: Set(r.code()),
                ..Default::default()
            });
        }
    }
    for part in rows.chunks(2000) {
        review_rating::Entity::insert_many(part.to_vec())
            .exec(db)
            .await?;
    }
    Ok(())
}
