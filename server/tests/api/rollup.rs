//! The rollups always equal a recomputation: after imports, a call added
//! by hand on an earlier day, a second import on the same days, reviews
//! submitted and one amended after a dispute, rebuilding changes nothing;
//! and the rebuild command makes lost rollups again.

use crate::common::*;
use app::domain::kpi::pack::decode;
use app::server::entities::{kpi_day, quality_day};
use app::server::kernel::kpi_rollup::{self, WHOLE_ORG};
use app::server::kernel::quality_rollup;
use app::types::KpiFigures;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

const HEADER: &str = "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference\n";

async fn snapshot(server: &TestServer, org: i32) -> Vec<(i32, String, String, i32, usize)> {
    kpi_day::Entity::find()
        .filter(kpi_day::Column::OrgId.eq(org))
        .order_by_asc(kpi_day::Column::TeamId)
        .order_by_asc(kpi_day::Column::Day)
        .order_by_asc(kpi_day::Column::Channel)
        .all(&server.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            let n = decode(&r.pack).expect("a pack").len();
            assert_eq!(n, r.enquiries as usize);
            (
                r.team_id,
                r.day.to_string(),
                format!("{:?}", r.channel),
                r.enquiries,
                n,
            )
        })
        .collect()
}

/// The quality rollup's rows: (day, reviews, pack).
async fn quality(server: &TestServer, org: i32) -> Vec<(String, i32, Vec<u8>)> {
    quality_day::Entity::find()
        .filter(quality_day::Column::OrgId.eq(org))
        .order_by_asc(quality_day::Column::Day)
        .all(&server.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.day.to_string(), r.reviews, r.pack))
        .collect()
}

