use crate::common::*;
use app::server::entities::session;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_logs_in_as_admin_and_leader() {
    let server = TestServer::start().await;
    let api = server.client();
    assert_eq!(api.call("me", &[]).await.ok(), &serde_json::Value::Null);

    let me = api
        .sign_up("Acme Care", "Dana Founder", "Dana@Example.com")
        .await;
    assert_eq!(me["email"], "dana@example.com");
    assert_eq!(me["org_name"], "Acme Care");

    let me = api.call("me", &[]).await;
    let me = me.ok();
    assert_eq!(me["name"], "Dana Founder");
    // Admin and leader: people pages work.
    api.call("admin/users", &[]).await.ok();

    api.call("log_out", &[]).await.ok();
    assert_eq!(api.call("me", &[]).await.ok(), &serde_json::Value::Null);
    assert_eq!(
        api.call("admin/users", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_rejects_bad_input_with_specific_messages_and_creates_nothing() {
    let server = TestServer::start().await;
    let api = server.client();
    let attempt = |org: &'static str, name: &'static str, email: &'static str, pw: &'static str| {
        let api = &api;
        async move {
            api.call(
                "sign_up",
                &[
                    ("org_name", org),
                    ("name", name),
                    ("email", email),
                    ("password", pw),
                ],
            )
            .await
        }
    };
    let msg = attempt("", "Dana", "dana@example.com", PASSWORD)
        .await
        .invalid("org_name");
    assert!(msg.contains("organisation"), "{msg}");
    let msg = attempt("Acme", "Dana", "dana.example.com", PASSWORD)
        .await
        .invalid("email");
    assert!(msg.contains("missing an @"), "{msg}");
    let msg = attempt("Acme", "Dana", "dana@example.com", "short")
        .await
        .invalid("password");
    assert!(msg.contains("at least 10 characters"), "{msg}");
    let msg = attempt("Acme", "  ", "dana@example.com", PASSWORD)
        .await
        .invalid("name");
    assert_eq!(msg, "Enter your name.");
    // Nothing was created: the email is still free.
    api.sign_up("Acme", "Dana", "dana@example.com").await;

    let other = server.client();
    let msg = other
        .call(
            "sign_up",
            &[
                ("org_name", "Other"),
                ("name", "Eve"),
                ("email", "DANA@example.com"),
                ("password", PASSWORD),
            ],
        )
        .await
        .invalid("email");
    assert!(msg.contains("already exists"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_gives_a_clear_message_that_does_not_reveal_accounts() {
    let server = TestServer::start().await;
    server
        .client()
        .sign_up("Acme", "Dana", "dana@example.com")
        .await;
    let api = server.client();

    let wrong = api.log_in("dana@example.com", "not my password").await;
    let unknown = api.log_in("nobody@example.com", "not my password").await;
    let m1 = wrong.invalid("form");
    let m2 = unknown.invalid("form");
    assert_eq!(m1, m2);
    assert!(m1.contains("do not match an account"), "{m1}");
    assert_eq!(
        api.log_in("dana@example.com", "").await.invalid("password"),
        "Enter your password."
    );

    let me = api.log_in(" DANA@example.com ", PASSWORD).await;
    assert_eq!(me.ok()["name"], "Dana");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failures_lock_the_account_for_a_while() {
    let server = TestServer::start().await;
    server
        .client()
        .sign_up("Acme", "Dana", "dana@example.com")
        .await;
    let api = server.client();
    for _ in 0..5 {
        api.log_in("dana@example.com", "guess guess guess")
            .await
            .invalid("form");
    }
    // Even the right password is refused now, with a wait the person can read.
    let locked = api.log_in("dana@example.com", PASSWORD).await;
    assert_eq!(
        locked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        locked.body
    );
    let wait = locked.body["Throttled"]["wait"].as_str().unwrap();
    assert!(wait.ends_with("minutes"), "{wait}");

    // Another account is not affected by this account's lock.
    server
        .client()
        .sign_up("Beta", "Bo", "bo@example.com")
        .await;
    api.log_in("bo@example.com", PASSWORD).await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failures_from_one_address_are_throttled_across_accounts() {
    let server = TestServer::start().await;
    server
        .client()
        .sign_up("Acme", "Dana", "dana@example.com")
        .await;
    let api = server.client();
    // A password spray: a few guesses at many accounts from one address.
    for i in 0..30 {
        let email = format!("target{}@example.com", i / 3);
        api.log_in(&email, "Summer2026!!").await.invalid("form");
    }
    let blocked = api.log_in("dana@example.com", PASSWORD).await;
    assert_eq!(
        blocked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        blocked.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_rotates_the_session_id_and_logout_ends_it() {
    let server = TestServer::start().await;
    server
        .client()
        .sign_up("Acme", "Dana", "dana@example.com")
        .await;

    let raw = reqwest::Client::new();
    let login = |cookie: Option<String>| {
        let raw = raw.clone();
        let base = server.base.clone();
        async move {
            let mut req = raw
                .post(format!("{base}/api/log_in"))
                .form(&[("email", "dana@example.com"), ("password", PASSWORD)]);
            if let Some(c) = cookie {
                req = req.header("cookie", c);
            }
            req.send().await.unwrap()
        }
    };
    let first = login(None).await;
    let set_cookie = first.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(set_cookie.starts_with("rapport_session="), "{set_cookie}");
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(
        set_cookie.contains("Max-Age") || set_cookie.contains("Expires"),
        "{set_cookie}"
    );
    let first_cookie = set_cookie.split(';').next().unwrap().to_string();

    // Logging in again on the same session hands out a new id.
    let second = login(Some(first_cookie.clone())).await;
    let second_cookie = second.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert_ne!(first_cookie, second_cookie);

    // Activity renews the session: each answer carries a fresh expiry.
    let renewed = raw
        .post(format!("{}/api/me", server.base))
        .header("cookie", second_cookie.clone())
        .send()
        .await
        .unwrap();
    let renewal = renewed.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(renewal.starts_with(&second_cookie), "{renewal}");
    assert!(renewal.contains("Max-Age=43200"), "{renewal}");
    assert_eq!(answer(renewed).await.ok()["email"], "dana@example.com");

    // Issue 18: further requests read the session without writing it, until
    // the renewal is a few minutes old.
    let me = || {
        raw.post(format!("{}/api/me", server.base))
            .header("cookie", second_cookie.clone())
            .send()
    };
    let id = second_cookie.split('=').nth(1).unwrap().to_string();
    let row = || async {
        session::Entity::find_by_id(id.clone())
            .one(&server.db)
            .await
            .unwrap()
            .unwrap()
    };
    let before = row().await;
    for _ in 0..3 {
        let quiet = me().await.unwrap();
        assert!(quiet.headers().get("set-cookie").is_none());
        assert_eq!(answer(quiet).await.ok()["email"], "dana@example.com");
    }
    assert_eq!(row().await, before, "the session row was written");
    let mut data: serde_json::Value = serde_json::from_str(&before.data).unwrap();
    data["renewed_at"] = (chrono::Utc::now().timestamp() - 301).into();
    session::ActiveModel {
        id: Set(id.clone()),
        data: Set(data.to_string()),
        expires_at: Set(before.expires_at),
    }
    .update(&server.db)
    .await
    .unwrap();
    let later = me().await.unwrap();
    let renewal = later.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(renewal.contains("Max-Age=43200"), "{renewal}");
    assert!(row().await.expires_at >= before.expires_at);

    // The old id no longer identifies anyone.
    let me_old = raw
        .post(format!("{}/api/me", server.base))
        .header("cookie", first_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(answer(me_old).await.ok(), &serde_json::Value::Null);

    // Logging out ends the current one.
    let out = raw
        .post(format!("{}/api/log_out", server.base))
        .header("cookie", second_cookie.clone())
        .send()
        .await
        .unwrap();
    assert!(out.status().is_success());
    let me_after = raw
        .post(format!("{}/api/me", server.base))
        .header("cookie", second_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(answer(me_after).await.ok(), &serde_json::Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_password_ends_other_sessions() {
    let server = TestServer::start().await;
    let laptop = server.client();
    laptop.sign_up("Acme", "Dana", "dana@example.com").await;
    let phone = server.client();
    phone.log_in("dana@example.com", PASSWORD).await.ok();

    let wrong = laptop
        .call(
            "change_password",
            &[
                ("current", "not it at all"),
                ("new_password", "another fine passphrase"),
                ("confirm", "another fine passphrase"),
            ],
        )
        .await;
    assert!(wrong
        .invalid("current")
        .contains("not your current password"));
    let mismatch = laptop
        .call(
            "change_password",
            &[
                ("current", PASSWORD),
                ("new_password", "another fine passphrase"),
                ("confirm", "another fine passphrasE"),
            ],
        )
        .await;
    assert!(mismatch.invalid("confirm").contains("different"));

    laptop
        .call(
            "change_password",
            &[
                ("current", PASSWORD),
                ("new_password", "another fine passphrase"),
                ("confirm", "another fine passphrase"),
            ],
        )
        .await
        .ok();
    // This session carries on; the other one is signed out.
    assert_eq!(
        laptop.call("me", &[]).await.ok()["email"],
        "dana@example.com"
    );
    assert_eq!(phone.call("me", &[]).await.ok(), &serde_json::Value::Null);
    server
        .client()
        .log_in("dana@example.com", PASSWORD)
        .await
        .invalid("form");
    server
        .client()
        .log_in("dana@example.com", "another fine passphrase")
        .await
        .ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitations_work_once() {
    let server = TestServer::start().await;
    let admin = server.client();
    admin.sign_up("Acme", "Dana", "dana@example.com").await;
    let team = admin.create_team("Billing").await.to_string();
    let link = admin
        .call(
            "admin/invite",
            &[
                ("name", "Ivy Agent"),
                ("email", "ivy@example.com"),
                ("roles", "agent"),
                ("team_id", &team),
            ],
        )
        .await
        .ok()
        .clone();
    let path = link["path"].as_str().unwrap();
    let token = path.strip_prefix("/invite/").unwrap();
    assert_eq!(
        admin
            .call("admin/invitations", &[])
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let ivy = server.client();
    let preview = ivy.call("invitation", &[("token", token)]).await;
    assert_eq!(preview.ok()["org_name"], "Acme");
    assert!(ivy
        .call(
            "accept_invitation",
            &[("token", token), ("name", "Ivy"), ("password", "short")]
        )
        .await
        .invalid("password")
        .contains("at least"));
    let me = ivy
        .call(
            "accept_invitation",
            &[
                ("token", token),
                ("name", "Ivy Agent"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(me.ok()["email"], "ivy@example.com");
    let home = ivy.call("home", &[]).await;
    assert_eq!(home.ok()["agent_of"][0]["name"], "Billing");

    let again = server
        .client()
        .call(
            "accept_invitation",
            &[
                ("token", token),
                ("name", "Mallory"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    let bogus = server
        .client()
        .call("invitation", &[("token", &"0".repeat(64))])
        .await;
    assert_eq!(bogus.status, StatusCode::NOT_FOUND);
    assert!(admin
        .call("admin/invitations", &[])
        .await
        .ok()
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_organisation_loads_once_and_its_leader_can_log_in() {
    let server = TestServer::start_with(&[("RAPPORT_DEMO", "true")]).await;
    let leader = server.client();
    let me = leader.log_in("leader@rapport.demo", "rapport-demo").await;
    let me = me.ok();
    assert_eq!(me["org_name"], "Harbour Lane Energy");
    let home = leader.call("home", &[]).await;
    let counts = &home.ok()["org_counts"];
    assert_eq!(counts["teams"], 2);
    assert_eq!(counts["agents"], 6);
    assert_eq!(counts["coaches"], 2);
    let admin = server.client();
    admin
        .log_in("admin@rapport.demo", "rapport-demo")
        .await
        .ok();
    assert_eq!(
        admin
            .call("admin/users", &[])
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        10
    );
    let coach = server.client();
    let coach_home = coach.log_in("coach1@rapport.demo", "rapport-demo").await;
    coach_home.ok();
    let home = coach.call("home", &[]).await;
    assert_eq!(
        home.ok()["coach_of"][0]["agents"].as_array().unwrap().len(),
        3
    );
}

/// Issue 17.5: wrong current passwords are throttled like failed logins.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_current_passwords_are_throttled() {
    let server = TestServer::start().await;
    let api = server.world().await.founder;
    let change = |current: &'static str| {
        let api = &api;
        async move {
            api.call(
                "change_password",
                &[
                    ("current", current),
                    ("new_password", "another fine passphrase"),
                    ("confirm", "another fine passphrase"),
                ],
            )
            .await
        }
    };
    for _ in 0..5 {
        change("not it at all").await.invalid("current");
    }
    // Now even the right password waits.
    let refused = change(PASSWORD).await;
    assert_eq!(
        refused.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{:?}",
        refused.body
    );
    assert!(
        refused.body["Throttled"]["wait"].as_str().is_some(),
        "{:?}",
        refused.body
    );
}

/// Issue 17.5: one address cannot create organisations without limit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_ups_from_one_address_are_limited() {
    let server = TestServer::start().await;
    for i in 0..10 {
        server
            .client()
            .sign_up(&format!("Org {i}"), "Dana", &format!("dana{i}@example.com"))
            .await;
    }
    let eleventh = server
        .client()
        .call(
            "sign_up",
            &[
                ("org_name", "Org 10"),
                ("name", "Dana"),
                ("email", "dana10@example.com"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        eleventh.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{:?}",
        eleventh.body
    );
    // Nothing was created for it.
    server
        .client()
        .log_in("dana10@example.com", PASSWORD)
        .await
        .invalid("form");
}

/// Issue 17.4: an invitation to a team deleted since it was sent, and two
/// acceptances of one invitation racing each other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitations_survive_a_deleted_team_and_racing_acceptances() {
    let server = TestServer::start().await;
    let admin = server.client();
    admin.sign_up("Acme", "Dana", "dana@example.com").await;
    let invite = |email: &'static str, team: String| {
        let admin = &admin;
        async move {
            let link = admin
                .call(
                    "admin/invite",
                    &[
                        ("name", "Ivy Agent"),
                        ("email", email),
                        ("roles", "agent"),
                        ("team_id", &team),
                    ],
                )
                .await
                .ok()
                .clone();
            link["path"]
                .as_str()
                .unwrap()
                .strip_prefix("/invite/")
                .unwrap()
                .to_string()
        }
    };

    // The team goes before the invitation is accepted: the account is made,
    // in no team.
    let team = admin.create_team("Billing").await.to_string();
    let token = invite("ivy@example.com", team.clone()).await;
    admin
        .call("admin/delete_team", &[("team_id", &team)])
        .await
        .ok();
    let ivy = server.client();
    let me = ivy
        .call(
            "accept_invitation",
            &[
                ("token", &token),
                ("name", "Ivy Agent"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(me.ok()["email"], "ivy@example.com");
    let home = ivy.call("home", &[]).await;
    assert_eq!(home.ok()["agent_of"], serde_json::json!([]));

    // Four acceptances at once: one account, the others told it is used.
    let team = admin.create_team("Support").await.to_string();
    let token = invite("jo@example.com", team).await;
    let accept = || {
        let server = &server;
        let token = token.clone();
        async move {
            server
                .client()
                .call(
                    "accept_invitation",
                    &[
                        ("token", &token),
                        ("name", "Jo Agent"),
                        ("password", PASSWORD),
                    ],
                )
                .await
        }
    };
    let (a, b, c, d) = tokio::join!(accept(), accept(), accept(), accept());
    let mut made = 0;
    for answer in [a, b, c, d] {
        match answer.status {
            StatusCode::OK => made += 1,
            status => assert_eq!(status, StatusCode::CONFLICT, "{}", answer.body),
        }
    }
    assert_eq!(made, 1);
    let users = admin.call("admin/users", &[]).await.ok().clone();
    let jos = users
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["email"] == "jo@example.com")
        .count();
    assert_eq!(jos, 1);
}
