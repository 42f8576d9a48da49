//! Behavioural targets (PRODUCT.md §4): progress is computed from the calls
//! coaches score after the target was set, never typed in.
//!
//! - **Achieved**: at least [`MIN_CALLS`] calls scored between the start and
//!   the end of the due day, whose mean level reaches the target.
//! - **Missed**: the due day has passed and the target was not achieved.
//! - **On track / at risk**: before the due day, a least-squares line through
//!   the baseline (at the start) and the scored calls, read at the due day,
//!   reaches the target level or not. With no evidence at all, a target is at
//!   risk once half its time has gone.

use super::benchmark::{level_value, MIN_CALLS};
use super::scoring::Rating;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

const EPSILON: f64 = 1e-9;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TargetStatus {
    OnTrack,
    AtRisk,
    Achieved,
    Missed,
}

impl TargetStatus {
    pub fn label(self) -> &'static str {
        match self {
            TargetStatus::OnTrack => "On track",
            TargetStatus::AtRisk => "At risk",
            TargetStatus::Achieved => "Achieved",
            TargetStatus::Missed => "Missed",
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            TargetStatus::OnTrack => "status-on-track",
            TargetStatus::AtRisk => "status-at-risk",
            TargetStatus::Achieved => "status-achieved",
            TargetStatus::Missed => "status-missed",
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, TargetStatus::OnTrack | TargetStatus::AtRisk)
    }
}

/// What a target's status is computed from.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetPlan {
    pub start: DateTime<Utc>,
    pub due: NaiveDate,
    /// The coach rating when the target was set, if there was one.
    pub baseline: Option<f64>,
    pub level: u8,
}

impl TargetPlan {
    /// The last moment that counts: the end of the due day (UTC).
    pub fn due_end(&self) -> DateTime<Utc> {
        (self.due + Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .map(|d| d.and_utc())
            .unwrap_or(self.start)
    }
}

/// A scored call's level on the target's behaviour (Missed is 0; N/A calls
/// are not evidence and are left out before this point).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    pub scored_at: DateTime<Utc>,
    pub level: f64,
}