async fn import(api: &Api, lines: &[String]) {
    let csv = format!("{HEADER}{}\n", lines.join("\n"));
    let outcome = api
        .call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await;
    assert_eq!(outcome.ok()["committed"], true, "{:?}", outcome.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rollup_always_equals_a_recomputation_from_the_calls() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let tech = world.team("Tech").await;
    let (ana, ana_api) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let (_, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    world.member(tech, "agent", "Tom", "tom@example.com").await;
    let leader = world.founder;
    let org = app::server::entities::user::Entity::find_by_id(ana.id as i32)
        .one(&server.db)
        .await
        .unwrap()
        .unwrap()
        .org_id;

    let line = |who: &str, team: &str, day: u32, hour: u32, channel: &str, i: usize| {
        let csat = ["", "5", "3", "1"][i % 4];
        let ltr = ["9", "", "6", "10"][i % 4];
        let abandoned = if i.is_multiple_of(5) { "yes" } else { "no" };
        format!(
            "{who}@example.com,{team},2026-11-{day:02} {hour:02}:15,{channel},{},{csat},{ltr},{},{},{},{abandoned},{},,,",
            8 + i * 13,
            if i.is_multiple_of(3) && !i.is_multiple_of(5) { "yes" } else { "" },
            if i.is_multiple_of(3) && !i.is_multiple_of(5) { (i * 7).to_string() } else { String::new() },
            if channel == "phone" { String::new() } else { (i * 60).to_string() },
            if i.is_multiple_of(7) { "yes" } else { "no" },
        )
    };
    let first: Vec<String> = (0..30usize)
        .map(|i| {
            let (who, team) = if i.is_multiple_of(2) {
                ("ana", "Billing")
            } else {
                ("tom", "Tech")
            };
            line(
                who,
                team,
                2 + (i % 5) as u32,
                8 + (i % 9) as u32,
                ["phone", "chat", "email"][i % 3],
                i,
            )
        })
        .collect();
    import(&leader, &first).await;
    let after_import = snapshot(&server, org).await;
    assert!(!after_import.is_empty());

    // One call by hand on a day that already has calls, at 23:30 UTC.
    leader.new_call(ana.id, "2026-11-03 23:30", "chat").await;
    // A second import on the same days and a new one.
    let second: Vec<String> = (30..50)
        .map(|i| {
            line(
                "tom",
                "Tech",
                3 + (i % 4) as u32,
                9 + (i % 8) as u32,
                ["chat", "email"][i % 2],
                i,
            )
        })
        .collect();
    import(&leader, &second).await;
    let kept = snapshot(&server, org).await;
    let total = |rows: &[(i32, String, String, i32, usize)], team: Option<i32>| {
        rows.iter()
            .filter(|r| team.map_or(r.0 == WHOLE_ORG, |t| r.0 == t))
            .map(|r| r.4)
            .sum::<usize>()
    };
    assert_eq!(total(&kept, None), 51);
    assert_eq!(total(&kept, Some(billing as i32)), 16);
    assert_eq!(total(&kept, Some(tech as i32)), 35);

    // A rebuild from the calls changes nothing.
    kpi_rollup::rebuild(&server.db, org).await.unwrap();
    assert_eq!(snapshot(&server, org).await, kept);

    // Reviews: two of Ana's calls scored, one disputed and amended.
    let ids = framework_behaviours(&leader).await;
    let ana_calls: Vec<String> = leader
        .call_json("calls/list", json!({ "filter": { "agent_id": ana.id } }))
        .await
        .ok()["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].to_string())
        .collect();
    for call in &ana_calls[..2] {
        score_call(&casey, call, &ids, 4, 3).await;
    }
    let reviews = quality(&server, org).await;
    assert_eq!(reviews.iter().map(|r| r.1).sum::<i32>(), 2);
    let review = ana_api.call("reviews/queue", &[]).await.ok()["mine"][0]["id"].clone();
    ana_api
        .call(
            "reviews/dispute",
            &[
                ("id", &review.to_string()),
                ("reason", "The customer had already agreed the timescale."),
            ],
        )
        .await
        .ok();
    leader
        .call_json(
            "reviews/resolve",
            json!({ "id": review, "outcome": "amended", "note": "Agreed.", "ratings": [[ids[0], 5]] }),
        )
        .await
        .ok();
    let amended = quality(&server, org).await;
    assert_ne!(amended, reviews, "the amendment is in the rollup");
    quality_rollup::rebuild(&server.db, org).await.unwrap();
    assert_eq!(quality(&server, org).await, amended);

    // The figures the rollup gives are those of the calls: the whole
    // organisation's equal its two teams' together.
    let figures = |team: Option<i64>| {
        let leader = &leader;
        async move {
            let f: KpiFigures = leader
                .call_json(
                    "kpi/figures",
                    json!({ "query": {
                        "team_id": team, "agent_id": null, "channel": null,
                        "from": "2026-11-01", "to": "2026-11-10", "grouping": "Day",
                        "short_abandon_seconds": 10,
                    }}),
                )
                .await
                .typed();
            f
        }
    };
    let all = figures(None).await;
    assert_eq!(all.total.enquiries, 51);
    assert_eq!(
        figures(Some(billing)).await.total.enquiries + figures(Some(tech)).await.total.enquiries,
        51
    );
    let third = all
        .periods
        .iter()
        .find(|p| p.start == "2026-11-03")
        .unwrap();
    assert!(third.enquiries > 0);

    // Lost (a restore without them): the command makes them again.
    kpi_day::Entity::delete_many()
        .filter(kpi_day::Column::OrgId.eq(org))
        .exec(&server.db)
        .await
        .unwrap();
    quality_day::Entity::delete_many()
        .filter(quality_day::Column::OrgId.eq(org))
        .exec(&server.db)
        .await
        .unwrap();
    assert_eq!(figures(None).await.total.enquiries, 0);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("rebuild-rollups")
        .env("DATABASE_URL", &server.database_url)
        .env("RAPPORT_DEMO", "false")
        .output()
        .expect("the server binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Rebuilt the KPI and quality rollups"));
    assert_eq!(snapshot(&server, org).await, kept);
    assert_eq!(quality(&server, org).await, amended);
    assert_eq!(figures(None).await, all);
}
