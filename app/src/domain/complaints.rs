//! Complaints as seed 004's procedure (PRODUCT.md §3): listen, record,
//! rectify, follow up, close, and reopen when needed. The moves a complaint
//! allows and the checks on what each move records are written here once;
//! the figures of PRODUCT.md §6 are computed here from plain facts.

use super::calls::Rectification;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::keyed_enum! {
    /// Where a complaint is in the procedure.
    pub enum ComplaintStatus {
        /// Logged: someone heard it, nobody has written it up yet.
        Received = "received",
        /// What the customer said is written down, with its category.
        Recorded = "recorded",
        /// A repair, replacement, refund or other remedy is offered.
        RectificationOffered = "rectification_offered",
        /// A follow-up (an apology, a call to check) is arranged for a date.
        FollowUpDue = "follow_up_due",
        Closed = "closed",
    }
}

impl ComplaintStatus {
    pub fn label(self) -> &'static str {
        match self {
            ComplaintStatus::Received => "Received",
            ComplaintStatus::Recorded => "Recorded",
            ComplaintStatus::RectificationOffered => "Rectification offered",
            ComplaintStatus::FollowUpDue => "Follow-up due",
            ComplaintStatus::Closed => "Closed",
        }
    }

    /// The moves this status allows, in the order of the procedure.
    pub fn moves(self) -> &'static [Move] {
        match self {
            ComplaintStatus::Received => &[Move::Record],
            ComplaintStatus::Recorded => &[Move::OfferRectification],
            // A declined offer is followed by another.
            ComplaintStatus::RectificationOffered => {
                &[Move::ArrangeFollowUp, Move::OfferRectification]
            }
            ComplaintStatus::FollowUpDue => &[Move::Close],
            ComplaintStatus::Closed => &[Move::Reopen],
        }
    }

    /// Where a move leads from here, or why it is refused.
    pub fn after(self, m: Move) -> Result<ComplaintStatus, String> {
        if !self.moves().contains(&m) {
            let next: Vec<&str> = self.moves().iter().map(|m| m.verb()).collect();
            return Err(format!(
                "This complaint is {}: it cannot be {} now. Next it can be {}.",
                self.label().to_lowercase(),
                m.verb(),
                next.join(" or ")
            ));
        }
        Ok(match m {
            Move::Record => ComplaintStatus::Recorded,
            Move::OfferRectification => ComplaintStatus::RectificationOffered,
            Move::ArrangeFollowUp => ComplaintStatus::FollowUpDue,
            Move::Close => ComplaintStatus::Closed,
            // What the customer said stays recorded; the remedy starts over.
            Move::Reopen => ComplaintStatus::Recorded,
        })
    }

    pub fn is_open(self) -> bool {
        self != ComplaintStatus::Closed
    }
}

crate::keyed_enum! {
    /// A step of the procedure, as taken by a person.
    pub enum Move {
        Record = "record",
        OfferRectification = "offer_rectification",
        ArrangeFollowUp = "arrange_follow_up",
        Close = "close",
        Reopen = "reopen",
    }
}

impl Move {
    /// The move as the end of "it can be …".
    pub fn verb(self) -> &'static str {
        match self {
            Move::Record => "recorded",
            Move::OfferRectification => "offered a rectification",
            Move::ArrangeFollowUp => "given a follow-up",
            Move::Close => "closed",
            Move::Reopen => "reopened",
        }
    }
}

crate::keyed_enum! {
    /// Every stamped event of a complaint, for its history and the audit log.
    pub enum ComplaintEvent {
        Opened = "opened",
        Recorded = "recorded",
        RectificationOffered = "rectification offered",
        FollowUpArranged = "follow-up arranged",
        Closed = "closed",
        Reopened = "reopened",
        Assigned = "assigned",
        MaterialAdded = "material added",
    }
}