/// The evidence in a target's behaviour's ratings: Missed counts as level 0,
/// and a call rated N/A had no opportunity, so it is no evidence at all.
pub fn evidence_of(rated: &[(DateTime<Utc>, Rating)]) -> Vec<Evidence> {
    rated
        .iter()
        .filter_map(|(scored_at, r)| {
            level_value(*r).map(|level| Evidence {
                scored_at: *scored_at,
                level,
            })
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub status: TargetStatus,
    /// Calls scored between the start and the due day.
    pub calls: usize,
    pub mean: Option<f64>,
    /// Where the trend line stands on the due day, while the target is open.
    pub projected: Option<f64>,
    /// One sentence saying why the status is what it is.
    pub reason: String,
}

pub fn progress(plan: &TargetPlan, evidence: &[Evidence], now: DateTime<Utc>) -> Progress {
    let due_end = plan.due_end();
    let counted: Vec<Evidence> = evidence
        .iter()
        .copied()
        .filter(|e| e.scored_at >= plan.start && e.scored_at < due_end)
        .collect();
    let calls = counted.len();
    let mean = (calls > 0).then(|| counted.iter().map(|e| e.level).sum::<f64>() / calls as f64);
    let target = f64::from(plan.level);
    let reached = mean.is_some_and(|m| m >= target - EPSILON);

    if calls >= MIN_CALLS && reached {
        return Progress {
            status: TargetStatus::Achieved,
            calls,
            mean,
            projected: None,
            reason: format!(
                "The mean over {calls} scored calls is {:.1}, at or above level {}.",
                mean.unwrap_or_default(),
                plan.level
            ),
        };
    }
    if now >= due_end {
        let reason = match mean {
            None => "The due date passed with no calls scored on this behaviour.".to_string(),
            Some(m) if calls < MIN_CALLS => format!(
                "The due date passed with {calls} scored call{} ({MIN_CALLS} are needed); mean {m:.1}.",
                if calls == 1 { "" } else { "s" }
            ),
            Some(m) => format!(
                "The due date passed with a mean of {m:.1} over {calls} scored calls, below level {}.",
                plan.level
            ),
        };
        return Progress {
            status: TargetStatus::Missed,
            calls,
            mean,
            projected: None,
            reason,
        };
    }

    let mut points: Vec<(f64, f64)> = counted
        .iter()
        .map(|e| (days_between(plan.start, e.scored_at), e.level))
        .collect();
    if let Some(b) = plan.baseline {
        points.push((0.0, b));
    }
    let horizon = days_between(plan.start, due_end);
    let Some(projected) = projection(&points, horizon) else {
        let elapsed = days_between(plan.start, now);
        let (status, reason) = if elapsed * 2.0 > horizon {
            (
                TargetStatus::AtRisk,
                "More than half the time has gone and no calls have been scored on this behaviour."
                    .to_string(),
            )
        } else {
            (
                TargetStatus::OnTrack,
                "No calls scored on this behaviour yet; ask your coach to score a few.".to_string(),
            )
        };
        return Progress {
            status,
            calls,
            mean,
            projected: None,
            reason,
        };
    };
    let (status, reason) = if projected >= target - EPSILON {
        let more = if calls < MIN_CALLS {
            format!(
                " {} more scored call{} needed to confirm it.",
                MIN_CALLS - calls,
                if MIN_CALLS - calls == 1 {
                    " is"
                } else {
                    "s are"
                }
            )
        } else {
            String::new()
        };
        (
            TargetStatus::OnTrack,
            format!(
                "The trend reaches {projected:.1} by the due date (target {}).{more}",
                plan.level
            ),
        )
    } else {
        (
            TargetStatus::AtRisk,
            format!(
                "The trend reaches only {projected:.1} by the due date (target {}).",
                plan.level
            ),
        )
    };
    Progress {
        status,
        calls,
        mean,
        projected: Some(projected),
        reason,
    }
}

fn days_between(from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    (to - from).num_seconds() as f64 / 86_400.0
}

/// The least-squares line through `points` read at `x`, kept on the 0–5
/// scale; a single point (or points all at one moment) gives their mean.
fn projection(points: &[(f64, f64)], x: f64) -> Option<f64> {
    if points.is_empty() {
        return None;
    }
    let n = points.len() as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let value = if sxx < EPSILON {
        my
    } else {
        my + sxy / sxx * (x - mx)
    };
    Some(value.clamp(0.0, 5.0))
}

pub const MAX_PLAN: usize = 2000;
pub const MAX_NOTE: usize = 2000;

/// Checks a new target. `baseline` is the coach rating now, `today` the
/// setter's date. The error is (field, message).
pub fn check_new_target(
    level: i16,
    due: Option<NaiveDate>,
    plan: &str,
    baseline: Option<f64>,
    today: NaiveDate,
) -> Result<(), (&'static str, String)> {
    if !(2..=5).contains(&level) {
        return Err(("level", "Choose a target level from 2 to 5.".into()));
    }
    if let Some(b) = baseline {
        if f64::from(level) <= b + EPSILON {
            return Err((
                "level",
                format!("The coach rating is already {b:.1}; choose a level above it."),
            ));
        }
    }
    let Some(due) = due else {
        return Err(("due_on", "Enter a due date as YYYY-MM-DD.".into()));
    };
    if due <= today {
        return Err(("due_on", "The due date must be after today.".into()));
    }
    if due > today + Duration::days(366) {
        return Err((
            "due_on",
            "Choose a due date within a year; set a new target after that.".into(),
        ));
    }
    let plan = plan.trim();
    if plan.is_empty() {
        return Err((
            "plan",
            "Describe how you will practise, e.g. two role-plays a week with a peer.".into(),
        ));
    }
    if plan.chars().count() > MAX_PLAN {
        return Err((
            "plan",
            format!("The practice plan is longer than {MAX_PLAN} characters."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap()
    }

    fn plan(level: u8, baseline: Option<f64>) -> TargetPlan {
        TargetPlan {
            start: start(),
            due: NaiveDate::from_ymd_opt(2026, 5, 31).unwrap(),
            baseline,
            level,
        }
    }

    fn at(days: i64, level: f64) -> Evidence {
        Evidence {
            scored_at: start() + Duration::days(days),
            level,
        }
    }

    fn day(days: i64) -> DateTime<Utc> {
        start() + Duration::days(days)
    }

    #[test]
    fn no_calls_is_on_track_then_at_risk_then_missed() {
        let p = plan(4, Some(3.0));
        // A baseline alone is a flat line: it does not reach the target.
        assert_eq!(progress(&p, &[], day(2)).status, TargetStatus::AtRisk);
        let no_baseline = plan(4, None);
        assert_eq!(
            progress(&no_baseline, &[], day(2)).status,
            TargetStatus::OnTrack
        );
        assert_eq!(
            progress(&no_baseline, &[], day(20)).status,
            TargetStatus::AtRisk
        );
        let missed = progress(&no_baseline, &[], day(31));
        assert_eq!(missed.status, TargetStatus::Missed);
        assert!(missed.reason.contains("no calls"));
    }

    #[test]
    fn achieved_needs_three_calls_at_the_level() {
        let p = plan(4, Some(3.0));
        let two = [at(3, 4.0), at(5, 5.0)];
        let r = progress(&p, &two, day(6));
        assert_eq!(r.status, TargetStatus::OnTrack, "{}", r.reason);
        assert!(r.reason.contains("1 more scored call is needed"));
        let three = [at(3, 4.0), at(5, 5.0), at(6, 3.0)];
        let r = progress(&p, &three, day(7));
        assert_eq!(r.status, TargetStatus::Achieved);
        assert_eq!(r.calls, 3);
        assert_eq!(r.mean, Some(4.0));
        // Still achieved after the due date: it was met in time.
        assert_eq!(progress(&p, &three, day(90)).status, TargetStatus::Achieved);
    }

    #[test]
    fn a_mean_below_the_level_is_not_achieved() {
        let p = plan(4, Some(3.0));
        let ev = [at(3, 4.0), at(5, 4.0), at(6, 3.0)];
        let r = progress(&p, &ev, day(7));
        assert_ne!(r.status, TargetStatus::Achieved);
        assert_eq!(progress(&p, &ev, day(31)).status, TargetStatus::Missed);
    }

    #[test]
    fn calls_before_the_start_or_after_the_due_day_do_not_count() {
        let p = plan(4, None);
        let ev = [
            at(-3, 5.0),
            at(-1, 5.0),
            at(2, 5.0),
            at(40, 5.0),
            at(41, 5.0),
        ];
        let r = progress(&p, &ev, day(50));
        assert_eq!(r.calls, 1);
        assert_eq!(r.status, TargetStatus::Missed);
        // A call on the due day itself still counts.
        let last_day = [
            at(1, 4.0),
            at(2, 4.0),
            Evidence {
                scored_at: Utc.with_ymd_and_hms(2026, 5, 31, 23, 59, 0).unwrap(),
                level: 4.0,
            },
        ];
        assert_eq!(
            progress(&p, &last_day, day(40)).status,
            TargetStatus::Achieved
        );
    }

    #[test]
    fn the_trend_decides_between_on_track_and_at_risk() {
        let p = plan(4, Some(2.0));
        // Rising from 2 to 3.5 within ten days: the line passes 4 by day 30.
        let rising = [at(5, 3.0), at(10, 3.5)];
        let r = progress(&p, &rising, day(11));
        assert_eq!(r.status, TargetStatus::OnTrack, "{}", r.reason);
        assert!(r.projected.unwrap() >= 4.0);
        // Flat at 2: the line stays at 2.
        let flat = [at(5, 2.0), at(10, 2.0), at(12, 2.0)];
        let r = progress(&p, &flat, day(13));
        assert_eq!(r.status, TargetStatus::AtRisk);
        assert!(r.reason.contains("only 2.0"));
    }

    #[test]
    fn missed_ratings_pull_the_mean_down() {
        let p = plan(3, None);
        let ev = [at(1, 5.0), at(2, 0.0), at(3, 3.0)];
        let r = progress(&p, &ev, day(4));
        assert_eq!(r.mean, Some(8.0 / 3.0));
        assert_ne!(r.status, TargetStatus::Achieved);
    }

    #[test]
    fn calls_rated_na_are_no_evidence() {
        let p = plan(4, None);
        let rated = [
            (day(1), Rating::NotApplicable),
            (day(2), Rating::NotApplicable),
            (day(3), Rating::NotApplicable),
        ];
        let ev = evidence_of(&rated);
        assert!(ev.is_empty());
        let r = progress(&p, &ev, day(4));
        assert_eq!(r.calls, 0);
        assert_eq!(r.status, TargetStatus::OnTrack);
        assert_eq!(progress(&p, &ev, day(40)).status, TargetStatus::Missed);
        // Mixed: N/A drops out, Missed stays in as 0.
        let mixed = evidence_of(&[
            (day(1), Rating::Level(5)),
            (day(2), Rating::NotApplicable),
            (day(3), Rating::Missed),
            (day(4), Rating::Level(5)),
        ]);
        assert_eq!(mixed.len(), 3);
        assert_eq!(progress(&p, &mixed, day(5)).mean, Some(10.0 / 3.0));
    }

    #[test]
    fn projection_stays_on_the_scale() {
        assert_eq!(projection(&[(0.0, 1.0), (1.0, 5.0)], 30.0), Some(5.0));
        assert_eq!(projection(&[(0.0, 5.0), (1.0, 1.0)], 30.0), Some(0.0));
        assert_eq!(projection(&[(3.0, 2.0), (3.0, 4.0)], 30.0), Some(3.0));
        assert_eq!(projection(&[], 30.0), None);
    }

    #[test]
    fn new_targets_are_checked() {
        let today = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let due = Some(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
        assert!(check_new_target(4, due, "Role-play weekly", Some(3.0), today).is_ok());
        assert!(check_new_target(4, due, "Role-play weekly", None, today).is_ok());
        assert_eq!(
            check_new_target(3, due, "x", Some(3.0), today)
                .unwrap_err()
                .0,
            "level"
        );
        assert_eq!(
            check_new_target(6, due, "x", None, today).unwrap_err().0,
            "level"
        );
        assert_eq!(
            check_new_target(4, None, "x", None, today).unwrap_err().0,
            "due_on"
        );
        assert_eq!(
            check_new_target(4, Some(today), "x", None, today)
                .unwrap_err()
                .0,
            "due_on"
        );
        let far = Some(NaiveDate::from_ymd_opt(2027, 6, 1).unwrap());
        assert_eq!(
            check_new_target(4, far, "x", None, today).unwrap_err().0,
            "due_on"
        );
        assert_eq!(
            check_new_target(4, due, "  ", None, today).unwrap_err().0,
            "plan"
        );
    }
}
