//! The policy as a table: every action × role × relation, written out so a
//! reader can check it against PRODUCT.md §1 line by line.

use super::*;

/// Columns: for each role, three marks for Own, Coached, Organisation:
/// `y` allowed, `-` refused.
#[rustfmt::skip]
const TABLE: [(Action, [&str; 4]); 31] = [
    //                                  agent  coach  leader admin
    (Action::ViewCall,             ["y--", "-y-", "yyy", "yyy"]),
    (Action::AddCall,              ["---", "-y-", "yyy", "yyy"]),
    (Action::ScoreCall,            ["---", "-y-", "-yy", "---"]),
    (Action::AttachMedia,          ["---", "-y-", "-yy", "yyy"]),
    (Action::RespondToReview,      ["y--", "---", "---", "---"]),
    (Action::ResolveDispute,       ["---", "-y-", "-yy", "---"]),
    (Action::ReadAudit,            ["---", "---", "yyy", "---"]),
    (Action::ViewDevelopment,      ["y--", "-y-", "yyy", "yyy"]),
    (Action::SelfAssess,           ["y--", "---", "---", "---"]),
    (Action::LogPractice,          ["y--", "---", "---", "---"]),
    (Action::SetTarget,            ["y--", "-y-", "-yy", "---"]),
    (Action::AgreeTarget,          ["---", "-y-", "-yy", "---"]),
    (Action::ViewTeamOverview,     ["---", "yyy", "yyy", "yyy"]),
    (Action::RunCalibration,       ["---", "yyy", "yyy", "---"]),
    (Action::JoinCalibration,      ["---", "yyy", "yyy", "---"]),
    (Action::DrawSample,           ["---", "-y-", "yyy", "---"]),
    (Action::ReassignSample,       ["---", "---", "yyy", "---"]),
    (Action::ViewDashboards,       ["y--", "-y-", "yyy", "yyy"]),
    (Action::ViewInsight,          ["---", "-y-", "yyy", "yyy"]),
    (Action::ImportReviews,        ["---", "---", "---", "yyy"]),
    (Action::ViewComplaints,       ["y--", "-y-", "yyy", "yyy"]),
    (Action::LogComplaint,         ["y--", "-y-", "yyy", "---"]),
    (Action::HandleComplaint,      ["---", "-y-", "yyy", "---"]),
    (Action::LogIdea,              ["yyy", "yyy", "yyy", "yyy"]),
    (Action::DecideIdea,           ["---", "---", "yyy", "---"]),
    (Action::RunContinuum,         ["---", "---", "yyy", "yyy"]),
    (Action::ManagePeople,         ["---", "---", "---", "yyy"]),
    (Action::ManageTeams,          ["---", "---", "---", "yyy"]),
    (Action::EditFramework,        ["---", "---", "---", "yyy"]),
    (Action::EditContinuumModel,   ["---", "---", "---", "yyy"]),
    (Action::ManageSettings,       ["---", "---", "---", "yyy"]),
];

#[test]
fn every_role_action_and_relation_is_as_the_table_says() {
    for &action in Action::ALL {
        let (_, marks) = TABLE
            .iter()
            .find(|(a, _)| *a == action)
            .unwrap_or_else(|| panic!("{action:?} is missing from the table"));
        for (role, row) in Role::ALL.into_iter().zip(marks) {
            for (rel, mark) in Relation::ALL.into_iter().zip(row.chars()) {
                assert_eq!(
                    role_permits(role, action, rel),
                    mark == 'y',
                    "{role:?} {action:?} {rel:?}"
                );
            }
        }
    }
}

#[test]
fn several_roles_add_up() {
    let founder = RoleSet::of(&[Role::Admin, Role::Leader]);
    assert!(permits(
        founder,
        Action::ManagePeople,
        Relation::Organisation
    ));
    assert!(permits(founder, Action::ScoreCall, Relation::Organisation));
    // Nobody scores their own call, whatever else they are.
    let everything = RoleSet::of(&Role::ALL);
    assert!(!permits(everything, Action::ScoreCall, Relation::Own));
    assert!(!permits(everything, Action::AgreeTarget, Relation::Own));
}

#[test]
fn an_agent_never_reaches_another_agent() {
    let agent = RoleSet::of(&[Role::Agent]);
    // An idea belongs to the organisation, not to anyone's data.
    for &action in Action::ALL.iter().filter(|a| **a != Action::LogIdea) {
        assert!(!permits(agent, action, Relation::Coached), "{action:?}");
        assert!(
            !permits(agent, action, Relation::Organisation),
            "{action:?}"
        );
    }
}

#[test]
fn disputes_go_to_someone_else() {
    let coach = RoleSet::of(&[Role::Coach]);
    assert!(may_resolve_dispute(coach, Relation::Coached, false));
    assert!(!may_resolve_dispute(coach, Relation::Coached, true));
    assert!(!may_resolve_dispute(coach, Relation::Organisation, false));
}

#[test]
fn whole_organisation_is_for_leaders_and_admins() {
    assert!(sees_whole_organisation(RoleSet::of(&[Role::Leader])));
    assert!(sees_whole_organisation(RoleSet::of(&[Role::Admin])));
    assert!(!sees_whole_organisation(RoleSet::of(&[Role::Coach])));
    assert!(permits_any(RoleSet::of(&[Role::Coach]), Action::ScoreCall));
    assert!(!permits_any(RoleSet::of(&[Role::Agent]), Action::ScoreCall));
}

#[test]
fn a_complaint_owner_may_handle_it_whatever_their_team() {
    let coach = RoleSet::of(&[Role::Coach]);
    assert!(!may_handle_complaint(coach, Relation::Organisation, false));
    assert!(may_handle_complaint(coach, Relation::Organisation, true));
    assert!(may_handle_complaint(coach, Relation::Coached, false));
    assert!(!may_handle_complaint(
        RoleSet::of(&[Role::Agent]),
        Relation::Own,
        false
    ));
}
