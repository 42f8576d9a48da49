//! Time zones over HTTP: an organisation in Sydney enters, reads and counts
//! its calls by Sydney days; a person in Chicago reads the same call in
//! Chicago time; imports read times without an offset in the organisation's
//! zone; only an admin sets the organisation's zone, and a wrong name says
//! so and changes nothing.

use crate::common::*;
use app::types::{CallDetail, KpiFigures, Me};
use serde_json::{json, Value};

async fn kpi_enquiries(api: &Api, day: &str) -> usize {
    let f: KpiFigures = api
        .call_json(
            "kpi/figures",
            json!({ "query": {
                "team_id": null, "agent_id": null, "channel": null,
                "from": day, "to": day, "grouping": "Day",
                "short_abandon_seconds": 10,
            }}),
        )
        .await
        .typed();
    f.total.enquiries
}

async fn listed(api: &Api, from: &str, to: &str) -> Vec<String> {
    let page = api
        .call_json(
            "calls/list",
            json!({ "filter": { "from": from, "to": to } }),
        )
        .await;
    page.ok()["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r: &Value| r["occurred"].as_str().unwrap().to_string())
        .collect()
}

async fn detail(api: &Api, id: &str) -> CallDetail {
    api.call("calls/get", &[("id", id)]).await.typed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organisation_in_sydney_keeps_sydney_days_and_a_person_in_chicago_reads_chicago_time() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let (ana_p, ana) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let (_, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    let dana = &world.founder;

    // Only an admin sets the organisation's zone; a wrong name is named.
    ana.call("set_org_time_zone", &[("org_zone", "Australia/Sydney")])
        .await
        .refused();
    let wrong = dana
        .call("set_org_time_zone", &[("org_zone", "Australia/Sidney")])
        .await;
    assert_eq!(
        wrong.invalid("org_zone"),
        "\"Australia/Sidney\" is not a time zone name: choose one from the list, such as Europe/London or Australia/Sydney."
    );
    let me: Me = dana.call("me", &[]).await.typed();
    assert_eq!((me.zone.as_str(), me.org_zone.as_str()), ("UTC", "UTC"));
    dana.call("set_org_time_zone", &[("org_zone", "Australia/Sydney")])
        .await
        .ok();
    let me: Me = dana.call("me", &[]).await.typed();
    assert_eq!(me.org_zone, "Australia/Sydney");
    assert_eq!(me.zone, "Australia/Sydney");

    // 09:30 on 14 March in Sydney (AEDT, +11) is 22:30 UTC on the 13th.
    let call = dana.new_call(ana_p.id, "2026-03-14T09:30", "phone").await;
    assert_eq!(detail(dana, &call).await.occurred, "14 Mar 2026, 09:30");
    assert_eq!(
        listed(dana, "2026-03-14", "2026-03-14").await,
        ["14 Mar 2026, 09:30"]
    );
    assert!(listed(dana, "2026-03-13", "2026-03-13").await.is_empty());
    assert_eq!(kpi_enquiries(dana, "2026-03-14").await, 1);
    assert_eq!(kpi_enquiries(dana, "2026-03-13").await, 0);

    // Casey coaches from Chicago (CDT, -5): the same call at 17:30 on the
    // 13th, while the organisation's days stay Sydney's.
    let wrong = casey
        .call("set_my_time_zone", &[("own_zone", "Chicago")])
        .await;
    assert!(wrong
        .invalid("own_zone")
        .contains("\"Chicago\" is not a time zone name"));
    casey
        .call("set_my_time_zone", &[("own_zone", "america/chicago")])
        .await
        .ok();
    let me: Me = casey.call("me", &[]).await.typed();
    assert_eq!(
        (me.zone.as_str(), me.org_zone.as_str()),
        ("America/Chicago", "Australia/Sydney")
    );
    assert_eq!(detail(&casey, &call).await.occurred, "13 Mar 2026, 17:30");
    assert_eq!(detail(&ana, &call).await.occurred, "14 Mar 2026, 09:30");
    // Times Casey types are his: 17:30 on the 13th in Chicago is the same
    // moment as the first call, on the organisation's 14th.
    let his = casey.new_call(ana_p.id, "2026-03-13T17:30", "chat").await;
    assert_eq!(detail(dana, &his).await.occurred, "14 Mar 2026, 09:30");
    assert_eq!(kpi_enquiries(dana, "2026-03-14").await, 2);
    // Blank follows the organisation again.
    casey
        .call("set_my_time_zone", &[("own_zone", "")])
        .await
        .ok();
    assert_eq!(detail(&casey, &call).await.occurred, "14 Mar 2026, 09:30");

    // An import's times without an offset are the organisation's; with one
    // they are exact.
    let csv = "agent_email,team,occurred_at,channel,duration_seconds\n\
        ana@example.com,Billing,2026-03-15 08:00,phone,60\n\
        ana@example.com,Billing,2026-03-15T08:00:00+00:00,phone,60\n";
    dana.call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await
        .ok();
    assert_eq!(
        listed(dana, "2026-03-15", "2026-03-15").await,
        ["15 Mar 2026, 19:00", "15 Mar 2026, 08:00"]
    );
    assert_eq!(kpi_enquiries(dana, "2026-03-15").await, 2);

    // Back to UTC: the stored days are cut again at once. 08:00 on the
    // 15th in Sydney was 21:00 UTC on the 14th.
    dana.call("set_org_time_zone", &[("org_zone", "UTC")])
        .await
        .ok();
    assert_eq!(kpi_enquiries(dana, "2026-03-13").await, 2);
    assert_eq!(kpi_enquiries(dana, "2026-03-14").await, 1);
    assert_eq!(kpi_enquiries(dana, "2026-03-15").await, 1);
    assert_eq!(detail(dana, &call).await.occurred, "13 Mar 2026, 22:30");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_time_the_clocks_skip_is_refused_on_the_call_form() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let (ana_p, _) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let dana = &world.founder;
    dana.call("set_org_time_zone", &[("org_zone", "Europe/London")])
        .await
        .ok();
    let agent = ana_p.id.to_string();
    let answer = dana
        .call(
            "calls/create",
            &[
                ("agent_id", agent.as_str()),
                ("occurred_at", "2026-03-29T01:30"),
                ("channel", "phone"),
                ("duration_seconds", "60"),
                ("csat", ""),
                ("likelihood_to_recommend", ""),
                ("resolved", ""),
                ("resolution_minutes", ""),
                ("first_response_seconds", ""),
                ("abandoned", "no"),
                ("complaint", "no"),
                ("rectification", ""),
                ("follow_up_on", ""),
                ("reference", ""),
            ],
        )
        .await;
    assert_eq!(
        answer.invalid("occurred_at"),
        "29 Mar 2026, 01:30 does not exist in Europe/London: the clocks went forward then. Give a time just after the change."
    );
    let page = dana.call_json("calls/list", json!({ "filter": {} })).await;
    assert!(page.ok()["rows"].as_array().unwrap().is_empty());
}

/// A new organisation starts on the zone the sign-up form reports (the
/// browser's), or UTC without one; a wrong name is refused with the rest.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_starts_the_organisation_on_the_browsers_zone() {
    let server = TestServer::start().await;
    let sign_up = |zone: &'static str, email: &'static str| {
        let api = server.client();
        async move {
            let answer = api
                .call(
                    "sign_up",
                    &[
                        ("org_name", "Harbour"),
                        ("name", "Dana"),
                        ("email", email),
                        ("password", "correct horse battery"),
                        ("time_zone", zone),
                    ],
                )
                .await;
            (api, answer)
        }
    };
    let (sydney, answer) = sign_up("Australia/Sydney", "a@example.com").await;
    answer.ok();
    let me: Me = sydney.call("me", &[]).await.typed();
    assert_eq!(me.org_zone, "Australia/Sydney");
    let (_, answer) = sign_up("", "b@example.com").await;
    assert_eq!(answer.ok()["org_zone"], "UTC");
    let (_, wrong) = sign_up("Mars/Olympus", "c@example.com").await;
    assert!(wrong.invalid("time_zone").contains("not a time zone name"));
    // The address is still free: nothing was created.
    sign_up("Europe/London", "c@example.com").await.1.ok();
}
