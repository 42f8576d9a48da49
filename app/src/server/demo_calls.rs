//! Demo calls and reviews: three months of calls with outcome data, a few
//! short generated recordings with transcripts, submitted reviews spread over
//! agents and coaches, one open dispute and one draft.

use super::entities::{audit, call, notification, review, review_evidence, review_rating};
use super::services::frameworks::{install_default, view_of};
use crate::domain::calls::{Channel, Rectification};
use crate::domain::lifecycle::{AuditSubject, EvidenceKind, ReviewEvent, ReviewStatus};
use crate::domain::media::tone_wav;
use crate::domain::scoring::{score, Rating, ScoredItem};
use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

pub struct DemoAgent {
    pub id: i32,
    pub team_id: i32,
    pub coach_id: i32,
    /// Typical level 1–5 this agent shows, for believable ratings.
    pub skill: f64,
}

const TRANSCRIPTS: &[&str] = &[
    "WEBVTT\n\n00:00:00.500 --> 00:00:03.000\n<v Agent>Good morning, Harbour Lane Energy, this is {agent}. I'll look after this for you.\n\n00:00:03.200 --> 00:00:06.000\n<v Customer>Hi, my bill is twice what it usually is and I don't understand why.\n\n00:00:06.200 --> 00:00:09.000\n<v Agent>I'm sorry, that must be a worry. Let me check the readings on your account.\n\n00:00:09.200 --> 00:00:12.000\n<v Agent>So the bill used an estimate rather than your meter reading — that's why it jumped.\n\n00:00:12.200 --> 00:00:15.000\n<v Agent>I've corrected it today; you'll get the new bill within three working days.\n",
    "WEBVTT\n\n00:00:00.500 --> 00:00:02.500\n<v Agent>Technical support, {agent} speaking.\n\n00:00:02.700 --> 00:00:06.000\n<v Customer>My smart meter has stopped sending readings since last week.\n\n00:00:06.200 --> 00:00:09.500\n<v Agent>Can you tell me what the display shows right now?\n\n00:00:09.700 --> 00:00:12.500\n<v Customer>It says no signal.\n\n00:00:12.700 --> 00:00:15.000\n<v Agent>Thanks. I'll reset the link from here; it can take up to 24 hours to reconnect.\n",
    "WEBVTT\n\n00:00:00.500 --> 00:00:03.000\n<v Agent>Hello, you're through to {agent}.\n\n00:00:03.200 --> 00:00:07.000\n<v Customer>I want to complain. The engineer didn't turn up and I took the day off work.\n\n00:00:07.200 --> 00:00:10.500\n<v Agent>I'm really sorry — that's a day of your time lost. I'm logging this as a formal complaint now.\n\n00:00:10.700 --> 00:00:13.500\n<v Agent>I'll refund the call-out charge and book a guaranteed morning slot.\n\n00:00:13.700 --> 00:00:16.000\n<v Agent>I'll call you on Friday to make sure it's all sorted.\n",
];

const STRENGTHS: &[&str] = &[
    "Warm, confident opening and clear ownership of the problem.",
    "Explained the reason behind the policy in plain words; the customer accepted it.",
    "Listened without interrupting and played the need back accurately.",
    "Calm and courteous throughout a difficult call.",
];

const DEVELOPMENT: &[&str] = &[
    "Summarise the agreed next steps before closing the call.",
    "Set a realistic timescale rather than \"soon\".",
    "Acknowledge the customer's frustration before moving into process.",
    "Log the complaint formally and agree a follow-up date.",
];

fn pick<'a>(rng: &mut StdRng, list: &[&'a str]) -> &'a str {
    list[rng.gen_range(0..list.len())]
}

