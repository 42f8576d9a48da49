//! Demo calibration: two past sessions, revealed, in which the first
//! team's coach is clearly lenient, and one open session still waiting for
//! the second team's coach.

use super::entities::{
    calibration_call, calibration_participant, calibration_reference, calibration_session, call,
    review, review_rating,
};
use super::services::frameworks::{current, view_of};
use crate::domain::lifecycle::{CalibrationStatus, ReviewStatus};
use crate::domain::scoring::{score, Rating, ScoredItem};
use crate::types::FrameworkView;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

/// A believable level for behaviour `i` of call `n`, before any coach's lean.
fn base(n: usize, i: usize) -> i8 {
    [3, 4, 2, 3, 4, 3, 2, 4, 3, 3, 1, 4, 3, 2][(i * 3 + n * 5) % 14]
}

struct Plan {
    title: &'static str,
    days_ago: i64,
    due_in: i64,
    revealed: bool,
    /// How far each coach leans from the base, by participant index; `None`
    /// has not scored yet.
    lean: [Option<i8>; 3],
    note: &'static str,
}

pub async fn seed(
    db: &impl ConnectionTrait,
    org_id: i32,
    organiser: i32,
    coaches: [i32; 3],
) -> Result<(), DbErr> {
    let err = |e: crate::error::AppError| DbErr::Custom(e.to_string());
    let fw = current(db, org_id).await.map_err(err)?;
    let framework = view_of(db, fw.clone()).await.map_err(err)?;
    let recorded: Vec<call::Model> = call::Entity::find()
        .filter(call::Column::OrgId.eq(org_id))
        .filter(call::Column::RecordingKey.is_not_null())
        .order_by_asc(call::Column::OccurredAt)
        .all(db)
        .await?;
    let plans = [
        Plan {
            title: "Refunds and expectations",
            days_ago: 42,
            due_in: -35,
            revealed: true,
            lean: [Some(1), Some(0), Some(0)],
            note: "Sam scores a level above the others on most behaviours. Agreed: a 4 needs the customer to hear ownership and a date, not only warmth.",
        },
        Plan {
            title: "Complaint handling",
            days_ago: 14,
            due_in: -8,
            revealed: true,
            lean: [Some(1), Some(-1), Some(0)],
            note: "Still a spread of two levels on recovery. Re-read the anchors for customer recovery before the next session.",
        },
        Plan {
            title: "December calibration",
            days_ago: 2,
            due_in: 3,
            revealed: false,
            lean: [Some(1), None, Some(0)],
            note: "",
        },
    ];
    let now = Utc::now();
    for (k, plan) in plans.iter().enumerate() {
        let created = now - Duration::days(plan.days_ago);
        let session = calibration_session::ActiveModel {
            org_id: Set(org_id),
            title: Set(plan.title.into()),
            organiser_id: Set(organiser),
            due_on: Set((now + Duration::days(plan.due_in)).date_naive()),
            status: Set(if plan.revealed {
                CalibrationStatus::Revealed
            } else {
                CalibrationStatus::Open
            }),
            note: Set(plan.note.into()),
            created_at: Set(created),
            revealed_at: Set(plan.revealed.then_some(created + Duration::days(6))),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let calls: Vec<&call::Model> = recorded.iter().skip(k * 2).take(2).collect();
        for c in &calls {
            calibration_call::ActiveModel {
                session_id: Set(session.id),
                call_id: Set(c.id),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        for coach in coaches {
            calibration_participant::ActiveModel {
                session_id: Set(session.id),
                user_id: Set(coach),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        for (p, coach) in coaches.iter().enumerate() {
            let Some(lean) = plan.lean[p] else {
                continue;
            };
            for (n, c) in calls.iter().enumerate() {
                let ratings: Vec<(i32, Rating)> = framework
                    .behaviours()
                    .enumerate()
                    .map(|(i, b)| {
                        let wobble = if (i + p + n) % 5 == 0 { 1 } else { 0 };
                        let level = (base(n + k, i) + lean + wobble).clamp(0, 5);
                        let rating = if level == 0 {
                            Rating::Missed
                        } else {
                            Rating::Level(level as u8)
                        };
                        (b.id, rating)
                    })
                    .collect();
                let at = created + Duration::days(1 + p as i64);
                insert_review(
                    db,
                    DemoReview {
                        framework: &framework,
                        call: c,
                        coach: *coach,
                        ratings,
                        at,
                        calibration_id: Some(session.id),
                    },
                )
                .await?;
            }
        }
        if plan.revealed {
            // The agreed ratings: the base, for the first call.
            for (i, b) in framework.behaviours().enumerate() {
                calibration_reference::ActiveModel {
                    session_id: Set(session.id),
                    call_id: Set(calls[0].id),
                    behaviour_id: Set(b.id),
                    rating: Set(base(k, i).max(1) as i16),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
        }
    }
    Ok(())
}

/// A submitted review by a demo coach, scored as the scoring page would.
struct DemoReview<'a> {
    pub framework: &'a FrameworkView,
    pub call: &'a call::Model,
    pub coach: i32,
    pub ratings: Vec<(i32, Rating)>,
    pub at: DateTime<Utc>,
    /// Set for a calibration score; none for an ordinary review.
    pub calibration_id: Option<i32>,
}

async fn insert_review(
    db: &impl ConnectionTrait,
    r: DemoReview<'_>,
) -> Result<review::Model, DbErr> {
    let outcome = score(
        &r.framework
            .behaviours()
            .zip(&r.ratings)
            .map(|(b, (_, x))| ScoredItem {
                weight: b.weight,
                critical: b.critical,
                rating: Some(*x),
            })
            .collect::<Vec<_>>(),
    );
    let c = r.call;
    let saved = review::ActiveModel {
        org_id: Set(c.org_id),
        call_id: Set(c.id),
        agent_id: Set(c.agent_id),
        team_id: Set(c.team_id),
        coach_id: Set(r.coach),
        framework_id: Set(r.framework.id),
        status: Set(ReviewStatus::Submitted),
        score: Set(outcome.score),
        raw_score: Set(outcome.unweighted_by_critical),
        critical_fail: Set(outcome.critical_fail),
        strengths: Set("Clear ownership of the problem.".into()),
        development: Set("Agree a date for the next step.".into()),
        created_at: Set(r.at),
        updated_at: Set(r.at),
        submitted_at: Set(Some(r.at)),
        calibration_id: Set(r.calibration_id),
        ..Default::default()
    }
    .insert(db)
    .await?;
    review_rating::Entity::insert_many(r.ratings.iter().map(|(b, x)| review_rating::ActiveModel {
        review_id: Set(saved.id),
        behaviour_id: Set(*b),
        rating: Set(x.code()),
        ..Default::default()
    }))
    .exec(db)
    .await?;
    Ok(saved)
}
