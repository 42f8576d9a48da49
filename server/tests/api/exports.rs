//! The CSV downloads of the reviews, the benchmark and the team view: each
//! shows what its page shows, refuses what its page refuses, and never
//! hands a spreadsheet a formula.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::json;

const HEADER: &str = "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference\n";

/// Call ids of an agent, newest first.
async fn calls_of(api: &Api, agent: i64) -> Vec<String> {
    api.call_json("calls/list", json!({ "filter": { "agent_id": agent } }))
        .await
        .ok()["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].to_string())
        .collect()
}

async fn rows(api: &Api, path: &str) -> Vec<Vec<String>> {
    let r = api.get(path).await;
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
    csv_rows(&r.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reviews_benchmark_and_team_view_download_as_their_pages_show_them() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let tech = world.team("Tech").await;
    let (_, casey) = world
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
    let (tom_p, _) = world.member(tech, "agent", "Tom", "tom@example.com").await;
    let leader = world.founder;
    let today = chrono::Utc::now().date_naive();
    let mut csv = String::from(HEADER);
    for (i, ago) in [2, 3, 4].iter().enumerate() {
        let day = today - chrono::Duration::days(*ago);
        csv.push_str(&format!(
            "ana@example.com,Billing,{day} 10:00,phone,300,4,9,yes,10,30,no,no,,,A-{i}\n"
        ));
    }
    csv.push_str(&format!(
        "ben@example.com,Billing,{} 11:00,phone,300,4,9,yes,10,30,no,no,,,B-0\n",
        today - chrono::Duration::days(2)
    ));
    csv.push_str(&format!(
        "tom@example.com,Tech,{} 11:00,phone,300,4,9,yes,10,30,no,no,,,T-0\n",
        today - chrono::Duration::days(2)
    ));
    leader
        .call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await
        .ok();
    let ids = framework_behaviours(&leader).await;
    let ana_calls = calls_of(&leader, ana_p.id).await;
    for call in &ana_calls[1..] {
        score_call(&casey, call, &ids, 5, 3).await;
    }
    // The newest call's review carries a note a spreadsheet would run.
    let review = casey
        .call("reviews/start", &[("call_id", &ana_calls[0])])
        .await
        .ok()
        .as_i64()
        .unwrap();
    let ratings: Vec<(i64, i64)> = ids.iter().map(|b| (*b, 4)).collect();
    casey
        .call_json(
            "reviews/save",
            json!({ "id": review, "ratings": ratings, "strengths": "=HYPERLINK(\"http://evil.example\",\"pay\")", "development": "Summarise next steps." }),
        )
        .await
        .ok();
    casey
        .call("reviews/submit", &[("id", &review.to_string())])
        .await
        .ok();
    score_call(&tess, &calls_of(&leader, tom_p.id).await[0], &ids, 2, 2).await;

    // Reviews: one row per submitted review, a column per behaviour.
    let all = rows(&leader, "/export/reviews.csv").await;
    assert_eq!(all.len(), 1 + 4, "{all:?}");
    assert_eq!(all[0][..3], ["Call occurred (UTC)", "Agent", "Team"]);
    assert_eq!(all[0].len(), 12 + ids.len());
    let of_ana = rows(&leader, &format!("/export/reviews.csv?agent={}", ana_p.id)).await;
    assert_eq!(of_ana.len(), 4);
    let newest = &of_ana[1];
    assert_eq!(newest[1], "Ana");
    assert_eq!(newest[3], "Casey");
    assert_eq!(newest[5], "80.0");
    assert_eq!(newest[8], "'=HYPERLINK(\"http://evil.example\",\"pay\")");
    assert!(newest[12..].iter().all(|c| c == "4"), "{newest:?}");
    assert_eq!(of_ana[2][12], "5");
    assert_eq!(of_ana[2][13], "3");
    // Each person downloads only the reviews they may read.
    let own = rows(&ana, "/export/reviews.csv").await;
    assert_eq!(own.len(), 4);
    assert!(own[1..].iter().all(|r| r[1] == "Ana"));
    let tom_for_ana = rows(&ana, &format!("/export/reviews.csv?agent={}", tom_p.id)).await;
    assert_eq!(tom_for_ana.len(), 1, "only the header: {tom_for_ana:?}");
    let coach = rows(&tess, "/export/reviews.csv").await;
    assert_eq!(coach.len(), 2);
    assert_eq!(coach[1][1], "Tom");

    // The benchmark: one row per behaviour with the coach rating.
    let bench = format!("/export/benchmark.csv?agent={}&days=30", ana_p.id);
    let b = casey.get(&bench).await;
    let disposition = b.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.contains(&format!(
            "rapport-benchmark-ana-last-30-days-to-{today}.csv"
        )),
        "{disposition}"
    );
    let b = csv_rows(&b.text().await.unwrap());
    assert_eq!(b.len(), 1 + ids.len());
    assert_eq!(b[0][4], "Coach rating");
    // (5 + 5 + 4) / 3 and (3 + 3 + 4) / 3 over three scored calls.
    assert_eq!(b[1][4], "4.67");
    assert_eq!(b[1][5], "3");
    assert_eq!(b[2][4], "3.33");
    assert_eq!(rows(&ana, "/export/benchmark.csv?days=30").await, b);
    // As the page: another team's coach is told the agent is not theirs,
    // another agent is not allowed development pages of others at all.
    let ana_id = ana_p.id.to_string();
    for refused in [&tess, &ben] {
        let status = refused.get(&bench).await.status();
        assert!(status.is_client_error(), "{status}");
        let page = refused
            .call("development/benchmark", &[("agent_id", &ana_id)])
            .await;
        assert_eq!(status, page.status);
    }

    // The team view: the coach's agents, no one else's.
    let team = rows(&casey, "/export/team.csv").await;
    let names: Vec<&str> = team[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["Ana", "Ben"]);
    assert_eq!(team[1][2], "3");
    let refused = ana.get("/export/team.csv").await.status();
    assert!(refused.is_client_error(), "{refused}");

    // Nobody signed out, and nothing across organisations.
    let signed_out = server.client();
    for path in ["/export/reviews.csv", &bench, "/export/team.csv"] {
        assert_eq!(
            signed_out.get(path).await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let other = server
        .world_named("Other Org", "Olga", "olga@other.example")
        .await
        .founder;
    assert_eq!(rows(&other, "/export/reviews.csv").await.len(), 1);
    assert_eq!(
        rows(&other, &format!("/export/reviews.csv?agent={}", ana_p.id))
            .await
            .len(),
        1
    );
    assert_eq!(other.get(&bench).await.status(), StatusCode::NOT_FOUND);
}
