//! Insight over HTTP: a known review history, imported as an admin would,
//! gives the expected groups and effects per behaviour, by CSAT and by
//! NPS; a bad cell imports nothing; coaches see only their teams, agents
//! not at all, other organisations nothing; and a target's behaviour is
//! compared before and after it was set.

use crate::common::*;
use app::domain::insight::stats::{
    benjamini_hochberg, hedges_g, newcombe, two_proportion_p, welch,
};
use app::domain::insight::Change;
use app::types::{CoachingView, HistoryOutcome, InsightView, TargetEffects, TargetView};
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

/// The behaviour keys and ids of the current framework, in order.
async fn behaviours(api: &Api) -> Vec<(String, i64)> {
    let fw = api.call("frameworks/show", &[]).await.ok().clone();
    fw["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["behaviours"].as_array().unwrap().clone())
        .map(|b| {
            (
                b["key"].as_str().unwrap().to_string(),
                b["id"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn day(days_ago: i64) -> String {
    (Utc::now() - Duration::days(days_ago))
        .format("%Y-%m-%d")
        .to_string()
}

/// A history file of new calls: per line the agent, team, coach, when,
/// CSAT, likelihood to recommend and the first two behaviours' ratings;
/// every other behaviour at 3 (in neither group).
/// Agent, team, coach, day, CSAT, likelihood, first and second rating.
type Line<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    i64,
    i64,
    &'a str,
    &'a str,
);

fn history(keys: &[String], lines: &[Line]) -> String {
    let mut s = String::from(
        "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,coach_email,reviewed_at",
    );
    for k in keys {
        s.push(',');
        s.push_str(k);
    }
    for (agent, team, coach, at, csat, ltr, first, second) in lines {
        s.push_str(&format!(
            "\n{agent},{team},{at} 10:00,phone,300,{csat},{ltr},{coach},{at} 12:00"
        ));
        for i in 0..keys.len() {
            s.push(',');
            s.push_str(match i {
                0 => first,
                1 => second,
                _ => "3",
            });
        }
    }
    s
}

fn query(team: Option<i64>) -> Value {
    json!({
        "team_id": team, "agent_id": null, "channel": null,
        "from": day(60), "to": day(0), "grouping": "Week",
        "short_abandon_seconds": null,
    })
}

async fn insight(api: &Api, team: Option<i64>, outcome: &str) -> InsightView {
    api.call_json(
        "insight/satisfaction",
        json!({ "query": query(team), "outcome": outcome }),
    )
    .await
    .typed()
}

async fn import(api: &Api, csv: &str, commit: bool) -> HistoryOutcome {
    api.call_json(
        "reviews/import-history",
        json!({ "csv": csv, "version": null, "commit": commit }),
    )
    .await
    .typed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_known_history_gives_the_expected_groups_and_effects() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let tech = world.team("Tech").await;
    let (_, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    world
        .member(tech, "coach", "Tess", "tess@example.com")
        .await;
    let (_, ana) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    world.member(tech, "agent", "Tom", "tom@example.com").await;
    let admin = &world.founder;
    let keys: Vec<String> = behaviours(admin).await.into_iter().map(|b| b.0).collect();

    // The first behaviour: 30 calls shown well (all satisfied, promoters)
    // against 25 weak (5 satisfied). The second: well on the first 22 of
    // them, weak on the other 33. Ana's calls in Billing, Tom's in Tech.
    let mut lines = Vec::new();
    for i in 0..55 {
        let (agent, team, coach) = if i % 2 == 0 {
            ("ana@example.com", "Billing", "casey@example.com")
        } else {
            ("tom@example.com", "Tech", "tess@example.com")
        };
        let at = day(1 + i % 40);
        let (first, csat, ltr) = match i {
            0..30 => ("5", 5, 10),
            30..50 => ("M", 2, 3),
            _ => ("1", 4, 8),
        };
        let second = if i < 22 { "5" } else { "2" };
        lines.push((agent, team, coach, at, csat, ltr, first, second));
    }
    let borrowed: Vec<_> = lines
        .iter()
        .map(|(a, t, c, at, s, l, f, sec)| (*a, *t, *c, at.as_str(), *s, *l, *f, *sec))
        .collect();
    let csv = history(&keys, &borrowed);

    // The check first: nothing written until committed.
    let checked = import(admin, &csv, false).await;
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    assert_eq!(
        (checked.reviews, checked.new_calls, checked.coaches),
        (55, 55, 2)
    );
    assert!(!checked.committed);
    assert_eq!(insight(admin, None, "csat").await.calls, 0);
    assert!(import(admin, &csv, true).await.committed);

    let v = insight(admin, None, "csat").await;
    assert_eq!(v.calls, 55);
    let first = v.rows.iter().find(|r| r.effect.well.calls == 30).unwrap();
    assert_eq!(
        (
            first.effect.well.good,
            first.effect.weak.calls,
            first.effect.weak.good
        ),
        (30, 25, 5)
    );
    let t = first.effect.tested.unwrap();
    let d = newcombe(30, 30, 5, 25).unwrap();
    close(t.difference.value, d.value);
    close(t.difference.low, d.low);
    close(t.difference.high, d.high);
    let well = vec![5.0; 30];
    let mut weak = vec![2.0; 20];
    weak.extend([4.0; 5]);
    close(
        t.hedges_g.unwrap().value,
        hedges_g(&well, &weak).unwrap().value,
    );
    let p = two_proportion_p(30, 30, 5, 25).unwrap();
    close(t.p, p);
    assert!(t.passes);
    let second = v.rows.iter().find(|r| r.effect.well.calls == 22).unwrap();
    assert_eq!(second.effect.weak.calls, 33);
    // Two behaviours tested, adjusted together.
    let p2 = two_proportion_p(22, 22, 13, 33).unwrap();
    close(t.adjusted_p, benjamini_hochberg(&[p, p2])[0]);
    // Ranked by the difference: the first behaviour leads.
    assert_eq!(v.rows[0].lineage, first.lineage);
    // Every other behaviour was rated 3: in neither group, too few calls.
    assert!(v.rows[2..]
        .iter()
        .all(|r| r.effect.tested.is_none() && r.effect.well.calls == 0));

    // By NPS: promoters (9–10) against detractors (0–6); the 8s are passives, left out.
    let nps = insight(admin, None, "nps").await;
    let first_nps = nps
        .rows
        .iter()
        .find(|r| r.lineage == first.lineage)
        .unwrap();
    assert_eq!(first_nps.effect.well.calls, 30);
    assert_eq!(
        (first_nps.effect.weak.calls, first_nps.effect.weak.good),
        (20, 0)
    );
    assert!(first_nps.effect.tested.is_some());

    // A coach reads their teams only; an agent not at all; another
    // organisation nothing.
    let billing_only = insight(&casey, None, "csat").await;
    assert_eq!(billing_only.calls, 28);
    casey
        .call_json(
            "insight/satisfaction",
            json!({ "query": query(Some(tech)), "outcome": "csat" }),
        )
        .await
        .refused();
    let refused = ana
        .call_json(
            "insight/satisfaction",
            json!({ "query": query(None), "outcome": "csat" }),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let other = server
        .world_named("Other", "Olga", "olga@example.com")
        .await;
    assert_eq!(insight(&other.founder, None, "csat").await.calls, 0);
    assert_eq!(
        other
            .founder
            .call_json(
                "reviews/import-history",
                json!({ "csv": csv, "version": null, "commit": true })
            )
            .await
            .typed::<HistoryOutcome>()
            .problems[0]
            .column,
        "agent_email"
    );

    // The view as CSV, ranked as on the page.
    let text = admin
        .get(&format!(
            "/export/insight.csv?from={}&to={}&outcome=csat",
            day(60),
            day(0)
        ))
        .await
        .text()
        .await
        .unwrap();
    let rows = csv_rows(&text);
    assert_eq!(rows[0][0], "Behaviour");
    assert_eq!(rows[1][2], "30");
    assert_eq!(rows[1][14], "yes");
    assert!(rows[3][14].starts_with("too few calls"), "{:?}", rows[3]);
    let agent_csv = ana
        .get(&format!(
            "/export/insight.csv?from={}&to={}",
            day(60),
            day(0)
        ))
        .await;
    assert_eq!(agent_csv.status(), StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_history_with_one_bad_cell_imports_nothing_and_names_it() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    let (ana_p, ana) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let admin = &world.founder;
    let keys: Vec<String> = behaviours(admin).await.into_iter().map(|b| b.0).collect();
    let d = day(2);
    let mut csv = history(
        &keys,
        &[
            (
                "ana@example.com",
                "Billing",
                "casey@example.com",
                &d,
                4,
                9,
                "4",
                "4",
            ),
            (
                "ana@example.com",
                "Billing",
                "casey@example.com",
                &d,
                4,
                9,
                "4",
                "7",
            ),
        ],
    );
    let bad = import(admin, &csv, true).await;
    assert!(!bad.committed);
    assert_eq!(bad.problems.len(), 1);
    assert_eq!(bad.problems[0].line, 3);
    assert_eq!(bad.problems[0].column, keys[1]);
    let calls = admin
        .call_json("calls/list", json!({ "filter": { "agent_id": ana_p.id } }))
        .await;
    assert!(calls.ok()["rows"].as_array().unwrap().is_empty());

    // A call already in Rapport, by reference: reviewed as imported, which
    // asks nothing of the agent. A coach who is the agent is refused.
    admin
        .call_json(
            "calls/import",
            json!({ "csv": format!("agent_email,team,occurred_at,channel,duration_seconds,reference\nana@example.com,Billing,{d} 09:00,phone,300,REF-1\n"), "commit": true }),
        )
        .await
        .ok();
    csv = format!("call_reference,coach_email,reviewed_at,{}\nREF-1,casey@example.com,{d} 12:00,{}\nREF-1,ana@example.com,{d} 12:00,{}\nREF-9,casey@example.com,{d} 12:00,{}",
        keys.join(","),
        vec!["4"; keys.len()].join(","),
        vec!["4"; keys.len()].join(","),
        vec!["4"; keys.len()].join(","));
    let refused = import(admin, &csv, true).await;
    let at: Vec<(usize, &str)> = refused
        .problems
        .iter()
        .map(|p| (p.line, p.column.as_str()))
        .collect();
    assert_eq!(at, vec![(3, "coach_email"), (4, "call_reference")]);
    csv = csv.lines().take(2).collect::<Vec<_>>().join("\n");
    let done = import(admin, &csv, true).await;
    assert_eq!(
        (done.reviews, done.new_calls, done.existing_calls),
        (1, 0, 1)
    );
    let listed = ana.call_json("calls/list", json!({ "filter": {} })).await;
    let call_id = listed.ok()["rows"][0]["id"].to_string();
    let detail = ana.call("calls/get", &[("id", &call_id)]).await;
    let review_id = detail.ok()["reviews"][0]["id"].to_string();
    let review = ana.call("reviews/get", &[("id", &review_id)]).await;
    assert_eq!(review.ok()["can_respond"], false);
    assert!(review.ok()["imported_on"].is_string());
    let ack = ana.call("reviews/acknowledge", &[("id", &review_id)]).await;
    assert_eq!(ack.status, StatusCode::CONFLICT);

    // Only an admin imports history.
    world.person("Lee", "lee@example.com", "leader").await;
    let lee = server.signed_in("lee@example.com").await;
    let answer = lee
        .call_json(
            "reviews/import-history",
            json!({ "csv": csv, "version": null, "commit": true }),
        )
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_targets_behaviour_is_compared_before_and_after_it_was_set() {
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
    let (ana_p, _) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let admin = &world.founder;
    let all = behaviours(admin).await;
    let keys: Vec<String> = all.iter().map(|b| b.0.clone()).collect();
    // Yesterday's calls before the target, today's after.
    let today = day(0);
    let yesterday = day(1);
    let now = (Utc::now() - Duration::seconds(1))
        .format("%H:%M:%S")
        .to_string();
    let mut csv = format!(
        "agent_email,team,occurred_at,channel,duration_seconds,coach_email,reviewed_at,{}",
        keys.join(",")
    );
    let rest = vec!["3"; keys.len() - 1].join(",");
    for (at, level) in [
        (format!("{yesterday} 10:00"), 2),
        (format!("{yesterday} 11:00"), 2),
        (format!("{yesterday} 12:00"), 3),
        (format!("{today} {now}"), 4),
        (format!("{today} {now}"), 4),
        (format!("{today} {now}"), 5),
    ] {
        csv.push_str(&format!(
            "\nana@example.com,Billing,{at},phone,300,casey@example.com,{at},{level},{rest}"
        ));
    }
    assert!(import(admin, &csv, true).await.committed);
    let target = casey
        .call(
            "targets/create",
            &[
                ("agent_id", &ana_p.id.to_string()),
                ("behaviour_id", &all[0].1.to_string()),
                ("level", "5"),
                ("due_on", &day(-30)),
                ("plan", "Role-play twice a week."),
            ],
        )
        .await
        .ok()
        .to_string();
    let t: TargetView = casey.call("targets/get", &[("id", &target)]).await.typed();
    assert_eq!((t.coaching.before.calls, t.coaching.after.calls), (3, 3));
    close(t.coaching.before.mean.unwrap(), 7.0 / 3.0);
    close(t.coaching.after.mean.unwrap(), 13.0 / 3.0);
    let want = welch(&[2.0, 2.0, 3.0], &[4.0, 4.0, 5.0]).unwrap();
    let Change::Measured {
        difference,
        interval: Some(i),
    } = t.coaching.change
    else {
        panic!("expected a measured change: {:?}", t.coaching.change);
    };
    close(difference, 2.0);
    close(i.low, want.low);
    close(i.high, want.high);
    assert_eq!(t.coaching_windows.on, today);

    // The coach's view of the agent: every behaviour from the same date.
    let v: CoachingView = casey
        .call_json(
            "insight/agent-coaching",
            json!({ "agent_id": ana_p.id, "on": today }),
        )
        .await
        .typed();
    assert_eq!(v.rows[0].change, t.coaching.change);
    assert_eq!(
        v.rows[1].change,
        Change::Measured {
            difference: 0.0,
            interval: None
        }
    );
    // The leader's list of targets and their effect.
    let list: TargetEffects = admin
        .call_json("insight/target-effects", json!({ "query": query(None) }))
        .await
        .typed();
    assert_eq!(list.targets.len(), 1);
    assert_eq!(list.targets[0].row.change, t.coaching.change);
    // Another team's coach does not reach Ana.
    tess.call_json(
        "insight/agent-coaching",
        json!({ "agent_id": ana_p.id, "on": today }),
    )
    .await
    .refused();
    let theirs: TargetEffects = tess
        .call_json("insight/target-effects", json!({ "query": query(None) }))
        .await
        .typed();
    assert!(theirs.targets.is_empty());
    let csv = admin
        .get(&format!(
            "/export/coaching.csv?agent={}&on={today}",
            ana_p.id
        ))
        .await
        .text()
        .await
        .unwrap();
    let rows = csv_rows(&csv);
    assert_eq!(rows[1][1..6], ["3", "2.33", "3", "4.33", "2.00"]);
}
