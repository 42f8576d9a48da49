//! The agent journey over HTTP: self-assessment, benchmark, targets whose
//! status follows submitted reviews, practice, and who may see what.

use crate::common::*;
use chrono::{Duration, Utc};
use serde_json::{json, Value};

struct Org {
    dana: Api,
    casey: Api,
    /// A second coach of Billing.
    cleo: Api,
    tess: Api,
    ana: Api,
    ben: Api,
    ana_id: i64,
    ben_id: i64,
}

/// Billing: coaches Casey and Cleo, agents Ana and Ben. Tech: coach Tess, no agents.
/// Dana founded the organisation (admin and leader).
async fn org(server: &TestServer) -> Org {
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let tech = world.team("Tech").await;
    let (_, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    let (_, cleo) = world
        .member(billing, "coach", "Cleo", "cleo@example.com")
        .await;
    let (_, tess) = world
        .member(tech, "coach", "Tess", "tess@example.com")
        .await;
    let (ana_p, ana) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let (ben_p, ben) = world
        .member(billing, "agent", "Ben", "ben@example.com")
        .await;
    Org {
        dana: world.founder,
        casey,
        cleo,
        tess,
        ana,
        ben,
        ana_id: ana_p.id,
        ben_id: ben_p.id,
    }
}

const HEADER: &str = "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference";

/// `n` calls for the agent over the last few days; returns their ids, oldest first.
async fn recent_calls(org: &Org, email: &str, agent_id: i64, n: usize) -> Vec<String> {
    let times = (0..n)
        .map(|k| Utc::now() - Duration::days(2 + k as i64))
        .collect();
    import_calls(org, email, agent_id, times).await
}

/// `n` calls for the agent that happen now (after any target set so far).
async fn calls_now(org: &Org, email: &str, agent_id: i64, n: usize) -> Vec<String> {
    import_calls(org, email, agent_id, vec![Utc::now(); n]).await
}

/// Imports calls at the given times; returns the new calls' ids, oldest first.
async fn import_calls(
    org: &Org,
    email: &str,
    agent_id: i64,
    times: Vec<chrono::DateTime<Utc>>,
) -> Vec<String> {
    let listed = || async {
        let list = org
            .casey
            .call_json("calls/list", json!({ "filter": { "agent_id": agent_id } }))
            .await;
        list.ok()["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(id)
            .collect::<Vec<String>>()
    };
    let before = listed().await;
    let rows: Vec<String> = times
        .iter()
        .enumerate()
        .map(|(k, at)| {
            format!(
                "{email},Billing,{},phone,300,4,9,yes,7,35,no,no,,,D-{agent_id}-{k}-{}",
                at.format("%Y-%m-%d %H:%M"),
                before.len()
            )
        })
        .collect();
    let csv = format!("{HEADER}\n{}\n", rows.join("\n"));
    let out = org
        .casey
        .call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await;
    assert_eq!(out.ok()["committed"], true, "{:?}", out.body);
    let mut ids: Vec<String> = listed()
        .await
        .into_iter()
        .filter(|c| !before.contains(c))
        .collect();
    ids.reverse();
    ids
}

async fn behaviours(api: &Api) -> Vec<i64> {
    framework_behaviours(api).await
}

/// Casey scores a call: every behaviour at `rest`, the first at `first`.
async fn score(org: &Org, call: &str, ids: &[i64], first: i64, rest: i64) {
    score_call(&org.casey, call, ids, first, rest).await
}

async fn self_assess(api: &Api, ids: &[i64], levels: impl Fn(usize) -> i64) -> Answer {
    let ratings: Vec<Value> = ids
        .iter()
        .enumerate()
        .map(|(i, b)| {
            json!([
                b,
                levels(i),
                if i == 0 {
                    "Owned a billing error last week"
                } else {
                    ""
                }
            ])
        })
        .collect();
    api.call_json(
        "development/save_self_assessment",
        json!({ "ratings": ratings }),
    )
    .await
}

async fn set_target(
    api: &Api,
    agent: &str,
    behaviour: &str,
    level: &str,
    due_on: &str,
    plan: &str,
) -> Answer {
    api.call(
        "targets/create",
        &[
            ("agent_id", agent),
            ("behaviour_id", behaviour),
            ("level", level),
            ("due_on", due_on),
            ("plan", plan),
        ],
    )
    .await
}

fn due_in(days: i64) -> String {
    (Utc::now() + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

async fn status_of(api: &Api, target: &str) -> Value {
    api.call("targets/get", &[("id", target)])
        .await
        .ok()
        .clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_benchmark_shows_blind_spots_and_a_target_moves_to_achieved_as_calls_are_scored() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = behaviours(&org.ana).await;
    let calls = recent_calls(&org, "ana@example.com", org.ana_id, 3).await;

    // Ana rates herself 5 on the first behaviour, 2 on the second, 3 elsewhere.
    self_assess(&org.ana, &ids, |i| match i {
        0 => 5,
        1 => 2,
        _ => 3,
    })
    .await
    .ok();
    // Before any scored call nothing is called out.
    let before = org
        .ana
        .call("development/benchmark", &[])
        .await
        .ok()
        .clone();
    assert_eq!(before["rows"][0]["gap"], "TooFewCalls");
    assert_eq!(before["rows"][0]["self_level"], 5);

    // Three calls scored 3 everywhere: no spread, so the gaps are clear.
    for call in &calls {
        score(&org, call, &ids, 3, 3).await;
    }
    let bench = org
        .ana
        .call("development/benchmark", &[])
        .await
        .ok()
        .clone();
    assert_eq!(bench["scored_calls"], 3);
    let first = &bench["rows"][0];
    assert_eq!(first["coach"]["calls"], 3);
    assert_eq!(first["coach"]["mean"], 3.0);
    assert_eq!(first["gap"], "BlindSpot");
    assert_eq!(first["self_example"], "Owned a billing error last week");
    assert_eq!(bench["rows"][1]["gap"], "HiddenStrength");
    assert_eq!(bench["rows"][2]["gap"], "Aligned");
    assert_eq!(bench["is_self"], true);

    // A target at the current coach rating is refused; one above it is set
    // with the baseline filled in by the server.
    let behaviour = ids[0].to_string();
    let at_baseline = set_target(
        &org.ana,
        &org.ana_id.to_string(),
        &behaviour,
        "3",
        &due_in(30),
        "Role-play twice a week",
    )
    .await;
    assert!(at_baseline.invalid("level").contains("3.0"));
    let target = set_target(
        &org.ana,
        &org.ana_id.to_string(),
        &behaviour,
        "4",
        &due_in(30),
        "Role-play twice a week",
    )
    .await
    .ok()
    .as_i64()
    .unwrap()
    .to_string();
    let t = status_of(&org.ana, &target).await;
    assert_eq!(t["summary"]["baseline"], 3.0);
    assert_eq!(t["baseline_calls"], 3);
    // A new target waits for calls: never at risk on the day it is set.
    assert_eq!(
        t["summary"]["status"], "not_enough_calls",
        "{}",
        t["progress"]["reason"]
    );
    assert_eq!(t["progress"]["calls"], 0);
    assert_eq!(t["summary"]["agreed"], false);
    // Casey was told, and agrees.
    let notes = org.casey.call("notifications/list", &[]).await.ok().clone();
    assert!(notes[0]["text"]
        .as_str()
        .unwrap()
        .contains("Ana set a target"));
    org.casey
        .call(
            "targets/agree",
            &[("id", &target), ("comment", "Good choice")],
        )
        .await
        .ok();

    // Calls before the target was set never count, even scored afterwards.
    let older = recent_calls(&org, "ana@example.com", org.ana_id, 1).await;
    score(&org, &older[0], &ids, 5, 3).await;
    let t = status_of(&org.ana, &target).await;
    assert_eq!(t["progress"]["calls"], 0);

    // Two calls at 5 since: still not enough to read a trend.
    let new_calls = calls_now(&org, "ana@example.com", org.ana_id, 3).await;
    score(&org, &new_calls[0], &ids, 5, 3).await;
    score(&org, &new_calls[1], &ids, 5, 3).await;
    let t = status_of(&org.ana, &target).await;
    assert_eq!(
        t["summary"]["status"], "not_enough_calls",
        "{}",
        t["progress"]["reason"]
    );
    assert_eq!(t["progress"]["calls"], 2);
    // The third call achieves it, and both Ana and Casey are told.
    score(&org, &new_calls[2], &ids, 4, 3).await;
    let t = status_of(&org.ana, &target).await;
    assert_eq!(
        t["summary"]["status"], "achieved",
        "{}",
        t["progress"]["reason"]
    );
    assert_eq!(t["progress"]["calls"], 3);
    assert!(t["summary"]["achieved_on"].is_string());
    assert_eq!(t["evidence"].as_array().unwrap().len(), 3);
    assert_eq!(t["agreed_by"], "Casey");
    assert_eq!(t["checkins"][0]["note"], "Good choice");
    let told = |notes: Value| {
        notes
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| {
                n["text"].as_str().unwrap().contains("is now achieved")
                    && n["link"] == format!("/targets/{target}")
            })
            .count()
    };
    let ana_notes = org.ana.call("notifications/list", &[]).await.ok().clone();
    assert_eq!(told(ana_notes.clone()), 1, "{ana_notes}");
    assert!(ana_notes.to_string().contains("Your target on"));
    let casey_notes = org.casey.call("notifications/list", &[]).await.ok().clone();
    assert_eq!(told(casey_notes), 1);
    // Ben, not involved, hears nothing.
    let ben_notes = org.ben.call("notifications/list", &[]).await.ok().clone();
    assert_eq!(told(ben_notes), 0);

    // A weak call afterwards leaves it achieved, and nobody is told again.
    let weak = calls_now(&org, "ana@example.com", org.ana_id, 1).await;
    score(&org, &weak[0], &ids, 0, 3).await;
    let t = status_of(&org.ana, &target).await;
    assert_eq!(t["summary"]["status"], "achieved");
    let ana_notes = org.ana.call("notifications/list", &[]).await.ok().clone();
    assert_eq!(told(ana_notes), 1);

    // The benchmark lists it, no longer open.
    let bench = org
        .ana
        .call("development/benchmark", &[])
        .await
        .ok()
        .clone();
    assert_eq!(bench["targets"][0]["status"], "achieved");
    assert!(bench["rows"][0]["open_target"].is_null());

    // The continuum's evidence counts agents working on a target: Ana's is
    // achieved though not yet due, and Ben has none.
    let assessment = org
        .dana
        .call("continuum/start", &[("title", "Evidence")])
        .await
        .ok()
        .as_i64()
        .unwrap();
    let view = org
        .dana
        .call("continuum/get", &[("id", &assessment.to_string())])
        .await
        .ok()
        .clone();
    let figure = view["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["basis"].as_str().unwrap().contains("target"))
        .unwrap()
        .clone();
    assert_eq!(figure["share"], 0.0, "{figure}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_reviewed_twice_counts_once_and_a_gap_inside_the_interval_is_not_clear_yet() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = behaviours(&org.ana).await;
    let calls = recent_calls(&org, "ana@example.com", org.ana_id, 3).await;
    self_assess(&org.ana, &ids, |i| if i == 0 { 4 } else { 3 })
        .await
        .ok();

    // Casey and Cleo both score the first call: one call, valued at the mean.
    score(&org, &calls[0], &ids, 3, 3).await;
    score_call(&org.cleo, &calls[0], &ids, 5, 3).await;
    let bench = org
        .ana
        .call("development/benchmark", &[])
        .await
        .ok()
        .clone();
    assert_eq!(bench["scored_calls"], 1, "two reviews, one call");
    assert_eq!(bench["rows"][0]["coach"]["calls"], 1);
    assert_eq!(bench["rows"][0]["coach"]["mean"], 4.0);
    assert_eq!(bench["rows"][0]["gap"], "TooFewCalls");

    // Two more calls at 2 and 3: levels 4, 2, 3 against a self rating of 4:
    // a level above the mean, but inside the interval.
    score(&org, &calls[1], &ids, 2, 3).await;
    score(&org, &calls[2], &ids, 3, 3).await;
    let bench = org
        .ana
        .call("development/benchmark", &[])
        .await
        .ok()
        .clone();
    assert_eq!(bench["scored_calls"], 3);
    assert_eq!(bench["rows"][0]["coach"]["calls"], 3);
    assert_eq!(bench["rows"][0]["coach"]["mean"], 3.0);
    assert_eq!(
        bench["rows"][0]["gap"],
        json!({ "NotClearYet": { "more_calls": 4 } })
    );
    // Casey's team view calls out nothing for Ana.
    let team = org.casey.call("development/team", &[]).await.ok().clone();
    let ana = team["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["agent"]["name"] == "Ana")
        .unwrap()
        .clone();
    assert_eq!(ana["blind_spots"], json!([]));
    assert_eq!(ana["scored_calls"], 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_self_assessment_must_be_complete_and_history_keeps_each_one() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = behaviours(&org.ana).await;
    // One behaviour left out: refused, naming it, and nothing saved.
    let ratings: Vec<Value> = ids[1..].iter().map(|b| json!([b, 3, ""])).collect();
    let out = org
        .ana
        .call_json(
            "development/save_self_assessment",
            json!({ "ratings": ratings }),
        )
        .await;
    assert!(out
        .invalid(&format!("behaviour-{}", ids[0]))
        .starts_with("Choose a level for"));
    let history = org
        .ana
        .call("development/self_assessments", &[])
        .await
        .ok()
        .clone();
    assert!(history["assessments"].as_array().unwrap().is_empty());
    // Coaches do not self-assess.
    self_assess(&org.casey, &ids, |_| 3).await.refused();

    self_assess(&org.ana, &ids, |_| 2).await.ok();
    self_assess(&org.ana, &ids, |_| 4).await.ok();
    let history = org
        .ana
        .call("development/self_assessments", &[])
        .await
        .ok()
        .clone();
    assert_eq!(history["assessments"].as_array().unwrap().len(), 2);
    // Newest first, levels per behaviour side by side.
    assert_eq!(history["behaviours"][0][1], json!([4, 2]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practice_is_checked_and_shows_on_the_target_it_serves() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let fw = org.ana.call("frameworks/show", &[]).await.ok().clone();
    let b0 = &fw["clusters"][0]["behaviours"][0];
    let target = set_target(
        &org.ana,
        &org.ana_id.to_string(),
        &id(b0),
        "4",
        &due_in(20),
        "Practise the opening",
    )
    .await
    .ok()
    .as_i64()
    .unwrap()
    .to_string();
    let entry = |on: String, behaviours: Value, rater: &str, peer: &str| {
        json!({
            "practised_on": on, "kind": "role-play", "behaviours": behaviours,
            "scenario": "Angry customer about a late refund", "rater": rater,
            "peer_name": peer, "rating": 3, "reflection": "Slowed down"
        })
    };
    let today = Utc::now().format("%Y-%m-%d").to_string();
    let lineage = b0["lineage"].clone();
    let future = org
        .ana
        .call_json(
            "practice/log",
            entry(due_in(3), json!([lineage]), "self", ""),
        )
        .await;
    assert!(future.invalid("practised_on").contains("future"));
    let nobody = org
        .ana
        .call_json(
            "practice/log",
            entry(today.clone(), json!([lineage]), "peer", " "),
        )
        .await;
    nobody.invalid("peer_name");
    let none = org
        .ana
        .call_json("practice/log", entry(today.clone(), json!([]), "self", ""))
        .await;
    none.invalid("behaviours");
    let forged = org
        .ana
        .call_json(
            "practice/log",
            entry(today.clone(), json!(["not-a-lineage"]), "self", ""),
        )
        .await;
    forged.invalid("behaviours");
    assert!(org.ana.call("practice/list", &[]).await.ok()["entries"]
        .as_array()
        .unwrap()
        .is_empty());

    org.ana
        .call_json(
            "practice/log",
            entry(today, json!([lineage]), "peer", "Ben"),
        )
        .await
        .ok();
    let t = status_of(&org.ana, &target).await;
    assert_eq!(t["practice"][0]["rated_by"], "Peer: Ben");
    assert_eq!(t["practice"][0]["behaviours"][0], b0["name"]);
    // Coaches log nothing on an agent's behalf.
    org.casey
        .call_json(
            "practice/log",
            entry(
                Utc::now().format("%Y-%m-%d").to_string(),
                json!([lineage]),
                "self",
                "",
            ),
        )
        .await
        .refused();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_agent_reads_or_changes_another_agents_development_and_nothing_crosses_organisations() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = behaviours(&org.ana).await;
    self_assess(&org.ana, &ids, |_| 4).await.ok();
    let target = set_target(
        &org.ana,
        &org.ana_id.to_string(),
        &ids[2].to_string(),
        "5",
        &due_in(20),
        "Listen back every Friday",
    )
    .await
    .ok()
    .as_i64()
    .unwrap()
    .to_string();
    let ana = org.ana_id.to_string();

    // Another organisation's leader, with Ana's and her target's ids.
    let outsider = server.client();
    outsider
        .sign_up("Other Co", "Olga", "olga@example.com")
        .await;

    for api in [&org.ben, &outsider] {
        api.call("development/benchmark", &[("agent_id", &ana)])
            .await
            .refused();
        api.call("development/self_assessments", &[("agent_id", &ana)])
            .await
            .refused();
        api.call("practice/list", &[("agent_id", &ana)])
            .await
            .refused();
        api.call("targets/form", &[("agent_id", &ana)])
            .await
            .refused();
        api.call("targets/get", &[("id", &target)]).await.refused();
        api.call("targets/check_in", &[("id", &target), ("note", "hijack")])
            .await
            .refused();
        api.call("targets/agree", &[("id", &target), ("comment", "")])
            .await
            .refused();
        set_target(api, &ana, &ids[3].to_string(), "5", &due_in(20), "Forged")
            .await
            .refused();
    }
    // The outsider's id for Ana reads as not found, not as forbidden.
    let probe = outsider
        .call("development/benchmark", &[("agent_id", &ana)])
        .await;
    assert_eq!(probe.status, reqwest::StatusCode::NOT_FOUND);
    assert!(outsider.call("development/team", &[]).await.ok()["rows"]
        .as_array()
        .unwrap()
        .is_empty());

    // Ana cannot agree to her own target.
    org.ana
        .call("targets/agree", &[("id", &target), ("comment", "")])
        .await
        .refused();

    // Nothing changed: one target, not agreed, no check-ins; Ben's own page
    // shows none of Ana's data.
    let t = status_of(&org.ana, &target).await;
    assert_eq!(t["summary"]["agreed"], false);
    assert!(t["checkins"].as_array().unwrap().is_empty());
    let bench = org
        .ana
        .call("development/benchmark", &[])
        .await
        .ok()
        .clone();
    assert_eq!(bench["targets"].as_array().unwrap().len(), 1);
    let bens = org
        .ben
        .call("development/benchmark", &[])
        .await
        .ok()
        .clone();
    assert!(bens["self_assessed_on"].is_null());
    assert!(bens["targets"].as_array().unwrap().is_empty());
    assert_eq!(bens["agent"]["id"], org.ben_id);
    assert!(bens["agents"].as_array().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coaches_see_only_the_agents_of_their_teams() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = behaviours(&org.ana).await;
    let ana = org.ana_id.to_string();

    // Tess coaches Tech, which has no agents: refused on Ana, empty team view.
    org.tess
        .call("development/benchmark", &[("agent_id", &ana)])
        .await
        .refused();
    org.tess
        .call("targets/form", &[("agent_id", &ana)])
        .await
        .refused();
    assert!(org.tess.call("development/team", &[]).await.ok()["rows"]
        .as_array()
        .unwrap()
        .is_empty());

    // Casey sees Ana and Ben, and sets a target with Ana: agreed at once,
    // and Ana is told.
    let team = org.casey.call("development/team", &[]).await.ok().clone();
    let names: Vec<&str> = team["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["agent"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ana", "Ben"]);
    let bench = org
        .casey
        .call("development/benchmark", &[("agent_id", &ana)])
        .await
        .ok()
        .clone();
    assert_eq!(bench["is_self"], false);
    assert_eq!(bench["agents"].as_array().unwrap().len(), 2);
    let target = set_target(
        &org.casey,
        &ana,
        &ids[1].to_string(),
        "4",
        &due_in(30),
        "Shadow a senior colleague",
    )
    .await
    .ok()
    .as_i64()
    .unwrap()
    .to_string();
    let t = status_of(&org.ana, &target).await;
    assert_eq!(t["agreed_by"], "Casey");
    assert_eq!(t["can_check_in"], true);
    let notes = org.ana.call("notifications/list", &[]).await.ok().clone();
    assert!(notes[0]["text"]
        .as_str()
        .unwrap()
        .contains("Casey set a target"));
    // A second open target on the same behaviour is refused.
    let twice = set_target(
        &org.ana,
        &ana,
        &ids[1].to_string(),
        "5",
        &due_in(30),
        "Again",
    )
    .await;
    assert!(twice
        .invalid("behaviour_id")
        .contains("already an open target"));
    // Tess cannot read it; the leader can, and sees both agents.
    org.tess
        .call("targets/get", &[("id", &target)])
        .await
        .refused();
    status_of(&org.dana, &target).await;
    assert_eq!(
        org.dana.call("development/team", &[]).await.ok()["rows"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // A check-in by the agent; a past due date is refused for new targets.
    org.ana
        .call(
            "targets/check_in",
            &[("id", &target), ("note", "Tried it on three calls")],
        )
        .await
        .ok();
    let empty = org
        .ana
        .call("targets/check_in", &[("id", &target), ("note", "  ")])
        .await;
    empty.invalid("note");
    let past = set_target(
        &org.ana,
        &ana,
        &ids[4].to_string(),
        "4",
        &due_in(-1),
        "Late",
    )
    .await;
    past.invalid("due_on");
    let t = status_of(&org.casey, &target).await;
    assert_eq!(t["checkins"].as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sweep_marks_a_target_missed_when_its_due_day_passes_and_tells_the_agent() {
    use app::server::services::targets::refresh_all_statuses;
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = behaviours(&org.ana).await;
    let target = set_target(
        &org.casey,
        &org.ana_id.to_string(),
        &ids[0].to_string(),
        "4",
        &due_in(10),
        "Role-play twice a week",
    )
    .await
    .ok()
    .as_i64()
    .unwrap();
    let db = sea_orm::Database::connect(server.database_url.as_str())
        .await
        .unwrap();
    // Before the due day nothing changes; after it, the target is missed.
    assert_eq!(refresh_all_statuses(&db, Utc::now()).await.unwrap(), 0);
    let later = Utc::now() + Duration::days(12);
    assert_eq!(refresh_all_statuses(&db, later).await.unwrap(), 1);
    assert_eq!(
        refresh_all_statuses(&db, later).await.unwrap(),
        0,
        "told once"
    );
    let notes = org.ana.call("notifications/list", &[]).await.ok().clone();
    let missed: Vec<&Value> = notes
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["link"] == format!("/targets/{target}"))
        .filter(|n| n["text"].as_str().unwrap().contains("is now missed"))
        .collect();
    assert_eq!(missed.len(), 1, "{notes}");
    assert!(missed[0]["text"]
        .as_str()
        .unwrap()
        .contains("(was not enough calls yet)"));
    // Casey set it with Ana, so Casey hears too.
    let casey = org.casey.call("notifications/list", &[]).await.ok().clone();
    assert!(casey.to_string().contains("Ana's target on"), "{casey}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_shows_every_kind_of_gap_and_every_target_status() {
    let server = TestServer::start_with(&[("RAPPORT_DEMO", "true")]).await;
    let leader = server.client();
    leader
        .log_in("leader@rapport.demo", "rapport-demo")
        .await
        .ok();
    let team = leader.call("development/team", &[]).await.ok().clone();
    let rows = team["rows"].as_array().unwrap();
    let mut statuses: Vec<String> = rows
        .iter()
        .flat_map(|r| r["targets"].as_array().unwrap().clone())
        .map(|t| t["status"].as_str().unwrap().to_string())
        .collect();
    statuses.sort();
    statuses.dedup();
    assert_eq!(
        statuses,
        [
            "achieved",
            "at_risk",
            "missed",
            "not_enough_calls",
            "on_track"
        ],
        "{team}"
    );
    // The first demo agent shows each kind of gap on their own page.
    let first = rows
        .iter()
        .find(|r| r["agent"]["name"] == "Ana López")
        .expect("Ana is a demo agent");
    let bench = leader
        .call(
            "development/benchmark",
            &[("agent_id", &first["agent"]["id"].to_string())],
        )
        .await
        .ok()
        .clone();
    let gaps: Vec<String> = bench["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| match &r["gap"] {
            Value::String(s) => s.clone(),
            other => other.as_object().unwrap().keys().next().unwrap().clone(),
        })
        .collect();
    for kind in ["BlindSpot", "HiddenStrength", "NotClearYet"] {
        assert!(gaps.iter().any(|g| g == kind), "{kind} missing: {gaps:?}");
    }
}

/// Issue 18.3: the team view reads the quality rollup and only the ratings
/// its targets need, the agent's page every rating; on the demo both tell
/// each agent the same: calls, blind spots, hidden strengths, targets.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_view_agrees_with_each_agents_own_page() {
    let server = TestServer::start_with(&[("RAPPORT_DEMO", "true")]).await;
    let leader = server.client();
    leader
        .log_in("leader@rapport.demo", "rapport-demo")
        .await
        .ok();
    let team = leader.call("development/team", &[]).await.ok().clone();
    let rows = team["rows"].as_array().unwrap();
    assert!(rows.len() >= 6, "{team}");
    let mut gaps_seen = 0;
    for row in rows {
        let id = row["agent"]["id"].to_string();
        let bench = leader
            .call("development/benchmark", &[("agent_id", &id)])
            .await
            .ok()
            .clone();
        let named = |kind: &str| -> Vec<Value> {
            bench["rows"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["gap"] == kind)
                .map(|r| r["name"].clone())
                .collect()
        };
        let who = &row["agent"]["name"];
        assert_eq!(row["scored_calls"], bench["scored_calls"], "{who}");
        // The team view ranks each agent's gaps, widest first.
        let chips = |key: &str| -> (Vec<Value>, Vec<f64>) {
            let list = row[key].as_array().unwrap();
            (
                list.iter().map(|c| c["name"].clone()).collect(),
                list.iter().map(|c| c["levels"].as_f64().unwrap()).collect(),
            )
        };
        let sorted = |mut v: Vec<Value>| {
            v.sort_by_key(|n| n.to_string());
            v
        };
        let (blind, blind_by) = chips("blind_spots");
        let (hidden, hidden_by) = chips("hidden_strengths");
        assert_eq!(sorted(blind), sorted(named("BlindSpot")), "{who}");
        assert_eq!(sorted(hidden), sorted(named("HiddenStrength")), "{who}");
        assert!(
            blind_by.windows(2).all(|w| w[0] >= w[1]),
            "{who}: {blind_by:?}"
        );
        assert!(blind_by.iter().all(|l| *l >= 1.0), "{who}: {blind_by:?}");
        assert!(
            hidden_by.windows(2).all(|w| w[0] <= w[1]),
            "{who}: {hidden_by:?}"
        );
        assert!(hidden_by.iter().all(|l| *l <= -1.0), "{who}: {hidden_by:?}");
        assert_eq!(row["targets"], bench["targets"], "{who}");
        gaps_seen += named("BlindSpot").len() + named("HiddenStrength").len();
    }
    assert!(gaps_seen > 0, "the demo shows gaps on the team view");
}

/// Issue 17.4: two requests racing to set a target on one behaviour leave
/// one open target and a clear answer, never a 500.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_requests_set_one_open_target_per_behaviour() {
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = behaviours(&org.ana).await;
    let (agent, behaviour, due) = (org.ana_id.to_string(), ids[2].to_string(), due_in(20));
    let set = || set_target(&org.ana, &agent, &behaviour, "4", &due, "Role-play weekly");
    let (a, b, c, d) = tokio::join!(set(), set(), set(), set());
    let mut created = 0;
    for answer in [a, b, c, d] {
        if answer.status == 200 {
            created += 1;
        } else {
            assert!(
                answer
                    .invalid("behaviour_id")
                    .contains("already an open target"),
                "{} {:?}",
                answer.status,
                answer.body
            );
        }
    }
    assert_eq!(created, 1);
    let bench = org
        .ana
        .call("development/benchmark", &[])
        .await
        .ok()
        .clone();
    assert_eq!(bench["targets"].as_array().unwrap().len(), 1);
}

/// Issue 18.3: the team view reads each target's kept progress instead of
/// its calls. At every step (set, scored call by call, a review history
/// imported, an upgrade that left it unkept) it agrees with the target's
/// own page, which reads the calls.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_view_keeps_each_targets_progress_as_calls_are_scored() {
    use app::server::entities::target;
    use sea_orm::{ConnectionTrait, EntityTrait};
    let server = TestServer::start().await;
    let org = org(&server).await;
    let ids = behaviours(&org.ana).await;
    let target = set_target(
        &org.casey,
        &org.ana_id.to_string(),
        &ids[0].to_string(),
        "4",
        &due_in(30),
        "Role-play the apology",
    )
    .await
    .ok()
    .as_i64()
    .unwrap();
    let agree = || async {
        let team = org.casey.call("development/team", &[]).await.ok().clone();
        let kept = team["rows"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["targets"].as_array().unwrap().clone())
            .find(|t| t["id"] == target)
            .expect("the target is on the team view");
        let live = status_of(&org.ana, &target.to_string()).await;
        assert_eq!(kept, live["summary"], "{}", live["progress"]["reason"]);
        kept
    };
    assert_eq!(agree().await["status"], "not_enough_calls");

    let calls = calls_now(&org, "ana@example.com", org.ana_id, 3).await;
    score(&org, &calls[0], &ids, 2, 3).await;
    let t = agree().await;
    assert_eq!(
        (t["calls"].as_i64(), t["mean"].as_f64()),
        (Some(1), Some(2.0))
    );
    score(&org, &calls[1], &ids, 2, 3).await;
    score(&org, &calls[2], &ids, 1, 3).await;
    let t = agree().await;
    assert_eq!(t["status"], "at_risk");
    assert_eq!(t["calls"], 3);

    // A review history with three more calls since the target was set.
    let fw = org.dana.call("frameworks/show", &[]).await.ok().clone();
    let keys: Vec<String> = fw["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["behaviours"].as_array().unwrap().clone())
        .map(|b| b["key"].as_str().unwrap().to_string())
        .collect();
    let at = Utc::now().format("%Y-%m-%d %H:%M").to_string();
    let mut csv = format!(
        "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,coach_email,reviewed_at,{}",
        keys.join(",")
    );
    for _ in 0..3 {
        csv.push_str(&format!(
            "\nana@example.com,Billing,{at},phone,300,5,9,casey@example.com,{at},5{}",
            ",3".repeat(keys.len() - 1)
        ));
    }
    let imported = org
        .dana
        .call_json(
            "reviews/import-history",
            json!({ "csv": csv, "version": null, "commit": true }),
        )
        .await;
    assert_eq!(imported.ok()["committed"], true, "{:?}", imported.body);
    let t = agree().await;
    assert_eq!(t["calls"], 6, "the imported calls count: {t}");

    // An upgrade leaves targets without kept progress until the sweep.
    let db = sea_orm::Database::connect(server.database_url.as_str())
        .await
        .unwrap();
    db.execute_unprepared("UPDATE targets SET progress_calls = NULL, progress_mean = NULL")
        .await
        .unwrap();
    agree().await;
    app::server::services::targets::refresh_all_statuses(&db, Utc::now())
        .await
        .unwrap();
    let kept = target::Entity::find_by_id(target as i32)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.progress_calls, Some(6));
    agree().await;
}

/// The team view of one team (`""`: everyone) in an order, `shown` rows.
async fn view(api: &Api, team: &str, order: &str, shown: &str) -> Answer {
    let mut args = vec![("order", order), ("shown", shown)];
    if !team.is_empty() {
        args.push(("team", team));
    }
    api.call("development/team_view", &args).await
}

/// The team view's team filter, order and "Show more" are answered by the
/// server, which orders everyone in reach and sends only the rows shown.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_view_sends_one_teams_agents_in_order_and_only_the_rows_asked_for() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let sales = world.team("Sales").await;
    let (_, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    for (team, name) in [
        (billing, "Zed"),
        (billing, "Ana"),
        (billing, "Mo"),
        (sales, "Sol"),
    ] {
        let email = format!("{}@example.com", name.to_lowercase());
        world.member(team, "agent", name, &email).await;
    }
    let names = |answer: &Value| -> Vec<String> {
        answer["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["agent"]["name"].as_str().unwrap().to_string())
            .collect()
    };

    // The leader opens on everyone; then one team by name, two rows of it.
    let everyone = world
        .founder
        .call("development/team", &[])
        .await
        .ok()
        .clone();
    assert_eq!(names(&everyone), ["Ana", "Mo", "Sol", "Zed"]);
    assert_eq!(everyone["matching"], 4);
    assert_eq!(everyone["teams"], json!(["Billing", "Sales"]));
    let two = view(&world.founder, "Billing", "name", "2")
        .await
        .ok()
        .clone();
    assert_eq!(names(&two), ["Ana", "Mo"]);
    assert_eq!(
        two["matching"], 3,
        "every Billing agent counts, sent or not"
    );
    assert_eq!(two["teams"], json!(["Billing", "Sales"]));
    let all = view(&world.founder, "", "name", "50").await.ok().clone();
    assert_eq!(names(&all), ["Ana", "Mo", "Sol", "Zed"]);

    // A coach's view holds their own team only, whichever team is named.
    let coached = casey.call("development/team", &[]).await.ok().clone();
    assert_eq!(names(&coached), ["Ana", "Mo", "Zed"]);
    assert_eq!(coached["teams"], json!(["Billing"]));
    let elsewhere = view(&casey, "Sales", "name", "50").await.ok().clone();
    assert_eq!(
        (names(&elsewhere).len(), &elsewhere["matching"]),
        (0, &json!(0))
    );

    // Another organisation's team of the same name shows only its own.
    let other = server.world_named("Globex", "Gus", "gus@example.com").await;
    let their_billing = other.team("Billing").await;
    other
        .member(their_billing, "agent", "Otto", "otto@example.com")
        .await;
    let theirs = view(&other.founder, "Billing", "name", "50")
        .await
        .ok()
        .clone();
    assert_eq!(names(&theirs), ["Otto"]);

    // An agent has no team view; an order that does not exist is refused.
    let sol = server.signed_in("sol@example.com").await;
    view(&sol, "", "name", "50").await.refused();
    let sideways = view(&world.founder, "", "sideways", "50").await;
    assert_eq!(sideways.status, reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    let said = sideways.body["Invalid"]["message"].as_str().unwrap();
    assert!(said.contains("unknown variant `sideways`"), "{said}");
}
