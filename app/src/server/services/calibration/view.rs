//! A session as its page shows it: progress while blind, and after the
//! reveal every coach's rating side by side with the spread, the group
//! median, alpha and each coach's leniency.

use super::call_label;
use crate::domain::access::Action;
use crate::domain::agreement::{leniency, ordinal_alpha, Reading, Spread};
use crate::domain::lifecycle::{CalibrationStatus, ReviewStatus};
use crate::domain::scoring::Rating;
use crate::error::AppError;
use crate::server::entities::{
    calibration_reference, calibration_session, call, framework_behaviour, review,
};
use crate::server::kernel::calibration::{self, seat};
use crate::server::kernel::dates::date;
use crate::server::kernel::names::Names;
use crate::server::kernel::Ctx;
use crate::server::kernel::IN_LIST_CHUNK;
use crate::server::services::frameworks;
use crate::types::{
    BehaviourAgreement, CalibrationSessionView, CoachLeniency, RevealedCall, RevealedSession,
    SessionCall, SessionParticipant,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, HashMap};

/// The submitted blind scores of a session: per call, per behaviour
/// lineage, each coach's rating.
#[derive(Default)]
pub(super) struct Scores {
    /// (call, lineage) → coach → rating.
    pub(super) by_unit: BTreeMap<(i32, String), BTreeMap<i32, Rating>>,
    /// Coaches with at least one submitted score.
    coaches: Vec<i32>,
}

pub(super) async fn scores(
    db: &impl ConnectionTrait,
    session: &calibration_session::Model,
) -> Result<Scores, AppError> {
    Ok(scores_of(db, &[session.id])
        .await?
        .remove(&session.id)
        .unwrap_or_default())
}

/// The submitted blind scores of these sessions, by session: a fixed
/// number of reads however many sessions a list or a trend covers.
pub(super) async fn scores_of(
    db: &impl ConnectionTrait,
    sessions: &[i32],
) -> Result<HashMap<i32, Scores>, AppError> {
    if sessions.is_empty() {
        return Ok(HashMap::new());
    }
    let mut reviews: Vec<review::Model> = vec![];
    for chunk in sessions.chunks(IN_LIST_CHUNK) {
        reviews.extend(
            review::Entity::find()
                .filter(review::Column::CalibrationId.is_in(chunk.to_vec()))
                .filter(review::Column::Status.ne(ReviewStatus::Draft))
                .all(db)
                .await?,
        );
    }
    let by_review: HashMap<i32, &review::Model> = reviews.iter().map(|r| (r.id, r)).collect();
    let review_ids: Vec<i32> = by_review.keys().copied().collect();
    let ratings = crate::server::kernel::ratings::ratings_of(db, &review_ids).await?;
    let mut behaviour_ids: Vec<i32> = ratings.iter().map(|r| r.behaviour_id).collect();
    behaviour_ids.sort_unstable();
    behaviour_ids.dedup();
    // Matched by lineage, so a framework published mid-session still lines up.
    let lineage: HashMap<i32, String> = framework_behaviour::Entity::find()
        .filter(framework_behaviour::Column::Id.is_in(behaviour_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, b.lineage))
        .collect();
    let mut out: HashMap<i32, Scores> = HashMap::new();
    for r in ratings {
        let (Some(rv), Some(l), Some(rating)) = (
            by_review.get(&r.review_id),
            lineage.get(&r.behaviour_id),
            Rating::from_code(r.rating),
        ) else {
            continue;
        };
        let Some(session) = rv.calibration_id else {
            continue;
        };
        out.entry(session)
            .or_default()
            .by_unit
            .entry((rv.call_id, l.clone()))
            .or_default()
            .insert(rv.coach_id, rating);
    }
    for r in &reviews {
        if let Some(session) = r.calibration_id {
            out.entry(session).or_default().coaches.push(r.coach_id);
        }
    }
    for s in out.values_mut() {
        s.coaches.sort_unstable();
        s.coaches.dedup();
    }
    Ok(out)
}

/// A rating on the agreement scale: Missed 0, levels 1–5, N/A missing.
pub(super) fn value(r: Rating) -> Option<u8> {
    match r {
        Rating::Level(l) => Some(l),
        Rating::Missed => Some(0),
        Rating::NotApplicable => None,
    }
}

impl Scores {
    /// α over every call × behaviour of a revealed session.
    pub(super) fn alpha(&self) -> Option<f64> {
        let units: Vec<Vec<Option<u8>>> = self
            .by_unit
            .values()
            .map(|by_coach| by_coach.values().map(|r| value(*r)).collect())
            .collect();
        ordinal_alpha(&units)
    }
}