/// Seeds calls and reviews. Returns the recordings to store (key, bytes).
pub async fn seed(
    db: &impl ConnectionTrait,
    org_id: i32,
    agents: &[DemoAgent],
    names: &std::collections::HashMap<i32, String>,
) -> Result<Vec<(String, Vec<u8>)>, DbErr> {
    let fw = install_default(db, org_id)
        .await
        .map_err(|e| DbErr::Custom(e.to_string()))?;
    let framework = view_of(db, fw.clone())
        .await
        .map_err(|e| DbErr::Custom(e.to_string()))?;
    let behaviours: Vec<_> = framework.behaviours().cloned().collect();
    let mut rng = StdRng::seed_from_u64(20261123);
    let now = Utc::now();
    let mut recordings = vec![];
    let mut reviews_made = 0;
    let mut disputed = false;
    let mut drafted = false;
    for i in 0..200 {
        let agent = &agents[i % agents.len()];
        let minutes_ago = rng.gen_range(60..90 * 24 * 60);
        let occurred_at = now - Duration::minutes(minutes_ago);
        let quality = (agent.skill + rng.gen_range(-1.0..1.0)).clamp(1.0, 5.0);
        let abandoned = rng.gen_bool(0.05);
        let resolved = !abandoned && rng.gen_bool((0.45 + quality * 0.1).min(0.97));
        let complaint = !abandoned && rng.gen_bool(0.08);
        let csat = (!abandoned && rng.gen_bool(0.7))
            .then(|| ((quality + rng.gen_range(-1.2..1.2)).round() as i16).clamp(1, 5));
        let ltr = (!abandoned && rng.gen_bool(0.6))
            .then(|| ((quality * 2.0 + rng.gen_range(-2.5..2.5)).round() as i16).clamp(0, 10));
        let channel = [
            Channel::Phone,
            Channel::Phone,
            Channel::Phone,
            Channel::Chat,
            Channel::Email,
            Channel::Social,
        ][rng.gen_range(0..6)];
        let with_recording = i < 9;
        let transcript = with_recording.then(|| {
            TRANSCRIPTS[i % TRANSCRIPTS.len()].replace(
                "{agent}",
                names
                    .get(&agent.id)
                    .and_then(|n| n.split_whitespace().next())
                    .unwrap_or("Alex"),
            )
        });
        let c = call::ActiveModel {
            org_id: Set(org_id),
            team_id: Set(agent.team_id),
            agent_id: Set(agent.id),
            occurred_at: Set(occurred_at),
            channel: Set(if with_recording {
                Channel::Phone
            } else {
                channel
            }),
            duration_seconds: Set(if with_recording {
                16
            } else {
                rng.gen_range(90..1500)
            }),
            csat: Set(csat),
            likelihood_to_recommend: Set(ltr),
            resolved: Set((!abandoned).then_some(resolved)),
            resolution_minutes: Set(resolved.then(|| rng.gen_range(2..90))),
            first_response_seconds: Set(Some(rng.gen_range(5..240))),
            abandoned: Set(abandoned),
            complaint: Set(complaint || (with_recording && i % 3 == 2)),
            rectification: Set((complaint || (with_recording && i % 3 == 2))
                .then(|| Rectification::ALL[rng.gen_range(0..4)])),
            follow_up_on: Set((complaint || (with_recording && i % 3 == 2))
                .then(|| (occurred_at + Duration::days(3)).date_naive())),
            reference: Set(Some(format!("HL-{:05}", 10000 + i))),
            recording_key: Set(None),
            recording_mime: Set(None),
            recording_bytes: Set(None),
            transcript: Set(transcript),
            reviewed: Set(false),
            created_by: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
        if with_recording {
            let base = 220.0 + 30.0 * (i % 5) as f32;
            let wav = tone_wav(
                16.0,
                8000,
                &[base, base * 1.25, base * 1.5, base * 1.25, base],
            );
            let key = format!("org-{org_id}/call-{}-demo.wav", c.id);
            let mut active: call::ActiveModel = c.clone().into();
            active.recording_key = Set(Some(key.clone()));
            active.recording_mime = Set(Some("audio/wav".into()));
            active.recording_bytes = Set(Some(wav.len() as i64));
            active.update(db).await?;
            recordings.push((key, wav));
        }
        // Recorded calls are left for the coaches to score; about a third of
        // the others are reviewed.
        let review_it =
            !with_recording && !abandoned && reviews_made < 60 && (i / agents.len()) % 3 != 1;
        if !review_it {
            continue;
        }
        let is_draft = !drafted && reviews_made == 30;
        let mut ratings = vec![];
        for b in &behaviours {
            let rating = if rng.gen_bool(0.08) {
                Rating::NotApplicable
            } else if rng.gen_bool(0.04) {
                Rating::Missed
            } else {
                let level = (quality + rng.gen_range(-0.9..0.9)).round().clamp(1.0, 5.0) as u8;
                // Critical behaviours rarely fail in the demo.
                Rating::Level(if b.critical { level.max(2) } else { level })
            };
            ratings.push((b.id, rating));
        }
        let outcome = score(
            &behaviours
                .iter()
                .zip(&ratings)
                .map(|(b, (_, r))| ScoredItem {
                    weight: b.weight,
                    critical: b.critical,
                    rating: Some(*r),
                })
                .collect::<Vec<_>>(),
        );
        let submitted_at = occurred_at + Duration::hours(rng.gen_range(2..48));
        let status = if is_draft {
            ReviewStatus::Draft
        } else if !disputed && reviews_made == 12 {
            ReviewStatus::Disputed
        } else if rng.gen_bool(0.6) {
            ReviewStatus::Acknowledged
        } else {
            ReviewStatus::Submitted
        };
        let r = review::ActiveModel {
            org_id: Set(org_id),
            call_id: Set(c.id),
            agent_id: Set(agent.id),
            team_id: Set(agent.team_id),
            coach_id: Set(agent.coach_id),
            framework_id: Set(fw.id),
            status: Set(status),
            score: Set(outcome.score),
            raw_score: Set(outcome.unweighted_by_critical),
            critical_fail: Set(outcome.critical_fail),
            strengths: Set(pick(&mut rng, STRENGTHS).into()),
            development: Set(pick(&mut rng, DEVELOPMENT).into()),
            created_at: Set(submitted_at),
            updated_at: Set(submitted_at),
            submitted_at: Set((!is_draft).then_some(submitted_at)),
            acknowledged_at: Set((status == ReviewStatus::Acknowledged).then_some(submitted_at + Duration::hours(3))),
            dispute_reason: Set((status == ReviewStatus::Disputed).then(|| {
                "The customer had already been told the refund was approved by billing, so I could not set a different timescale. I don't think managing expectations should be a 2.".to_string()
            })),
            disputed_at: Set((status == ReviewStatus::Disputed).then_some(submitted_at + Duration::hours(5))),
            resolution: Set(None),
            resolution_note: Set(None),
            resolved_by: Set(None),
            resolved_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
        review_rating::Entity::insert_many(ratings.iter().map(|(b, x)| {
            review_rating::ActiveModel {
                review_id: Set(r.id),
                behaviour_id: Set(*b),
                rating: Set(x.code()),
                ..Default::default()
            }
        }))
        .exec(db)
        .await?;
        review_evidence::ActiveModel {
            review_id: Set(r.id),
            behaviour_id: Set(Some(behaviours[rng.gen_range(0..behaviours.len())].id)),
            kind: Set(EvidenceKind::Note),
            at_ms: Set(None),
            cue_index: Set(None),
            note: Set(pick(&mut rng, STRENGTHS).into()),
            created_at: Set(submitted_at),
            ..Default::default()
        }
        .insert(db)
        .await?;
        if is_draft {
            drafted = true;
        } else {
            call::Entity::update_many()
                .col_expr(
                    call::Column::Reviewed,
                    sea_orm::sea_query::Expr::value(true),
                )
                .filter(call::Column::Id.eq(c.id))
                .exec(db)
                .await?;
            audit::ActiveModel {
                org_id: Set(org_id),
                actor_id: Set(agent.coach_id),
                entity: Set(AuditSubject::Review.key().into()),
                entity_id: Set(r.id),
                action: Set(ReviewEvent::Submitted.key().into()),
                before: Set(None),
                after: Set(outcome.score.map(|s| format!("{s:.1}"))),
                at: Set(submitted_at),
                ..Default::default()
            }
            .insert(db)
            .await?;
            if status == ReviewStatus::Submitted {
                notification::ActiveModel {
                    org_id: Set(org_id),
                    user_id: Set(agent.id),
                    text: Set(format!(
                        "{} reviewed your {} call of {}.",
                        names.get(&agent.coach_id).cloned().unwrap_or_default(),
                        c.channel.label().to_lowercase(),
                        c.occurred_at.format("%-d %b %Y")
                    )),
                    link: Set(format!("/reviews/{}", r.id)),
                    created_at: Set(submitted_at),
                    read_at: Set(None),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
        }
        if status == ReviewStatus::Disputed {
            disputed = true;
        }
        reviews_made += 1;
    }
    Ok(recordings)
}
