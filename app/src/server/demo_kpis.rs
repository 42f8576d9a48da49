//! A year of service history for the demo, so the KPIs have something to
//! say: about 2,400 enquiries without recordings or reviews, a channel mix
//! (email answered in hours, chat and phone in seconds), short and long
//! abandons, a few complaints, and satisfaction that improves over the year
//! as the agents are coached.

use super::demo_calls::DemoAgent;
use super::entities::call;
use crate::domain::calls::{Channel, Rectification};
use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

/// Enquiries per agent per day, on average.
const PER_AGENT_DAY: f64 = 1.1;
const DAYS: i64 = 365;

fn channel(rng: &mut StdRng) -> Channel {
    match rng.gen_range(0..100) {
        0..=54 => Channel::Phone,
        55..=79 => Channel::Chat,
        80..=94 => Channel::Email,
        _ => Channel::Social,
    }
}

/// Seconds to a first response, typical of the channel.
fn first_response(rng: &mut StdRng, c: Channel) -> i32 {
    match c {
        Channel::Phone => rng.gen_range(4..45),
        Channel::Chat => rng.gen_range(8..120),
        Channel::Email => rng.gen_range(40 * 60..9 * 3600),
        Channel::Social => rng.gen_range(10 * 60..3 * 3600),
    }
}

pub async fn seed(
    db: &impl ConnectionTrait,
    org_id: i32,
    agents: &[DemoAgent],
) -> Result<(), DbErr> {
    let mut rng = StdRng::seed_from_u64(20261125);
    let now = Utc::now();
    let mut rows = Vec::new();
    for day in (1..=DAYS).rev() {
        // Coaching pays off: from about half a level below the agent's
        // usual to a little above it over the year.
        let progress = 1.0 - day as f64 / DAYS as f64;
        for agent in agents {
            let n = (PER_AGENT_DAY + rng.gen_range(-0.6..0.6)).round().max(0.0) as usize;
            for _ in 0..n {
                let occurred_at =
                    now - Duration::days(day) + Duration::minutes(rng.gen_range(-240..360));
                let c = channel(&mut rng);
                let quality =
                    (agent.skill - 0.5 + 0.8 * progress + rng.gen_range(-1.0..1.0)).clamp(1.0, 5.0);
                let live = matches!(c, Channel::Phone | Channel::Chat);
                let abandoned = live && rng.gen_bool(0.07);
                // A third of abandons leave within ten seconds.
                let duration = if abandoned {
                    if rng.gen_bool(0.35) {
                        rng.gen_range(2..10)
                    } else {
                        rng.gen_range(10..180)
                    }
                } else {
                    rng.gen_range(120..1500)
                };
                let resolved = !abandoned && rng.gen_bool((0.5 + quality * 0.09).min(0.97));
                let complaint = !abandoned && rng.gen_bool(0.03);
                let csat = (!abandoned && rng.gen_bool(0.55))
                    .then(|| ((quality + rng.gen_range(-1.0..1.3)).round() as i16).clamp(1, 5));
                let ltr = (!abandoned && rng.gen_bool(0.45)).then(|| {
                    ((quality * 2.1 + rng.gen_range(-2.0..2.5)).round() as i16).clamp(0, 10)
                });
                rows.push(call::ActiveModel {
                    org_id: Set(org_id),
                    team_id: Set(agent.team_id),
                    agent_id: Set(agent.id),
                    occurred_at: Set(occurred_at),
                    channel: Set(c),
                    duration_seconds: Set(duration),
                    csat: Set(csat),
                    likelihood_to_recommend: Set(ltr),
                    resolved: Set((!abandoned).then_some(resolved)),
                    resolution_minutes: Set(resolved.then(|| match c {
                        Channel::Email | Channel::Social => rng.gen_range(60..2880),
                        _ => rng.gen_range(3..60),
                    })),
                    first_response_seconds: Set((!abandoned).then(|| first_response(&mut rng, c))),
                    abandoned: Set(abandoned),
                    complaint: Set(complaint),
                    rectification: Set(complaint.then(|| Rectification::ALL[rng.gen_range(0..4)])),
                    follow_up_on: Set(
                        complaint.then(|| (occurred_at + Duration::days(3)).date_naive())
                    ),
                    reference: Set(Some(format!("HL-H{:05}", rows.len()))),
                    recording_key: Set(None),
                    recording_mime: Set(None),
                    recording_bytes: Set(None),
                    transcript: Set(None),
                    reviewed: Set(false),
                    created_by: Set(None),
                    created_at: Set(occurred_at),
                    ..Default::default()
                });
            }
        }
    }
    // Inserted in parts: SQLite takes at most 32,766 values a statement.
    while !rows.is_empty() {
        let part: Vec<_> = rows.drain(..rows.len().min(500)).collect();
        call::Entity::insert_many(part).exec(db).await?;
    }
    Ok(())
}
