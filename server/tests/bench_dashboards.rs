//! Benchmarks, not tests: run with `make bench`. They build the scale
//! fixture (tests/scale) and print how long the KPI, quality and insight
//! views take for the organisation, a team, a coach's teams and one agent
//! over 90 and 365 days, on the database in TEST_DATABASE_URL or SQLite.

#[path = "api/common.rs"]
mod common;
mod scale;

use common::*;
use serde_json::json;
use std::time::{Duration, Instant};

const RUNS: usize = 20;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run with make bench"]
async fn dashboards_at_100000_calls() {
    let server = TestServer::start().await;
    let started = Instant::now();
    let s = scale::build(&server).await;
    println!(
        "scale fixture: {} calls, {} reviews, {} teams of {} agents, built in {:.1?}",
        scale::CALLS,
        scale::REVIEWS,
        scale::TEAMS,
        scale::AGENTS_PER_TEAM,
        started.elapsed()
    );
    let today = chrono::Utc::now().date_naive();
    let who: [(&str, &Api, Option<i32>, Option<i32>); 5] = [
        ("leader, organisation", &s.leader, None, None),
        ("leader, one team", &s.leader, Some(s.first_team), None),
        ("leader, one agent", &s.leader, None, Some(s.first_agent)),
        ("coach, own team", &s.coach, None, None),
        ("agent, own calls", &s.agent, None, None),
    ];
    println!(
        "{:<24} {:>5} {:<22} {:>9} {:>9}",
        "who", "days", "endpoint", "p50", "p95"
    );
    for (label, api, team, agent) in who {
        for days in [90, 365] {
            // Insight compares agents: not an agent's.
            let insight = agent.is_none() && label != "agent, own calls";
            let endpoints: &[&str] = if insight {
                &[
                    "kpi/figures",
                    "kpi/quality",
                    "insight/satisfaction",
                    "insight/target-effects",
                ]
            } else {
                &["kpi/figures", "kpi/quality"]
            };
            for endpoint in endpoints.iter().copied() {
                let mut query = json!({ "query": {
                    "team_id": team, "agent_id": agent, "channel": null,
                    "from": (today - chrono::Duration::days(days - 1)).to_string(),
                    "to": today.to_string(),
                    "grouping": if days > 120 { "Month" } else { "Week" },
                    "short_abandon_seconds": 10,
                }});
                if endpoint == "insight/satisfaction" {
                    query["outcome"] = json!("csat");
                }
                api.call_json(endpoint, query.clone()).await.ok();
                let mut times: Vec<Duration> = (0..RUNS).map(|_| Duration::ZERO).collect();
                for t in times.iter_mut() {
                    let at = Instant::now();
                    api.call_json(endpoint, query.clone()).await.ok();
                    *t = at.elapsed();
                }
                times.sort();
                println!(
                    "{label:<24} {days:>5} {endpoint:<22} {:>9.1?} {:>9.1?}",
                    times[RUNS / 2],
                    times[RUNS * 95 / 100 - 1]
                );
            }
        }
    }
    // The development team view: every agent in reach with gaps and targets.
    for (label, api) in [
        ("leader, organisation", &s.leader),
        ("coach, own team", &s.coach),
    ] {
        let answer = api.call("development/team", &[]).await;
        assert_eq!(answer.status, 200, "{:?}", answer.body);
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let at = Instant::now();
            api.call("development/team", &[]).await.ok();
            times.push(at.elapsed());
        }
        times.sort();
        println!(
            "{label:<24} {:>5} {:<22} {:>9.1?} {:>9.1?}",
            90,
            "development/team",
            times[RUNS / 2],
            times[RUNS * 95 / 100 - 1]
        );
    }
}
