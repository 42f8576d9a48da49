//! Service KPIs over HTTP: a known import gives the expected figures per
//! team, agent, channel and week, and each person reads only their reach.

use crate::common::*;
use app::domain::kpi::Shown;
use app::types::KpiFigures;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn query(team: Option<i64>, agent: Option<i64>, channel: Option<&str>) -> Value {
    json!({ "query": {
        "team_id": team, "agent_id": agent, "channel": channel,
        "from": "2026-11-02", "to": "2026-11-15", "grouping": "Week",
        "short_abandon_seconds": 10,
    }})
}

async fn kpis(api: &Api, q: Value) -> KpiFigures {
    api.call_json("kpi/figures", q).await.typed()
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_known_import_gives_the_expected_kpis_per_team_agent_channel_and_week() {
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
    world.member(tech, "agent", "Tom", "tom@example.com").await;
    let leader = world.founder;
    // Week 45 (2–8 Nov), Billing: ten answered calls, five each.
    // LTR 10,10,9,9,9 | 8,7,6,3,0: 5 promoters, 2 passives, 3 detractors.
    // CSAT 5,5,4,4,4 | 3,2,1,5,4: 7 of 10 satisfied.
    let mut csv = String::from("agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference\n");
    let week45 = [
        ("ana", 10, 5, "phone", 20),
        ("ana", 10, 5, "phone", 40),
        ("ana", 9, 4, "phone", 60),
        ("ana", 9, 4, "email", 7200),
        ("ana", 9, 4, "email", 3600),
        ("ben", 8, 3, "phone", 30),
        ("ben", 7, 2, "phone", 30),
        ("ben", 6, 1, "chat", 90),
        ("ben", 3, 5, "chat", 30),
        ("ben", 0, 4, "phone", 30),
    ];
    for (i, (who, ltr, csat, channel, first)) in week45.iter().enumerate() {
        csv.push_str(&format!(
            "{who}@example.com,Billing,2026-11-0{} 10:00,{channel},300,{csat},{ltr},yes,{},{first},no,{},{},,W45-{i}\n",
            3 + i % 5,
            10 * (i + 1),
            if i == 0 { "yes" } else { "no" },
            if i == 0 { "refund" } else { "" },
        ));
    }
    // Week 46, Billing: three calls, two of them abandoned (after 9 and 11 s).
    csv.push_str("ana@example.com,Billing,2026-11-10 09:00,phone,9,,,,,,yes,no,,,W46-a\n");
    csv.push_str("ben@example.com,Billing,2026-11-11 09:00,phone,11,,,,,,yes,no,,,W46-b\n");
    csv.push_str(
        "ben@example.com,Billing,2026-11-12 09:00,phone,200,4,9,yes,15,25,no,no,,,W46-c\n",
    );
    // Tech, and Billing outside the range.
    csv.push_str("tom@example.com,Tech,2026-11-04 09:00,phone,200,1,0,no,,50,no,no,,,T-1\n");
    csv.push_str("ana@example.com,Billing,2026-10-30 09:00,phone,200,1,0,no,,50,no,no,,,OLD\n");
    leader
        .call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await
        .ok();

    // The leader, for Billing by week.
    let k = kpis(&leader, query(Some(billing), None, None)).await;
    assert_eq!(k.total.enquiries, 13);
    assert_eq!(k.periods.len(), 2);
    let w45 = &k.periods[0];
    assert_eq!((w45.label.as_str(), w45.enquiries), ("2026-W45", 10));
    let Shown::Figure(nps) = w45.nps else {
        panic!("{:?}", w45.nps)
    };
    close(nps.value, 20.0);
    assert_eq!(nps.n, 10);
    let Shown::Figure(csat) = w45.csat else {
        panic!("{:?}", w45.csat)
    };
    close(csat.value, 0.7);
    close(csat.low, 0.39677814746114537);
    close(csat.high, 0.8922087325936989);
    assert_eq!(w45.complaints, 1);
    let res = w45.resolution_minutes.unwrap();
    assert_eq!((res.n, res.mean, res.median), (10, 55.0, 55.0));
    let w46 = &k.periods[1];
    assert_eq!(w46.label, "2026-W46");
    // One answer: too few; the 9 s abandon is left out of both counts.
    assert_eq!(w46.nps, Shown::TooFew(1));
    assert_eq!(w46.abandonment, Shown::TooFew(2));
    // First response by channel: email in hours, phone in seconds.
    let by = |c: app::domain::calls::Channel| {
        k.first_response_by_channel
            .iter()
            .find(|(x, _)| *x == c)
            .unwrap()
            .1
    };
    close(by(app::domain::calls::Channel::Email).unwrap().mean, 5400.0);
    close(by(app::domain::calls::Channel::Phone).unwrap().median, 30.0);

    // By channel and by agent.
    let chat = kpis(&leader, query(Some(billing), None, Some("Chat"))).await;
    assert_eq!(chat.total.enquiries, 2);
    let ben = kpis(&leader, query(None, Some(ben_p.id), None)).await;
    assert_eq!(ben.total.enquiries, 7);

    // A coach reads their teams; another team's coach is refused Billing.
    let mine = kpis(&casey, query(None, None, None)).await;
    assert_eq!(mine.total.enquiries, 13);
    let refused = tess
        .call_json("kpi/figures", query(Some(billing), None, None))
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    let refused = tess
        .call_json("kpi/figures", query(None, Some(ana_p.id), None))
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    // An agent reads their own figures only, never a colleague's.
    let own = kpis(&ana, query(None, None, None)).await;
    assert_eq!(own.total.enquiries, 6);
    ana.call_json("kpi/figures", query(None, Some(ben_p.id), None))
        .await
        .refused();
    // Bad input says where.
    let mut bad = query(None, None, None);
    bad["query"]["to"] = json!("2026-10-01");
    assert!(leader
        .call_json("kpi/figures", bad)
        .await
        .invalid("to")
        .contains("ends before it starts"));

    // The table as CSV: a row per week and the whole range, with the
    // figures of the page; a file name saying what and when.
    let base = "/export/kpis.csv?from=2026-11-02&to=2026-11-15&group=week&short=10";
    let csv = leader.get(&format!("{base}&team={billing}")).await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let disposition = csv.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.contains("rapport-kpis-team-billing-2026-11-02-to-2026-11-15-by-week.csv"),
        "{disposition}"
    );
    let text = csv.text().await.unwrap();
    let rows: Vec<Vec<String>> = csv_rows(&text);
    assert_eq!(rows[0][0], "Period");
    assert_eq!(rows.len(), 4, "{text}");
    let w45 = &rows[1];
    assert_eq!(&w45[..4], ["2026-W45", "2026-11-02", "10", "20.0"]);
    assert_eq!(w45[7], "70.0");
    let w46 = &rows[2];
    assert_eq!(w46[3], "too few responses (1)");
    assert_eq!(w46[6], "1");
    assert_eq!(rows[3][0], "All");
    assert_eq!(rows[3][2], "13");

    // The export refuses what the page refuses.
    assert_eq!(
        tess.get(&format!("{base}&team={billing}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        ana.get(&format!("{base}&agent={}", ben_p.id))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let own = ana.get(base).await;
    assert_eq!(own.status(), StatusCode::OK);
    assert_eq!(csv_rows(&own.text().await.unwrap()).last().unwrap()[2], "6");
    let bad = leader
        .get("/export/kpis.csv?from=2026-11-15&to=2026-11-01")
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("ends before it starts"));
    let signed_out = server.client().get(base).await;
    assert_eq!(signed_out.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        leader.get("/export/nothing.csv").await.status(),
        StatusCode::NOT_FOUND
    );
    // Another organisation's leader reads none of it.
    let other = server
        .world_named("Other Org", "Olga", "olga@other.example")
        .await
        .founder;
    assert_eq!(
        other.get(&format!("{base}&team={billing}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let theirs = other.get(base).await.text().await.unwrap();
    assert_eq!(csv_rows(&theirs).last().unwrap()[2], "0");
}
