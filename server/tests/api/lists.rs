//! What the lists say about each row (issue 19.8): the calls list's review
//! column, the coach's queue cues and the agent's own reviews in call order.

use crate::common::*;
use serde_json::{json, Value};

/// The calls list's row for a call, as this person sees it.
async fn listed(api: &Api, call: &str) -> Value {
    let page = api
        .call_json("calls/list", json!({ "filter": {} }))
        .await
        .ok()
        .clone();
    page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"].as_i64() == call.parse().ok())
        .unwrap_or_else(|| panic!("call {call} is listed: {page}"))
        .clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calls_list_shows_each_calls_review_and_drafts_only_to_scorers() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let (_, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    let (_, cory) = world
        .member(billing, "coach", "Cory", "cory@example.com")
        .await;
    let (ana_p, ana) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let behaviours = framework_behaviours(&casey).await;
    let scored = casey.new_call(ana_p.id, "2026-11-02T10:00", "phone").await;
    let drafted = casey.new_call(ana_p.id, "2026-11-03T10:00", "phone").await;
    let waiting = casey.new_call(ana_p.id, "2026-11-04T10:00", "phone").await;
    // Every behaviour at 4: 80.0.
    score_call(&cory, &scored, &behaviours, 4, 4).await;
    let draft = casey
        .call("reviews/start", &[("call_id", &drafted)])
        .await
        .ok()
        .as_i64()
        .unwrap();

    // The review's score and reviewer, for everyone who may see the call.
    for (who, api) in [("Casey", &casey), ("Ana", &ana), ("Dana", &world.founder)] {
        let row = listed(api, &scored).await;
        assert_eq!(row["review"]["score"], json!(80.0), "{who}: {row}");
        assert_eq!(row["review"]["reviewer"], "Cory", "{who}");
        assert_eq!(row["review"]["status"], "submitted", "{who}");
        assert_eq!(listed(api, &waiting).await["review"], Value::Null, "{who}");
    }
    // The draft is Casey's to open, tells Cory the call is being scored,
    // and is nothing yet to the agent.
    let own = listed(&casey, &drafted).await;
    assert_eq!(own["review"]["id"], json!(draft));
    assert_eq!(own["review"]["status"], "draft");
    assert_eq!(own["review"]["mine"], true);
    let other = listed(&cory, &drafted).await;
    assert_eq!(other["review"]["status"], "draft");
    assert_eq!(other["review"]["mine"], false);
    assert_eq!(other["review"]["reviewer"], "Casey");
    assert_eq!(listed(&ana, &drafted).await["review"], Value::Null);
    assert_eq!(listed(&ana, &drafted).await["reviewed"], false);

    // Once a submitted review exists, the row points to it, not to a draft.
    score_call(&cory, &drafted, &behaviours, 2, 4).await;
    let row = listed(&casey, &drafted).await;
    assert_eq!(row["review"]["reviewer"], "Cory", "{row}");
    assert_eq!(row["review"]["status"], "submitted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_gives_coaches_triage_cues_and_agents_their_reviews_by_call_date() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let (_, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    let (ana_p, ana) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let behaviours = framework_behaviours(&casey).await;
    let complaint = casey
        .call(
            "calls/create",
            &[
                ("agent_id", &ana_p.id.to_string()),
                ("occurred_at", "2026-11-05T09:30"),
                ("channel", "phone"),
                ("duration_seconds", "300"),
                ("csat", "1"),
                ("likelihood_to_recommend", "2"),
                ("resolved", "no"),
                ("resolution_minutes", ""),
                ("first_response_seconds", ""),
                ("abandoned", "no"),
                ("complaint", "yes"),
                ("rectification", "refund"),
                ("follow_up_on", ""),
                ("reference", ""),
            ],
        )
        .await
        .ok()
        .to_string();
    let queue = casey.call("reviews/queue", &[]).await.ok().clone();
    let waiting = queue["unreviewed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"].as_i64() == complaint.parse().ok())
        .unwrap_or_else(|| panic!("the complaint waits: {queue}"))
        .clone();
    assert_eq!(waiting["csat"], 1);
    assert_eq!(waiting["complaint"], true);
    assert_eq!(waiting["has_recording"], false);

    // Scored out of call order: the later call first, then the earlier.
    let early = casey.new_call(ana_p.id, "2026-10-01T10:00", "phone").await;
    let late = casey.new_call(ana_p.id, "2026-11-20T10:00", "phone").await;
    score_call(&casey, &late, &behaviours, 4, 4).await;
    score_call(&casey, &early, &behaviours, 2, 2).await;
    let mine = ana.call("reviews/queue", &[]).await.ok()["mine"].clone();
    let calls: Vec<String> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["call_id"].to_string())
        .collect();
    assert_eq!(calls, vec![late, early], "newest call first: {mine}");
}
