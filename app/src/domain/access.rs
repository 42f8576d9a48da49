//! The access policy: PRODUCT.md §1 in code. Who may do what to whose data
//! is decided here and nowhere else; services ask [`permits`] with the
//! caller's roles, the action and how the data relates to the caller.
//!
//! Organisation boundaries are not a relation here: data of another
//! organisation is never found in the first place (tenancy lookups), so the
//! policy only ever sees the caller's own organisation.

use super::roles::{Role, RoleSet};

/// How the data acted on relates to the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The caller's own (their calls, reviews of their calls, targets).
    Own,
    /// An agent, or a team, that the caller coaches.
    Coached,
    /// Anyone or anything else in the caller's organisation.
    Organisation,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Own, Relation::Coached, Relation::Organisation];
}

/// Everything a person can ask to do, named for the product.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// See a call, its recording, transcript and submitted reviews.
    ViewCall,
    /// Add calls to a team, one by one or by import.
    AddCall,
    /// Score a call (never one's own).
    ScoreCall,
    /// Attach a recording or transcript to a call.
    AttachMedia,
    /// Acknowledge or dispute a review of one's own call.
    RespondToReview,
    /// Uphold or amend a disputed review (not one's own; see
    /// [`may_resolve_dispute`]).
    ResolveDispute,
    /// Read the audit log of a review.
    ReadAudit,
    /// See the benchmark, targets and practice of an agent.
    ViewDevelopment,
    /// Rate oneself on the framework.
    SelfAssess,
    /// Log role-play or solo practice.
    LogPractice,
    /// Set a target for an agent, or add a check-in to it.
    SetTarget,
    /// Agree to an agent's target as their coach.
    AgreeTarget,
    /// See the team overview (blind spots, targets, practice per agent).
    ViewTeamOverview,
    /// Run and answer continuum assessments; read the continuum model.
    RunContinuum,
    /// Manage people, invitations and roles.
    ManagePeople,
    /// Create, rename and remove teams and their memberships.
    ManageTeams,
    /// Draft and publish framework versions.
    EditFramework,
    /// Reword the continuum model and publish it.
    EditContinuumModel,
}

impl Action {
    pub const ALL: [Action; 18] = [
        Action::ViewCall,
        Action::AddCall,
        Action::ScoreCall,
        Action::AttachMedia,
        Action::RespondToReview,
        Action::ResolveDispute,
        Action::ReadAudit,
        Action::ViewDevelopment,
        Action::SelfAssess,
        Action::LogPractice,
        Action::SetTarget,
        Action::AgreeTarget,
        Action::ViewTeamOverview,
        Action::RunContinuum,
        Action::ManagePeople,
        Action::ManageTeams,
        Action::EditFramework,
        Action::EditContinuumModel,
    ];
}

/// Whether one role, on its own, allows the action on data so related.
pub fn role_permits(role: Role, action: Action, rel: Relation) -> bool {
    use Action::*;
    use Relation::*;
    match role {
        // An agent acts on their own data only.
        Role::Agent => {
            rel == Own
                && matches!(
                    action,
                    ViewCall
                        | RespondToReview
                        | ViewDevelopment
                        | SelfAssess
                        | LogPractice
                        | SetTarget
                )
        }
        // A coach does for the agents of their teams what an agent does for
        // themself, and scores their calls; never on their own calls.
        Role::Coach => match action {
            ViewCall | ViewDevelopment => rel == Coached,
            AddCall | ScoreCall | AttachMedia | ResolveDispute | SetTarget | AgreeTarget => {
                rel == Coached
            }
            ViewTeamOverview => true,
            _ => false,
        },
        // A leader has every coach right across the organisation, reads the
        // audit and runs continuum assessments.
        Role::Leader => match action {
            ViewCall | ViewDevelopment | ViewTeamOverview | RunContinuum | AddCall => true,
            ReadAudit => true,
            ScoreCall | AttachMedia | ResolveDispute | SetTarget | AgreeTarget => rel != Own,
            _ => false,
        },
        // An admin manages the organisation: people, teams, frameworks, the
        // continuum model; sees calls and development to do so, and may add
        // calls and attach their recordings, but does not score.
        Role::Admin => matches!(
            action,
            ManagePeople
                | ManageTeams
                | EditFramework
                | EditContinuumModel
                | ViewCall
                | ViewDevelopment
                | ViewTeamOverview
                | RunContinuum
                | AddCall
                | AttachMedia
        ),
    }
}

/// Whether any of the caller's roles allows the action on data so related.
pub fn permits(roles: RoleSet, action: Action, rel: Relation) -> bool {
    roles.iter().any(|role| role_permits(role, action, rel))
}

/// Whether the action is allowed on some data at all (for showing a page
/// or a button before a particular record is chosen).
pub fn permits_any(roles: RoleSet, action: Action) -> bool {
    Relation::ALL
        .into_iter()
        .any(|rel| permits(roles, action, rel))
}

/// A dispute is resolved by someone with scoring rights over the call who
/// did not write the review.
pub fn may_resolve_dispute(roles: RoleSet, rel: Relation, wrote_review: bool) -> bool {
    !wrote_review && permits(roles, Action::ResolveDispute, rel)
}

/// Whether the person sees the whole organisation rather than their own
/// data and the teams they coach.
pub fn sees_whole_organisation(roles: RoleSet) -> bool {
    permits(roles, Action::ViewCall, Relation::Organisation)
}

#[cfg(test)]
mod tests;
