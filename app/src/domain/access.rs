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

crate::keyed_enum! {
    /// Everything a person can ask to do, named for the product (the keys
    /// name the action in logs).
    pub enum Action {
        /// See a call, its recording, transcript and submitted reviews.
        ViewCall = "view_call",
        /// Add calls to a team, one by one or by import.
        AddCall = "add_call",
        /// Score a call (never one's own).
        ScoreCall = "score_call",
        /// Attach a recording or transcript to a call.
        AttachMedia = "attach_media",
        /// Acknowledge or dispute a review of one's own call.
        RespondToReview = "respond_to_review",
        /// Uphold or amend a disputed review (not one's own; see
        /// [`may_resolve_dispute`]).
        ResolveDispute = "resolve_dispute",
        /// Read the audit log of a review.
        ReadAudit = "read_audit",
        /// See the benchmark, targets and practice of an agent.
        ViewDevelopment = "view_development",
        /// Rate oneself on the framework.
        SelfAssess = "self_assess",
        /// Log role-play or solo practice.
        LogPractice = "log_practice",
        /// Set a target for an agent, or add a check-in to it.
        SetTarget = "set_target",
        /// Agree to an agent's target as their coach.
        AgreeTarget = "agree_target",
        /// See the team overview (blind spots, targets, practice per agent).
        ViewTeamOverview = "view_team_overview",
        /// Organise a calibration session: choose calls and coaches.
        RunCalibration = "run_calibration",
        /// Score calls blind in a calibration session, from any team.
        JoinCalibration = "join_calibration",
        /// Draw a random sample of calls for review and assign them to
        /// coaches: a coach for the teams they coach, a leader anywhere.
        DrawSample = "draw_sample",
        /// Give a sampled call to another coach or change its due date.
        ReassignSample = "reassign_sample",
        /// See service KPIs and quality dashboards: one's own figures, a
        /// coach's teams, a leader's organisation.
        ViewDashboards = "view_dashboards",
        /// See which behaviours go with satisfied customers and what
        /// coaching changed, over many agents: a coach for their teams, a
        /// leader or admin for the organisation; never an agent.
        ViewInsight = "view_insight",
        /// Bring in review history from another QA tool.
        ImportReviews = "import_reviews",
        /// See complaints: on one's own calls, a coach's teams', a
        /// leader's or admin's whole organisation.
        ViewComplaints = "view_complaints",
        /// Log a complaint that came in: an agent for their own contacts.
        LogComplaint = "log_complaint",
        /// Take a complaint through its steps, give it an owner and a date,
        /// attach material. The owner may always do so (see
        /// [`may_handle_complaint`]).
        HandleComplaint = "handle_complaint",
        /// Log a service idea: anyone in the organisation.
        LogIdea = "log_idea",
        /// Agree, put into practice or decline a service idea.
        DecideIdea = "decide_idea",
        /// Run and answer continuum assessments; read the continuum model.
        RunContinuum = "run_continuum",
        /// Manage people, invitations and roles.
        ManagePeople = "manage_people",
        /// Create, rename and remove teams and their memberships.
        ManageTeams = "manage_teams",
        /// Draft and publish framework versions.
        EditFramework = "edit_framework",
        /// Reword the continuum model and publish it.
        EditContinuumModel = "edit_continuum_model",
        /// Change the organisation's settings, such as its time zone.
        ManageSettings = "manage_settings",
    }
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
                        | ViewDashboards
                        | RespondToReview
                        | ViewDevelopment
                        | SelfAssess
                        | LogPractice
                        | SetTarget
                        | ViewComplaints
                        | LogComplaint
                )
                || action == LogIdea
        }
        // A coach does for the agents of their teams what an agent does for
        // themself, and scores their calls; never on their own calls.
        Role::Coach => match action {
            ViewCall | ViewDevelopment | ViewDashboards | ViewInsight => rel == Coached,
            // Calibration is practice among coaches across the teams.
            RunCalibration | JoinCalibration => true,
            AddCall | ScoreCall | AttachMedia | ResolveDispute | SetTarget | AgreeTarget
            | DrawSample | ViewComplaints | LogComplaint | HandleComplaint => rel == Coached,
            LogIdea => true,
            ViewTeamOverview => true,
            _ => false,
        },
        // A leader has every coach right across the organisation, reads the
        // audit and runs continuum assessments.
        Role::Leader => match action {
            ViewCall | ViewDevelopment | ViewTeamOverview | RunContinuum | AddCall => true,
            RunCalibration | JoinCalibration | ViewDashboards | ViewInsight => true,
            ReadAudit | DrawSample | ReassignSample => true,
            ViewComplaints | LogComplaint | HandleComplaint | LogIdea | DecideIdea => true,
            ScoreCall | AttachMedia | ResolveDispute | SetTarget | AgreeTarget => rel != Own,
            _ => false,
        },
        // An admin manages the organisation: people, teams, frameworks, the
        // continuum model; sees calls, development and the KPIs to do so, and may add
        // calls and attach their recordings, but does not score.
        Role::Admin => matches!(
            action,
            ManagePeople
                | ManageSettings
                | ImportReviews
                | ViewInsight
                | ManageTeams
                | EditFramework
                | EditContinuumModel
                | ViewCall
                | ViewDevelopment
                | ViewTeamOverview
                | ViewDashboards
                | RunContinuum
                | AddCall
                | AttachMedia
                | ViewComplaints
                | LogIdea
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

/// A complaint is handled by whoever the policy allows for its team, and
/// always by its owner, who was given it by someone who could.
pub fn may_handle_complaint(roles: RoleSet, rel: Relation, is_owner: bool) -> bool {
    is_owner || permits(roles, Action::HandleComplaint, rel)
}

/// Whether the person sees the whole organisation rather than their own
/// data and the teams they coach.
pub fn sees_whole_organisation(roles: RoleSet) -> bool {
    permits(roles, Action::ViewCall, Relation::Organisation)
}

#[cfg(test)]
mod tests;
