//! The leader journey over HTTP: continuum assessments, placement, several
//! respondents, immutability once submitted, action plans, and who may see them.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;

struct Org {
    dana: Api,
    lee: Api,
    casey: Api,
    ana: Api,
    lee_id: String,
    ana_id: String,
}

async fn org(server: &TestServer) -> Org {
    let dana = server.client();
    dana.sign_up("Acme", "Dana", "dana@example.com").await;
    let lee = dana.create_user("Lee", "lee@example.com", "leader").await;
    dana.create_user("Casey", "casey@example.com", "coach")
        .await;
    let ana = dana.create_user("Ana", "ana@example.com", "agent").await;
    let login = |email: &'static str| {
        let c = server.client();
        async move {
            c.log_in(email, PASSWORD).await.ok();
            c
        }
    };
    Org {
        dana,
        lee: login("lee@example.com").await,
        casey: login("casey@example.com").await,
        ana: login("ana@example.com").await,
        lee_id: lee["id"].as_i64().unwrap().to_string(),
        ana_id: ana["id"].as_i64().unwrap().to_string(),
    }
}

async fn start(api: &Api, title: &str) -> String {
    api.call("continuum/start", &[("title", title)])
        .await
        .ok()
        .as_i64()
        .unwrap()
        .to_string()
}

async fn view(api: &Api, id: &str) -> Value {
    api.call("continuum/get", &[("id", id)]).await.ok().clone()
}

/// (statement id, component, stage) of every statement.
fn statements(v: &Value) -> Vec<(String, String, u64)> {
    v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| {
            let component = c["component"].as_str().unwrap().to_string();
            let stage = c["stage"].as_u64().unwrap();
            c["statements"].as_array().unwrap().iter().map(move |s| {
                (
                    s["id"].as_i64().unwrap().to_string(),
                    component.clone(),
                    stage,
                )
            })
        })
        .collect()
}

async fn answer(api: &Api, id: &str, statement: &str, answer: &str) -> Answer {
    api.call(
        "continuum/answer",
        &[
            ("id", id),
            ("statement_id", statement),
            ("answer", answer),
            ("note", ""),
        ],
    )
    .await
}

