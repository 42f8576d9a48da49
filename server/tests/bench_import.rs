//! Benchmarks, not tests: run with `make bench`. They print how long a
//! 50,000-row CSV import takes over HTTP and how fast the call list pages at
//! 100,000 calls, on the database in TEST_DATABASE_URL or SQLite.

#[path = "api/common.rs"]
mod common;

use common::*;
use serde_json::json;
use std::time::Instant;

fn csv(rows: usize, offset: usize) -> String {
    let mut s = String::from(
        "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference\n",
    );
    for i in 0..rows {
        let n = i + offset;
        let agent = ["ana", "ben", "cy", "dee"][n % 4];
        s.push_str(&format!(
            "{agent}@example.com,Billing,2025-{:02}-{:02} {:02}:{:02},phone,{},{},{},yes,{},{},no,no,,,B-{n}\n",
            1 + n % 12,
            1 + n % 28,
            n % 24,
            n % 60,
            60 + n % 900,
            1 + n % 5,
            n % 11,
            1 + n % 60,
            5 + n % 200
        ));
    }
    s
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run with make bench"]
async fn import_50000_calls_and_page_through_100000() {
    let server = TestServer::start().await;
    let admin = server.client();
    admin.sign_up("Bench", "Dana", "dana@example.com").await;
    let team = admin.create_team("Billing").await.to_string();
    for who in ["ana", "ben", "cy", "dee"] {
        admin
            .call(
                "admin/create_user",
                &[
                    ("name", who),
                    ("email", &format!("{who}@example.com")),
                    ("roles", "agent"),
                    ("password", PASSWORD),
                    ("team_id", &team),
                ],
            )
            .await
            .ok();
    }
    for round in 0..2 {
        let text = csv(50_000, round * 50_000);
        let started = Instant::now();
        let preview = admin
            .call_json("calls/import", json!({ "csv": text, "commit": false }))
            .await;
        assert_eq!(preview.ok()["rows"], 50_000);
        let checked = started.elapsed();
        let started = Instant::now();
        let done = admin
            .call_json("calls/import", json!({ "csv": text, "commit": true }))
            .await;
        assert_eq!(done.ok()["committed"], true);
        println!(
            "import {} of 50,000 rows ({:.1} MB): check {:.2?}, check and commit {:.2?}",
            round + 1,
            text.len() as f64 / 1e6,
            checked,
            started.elapsed()
        );
    }
    let filters = [
        json!({}),
        json!({ "reviewed": false }),
        json!({ "channel": "phone", "from": "2025-03-01", "to": "2025-06-30" }),
        json!({ "complaint": true }),
    ];
    for filter in filters {
        let started = Instant::now();
        let mut page = admin
            .call_json("calls/list", json!({ "filter": filter }))
            .await
            .ok()
            .clone();
        let first = started.elapsed();
        let mut pages = 1;
        while pages < 20 {
            let Some(next) = page["next"].as_str().map(str::to_string) else {
                break;
            };
            let mut f = filter.clone();
            f["after"] = json!(next);
            page = admin
                .call_json("calls/list", json!({ "filter": f }))
                .await
                .ok()
                .clone();
            pages += 1;
        }
        println!(
            "call list at 100,000 calls, filter {filter}: first page {first:.2?}, {pages} pages in {:.2?}",
            started.elapsed()
        );
    }
}
