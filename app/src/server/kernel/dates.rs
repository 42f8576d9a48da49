//! How calendar dates are written on pages and read from forms (moments
//! and days of moments are the caller's `Clock`).

use crate::domain::local_time;
use crate::domain::validation::parse_day;
use crate::error::AppError;
use chrono::NaiveDate;

/// A calendar date as written on pages.
pub fn date(d: NaiveDate) -> String {
    local_time::date(d)
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

/// Days to rebuild, taken in passes of at most `per_pass` distinct days in
/// order, so that one pass reads one span of time: each pass's days, first
/// to last.
pub fn day_passes(
    days: impl IntoIterator<Item = NaiveDate>,
    per_pass: usize,
) -> Vec<std::collections::BTreeSet<NaiveDate>> {
    let days: std::collections::BTreeSet<NaiveDate> = days.into_iter().collect();
    let days: Vec<NaiveDate> = days.into_iter().collect();
    days.chunks(per_pass.max(1))
        .map(|pass| pass.iter().copied().collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally() {
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()),
            "3 Mar 2026"
        );
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

    #[test]
    fn days_are_rebuilt_in_ordered_passes_of_distinct_days() {
        let d = |n| NaiveDate::from_ymd_opt(2026, 3, n).unwrap();
        let passes = day_passes([d(5), d(1), d(5), d(3), d(9)], 2);
        let passes: Vec<Vec<NaiveDate>> = passes
            .into_iter()
            .map(|p| p.into_iter().collect())
            .collect();
        assert_eq!(passes, [vec![d(1), d(3)], vec![d(5), d(9)]]);
        assert!(day_passes([], 31).is_empty());
    }
}
