//! The complaint register over HTTP: who sees which complaint, the
//! procedure's moves and refusals, imports that open entries all or
//! nothing, material checked like recordings, reminders, figures and
//! service ideas.

use crate::common::*;
use app::types::{ComplaintKpis, ComplaintList, ComplaintReminders, ComplaintView, IdeaList};
use reqwest::StatusCode;
use serde_json::{json, Value};

const HEADER: &str = "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference\n";

struct Org {
    dana: Api,
    casey: Api,
    tess: Api,
    ana: Api,
    ben: Api,
    casey_id: i64,
    ana_id: i64,
}

/// Billing (coach Casey, agents Ana and Ben) and Tech (coach Tess, agent
/// Tom); Dana founded it (admin and leader). The import brings one
/// complaint call for each agent and one ordinary call.
async fn org(server: &TestServer) -> Org {
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let tech = world.team("Tech").await;
    let (casey_p, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
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
    world.member(tech, "agent", "Tom", "tom@example.com").await;
    let csv = format!(
        "{HEADER}ana@example.com,Billing,2026-11-02 10:00,phone,300,2,3,yes,5,20,no,yes,refund,2026-11-09,A-1\n\
         ben@example.com,Billing,2026-11-03 10:00,phone,300,2,3,yes,5,20,no,yes,,,B-1\n\
         tom@example.com,Tech,2026-11-04 10:00,chat,300,1,2,no,,20,no,yes,,,T-1\n\
         ana@example.com,Billing,2026-11-05 10:00,phone,300,5,10,yes,5,20,no,no,,,A-2\n"
    );
    let dana = world.founder;
    dana.call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await
        .ok();
    Org {
        dana,
        casey,
        tess,
        ana,
        ben,
        casey_id: casey_p.id,
        ana_id: ana_p.id,
    }
}

async fn register(api: &Api, query: Value) -> ComplaintList {
    api.call_json("complaints/list", json!({ "query": query }))
        .await
        .typed()
}

async fn view(api: &Api, id: i32) -> ComplaintView {
    api.call("complaints/get", &[("id", &id.to_string())])
        .await
        .typed()
}

fn step(kind: &str) -> Value {
    json!({ "step": kind, "said": "", "category": null, "rectification": null, "amount": "", "accepted": null, "follow_up_on": "", "satisfied": null, "note": "" })
}

async fn take(api: &Api, id: i32, step: Value) -> Answer {
    api.call_json("complaints/step", json!({ "id": id, "step": step }))
        .await
}

#[tokio::test]
async fn imported_complaints_open_entries_seen_by_their_agent_coach_and_leader_only() {
    let server = TestServer::start().await;
    let o = org(&server).await;
    let all = register(&o.dana, json!({})).await;
    assert_eq!(all.rows.len(), 3, "one entry per complaint call");
    // The refund with a follow-up date is at its follow-up.
    let anas = all.rows.iter().find(|r| r.customer == "A-1").unwrap();
    assert_eq!(anas.status.key(), "follow_up_due");
    assert_eq!(anas.owner, "Casey", "the team's coach owns it");
    let ana = register(&o.ana, json!({})).await;
    assert_eq!(
        ana.rows
            .iter()
            .map(|r| r.customer.as_str())
            .collect::<Vec<_>>(),
        ["A-1"]
    );
    let casey = register(&o.casey, json!({})).await;
    assert_eq!(casey.rows.len(), 2, "Billing's two");
    let tess = register(&o.tess, json!({})).await;
    assert_eq!(tess.rows.len(), 1);
    // Ben cannot open Ana's complaint; another organisation sees nothing.
    o.ben
        .call("complaints/get", &[("id", &anas.id.to_string())])
        .await
        .refused();
    let other = server
        .world_named("Other Co", "Olga", "olga@other.example")
        .await;
    let answer = other
        .founder
        .call("complaints/get", &[("id", &anas.id.to_string())])
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(register(&other.founder, json!({})).await.rows.is_empty());
    // The register's filters.
    let overdue = register(&o.dana, json!({ "overdue": true })).await;
    assert!(overdue.rows.iter().all(|r| r.overdue));
    let refunds = register(&o.dana, json!({ "rectification": "Refund" })).await;
    assert_eq!(refunds.rows.len(), 1);
    // The CSV holds the same selection.
    let csv = o
        .casey
        .get("/export/complaints.csv")
        .await
        .text()
        .await
        .unwrap();
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), 3, "header and Billing's two: {csv}");
}