pub async fn view(cx: &Ctx, session_id: i32) -> Result<CalibrationSessionView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::JoinCalibration)?;
    let seat = seat(db, caller, session_id).await?;
    let s = &seat.session;
    let call_ids = calibration::calls(db, s.id).await?;
    let calls = call::Entity::find()
        .filter(call::Column::Id.is_in(call_ids.clone()))
        .all(db)
        .await?;
    let everyone = calibration::participants(db, s.id).await?;
    let reviews = review::Entity::find()
        .filter(review::Column::CalibrationId.eq(s.id))
        .all(db)
        .await?;
    let names = Names::of(
        db,
        caller.org_id,
        calls
            .iter()
            .map(|c| c.agent_id)
            .chain(everyone.iter().copied())
            .chain(reviews.iter().map(|r| r.coach_id))
            .chain([s.organiser_id]),
        [],
    )
    .await?;
    let labels: HashMap<i32, String> = calls
        .iter()
        .map(|c| (c.id, call_label(c, &names, &caller.clock)))
        .collect();
    let mut participants: Vec<SessionParticipant> = everyone
        .iter()
        .map(|p| SessionParticipant {
            id: *p,
            name: names.person(*p),
            submitted: reviews
                .iter()
                .filter(|r| r.coach_id == *p && r.status != ReviewStatus::Draft)
                .count(),
            of: call_ids.len(),
        })
        .collect();
    participants.sort_by(|a, b| a.name.cmp(&b.name));
    let session_calls = call_ids
        .iter()
        .map(|c| {
            let mine = reviews
                .iter()
                .find(|r| r.call_id == *c && r.coach_id == caller.id);
            SessionCall {
                call_id: *c,
                label: labels.get(c).cloned().unwrap_or_default(),
                my_review: mine.map(|r| r.id),
                my_status: mine.map(|r| r.status),
            }
        })
        .collect();
    let revealed = if seat.revealed() {
        Some(revealed(db, caller.org_id, s, &call_ids, &labels, &names).await?)
    } else {
        None
    };
    let open = s.status == CalibrationStatus::Open;
    Ok(CalibrationSessionView {
        id: s.id,
        title: s.title.clone(),
        organiser: names.person(s.organiser_id),
        due_on: date(s.due_on),
        overdue: open && s.due_on < caller.clock.today(),
        status: s.status,
        note: s.note.clone(),
        participant: seat.participant,
        can_close: seat.organiser && open,
        can_record: seat.organiser && !open,
        calls: session_calls,
        participants,
        revealed,
    })
}

async fn revealed(
    db: &impl ConnectionTrait,
    org_id: i32,
    s: &calibration_session::Model,
    call_ids: &[i32],
    labels: &HashMap<i32, String>,
    names: &Names,
) -> Result<RevealedSession, AppError> {
    let scores = scores(db, s).await?;
    let fw = frameworks::view_of(db, frameworks::current(db, org_id).await?).await?;
    let references: HashMap<(i32, i32), Rating> = calibration_reference::Entity::find()
        .filter(calibration_reference::Column::SessionId.eq(s.id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| Rating::from_code(r.rating).map(|x| ((r.call_id, r.behaviour_id), x)))
        .collect();
    let mut lenient_units: Vec<Vec<(i32, u8)>> = vec![];
    let calls = call_ids
        .iter()
        .map(|call_id| {
            let rows = fw
                .behaviours()
                .map(|b| {
                    let by_coach = scores.by_unit.get(&(*call_id, b.lineage.clone()));
                    let ratings: Vec<Option<Rating>> = scores
                        .coaches
                        .iter()
                        .map(|c| by_coach.and_then(|m| m.get(c).copied()))
                        .collect();
                    let rated: Vec<(i32, u8)> = by_coach
                        .map(|m| {
                            m.iter()
                                .filter_map(|(c, r)| value(*r).map(|v| (*c, v)))
                                .collect()
                        })
                        .unwrap_or_default();
                    let values: Vec<u8> = rated.iter().map(|(_, v)| *v).collect();
                    let spread = Spread::of(&values);
                    if !rated.is_empty() {
                        lenient_units.push(rated);
                    }
                    BehaviourAgreement {
                        behaviour_id: b.id,
                        name: b.name.clone(),
                        ratings,
                        low: spread.map(|s| s.low),
                        high: spread.map(|s| s.high),
                        median: spread.map(|s| s.median),
                        reference: references.get(&(*call_id, b.id)).copied(),
                    }
                })
                .collect();
            RevealedCall {
                call_id: *call_id,
                label: labels.get(call_id).cloned().unwrap_or_default(),
                rows,
            }
        })
        .collect();
    let by_coach = leniency(&lenient_units);
    let leniency = scores
        .coaches
        .iter()
        .map(|c| CoachLeniency {
            name: names.person(*c),
            mean: by_coach.get(c).map(|l| l.mean),
            units: by_coach.get(c).map_or(0, |l| l.units),
        })
        .collect();
    let alpha = scores.alpha();
    let reading = Reading::of(alpha);
    Ok(RevealedSession {
        alpha,
        reading: reading.key().into(),
        reading_label: reading.label().into(),
        reading_explanation: reading.explanation().into(),
        coaches: scores.coaches.iter().map(|c| names.person(*c)).collect(),
        calls,
        leniency,
    })
}
