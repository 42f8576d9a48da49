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
    let world = server.world().await;
    let lee = world.person("Lee", "lee@example.com", "leader").await;
    world.person("Casey", "casey@example.com", "coach").await;
    let ana = world.person("Ana", "ana@example.com", "agent").await;
    Org {
        dana: world.founder,
        lee: server.signed_in(&lee.email).await,
        casey: server.signed_in("casey@example.com").await,
        ana: server.signed_in(&ana.email).await,
        lee_id: lee.id.to_string(),
        ana_id: ana.id.to_string(),
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
    // Evidence beside the checkable statements, even with no calls: the
    // call figures have nothing to count, and none of the organisation's one
    // agent has been reviewed, set a target or practised.
    let figures = v["evidence"].as_array().unwrap();
    assert_eq!(figures.len(), 7);
    let shares: Vec<Value> = figures.iter().map(|f| f["share"].clone()).collect();
    assert_eq!(
        shares.iter().filter(|s| s.is_null()).count(),
        4,
        "{figures:?}"
    );
    assert_eq!(
        shares.iter().filter(|s| s.as_f64() == Some(0.0)).count(),
        3,
        "{figures:?}"
    );
    assert!(figures
        .iter()
        .all(|f| !f["basis"].as_str().unwrap().is_empty()));

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

    // The export: the placement, one row per statement, then the plan.
    let download = org
        .dana
        .get(&format!("/export/continuum.csv?id={id}"))
        .await;
    assert_eq!(download.status(), StatusCode::OK);
    let disposition = download.headers()["content-disposition"].to_str().unwrap();
    assert!(
        disposition.contains("filename=\"rapport-continuum-spring-review-20"),
        "{disposition}"
    );
    let csv = download.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "assessment,Spring review,Whole organisation,overall stage,Responsive,model version,1"
    );
    assert_eq!(lines[1], "component,Customer focus,,stage,Proactive");
    assert_eq!(lines.len(), 4 + 1 + 45 + 1 + 1, "{csv}");
    assert_eq!(
        lines.iter().filter(|l| l.ends_with(",yes")).count(),
        4,
        "the four next steps are marked"
    );
    assert_eq!(lines[50], "action,owner,due,status,,");
    assert_eq!(lines[51], "Weekly KPI pack to teams,Lee,2027-03-01,done,,");

    // A cell that a spreadsheet would run as a formula comes out as text.
    org.dana
        .call(
            "continuum/add_action",
            &[
                ("id", &id),
                ("title", "=HYPERLINK(\"http://evil.example\",\"pay\")"),
                ("owner_id", &org.lee_id),
                ("due_on", "2027-04-01"),
            ],
        )
        .await
        .ok();
    let csv = org
        .dana
        .get(&format!("/export/continuum.csv?id={id}"))
        .await
        .text()
        .await
        .unwrap();
    let last = csv.lines().last().unwrap();
    assert!(
        last.starts_with("\"'=HYPERLINK(\"\"http://evil.example\"\""),
        "{last}"
    );
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
    let export = format!("/export/continuum.csv?id={id}");
    for api in [&org.casey, &org.ana, &outsider] {
        api.call("continuum/get", &[("id", &id)]).await.refused();
        let download = api.get(&export).await.status();
        assert!(download.is_client_error(), "{download}");
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
    assert_eq!(outsider.get(&export).await.status(), StatusCode::NOT_FOUND);
    // An open assessment has no results to download yet.
    let open = org.dana.get(&export).await;
    assert_eq!(open.status(), StatusCode::CONFLICT);
    assert!(open.text().await.unwrap().contains("still open"));
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

async fn model(api: &Api, id: Option<i64>) -> Answer {
    match id {
        Some(id) => {
            api.call("continuum/model", &[("id", &id.to_string())])
                .await
        }
        None => api.call("continuum/model", &[]).await,
    }
}

fn cell<'a>(model: &'a Value, component: &str, stage: u64) -> &'a Value {
    model["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["component"] == component && c["stage"] == stage)
        .unwrap()
}