#[tokio::test]
async fn a_bad_row_imports_no_calls_and_opens_no_complaints() {
    let server = TestServer::start().await;
    let o = org(&server).await;
    let csv = format!(
        "{HEADER}ana@example.com,Billing,2026-11-10 10:00,phone,300,2,3,yes,5,20,no,yes,refund,,A-9\n\
         ana@example.com,Billing,2026-11-11 10:00,phone,300,9,3,yes,5,20,no,yes,,,A-10\n"
    );
    let out = o
        .dana
        .call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await
        .ok()
        .clone();
    assert_eq!(out["committed"], false, "{out}");
    assert_eq!(register(&o.dana, json!({})).await.rows.len(), 3);
}

#[tokio::test]
async fn the_procedure_moves_step_by_step_and_refuses_what_is_out_of_order() {
    let server = TestServer::start().await;
    let o = org(&server).await;
    let bens = register(&o.casey, json!({})).await;
    let id = bens.rows.iter().find(|r| r.customer == "B-1").unwrap().id;
    let before = view(&o.casey, id).await;
    assert_eq!(before.status.key(), "received");
    // Out of order: refused with why, nothing changes.
    let refused = take(&o.casey, id, step("close")).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(
        refused.body.to_string().contains("Next it can be recorded"),
        "{}",
        refused.body
    );
    assert_eq!(view(&o.casey, id).await, before);
    // An agent reads but does not handle; another team's coach does neither.
    assert_eq!(
        take(&o.ben, id, step("record")).await.status,
        StatusCode::FORBIDDEN
    );
    take(&o.tess, id, step("record")).await.refused();
    // Record needs what was said.
    take(&o.casey, id, step("record")).await.invalid("said");
    let mut record = step("record");
    record["said"] = json!("Charged twice for October.");
    record["category"] = json!("billing");
    take(&o.casey, id, record).await.ok();
    // A refund needs a real amount.
    let mut offer = step("offer_rectification");
    offer["rectification"] = json!("Refund");
    offer["amount"] = json!("12.345");
    assert!(take(&o.casey, id, offer.clone())
        .await
        .invalid("amount")
        .contains("12.345"));
    offer["amount"] = json!("19.99");
    offer["accepted"] = json!(true);
    take(&o.casey, id, offer).await.ok();
    let today = chrono::Utc::now().date_naive();
    let mut follow = step("arrange_follow_up");
    follow["follow_up_on"] = json!(today.to_string());
    take(&o.casey, id, follow).await.ok();
    // The owner sees it on their home, and is told once that it is due.
    let reminders: ComplaintReminders = o.casey.call("complaints/reminders", &[]).await.typed();
    assert!(reminders.rows.iter().any(|r| r.id == id));
    o.casey.call("complaints/reminders", &[]).await.ok();
    let notes = o.casey.call("notifications/list", &[]).await.ok().clone();
    let due: Vec<&Value> = notes
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["text"].as_str().unwrap().contains("B-1 is due today"))
        .collect();
    assert_eq!(due.len(), 1, "{notes}");
    // Closing needs the customer's answer.
    take(&o.casey, id, step("close")).await.invalid("satisfied");
    let mut close = step("close");
    close["satisfied"] = json!(true);
    take(&o.casey, id, close).await.ok();
    // Reopening needs a reason, and tells the owner when someone else does it.
    take(&o.dana, id, step("reopen")).await.invalid("note");
    let mut reopen = step("reopen");
    reopen["note"] = json!("The second charge is back.");
    take(&o.dana, id, reopen).await.ok();
    let after = view(&o.casey, id).await;
    assert_eq!(after.status.key(), "recorded");
    assert_eq!(after.reopened, 1);
    let events: Vec<&str> = after.steps.iter().map(|s| s.event.key()).collect();
    assert_eq!(
        events,
        [
            "opened",
            "recorded",
            "rectification offered",
            "follow-up arranged",
            "closed",
            "reopened"
        ]
    );
    let notes = o
        .casey
        .call("notifications/list", &[])
        .await
        .ok()
        .to_string();
    assert!(notes.contains("reopened the complaint from B-1"), "{notes}");
    // The KPI figures read the register.
    let kpis: ComplaintKpis = o
        .dana
        .call_json(
            "kpi/complaints",
            json!({ "query": { "team_id": null, "agent_id": null, "channel": null, "from": (today - chrono::Duration::days(30)).to_string(), "to": today.to_string(), "grouping": "Week", "short_abandon_seconds": null } }),
        )
        .await
        .typed();
    assert_eq!(kpis.total.count, 3);
    // Ben's on time; Ana's imported follow-up date passed without one.
    assert_eq!(
        (kpis.total.follow_ups_on_time, kpis.total.follow_ups_due),
        (1, 2)
    );
    assert_eq!((kpis.total.reopened, kpis.total.ever_closed), (1, 1));
}

