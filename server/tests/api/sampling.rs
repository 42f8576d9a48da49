//! Sampling over HTTP: a leader draws N unreviewed calls per agent from a
//! kept seed, coaches find them in their queues, scoring moves the sample's
//! progress, and a leader reassigns.

use crate::common::*;
use app::types::{ReviewQueue, SamplePreview, SampleView};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

struct Org {
    lee: Api,
    casey: Api,
    cleo: Api,
    tess: Api,
    ana_id: i64,
    casey_id: i64,
    cleo_id: i64,
    tess_id: i64,
    billing: i64,
    /// Ana's call that Casey scored before any sampling.
    scored: i64,
    behaviours: Vec<i64>,
}

/// Billing (coaches Casey and Cleo, agents Ana and Ben) and Tech (coach
/// Tess, agent Tom); Lee leads. Each agent has 10 calls in November and one
/// in October; one more of Ana's November calls is already scored.
async fn org(server: &TestServer) -> Org {
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let tech = world.team("Tech").await;
    let (casey_p, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    let (cleo_p, cleo) = world
        .member(billing, "coach", "Cleo", "cleo@example.com")
        .await;
    let (tess_p, tess) = world
        .member(tech, "coach", "Tess", "tess@example.com")
        .await;
    let (ana_p, _) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    world
        .member(billing, "agent", "Ben", "ben@example.com")
        .await;
    world.member(tech, "agent", "Tom", "tom@example.com").await;
    world.person("Lee", "lee@example.com", "leader").await;
    let lee = server.signed_in("lee@example.com").await;
    let mut csv = String::from("agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference\n");
    for (agent, team) in [("ana", "Billing"), ("ben", "Billing"), ("tom", "Tech")] {
        for d in 1..=10 {
            csv.push_str(&format!(
                "{agent}@example.com,{team},2026-11-{d:02} 10:00,phone,{},4,9,yes,5,20,no,no,,,{agent}-{d}\n",
                60 + d * 30
            ));
        }
        csv.push_str(&format!(
            "{agent}@example.com,{team},2026-10-15 10:00,chat,200,4,9,yes,5,20,no,no,,,{agent}-oct\n"
        ));
    }
    csv.push_str(
        "ana@example.com,Billing,2026-11-20 09:00,phone,300,5,10,yes,5,20,no,no,,,ana-scored\n",
    );
    lee.call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await
        .ok();
    let rows = lee
        .call_json(
            "calls/list",
            json!({ "filter": { "agent_id": ana_p.id, "from": "2026-11-20", "to": "2026-11-20" } }),
        )
        .await
        .ok()["rows"]
        .clone();
    let scored = rows[0]["id"].as_i64().unwrap();
    let fw = world
        .founder
        .call("frameworks/list", &[])
        .await
        .ok()
        .clone();
    let fw = world
        .founder
        .call("frameworks/get", &[("id", &id(&fw[0]))])
        .await
        .ok()
        .clone();
    let behaviours: Vec<i64> = fw["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["behaviours"].as_array().unwrap().clone())
        .map(|b| b["id"].as_i64().unwrap())
        .collect();
    score(&casey, scored, &behaviours).await;
    Org {
        lee,
        casey,
        cleo,
        tess,
        ana_id: ana_p.id,
        casey_id: casey_p.id,
        cleo_id: cleo_p.id,
        tess_id: tess_p.id,
        billing,
        scored,
        behaviours,
    }
}

async fn score(coach: &Api, call: i64, behaviours: &[i64]) {
    score_call(coach, &call.to_string(), behaviours, 4, 4).await
}

fn request(team: Option<i64>, per_agent: u32, seed: Option<u64>) -> Value {
    json!({
        "team_id": team, "from": "2026-11-01", "to": "2026-11-30", "per_agent": per_agent,
        "include_complaints": true, "min_seconds": null, "channels": [],
        "due_on": "2099-01-31", "seed": seed,
    })
}

async fn preview(api: &Api, req: Value) -> SamplePreview {
    api.call_json("sampling/preview", json!({ "request": req }))
        .await
        .typed()
}

fn calls_of(p: &SamplePreview) -> BTreeSet<i32> {
    p.calls.iter().map(|c| c.call_id).collect()
}

async fn assigned(api: &Api) -> Vec<i32> {
    let q: ReviewQueue = api.call("reviews/queue", &[]).await.typed();
    q.assigned.iter().map(|a| a.call_id).collect()
}

#[tokio::test]
async fn three_calls_per_agent_go_round_robin_and_leave_the_queue_when_scored() {
    let server = TestServer::start().await;
    let o = org(&server).await;

    let first = preview(&o.lee, request(None, 3, None)).await;
    assert_eq!(first.calls.len(), 9, "3 for each of 3 agents");
    assert_eq!(first.agents, 3);
    assert!(first.short.is_empty());
    let mut per_agent: BTreeMap<i32, usize> = BTreeMap::new();
    for c in &first.calls {
        *per_agent.entry(c.agent_id).or_default() += 1;
        assert!(
            c.occurred.contains("Nov 2026"),
            "in the period: {}",
            c.occurred
        );
        assert_ne!(c.call_id as i64, o.scored, "a scored call is never drawn");
    }
    assert!(per_agent.values().all(|n| *n == 3), "{per_agent:?}");
    // The same seed draws the same calls; the coaches take turns per team.
    let again = preview(&o.lee, request(None, 3, Some(first.seed))).await;
    assert_eq!(calls_of(&again), calls_of(&first));
    let coach_count = |id: i64| {
        first
            .calls
            .iter()
            .filter(|c| c.coach_id == Some(id as i32))
            .count()
    };
    assert_eq!(coach_count(o.casey_id), 3);
    assert_eq!(coach_count(o.cleo_id), 3);
    assert_eq!(coach_count(o.tess_id), 3);

    // Accepting stores the draw the leader saw.
    let assignments: Vec<(i32, Option<i32>)> = first
        .calls
        .iter()
        .map(|c| (c.call_id, c.coach_id))
        .collect();
    let sample = o
        .lee
        .call_json(
            "sampling/accept",
            json!({ "request": request(None, 3, Some(first.seed)), "assignments": assignments }),
        )
        .await
        .ok()
        .as_i64()
        .unwrap();
    let view: SampleView = o
        .lee
        .call("sampling/get", &[("id", &sample.to_string())])
        .await
        .typed();
    assert_eq!(view.seed, first.seed);
    assert_eq!(
        (
            view.progress.total,
            view.progress.assigned,
            view.progress.scored,
            view.progress.overdue
        ),
        (9, 9, 0, 0)
    );

    // The pages render on the server: the list, the sample, and the other
    // pages that share a route with an optional segment.
    for (path, text) in [
        ("/sampling".to_string(), "Draw a sample"),
        (format!("/sampling/{sample}"), "0 of 9 scored"),
        (
            "/calibration/agreement".to_string(),
            "<h1>Agreement over time",
        ),
        ("/continuum/model".to_string(), "<h1>Continuum model"),
    ] {
        let page = o.lee.page(&path).await;
        assert_eq!(page.status(), StatusCode::OK, "{path}");
        let html = page.text().await.unwrap();
        assert!(html.contains(text), "{path} lacks {text}");
    }

    // Sampled calls are never drawn again, whatever the seed.
    let later = preview(&o.lee, request(None, 3, Some(first.seed))).await;
    assert_eq!(later.calls.len(), 9);
    assert!(calls_of(&later).is_disjoint(&calls_of(&first)));

    // Each coach finds their three in the queue, due on the sample's date.
    let casey_calls = assigned(&o.casey).await;
    assert_eq!(casey_calls.len(), 3);
    let q: ReviewQueue = o.casey.call("reviews/queue", &[]).await.typed();
    assert!(q
        .assigned
        .iter()
        .all(|a| a.due_on == "31 Jan 2099" && !a.overdue));
    assert_eq!(assigned(&o.tess).await.len(), 3);

    // Scoring one takes it off the queue and counts in the progress.
    score(&o.casey, casey_calls[0] as i64, &o.behaviours).await;
    assert_eq!(assigned(&o.casey).await.len(), 2);
    let view: SampleView = o
        .lee
        .call("sampling/get", &[("id", &sample.to_string())])
        .await
        .typed();
    assert_eq!(view.progress.scored, 1);

    // A coach of one team sees only that team's part of the sample.
    let tess_view: SampleView = o
        .tess
        .call("sampling/get", &[("id", &sample.to_string())])
        .await
        .typed();
    assert_eq!(tess_view.calls.len(), 3);
    assert_eq!(tess_view.total_in_sample, 9);
    assert!(tess_view.calls.iter().all(|c| c.team == "Tech"));
    assert!(tess_view.coaches.is_empty(), "only leaders reassign");
    // ... and may not draw from a team she does not coach.
    o.tess
        .call_json(
            "sampling/preview",
            json!({ "request": request(Some(o.billing), 3, None) }),
        )
        .await
        .refused();

    // The leader gives one of Cleo's calls to Casey, who is told.
    let cleo_calls = assigned(&o.cleo).await;
    let moved = cleo_calls[0];
    o.lee
        .call(
            "sampling/reassign",
            &[
                ("id", &sample.to_string()),
                ("call_id", &moved.to_string()),
                ("coach_id", &o.casey_id.to_string()),
                ("due_on", "2099-02-14"),
            ],
        )
        .await
        .ok();
    assert_eq!(assigned(&o.cleo).await.len(), 2);
    assert!(assigned(&o.casey).await.contains(&moved));
    let notes = o.casey.call("notifications/list", &[]).await.ok().clone();
    assert!(
        notes.as_array().unwrap().iter().any(|n| n["text"]
            .as_str()
            .unwrap()
            .contains("to score by 14 Feb 2099")),
        "{notes}"
    );
    // Never to a coach of another team, nor to a call's own agent.
    let to = |coach: i64| {
        let (sample, moved) = (sample.to_string(), moved.to_string());
        let api = &o.lee;
        async move {
            api.call(
                "sampling/reassign",
                &[
                    ("id", &sample),
                    ("call_id", &moved),
                    ("coach_id", &coach.to_string()),
                    ("due_on", "2099-02-14"),
                ],
            )
            .await
        }
    };
    assert!(to(o.tess_id)
        .await
        .invalid("coach")
        .contains("coach of its team"));
    assert!(to(o.ana_id)
        .await
        .invalid("coach")
        .contains("never to its own agent"));
    // A coach may not reassign.
    let by_casey = o
        .casey
        .call(
            "sampling/reassign",
            &[
                ("id", &sample.to_string()),
                ("call_id", &moved.to_string()),
                ("coach_id", &o.cleo_id.to_string()),
                ("due_on", "2099-02-14"),
            ],
        )
        .await;
    assert_eq!(by_casey.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_draw_that_changed_since_its_preview_and_bad_rules_store_nothing() {
    let server = TestServer::start().await;
    let o = org(&server).await;
    let p = preview(&o.casey, request(Some(o.billing), 2, None)).await;
    assert_eq!(p.calls.len(), 4, "2 each for Ana and Ben");
    // One of the drawn calls is scored before the draw is accepted.
    score(&o.cleo, p.calls[0].call_id as i64, &o.behaviours).await;
    let assignments: Vec<(i32, Option<i32>)> =
        p.calls.iter().map(|c| (c.call_id, c.coach_id)).collect();
    let stale = o
        .casey
        .call_json(
            "sampling/accept",
            json!({ "request": request(Some(o.billing), 2, Some(p.seed)), "assignments": assignments }),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert!(stale.body.to_string().contains("Preview again"));

    let bad = |field: &'static str, req: Value| {
        let api = &o.casey;
        async move {
            let answer = api
                .call_json("sampling/preview", json!({ "request": req }))
                .await;
            answer.invalid(field)
        }
    };
    let mut zero = request(Some(o.billing), 0, None);
    assert!(bad("per_agent", zero.clone())
        .await
        .contains("between 1 and 20"));
    zero["per_agent"] = json!(3);
    zero["to"] = json!("2026-10-01");
    assert!(bad("to", zero.clone())
        .await
        .contains("ends before it starts"));
    zero["to"] = json!("2026-11-30");
    zero["due_on"] = json!("2020-01-01");
    assert!(bad("due_on", zero.clone()).await.contains("has passed"));
    zero["due_on"] = json!("2099-01-31");
    zero["min_seconds"] = json!(-5);
    assert!(bad("min_seconds", zero).await.contains("seconds"));
    // Accepting without a preview's seed is refused too.
    let unseen = o
        .casey
        .call_json(
            "sampling/accept",
            json!({ "request": request(Some(o.billing), 2, None), "assignments": [] }),
        )
        .await;
    assert!(unseen.invalid("seed").contains("Preview"));
    // Nothing was stored by any of it.
    let list = o.lee.call("sampling/list", &[]).await.ok().clone();
    assert_eq!(list["samples"].as_array().unwrap().len(), 0, "{list}");
}

#[tokio::test]
async fn filters_narrow_the_draw_and_complaints_come_first() {
    let server = TestServer::start().await;
    let o = org(&server).await;
    // Ana's longest calls only (at least 300 s: days 8, 9 and 10).
    let mut req = request(Some(o.billing), 5, Some(3));
    req["min_seconds"] = json!(300);
    let p = preview(&o.lee, req.clone()).await;
    let ana: Vec<_> = p
        .calls
        .iter()
        .filter(|c| c.agent_id as i64 == o.ana_id)
        .collect();
    assert_eq!(
        ana.len(),
        3,
        "only three of Ana's November calls last 300 s or more"
    );
    assert!(
        p.short.iter().any(|s| s.starts_with("Ana (3)")),
        "{:?}",
        p.short
    );
    // Chat only: none in November.
    req["min_seconds"] = json!(null);
    req["channels"] = json!(["Chat"]);
    assert!(preview(&o.lee, req).await.calls.is_empty());
}

/// Issue 14.6: the demo's running sample has calls scored, calls overdue and
/// calls still due, and each coach has some of them waiting.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_sample_is_running_with_scored_and_overdue_calls() {
    let server = TestServer::start_with(&[("RAPPORT_DEMO", "true")]).await;
    let leader = server.client();
    leader
        .log_in("leader@rapport.demo", "rapport-demo")
        .await
        .ok();
    let list = leader.call("sampling/list", &[]).await.ok().clone();
    let id = list["samples"][0]["id"].as_i64().unwrap();
    let view: SampleView = leader
        .call("sampling/get", &[("id", &id.to_string())])
        .await
        .typed();
    let p = view.progress;
    assert!(p.scored > 0 && p.overdue > 0, "{p:?}");
    assert!(p.scored + p.overdue < p.total, "some still due: {p:?}");
    for coach in ["coach1@rapport.demo", "coach2@rapport.demo"] {
        let api = server.client();
        api.log_in(coach, "rapport-demo").await.ok();
        let q: ReviewQueue = api.call("reviews/queue", &[]).await.typed();
        assert!(
            q.assigned.iter().any(|a| a.overdue),
            "{coach}: {:?}",
            q.assigned
        );
    }
}
