//! The quality dashboards over HTTP: known reviews give the expected score
//! trends, heatmap cells and reliability, each person reads only their
//! reach, and every table downloads as CSV.

use crate::common::*;
use app::domain::kpi::{reviews_for_margin, RELIABLE_MARGIN};
use app::types::QualityView;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn query(team: Option<i64>, agent: Option<i64>, channel: Option<&str>) -> Value {
    json!({ "query": {
        "team_id": team, "agent_id": agent, "channel": channel,
        "from": "2026-11-02", "to": "2026-11-15", "grouping": "Week",
        "short_abandon_seconds": null,
    }})
}

async fn quality(api: &Api, q: Value) -> QualityView {
    api.call_json("kpi/quality", q).await.typed()
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

/// The ids of an agent's calls, oldest first.
async fn calls_of(api: &Api, agent: i64) -> Vec<String> {
    let page = api
        .call_json("calls/list", json!({ "filter": { "agent_id": agent } }))
        .await;
    let mut ids: Vec<String> = page.ok()["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].to_string())
        .collect();
    ids.reverse();
    ids
}

async fn export(api: &Api, table: &str, extra: &str) -> reqwest::Response {
    api.get(&format!(
        "/export/{table}.csv?from=2026-11-02&to=2026-11-15&group=week{extra}"
    ))
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn known_reviews_give_the_expected_trends_heatmap_and_reliability() {
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
    let (ben_p, _) = world
        .member(billing, "agent", "Ben", "ben@example.com")
        .await;
    let (tom_p, _) = world.member(tech, "agent", "Tom", "tom@example.com").await;
    let leader = world.founder;
    let mut csv = String::from("agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference\n");
    // Ana: four calls in week 45 (the last by email), one in week 46.
    for (i, (day, channel)) in [
        (3, "phone"),
        (4, "phone"),
        (5, "phone"),
        (6, "email"),
        (10, "phone"),
    ]
    .iter()
    .enumerate()
    {
        csv.push_str(&format!(
            "ana@example.com,Billing,2026-11-{day:02} 10:00,{channel},300,4,9,yes,10,30,no,no,,,A-{i}\n"
        ));
    }
    csv.push_str("ben@example.com,Billing,2026-11-04 11:00,phone,300,4,9,yes,10,30,no,no,,,B-0\n");
    csv.push_str("tom@example.com,Tech,2026-11-03 11:00,phone,300,4,9,yes,10,30,no,no,,,T-0\n");
    csv.push_str("tom@example.com,Tech,2026-11-05 11:00,phone,300,4,9,yes,10,30,no,no,,,T-1\n");
    leader
        .call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await
        .ok();
    let ids = framework_behaviours(&leader).await;
    // Every behaviour at one level: scores 80, 80, 60, 100 and 80 for Ana.
    for (call, level) in calls_of(&leader, ana_p.id)
        .await
        .iter()
        .zip([4, 4, 3, 5, 4])
    {
        score_call(&casey, call, &ids, level, level).await;
    }
    score_call(&casey, &calls_of(&leader, ben_p.id).await[0], &ids, 2, 2).await;
    for (call, level) in calls_of(&leader, tom_p.id).await.iter().zip([3, 5]) {
        score_call(&tess, call, &ids, level, level).await;
    }

    // The leader: by team and week.
    let v = quality(&leader, query(None, None, None)).await;
    assert_eq!(v.periods, ["2026-W45", "2026-W46"]);
    assert_eq!(v.series_by, "team");
    let line = |name: &str| {
        v.series
            .iter()
            .find(|s| s.name == name)
            .unwrap()
            .points
            .clone()
    };
    let b = line("Billing");
    close(b[0].unwrap().0, 72.0);
    assert_eq!(b[0].unwrap().1, 5);
    assert_eq!(b[1], Some((80.0, 1)));
    assert_eq!(line("Tech")[1], None);
    // The heatmap: Ana's five calls at a mean of 4; Ben's one call is blank.
    let row =
        |v: &QualityView, name: &str| v.heatmap.iter().find(|r| r.agent == name).unwrap().clone();
    let ana_row = row(&v, "Ana");
    assert_eq!(ana_row.cells.len(), ids.len());
    close(ana_row.cells[0].mean.unwrap(), 4.0);
    assert_eq!(ana_row.cells[0].calls, 5);
    let ben_row = row(&v, "Ben");
    assert_eq!((ben_row.cells[0].mean, ben_row.cells[0].calls), (None, 1));
    // Reliability: Ana's own spread; Ben's from the organisation's pool.
    let rel = |name: &str| {
        v.reliability
            .iter()
            .find(|r| r.agent == name)
            .unwrap()
            .reliability
    };
    let a = rel("Ana");
    assert_eq!(a.n, 5);
    close(a.mean.unwrap(), 80.0);
    let sd = 200f64.sqrt();
    let half = 2.7764451051977987 * sd / 5f64.sqrt();
    close(a.interval.unwrap().0, 80.0 - half);
    close(a.interval.unwrap().1, 80.0 + half);
    assert_eq!(
        a.more_needed,
        reviews_for_margin(sd, RELIABLE_MARGIN).map(|n| n - 5)
    );
    assert!(!a.pooled);
    // Pooled over Ana (variance 200, 4 df) and Tom (800, 1 df).
    let pooled = 320f64.sqrt();
    close(v.pooled_sd.unwrap(), pooled);
    let b = rel("Ben");
    assert!(b.pooled && b.interval.is_none());
    assert_eq!(
        b.more_needed,
        reviews_for_margin(pooled, RELIABLE_MARGIN).map(|n| n - 1)
    );

    // One team: by agent. One channel: Ana's email call alone.
    let team = quality(&leader, query(Some(billing), None, None)).await;
    assert_eq!(team.series_by, "agent");
    assert!(team.heatmap.iter().all(|r| r.agent != "Tom"));
    let email = quality(&leader, query(None, Some(ana_p.id), Some("Email"))).await;
    assert_eq!(email.reliability[0].reliability.n, 1);

    // A coach reads their teams; an agent their own; neither another's.
    let mine = quality(&casey, query(None, None, None)).await;
    assert!(mine.heatmap.iter().all(|r| r.agent != "Tom"));
    assert_eq!(mine.series.len(), 1);
    let refused = tess
        .call_json("kpi/quality", query(Some(billing), None, None))
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    let own = quality(&ana, query(None, None, None)).await;
    assert_eq!(own.heatmap.len(), 1);
    assert_eq!(own.heatmap[0].agent, "Ana");
    ana.call_json("kpi/quality", query(None, Some(ben_p.id), None))
        .await
        .refused();

    // The tables as CSV, refused as the page is.
    let heat = export(&leader, "heatmap", "").await;
    assert_eq!(heat.status(), StatusCode::OK);
    let text = heat.text().await.unwrap();
    let ana_line = text.lines().find(|l| l.starts_with("Ana,")).unwrap();
    assert!(ana_line.starts_with("Ana,4.00,5,"), "{ana_line}");
    assert!(text.lines().any(|l| l.starts_with("Ben,,1,")), "{text}");
    let rel_csv = export(&leader, "reliability", "")
        .await
        .text()
        .await
        .unwrap();
    assert!(rel_csv.starts_with("Agent,Reviews,Mean score,95% low,95% high"));
    assert!(rel_csv.contains("\nBen,1,40.00,,,"), "{rel_csv}");
    let trends = export(&leader, "score-trends", "")
        .await
        .text()
        .await
        .unwrap();
    assert!(trends.contains("2026-W45,Billing,72.0,5"), "{trends}");
    assert_eq!(
        export(&tess, "heatmap", &format!("&team={billing}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        export(&ana, "reliability", &format!("&agent={}", ben_p.id))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let other = server
        .world_named("Other Org", "Olga", "olga@other.example")
        .await
        .founder;
    let theirs = export(&other, "heatmap", "").await.text().await.unwrap();
    assert_eq!(theirs.lines().count(), 1, "{theirs}");
}