impl ComplaintEvent {
    pub fn of(m: Move) -> ComplaintEvent {
        match m {
            Move::Record => ComplaintEvent::Recorded,
            Move::OfferRectification => ComplaintEvent::RectificationOffered,
            Move::ArrangeFollowUp => ComplaintEvent::FollowUpArranged,
            Move::Close => ComplaintEvent::Closed,
            Move::Reopen => ComplaintEvent::Reopened,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ComplaintEvent::Opened => "Received",
            ComplaintEvent::Recorded => "Recorded",
            ComplaintEvent::RectificationOffered => "Rectification offered",
            ComplaintEvent::FollowUpArranged => "Follow-up arranged",
            ComplaintEvent::Closed => "Closed",
            ComplaintEvent::Reopened => "Reopened",
            ComplaintEvent::Assigned => "Owner or due date changed",
            ComplaintEvent::MaterialAdded => "Material added",
        }
    }
}

crate::keyed_enum! {
    /// How the complaint reached the organisation.
    pub enum ComplaintSource {
        Call = "call",
        Letter = "letter",
        Email = "email",
        Social = "social",
        InPerson = "in_person",
        Other = "other",
    }
}

impl ComplaintSource {
    pub fn label(self) -> &'static str {
        match self {
            ComplaintSource::Call => "A call in Rapport",
            ComplaintSource::Letter => "Letter",
            ComplaintSource::Email => "Email",
            ComplaintSource::Social => "Social media",
            ComplaintSource::InPerson => "In person",
            ComplaintSource::Other => "Other",
        }
    }
}

crate::keyed_enum! {
    /// What the complaint is about.
    pub enum ComplaintCategory {
        Product = "product",
        Service = "service",
        Billing = "billing",
        Delivery = "delivery",
        Staff = "staff",
        Other = "other",
    }
}

impl ComplaintCategory {
    pub fn label(self) -> &'static str {
        match self {
            ComplaintCategory::Product => "Product fault",
            ComplaintCategory::Service => "Service failure",
            ComplaintCategory::Billing => "Billing",
            ComplaintCategory::Delivery => "Delivery or appointment",
            ComplaintCategory::Staff => "Staff conduct",
            ComplaintCategory::Other => "Other",
        }
    }
}

pub fn rectification_label(r: Rectification) -> &'static str {
    r.label()
}

/// Longest text kept for what the customer said and for notes.
pub const MAX_TEXT: usize = 4000;
/// Days a new complaint has before its next step is due, unless set.
pub const DEFAULT_DAYS_TO_ACT: i64 = 5;

/// Checks a required free text: trimmed, not empty, not too long.
pub fn required_text(raw: &str, what: &str) -> Result<String, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(format!("Write {what}."));
    }
    optional_text(t, what).map(|t| t.unwrap_or_default())
}

pub fn optional_text(raw: &str, what: &str) -> Result<Option<String>, String> {
    let t = raw.trim();
    if t.chars().count() > MAX_TEXT {
        return Err(format!(
            "Keep {what} to {MAX_TEXT} characters; this is {}.",
            t.chars().count()
        ));
    }
    Ok((!t.is_empty()).then(|| t.to_string()))
}

/// A link to material kept elsewhere: http or https only.
pub fn check_link(raw: &str) -> Result<Option<String>, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let ok = (t.starts_with("https://") || t.starts_with("http://"))
        && t.len() <= 500
        && t.len() > "https://".len()
        && !t.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(Some(t.to_string()))
    } else {
        Err(format!(
            "\"{t}\" is not a web address: start it with https:// and leave out spaces."
        ))
    }
}