async fn save_cell(api: &Api, model_id: i64, cell_id: &Value, statements: Value) -> Answer {
    api.call_json(
        "continuum/model_save_cell",
        serde_json::json!({
            "model_id": model_id,
            "cell_id": cell_id,
            "description": "Customers are served when they call; fixes are one-off.",
            "statements": statements,
        }),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_reword_the_model_as_a_new_version_and_assessments_keep_theirs() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let before = start(&org.lee, "Before rewording").await;
    let v1 = model(&org.lee, None).await.ok().clone();
    assert_eq!(v1["version"], 1);
    assert_eq!(v1["status"], "published");
    assert_eq!(v1["can_edit"], false);
    let old_cell = cell(&v1, "CustomerFocus", 1).clone();
    let old = old_cell["statements"].as_array().unwrap().clone();

    // Only admins start a version; coaches and agents do not even read it.
    org.lee
        .call("continuum/model_new_version", &[])
        .await
        .refused();
    for api in [&org.casey, &org.ana] {
        model(api, None).await.refused();
        api.call("continuum/model_new_version", &[]).await.refused();
    }
    let draft = org
        .dana
        .call("continuum/model_new_version", &[])
        .await
        .ok()
        .as_i64()
        .unwrap();
    let again = org.dana.call("continuum/model_new_version", &[]).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    // The admin lands on the draft; leaders still see the published wording
    // and cannot open the draft.
    let d = model(&org.dana, None).await.ok().clone();
    assert_eq!(
        (d["id"].as_i64(), d["version"].as_i64()),
        (Some(draft), Some(2))
    );
    assert_eq!(d["status"], "draft");
    assert_eq!(model(&org.lee, None).await.ok()["version"], 1);
    model(&org.lee, Some(draft)).await.refused();
    let target = cell(&d, "CustomerFocus", 1);
    let cell_id = target["id"].clone();
    let kept: Vec<Value> = target["statements"].as_array().unwrap().clone();

    // Bad edits name the statement at fault and change nothing.
    let empty = save_cell(
        &org.dana,
        draft,
        &cell_id,
        serde_json::json!([
            {"id": kept[0]["id"], "text": "Reworded", "check": ""},
            {"id": kept[1]["id"], "text": "  ", "check": ""},
            {"id": kept[2]["id"], "text": "Third", "check": ""},
        ]),
    )
    .await;
    assert!(empty
        .invalid("statement-2")
        .contains("Statement 2 is empty"));
    let bogus = save_cell(
        &org.dana,
        draft,
        &cell_id,
        serde_json::json!([
            {"id": kept[0]["id"], "text": "A", "check": ""},
            {"id": kept[1]["id"], "text": "B", "check": ""},
            {"id": null, "text": "C", "check": "mood_ring"},
        ]),
    )
    .await;
    bogus.invalid("statement-3");
    // A hand-made request whose arguments do not fit is bad input, not a 500.
    let unreadable = save_cell(
        &org.dana,
        draft,
        &cell_id,
        serde_json::json!([{"id": kept[0]["id"], "text": "A", "check": null}]),
    )
    .await;
    assert!(unreadable
        .invalid("")
        .starts_with("The request could not be read"));
    assert!(org
        .dana
        .call("continuum/model_publish", &[])
        .await
        .invalid("")
        .starts_with("The request was incomplete"));
    let too_few = save_cell(
        &org.dana,
        draft,
        &cell_id,
        serde_json::json!([{"id": kept[0]["id"], "text": "Only one", "check": ""}]),
    )
    .await;
    assert!(too_few.invalid("statements").contains("at least 3"));
    let elsewhere = cell(&d, "Measurement", 2)["statements"][0]["id"].clone();
    let foreign = save_cell(
        &org.dana,
        draft,
        &cell_id,
        serde_json::json!([
            {"id": kept[0]["id"], "text": "A", "check": ""},
            {"id": kept[1]["id"], "text": "B", "check": ""},
            {"id": elsewhere, "text": "C", "check": ""},
        ]),
    )
    .await;
    foreign.invalid("statement-3");
    // A leader cannot reword the draft either.
    save_cell(
        &org.lee,
        draft,
        &cell_id,
        serde_json::json!([
            {"id": kept[0]["id"], "text": "A", "check": ""},
            {"id": kept[1]["id"], "text": "B", "check": ""},
            {"id": kept[2]["id"], "text": "C", "check": ""},
        ]),
    )
    .await
    .refused();
    assert_eq!(model(&org.dana, None).await.ok(), &d, "nothing changed");

    // Reword the first statement, drop the third, add one with a data check.
    save_cell(
        &org.dana,
        draft,
        &cell_id,
        serde_json::json!([
            {"id": kept[1]["id"], "text": "Every published channel is answered in its advertised hours.", "check": ""},
            {"id": kept[0]["id"], "text": kept[0]["text"], "check": ""},
            {"id": null, "text": "Customers are asked how satisfied they were.", "check": "csat_recorded"},
        ]),
    )
    .await
    .ok();
    let d = model(&org.dana, None).await.ok().clone();
    let edited = cell(&d, "CustomerFocus", 1);
    assert_eq!(
        edited["description"],
        "Customers are served when they call; fixes are one-off."
    );
    let now = edited["statements"].as_array().unwrap();
    assert_eq!(now.len(), 3);
    assert_eq!(
        now[0]["key"], kept[1]["key"],
        "a reworded statement keeps its key"
    );
    assert_eq!(now[1]["key"], kept[0]["key"]);
    assert_eq!(now[2]["key"], "cf1_added_1");
    assert_eq!(now[2]["check"], "CsatRecorded");
    assert!(now.iter().all(|s| s["key"] != kept[2]["key"]));

    // Another organisation's admin finds nothing of it.
    let outsider = server.client();
    outsider
        .sign_up("Other Co", "Olga", "olga@example.com")
        .await;
    model(&outsider, Some(draft)).await.refused();
    let unchanged: Vec<Value> = kept
        .iter()
        .map(|s| serde_json::json!({"id": s["id"], "text": s["text"], "check": ""}))
        .collect();
    save_cell(&outsider, draft, &cell_id, Value::Array(unchanged.clone()))
        .await
        .refused();
    for endpoint in ["continuum/model_publish", "continuum/model_discard"] {
        let probe = outsider.call(endpoint, &[("id", &draft.to_string())]).await;
        assert_eq!(probe.status, StatusCode::NOT_FOUND, "{endpoint}");
    }
    assert_eq!(model(&outsider, None).await.ok()["version"], 1);
    org.lee
        .call("continuum/model_publish", &[("id", &draft.to_string())])
        .await
        .refused();

    // Published: new assessments use version 2; the earlier one keeps version 1.
    org.dana
        .call("continuum/model_publish", &[("id", &draft.to_string())])
        .await
        .ok();
    let frozen = save_cell(&org.dana, draft, &cell_id, Value::Array(unchanged)).await;
    assert_eq!(frozen.status, StatusCode::CONFLICT, "{}", frozen.body);
    let after = start(&org.lee, "After rewording").await;
    let a = view(&org.lee, &after).await;
    assert_eq!(a["model_version"], 2);
    let a_cell = cell(&a, "CustomerFocus", 1);
    assert_eq!(
        a_cell["statements"][0]["text"],
        "Every published channel is answered in its advertised hours."
    );
    let b = view(&org.lee, &before).await;
    assert_eq!(b["model_version"], 1);
    assert_eq!(
        cell(&b, "CustomerFocus", 1)["statements"],
        Value::Array(old)
    );
    let home = org.lee.call("continuum/home", &[]).await.ok().clone();
    assert_eq!(home["model_version"], 2);
    let versions: Vec<(i64, String)> = model(&org.dana, None).await.ok()["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["version"].as_i64().unwrap(),
                v["status"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        versions,
        vec![(2, "published".into()), (1, "retired".into())]
    );

    // A draft can be thrown away; the published version stays.
    let third = org
        .dana
        .call("continuum/model_new_version", &[])
        .await
        .ok()
        .as_i64()
        .unwrap();
    org.dana
        .call("continuum/model_discard", &[("id", &third.to_string())])
        .await
        .ok();
    let current = model(&org.dana, None).await.ok().clone();
    assert_eq!(
        (current["version"].as_i64(), current["status"].as_str()),
        (Some(2), Some("published"))
    );
}

/// Starts, answers (answer by statement index), submits and closes one.
async fn complete_with(
    api: &Api,
    title: &str,
    team: Option<i64>,
    pick: impl Fn(usize) -> &'static str,
) -> String {
    let team = team.map(|t| t.to_string());
    let mut args = vec![("title", title)];
    if let Some(t) = &team {
        args.push(("team_id", t));
    }
    let id = api
        .call("continuum/start", &args)
        .await
        .ok()
        .as_i64()
        .unwrap()
        .to_string();
    for (i, (s, _, _)) in statements(&view(api, &id).await).iter().enumerate() {
        answer(api, &id, s, pick(i)).await.ok();
    }
    api.call("continuum/submit", &[("id", &id)]).await.ok();
    api.call("continuum/complete", &[("id", &id)]).await.ok();
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_assessment_shows_what_moved_since_the_units_previous_one() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let team = org.dana.create_team("Billing").await;
    // Winter: statement 0 in place, 1 not applicable, the rest not in place.
    let winter = complete_with(&org.dana, "Winter", None, |i| match i {
        0 => "yes",
        1 => "na",
        _ => "no",
    })
    .await;
    // A team's assessment in between is another unit: it never compares
    // with the organisation's.
    let billing = complete_with(&org.dana, "Billing check", Some(team), |_| "yes").await;
    // Spring: 0 slips to partly, 1 becomes in place (N/A before: no
    // movement), 2 and 3 come into place.
    let spring = complete_with(&org.dana, "Spring", None, |i| match i {
        0 => "partly",
        1..=3 => "yes",
        _ => "no",
    })
    .await;

    let v = view(&org.dana, &spring).await;
    let all = statements(&v);
    let since = &v["since"];
    assert_eq!(since["previous_title"], "Winter");
    assert_eq!(since["previous_id"].as_i64().unwrap().to_string(), winter);
    assert_eq!(since["previous_overall"], 0);
    let moved: Vec<(String, String, String, String)> = since["moved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m[0].as_i64().unwrap().to_string(),
                m[1].as_str().unwrap().into(),
                m[2].as_str().unwrap().into(),
                m[3].as_str().unwrap().into(),
            )
        })
        .collect();
    let m = |i: usize, was: &str, is: &str, way: &str| {
        (all[i].0.clone(), was.into(), is.into(), way.into())
    };
    assert_eq!(
        moved,
        vec![
            m(0, "InPlace", "Partly", "Back"),
            m(2, "NotInPlace", "InPlace", "Forward"),
            m(3, "NotInPlace", "InPlace", "Forward"),
        ]
    );
    // The first of each unit has nothing to compare with.
    assert!(view(&org.dana, &winter).await["since"].is_null());
    assert!(view(&org.dana, &billing).await["since"].is_null());
    // Nothing submitted yet: no result, so nothing to compare.
    let open = start(&org.dana, "Summer").await;
    assert!(
        view(&org.dana, &open).await["since"].is_null(),
        "no answers yet"
    );
}

/// Issue 17.6: another organisation's action id answers exactly like an id
/// that does not exist.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_organisations_action_reads_as_one_that_does_not_exist() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let id = start(&org.dana, "Spring review").await;
    let action = org
        .dana
        .call(
            "continuum/add_action",
            &[
                ("id", &id),
                ("title", "Weekly KPI pack"),
                ("owner_id", &org.lee_id),
                ("due_on", "2027-03-01"),
            ],
        )
        .await
        .ok()
        .as_i64()
        .unwrap();
    let outsider = server
        .world_named("Other Co", "Olga", "olga@example.com")
        .await
        .founder;
    let set = |id: i64| {
        let api = &outsider;
        async move {
            api.call(
                "continuum/action_status",
                &[("action_id", &id.to_string()), ("status", "done")],
            )
            .await
        }
    };
    let theirs = set(action).await;
    let missing = set(action + 1000).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND, "{:?}", theirs.body);
    assert_eq!(theirs.status, missing.status);
    assert_eq!(theirs.body, missing.body);
    let v = view(&org.dana, &id).await;
    assert_eq!(v["actions"][0]["status"], "open");
}
