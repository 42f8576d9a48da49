//! The coach journey over HTTP: frameworks, calls, imports, recordings,
//! reviews and disputes, and who may see what.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

struct Org {
    admin: Api,
    casey: Api,
    cory: Api,
    tess: Api,
    ana: Api,
    ben: Api,
    ana_id: i64,
}

/// Billing is coached by Casey and Cory and has agents Ana and Ben; Tech is
/// coached by Tess. Dana (the founder) is admin and leader.
async fn org(server: &TestServer) -> Org {
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let tech = world.team("Tech").await;
    let (_, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    let (_, cory) = world
        .member(billing, "coach", "Cory", "cory@example.com")
        .await;
    let (_, tess) = world
        .member(tech, "coach", "Tess", "tess@example.com")
        .await;
    let (ana_p, ana) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let (_, ben) = world
        .member(billing, "agent", "Ben", "ben@example.com")
        .await;
    Org {
        admin: world.founder,
        casey,
        cory,
        tess,
        ana,
        ben,
        ana_id: ana_p.id,
    }
}

const HEADER: &str = "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference";

fn csv_of(rows: &[String]) -> String {
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

fn row(email: &str, n: usize) -> String {
    format!(
        "{email},Billing,2026-0{}-1{} 09:{:02},phone,{},4,9,yes,7,35,no,no,,,R-{n}",
        1 + n % 9,
        n % 10,
        n % 60,
        60 + n
    )
}

async fn import(api: &Api, csv: &str, commit: bool) -> Answer {
    api.call_json("calls/import", json!({ "csv": csv, "commit": commit }))
        .await
}

async fn calls(api: &Api, filter: Value) -> Vec<Value> {
    api.call_json("calls/list", json!({ "filter": filter }))
        .await
        .ok()["rows"]
        .as_array()
        .unwrap()
        .clone()
}

async fn one_call_for_ana(org: &Org) -> String {
    let out = import(&org.casey, &csv_of(&[row("ana@example.com", 1)]), true).await;
    assert_eq!(out.ok()["rows"], 1, "{:?}", out.body);
    let rows = calls(&org.ana, json!({})).await;
    rows[0]["id"].as_i64().unwrap().to_string()
}

/// Casey's draft review of a new call of Ana's.
async fn casey_starts_a_review(org: &Org) -> i64 {
    let call = one_call_for_ana(org).await;
    org.casey
        .call("reviews/start", &[("call_id", &call)])
        .await
        .ok()
        .as_i64()
        .unwrap()
}

/// Casey saves these ratings with a strength and a development point, and
/// submits the review.
async fn casey_submits(org: &Org, review: i64, ratings: &[(i64, i64)]) {
    org.casey
        .call_json(
            "reviews/save",
            json!({ "id": review, "ratings": ratings, "strengths": "Calm.", "development": "Summarise." }),
        )
        .await
        .ok();
    org.casey
        .call("reviews/submit", &[("id", &review.to_string())])
        .await
        .ok();
}

async fn framework(api: &Api) -> Value {
    let list = api.call("frameworks/list", &[]).await.ok().clone();
    let published = list
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["status"] == "published")
        .unwrap()
        .clone();
    api.call("frameworks/get", &[("id", &id(&published))])
        .await
        .ok()
        .clone()
}

fn behaviour_ids(fw: &Value) -> Vec<i64> {
    fw["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["behaviours"].as_array().unwrap().clone())
        .map(|b| b["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_new_organisation_starts_with_a_published_default_framework() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let fw = framework(&org.ana).await;
    assert_eq!(fw["version"], 1);
    let ids = behaviour_ids(&fw);
    assert!(ids.len() >= 12, "{}", ids.len());
    let first = &fw["clusters"][0]["behaviours"][0];
    assert_eq!(first["anchors"].as_array().unwrap().len(), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_csv_import_with_one_bad_row_changes_nothing_and_names_the_row() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let mut rows: Vec<String> = (0..20).map(|n| row("ana@example.com", n)).collect();
    rows[6] = rows[6].replace(",4,9,", ",9,9,");
    let out = import(&org.casey, &csv_of(&rows), true).await;
    let body = out.ok();
    assert_eq!(body["committed"], false);
    let problems = body["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["line"], 8);
    assert_eq!(problems[0]["column"], "csat");
    assert!(calls(&org.casey, json!({})).await.is_empty());

    // Unknown people and teams are named too, still with nothing imported.
    let out = import(&org.casey, &csv_of(&[row("zed@example.com", 1)]), true).await;
    assert!(out.ok()["problems"][0]["message"]
        .as_str()
        .unwrap()
        .contains("zed@example.com"));
    assert!(calls(&org.casey, json!({})).await.is_empty());

    // The corrected file goes in whole.
    rows[6] = row("ben@example.com", 6);
    let preview = import(&org.casey, &csv_of(&rows), false).await;
    assert_eq!(preview.ok()["rows"], 20);
    assert!(calls(&org.casey, json!({})).await.is_empty());
    let done = import(&org.casey, &csv_of(&rows), true).await;
    assert_eq!(done.ok()["committed"], true);
    assert_eq!(calls(&org.casey, json!({})).await.len(), 20);
    assert_eq!(calls(&org.ana, json!({})).await.len(), 19);
    assert_eq!(
        calls(&org.casey, json!({ "agent_id": org.ana_id }))
            .await
            .len(),
        19
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coaches_import_only_for_their_own_teams_and_agents_not_at_all() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let out = import(&org.tess, &csv_of(&[row("ana@example.com", 1)]), true).await;
    assert!(out.ok()["problems"][0]["message"]
        .as_str()
        .unwrap()
        .contains("teams you coach"));
    import(&org.ana, &csv_of(&[row("ana@example.com", 1)]), true)
        .await
        .refused();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coach_scores_a_call_the_agent_disputes_and_another_coach_amends_it() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let call = one_call_for_ana(&org).await;
    let review = org
        .casey
        .call("reviews/start", &[("call_id", &call)])
        .await
        .ok()
        .as_i64()
        .unwrap();
    let fw = framework(&org.casey).await;
    let ids = behaviour_ids(&fw);

    // Submitting early names what is missing.
    let early = org
        .casey
        .call("reviews/submit", &[("id", &review.to_string())])
        .await;
    assert!(early.invalid("ratings").contains("Rate every behaviour"));

    // All 4s except one N/A: the score ignores the N/A.
    let mut ratings: Vec<(i64, i64)> = ids.iter().map(|b| (*b, 4)).collect();
    ratings[1].1 = -1;
    let saved = org
        .casey
        .call_json(
            "reviews/save",
            json!({ "id": review, "ratings": ratings, "strengths": "Clear ownership.", "development": "Summarise next steps." }),
        )
        .await;
    assert_eq!(saved.ok()["score"], 80.0);
    org.casey
        .call_json(
            "reviews/add_evidence",
            json!({ "id": review, "behaviour_id": ids[0], "kind": "note", "at_ms": 4200, "cue_index": null, "note": "Took ownership here" }),
        )
        .await
        .ok();

    // The agent cannot see the draft; after submission they can.
    org.ana
        .call("reviews/get", &[("id", &review.to_string())])
        .await
        .refused();
    org.casey
        .call("reviews/submit", &[("id", &review.to_string())])
        .await
        .ok();
    let seen = org
        .ana
        .call("reviews/get", &[("id", &review.to_string())])
        .await
        .ok()
        .clone();
    assert_eq!(seen["status"], "submitted");
    assert_eq!(seen["can_respond"], true);
    assert_eq!(seen["evidence"][0]["at_ms"], 4200);
    let notes = org.ana.call("notifications/list", &[]).await.ok().clone();
    assert!(notes[0]["text"].as_str().unwrap().contains("Casey"));

    // Submitted reviews are frozen for the coach.
    let frozen = org
        .casey
        .call_json(
            "reviews/save",
            json!({ "id": review, "ratings": ratings, "strengths": "x", "development": "y" }),
        )
        .await;
    assert_eq!(frozen.status, StatusCode::CONFLICT);

    // Ben cannot respond to Ana's review.
    org.ben
        .call(
            "reviews/dispute",
            &[
                ("id", &review.to_string()),
                ("reason", "Not my review at all"),
            ],
        )
        .await
        .refused();
    let short = org
        .ana
        .call(
            "reviews/dispute",
            &[("id", &review.to_string()), ("reason", "no")],
        )
        .await;
    assert!(short.invalid("reason").contains("at least 10"));
    org.ana
        .call(
            "reviews/dispute",
            &[
                ("id", &review.to_string()),
                ("reason", "The customer had already agreed the timescale."),
            ],
        )
        .await
        .ok();

    // The author cannot resolve their own review; Cory can.
    let own = org
        .casey
        .call_json(
            "reviews/resolve",
            json!({ "id": review, "outcome": "upheld", "note": "Fine", "ratings": [] }),
        )
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);
    org.cory
        .call_json(
            "reviews/resolve",
            json!({ "id": review, "outcome": "amended", "note": "Expectations were set well.", "ratings": [[ids[0], 5]] }),
        )
        .await
        .ok();

    // The leader sees the audit trail with before and after.
    let led = org
        .admin
        .call("reviews/get", &[("id", &review.to_string())])
        .await
        .ok()
        .clone();
    assert_eq!(led["status"], "resolved");
    let audit = led["audit"].as_array().unwrap();
    let amended = audit
        .iter()
        .find(|a| a["action"] == "amended")
        .unwrap_or_else(|| panic!("{audit:?}"));
    assert!(
        amended["before"].as_str().unwrap().contains(": 4"),
        "{amended}"
    );
    assert!(
        amended["after"].as_str().unwrap().contains(": 5"),
        "{amended}"
    );
    assert_eq!(amended["actor"], "Cory");
    // Agents do not see the audit log.
    let agent_view = org
        .ana
        .call("reviews/get", &[("id", &review.to_string())])
        .await
        .ok()
        .clone();
    assert!(agent_view["audit"].as_array().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coach_cannot_score_calls_of_teams_they_do_not_coach() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let call = one_call_for_ana(&org).await;
    org.tess
        .call("reviews/start", &[("call_id", &call)])
        .await
        .refused();
    org.tess.call("calls/get", &[("id", &call)]).await.refused();
    // An agent cannot score either, not even a teammate's call.
    org.ben
        .call("reviews/start", &[("call_id", &call)])
        .await
        .refused();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recordings_upload_with_their_type_checked_and_play_with_ranges_for_allowed_people_only() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let call = one_call_for_ana(&org).await;
    let url = format!("{}/media/calls/{call}/recording", server.base);
    // Three and a half minutes at 8 kHz: a realistic call, over 3 MB.
    let wav = app::domain::media::tone_wav(210.0, 8000, &[440.0, 660.0]);
    assert!(wav.len() > 3_000_000);

    // Not audio, whatever the name says.
    let pdf = org
        .casey
        .http
        .put(&url)
        .header("x-file-name", "call.wav")
        .body(b"%PDF-1.7 not audio at all".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(pdf.text().await.unwrap().contains("call.wav"));

    // An agent cannot upload, a coach of another team cannot see the call.
    let by_agent = org
        .ana
        .http
        .put(&url)
        .body(wav.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(by_agent.status(), StatusCode::FORBIDDEN);
    let by_tess = org
        .tess
        .http
        .put(&url)
        .body(wav.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(by_tess.status(), StatusCode::NOT_FOUND);

    let up = org
        .casey
        .http
        .put(&url)
        .header("x-file-name", "call.wav")
        .body(wav.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(up.status(), StatusCode::OK);
    // The calls list finds it among the calls with a recording, and only it.
    let recorded = calls(&org.casey, json!({ "recorded": true })).await;
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0]["id"].to_string(), call);
    let without = calls(&org.casey, json!({ "recorded": false })).await;
    assert!(without
        .iter()
        .all(|c| c["id"] != call.parse::<i64>().unwrap()));

    // The agent plays it, seeking with a range request.
    let part = org
        .ana
        .http
        .get(&url)
        .header("range", "bytes=100-199")
        // A browser accepts compression; the range must still be the bytes.
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(part.headers()["content-type"], "audio/wav");
    assert!(part.headers().get("content-encoding").is_none());
    assert_eq!(part.bytes().await.unwrap().as_ref(), &wav[100..200]);

    // Another agent, another organisation, and a visitor get nothing.
    assert_eq!(
        org.ben
            .get(&format!("/media/calls/{call}/recording"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let outsider = server.client();
    outsider.sign_up("Other", "Olga", "olga@example.com").await;
    assert_eq!(
        outsider
            .get(&format!("/media/calls/{call}/recording"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        server
            .client()
            .get(&format!("/media/calls/{call}/recording"))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agents_see_only_their_own_calls_and_reviews_and_organisations_nothing_of_each_other() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let call = one_call_for_ana(&org).await;
    let review = org
        .casey
        .call("reviews/start", &[("call_id", &call)])
        .await
        .ok()
        .as_i64()
        .unwrap()
        .to_string();
    org.ben.call("calls/get", &[("id", &call)]).await.refused();
    org.ben
        .call("reviews/get", &[("id", &review)])
        .await
        .refused();
    assert!(calls(&org.ben, json!({})).await.is_empty());
    // Filtering by another agent shows nothing either.
    assert!(calls(&org.ben, json!({ "agent_id": org.ana_id }))
        .await
        .is_empty());

    let outsider = server.client();
    outsider.sign_up("Other", "Olga", "olga@example.com").await;
    outsider.call("calls/get", &[("id", &call)]).await.refused();
    outsider
        .call("reviews/get", &[("id", &review)])
        .await
        .refused();
    outsider
        .call("reviews/start", &[("call_id", &call)])
        .await
        .refused();
    assert!(calls(&outsider, json!({})).await.is_empty());
    let their_fw = framework(&org.admin).await;
    outsider
        .call("frameworks/get", &[("id", &id(&their_fw))])
        .await
        .refused();
    outsider
        .call("frameworks/new_version", &[("from_id", &id(&their_fw))])
        .await
        .refused();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_published_framework_is_frozen_and_a_new_version_keeps_lineage_and_old_reviews() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let v1 = framework(&org.admin).await;
    let first = v1["clusters"][0]["behaviours"][0].clone();
    let edit = |framework_id: String, behaviour_id: String| {
        vec![
            ("framework_id".to_string(), framework_id),
            ("behaviour_id".to_string(), behaviour_id),
            ("cluster_id".to_string(), first["cluster_id"].to_string()),
            ("key".to_string(), "greeting_ownership".to_string()),
            (
                "name".to_string(),
                "Greeting, name and ownership".to_string(),
            ),
            (
                "definition".to_string(),
                "Opens warmly and owns the enquiry from the start.".to_string(),
            ),
            ("positive".to_string(), "Gives their name".to_string()),
            ("negative".to_string(), String::new()),
            ("weight".to_string(), "2".to_string()),
            ("critical".to_string(), "false".to_string()),
            ("anchors[0]".to_string(), "a".to_string()),
            ("anchors[1]".to_string(), "b".to_string()),
            ("anchors[2]".to_string(), "c".to_string()),
            ("anchors[3]".to_string(), "d".to_string()),
            ("anchors[4]".to_string(), "e".to_string()),
        ]
    };
    let post = |api: &Api, args: Vec<(String, String)>| {
        let req = api
            .http
            .post(format!("{}/api/frameworks/save_behaviour", api.base))
            .form(&args);
        async move { answer(req.send().await.unwrap()).await }
    };
    let frozen = post(&org.admin, edit(id(&v1), first["id"].to_string())).await;
    assert_eq!(frozen.status, StatusCode::CONFLICT, "{:?}", frozen.body);

    // A review scored on v1 keeps v1 after v2 is published.
    let call = one_call_for_ana(&org).await;
    let review = org
        .casey
        .call("reviews/start", &[("call_id", &call)])
        .await
        .ok()
        .as_i64()
        .unwrap()
        .to_string();

    // Only admins start versions.
    org.casey
        .call("frameworks/new_version", &[("from_id", &id(&v1))])
        .await
        .refused();
    let v2 = org
        .admin
        .call("frameworks/new_version", &[("from_id", &id(&v1))])
        .await
        .ok()
        .as_i64()
        .unwrap()
        .to_string();
    let draft = org
        .admin
        .call("frameworks/get", &[("id", &v2)])
        .await
        .ok()
        .clone();
    let draft_first = &draft["clusters"][0]["behaviours"][0];
    assert_eq!(draft_first["lineage"], first["lineage"]);
    let mut args = edit(v2.clone(), draft_first["id"].to_string());
    args[2].1 = draft_first["cluster_id"].to_string();
    post(&org.admin, args).await.ok();
    // Agents cannot read drafts.
    org.ana
        .call("frameworks/get", &[("id", &v2)])
        .await
        .refused();
    org.admin
        .call("frameworks/publish", &[("id", &v2)])
        .await
        .ok();
    let list = org.admin.call("frameworks/list", &[]).await.ok().clone();
    let statuses: Vec<(i64, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["version"].as_i64().unwrap(),
                f["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        vec![(2, "published".into()), (1, "retired".into())]
    );
    let kept = org
        .casey
        .call("reviews/get", &[("id", &review)])
        .await
        .ok()
        .clone();
    assert_eq!(kept["framework"]["version"], 1);
    assert_eq!(
        kept["framework"]["clusters"][0]["behaviours"][0]["name"],
        first["name"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clusters_are_added_and_renamed_only_in_a_draft() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let v1 = framework(&org.admin).await;
    let refused = org
        .admin
        .call(
            "frameworks/save_cluster",
            &[
                ("framework_id", &id(&v1)),
                ("name", "Extra"),
                ("description", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    let v2 = org
        .admin
        .call("frameworks/new_version", &[("from_id", &id(&v1))])
        .await
        .ok()
        .as_i64()
        .unwrap()
        .to_string();
    let twice = org
        .admin
        .call(
            "frameworks/save_cluster",
            &[
                ("framework_id", &v2),
                ("name", "connect"),
                ("description", ""),
            ],
        )
        .await;
    assert!(twice.invalid("name").contains("already a cluster"));
    org.admin
        .call(
            "frameworks/save_cluster",
            &[
                ("framework_id", &v2),
                ("name", "Follow-up"),
                ("description", "After the call."),
            ],
        )
        .await
        .ok();
    let draft = org
        .admin
        .call("frameworks/get", &[("id", &v2)])
        .await
        .ok()
        .clone();
    let names: Vec<&str> = draft["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.last(), Some(&"Follow-up"));
    // A cluster with no behaviours blocks publishing, with the reason.
    let publish = org.admin.call("frameworks/publish", &[("id", &v2)]).await;
    assert_eq!(publish.status, StatusCode::CONFLICT);
    assert!(publish.body.to_string().contains("Follow-up"));
    org.casey
        .call(
            "frameworks/save_cluster",
            &[("framework_id", &v2), ("name", "Mine"), ("description", "")],
        )
        .await
        .refused();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_larger_than_the_form_limit_is_still_checked() {
    // Regression: axum's 2 MB default body limit cut off large imports.
    let server = TestServer::start().await;
    let org = org(&server).await;
    let rows: Vec<String> = (0..30_000).map(|n| row("ana@example.com", n)).collect();
    let text = csv_of(&rows);
    assert!(text.len() > 2 * 1024 * 1024);
    let preview = import(&org.casey, &text, false).await;
    assert_eq!(preview.ok()["rows"], 30_000);
}

/// Every server function of the coach journey, called by another
/// organisation with forged ids and by an agent with a coach's or an admin's
/// ids: all refused, nothing changed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_review_server_function_refuses_other_organisations_and_wrong_roles() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let call = one_call_for_ana(&org).await;
    let review = org
        .casey
        .call("reviews/start", &[("call_id", &call)])
        .await
        .ok()
        .as_i64()
        .unwrap();
    let evidence = org
        .casey
        .call_json(
            "reviews/add_evidence",
            json!({ "id": review, "behaviour_id": null, "kind": "note", "at_ms": 1000, "cue_index": null, "note": "Kept" }),
        )
        .await
        .ok()
        .as_i64()
        .unwrap();
    let v1 = framework(&org.admin).await;
    let fw = id(&v1);
    let first = v1["clusters"][0]["behaviours"][0].clone();
    let draft = org
        .admin
        .call("frameworks/new_version", &[("from_id", &fw)])
        .await
        .ok()
        .as_i64()
        .unwrap()
        .to_string();
    let draft_view = org
        .admin
        .call("frameworks/get", &[("id", &draft)])
        .await
        .ok()
        .clone();
    let draft_behaviour = draft_view["clusters"][0]["behaviours"][0]["id"].to_string();
    let draft_cluster = draft_view["clusters"][0]["id"].to_string();
    let r = review.to_string();
    let ana_id = org.ana_id.to_string();

    let outsider = server.client();
    outsider.sign_up("Other", "Olga", "olga@example.com").await;
    for api in [&outsider, &org.ana] {
        for (endpoint, args) in [
            ("frameworks/new_version", vec![("from_id", fw.as_str())]),
            ("frameworks/publish", vec![("id", draft.as_str())]),
            ("frameworks/discard", vec![("id", draft.as_str())]),
            ("frameworks/get", vec![("id", draft.as_str())]),
            ("frameworks/show", vec![("id", draft.as_str())]),
            (
                "frameworks/delete_behaviour",
                vec![
                    ("framework_id", draft.as_str()),
                    ("behaviour_id", draft_behaviour.as_str()),
                ],
            ),
            (
                "frameworks/save_cluster",
                vec![
                    ("framework_id", draft.as_str()),
                    ("cluster_id", draft_cluster.as_str()),
                    ("name", "Taken over"),
                    ("description", ""),
                ],
            ),
            (
                "calls/set_transcript",
                vec![("call_id", call.as_str()), ("text", "Agent: hello")],
            ),
            ("reviews/start", vec![("call_id", call.as_str())]),
            ("reviews/get", vec![("id", r.as_str())]),
            ("reviews/submit", vec![("id", r.as_str())]),
            ("reviews/acknowledge", vec![("id", r.as_str())]),
            (
                "reviews/dispute",
                vec![("id", r.as_str()), ("reason", "Forged dispute reason")],
            ),
            (
                "reviews/remove_evidence",
                vec![("id", r.as_str()), ("evidence_id", &evidence.to_string())],
            ),
        ] {
            let answer = api.call(endpoint, &args).await;
            assert!(
                answer.status == StatusCode::FORBIDDEN || answer.status == StatusCode::NOT_FOUND,
                "{endpoint}: {} {}",
                answer.status,
                answer.body
            );
        }
        for (endpoint, args) in [
            (
                "reviews/save",
                json!({ "id": review, "ratings": [[first["id"], 1]], "strengths": "x", "development": "y" }),
            ),
            (
                "reviews/add_evidence",
                json!({ "id": review, "behaviour_id": null, "kind": "note", "at_ms": 0, "cue_index": null, "note": "Forged" }),
            ),
            (
                "reviews/resolve",
                json!({ "id": review, "outcome": "upheld", "note": "Forged", "ratings": [] }),
            ),
        ] {
            let answer = api.call_json(endpoint, args).await;
            assert!(
                answer.status == StatusCode::FORBIDDEN || answer.status == StatusCode::NOT_FOUND,
                "{endpoint}: {} {}",
                answer.status,
                answer.body
            );
        }
        // Adding a call for someone else's agent is refused by field.
        let create = api
            .call(
                "calls/create",
                &[
                    ("agent_id", ana_id.as_str()),
                    ("occurred_at", "2026-01-05 10:00"),
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
        assert!(create.status.is_client_error(), "{:?}", create.body);
    }

    // Nothing changed: the draft, its note, the framework draft and the calls.
    let kept = org
        .casey
        .call("reviews/get", &[("id", &r)])
        .await
        .ok()
        .clone();
    assert_eq!(kept["status"], "draft");
    assert!(kept["ratings"].as_array().unwrap().is_empty());
    let notes: Vec<&str> = kept["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["note"].as_str().unwrap())
        .collect();
    assert_eq!(notes, vec!["Kept"]);
    assert!(kept["call"]["transcript"].as_array().unwrap().is_empty());
    let still = org
        .admin
        .call("frameworks/get", &[("id", &draft)])
        .await
        .ok()
        .clone();
    assert_eq!(still["status"], "draft");
    assert_eq!(still, draft_view);
    assert_eq!(calls(&org.casey, json!({})).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_exact_scores_migration_corrects_a_score_stored_by_the_old_rounding() {
    use migrations::{Migrator, MigratorTrait};
    use sea_orm::{ConnectionTrait, Database};

    let server = TestServer::start().await;
    let org = org(&server).await;
    let review = casey_starts_a_review(&org).await;
    let ids = behaviour_ids(&framework(&org.casey).await);
    let ratings: Vec<(i64, i64)> = ids.iter().map(|b| (*b, 4)).collect();
    casey_submits(&org, review, &ratings).await;

    // A score as the float rounding stored it, then the migration again.
    let db = Database::connect(server.database_url.as_str())
        .await
        .unwrap();
    db.execute_unprepared(&format!(
        "UPDATE reviews SET score = 51.2, raw_score = 51.2 WHERE id = {review}"
    ))
    .await
    .unwrap();
    assert_eq!(stored_score(&org.ana, review).await, 51.2);
    db.execute_unprepared(
        "DELETE FROM seaql_migrations WHERE version = 'm20261126_000001_exact_review_scores'",
    )
    .await
    .unwrap();
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(stored_score(&org.ana, review).await, 80.0);
}

async fn stored_score(api: &Api, review: i64) -> Value {
    api.call("reviews/get", &[("id", &review.to_string())])
        .await
        .ok()["call"]["reviews"][0]["score"]
        .clone()
}

/// Issue 17.1: the import follows the form's rule. A Billing coach naming
/// Billing for an agent of Tech is refused, and nothing is stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_cannot_file_calls_under_a_team_the_agent_is_not_in() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let tech = world.team("Tech").await;
    let (_, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    world.member(tech, "agent", "Dev", "dev@example.com").await;
    let out = import(&casey, &csv_of(&[row("dev@example.com", 1)]), true).await;
    let body = out.ok();
    assert_eq!(body["committed"], false, "{body}");
    assert_eq!(body["problems"][0]["line"], 2, "{body}");
    assert_eq!(body["problems"][0]["column"], "team", "{body}");
    assert_eq!(
        body["problems"][0]["message"],
        "Dev is not an agent of \"Billing\"."
    );
    assert!(calls(&world.founder, json!({})).await.is_empty());
}

/// Issue 17.4: two requests starting the same review at once both open the
/// one draft; neither gets a 500 from the unique index.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_starts_of_one_review_open_the_same_draft() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let call = one_call_for_ana(&org).await;
    let args = [("call_id", call.as_str())];
    let start = || org.casey.call("reviews/start", &args);
    let (a, b, c, d) = tokio::join!(start(), start(), start(), start());
    let ids: Vec<i64> = [a, b, c, d]
        .iter()
        .map(|x| x.ok().as_i64().unwrap())
        .collect();
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
}

/// Issue 17.13: the role rules themselves decide on submitted and disputed
/// reviews (a draft is hidden from everyone but its author, so it proves
/// nothing about roles).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_decide_who_acts_on_submitted_and_disputed_reviews() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = behaviour_ids(&framework(&org.admin).await);
    let review = casey_starts_a_review(&org).await;
    let ratings: Vec<(i64, i64)> = ids.iter().map(|b| (*b, 3)).collect();
    casey_submits(&org, review, &ratings).await;
    let r = review.to_string();

    // Submitted: another agent of the team and another team's coach do not
    // see it at all. The agent is told it does not exist; the coach, whose
    // role never answers a review, is refused before it is looked up.
    for (api, answering) in [
        (&org.ben, StatusCode::NOT_FOUND),
        (&org.tess, StatusCode::FORBIDDEN),
    ] {
        assert_eq!(
            api.call("reviews/get", &[("id", &r)]).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            api.call("reviews/acknowledge", &[("id", &r)]).await.status,
            answering
        );
        assert_eq!(
            api.call(
                "reviews/dispute",
                &[("id", &r), ("reason", "Not mine to dispute")]
            )
            .await
            .status,
            answering
        );
    }
    for (endpoint, args) in [
        ("reviews/acknowledge", vec![("id", r.as_str())]),
        (
            "reviews/dispute",
            vec![("id", r.as_str()), ("reason", "The coach disputes")],
        ),
    ] {
        let answer = org.casey.call(endpoint, &args).await;
        assert_eq!(
            answer.status,
            StatusCode::FORBIDDEN,
            "{endpoint}: {}",
            answer.body
        );
    }
    // Nobody resolves a review that is not disputed.
    let early = org
        .admin
        .call_json(
            "reviews/resolve",
            json!({ "id": review, "outcome": "upheld", "note": "Too early", "ratings": [] }),
        )
        .await;
    assert_eq!(early.status, StatusCode::CONFLICT, "{}", early.body);

    // Disputed by Ana: the coach who scored it may not judge it, nor may
    // another team's coach or another agent; the leader may.
    org.ana
        .call(
            "reviews/dispute",
            &[("id", &r), ("reason", "I did summarise at the end.")],
        )
        .await
        .ok();
    let resolve = |note: &'static str| json!({ "id": review, "outcome": "upheld", "note": note, "ratings": [] });
    let own = org
        .casey
        .call_json("reviews/resolve", resolve("Judging my own"))
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN, "{}", own.body);
    // Another team's coach does not see it; an agent's role never resolves.
    for (api, status) in [
        (&org.tess, StatusCode::NOT_FOUND),
        (&org.ben, StatusCode::FORBIDDEN),
    ] {
        let answer = api
            .call_json("reviews/resolve", resolve("Not my team"))
            .await;
        assert_eq!(answer.status, status, "{}", answer.body);
    }
    let by_agent = org
        .ana
        .call_json("reviews/resolve", resolve("My own dispute"))
        .await;
    assert_eq!(by_agent.status, StatusCode::FORBIDDEN, "{}", by_agent.body);
    let still = org
        .ana
        .call("reviews/get", &[("id", &r)])
        .await
        .ok()
        .clone();
    assert_eq!(still["status"], "disputed");
    org.admin
        .call_json(
            "reviews/resolve",
            resolve("The summary was there; the score stands."),
        )
        .await
        .ok();
    let done = org
        .ana
        .call("reviews/get", &[("id", &r)])
        .await
        .ok()
        .clone();
    assert_eq!(done["status"], "resolved");
    assert_eq!(done["resolution"], "upheld");
}

/// Issue 17.15: the everyday path over HTTP. The coach's queue moves on;
/// Missed and N/A travel as ratings and score as PRODUCT.md §2 says; the
/// agent marks the notification read and acknowledges; a Missed critical
/// behaviour makes a critical fail.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_review_goes_from_the_queue_to_an_acknowledgement_and_a_critical_miss_fails_it() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let fw = framework(&org.admin).await;
    let behaviours: Vec<Value> = fw["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["behaviours"].as_array().unwrap().clone())
        .collect();
    let ordinary: Vec<&Value> = behaviours
        .iter()
        .filter(|b| b["critical"] == false)
        .collect();
    let critical = behaviours.iter().find(|b| b["critical"] == true).unwrap();
    let (missed, na) = (
        ordinary[0]["id"].as_i64().unwrap(),
        ordinary[1]["id"].as_i64().unwrap(),
    );

    let call = one_call_for_ana(&org).await;
    let queue = org.casey.call("reviews/queue", &[]).await.ok().clone();
    assert_eq!(queue["unreviewed"].as_array().unwrap().len(), 1);
    let review = org
        .casey
        .call("reviews/start", &[("call_id", &call)])
        .await
        .ok()
        .as_i64()
        .unwrap();
    let queue = org.casey.call("reviews/queue", &[]).await.ok().clone();
    assert_eq!(queue["drafts"][0]["id"], review);

    // Missed on one behaviour, N/A on another, 4 everywhere else.
    let level = |id: i64| {
        if id == missed {
            0
        } else if id == na {
            -1
        } else {
            4
        }
    };
    let ratings: Vec<(i64, i64)> = behaviours
        .iter()
        .map(|b| b["id"].as_i64().unwrap())
        .map(|id| (id, level(id)))
        .collect();
    casey_submits(&org, review, &ratings).await;
    let r = review.to_string();
    // Σ w·level / (5 Σ w) × 100 over behaviours not N/A, to one decimal,
    // half away from zero, in integers.
    let (mut wl, mut w) = (0i64, 0i64);
    for b in &behaviours {
        let id = b["id"].as_i64().unwrap();
        if id != na {
            let weight = b["weight"].as_i64().unwrap();
            wl += weight * level(id);
            w += weight;
        }
    }
    let expected = ((400 * wl + w) / (2 * w)) as f64 / 10.0;
    let queue = org.casey.call("reviews/queue", &[]).await.ok().clone();
    assert!(queue["drafts"].as_array().unwrap().is_empty());
    assert!(queue["unreviewed"].as_array().unwrap().is_empty());
    // Ana's own list has it with its score.
    let hers = org.ana.call("reviews/queue", &[]).await.ok().clone();
    let mine = &hers["mine"][0];
    assert_eq!(mine["id"], review);
    assert_eq!(mine["critical_fail"], false);
    assert_eq!(mine["score"].as_f64(), Some(expected));
    let seen = org
        .ana
        .call("reviews/get", &[("id", &r)])
        .await
        .ok()
        .clone();
    let stored: Vec<(i64, i64)> = seen["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_i64().unwrap(), p[1].as_i64().unwrap()))
        .collect();
    assert!(
        stored.contains(&(missed, 0)) && stored.contains(&(na, -1)),
        "{stored:?}"
    );

    // Ana reads the notification and acknowledges the review.
    let notes = org.ana.call("notifications/list", &[]).await.ok().clone();
    let note = notes
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["link"] == format!("/reviews/{review}"))
        .unwrap()
        .clone();
    assert_eq!(note["read"], false);
    org.ana
        .call("notifications/read", &[("id", &id(&note))])
        .await
        .ok();
    let notes = org.ana.call("notifications/list", &[]).await.ok().clone();
    let note = notes
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["link"] == format!("/reviews/{review}"))
        .unwrap()
        .clone();
    assert_eq!(note["read"], true);
    org.ana
        .call("reviews/acknowledge", &[("id", &r)])
        .await
        .ok();
    let seen = org
        .ana
        .call("reviews/get", &[("id", &r)])
        .await
        .ok()
        .clone();
    assert_eq!(seen["status"], "acknowledged");
    assert!(seen["acknowledged_on"].is_string());

    // A second call: a critical behaviour Missed, 5 everywhere else.
    let out = import(&org.casey, &csv_of(&[row("ana@example.com", 2)]), true).await;
    assert_eq!(out.ok()["rows"], 1);
    let fresh = org.casey.call("reviews/queue", &[]).await.ok().clone();
    let second = id(&fresh["unreviewed"][0]);
    let review2 = org
        .casey
        .call("reviews/start", &[("call_id", &second)])
        .await
        .ok()
        .as_i64()
        .unwrap();
    let crit = critical["id"].as_i64().unwrap();
    let ratings: Vec<(i64, i64)> = behaviours
        .iter()
        .map(|b| b["id"].as_i64().unwrap())
        .map(|id| (id, if id == crit { 0 } else { 5 }))
        .collect();
    casey_submits(&org, review2, &ratings).await;
    let hers = org.ana.call("reviews/queue", &[]).await.ok().clone();
    let failed = hers["mine"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == review2)
        .unwrap()
        .clone();
    assert_eq!(failed["critical_fail"], true);
    assert_eq!(failed["score"].as_f64(), Some(0.0));
}

/// Issue 17.15: a transcript is set and read back as cues, a bad one changes
/// nothing, and tallies pinned while listening reach the agent's review.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coach_sets_a_transcript_and_tallies_behaviours_that_the_agent_then_sees() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = behaviour_ids(&framework(&org.admin).await);
    let call = one_call_for_ana(&org).await;
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Agent>Hello, Billing, Casey speaking.\n\n00:00:05.500 --> 00:00:09.000\n<v Customer>I was charged twice this month.\n";
    let cues = org
        .casey
        .call("calls/set_transcript", &[("call_id", &call), ("text", vtt)])
        .await;
    assert_eq!(cues.ok(), &json!(2));
    let broken = org
        .casey
        .call(
            "calls/set_transcript",
            &[
                ("call_id", &call),
                ("text", "WEBVTT\n\n00:00:99.000 --> later\nHello\n"),
            ],
        )
        .await;
    broken.invalid("transcript");
    let seen = org
        .ana
        .call("calls/get", &[("id", &call)])
        .await
        .ok()
        .clone();
    let transcript = seen["transcript"].as_array().unwrap();
    assert_eq!(transcript.len(), 2, "{seen}");
    assert_eq!(transcript[1]["start_ms"], 5500);
    assert_eq!(transcript[1]["speaker"], "Customer");
    assert_eq!(transcript[1]["text"], "I was charged twice this month.");

    let review = org
        .casey
        .call("reviews/start", &[("call_id", &call)])
        .await
        .ok()
        .as_i64()
        .unwrap();
    let tally = |behaviour: Option<i64>, at_ms: i64| {
        org.casey.call_json(
            "reviews/add_evidence",
            json!({ "id": review, "behaviour_id": behaviour, "kind": "tally", "at_ms": at_ms, "cue_index": null, "note": "" }),
        )
    };
    tally(Some(ids[2]), 6_000).await.ok();
    tally(Some(ids[2]), 8_250).await.ok();
    tally(None, 9_000).await.invalid("behaviour_id");
    org.casey
        .call_json(
            "reviews/add_evidence",
            json!({ "id": review, "behaviour_id": ids[0], "kind": "note", "at_ms": 1000, "cue_index": 0, "note": "Names himself and the team." }),
        )
        .await
        .ok();
    let ratings: Vec<(i64, i64)> = ids.iter().map(|b| (*b, 4)).collect();
    casey_submits(&org, review, &ratings).await;

    let read = org
        .ana
        .call("reviews/get", &[("id", &review.to_string())])
        .await
        .ok()
        .clone();
    let evidence = read["evidence"].as_array().unwrap();
    let tallies: Vec<(i64, i64)> = evidence
        .iter()
        .filter(|e| e["kind"] == "tally")
        .map(|e| {
            (
                e["behaviour_id"].as_i64().unwrap(),
                e["at_ms"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(tallies, vec![(ids[2], 6_000), (ids[2], 8_250)]);
    let note = evidence.iter().find(|e| e["kind"] == "note").unwrap();
    assert_eq!(note["cue_index"], 0);
    assert_eq!(note["note"], "Names himself and the team.");
}

/// Issue 17.15: a recording over the size limit is refused with 413 and a
/// message naming the file and the limit, and the call keeps no recording.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_recording_is_refused_with_413_and_changes_nothing() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let call = one_call_for_ana(&org).await;
    let url = format!("{}/media/calls/{call}/recording", server.base);
    // Just over, the upload handler refuses it.
    let limit = app::domain::media::MAX_RECORDING_BYTES as usize;
    let mut wav = app::domain::media::tone_wav(2.0, 8000, &[440.0]);
    wav.resize(limit + 1, 0);
    let up = org
        .casey
        .http
        .put(&url)
        .header("x-file-name", "long-call.wav")
        .body(wav)
        .send()
        .await
        .unwrap();
    assert_eq!(up.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let message = up.text().await.unwrap();
    assert!(
        message.contains(r#"\"long-call.wav\" is 50.1 MB"#) && message.contains("at most 50 MB"),
        "{message}"
    );
    // Far over, the request limit answers from the declared length before
    // reading any of the body, so only the head is sent: a client still
    // writing would find the connection closed under it.
    let head = raw_put_head(
        &server,
        &format!("/media/calls/{call}/recording"),
        limit * 2,
    )
    .await;
    assert!(head.starts_with("HTTP/1.1 413"), "{head}");
    assert!(head.contains(r#"\"long-call.wav\" is 100.0 MB"#), "{head}");
    let detail = org
        .ana
        .call("calls/get", &[("id", &call)])
        .await
        .ok()
        .clone();
    assert_eq!(detail["recording"], Value::Null, "{detail}");
    assert_eq!(
        org.ana
            .get(&format!("/media/calls/{call}/recording"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

/// Sends only the head of a PUT declaring `length` bytes and returns the
/// server's whole answer as text.
async fn raw_put_head(server: &TestServer, path: &str, length: usize) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let url = reqwest::Url::parse(&server.base).unwrap();
    let mut stream = tokio::net::TcpStream::connect(url.socket_addrs(|| None).unwrap()[0])
        .await
        .unwrap();
    let head = format!(
        "PUT {path} HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\nx-file-name: long-call.wav\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n",
        url.authority(),
        server.base
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut out = vec![];
    stream.read_to_end(&mut out).await.unwrap();
    String::from_utf8_lossy(&out).into_owned()
}

/// Issue 13.5: the calls list downloads whole as CSV with the page's
/// filters; a reference a spreadsheet would run comes out as text; each
/// person gets only the calls they may see.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calls_list_downloads_as_csv_with_its_filters() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let mut rows: Vec<String> = (0..60).map(|n| row("ana@example.com", n)).collect();
    rows.push(
        "ben@example.com,Billing,2026-03-05 10:00,email,120,2,3,no,,3600,no,yes,refund,2026-03-08,=HYPERLINK(1)"
            .into(),
    );
    import(&org.casey, &csv_of(&rows), true).await.ok();

    // All 61 calls, not one page of 50.
    let all = org.casey.get("/export/calls.csv").await;
    assert_eq!(all.status(), StatusCode::OK);
    assert_eq!(all.headers()["content-type"], "text/csv; charset=utf-8");
    let text = all.text().await.unwrap();
    assert!(
        text.starts_with("Occurred (UTC),Agent,Team,Channel,"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 62);
    // The filters of the page narrow it; the formula is neutralised.
    let complaints = org
        .casey
        .get("/export/calls.csv?complaint=yes&channel=email&from=2026-03-01&to=2026-03-31")
        .await;
    assert!(complaints.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("rapport-calls-2026-03-01-to-2026-03-31.csv"));
    let text = complaints.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[1].starts_with("2026-03-05 10:00,Ben,Billing,email,120,2,3,no,,3600,no,yes,refund,2026-03-08,'=HYPERLINK(1),no,no,"), "{}", lines[1]);
    // An agent gets their own calls only; another team's coach nothing.
    let ben = org.ben.get("/export/calls.csv").await.text().await.unwrap();
    assert_eq!(ben.lines().count(), 2);
    let tess = org
        .tess
        .get("/export/calls.csv")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(tess.lines().count(), 1);
    // A bad date says where.
    let bad = org.casey.get("/export/calls.csv?from=2026-13-01").await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("2026-13-01"));
}
