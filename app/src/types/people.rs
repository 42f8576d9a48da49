//! People, teams, invitations and the home page.

#[allow(unused_imports)]
use super::*;
use crate::domain::roles::{Role, RoleSet};
use serde::{Deserialize, Serialize};

/// The person behind the current session, as the UI needs them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub roles: RoleSet,
    pub org_id: i32,
    pub org_name: String,
    /// The time zone the person reads and types times in.
    pub zone: String,
    /// The organisation's time zone, by which its days are cut.
    pub org_zone: String,
    /// Today in the organisation (ISO, e.g. 2026-03-14), for pages that
    /// offer "the last n days". Text, so the main bundle needs no date
    /// parser to read who is signed in.
    pub today: String,
}

impl Me {
    pub fn has(&self, role: Role) -> bool {
        self.roles.has(role)
    }

    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamRef {
    pub id: i32,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub roles: RoleSet,
    pub active: bool,
    /// Teams this person is an agent in.
    pub agent_of: Vec<TeamRef>,
    /// Teams this person coaches.
    pub coach_of: Vec<TeamRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonRef {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamDetail {
    pub id: i32,
    pub name: String,
    /// Archived teams keep their history and leave pickers and filters.
    pub archived: bool,
    pub agents: Vec<PersonRef>,
    pub coaches: Vec<PersonRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationSummary {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub roles: RoleSet,
    pub team: Option<TeamRef>,
    /// Formatted on the server ("29 Nov 2026"): keeps date formatting out of
    /// the browser bundle.
    pub expires_on: String,
}

/// Shown to the invited person before they choose a password.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationPreview {
    pub name: String,
    pub email: String,
    pub org_name: String,
    pub roles: RoleSet,
}

/// Returned once, when an invitation is created: the link is not stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationLink {
    pub path: String,
    pub expires_on: String,
}

/// What the home page shows: the person's place in the organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeOverview {
    pub me: Me,
    pub agent_of: Vec<TeamRef>,
    pub coach_of: Vec<TeamDetail>,
    /// My coaches (for agents).
    pub my_coaches: Vec<PersonRef>,
    pub org_counts: Option<OrgCounts>,
    /// Open calibration sessions with calls the person has still to score.
    pub calibrations: Vec<super::CalibrationSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgCounts {
    pub teams: u64,
    pub agents: u64,
    pub coaches: u64,
    pub leaders: u64,
    pub admins: u64,
    pub inactive: u64,
    pub pending_invitations: u64,
    pub agents_without_team: u64,
    pub teams_without_coach: u64,
}

/// The time zones on the account page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeZoneSettings {
    /// The organisation's zone, by which its days are cut.
    pub org_zone: String,
    /// The person's own zone, if they chose one.
    pub own_zone: Option<String>,
    /// Every zone there is to choose from, by name.
    pub names: Vec<String>,
    /// Whether the caller may change the organisation's.
    pub can_manage: bool,
}
