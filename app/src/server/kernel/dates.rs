//! How dates and times are written on pages and read from forms.

use crate::domain::validation::parse_day;
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};

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
