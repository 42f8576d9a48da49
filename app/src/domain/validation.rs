//! Checks on what people type: each failure says what is wrong in words the
//! person can act on. Field names are attached by the caller.

use chrono::{Datelike, NaiveDate};

/// Dates in Rapport fall in these years: a typo such as year 0 or 20266 is
/// refused rather than stored.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2100;

/// Every problem a check found, or `Ok` when it found none.
pub fn all_clear<P>(problems: Vec<P>) -> Result<(), Vec<P>> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

pub fn check_year(year: i32) -> Result<(), String> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(format!(
            "Use a date between {FIRST_YEAR} and {LAST_YEAR}; {year} is outside them."
        ))
    }
}

/// An ISO date (2026-03-14) in the years above.
pub fn parse_day(raw: &str) -> Result<NaiveDate, String> {
    let v = raw.trim();
    let day = NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .map_err(|_| format!("\"{v}\" is not a date such as 2026-03-14."))?;
    check_year(day.year())?;
    Ok(day)
}

/// A day as pages write it, e.g. "3 Mar 2026", without chrono's format
/// machinery (which would carry Unicode case tables into the browser).
pub fn day_label(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// Characters that show nothing or reorder text (zero-width spaces and
/// joiners, bidirectional overrides and isolates, the byte-order mark, soft
/// hyphens): a name made of them looks empty or lies about what it says.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
        | '\u{17B5}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}')
}

/// Trims and lower-cases an email address and checks its shape.
pub fn normalise_email(raw: &str) -> Result<String, String> {
    let email = crate::text::lower(raw.trim());
    if email.is_empty() {
        return Err("Enter an email address.".into());
    }
    if email.len() > 254 {
        return Err("An email address can be at most 254 characters.".into());
    }
    if email.chars().any(char::is_whitespace) {
        return Err("An email address cannot contain spaces.".into());
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err(format!("\"{}\" is missing an @.", raw.trim()));
    };
    if local.is_empty() || domain.contains('@') {
        return Err(format!("\"{}\" is not a valid email address.", raw.trim()));
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return Err(format!(
            "\"{}\" needs a domain such as example.com after the @.",
            raw.trim()
        ));
    }
    Ok(email)
}

pub const MIN_PASSWORD_LEN: usize = 10;
pub const MAX_PASSWORD_LEN: usize = 128;

/// Length-based policy (NIST 800-63B style): long enough, not absurdly long,
/// not trivially guessable from the account itself.
pub fn check_password(password: &str, email: &str) -> Result<(), String> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_LEN {
        return Err(format!(
            "Use at least {MIN_PASSWORD_LEN} characters (this one has {chars})."
        ));
    }
    if chars > MAX_PASSWORD_LEN {
        return Err(format!("Use at most {MAX_PASSWORD_LEN} characters."));
    }
    let first = password.chars().next();
    if password.chars().all(|c| Some(c) == first) {
        return Err("A password of one repeated character is too easy to guess.".into());
    }
    let lower = crate::text::lower(password);
    let local = crate::text::lower(email.split('@').next().unwrap_or_default());
    if !email.is_empty()
        && (lower == crate::text::lower(email) || (local.len() >= 4 && lower == local))
    {
        return Err("Do not use your email address as your password.".into());
    }
    if ["password12", "1234567890", "qwertyuiop", "0123456789"].contains(&lower.as_str()) {
        return Err("That password is on every list of common passwords; choose another.".into());
    }
    Ok(())
}

