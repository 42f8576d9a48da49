//! Behavioural targets (PRODUCT.md §4): progress is computed from the calls
//! that happened after a target was set, never typed in. Each call counts
//! once (its one value, see [`super::benchmark::call_values`]) and is placed
//! in time by when it happened.
//!
//! - **Achieved**: the mean over at least [`MIN_CALLS`] such calls reaches
//!   the level. It holds from the call that first made it so, and stays
//!   achieved afterwards, with that date.
//! - **Not enough calls yet**: fewer than [`MIN_CALLS`] such calls before the
//!   due day has passed; every new target starts here.
//! - **On track / at risk**: with [`MIN_CALLS`] or more, whether the
//!   least-squares line through those calls reaches the level by the end of
//!   the due day.
//! - **Missed**: the due day has passed and it was not achieved.

use super::benchmark::MIN_CALLS;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};

const EPSILON: f64 = 1e-9;

crate::keyed_enum! {
    pub enum TargetStatus {
        NotEnoughCalls = "not_enough_calls",
        OnTrack = "on_track",
        AtRisk = "at_risk",
        Achieved = "achieved",
        Missed = "missed",
    }
}

impl TargetStatus {
    pub fn label(self) -> &'static str {
        match self {
            TargetStatus::NotEnoughCalls => "Not enough calls yet",
            TargetStatus::OnTrack => "On track",
            TargetStatus::AtRisk => "At risk",
            TargetStatus::Achieved => "Achieved",
            TargetStatus::Missed => "Missed",
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            TargetStatus::NotEnoughCalls => "status-waiting",
            TargetStatus::OnTrack => "status-on-track",
            TargetStatus::AtRisk => "status-at-risk",
            TargetStatus::Achieved => "status-achieved",
            TargetStatus::Missed => "status-missed",
        }
    }

    pub fn is_open(self) -> bool {
        matches!(
            self,
            TargetStatus::NotEnoughCalls | TargetStatus::OnTrack | TargetStatus::AtRisk
        )
    }
}

/// What a target's status is computed from.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetPlan {
    pub start: DateTime<Utc>,
    pub due: NaiveDate,
    pub level: u8,
    /// The day it was first found achieved, once recorded: achievement sticks.
    pub achieved_on: Option<NaiveDate>,
}

impl TargetPlan {
    /// The last moment that counts: the end of the due day where the
    /// organisation keeps its days.
    pub fn due_end<Z: TimeZone>(&self, zone: &Z) -> DateTime<Utc> {
        super::local_time::end_of_day(self.due, zone)
    }

    /// Days from the start to `at`, the x axis of the trend.
    pub fn day_of(&self, at: DateTime<Utc>) -> f64 {
        (at - self.start).num_seconds() as f64 / 86_400.0
    }
}

/// One call's value on the target's behaviour (Missed is 0; a call rated
/// N/A had no opportunity and is no evidence).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    /// When the call happened.
    pub at: DateTime<Utc>,
    pub level: f64,
}

/// The least-squares line through the calls, in levels against days since
/// the target was set.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    pub intercept: f64,
    pub slope: f64,
}

