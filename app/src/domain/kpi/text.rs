//! How KPI figures read on pages and in CSV: one wording for "too few" and
//! "no answers", signed NPS, percentages and durations in the unit a person
//! would use. Shared by the browser and the server so both say the same.

use super::{Durations, Estimate, Grouping, Shown, MIN_RESPONSES};

/// What a figure that is not shown says instead.
pub fn not_shown<T>(shown: &Shown<T>) -> Option<String> {
    match shown {
        Shown::Empty => Some("no answers".into()),
        Shown::TooFew(n) => Some(format!("too few responses ({n})")),
        Shown::Figure(_) => None,
    }
}

/// NPS as a signed whole number: "+32", "0", "−12" (a true minus sign).
pub fn nps_value(v: f64) -> String {
    let r = v.round();
    if r > 0.0 {
        format!("+{r:.0}")
    } else if r < 0.0 {
        format!("\u{2212}{:.0}", -r)
    } else {
        "0".into()
    }
}

/// A share as a percentage with one decimal: "84.2%".
pub fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// NPS with its margin: "+32 ±8".
pub fn nps_text(shown: &Shown<Estimate>) -> String {
    match shown {
        Shown::Figure(e) => format!("{} ±{:.0}", nps_value(e.value), (e.high - e.low) / 2.0),
        other => not_shown(other).unwrap_or_default(),
    }
}

/// A share with its interval: "84.2% (80.1–87.6%)".
pub fn share_text(shown: &Shown<Estimate>) -> String {
    match shown {
        Shown::Figure(e) => format!(
            "{} ({}\u{2013}{})",
            percent(e.value),
            format_args!("{:.1}", e.low * 100.0),
            percent(e.high)
        ),
        other => not_shown(other).unwrap_or_default(),
    }
}

/// A duration given in seconds, in the unit a person would read it:
/// "45 s", "12 min", "3 h 20 min", "2.5 days".
pub fn duration(seconds: f64) -> String {
    let s = seconds.max(0.0);
    if s < 90.0 {
        format!("{s:.0} s")
    } else if s < 90.0 * 60.0 {
        format!("{:.0} min", s / 60.0)
    } else if s < 48.0 * 3600.0 {
        let minutes = (s / 60.0).round() as i64;
        match minutes % 60 {
            0 => format!("{} h", minutes / 60),
            m => format!("{} h {m} min", minutes / 60),
        }
    } else {
        format!("{:.1} days", s / 86_400.0)
    }
}

/// Mean and median of durations in seconds, with what stands in for too
/// few or none (durations follow the same "too few" rule as answers).
pub fn durations_text(d: Option<&Durations>) -> String {
    match d {
        None => "none".into(),
        Some(d) if d.n < MIN_RESPONSES => format!("too few ({})", d.n),
        Some(d) => format!("{} (median {})", duration(d.mean), duration(d.median)),
    }
}

impl Grouping {
    pub const ALL: [Grouping; 3] = [Grouping::Day, Grouping::Week, Grouping::Month];

    /// The word in addresses and forms.
    pub fn key(self) -> &'static str {
        match self {
            Grouping::Day => "day",
            Grouping::Week => "week",
            Grouping::Month => "month",
        }
    }

    pub fn parse(key: &str) -> Option<Grouping> {
        Grouping::ALL.into_iter().find(|g| g.key() == key)
    }

    /// "By day", "By ISO week", "By month".
    pub fn title(self) -> &'static str {
        match self {
            Grouping::Day => "By day",
            Grouping::Week => "By ISO week",
            Grouping::Month => "By month",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(value: f64, low: f64, high: f64) -> Shown<Estimate> {
        Shown::Figure(Estimate {
            value,
            low,
            high,
            n: 40,
        })
    }

    #[test]
    fn figures_not_shown_say_why() {
        assert_eq!(nps_text(&Shown::Empty), "no answers");
        assert_eq!(share_text(&Shown::TooFew(7)), "too few responses (7)");
    }

    #[test]
    fn nps_is_signed_with_its_margin() {
        assert_eq!(nps_text(&e(32.4, 24.0, 40.8)), "+32 ±8");
        assert_eq!(nps_text(&e(-12.0, -20.0, -4.0)), "\u{2212}12 ±8");
        assert_eq!(nps_value(0.4), "0");
        assert_eq!(nps_value(-0.4), "0");
    }

    #[test]
    fn shares_read_as_percentages_with_their_interval() {
        assert_eq!(
            share_text(&e(0.842, 0.801, 0.876)),
            "84.2% (80.1\u{2013}87.6%)"
        );
        assert_eq!(percent(1.0), "100.0%");
    }

    #[test]
    fn durations_read_in_the_unit_a_person_would_use() {
        assert_eq!(duration(45.0), "45 s");
        assert_eq!(duration(89.0), "89 s");
        assert_eq!(duration(720.0), "12 min");
        assert_eq!(duration(3.0 * 3600.0 + 20.0 * 60.0), "3 h 20 min");
        assert_eq!(duration(5.0 * 3600.0), "5 h");
        assert_eq!(duration(2.5 * 86_400.0), "2.5 days");
        let few = Durations {
            n: 3,
            mean: 10.0,
            median: 9.0,
        };
        assert_eq!(durations_text(Some(&few)), "too few (3)");
        assert_eq!(durations_text(None), "none");
        let many = Durations { n: 12, ..few };
        assert_eq!(durations_text(Some(&many)), "10 s (median 9 s)");
    }

    #[test]
    fn groupings_round_trip_through_their_keys() {
        for g in Grouping::ALL {
            assert_eq!(Grouping::parse(g.key()), Some(g));
        }
        assert_eq!(Grouping::parse("year"), None);
    }
}
