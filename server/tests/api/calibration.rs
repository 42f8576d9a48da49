//! Calibration over HTTP: coaches score the same calls blind, the last
//! score reveals the session with alpha and leniency, and none of it counts
//! as the agent's scored calls or reaches the agent.

use crate::common::*;
use app::domain::agreement::ordinal_alpha;
use reqwest::StatusCode;
use serde_json::{json, Value};

struct Org {
    dana: Api,
    casey: Api,
    tess: Api,
    lee: Api,
    ana: Api,
    ids: Vec<i64>,
    calls: Vec<i64>,
    casey_id: i64,
    tess_id: i64,
    lee_id: i64,
    ana_id: i64,
}

/// Billing (coach Casey, agent Ana) and Tech (coach Tess); Lee leads; Dana
/// (admin and leader) organises. Two of Ana's calls to calibrate on.
async fn org(server: &TestServer) -> Org {
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let tech = world.team("Tech").await;
    let (casey_p, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    let (tess_p, tess) = world
        .member(tech, "coach", "Tess", "tess@example.com")
        .await;
    let (ana_p, ana) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let lee_p = world.person("Lee", "lee@example.com", "leader").await;
    let lee = server.signed_in("lee@example.com").await;
    let csv = "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference\n\
        ana@example.com,Billing,2026-11-02 10:00,phone,300,4,9,yes,5,20,no,no,,,C-1\n\
        ana@example.com,Billing,2026-11-03 11:00,phone,420,2,3,no,,40,no,yes,refund,,C-2\n";
    casey
        .call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await
        .ok();
    let mut calls: Vec<i64> = ana
        .call_json("calls/list", json!({ "filter": {} }))
        .await
        .ok()["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    calls.sort();
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
    let ids = fw["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["behaviours"].as_array().unwrap().clone())
        .map(|b| b["id"].as_i64().unwrap())
        .collect();
    Org {
        dana: world.founder,
        casey,
        tess,
        lee,
        ana,
        ids,
        calls,
        casey_id: casey_p.id,
        tess_id: tess_p.id,
        lee_id: lee_p.id,
        ana_id: ana_p.id,
    }
}

async fn create(org: &Org, participants: &[i64], calls: &[i64]) -> Answer {
    org.dana
        .call_json(
            "calibration/create",
            json!({ "title": "November calibration", "due_on": "2099-12-01", "calls": calls, "participants": participants }),
        )
        .await
}

/// The participant's blind score of a call: every behaviour at `level(i)`.
async fn score(
    api: &Api,
    session: i64,
    call: i64,
    ids: &[i64],
    level: impl Fn(usize) -> i64,
) -> i64 {
    let review = api
        .call(
            "calibration/score",
            &[("id", &session.to_string()), ("call_id", &call.to_string())],
        )
        .await
        .ok()
        .as_i64()
        .unwrap();
    let ratings: Vec<(i64, i64)> = ids
        .iter()
        .enumerate()
        .map(|(i, b)| (*b, level(i)))
        .collect();
    api.call_json(
        "reviews/save",
        json!({ "id": review, "ratings": ratings, "strengths": "Warm.", "development": "Summarise." }),
    )
    .await
    .ok();
    api.call("reviews/submit", &[("id", &review.to_string())])
        .await
        .ok();
    review
}

async fn benchmark(api: &Api, agent: i64) -> Value {
    api.call(
        "development/benchmark",
        &[("agent_id", &agent.to_string()), ("days", "365")],
    )
    .await
    .ok()
    .clone()
}

async fn session(api: &Api, id: i64) -> Value {
    api.call("calibration/get", &[("id", &id.to_string())])
        .await
        .ok()
        .clone()
}

/// Casey's and Lee's levels: a pattern across behaviours and calls; Tess
/// rates one level higher (capped at 5), and Missed (0) appears.
fn level(call: usize, i: usize) -> i64 {
    [0, 2, 3, 4, 3, 2, 1, 4][(i + call) % 8]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coaches_score_blind_and_the_last_score_reveals_alpha_and_leniency() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = org.ids.clone();
    let before = benchmark(&org.casey, org.ana_id).await;
    let notes_before = org.ana.call("notifications/list", &[]).await.ok().clone();

    // Only the organisation's coaches and leaders take part, two at least.
    let with_agent = create(&org, &[org.casey_id, org.ana_id], &org.calls).await;
    assert!(with_agent
        .invalid("participants")
        .contains("coaches or leaders"));
    create(&org, &[org.casey_id], &org.calls)
        .await
        .invalid("participants");
    create(&org, &[org.casey_id, org.tess_id], &[])
        .await
        .invalid("calls");
    let outsider = server
        .world_named("Other Co", "Olga", "olga@other.example")
        .await;
    let olga = outsider
        .person("Oskar", "oskar@other.example", "coach")
        .await;
    create(&org, &[org.casey_id, olga.id], &org.calls)
        .await
        .invalid("participants");

    let s = create(&org, &[org.casey_id, org.tess_id, org.lee_id], &org.calls)
        .await
        .ok()
        .as_i64()
        .unwrap();

    // Casey and Lee score both calls; Tess, of another team, one so far.
    let mut casey_reviews = vec![];
    for (n, call) in org.calls.iter().enumerate() {
        casey_reviews.push(score(&org.casey, s, *call, &ids, |i| level(n, i)).await);
        score(&org.lee, s, *call, &ids, |i| level(n, i)).await;
    }
    let tess_first = score(&org.tess, s, org.calls[0], &ids, |i| {
        (level(0, i) + 1).min(5)
    })
    .await;

    // Blind: nobody reads another's score, not even the organiser; the
    // session shows progress only.
    for api in [&org.casey, &org.lee, &org.dana] {
        let peek = api
            .call("reviews/get", &[("id", &tess_first.to_string())])
            .await;
        assert_eq!(peek.status, StatusCode::NOT_FOUND, "{}", peek.body);
    }
    let blind = session(&org.casey, s).await;
    assert_eq!(blind["status"], "open");
    assert_eq!(blind["revealed"], Value::Null);
    let tess_row = blind["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Tess")
        .unwrap()
        .clone();
    assert_eq!(
        (tess_row["submitted"].as_u64(), tess_row["of"].as_u64()),
        (Some(1), Some(2))
    );
    // Tess plays the call of another team's agent: it is in her session.
    // Before the session she could not.
    let wav = app::domain::media::tone_wav(2.0, 8000, &[440.0]);
    let url = format!("/media/calls/{}/recording", org.calls[0]);
    let up = org.casey.upload(&url, "call.wav", wav.clone()).await;
    assert_eq!(up.status(), StatusCode::OK);
    let heard = org.tess.get(&url).await;
    assert_eq!(heard.status(), StatusCode::OK);
    assert_eq!(heard.bytes().await.unwrap().len(), wav.len());
    assert_eq!(
        org.tess
            .call("calls/get", &[("id", &org.calls[0].to_string())])
            .await
            .status,
        StatusCode::NOT_FOUND,
        "the call page with its other reviews stays out of reach"
    );
    let own_page = org
        .tess
        .call("reviews/get", &[("id", &tess_first.to_string())])
        .await;
    let own_page = own_page.ok();
    assert_eq!(own_page["calibration"]["id"], s);
    assert!(own_page["call"]["reviews"].as_array().unwrap().is_empty());

    // The agent sees nothing of it and hears nothing; her benchmark and the
    // call's reviewed flag are unchanged.
    let hidden = org
        .ana
        .call("reviews/get", &[("id", &casey_reviews[0].to_string())])
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let detail = org
        .ana
        .call("calls/get", &[("id", &org.calls[0].to_string())])
        .await
        .ok()
        .clone();
    assert!(detail["reviews"].as_array().unwrap().is_empty(), "{detail}");
    assert_eq!(
        org.ana.call("notifications/list", &[]).await.ok(),
        &notes_before
    );
    assert_eq!(benchmark(&org.casey, org.ana_id).await, before);
    let queue = org.casey.call("reviews/queue", &[]).await.ok().clone();
    assert_eq!(queue["unreviewed"].as_array().unwrap().len(), 2, "{queue}");
    assert!(queue["drafts"].as_array().unwrap().is_empty(), "{queue}");

    // Tess's last score reveals the session.
    score(&org.tess, s, org.calls[1], &ids, |i| {
        (level(1, i) + 1).min(5)
    })
    .await;
    let revealed = session(&org.casey, s).await;
    assert_eq!(revealed["status"], "revealed");
    let r = &revealed["revealed"];
    let coaches: Vec<&str> = r["coaches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let mut expected_units = vec![];
    for n in 0..2 {
        for i in 0..ids.len() {
            let base = level(n, i) as u8;
            expected_units.push(vec![Some(base), Some(base), Some((base + 1).min(5))]);
        }
    }
    let alpha = ordinal_alpha(&expected_units).unwrap();
    assert!((r["alpha"].as_f64().unwrap() - alpha).abs() < 1e-9, "{r}");
    assert_eq!(
        r["reading"],
        app::domain::agreement::Reading::of(Some(alpha)).key()
    );
    let leniency: Vec<(String, f64)> = r["leniency"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["name"].as_str().unwrap().to_string(),
                l["mean"].as_f64().unwrap(),
            )
        })
        .collect();
    let tess = leniency.iter().find(|(n, _)| n == "Tess").unwrap().1;
    let casey = leniency.iter().find(|(n, _)| n == "Casey").unwrap().1;
    assert!(tess > 0.5 && casey.abs() < 1e-9, "{leniency:?}");
    // Side by side: the first call's first behaviour, each coach's rating.
    let first = &r["calls"][0]["rows"][0];
    let tess_col = coaches.iter().position(|c| *c == "Tess").unwrap();
    let casey_col = coaches.iter().position(|c| *c == "Casey").unwrap();
    assert_eq!(first["ratings"][casey_col], json!(level(0, 0)));
    assert_eq!(first["ratings"][tess_col], json!(level(0, 0) + 1));
    assert_eq!(first["low"], json!(level(0, 0)));
    assert_eq!(first["median"], json!(level(0, 0) as f64));
    // Now everyone may read each other's scores; the agent still may not.
    org.casey
        .call("reviews/get", &[("id", &tess_first.to_string())])
        .await
        .ok();
    assert_eq!(
        org.ana
            .call("reviews/get", &[("id", &tess_first.to_string())])
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The organiser records the agreed rating and a note; participants may not.
    let refs = json!({ "id": s, "references": [[org.calls[0], ids[0], 3]], "note": "Missed only when no attempt at all." });
    assert_eq!(
        org.casey
            .call_json("calibration/record", refs.clone())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    org.dana.call_json("calibration/record", refs).await.ok();
    let after = session(&org.lee, s).await;
    assert_eq!(after["note"], "Missed only when no attempt at all.");
    assert_eq!(after["revealed"]["calls"][0]["rows"][0]["reference"], 3);
    assert_eq!(benchmark(&org.casey, org.ana_id).await, before);

    // Agreement over time: per behaviour the two calls are the units; this
    // month's alpha is the session's; Tess leans high this month.
    let over = org
        .lee
        .call("calibration/agreement", &[("months", "3")])
        .await
        .ok()
        .clone();
    assert_eq!(over["sessions"], 1);
    let b0 = &over["behaviours"][0];
    assert_eq!(b0["calls"], 2);
    let units: Vec<Vec<Option<u8>>> = (0..2)
        .map(|n| {
            let base = level(n, 0) as u8;
            vec![Some(base), Some(base), Some((base + 1).min(5))]
        })
        .collect();
    match ordinal_alpha(&units) {
        Some(a) => assert!((b0["alpha"].as_f64().unwrap() - a).abs() < 1e-9, "{b0}"),
        None => assert_eq!(b0["alpha"], Value::Null),
    }
    let this_month = over["monthly"].as_array().unwrap().last().unwrap().clone();
    assert!((this_month["alpha"].as_f64().unwrap() - alpha).abs() < 1e-9);
    let tess_trend = over["coaches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Tess")
        .unwrap()["by_month"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(tess_trend > 0.5);
    assert!(over["behaviours_csv"]
        .as_str()
        .unwrap()
        .starts_with("behaviour,"));
    org.lee
        .call("calibration/agreement", &[("months", "5")])
        .await
        .invalid("months");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organiser_reveals_early_and_a_late_score_is_refused() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = org.ids.clone();
    let s = create(&org, &[org.casey_id, org.tess_id], &org.calls[..1])
        .await
        .ok()
        .as_i64()
        .unwrap();
    score(&org.casey, s, org.calls[0], &ids, |_| 3).await;
    let tess_draft = org
        .tess
        .call(
            "calibration/score",
            &[
                ("id", &s.to_string()),
                ("call_id", &org.calls[0].to_string()),
            ],
        )
        .await
        .ok()
        .as_i64()
        .unwrap();
    // Records wait for the reveal; only the organiser reveals.
    let early = org
        .dana
        .call_json(
            "calibration/record",
            json!({ "id": s, "references": [], "note": "" }),
        )
        .await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    assert_eq!(
        org.casey
            .call("calibration/close", &[("id", &s.to_string())])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    org.dana
        .call("calibration/close", &[("id", &s.to_string())])
        .await
        .ok();
    let v = session(&org.dana, s).await;
    assert_eq!(v["status"], "revealed");
    // One coach's scores: alpha is not computable, and says so.
    assert_eq!(v["revealed"]["alpha"], Value::Null);
    assert_eq!(v["revealed"]["reading"], "not_computable");
    // Tess's unsubmitted draft can no longer be submitted.
    let ratings: Vec<(i64, i64)> = ids.iter().map(|b| (*b, 4)).collect();
    org.tess
        .call_json(
            "reviews/save",
            json!({ "id": tess_draft, "ratings": ratings, "strengths": "x", "development": "y" }),
        )
        .await
        .ok();
    let late = org
        .tess
        .call("reviews/submit", &[("id", &tess_draft.to_string())])
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT, "{}", late.body);
    assert_eq!(
        org.dana
            .call("calibration/close", &[("id", &s.to_string())])
            .await
            .status,
        StatusCode::CONFLICT
    );
    // A non-participant cannot start a score.
    assert_eq!(
        org.lee
            .call(
                "calibration/score",
                &[
                    ("id", &s.to_string()),
                    ("call_id", &org.calls[0].to_string())
                ],
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

/// The home page's "Calibration waiting for you": open sessions with calls
/// the person has not scored yet, and nothing else.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn home_lists_only_the_open_sessions_waiting_for_the_persons_scores() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = org.ids.clone();
    let waiting = |v: &Value| -> Vec<(i64, i64)> {
        v["calibrations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["id"].as_i64().unwrap(), s["mine_to_do"].as_i64().unwrap()))
            .collect()
    };
    // Two calls for Casey and Tess; one for Casey alone with Lee.
    let both = create(&org, &[org.casey_id, org.tess_id], &org.calls)
        .await
        .ok()
        .as_i64()
        .unwrap();
    let small = create(&org, &[org.casey_id, org.lee_id], &org.calls[..1])
        .await
        .ok()
        .as_i64()
        .unwrap();
    let mut casey = waiting(&home(&org.casey).await);
    casey.sort();
    assert_eq!(casey, vec![(both, 2), (small, 1)]);
    assert_eq!(waiting(&home(&org.tess).await), vec![(both, 2)]);

    // A scored call leaves the count; a revealed session leaves the list.
    score(&org.casey, both, org.calls[0], &ids, |i| level(0, i)).await;
    score(&org.casey, small, org.calls[0], &ids, |i| level(0, i)).await;
    score(&org.lee, small, org.calls[0], &ids, |i| level(0, i)).await;
    assert_eq!(session(&org.casey, small).await["status"], "revealed");
    assert_eq!(waiting(&home(&org.casey).await), vec![(both, 1)]);
    assert_eq!(waiting(&home(&org.tess).await), vec![(both, 2)]);
    // An agent takes part in no calibration.
    assert!(org.ana.call("home", &[]).await.ok()["calibrations"]
        .as_array()
        .unwrap()
        .is_empty());
}

async fn home(api: &Api) -> Value {
    api.call("home", &[]).await.ok().clone()
}

/// The list reads every revealed session's agreement at once; each must be
/// the alpha its own page shows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_shows_each_revealed_sessions_own_alpha() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = org.ids.clone();
    let first = create(&org, &[org.casey_id, org.tess_id], &org.calls)
        .await
        .ok()
        .as_i64()
        .unwrap();
    let second = create(&org, &[org.casey_id, org.lee_id], &org.calls[..1])
        .await
        .ok()
        .as_i64()
        .unwrap();
    let open = create(&org, &[org.casey_id, org.tess_id], &org.calls[..1])
        .await
        .ok()
        .as_i64()
        .unwrap();
    for (n, call) in org.calls.iter().enumerate() {
        score(&org.casey, first, *call, &ids, |i| level(n, i)).await;
        score(&org.tess, first, *call, &ids, |i| (level(n, i) + 1).min(5)).await;
    }
    score(&org.casey, second, org.calls[0], &ids, |i| level(0, i)).await;
    score(&org.lee, second, org.calls[0], &ids, |i| level(1, i)).await;
    score(&org.casey, open, org.calls[0], &ids, |_| 3).await;
    let list = org.dana.call("calibration/list", &[]).await.ok().clone();
    let alpha_in_list = |id: i64| {
        list["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .map(|s| s["alpha"].clone())
            .unwrap()
    };
    let first_alpha = session(&org.dana, first).await["revealed"]["alpha"].clone();
    let second_alpha = session(&org.dana, second).await["revealed"]["alpha"].clone();
    assert!(first_alpha.is_f64() && second_alpha.is_f64());
    assert_ne!(first_alpha, second_alpha);
    assert_eq!(alpha_in_list(first), first_alpha);
    assert_eq!(alpha_in_list(second), second_alpha);
    assert_eq!(alpha_in_list(open), Value::Null);
}
