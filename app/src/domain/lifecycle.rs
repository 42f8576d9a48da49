//! Every stored status and kind as a type, with the moves each lifecycle
//! allows written once. They are stored as the same short strings as
//! before (their keys), travel in DTOs as those strings, and the pages
//! compare variants, never text.

/// Declares an enum whose variants each have a stable storage key, with
/// parsing, display and serde through that key.
#[macro_export]
macro_rules! keyed_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $key)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and transmitted form.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            pub fn parse(key: &str) -> Option<Self> {
                match key {
                    $($key => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        $crate::stored_key!($name, stringify!($name));

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::lifecycle::UnknownKey;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s).ok_or_else(|| $crate::domain::lifecycle::UnknownKey {
                    kind: stringify!($name),
                    key: s.to_string(),
                })
            }
        }
    };
}

/// A type stored as a short key in a string column (and sent as it).
pub trait StoredKey: Sized + Copy + 'static {
    /// What a stored value names, for error messages.
    const KIND: &'static str;
    fn key(self) -> &'static str;
    fn from_key(key: &str) -> Option<Self>;
}

/// Implements [`StoredKey`] for an enum that has `key()` and `parse()`.
#[macro_export]
macro_rules! stored_key {
    ($name:ident, $kind:expr) => {
        impl $crate::domain::lifecycle::StoredKey for $name {
            const KIND: &'static str = $kind;
            fn key(self) -> &'static str {
                $name::key(self)
            }
            fn from_key(key: &str) -> Option<Self> {
                $name::ALL.iter().copied().find(|v| $name::key(*v) == key)
            }
        }
    };
}

/// A stored key that names no variant (a corrupted row, a hand-made request).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\"{key}\" is not a known {kind}")]
pub struct UnknownKey {
    pub kind: &'static str,
    pub key: String,
}

keyed_enum! {
    /// Where a review is: the coach's draft, then submitted to the agent, who
    /// acknowledges or disputes it; a dispute ends resolved.
    pub enum ReviewStatus {
        Draft = "draft",
        Submitted = "submitted",
        Acknowledged = "acknowledged",
        Disputed = "disputed",
        Resolved = "resolved",
    }
}

impl ReviewStatus {
    pub fn may_become(self, next: ReviewStatus) -> bool {
        use ReviewStatus::*;
        matches!(
            (self, next),
            (Draft, Submitted)
                | (Submitted, Acknowledged)
                | (Submitted, Disputed)
                | (Disputed, Resolved)
        )
    }

    /// Scores in this state count for the agent (everything but a draft).
    pub fn is_submitted(self) -> bool {
        self != ReviewStatus::Draft
    }
}

keyed_enum! {
    /// How a dispute was resolved.
    pub enum DisputeOutcome {
        Upheld = "upheld",
        Amended = "amended",
    }
}

keyed_enum! {
    /// A version of a framework or of the continuum model: a draft is edited,
    /// publishing freezes it, and the next publication retires it.
    pub enum VersionStatus {
        Draft = "draft",
        Published = "published",
        Retired = "retired",
    }
}

impl VersionStatus {
    pub fn may_become(self, next: VersionStatus) -> bool {
        use VersionStatus::*;
        matches!((self, next), (Draft, Published) | (Published, Retired))
    }
}

keyed_enum! {
    /// A calibration session: open while coaches score blind, revealed once
    /// all have submitted or the organiser closes it.
    pub enum CalibrationStatus {
        Open = "open",
        Revealed = "revealed",
    }
}

keyed_enum! {
    /// A continuum assessment: open for answers, then submitted for good.
    pub enum AssessmentStatus {
        Open = "open",
        Submitted = "submitted",
    }
}

impl AssessmentStatus {
    pub fn may_become(self, next: AssessmentStatus) -> bool {
        self == AssessmentStatus::Open && next == AssessmentStatus::Submitted
    }
}

keyed_enum! {
    /// An action of a continuum action plan. Any status may follow any
    /// other: work reopens.
    pub enum ActionStatus {
        Open = "open",
        InProgress = "in_progress",
        Done = "done",
    }
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
        }
    }
}

keyed_enum! {
    /// Evidence on a review: a note pinned to a moment, or a tally mark.
    pub enum EvidenceKind {
        Note = "note",
        Tally = "tally",
    }
}

keyed_enum! {
    /// How a person belongs to a team.
    pub enum MembershipKind {
        Agent = "agent",
        Coach = "coach",
    }
}

keyed_enum! {
    /// What the audit log is about.
    pub enum AuditSubject {
        Review = "review",
        Complaint = "complaint",
        Idea = "idea",
    }
}

keyed_enum! {
    /// The changes to a submitted review that the audit log records.
    pub enum ReviewEvent {
        Submitted = "submitted",
        Acknowledged = "acknowledged",
        Disputed = "disputed",
        DisputeUpheld = "dispute upheld",
        Amended = "amended",
        /// Brought in from another QA tool's history.
        Imported = "imported",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_for_every_variant() {
        for s in ReviewStatus::ALL {
            assert_eq!(ReviewStatus::parse(s.key()), Some(*s));
            assert_eq!(s.key().parse::<ReviewStatus>(), Ok(*s));
        }
        for s in ActionStatus::ALL {
            assert_eq!(ActionStatus::parse(&s.to_string()), Some(*s));
        }
        assert_eq!(
            "archived".parse::<VersionStatus>().unwrap_err().to_string(),
            "\"archived\" is not a known VersionStatus"
        );
    }

    #[test]
    fn serde_uses_the_stored_keys() {
        assert_eq!(
            serde_json::to_string(&ActionStatus::InProgress).unwrap(),
            "\"in_progress\""
        );
        let s: ReviewStatus = serde_json::from_str("\"disputed\"").unwrap();
        assert_eq!(s, ReviewStatus::Disputed);
    }

    #[test]
    fn reviews_move_forward_only() {
        use ReviewStatus::*;
        let allowed = [
            (Draft, Submitted),
            (Submitted, Acknowledged),
            (Submitted, Disputed),
            (Disputed, Resolved),
        ];
        for from in ReviewStatus::ALL {
            for to in ReviewStatus::ALL {
                assert_eq!(
                    from.may_become(*to),
                    allowed.contains(&(*from, *to)),
                    "{from} → {to}"
                );
            }
        }
        assert!(!Draft.is_submitted() && Resolved.is_submitted());
    }

    #[test]
    fn versions_are_frozen_once_published() {
        use VersionStatus::*;
        assert!(Draft.may_become(Published));
        assert!(Published.may_become(Retired));
        assert!(!Published.may_become(Draft));
        assert!(!Retired.may_become(Published));
        assert!(!Draft.may_become(Retired));
    }

    #[test]
    fn assessments_are_submitted_once() {
        assert!(AssessmentStatus::Open.may_become(AssessmentStatus::Submitted));
        assert!(!AssessmentStatus::Submitted.may_become(AssessmentStatus::Open));
        assert!(!AssessmentStatus::Submitted.may_become(AssessmentStatus::Submitted));
    }
}