impl Trend {
    pub fn at(&self, day: f64) -> f64 {
        self.intercept + self.slope * day
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub status: TargetStatus,
    /// Calls between the start and the end of the due day.
    pub calls: usize,
    pub mean: Option<f64>,
    /// The trend line, once there are enough calls to read one.
    pub trend: Option<Trend>,
    /// Where the trend stands at the end of the due day, kept on the scale.
    pub projected: Option<f64>,
    pub achieved_on: Option<NaiveDate>,
    /// One sentence saying why the status is what it is.
    pub reason: String,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The day the mean first reached the level with at least [`MIN_CALLS`]
/// calls, walking the calls in the order they happened.
fn first_achieved<Z: TimeZone>(
    counted: &[Evidence],
    target: f64,
    zone: &Z,
) -> Option<(NaiveDate, usize, f64)> {
    let mut sum = 0.0;
    for (i, e) in counted.iter().enumerate() {
        sum += e.level;
        let n = i + 1;
        if n >= MIN_CALLS && sum / n as f64 >= target - EPSILON {
            return Some((super::local_time::day_of(e.at, zone), n, sum / n as f64));
        }
    }
    None
}

/// Days (the due day, the day achieved) are those of `zone`.
pub fn progress<Z: TimeZone>(
    plan: &TargetPlan,
    evidence: &[Evidence],
    now: DateTime<Utc>,
    zone: &Z,
) -> Progress {
    let due_end = plan.due_end(zone);
    let mut counted: Vec<Evidence> = evidence
        .iter()
        .copied()
        .filter(|e| e.at >= plan.start && e.at < due_end)
        .collect();
    counted.sort_by_key(|e| e.at);
    let calls = counted.len();
    let mean = (calls > 0).then(|| counted.iter().map(|e| e.level).sum::<f64>() / calls as f64);
    let target = f64::from(plan.level);
    let base = Progress {
        status: TargetStatus::NotEnoughCalls,
        calls,
        mean,
        trend: None,
        projected: None,
        achieved_on: None,
        reason: String::new(),
    };

    let found = first_achieved(&counted, target, zone);
    let achieved = match (plan.achieved_on, found) {
        // The recorded day wins; the calls explain it while they still agree.
        (Some(on), Some((day, n, m))) if day == on => Some((on, Some((n, m)))),
        (Some(on), _) => Some((on, None)),
        (None, found) => found.map(|(on, n, m)| (on, Some((n, m)))),
    };
    if let Some((on, how)) = achieved {
        let day = super::validation::day_label(on);
        let reason = match how {
            Some((n, m)) => format!(
                "Achieved on {day}: the mean over the first {} reached {m:.1} (target {}).",
                plural(n, "call", "calls"),
                plan.level
            ),
            None => format!("Achieved on {day}; it stays achieved."),
        };
        return Progress {
            status: TargetStatus::Achieved,
            achieved_on: Some(on),
            reason,
            ..base
        };
    }
    if now >= due_end {
        let reason = match mean {
            None => "The due date passed with no calls scored on this behaviour.".to_string(),
            Some(m) if calls < MIN_CALLS => format!(
                "The due date passed with {} ({MIN_CALLS} are needed); mean {m:.1}.",
                plural(calls, "scored call", "scored calls")
            ),
            Some(m) => format!(
                "The due date passed with a mean of {m:.1} over {} calls, below level {}.",
                calls, plan.level
            ),
        };
        return Progress {
            status: TargetStatus::Missed,
            reason,
            ..base
        };
    }
    if calls < MIN_CALLS {
        let more = MIN_CALLS - calls;
        return Progress {
            reason: format!(
                "{} since the target was set; {more} more {} needed before a trend is read.",
                plural(calls, "scored call", "scored calls"),
                if more == 1 { "is" } else { "are" }
            ),
            ..base
        };
    }
    let points: Vec<(f64, f64)> = counted
        .iter()
        .map(|e| (plan.day_of(e.at), e.level))
        .collect();
    let trend = least_squares(&points);
    let projected = trend.at(plan.day_of(due_end)).clamp(0.0, 5.0);
    let (status, reason) = if projected >= target - EPSILON {
        (
            TargetStatus::OnTrack,
            format!(
                "The trend over {calls} calls reaches {projected:.1} by the due date (target {}).",
                plan.level
            ),
        )
    } else {
        (
            TargetStatus::AtRisk,
            format!(
                "The trend over {calls} calls reaches only {projected:.1} by the due date (target {}).",
                plan.level
            ),
        )
    };
    Progress {
        status,
        trend: Some(trend),
        projected: Some(projected),
        reason,
        ..base
    }
}

/// A status recorded at `recorded_at` as it stands at `now`, no call having
/// been scored since: without new calls only the due day passing changes a
/// target's status, which makes kept statuses readable without their calls.
pub fn status_as_of(
    recorded: TargetStatus,
    due_end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> TargetStatus {
    if recorded != TargetStatus::Achieved && now >= due_end {
        TargetStatus::Missed
    } else {
        recorded
    }
}

/// The least-squares line through `points` (at least one); points all at
/// one moment give a flat line at their mean.
fn least_squares(points: &[(f64, f64)]) -> Trend {
    let n = points.len().max(1) as f64;
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = if sxx < EPSILON { 0.0 } else { sxy / sxx };
    Trend {
        intercept: my - slope * mx,
        slope,
    }
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
) -> Result<(), Vec<(&'static str, String)>> {
    // Every problem at once, in the form's order.
    let mut problems: Vec<(&'static str, String)> = vec![];
    if !(2..=5).contains(&level) {
        problems.push(("level", "Choose a target level from 2 to 5.".into()));
    } else if let Some(b) = baseline.filter(|b| f64::from(level) <= b + EPSILON) {
        problems.push((
            "level",
            format!("The coach rating is already {b:.1}; choose a level above it."),
        ));
    }
    match due {
        None => problems.push(("due_on", "Enter a due date as YYYY-MM-DD.".into())),
        Some(due) if due <= today => {
            problems.push(("due_on", "The due date must be after today.".into()))
        }
        Some(due) if due > today + Duration::days(366) => problems.push((
            "due_on",
            "Choose a due date within a year; set a new target after that.".into(),
        )),
        Some(_) => {}
    }
    let plan = plan.trim();
    if plan.is_empty() {
        problems.push((
            "plan",
            "Describe how you will practise, e.g. two role-plays a week with a peer.".into(),
        ));
    } else if plan.chars().count() > MAX_PLAN {
        problems.push((
            "plan",
            format!("The practice plan is longer than {MAX_PLAN} characters."),
        ));
    }
    super::validation::all_clear(problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).unwrap()
    }

    fn plan(level: u8) -> TargetPlan {
        TargetPlan {
            start: start(),
            due: NaiveDate::from_ymd_opt(2026, 5, 31).unwrap(),
            level,
            achieved_on: None,
        }
    }

    fn at(days: i64, level: f64) -> Evidence {
        Evidence {
            at: start() + Duration::days(days),
            level,
        }
    }

    fn day(days: i64) -> DateTime<Utc> {
        start() + Duration::days(days)
    }

    #[test]
    fn a_kept_status_read_later_is_the_status_computed_later() {
        let p = plan(4);
        let cases: [&[Evidence]; 5] = [
            &[],
            &[at(2, 3.0)],
            &[at(2, 2.0), at(4, 3.0), at(6, 4.0)],
            &[at(2, 3.0), at(4, 2.0), at(6, 2.0)],
            &[at(2, 4.0), at(4, 5.0), at(6, 4.0)],
        ];
        let due_end = p.due_end(&Utc);
        for evidence in cases {
            for (then, later) in [(7, 8), (7, 29), (7, 30), (7, 31), (7, 120), (31, 60)] {
                let kept = progress(&p, evidence, day(then), &Utc).status;
                assert_eq!(
                    status_as_of(kept, due_end, day(later)),
                    progress(&p, evidence, day(later), &Utc).status,
                    "{evidence:?} kept on day {then}, read on day {later}"
                );
            }
        }
    }

    #[test]
    fn a_new_target_waits_for_calls_then_is_missed() {
        let p = plan(4);
        let r = progress(&p, &[], start(), &Utc);
        assert_eq!(
            r.status,
            TargetStatus::NotEnoughCalls,
            "never at risk on day 0"
        );
        assert!(r.reason.contains("0 scored calls"), "{}", r.reason);
        assert!(r.reason.contains("3 more are needed"), "{}", r.reason);
        assert_eq!(
            progress(&p, &[], day(25), &Utc).status,
            TargetStatus::NotEnoughCalls
        );
        let missed = progress(&p, &[], day(31), &Utc);
        assert_eq!(missed.status, TargetStatus::Missed);
        assert!(missed.reason.contains("no calls"));
    }

    #[test]
    fn two_calls_minutes_apart_are_not_enough_to_read_a_trend() {
        let p = plan(4);
        let minutes = |m: i64| start() + Duration::days(2) + Duration::minutes(m);
        let falling = [
            Evidence {
                at: minutes(0),
                level: 5.0,
            },
            Evidence {
                at: minutes(10),
                level: 3.0,
            },
        ];
        let r = progress(&p, &falling, minutes(11), &Utc);
        assert_eq!(r.status, TargetStatus::NotEnoughCalls);
        assert_eq!((r.trend, r.projected), (None, None));
        assert!(r.reason.contains("1 more is needed"), "{}", r.reason);
        let rising = [
            Evidence {
                at: minutes(0),
                level: 3.0,
            },
            Evidence {
                at: minutes(1),
                level: 4.0,
            },
        ];
        assert_eq!(
            progress(&p, &rising, minutes(2), &Utc).status,
            TargetStatus::NotEnoughCalls
        );
    }

    #[test]
    fn achieved_needs_three_calls_at_the_level() {
        let p = plan(4);
        let three = [at(3, 4.0), at(5, 5.0), at(6, 3.0)];
        let r = progress(&p, &three, day(7), &Utc);
        assert_eq!(r.status, TargetStatus::Achieved);
        assert_eq!(r.calls, 3);
        assert_eq!(r.mean, Some(4.0));
        assert_eq!(r.achieved_on, NaiveDate::from_ymd_opt(2026, 5, 7));
        assert!(r.reason.contains("Achieved on 7 May 2026"), "{}", r.reason);
        // Still achieved after the due date: it was met in time.
        assert_eq!(
            progress(&p, &three, day(90), &Utc).status,
            TargetStatus::Achieved
        );
    }

    #[test]
    fn achieved_on_day_seven_stays_achieved_after_a_weak_call_on_day_eight() {
        let p = plan(4);
        let week = [at(2, 4.0), at(4, 4.0), at(7, 4.0)];
        assert_eq!(
            progress(&p, &week, day(7), &Utc).status,
            TargetStatus::Achieved
        );
        let after = [at(2, 4.0), at(4, 4.0), at(7, 4.0), at(8, 1.0)];
        let r = progress(&p, &after, day(9), &Utc);
        assert_eq!(r.status, TargetStatus::Achieved, "{}", r.reason);
        assert_eq!(r.achieved_on, NaiveDate::from_ymd_opt(2026, 5, 8));
        assert_eq!(
            r.mean,
            Some(13.0 / 4.0),
            "the mean shown is over every call"
        );
        // A recorded achievement holds even if later evidence rewrites history.
        let recorded = TargetPlan {
            achieved_on: NaiveDate::from_ymd_opt(2026, 5, 8),
            ..plan(4)
        };
        let rewritten = [at(1, 0.0), at(2, 4.0), at(4, 4.0), at(7, 4.0)];
        let r = progress(&recorded, &rewritten, day(40), &Utc);
        assert_eq!(r.status, TargetStatus::Achieved);
        assert_eq!(r.achieved_on, NaiveDate::from_ymd_opt(2026, 5, 8));
        assert_eq!(r.reason, "Achieved on 8 May 2026; it stays achieved.");
        // While the calls agree with the record, they explain it.
        let r = progress(&recorded, &after, day(40), &Utc);
        assert!(
            r.reason
                .contains("the mean over the first 3 calls reached 4.0"),
            "{}",
            r.reason
        );
    }

    #[test]
    fn a_mean_below_the_level_is_not_achieved() {
        let p = plan(4);
        let ev = [at(3, 4.0), at(5, 4.0), at(6, 3.0)];
        let r = progress(&p, &ev, day(7), &Utc);
        assert!(r.status.is_open());
        assert_eq!(
            progress(&p, &ev, day(31), &Utc).status,
            TargetStatus::Missed
        );
    }

    #[test]
    fn calls_before_the_start_or_after_the_due_day_do_not_count() {
        let p = plan(4);
        let ev = [
            at(-3, 5.0),
            at(-1, 5.0),
            at(2, 5.0),
            at(40, 5.0),
            at(41, 5.0),
        ];
        let r = progress(&p, &ev, day(50), &Utc);
        assert_eq!(r.calls, 1);
        assert_eq!(r.status, TargetStatus::Missed);
        // A call on the due day itself still counts.
        let last_day = [
            at(1, 4.0),
            at(2, 4.0),
            Evidence {
                at: Utc.with_ymd_and_hms(2026, 5, 31, 23, 59, 0).unwrap(),
                level: 4.0,
            },
        ];
        let r = progress(&p, &last_day, day(40), &Utc);
        assert_eq!(r.status, TargetStatus::Achieved);
        assert_eq!(r.achieved_on, NaiveDate::from_ymd_opt(2026, 5, 31));
    }

    #[test]
    fn the_trend_by_call_date_decides_between_on_track_and_at_risk() {
        let p = plan(4);
        // 2.5, 3 and 3.5 at days 2, 6 and 10: +0.125 a day reaches 6.0 by day 31.
        let rising = [at(2, 2.5), at(6, 3.0), at(10, 3.5)];
        let r = progress(&p, &rising, day(11), &Utc);
        assert_eq!(r.status, TargetStatus::OnTrack, "{}", r.reason);
        let t = r.trend.unwrap();
        assert!((t.slope - 0.125).abs() < 1e-9);
        assert!((t.at(10.0) - 3.5).abs() < 1e-9);
        assert_eq!(r.projected, Some(5.0), "kept on the scale");
        // Flat at 2: the line stays at 2.
        let flat = [at(5, 2.0), at(10, 2.0), at(12, 2.0)];
        let r = progress(&p, &flat, day(13), &Utc);
        assert_eq!(r.status, TargetStatus::AtRisk);
        assert!(r.reason.contains("only 2.0"), "{}", r.reason);
        // The order calls happened in, not the order they arrive, sets the slope.
        let shuffled = [at(10, 3.5), at(2, 2.5), at(6, 3.0)];
        assert_eq!(progress(&p, &shuffled, day(11), &Utc).trend, Some(t));
    }

    #[test]
    fn calls_on_one_day_give_a_flat_trend_at_their_mean() {
        let p = plan(3);
        let same_day = [at(4, 2.0), at(4, 3.0), at(4, 3.5)];
        let r = progress(&p, &same_day, day(5), &Utc);
        assert_eq!(r.trend.unwrap().slope, 0.0);
        assert_eq!(r.status, TargetStatus::AtRisk);
    }

    #[test]
    fn missed_ratings_pull_the_mean_down() {
        let p = plan(3);
        let ev = [at(1, 5.0), at(2, 0.0), at(3, 3.0)];
        let r = progress(&p, &ev, day(4), &Utc);
        assert_eq!(r.mean, Some(8.0 / 3.0));
        assert_ne!(r.status, TargetStatus::Achieved);
    }

    #[test]
    fn status_keys_round_trip() {
        for s in TargetStatus::ALL {
            assert_eq!(TargetStatus::parse(s.key()), Some(*s));
        }
        assert!(TargetStatus::NotEnoughCalls.is_open());
        assert!(!TargetStatus::Achieved.is_open());
    }

    #[test]
    fn new_targets_are_checked() {
        let today = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        let due = Some(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
        assert!(check_new_target(4, due, "Role-play weekly", Some(3.0), today).is_ok());
        assert!(check_new_target(4, due, "Role-play weekly", None, today).is_ok());
        assert_eq!(
            check_new_target(3, due, "x", Some(3.0), today).unwrap_err()[0].0,
            "level"
        );
        assert_eq!(
            check_new_target(6, due, "x", None, today).unwrap_err()[0].0,
            "level"
        );
        assert_eq!(
            check_new_target(4, None, "x", None, today).unwrap_err()[0].0,
            "due_on"
        );
        assert_eq!(
            check_new_target(4, Some(today), "x", None, today).unwrap_err()[0].0,
            "due_on"
        );
        let far = Some(NaiveDate::from_ymd_opt(2027, 6, 1).unwrap());
        assert_eq!(
            check_new_target(4, far, "x", None, today).unwrap_err()[0].0,
            "due_on"
        );
        assert_eq!(
            check_new_target(4, due, "  ", None, today).unwrap_err()[0].0,
            "plan"
        );
        let all: Vec<&str> = check_new_target(9, None, "", None, today)
            .unwrap_err()
            .into_iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(all, vec!["level", "due_on", "plan"]);
    }
}
