//! Throttling: after too many attempts in a sliding window (failed logins,
//! wrong current passwords, sign-ups), an account or a network address must
//! wait until the oldest attempt in the window has aged out.

use chrono::{DateTime, Duration, Utc};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub max_failures: usize,
    pub window: Duration,
}

/// Per account: a handful of guesses, then a pause.
pub const PER_ACCOUNT: ThrottlePolicy = ThrottlePolicy {
    max_failures: 5,
    window: Duration::minutes(15),
};

/// Per address: room for a shared office network, none for a password spray.
pub const PER_ADDRESS: ThrottlePolicy = ThrottlePolicy {
    max_failures: 30,
    window: Duration::minutes(15),
};

/// Changing one's password: the same few guesses of the current password.
pub const PASSWORD_CHANGE: ThrottlePolicy = PER_ACCOUNT;

/// New organisations from one address: enough for a team trying it out,
/// not a script creating dozens.
pub const SIGN_UPS_PER_ADDRESS: ThrottlePolicy = ThrottlePolicy {
    max_failures: 10,
    window: Duration::hours(1),
};

impl ThrottlePolicy {
    /// How long the caller must still wait, given the times of recent failures
    /// (any order, may include ones older than the window). `None`: go ahead.
    pub fn wait(&self, failures: &[DateTime<Utc>], now: DateTime<Utc>) -> Option<Duration> {
        let since = now - self.window;
        let mut recent: Vec<DateTime<Utc>> =
            failures.iter().copied().filter(|t| *t > since).collect();
        if recent.len() < self.max_failures {
            return None;
        }
        recent.sort_unstable();
        // Once enough failures age out that fewer than max remain, the caller
        // may try again; that happens when this one leaves the window.
        let pivot = recent[recent.len() - self.max_failures];
        let wait = pivot + self.window - now;
        (wait > Duration::zero()).then_some(wait)
    }
}

/// "4 minutes", "1 minute", "30 seconds": for messages shown to people.
pub fn describe_wait(wait: Duration) -> String {
    let secs = wait.num_seconds().max(1);
    if secs < 60 {
        return format!("{secs} second{}", if secs == 1 { "" } else { "s" });
    }
    let mins = (secs + 59) / 60;
    format!("{mins} minute{}", if mins == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(now: DateTime<Utc>, mins_ago: i64) -> DateTime<Utc> {
        now - Duration::minutes(mins_ago)
    }

    #[test]
    fn below_the_limit_goes_ahead() {
        let now = Utc::now();
        let failures: Vec<_> = (1..=4).map(|m| at(now, m)).collect();
        assert_eq!(PER_ACCOUNT.wait(&failures, now), None);
    }

    #[test]
    fn at_the_limit_waits_for_the_oldest_to_age_out() {
        let now = Utc::now();
        let failures: Vec<_> = (1..=5).map(|m| at(now, m)).collect();
        // Oldest failure was 5 minutes ago: 10 minutes still to wait.
        assert_eq!(
            PER_ACCOUNT.wait(&failures, now),
            Some(Duration::minutes(10))
        );
    }

    #[test]
    fn failures_outside_the_window_do_not_count() {
        let now = Utc::now();
        let mut failures: Vec<_> = (20..=30).map(|m| at(now, m)).collect();
        failures.extend([at(now, 1), at(now, 2)]);
        assert_eq!(PER_ACCOUNT.wait(&failures, now), None);
    }

    #[test]
    fn with_more_than_the_limit_the_wait_is_until_enough_age_out() {
        let now = Utc::now();
        // Seven failures, 1..7 minutes ago. The block lifts when fewer than
        // five remain: once the 7, 6 and 5 minute-old ones have aged out, that
        // is when the 5 minute-old one does, 10 minutes from now.
        let failures: Vec<_> = (1..=7).map(|m| at(now, m)).collect();
        assert_eq!(
            PER_ACCOUNT.wait(&failures, now),
            Some(Duration::minutes(10))
        );
    }

    #[test]
    fn describes_waits_for_people() {
        assert_eq!(describe_wait(Duration::seconds(1)), "1 second");
        assert_eq!(describe_wait(Duration::seconds(30)), "30 seconds");
        assert_eq!(describe_wait(Duration::seconds(61)), "2 minutes");
        assert_eq!(describe_wait(Duration::minutes(1)), "1 minute");
    }
}
