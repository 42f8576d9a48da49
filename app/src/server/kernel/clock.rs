//! The caller's clock: the organisation's time zone, by which days, weeks
//! and months are cut (so everyone's reports of one organisation agree), and
//! the zone the person reads and types times in (their own, or the
//! organisation's). The rules are `domain::local_time`; this binds them to
//! the time-zone database.

use crate::domain::local_time;
use crate::error::AppError;
use crate::server::entities::organization;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};

/// Where a caller's days begin and how their times are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    org: Tz,
    shown: Tz,
}

impl Default for Clock {
    fn default() -> Self {
        Clock::new(Tz::UTC, None)
    }
}

impl Clock {
    pub fn new(org: Tz, personal: Option<Tz>) -> Self {
        Clock {
            org,
            shown: personal.unwrap_or(org),
        }
    }

    /// From the stored names. A name the time-zone database no longer knows
    /// (it was checked when saved) falls back to the organisation's, then UTC.
    pub fn from_names(org: &str, personal: Option<&str>) -> Self {
        let org = stored_zone(org).unwrap_or(Tz::UTC);
        Clock::new(org, personal.and_then(stored_zone))
    }

    /// The organisation's zone: days, weeks and months.
    pub fn org_zone(&self) -> Tz {
        self.org
    }

    /// The zone times are shown and entered in.
    pub fn shown_zone(&self) -> Tz {
        self.shown
    }

    /// Today in the organisation.
    pub fn today(&self) -> NaiveDate {
        self.day_of(Utc::now())
    }

    /// The organisation's day an instant falls on.
    pub fn day_of(&self, t: DateTime<Utc>) -> NaiveDate {
        local_time::day_of(t, &self.org)
    }

    /// The first instant of one of the organisation's days.
    pub fn start_of_day(&self, d: NaiveDate) -> DateTime<Utc> {
        local_time::start_of_day(d, &self.org)
    }

    /// The first instant after one of the organisation's days.
    pub fn end_of_day(&self, d: NaiveDate) -> DateTime<Utc> {
        local_time::end_of_day(d, &self.org)
    }

    /// A moment as the caller reads it, e.g. "3 Mar 2026, 14:05".
    pub fn when(&self, t: DateTime<Utc>) -> String {
        local_time::when(t, &self.shown)
    }

    /// The day of a moment as the caller reads it, e.g. "3 Mar 2026".
    pub fn day(&self, t: DateTime<Utc>) -> String {
        local_time::day(t, &self.shown)
    }

    /// A moment in a CSV cell, in the caller's zone (named by [`Self::zone_label`]).
    pub fn stamp(&self, t: DateTime<Utc>) -> String {
        local_time::stamp(t, &self.shown)
    }

    /// A column heading's note of the zone its times are in, e.g. "(Europe/London)".
    pub fn zone_label(&self) -> String {
        format!("({})", self.shown.name())
    }
}

fn stored_zone(name: &str) -> Option<Tz> {
    let z = name.parse::<Tz>().ok();
    if z.is_none() {
        tracing::warn!(zone = name, "stored time zone is unknown; using UTC");
    }
    z
}

/// A time-zone name typed by a person, e.g. "Europe/London", checked against
/// the time-zone database; the message names the field.
pub fn parse_zone(raw: &str, field: &str) -> Result<Tz, AppError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(AppError::invalid(
            field,
            "Choose a time zone, such as Europe/London or America/Chicago.",
        ));
    }
    v.parse::<Tz>()
        .or_else(|_| {
            // People type "europe/london" or "Europe/London " as often as not.
            chrono_tz::TZ_VARIANTS
                .iter()
                .find(|z| z.name().eq_ignore_ascii_case(v))
                .copied()
                .ok_or(())
        })
        .map_err(|_| {
            AppError::invalid(
                field,
                format!("\"{v}\" is not a time zone name: choose one from the list, such as Europe/London or Australia/Sydney."),
            )
        })
}

/// Every zone a person can choose, by name.
pub fn zone_names() -> Vec<String> {
    let mut names: Vec<String> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|z| z.name().to_string())
        .collect();
    names.sort();
    names
}

/// The organisation's clock, for work done without a caller (rebuilding a
/// rollup, a start-up task).
pub async fn org_clock(db: &impl ConnectionTrait, org_id: i32) -> Result<Clock, AppError> {
    let zone: Option<String> = organization::Entity::find_by_id(org_id)
        .select_only()
        .column(organization::Column::TimeZone)
        .into_tuple()
        .one(db)
        .await?;
    Ok(Clock::from_names(zone.as_deref().unwrap_or("UTC"), None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn days_follow_the_organisation_and_times_the_person() {
        let c = Clock::new(
            chrono_tz::Australia::Sydney,
            Some(chrono_tz::America::Chicago),
        );
        let t = Utc.with_ymd_and_hms(2026, 3, 13, 22, 30, 0).unwrap();
        assert_eq!(c.day_of(t), NaiveDate::from_ymd_opt(2026, 3, 14).unwrap());
        assert_eq!(c.when(t), "13 Mar 2026, 17:30");
        let own = Clock::new(chrono_tz::Australia::Sydney, None);
        assert_eq!(own.when(t), "14 Mar 2026, 09:30");
    }

    #[test]
    fn zone_names_are_checked_with_a_message() {
        assert_eq!(
            parse_zone(" europe/london", "time_zone").unwrap(),
            chrono_tz::Europe::London
        );
        let e = parse_zone("Mars/Olympus", "time_zone").unwrap_err();
        assert_eq!(
            e.for_field("time_zone").as_deref(),
            Some("\"Mars/Olympus\" is not a time zone name: choose one from the list, such as Europe/London or Australia/Sydney.")
        );
        assert!(parse_zone("", "time_zone").is_err());
        assert!(zone_names().iter().any(|n| n == "Australia/Sydney"));
    }

    #[test]
    fn an_unknown_stored_name_falls_back_to_utc() {
        let c = Clock::from_names("Nowhere/Special", Some("Also/Nowhere"));
        assert_eq!((c.org_zone(), c.shown_zone()), (Tz::UTC, Tz::UTC));
    }
}
