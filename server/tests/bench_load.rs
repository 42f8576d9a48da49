//! A load test, not a test: run with `make bench`. On the scale fixture
//! (tests/scale), 64 signed-in people (leaders, coaches and agents) ask for
//! a mix of their pages through `wrk` on loopback for 60 seconds
//! (`RAPPORT_LOAD_SECONDS` to change it), after `/healthz` alone for a
//! third of that, so that the page throughput can be read as a share of
//! the bare handler's in the same run. Any answer but 200 is an error.
//!
//! The fixture is built in this process; what is timed is the server
//! binary, started on the fixture's database as a process of its own, so
//! that its memory is its own. It takes the environment of this process
//! (`RAPPORT_DB_CONNECTIONS`, `RUST_LOG`).

#[path = "api/common.rs"]
mod common;
// The load test signs its people in itself; the fixture's clients go unused.
#[allow(dead_code)]
mod scale;

use common::*;
use sea_orm::ConnectionTrait;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::Instant;

const USERS: usize = 64;
/// A server function with its JSON body, or else its form fields.
type FunctionCall<'a> = (&'a str, Option<Value>, Vec<(&'a str, &'a str)>);
/// Sequential loads of each page before the load test.
const RUNS: usize = 20;
/// What Chromium accepts, so that answers are compressed as a browser gets
/// them.
const ENCODINGS: &str = "gzip, deflate, br, zstd";

/// The release server binary on the fixture's database, stopped when
/// dropped.
struct ServerProcess {
    base: String,
    child: std::process::Child,
    _dir: tempfile::TempDir,
}