/// A person's or organisation's display name: trimmed, non-empty, bounded.
pub fn check_name(raw: &str, what: &str, max: usize) -> Result<String, String> {
    let visible: String = raw.chars().filter(|c| !is_invisible(*c)).collect();
    let name = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(format!("Enter {what}."));
    }
    if name.chars().count() > max {
        return Err(format!(
            "{} can be at most {max} characters.",
            capitalise(what)
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(format!(
            "{} cannot contain control characters.",
            capitalise(what)
        ));
    }
    Ok(name)
}

fn capitalise(what: &str) -> String {
    let what = what
        .strip_prefix("a ")
        .or_else(|| what.strip_prefix("an "))
        .or_else(|| what.strip_prefix("the "))
        .or_else(|| what.strip_prefix("your "))
        .unwrap_or(what);
    let mut chars = what.chars();
    match chars.next() {
        Some(c) => crate::text::upper(c.encode_utf8(&mut [0; 4])) + chars.as_str(),
        None => String::new(),
    }
}

/// Where to go after logging in, from the `next` query parameter: only a
/// path of this app. Browsers drop tab, CR and LF from URLs and treat `\`
/// like `/`, so `/\t/evil.example` would become `//evil.example`, another
/// site: a path must start with `/` and a letter or digit, and hold no
/// control characters or backslashes anywhere.
pub fn safe_next(raw: &str) -> Option<&str> {
    let mut chars = raw.chars();
    let starts_well =
        chars.next() == Some('/') && chars.next().is_some_and(|c| c.is_ascii_alphanumeric());
    let clean = !raw.chars().any(|c| c.is_control() || c == '\\');
    (starts_well && clean).then_some(raw)
}

#[cfg(test)]
mod tests {
    #[test]
    fn day_labels_read_as_chrono_writes_them() {
        let mut d = NaiveDate::from_ymd_opt(2025, 12, 25).unwrap();
        for _ in 0..400 {
            assert_eq!(day_label(d), d.format("%-d %b %Y").to_string());
            d = d.succ_opt().unwrap();
        }
    }

    use super::*;

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            normalise_email("  Ana@Example.COM ").unwrap(),
            "ana@example.com"
        );
    }

    #[test]
    fn bad_emails_say_why() {
        assert_eq!(normalise_email("").unwrap_err(), "Enter an email address.");
        assert!(normalise_email("ana.example.com")
            .unwrap_err()
            .contains("missing an @"));
        assert!(normalise_email("ana@localhost")
            .unwrap_err()
            .contains("domain"));
        assert!(normalise_email("ana@exa..com")
            .unwrap_err()
            .contains("domain"));
        assert!(normalise_email("@example.com")
            .unwrap_err()
            .contains("not a valid"));
        assert!(normalise_email("a b@example.com")
            .unwrap_err()
            .contains("spaces"));
        assert!(normalise_email("a@b@example.com")
            .unwrap_err()
            .contains("not a valid"));
    }

    #[test]
    fn password_policy() {
        assert!(check_password("short", "a@b.co")
            .unwrap_err()
            .contains("this one has 5"));
        assert!(check_password("aaaaaaaaaaaa", "a@b.co").is_err());
        assert!(check_password("password12", "a@b.co").is_err());
        assert!(check_password("ana.lopez@example.com", "ana.lopez@example.com").is_err());
        assert!(check_password(&("x".repeat(60) + &"y".repeat(69)), "a@b.co").is_err());
        assert!(check_password("correct horse battery", "a@b.co").is_ok());
        // Exactly the minimum length is accepted.
        assert!(check_password("abcdefghij", "a@b.co").is_ok());
    }

    #[test]
    fn names_are_tidied_and_bounded() {
        assert_eq!(
            check_name("  Ana   López ", "your name", 120).unwrap(),
            "Ana López"
        );
        assert_eq!(
            check_name("   ", "your name", 120).unwrap_err(),
            "Enter your name."
        );
        assert_eq!(
            check_name(&"x".repeat(121), "a team name", 120).unwrap_err(),
            "Team name can be at most 120 characters."
        );
    }

    #[test]
    fn next_paths_stay_in_the_app() {
        assert_eq!(safe_next("/calls/3?agent=2"), Some("/calls/3?agent=2"));
        assert_eq!(safe_next("/home"), Some("/home"));
        for bad in [
            "/\t/evil.example/",
            "/\n/evil.example/",
            "/\r/evil.example/",
            "/\t\t/evil.example/",
            "//evil.example",
            "/\\evil.example",
            "/home\\..\\evil",
            "https://evil.example",
            "/%09/evil.example",
            "/",
            "",
            "home",
        ] {
            assert_eq!(safe_next(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn names_lose_invisible_and_reordering_characters() {
        assert_eq!(
            check_name("\u{200B}", "a team name", 120).unwrap_err(),
            "Enter a team name."
        );
        assert_eq!(
            check_name(" \u{FEFF}\u{200D} ", "a team name", 120).unwrap_err(),
            "Enter a team name."
        );
        assert_eq!(
            check_name("Billing\u{202E}gnp.exe", "a team name", 120).unwrap(),
            "Billinggnp.exe"
        );
        assert_eq!(
            check_name("Tech\u{2066} Support", "a team name", 120).unwrap(),
            "Tech Support"
        );
    }

    #[test]
    fn dates_fall_in_sensible_years() {
        assert_eq!(
            parse_day("2026-03-14"),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 14).unwrap())
        );
        assert!(parse_day("0000-01-01")
            .unwrap_err()
            .contains("between 2000 and 2100"));
        assert!(parse_day("-0001-01-01").is_err());
        assert!(parse_day("2101-01-01").unwrap_err().contains("2101"));
        assert_eq!(
            parse_day("14/03/2026").unwrap_err(),
            "\"14/03/2026\" is not a date such as 2026-03-14."
        );
        assert!(check_year(2000).is_ok() && check_year(2100).is_ok());
    }
}