/// A refund amount as typed ("25", "25.5", "1,250.00") in hundredths.
pub fn parse_amount(raw: &str) -> Result<i64, String> {
    let t: String = raw.trim().chars().filter(|c| *c != ',').collect();
    let bad = || {
        format!(
            "\"{}\" is not an amount: write it as a number such as 25 or 25.50.",
            raw.trim()
        )
    };
    if t.is_empty() {
        return Err("Give the amount refunded.".into());
    }
    let (whole, cents) = match t.split_once('.') {
        Some((w, c)) if !c.is_empty() && c.len() <= 2 => (w, format!("{c:0<2}")),
        Some(_) => return Err(bad()),
        None => (t.as_str(), "00".to_string()),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || whole.len() > 9 {
        return Err(bad());
    }
    if !cents.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let value =
        whole.parse::<i64>().map_err(|_| bad())? * 100 + cents.parse::<i64>().map_err(|_| bad())?;
    if value == 0 {
        return Err("A refund of nothing is not a refund: give the amount, or choose another rectification.".into());
    }
    Ok(value)
}

/// Hundredths as "1250.00".
pub fn amount_text(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// The date the complaint's next step falls due: the follow-up date once
/// one is arranged, otherwise the owner's due date. None once closed.
pub fn next_due(
    status: ComplaintStatus,
    due_on: NaiveDate,
    follow_up_on: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match status {
        ComplaintStatus::Closed => None,
        ComplaintStatus::FollowUpDue => Some(follow_up_on.unwrap_or(due_on)),
        _ => Some(due_on),
    }
}

/// What is known of one complaint for the figures.
#[derive(Clone, Debug, PartialEq)]
pub struct ComplaintFacts {
    pub opened_on: NaiveDate,
    pub status: ComplaintStatus,
    pub rectification: Option<Rectification>,
    pub follow_up_on: Option<NaiveDate>,
    /// The day the latest follow-up was done (the complaint closed).
    pub followed_up_on: Option<NaiveDate>,
    /// The day it was last closed.
    pub closed_on: Option<NaiveDate>,
    pub reopened: i32,
    /// When its next step falls due ([`next_due`]); None once closed.
    pub next_due: Option<NaiveDate>,
}

/// PRODUCT.md §6's complaint figures over the complaints opened in a period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ComplaintFigures {
    pub count: usize,
    /// Complaints with a rectification offered, and of those, each kind.
    pub rectified: usize,
    pub by_kind: Vec<(Rectification, usize)>,
    /// Follow-ups whose date has come (done or not), and those done on or
    /// before their date.
    pub follow_ups_due: usize,
    pub follow_ups_on_time: usize,
    pub closed: usize,
    /// Mean days from receipt to (last) closing, over closed complaints.
    pub mean_days_to_close: Option<f64>,
    /// Complaints reopened at least once, of those ever closed.
    pub reopened: usize,
    pub ever_closed: usize,
    pub open_overdue: usize,
}

impl ComplaintFigures {
    pub fn of(facts: &[ComplaintFacts], today: NaiveDate) -> ComplaintFigures {
        let mut f = ComplaintFigures {
            count: facts.len(),
            by_kind: Rectification::ALL.iter().map(|r| (*r, 0)).collect(),
            ..Default::default()
        };
        let mut days = 0i64;
        for c in facts {
            if let Some(r) = c.rectification {
                f.rectified += 1;
                if let Some(slot) = f.by_kind.iter_mut().find(|(k, _)| *k == r) {
                    slot.1 += 1;
                }
            }
            if let Some(date) = c.follow_up_on {
                match c.followed_up_on {
                    Some(done) => {
                        f.follow_ups_due += 1;
                        if done <= date {
                            f.follow_ups_on_time += 1;
                        }
                    }
                    None if date < today => f.follow_ups_due += 1,
                    None => {}
                }
            }
            if c.status == ComplaintStatus::Closed {
                f.closed += 1;
                if let Some(closed) = c.closed_on {
                    days += (closed - c.opened_on).num_days().max(0);
                }
            }
            if c.status == ComplaintStatus::Closed || c.reopened > 0 {
                f.ever_closed += 1;
            }
            if c.reopened > 0 {
                f.reopened += 1;
            }
            if c.next_due.is_some_and(|d| d < today) {
                f.open_overdue += 1;
            }
        }
        f.mean_days_to_close = (f.closed > 0).then(|| days as f64 / f.closed as f64);
        f
    }

    fn share(n: usize, of: usize) -> Option<f64> {
        (of > 0).then(|| n as f64 / of as f64)
    }

    pub fn rectified_share(&self) -> Option<f64> {
        Self::share(self.rectified, self.count)
    }

    /// Each kind's share of the rectified complaints.
    pub fn kind_share(&self, kind: Rectification) -> Option<f64> {
        let n = self
            .by_kind
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, n)| *n);
        Self::share(n, self.rectified)
    }

    pub fn on_time_share(&self) -> Option<f64> {
        Self::share(self.follow_ups_on_time, self.follow_ups_due)
    }

    pub fn reopen_rate(&self) -> Option<f64> {
        Self::share(self.reopened, self.ever_closed)
    }
}

#[cfg(test)]
mod tests;