impl ServerProcess {
    async fn start(database_url: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .env("DATABASE_URL", database_url)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("RAPPORT_DEMO", "false")
            .env("RAPPORT_STORAGE_DIR", dir.path().join("recordings"))
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start the server binary");
        let base = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let deadline = Instant::now() + std::time::Duration::from_secs(60);
        // Up once it answers its health check (its migrations find nothing
        // to do, its statistics are gathered).
        loop {
            if let Ok(r) = http.get(format!("{base}/healthz")).send().await {
                if r.status().is_success() {
                    break;
                }
            }
            assert!(Instant::now() < deadline, "the server did not start");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        ServerProcess {
            base,
            child,
            _dir: dir,
        }
    }

    fn client(&self) -> Api {
        Api::fresh(&self.base)
    }

    /// The server's peak and current resident memory, as the kernel counts
    /// them.
    fn memory(&self) -> Vec<String> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        ["VmHWM", "VmRSS"]
            .iter()
            .filter_map(|key| status.lines().find(|l| l.starts_with(key)))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Pages each role opens in a working day, with their session cookie.
fn pages_of(email: &str, first_agent: i32) -> Vec<String> {
    let agent = format!("/development?agent={first_agent}");
    if email.starts_with("lee@") {
        [
            "/home",
            "/calls",
            "/team",
            "/kpis",
            "/continuum",
            "/complaints",
            &agent,
        ]
        .map(String::from)
        .to_vec()
    } else if email.starts_with("coach") {
        [
            "/home",
            "/calls",
            "/team",
            "/kpis",
            "/complaints",
            "/calibration",
        ]
        .map(String::from)
        .to_vec()
    } else {
        ["/home", "/calls", "/development", "/practice", "/kpis"]
            .map(String::from)
            .to_vec()
    }
}

/// The session cookie (`name=value`) of a fresh sign-in.
async fn session_cookie(server: &ServerProcess, email: &str) -> String {
    let response = reqwest::Client::new()
        .post(format!("{}/api/log_in", server.base))
        .form(&[("email", email), ("password", PASSWORD)])
        .send()
        .await
        .expect("log in");
    assert!(response.status().is_success(), "{email} could not sign in");
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(server::SESSION_COOKIE))
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_string()
}

/// A wrk script that sends these requests in turn (each thread from the
/// start) and reports, besides latency, every answer that is not a 200.
fn script(requests: &[(String, String)]) -> String {
    let mut lua = String::from("local reqs = {\n");
    for (path, cookie) in requests {
        writeln!(lua, "  {{ {path:?}, {cookie:?} }},").unwrap();
    }
    lua.push_str(
        r#"}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) i = 0; bad = 0 end
function request()
  i = i + 1
  local r = reqs[(i % #reqs) + 1]
  local headers = { ["Accept"] = "text/html", ["Accept-Encoding"] = "ENCODINGS" }
  if r[2] ~= "" then headers["Cookie"] = r[2] end
  return wrk.format("GET", r[1], headers)
end
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local not200 = 0
  for _, t in ipairs(threads) do not200 = not200 + t:get("bad") end
  local e = summary.errors
  io.write(string.format("REQUESTS %d\n", summary.requests))
  io.write(string.format("SECONDS %.3f\n", summary.duration / 1e6))
  io.write(string.format("ERRORS %d\n", not200 + e.connect + e.read + e.write + e.timeout))
  io.write(string.format("P50 %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("P99 %.2f\n", latency:percentile(99) / 1000))
end
"#
        .replace("ENCODINGS", ENCODINGS)
        .as_str(),
    );
    lua
}

struct Run {
    requests: f64,
    seconds: f64,
    errors: f64,
    p50_ms: f64,
    p99_ms: f64,
}

impl Run {
    fn per_second(&self) -> f64 {
        self.requests / self.seconds
    }
}

fn wrk(server: &ServerProcess, requests: &[(String, String)], seconds: u64) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mix.lua");
    std::fs::write(&path, script(requests)).unwrap();
    let out = std::process::Command::new("wrk")
        .args(["-t", "2", "-c", &USERS.to_string()])
        .args(["-d", &format!("{seconds}s"), "--timeout", "10s", "-s"])
        .arg(&path)
        .arg(&server.base)
        .output()
        .expect("run wrk (Debian package wrk; `make bench` installs it)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "wrk failed: {text}");
    let figures: HashMap<&str, f64> = text
        .lines()
        .filter_map(|l| l.split_once(' '))
        .filter_map(|(k, v)| Some((k, v.trim().parse().ok()?)))
        .collect();
    let get = |k: &str| *figures.get(k).unwrap_or_else(|| panic!("no {k} in {text}"));
    Run {
        requests: get("REQUESTS"),
        seconds: get("SECONDS"),
        errors: get("ERRORS"),
        p50_ms: get("P50"),
        p99_ms: get("P99"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a load test: run with make bench"]
async fn sixty_four_people_for_a_minute_at_100000_calls() {
    let seconds: u64 = std::env::var("RAPPORT_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    // RUST_LOG=sqlx::query=debug shows every statement with its time.
    if let Ok(filter) = std::env::var("RUST_LOG") {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    let fixture = TestServer::start().await;
    let started = Instant::now();
    let s = scale::build(&fixture).await;
    println!("scale fixture built in {:.1?}", started.elapsed());
    // Planner statistics, as a database in use has them (PostgreSQL's
    // autovacuum gathers them some time after a bulk load; timings taken
    // before that are of plans nobody would get).
    fixture.db.execute_unprepared("ANALYZE").await.unwrap();
    let server = ServerProcess::start(&fixture.database_url).await;

    // Four leaders' sessions, the twenty coaches, forty agents.
    let mut emails: Vec<String> = vec!["lee@scale.example".into(); 4];
    emails.extend((0..scale::TEAMS).map(|t| format!("coach{t}@scale.example")));
    emails.extend((0..USERS - emails.len()).map(|i| {
        format!(
            "agent{}-{}@scale.example",
            i % scale::TEAMS,
            i / scale::TEAMS
        )
    }));
    let probe = server.client();
    let mut people: Vec<Vec<(String, String)>> = vec![];
    for email in &emails {
        let cookie = session_cookie(&server, email).await;
        let mut theirs = vec![];
        for page in pages_of(email, s.first_agent) {
            // Every page answers before the clock starts.
            let status = probe
                .http
                .get(format!("{}{page}", server.base))
                .header("cookie", &cookie)
                .header("accept", "text/html")
                .header("accept-encoding", ENCODINGS)
                .send()
                .await
                .unwrap()
                .status();
            assert_eq!(status, 200, "{email} on {page}");
            theirs.push((page, cookie.clone()));
        }
        people.push(theirs);
    }
    // Each role's pages one at a time first: what one person waits for.
    println!("{:<8} {:<30} {:>9} {:>9}", "role", "page", "p50", "p95");
    for (role, who) in [("leader", 0), ("coach", 4), ("agent", 4 + scale::TEAMS)] {
        for (page, cookie) in &people[who] {
            let mut times = Vec::with_capacity(RUNS);
            for _ in 0..RUNS {
                let at = Instant::now();
                probe
                    .http
                    .get(format!("{}{page}", server.base))
                    .header("cookie", cookie)
                    .header("accept", "text/html")
                    .header("accept-encoding", ENCODINGS)
                    .send()
                    .await
                    .unwrap()
                    .bytes()
                    .await
                    .unwrap();
                times.push(at.elapsed());
            }
            times.sort();
            println!(
                "{role:<8} {page:<30} {:>9.1?} {:>9.1?}",
                times[RUNS / 2],
                times[RUNS * 95 / 100 - 1]
            );
        }
    }

    // The server functions behind the slower pages, one at a time.
    let today = chrono::Utc::now().date_naive();
    let home_kpis = json!({ "query": {
        "team_id": null, "agent_id": null, "channel": null,
        "from": (today - chrono::Duration::days(89)).to_string(),
        "to": today.to_string(),
        "grouping": "Week",
        "short_abandon_seconds": 10,
    }});
    let agent = s.first_agent.to_string();
    println!(
        "{:<8} {:<30} {:>9} {:>9}",
        "role", "server function", "p50", "p95"
    );
    for (role, who) in [("leader", 0), ("coach", 4), ("agent", 4 + scale::TEAMS)] {
        let api = server.client();
        api.log_in(&emails[who], PASSWORD).await.ok();
        let mut calls: Vec<FunctionCall> = vec![
            ("home", None, vec![]),
            ("reviews/queue", None, vec![]),
            ("notifications/list", None, vec![]),
            ("complaints/reminders", None, vec![]),
            ("kpi/figures", Some(home_kpis.clone()), vec![]),
        ];
        if role == "agent" {
            calls.push(("development/benchmark", None, vec![]));
        } else {
            calls.push(("development/team", None, vec![]));
            if role == "leader" {
                calls.push(("development/benchmark", None, vec![("agent_id", &agent)]));
            }
        }
        for (endpoint, json, form) in calls {
            let mut times = Vec::with_capacity(RUNS);
            for _ in 0..=RUNS {
                let at = Instant::now();
                let answer = match &json {
                    Some(body) => api.call_json(endpoint, body.clone()).await,
                    None => api.call(endpoint, &form).await,
                };
                times.push(at.elapsed());
                answer.ok();
            }
            times.remove(0);
            times.sort();
            println!(
                "{role:<8} {endpoint:<30} {:>9.1?} {:>9.1?}",
                times[RUNS / 2],
                times[RUNS * 95 / 100 - 1]
            );
        }
    }

    // Person after person, each on their next page, so that consecutive
    // requests come from different people and pages.
    let rounds = people.iter().map(Vec::len).max().unwrap_or(0);
    let requests: Vec<(String, String)> = (0..rounds)
        .flat_map(|round| people.iter().map(move |p| p[round % p.len()].clone()))
        .collect();

    // The blocking wrk runs beside the server on the runtime's other thread.
    let healthz = tokio::task::block_in_place(|| {
        wrk(
            &server,
            &[("/healthz".into(), String::new())],
            (seconds / 3).max(5),
        )
    });
    let pages = tokio::task::block_in_place(|| wrk(&server, &requests, seconds));
    println!(
        "{:<34} {:>9} {:>8} {:>9} {:>9} {:>7}",
        "what", "req/s", "errors", "p50", "p99", "share"
    );
    for (what, run) in [
        ("/healthz (bare handler)", &healthz),
        ("64 signed-in people, page mix", &pages),
    ] {
        println!(
            "{what:<34} {:>9.0} {:>8} {:>7.1}ms {:>7.1}ms {:>6.1}%",
            run.per_second(),
            run.errors,
            run.p50_ms,
            run.p99_ms,
            100.0 * run.per_second() / healthz.per_second()
        );
    }
    for line in server.memory() {
        println!("memory of the server process, {line}");
    }
    assert_eq!(pages.errors, 0.0, "every request answered 200");
    assert_eq!(healthz.errors, 0.0);
}
