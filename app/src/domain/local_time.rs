//! Local time: which calendar day an instant falls on in a time zone, where
//! a local day starts, how a person's wall-clock time becomes an instant,
//! and how moments are written. Instants are stored in UTC; everything a
//! person reads or types is local. Generic over chrono's `TimeZone`, so the
//! rules are tested here with real zones and the time-zone database stays a
//! server concern.

use chrono::offset::LocalResult;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use std::fmt::Display;

/// The calendar day an instant falls on in `zone`.
pub fn day_of<Z: TimeZone>(t: DateTime<Utc>, zone: &Z) -> NaiveDate {
    t.with_timezone(zone).date_naive()
}

/// The first instant of a local day: midnight, or, where the clocks jump
/// over midnight (as in some zones' spring change), the first moment after
/// the jump. When midnight happens twice, the first.
pub fn start_of_day<Z: TimeZone>(d: NaiveDate, zone: &Z) -> DateTime<Utc> {
    let mut local = d.and_time(NaiveTime::MIN);
    // A gap is at most a few hours; quarter-hour steps find its end.
    for _ in 0..(24 * 4) {
        match zone.from_local_datetime(&local) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => {
                return t.with_timezone(&Utc);
            }
            LocalResult::None => local += Duration::minutes(15),
        }
    }
    Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN))
}

/// The first instant after a local day.
pub fn end_of_day<Z: TimeZone>(d: NaiveDate, zone: &Z) -> DateTime<Utc> {
    start_of_day(d.succ_opt().unwrap_or(d), zone)
}

/// The instant a wall-clock time in `zone` names. A time the clocks skip
/// does not exist and is refused; a time that happens twice (when the clocks
/// go back) is read as the first of the two.
pub fn to_instant<Z: TimeZone + Display>(
    local: NaiveDateTime,
    zone: &Z,
) -> Result<DateTime<Utc>, String> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Ok(t.with_timezone(&Utc)),
        LocalResult::None => Err(format!(
            "{} does not exist in {zone}: the clocks went forward then. Give a time just after the change.",
            local.format("%-d %b %Y, %H:%M")
        )),
    }
}

