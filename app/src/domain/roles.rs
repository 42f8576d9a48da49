//! The four roles of PRODUCT.md §1 and what each may do.
//!
//! A person can hold several roles at once (the founder of an organisation is
//! both admin and leader), so permissions are asked of a [`RoleSet`], never of
//! a single role.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Agent,
    Coach,
    Leader,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Agent, Role::Coach, Role::Leader, Role::Admin];

    pub fn key(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Coach => "coach",
            Role::Leader => "leader",
            Role::Admin => "admin",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Agent => "Agent",
            Role::Coach => "Coach",
            Role::Leader => "Leader",
            Role::Admin => "Admin",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Role::Agent => "Sees their own calls, reviews and targets",
            Role::Coach => "Scores calls and coaches the agents of their teams",
            Role::Leader => "Everything a coach can, across the whole organisation",
            Role::Admin => "Manages people, teams, frameworks and settings",
        }
    }

    pub fn parse(key: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.key().eq_ignore_ascii_case(key.trim()))
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RoleSet(u8);

impl RoleSet {
    pub fn empty() -> Self {
        RoleSet(0)
    }

    pub fn of(roles: &[Role]) -> Self {
        roles.iter().copied().collect()
    }

    pub fn has(self, role: Role) -> bool {
        self.0 & role.bit() != 0
    }

    pub fn with(mut self, role: Role) -> Self {
        self.0 |= role.bit();
        self
    }

    pub fn without(mut self, role: Role) -> Self {
        self.0 &= !role.bit();
        self
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| self.has(*r))
    }

    /// Comma-separated keys, the form used in storage and in forms.
    pub fn to_keys(self) -> String {
        self.iter().map(Role::key).collect::<Vec<_>>().join(",")
    }

    /// Parses comma-separated role keys; the error names the unknown key.
    pub fn parse_keys(keys: &str) -> Result<Self, String> {
        let mut set = RoleSet::empty();
        for key in keys.split(',').map(str::trim).filter(|k| !k.is_empty()) {
            match Role::parse(key) {
                Some(role) => set = set.with(role),
                None => {
                    return Err(format!(
                        "\"{key}\" is not a role; use agent, coach, leader or admin"
                    ))
                }
            }
        }
        Ok(set)
    }

    /// Human-readable list, e.g. "Admin and Leader".
    pub fn describe(self) -> String {
        let labels: Vec<&str> = self.iter().map(Role::label).collect();
        match labels.len() {
            0 => "No role".to_string(),
            1 => labels[0].to_string(),
            n => format!("{} and {}", labels[..n - 1].join(", "), labels[n - 1]),
        }
    }

    /// May be made a team's coach (coaches, and leaders, who have every
    /// coach right). What anyone may *do* is `domain::access`.
    pub fn can_coach(self) -> bool {
        self.has(Role::Coach) || self.has(Role::Leader)
    }
}

impl FromIterator<Role> for RoleSet {
    fn from_iter<I: IntoIterator<Item = Role>>(iter: I) -> Self {
        iter.into_iter().fold(RoleSet::empty(), RoleSet::with)
    }
}

impl fmt::Debug for RoleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RoleSet({})", self.to_keys())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        let set = RoleSet::of(&[Role::Admin, Role::Leader]);
        assert_eq!(set.to_keys(), "leader,admin");
        assert_eq!(RoleSet::parse_keys("leader,admin").unwrap(), set);
        assert_eq!(RoleSet::parse_keys(" Admin , LEADER ").unwrap(), set);
        assert_eq!(RoleSet::parse_keys("").unwrap(), RoleSet::empty());
    }

    #[test]
    fn unknown_role_is_named() {
        let err = RoleSet::parse_keys("coach,superuser").unwrap_err();
        assert!(err.contains("\"superuser\""), "{err}");
    }

    #[test]
    fn coaches_and_leaders_may_coach_a_team() {
        assert!(RoleSet::of(&[Role::Leader]).can_coach());
        assert!(RoleSet::of(&[Role::Coach]).can_coach());
        assert!(!RoleSet::of(&[Role::Agent]).can_coach());
        assert!(!RoleSet::of(&[Role::Admin]).can_coach());
    }

    #[test]
    fn describe_reads_naturally() {
        assert_eq!(RoleSet::empty().describe(), "No role");
        assert_eq!(RoleSet::of(&[Role::Coach]).describe(), "Coach");
        assert_eq!(
            RoleSet::of(&[Role::Admin, Role::Leader]).describe(),
            "Leader and Admin"
        );
        assert_eq!(
            RoleSet::of(&[Role::Agent, Role::Coach, Role::Admin]).describe(),
            "Agent, Coach and Admin"
        );
    }

    #[test]
    fn with_and_without() {
        let set = RoleSet::empty().with(Role::Coach).with(Role::Agent);
        assert!(set.has(Role::Coach) && set.has(Role::Agent));
        let set = set.without(Role::Coach);
        assert!(!set.has(Role::Coach) && set.has(Role::Agent));
        assert!(!set.is_empty());
        assert!(set.without(Role::Agent).is_empty());
    }
}
