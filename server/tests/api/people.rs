use crate::common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn id_of(v: &Value) -> String {
    v["id"].as_i64().unwrap().to_string()
}

fn find<'a>(users: &'a Value, email: &str) -> &'a Value {
    users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["email"] == email)
        .unwrap_or_else(|| panic!("{email} not in {users}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_creates_a_coach_and_an_agent_who_can_log_in() {
    let server = TestServer::start().await;
    let admin = server.client();
    admin.sign_up("Acme", "Dana", "dana@example.com").await;
    let team = admin.create_team("Billing").await.to_string();
    let coach = admin
        .create_user("Casey Coach", "casey@example.com", "coach")
        .await;
    let agent = admin
        .call(
            "admin/create_user",
            &[
                ("name", "Ana Agent"),
                ("email", "ana@example.com"),
                ("roles", "agent"),
                ("password", PASSWORD),
                ("team_id", &team),
            ],
        )
        .await
        .ok()
        .clone();
    assert_eq!(agent["agent_of"][0]["name"], "Billing");
    admin
        .call(
            "admin/set_membership",
            &[
                ("team_id", &team),
                ("user_id", &id_of(&coach)),
                ("kind", "coach"),
                ("member", "true"),
            ],
        )
        .await
        .ok();

    let casey = server.client();
    assert_eq!(
        casey.log_in("casey@example.com", PASSWORD).await.ok()["roles"],
        Value::from(2)
    );
    let home = casey.call("home", &[]).await;
    let home = home.ok();
    assert_eq!(home["coach_of"][0]["name"], "Billing");
    assert_eq!(home["coach_of"][0]["agents"][0]["name"], "Ana Agent");

    let ana = server.client();
    ana.log_in("ana@example.com", PASSWORD).await.ok();
    let home = ana.call("home", &[]).await;
    assert_eq!(home.ok()["my_coaches"][0]["name"], "Casey Coach");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creating_people_validates_every_field() {
    let server = TestServer::start().await;
    let admin = server.client();
    admin.sign_up("Acme", "Dana", "dana@example.com").await;
    let call = |name: &'static str, email: &'static str, roles: &'static str, pw: &'static str| {
        let admin = &admin;
        async move {
            admin
                .call(
                    "admin/create_user",
                    &[
                        ("name", name),
                        ("email", email),
                        ("roles", roles),
                        ("password", pw),
                    ],
                )
                .await
        }
    };
    assert!(call("Bo", "bo@example.com", "", PASSWORD)
        .await
        .invalid("roles")
        .contains("at least one role"));
    assert!(call("Bo", "bo@example.com", "agent,boss", PASSWORD)
        .await
        .invalid("roles")
        .contains("\"boss\""));
    assert!(call("Bo", "bo@", "agent", PASSWORD)
        .await
        .invalid("email")
        .contains("domain"));
    assert!(call("Bo", "dana@example.com", "agent", PASSWORD)
        .await
        .invalid("email")
        .contains("already exists"));
    assert!(call("Bo", "bo@example.com", "agent", "tiny")
        .await
        .invalid("password")
        .contains("at least"));
    let bad_team = admin
        .call(
            "admin/create_user",
            &[
                ("name", "Bo"),
                ("email", "bo@example.com"),
                ("roles", "agent"),
                ("password", PASSWORD),
                ("team_id", "999999"),
            ],
        )
        .await;
    assert_eq!(bad_team.status, StatusCode::NOT_FOUND);
    // None of the attempts created anyone.
    assert_eq!(
        admin
            .call("admin/users", &[])
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_cannot_call_admin_server_functions() {
    let server = TestServer::start().await;
    let admin = server.client();
    admin.sign_up("Acme", "Dana", "dana@example.com").await;
    let team = admin.create_team("Billing").await.to_string();
    let agent = admin
        .create_user("Ana Agent", "ana@example.com", "agent")
        .await;
    let coach = admin
        .create_user("Casey Coach", "casey@example.com", "coach,leader")
        .await;
    let agent_id = id_of(&agent);
    let dana_id = admin.call("me", &[]).await.ok()["id"]
        .as_i64()
        .unwrap()
        .to_string();

    for who in ["ana@example.com", "casey@example.com"] {
        let api = server.client();
        api.log_in(who, PASSWORD).await.ok();
        let attempts: Vec<(&str, Vec<(&str, &str)>)> = vec![
            ("admin/users", vec![]),
            ("admin/teams", vec![]),
            ("admin/invitations", vec![]),
            (
                "admin/create_user",
                vec![
                    ("name", "X"),
                    ("email", "x@example.com"),
                    ("roles", "admin"),
                    ("password", PASSWORD),
                ],
            ),
            (
                "admin/update_roles",
                vec![("user_id", &agent_id), ("roles", "admin")],
            ),
            (
                "admin/update_roles",
                vec![("user_id", &dana_id), ("roles", "agent")],
            ),
            (
                "admin/set_active",
                vec![("user_id", &dana_id), ("active", "false")],
            ),
            (
                "admin/invite",
                vec![
                    ("name", "X"),
                    ("email", "x@example.com"),
                    ("roles", "admin"),
                ],
            ),
            ("admin/revoke_invitation", vec![("invitation_id", "1")]),
            ("admin/create_team", vec![("name", "Mine")]),
            (
                "admin/rename_team",
                vec![("team_id", &team), ("name", "Mine")],
            ),
            ("admin/delete_team", vec![("team_id", &team)]),
            (
                "admin/archive_team",
                vec![("team_id", &team), ("archived", "true")],
            ),
            (
                "admin/set_membership",
                vec![
                    ("team_id", &team),
                    ("user_id", &agent_id),
                    ("kind", "agent"),
                    ("member", "true"),
                ],
            ),
        ];
        for (endpoint, args) in attempts {
            let a = api.call(endpoint, &args).await;
            assert_eq!(
                a.status,
                StatusCode::FORBIDDEN,
                "{who} → {endpoint}: {}",
                a.body
            );
        }
    }
    // Nothing changed.
    let users = admin.call("admin/users", &[]).await.ok().clone();
    assert_eq!(users.as_array().unwrap().len(), 3);
    assert_eq!(find(&users, "ana@example.com")["roles"], Value::from(1));
    assert_eq!(find(&users, "dana@example.com")["active"], true);
    let _ = coach;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_change_and_deactivation_ends_access() {
    let server = TestServer::start().await;
    let admin = server.client();
    let dana = admin.sign_up("Acme", "Dana", "dana@example.com").await;
    let team = admin.create_team("Billing").await.to_string();
    let ana = admin.create_user("Ana", "ana@example.com", "agent").await;
    let ana_id = id_of(&ana);
    admin
        .call(
            "admin/set_membership",
            &[
                ("team_id", &team),
                ("user_id", &ana_id),
                ("kind", "agent"),
                ("member", "true"),
            ],
        )
        .await
        .ok();
    let ana_api = server.client();
    ana_api.log_in("ana@example.com", PASSWORD).await.ok();

    // Promote Ana to coach: agent membership goes with the agent role.
    admin
        .call(
            "admin/update_roles",
            &[("user_id", &ana_id), ("roles", "coach")],
        )
        .await
        .ok();
    let users = admin.call("admin/users", &[]).await.ok().clone();
    assert_eq!(
        find(&users, "ana@example.com")["agent_of"],
        Value::Array(vec![])
    );
    let as_agent = admin
        .call(
            "admin/set_membership",
            &[
                ("team_id", &team),
                ("user_id", &ana_id),
                ("kind", "agent"),
                ("member", "true"),
            ],
        )
        .await;
    assert!(as_agent.invalid("user_id").contains("not an agent"));

    // The last admin cannot remove their own admin role or deactivate themself.
    let dana_id = id_of(&dana);
    let last = admin
        .call(
            "admin/update_roles",
            &[("user_id", &dana_id), ("roles", "leader")],
        )
        .await;
    assert!(last.invalid("roles").contains("at least one active admin"));
    let me = admin
        .call(
            "admin/set_active",
            &[("user_id", &dana_id), ("active", "false")],
        )
        .await;
    assert!(me.invalid("active").contains("your own account"));

    // Deactivating Ana ends her session and her logins.
    admin
        .call(
            "admin/set_active",
            &[("user_id", &ana_id), ("active", "false")],
        )
        .await
        .ok();
    assert_eq!(ana_api.call("me", &[]).await.ok(), &Value::Null);
    let again = server.client().log_in("ana@example.com", PASSWORD).await;
    assert!(again.invalid("form").contains("deactivated"));
    admin
        .call(
            "admin/set_active",
            &[("user_id", &ana_id), ("active", "true")],
        )
        .await
        .ok();
    server
        .client()
        .log_in("ana@example.com", PASSWORD)
        .await
        .ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn teams_are_named_uniquely_and_agents_have_one_team() {
    let server = TestServer::start().await;
    let admin = server.client();
    admin.sign_up("Acme", "Dana", "dana@example.com").await;
    let billing = admin.create_team("Billing").await.to_string();
    let tech = admin.create_team("Tech").await.to_string();
    let dup = admin
        .call("admin/create_team", &[("name", " Billing ")])
        .await;
    assert!(dup
        .invalid("name")
        .contains("already a team called \"Billing\""));
    let rename = admin
        .call(
            "admin/rename_team",
            &[("team_id", &tech), ("name", "Billing")],
        )
        .await;
    assert!(rename.invalid("name").contains("already"));

    let ana = id_of(&admin.create_user("Ana", "ana@example.com", "agent").await);
    for team in [&billing, &tech] {
        admin
            .call(
                "admin/set_membership",
                &[
                    ("team_id", team),
                    ("user_id", &ana),
                    ("kind", "agent"),
                    ("member", "true"),
                ],
            )
            .await
            .ok();
    }
    let teams = admin.call("admin/teams", &[]).await.ok().clone();
    let agents_in = |name: &str| {
        teams
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .unwrap()["agents"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(agents_in("Billing"), 0);
    assert_eq!(agents_in("Tech"), 1);

    let busy = admin.call("admin/delete_team", &[("team_id", &tech)]).await;
    assert_eq!(busy.status, StatusCode::CONFLICT);
    admin
        .call("admin/delete_team", &[("team_id", &billing)])
        .await
        .ok();
    assert_eq!(
        admin
            .call("admin/teams", &[])
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// Issue 17.8: a name made only of invisible characters is no name, and
/// reordering controls are dropped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn team_names_of_invisible_characters_are_refused() {
    let server = TestServer::start().await;
    let admin = server.world().await.founder;
    let blank = admin
        .call("admin/create_team", &[("name", "\u{200B}")])
        .await;
    assert_eq!(blank.invalid("name"), "Enter a team name.");
    let made = admin
        .call("admin/create_team", &[("name", "Billing\u{202E}")])
        .await;
    assert_eq!(made.ok()["name"], "Billing");
}

/// Issue 17.3: a team with history is archived, never deleted with its
/// calls; an archived team leaves pickers and filters and can be restored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_with_history_is_archived_not_deleted_and_can_be_restored() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let (casey_p, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    let (ana_p, _) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let dana = &world.founder;
    let header = "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference";
    let day = (chrono::Utc::now() - chrono::Duration::days(3)).format("%Y-%m-%d %H:%M");
    let csv =
        format!("{header}\nana@example.com,Billing,{day},phone,300,4,9,yes,7,35,no,no,,,A-1\n");
    let out = casey
        .call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await;
    assert_eq!(out.ok()["committed"], true, "{}", out.body);

    // Its people move on; the team still has a call, so it cannot go.
    let team = billing.to_string();
    for (who, kind) in [(&ana_p, "agent"), (&casey_p, "coach")] {
        dana.call(
            "admin/set_membership",
            &[
                ("team_id", &team),
                ("user_id", &who.id.to_string()),
                ("kind", kind),
                ("member", "false"),
            ],
        )
        .await
        .ok();
    }
    let refused = dana.call("admin/delete_team", &[("team_id", &team)]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert!(
        refused.body.to_string().contains("1 call"),
        "{}",
        refused.body
    );
    assert!(refused.body.to_string().contains("Archive it instead"));
    let listed = dana
        .call_json("calls/list", json!({ "filter": {} }))
        .await
        .ok()["rows"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(listed, 1, "the call is still there");

    // Archived: kept, flagged, and out of the pickers.
    dana.call(
        "admin/archive_team",
        &[("team_id", &team), ("archived", "true")],
    )
    .await
    .ok();
    let teams = dana.call("admin/teams", &[]).await.ok().clone();
    assert_eq!(teams[0]["name"], "Billing");
    assert_eq!(teams[0]["archived"], true);
    let options = dana.call("calls/options", &[]).await.ok().clone();
    assert_eq!(options["teams"], json!([]), "{options}");
    let csv =
        format!("{header}\nana@example.com,Billing,{day},phone,300,4,9,yes,7,35,no,no,,,A-2\n");
    let out = dana
        .call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await;
    assert_eq!(out.ok()["committed"], false);
    assert!(
        out.body.to_string().contains("\\\"Billing\\\" is archived"),
        "{}",
        out.body
    );
    let invite = dana
        .call(
            "admin/invite",
            &[
                ("name", "Ivy"),
                ("email", "ivy@example.com"),
                ("roles", "agent"),
                ("team_id", &team),
            ],
        )
        .await;
    assert_eq!(invite.status, StatusCode::CONFLICT, "{}", invite.body);
    let join = dana
        .call(
            "admin/set_membership",
            &[
                ("team_id", &team),
                ("user_id", &ana_p.id.to_string()),
                ("kind", "agent"),
                ("member", "true"),
            ],
        )
        .await;
    assert_eq!(join.status, StatusCode::CONFLICT, "{}", join.body);

    // Restored, it is back in the pickers with its history.
    dana.call(
        "admin/archive_team",
        &[("team_id", &team), ("archived", "false")],
    )
    .await
    .ok();
    let options = dana.call("calls/options", &[]).await.ok().clone();
    assert_eq!(options["teams"][0]["name"], "Billing");
    let teams = dana.call("admin/teams", &[]).await.ok().clone();
    assert_eq!(teams[0]["archived"], false);

    // A team that never had history can still be deleted outright.
    let empty = world.team("Spare").await.to_string();
    dana.call("admin/delete_team", &[("team_id", &empty)])
        .await
        .ok();
}

/// A page load's server functions share the caller's reach, worked out
/// once (issue 18: a coach's home page read the same memberships a dozen
/// times); a page load can change no team, and the next one reads afresh.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_works_out_whom_the_caller_reaches_once_and_the_next_page_again() {
    use app::server::entities::{organization, user};
    use app::server::kernel::visibility::Visibility;
    use app::server::AuthUser;
    use sea_orm::EntityTrait;

    let server = TestServer::start().await;
    let world = server.world().await;
    let team = world.team("Billing").await;
    let (coach, coach_api) = world
        .member(team, "coach", "Cora", "cora@example.com")
        .await;
    let (agent, _) = world.member(team, "agent", "Avi", "avi@example.com").await;
    let (u, org) = user::Entity::find_by_id(coach.id as i32)
        .find_also_related(organization::Entity)
        .one(&server.db)
        .await
        .unwrap()
        .unwrap();
    let caller = AuthUser::new(&u, &org.unwrap());
    let page = caller.clone().for_one_page();

    let reach = Visibility::of(&server.db, &page).await.unwrap();
    assert_eq!(reach.teams, vec![team as i32]);
    assert!(reach.agents.contains(&(agent.id as i32)));
    let before = coach_api.page("/team").await.text().await.unwrap();
    assert!(before.contains("Avi"), "the coach's team view lists Avi");

    world
        .founder
        .call(
            "admin/set_membership",
            &[
                ("team_id", &team.to_string()),
                ("user_id", &coach.id.to_string()),
                ("kind", "coach"),
                ("member", "false"),
            ],
        )
        .await
        .ok();

    let same_page = Visibility::of(&server.db, &page).await.unwrap();
    assert_eq!(same_page.teams, vec![team as i32], "one page, one answer");
    let afresh = Visibility::of(&server.db, &caller).await.unwrap();
    assert!(afresh.teams.is_empty() && afresh.agents.is_empty());
    let after = coach_api.page("/team").await.text().await.unwrap();
    assert!(
        !after.contains("Avi"),
        "the next page load reaches no team of the coach's any more"
    );
}

/// The organisation's counts on a leader's home, each told apart from the
/// others: people by role (active only), inactive accounts, open
/// invitations, agents on no team and teams with no coach.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leaders_home_counts_the_organisation() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    world.team("Returns").await;
    world
        .member(billing, "coach", "Cora", "cora@example.com")
        .await;
    world
        .member(billing, "agent", "Avi", "avi@example.com")
        .await;
    world.person("Ned", "ned@example.com", "agent").await;
    let gone = world.person("Gus", "gus@example.com", "agent,coach").await;
    world.person("Lee", "lee@example.com", "leader").await;
    let founder = &world.founder;
    founder
        .call(
            "admin/set_active",
            &[("user_id", &gone.id.to_string()), ("active", "false")],
        )
        .await
        .ok();
    founder
        .call(
            "admin/invite",
            &[
                ("name", "Ivy"),
                ("email", "ivy@example.com"),
                ("roles", "agent"),
            ],
        )
        .await
        .ok();

    let lee = server.signed_in("lee@example.com").await;
    let home = lee.call("home", &[]).await;
    let counts = &home.ok()["org_counts"];
    assert_eq!(counts["teams"], 2);
    assert_eq!(counts["agents"], 2, "Avi and Ned; Gus is inactive");
    assert_eq!(counts["coaches"], 1);
    assert_eq!(counts["leaders"], 2, "Dana, who founded it, and Lee");
    assert_eq!(counts["admins"], 1, "Dana, who founded it");
    assert_eq!(counts["inactive"], 1);
    assert_eq!(counts["pending_invitations"], 1);
    assert_eq!(counts["agents_without_team"], 1, "Ned");
    assert_eq!(counts["teams_without_coach"], 1, "Returns");

    let avi = server.signed_in("avi@example.com").await;
    let theirs = avi.call("home", &[]).await;
    assert_eq!(theirs.ok()["org_counts"], Value::Null);
    assert_eq!(theirs.ok()["agent_of"][0]["name"], "Billing");
    assert_eq!(theirs.ok()["coach_of"], json!([]));
}
