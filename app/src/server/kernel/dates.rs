//! How dates and times are written on pages and read from forms.

use crate::domain::validation::parse_day;
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// The first instant of a day (periods are whole UTC days).
pub fn start_of_day(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

/// The first instant after a day.
pub fn end_of_day(d: NaiveDate) -> DateTime<Utc> {
    start_of_day(d.succ_opt().unwrap_or(d))
}

/// A moment, e.g. "3 Mar 2026, 14:05".
pub fn when(t: DateTime<Utc>) -> String {
    t.format("%-d %b %Y, %H:%M").to_string()
}

/// A day, e.g. "3 Mar 2026".
pub fn day(t: DateTime<Utc>) -> String {
    t.format("%-d %b %Y").to_string()
}

/// A calendar date as written on pages.
pub fn date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// An optional ISO date from a form field; blank means none.
pub fn parse_optional_day(
    raw: Option<&str>,
    field_name: &str,
) -> Result<Option<NaiveDate>, AppError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(v) => parse_day(v)
            .map(Some)
            .map_err(|m| AppError::invalid(field_name, m)),
    }
}

/// The longest period a person may ask for at once.
pub const MAX_PERIOD_DAYS: i64 = 366;

/// A required ISO date from the field `field`.
pub fn parse_field_day(raw: &str, field: &str) -> Result<NaiveDate, AppError> {
    parse_day(raw).map_err(|m| AppError::invalid(field, m))
}

/// The first and last day of a period from the `from` and `to` fields,
/// inclusive, in order and at most [`MAX_PERIOD_DAYS`] long.
pub fn parse_period(from: &str, to: &str) -> Result<(NaiveDate, NaiveDate), AppError> {
    let from = parse_field_day(from, "from")?;
    let to = parse_field_day(to, "to")?;
    if to < from {
        return Err(AppError::invalid(
            "to",
            "The period ends before it starts: choose a last day on or after the first.",
        ));
    }
    if (to - from).num_days() >= MAX_PERIOD_DAYS {
        return Err(AppError::invalid(
            "to",
            format!("A period can be at most {MAX_PERIOD_DAYS} days."),
        ));
    }
    Ok((from, to))
}

/// An ISO date (2026-03-14) in Rapport's years, or `None` if it is not one.
pub fn parse_iso_day(raw: &str) -> Option<NaiveDate> {
    parse_day(raw).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn formats_read_naturally() {
        let t = Utc.with_ymd_and_hms(2026, 3, 3, 14, 5, 0).unwrap();
        assert_eq!(when(t), "3 Mar 2026, 14:05");
        assert_eq!(day(t), "3 Mar 2026");
        assert_eq!(date(t.date_naive()), "3 Mar 2026");
    }

    #[test]
    fn optional_days_name_their_field() {
        assert_eq!(parse_optional_day(Some("  "), "from").unwrap(), None);
        assert_eq!(
            parse_optional_day(Some("2026-03-14"), "from").unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 14)
        );
        let e = parse_optional_day(Some("14/03/2026"), "to").unwrap_err();
        assert_eq!(
            e.for_field("to").as_deref(),
            Some("\"14/03/2026\" is not a date such as 2026-03-14.")
        );
    }
}
