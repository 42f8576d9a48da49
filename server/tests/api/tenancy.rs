//! No organisation ever sees or changes another's data, whatever ids are sent.

use crate::common::*;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_ids_from_another_organisation_are_refused_and_change_nothing() {
    let server = TestServer::start().await;

    let a = server.client();
    a.sign_up("Org A", "Ann", "ann@a.example").await;
    let b = server.client();
    let b_admin = b.sign_up("Org B", "Bob", "bob@b.example").await;
    let b_admin_id = b_admin["id"].as_i64().unwrap().to_string();
    let b_team = b.create_team("B Team").await.to_string();
    let b_agent = b.create_user("Bea Agent", "bea@b.example", "agent").await;
    let b_agent_id = b_agent["id"].as_i64().unwrap().to_string();
    let b_inv = b
        .call(
            "admin/invite",
            &[
                ("name", "Ben"),
                ("email", "ben@b.example"),
                ("roles", "coach"),
            ],
        )
        .await
        .ok()
        .clone();
    let _ = b_inv;
    let b_inv_id = b.call("admin/invitations", &[]).await.ok()[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let a_team = a.create_team("A Team").await.to_string();
    let a_agent = a.create_user("Al Agent", "al@a.example", "agent").await;
    let a_agent_id = a_agent["id"].as_i64().unwrap().to_string();

    let before_users = b.call("admin/users", &[]).await.ok().clone();
    let before_teams = b.call("admin/teams", &[]).await.ok().clone();

    let attempts: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "admin/update_roles",
            vec![("user_id", &b_agent_id), ("roles", "admin")],
        ),
        (
            "admin/update_roles",
            vec![("user_id", &b_admin_id), ("roles", "agent")],
        ),
        (
            "admin/set_active",
            vec![("user_id", &b_admin_id), ("active", "false")],
        ),
        (
            "admin/rename_team",
            vec![("team_id", &b_team), ("name", "Hijacked")],
        ),
        ("admin/delete_team", vec![("team_id", &b_team)]),
        (
            "admin/archive_team",
            vec![("team_id", &b_team), ("archived", "true")],
        ),
        // B's team with A's agent, A's team with B's agent, B's with B's.
        (
            "admin/set_membership",
            vec![
                ("team_id", &b_team),
                ("user_id", &a_agent_id),
                ("kind", "agent"),
                ("member", "true"),
            ],
        ),
        (
            "admin/set_membership",
            vec![
                ("team_id", &a_team),
                ("user_id", &b_agent_id),
                ("kind", "agent"),
                ("member", "true"),
            ],
        ),
        (
            "admin/set_membership",
            vec![
                ("team_id", &b_team),
                ("user_id", &b_agent_id),
                ("kind", "agent"),
                ("member", "true"),
            ],
        ),
        (
            "admin/revoke_invitation",
            vec![("invitation_id", &b_inv_id)],
        ),
        (
            "admin/create_user",
            vec![
                ("name", "Mole"),
                ("email", "mole@a.example"),
                ("roles", "agent"),
                ("password", PASSWORD),
                ("team_id", &b_team),
            ],
        ),
        (
            "admin/invite",
            vec![
                ("name", "Mole"),
                ("email", "mole@a.example"),
                ("roles", "agent"),
                ("team_id", &b_team),
            ],
        ),
    ];
    for (endpoint, args) in attempts {
        let answer = a.call(endpoint, &args).await;
        answer.refused();
        assert_eq!(answer.status, 404, "{endpoint}: {}", answer.body);
        // The refusal does not leak B's names.
        let text = answer.body.to_string();
        assert!(
            !text.contains("Bea") && !text.contains("B Team") && !text.contains("Bob"),
            "{text}"
        );
    }

    assert_eq!(b.call("admin/users", &[]).await.ok(), &before_users);
    assert_eq!(b.call("admin/teams", &[]).await.ok(), &before_teams);
    assert_eq!(
        b.call("admin/invitations", &[])
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Lists only ever hold the caller's own organisation.
    let a_users = a.call("admin/users", &[]).await.ok().clone();
    let emails: Vec<&str> = a_users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails.len(), 2);
    assert!(
        emails.iter().all(|e| e.ends_with("@a.example")),
        "{emails:?}"
    );
    let a_teams = a.call("admin/teams", &[]).await.ok().clone();
    assert_eq!(a_teams.as_array().unwrap().len(), 1);
    assert_eq!(a_teams[0]["name"], "A Team");
    let a_home = a.call("home", &[]).await.ok().clone();
    assert_eq!(a_home["org_counts"]["agents"], Value::from(1));
    assert!(a
        .call("admin/invitations", &[])
        .await
        .ok()
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn team_names_are_per_organisation() {
    let server = TestServer::start().await;
    let a = server.client();
    a.sign_up("Org A", "Ann", "ann@a.example").await;
    let b = server.client();
    b.sign_up("Org B", "Bob", "bob@b.example").await;
    a.create_team("Support").await;
    b.create_team("Support").await;
}