/// Reads a moment: with an offset (RFC 3339, e.g. 2026-03-14T09:30:00+11:00
/// or …Z) it is exact; without one (`YYYY-MM-DD HH:MM[:SS]`, or with a `T`)
/// it is a wall-clock time in `zone`.
pub fn parse_moment<Z: TimeZone + Display>(raw: &str, zone: &Z) -> Result<DateTime<Utc>, String> {
    let v = raw.trim();
    if v.is_empty() {
        return Err("Enter when the call happened.".into());
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Ok(t.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(v, format) {
            return to_instant(t, zone);
        }
    }
    Err(format!(
        "\"{v}\" is not a date and time: use 2026-03-14 09:30 (read in {zone}) or 2026-03-14T09:30:00+01:00."
    ))
}

/// `t` on the wall clock of `zone`, written with a chrono format.
fn local<Z: TimeZone>(t: DateTime<Utc>, zone: &Z, format: &str) -> String
where
    Z::Offset: Display,
{
    t.with_timezone(zone).format(format).to_string()
}

/// A moment as pages write it, e.g. "3 Mar 2026, 14:05".
pub fn when<Z: TimeZone>(t: DateTime<Utc>, zone: &Z) -> String
where
    Z::Offset: Display,
{
    local(t, zone, "%-d %b %Y, %H:%M")
}

/// The day of a moment as pages write it, e.g. "3 Mar 2026".
pub fn day<Z: TimeZone>(t: DateTime<Utc>, zone: &Z) -> String
where
    Z::Offset: Display,
{
    date(day_of(t, zone))
}

/// A calendar date as pages write it.
pub fn date(d: NaiveDate) -> String {
    super::validation::day_label(d)
}

/// A moment in a spreadsheet cell, e.g. "2026-03-03 14:05": sortable, and
/// read back by [`parse_moment`] in the same zone.
pub fn stamp<Z: TimeZone>(t: DateTime<Utc>, zone: &Z) -> String
where
    Z::Offset: Display,
{
    local(t, zone, "%Y-%m-%d %H:%M")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::{Chicago, Santiago};
    use chrono_tz::Australia::Sydney;
    use chrono_tz::Europe::London;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn day_(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn an_instant_falls_on_the_local_day() {
        // 22:30 UTC on the 13th is 09:30 on the 14th in Sydney (AEDT, +11)
        // and 16:30 on the 13th in Chicago (CDT, -5).
        let t = utc(2026, 3, 13, 22, 30);
        assert_eq!(day_of(t, &Sydney), day_(2026, 3, 14));
        assert_eq!(day_of(t, &Chicago), day_(2026, 3, 13));
        assert_eq!(day_of(t, &Utc), day_(2026, 3, 13));
        assert_eq!(when(t, &Sydney), "14 Mar 2026, 09:30");
        assert_eq!(when(t, &Chicago), "13 Mar 2026, 17:30");
        assert_eq!(day(t, &Sydney), "14 Mar 2026");
    }

    #[test]
    fn a_local_day_starts_at_local_midnight() {
        assert_eq!(
            start_of_day(day_(2026, 3, 14), &Sydney),
            utc(2026, 3, 13, 13, 0)
        );
        assert_eq!(
            end_of_day(day_(2026, 3, 14), &Sydney),
            utc(2026, 3, 14, 13, 0)
        );
        // The day the clocks go forward is 23 hours long in London.
        let d = day_(2026, 3, 29);
        assert_eq!(
            end_of_day(d, &London) - start_of_day(d, &London),
            Duration::hours(23)
        );
        // Every instant of a day lies within it.
        for h in 0..24 {
            let t = start_of_day(d, &London) + Duration::minutes(h * 57);
            assert!(t < end_of_day(d, &London));
            assert_eq!(day_of(t, &London), d);
        }
    }

    #[test]
    fn a_day_whose_midnight_is_skipped_starts_after_the_jump() {
        // Chile moved its clocks forward at midnight on 7 Sep 2025:
        // 00:00-00:59 did not happen, so the day began at 01:00 (-03).
        let d = day_(2025, 9, 7);
        let start = start_of_day(d, &Santiago);
        assert_eq!(start, utc(2025, 9, 7, 4, 0));
        assert_eq!(day_of(start, &Santiago), d);
        assert_eq!(
            day_of(start - Duration::seconds(1), &Santiago),
            day_(2025, 9, 6)
        );
    }

    #[test]
    fn wall_clock_times_are_read_in_the_zone() {
        assert_eq!(
            parse_moment("2026-03-14 09:30", &Sydney).unwrap(),
            utc(2026, 3, 13, 22, 30)
        );
        assert_eq!(
            parse_moment("2026-07-14T09:30", &Chicago).unwrap(),
            utc(2026, 7, 14, 14, 30)
        );
        // An explicit offset wins over the zone.
        assert_eq!(
            parse_moment("2026-03-14T09:30:00+01:00", &Sydney).unwrap(),
            utc(2026, 3, 14, 8, 30)
        );
        assert_eq!(
            parse_moment("2026-03-14T09:30:00Z", &Chicago).unwrap(),
            utc(2026, 3, 14, 9, 30)
        );
    }

    #[test]
    fn a_skipped_time_is_refused_and_a_repeated_one_is_the_first() {
        let e = parse_moment("2026-03-29 01:30", &London).unwrap_err();
        assert_eq!(
            e,
            "29 Mar 2026, 01:30 does not exist in Europe/London: the clocks went forward then. Give a time just after the change."
        );
        // 01:30 on 25 Oct 2026 happens at +01:00 and again at +00:00.
        assert_eq!(
            parse_moment("2026-10-25 01:30", &London).unwrap(),
            utc(2026, 10, 25, 0, 30)
        );
    }

    #[test]
    fn unreadable_moments_say_what_to_type() {
        assert_eq!(
            parse_moment("  ", &London).unwrap_err(),
            "Enter when the call happened."
        );
        assert_eq!(
            parse_moment("14/03/2026", &Sydney).unwrap_err(),
            "\"14/03/2026\" is not a date and time: use 2026-03-14 09:30 (read in Australia/Sydney) or 2026-03-14T09:30:00+01:00."
        );
    }
}