fn component_stage(result: &Value, component: &str) -> u64 {
    result["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c[0] == component)
        .unwrap()[1]
        .as_u64()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn placement_follows_the_rules_and_a_submitted_assessment_never_changes() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let id = start(&org.dana, "Spring review").await;
    let v = view(&org.dana, &id).await;
    let all = statements(&v);
    assert_eq!(all.len(), 45, "15 cells of 3 statements");
    assert!(v["result"].is_null());

    // Customer focus: stages 1–4 in place, 5 not. Measurement: one of three
    // stage-3 practices missing (67%, below 80%), so it stays at 2 although
    // stage 4 is in place. Environment: stage 4 does not apply, stage 5 not
    // in place, so it stands at 3.
    let mut first_missing_measurement = None;
    for (statement, component, stage) in &all {
        let a = match (component.as_str(), stage) {
            ("CustomerFocus", 5) => "no",
            ("Measurement", 3) if first_missing_measurement.is_none() => {
                first_missing_measurement = Some(statement.clone());
                "no"
            }
            ("Measurement", 5) => "partly",
            ("Environment", 4) => "na",
            ("Environment", 5) => "no",
            _ => "yes",
        };
        // Submitting early names what is still open.
        if statement == &all[44].0 {
            let early = org.dana.call("continuum/submit", &[("id", &id)]).await;
            assert!(early
                .invalid("answers")
                .contains("1 statement is still unanswered"));
        }
        answer(&org.dana, &id, statement, a).await.ok();
    }
    let bad = answer(&org.dana, &id, &all[0].0, "sometimes").await;
    bad.invalid("answer");
    org.dana.call("continuum/submit", &[("id", &id)]).await.ok();
    org.dana
        .call("continuum/complete", &[("id", &id)])
        .await
        .ok();

    let v = view(&org.dana, &id).await;
    assert_eq!(v["submitted"], true);
    let result = &v["result"];
    assert_eq!(component_stage(result, "CustomerFocus"), 4);
    assert_eq!(component_stage(result, "Measurement"), 2);
    assert_eq!(component_stage(result, "Environment"), 3);
    assert_eq!(result["overall"], 2);
    // Next steps: the unmet measurement practice at stage 3 and the customer
    // focus practices at stage 5; nothing from environment's N/A stage 4.
    let next: Vec<String> = result["next_steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_i64().unwrap().to_string())
        .collect();
    assert!(next.contains(first_missing_measurement.as_ref().unwrap()));
    assert_eq!(next.len(), 4, "{next:?}");
    // Evidence beside the checkable statements, even with no calls.
    assert_eq!(v["evidence"].as_array().unwrap().len(), 7);

    // Submitted: answers, invitations and submissions are refused.
    let late = answer(&org.dana, &id, &all[0].0, "no").await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    let invite = org
        .dana
        .call("continuum/invite", &[("id", &id), ("user_id", &org.lee_id)])
        .await;
    assert_eq!(invite.status, StatusCode::CONFLICT);
    assert_eq!(
        org.dana
            .call("continuum/complete", &[("id", &id)])
            .await
            .status,
        StatusCode::CONFLICT
    );
    assert_eq!(view(&org.dana, &id).await["result"]["overall"], 2);

    // The action plan goes on: a next step becomes an action with an owner.
    let step = &next[0];
    let missing_owner = org
        .dana
        .call(
            "continuum/add_action",
            &[
                ("id", &id),
                ("statement_id", step),
                ("title", "Weekly KPI pack to teams"),
                ("due_on", "2027-03-01"),
            ],
        )
        .await;
    missing_owner.invalid("owner_id");
    let action = org
        .dana
        .call(
            "continuum/add_action",
            &[
                ("id", &id),
                ("statement_id", step),
                ("title", "Weekly KPI pack to teams"),
                ("owner_id", &org.lee_id),
                ("due_on", "2027-03-01"),
            ],
        )
        .await
        .ok()
        .as_i64()
        .unwrap()
        .to_string();
    org.lee
        .call(
            "continuum/action_status",
            &[("action_id", &action), ("status", "done")],
        )
        .await
        .ok();
    let v = view(&org.dana, &id).await;
    assert_eq!(v["actions"][0]["owner"], "Lee");
    assert_eq!(v["actions"][0]["status"], "done");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn several_leaders_combine_by_median_and_their_differences_show() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let id = start(&org.dana, "Two views").await;
    // Only leaders can be invited.
    org.dana
        .call("continuum/invite", &[("id", &id), ("user_id", &org.ana_id)])
        .await
        .invalid("user_id");
    org.dana
        .call("continuum/invite", &[("id", &id), ("user_id", &org.lee_id)])
        .await
        .ok();
    let notes = org.lee.call("notifications/list", &[]).await.ok().clone();
    assert!(notes[0]["text"].as_str().unwrap().contains("Two views"));

    let all = statements(&view(&org.dana, &id).await);
    let first = all[0].0.clone();
    for (s, _, _) in &all {
        answer(&org.dana, &id, s, "yes").await.ok();
        answer(&org.lee, &id, s, if *s == first { "no" } else { "yes" })
            .await
            .ok();
    }
    org.dana.call("continuum/submit", &[("id", &id)]).await.ok();
    org.lee.call("continuum/submit", &[("id", &id)]).await.ok();
    // Only the leader who started it closes it.
    org.lee
        .call("continuum/complete", &[("id", &id)])
        .await
        .refused();
    org.dana
        .call("continuum/complete", &[("id", &id)])
        .await
        .ok();

    let result = view(&org.lee, &id).await["result"].clone();
    assert_eq!(result["respondents"], 2);
    assert_eq!(
        result["disagreements"],
        serde_json::json!([first.parse::<i64>().unwrap()])
    );
    let combined = result["combined"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c[0].as_i64().unwrap().to_string() == first)
        .unwrap()[1]
        .clone();
    assert_eq!(combined, "Partly");
    // One partly out of three at stage 1 is 83%: still attained.
    assert_eq!(result["overall"], 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_leaders_and_admins_reach_assessments_and_nothing_crosses_organisations() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let id = start(&org.dana, "Private").await;
    let all = statements(&view(&org.dana, &id).await);
    let statement = all[0].0.clone();

    let outsider = server.client();
    outsider
        .sign_up("Other Co", "Olga", "olga@example.com")
        .await;
    for api in [&org.casey, &org.ana] {
        api.call("continuum/home", &[]).await.refused();
        api.call("continuum/start", &[("title", "Mine")])
            .await
            .refused();
    }
    for api in [&org.casey, &org.ana, &outsider] {
        api.call("continuum/get", &[("id", &id)]).await.refused();
        answer(api, &id, &statement, "yes").await.refused();
        api.call("continuum/submit", &[("id", &id)]).await.refused();
        api.call("continuum/complete", &[("id", &id)])
            .await
            .refused();
        api.call("continuum/invite", &[("id", &id), ("user_id", &org.lee_id)])
            .await
            .refused();
        api.call(
            "continuum/add_action",
            &[
                ("id", &id),
                ("title", "x"),
                ("owner_id", &org.lee_id),
                ("due_on", "2027-01-01"),
            ],
        )
        .await
        .refused();
    }
    // The outsider's probe reads as not found, and their list is their own.
    assert_eq!(
        outsider.call("continuum/get", &[("id", &id)]).await.status,
        StatusCode::NOT_FOUND
    );
    let theirs = outsider.call("continuum/home", &[]).await.ok().clone();
    assert!(theirs["assessments"].as_array().unwrap().is_empty());
    // A leader not invited may read but not answer.
    view(&org.lee, &id).await;
    answer(&org.lee, &id, &statement, "yes").await.refused();

    // Nothing changed.
    let v = view(&org.dana, &id).await;
    assert!(v["mine"].as_array().unwrap().is_empty());
    assert_eq!(v["respondents"].as_array().unwrap().len(), 1);
    assert!(v["actions"].as_array().unwrap().is_empty());
    let home = org.dana.call("continuum/home", &[]).await.ok().clone();
    assert_eq!(home["assessments"].as_array().unwrap().len(), 1);
}