#[tokio::test]
async fn complaints_logged_directly_and_from_calls_follow_the_rules() {
    let server = TestServer::start().await;
    let o = org(&server).await;
    let new = |call: Value, extra: Value| {
        let mut c = json!({ "call_id": call, "team_id": null, "agent_id": null, "source": null, "public": false, "customer": "", "category": null, "said": "", "owner_id": null, "due_on": "", "material_link": "" });
        for (k, v) in extra.as_object().unwrap() {
            c[k] = v.clone();
        }
        json!({ "complaint": c })
    };
    // A call from the form can be opened as a complaint once.
    let calls = o
        .dana
        .call_json("calls/list", json!({ "filter": { "agent_id": o.ana_id } }))
        .await
        .ok()
        .clone();
    let plain = calls["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["complaint"] == false)
        .map(|r| r["id"].clone())
        .unwrap();
    let id = o
        .casey
        .call_json("complaints/log", new(plain.clone(), json!({})))
        .await
        .ok()
        .as_i64()
        .unwrap();
    assert_eq!(
        o.casey
            .call_json("complaints/log", new(plain, json!({})))
            .await
            .status,
        StatusCode::CONFLICT
    );
    assert_eq!(view(&o.casey, id as i32).await.source.key(), "call");
    // Logged directly: how it came in is required, and never "call".
    o.ana
        .call_json("complaints/log", new(Value::Null, json!({})))
        .await
        .invalid("source");
    o.ana
        .call_json(
            "complaints/log",
            new(Value::Null, json!({ "source": "call" })),
        )
        .await
        .invalid("source");
    // An agent logs for themself; a public post with a bad link is refused.
    let form: Value = o.ana.call("complaints/form", &[]).await.ok().clone();
    let team = form["teams"][0]["id"].clone();
    o.ana
        .call_json(
            "complaints/log",
            new(Value::Null, json!({ "source": "social", "team_id": team, "public": true, "material_link": "javascript:alert(1)" })),
        )
        .await
        .invalid("material_link");
    let posted = o
        .ana
        .call_json(
            "complaints/log",
            new(Value::Null, json!({ "source": "social", "team_id": team, "public": true, "customer": "@kim", "said": "Two weeks and no refund.", "category": "billing", "material_link": "https://social.example/p/9" })),
        )
        .await
        .ok()
        .as_i64()
        .unwrap() as i32;
    let v = view(&o.ana, posted).await;
    assert_eq!(v.status.key(), "recorded", "logged with what was said");
    assert_eq!(v.agent.as_deref(), Some("Ana"));
    assert_eq!(v.owner_id as i64, o.casey_id);
    // The owner must be someone who may handle it.
    o.dana
        .call_json(
            "complaints/log",
            new(
                Value::Null,
                json!({ "source": "letter", "team_id": team, "owner_id": o.ana_id }),
            ),
        )
        .await
        .invalid("owner_id");
}

#[tokio::test]
async fn material_is_checked_like_recordings_and_served_only_to_those_who_see_the_complaint() {
    let server = TestServer::start().await;
    let o = org(&server).await;
    let id = register(&o.casey, json!({})).await.rows[0].id;
    let url = |api: &Api| format!("{}/media/complaints/{id}/material", api.base);
    let put = |api: &Api, body: Vec<u8>, name: &str| {
        api.http
            .put(url(api))
            .header("x-file-name", name)
            .body(body)
            .send()
    };
    let html = put(
        &o.casey,
        b"<html><script>alert(1)</script>".to_vec(),
        "letter.pdf",
    )
    .await
    .unwrap();
    assert_eq!(html.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(html.text().await.unwrap().contains("letter.pdf"));
    let big = put(&o.casey, vec![b'%'; 11 * 1024 * 1024], "huge.pdf")
        .await
        .unwrap();
    assert_eq!(big.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // An agent may not attach; the coach may.
    let by_agent = put(&o.ben, b"%PDF-1.4\n".to_vec(), "a.pdf").await.unwrap();
    assert!(
        by_agent.status() == StatusCode::FORBIDDEN || by_agent.status() == StatusCode::NOT_FOUND
    );
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
    let ok = put(&o.casey, pdf.clone(), "letter.pdf").await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let got = o
        .casey
        .get(&format!("/media/complaints/{id}/material"))
        .await;
    assert_eq!(got.status(), StatusCode::OK);
    assert!(got.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert_eq!(got.bytes().await.unwrap().to_vec(), pdf);
    let tess = o
        .tess
        .get(&format!("/media/complaints/{id}/material"))
        .await;
    assert_eq!(tess.status(), StatusCode::NOT_FOUND);
    let v = view(&o.casey, id).await;
    assert_eq!(v.attachment.unwrap().name, "letter.pdf");
}

async fn decide(api: &Api, id: i64, next: &str, reason: &str) -> Answer {
    api.call(
        "ideas/decide",
        &[("id", &id.to_string()), ("next", next), ("reason", reason)],
    )
    .await
}

#[tokio::test]
async fn ideas_move_through_their_lifecycle_and_count_once_in_practice() {
    let server = TestServer::start().await;
    let o = org(&server).await;
    let idea = o
        .ben
        .call_json(
            "ideas/log",
            json!({ "idea": { "title": "Text when the engineer is close", "detail": "", "involves": "Scheduling", "complaint_id": null } }),
        )
        .await
        .ok()
        .as_i64()
        .unwrap();
    assert_eq!(
        decide(&o.casey, idea, "agreed", "").await.status,
        StatusCode::FORBIDDEN
    );
    let skipped = decide(&o.dana, idea, "in_practice", "").await;
    assert_eq!(skipped.status, StatusCode::CONFLICT);
    decide(&o.dana, idea, "agreed", "").await.ok();
    decide(&o.dana, idea, "in_practice", "").await.ok();
    assert_eq!(
        decide(&o.dana, idea, "declined", "Too late").await.status,
        StatusCode::CONFLICT
    );
    let list: IdeaList = o.ana.call("ideas/list", &[]).await.typed();
    assert_eq!(list.rows[0].status.key(), "in_practice");
    assert!(list.rows[0].next.is_empty(), "an agent decides nothing");
    let notes = o.ben.call("notifications/list", &[]).await.ok().to_string();
    assert!(notes.contains("as in practice"), "{notes}");
    // A decline needs a reason.
    let other = o
        .ana
        .call_json(
            "ideas/log",
            json!({ "idea": { "title": "Free delivery", "detail": "", "involves": "", "complaint_id": null } }),
        )
        .await
        .ok()
        .as_i64()
        .unwrap();
    o.dana
        .call(
            "ideas/decide",
            &[
                ("id", &other.to_string()),
                ("next", "declined"),
                ("reason", " "),
            ],
        )
        .await
        .invalid("reason");
    let today = chrono::Utc::now().date_naive();
    let kpis: ComplaintKpis = o
        .casey
        .call_json(
            "kpi/complaints",
            json!({ "query": { "team_id": null, "agent_id": null, "channel": null, "from": (today - chrono::Duration::days(7)).to_string(), "to": today.to_string(), "grouping": "Week", "short_abandon_seconds": null } }),
        )
        .await
        .typed();
    assert_eq!(kpis.ideas_in_practice, 1);
    let csv = o.dana.get("/export/ideas.csv").await.text().await.unwrap();
    assert_eq!(csv_rows(&csv).len(), 3, "{csv}");
}

/// Calls flagged as complaints before the register existed get entries at
/// the step their call data shows when the migration runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_migration_opens_entries_for_complaints_already_recorded_on_calls() {
    use migrations::{Migrator, MigratorTrait};
    use sea_orm::{ConnectionTrait, Database};

    let server = TestServer::start().await;
    let o = org(&server).await;
    let db = Database::connect(server.database_url.as_str())
        .await
        .unwrap();
    for sql in [
        "DROP TABLE ideas",
        "DROP TABLE complaint_steps",
        "DROP TABLE complaints",
        "DELETE FROM seaql_migrations WHERE version = 'm20261205_000001_complaints'",
    ] {
        db.execute_unprepared(sql).await.unwrap();
    }
    Migrator::up(&db, None).await.unwrap();
    let all = register(&o.dana, json!({})).await;
    let mut found: Vec<(String, &str)> = all
        .rows
        .iter()
        .map(|r| (r.team.clone(), r.status.key()))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("Billing".to_string(), "follow_up_due"),
            ("Billing".to_string(), "received"),
            ("Tech".to_string(), "received"),
        ]
    );
    let anas = register(&o.ana, json!({})).await;
    assert_eq!(anas.rows.len(), 1, "still Ana's own only");
}
