//! Starts the real server in-process on an ephemeral port, each test on its
//! own empty database: a SQLite file by default, or a fresh PostgreSQL
//! database when TEST_DATABASE_URL points at a cluster.
#![allow(dead_code)]

use reqwest::{Client, Response, StatusCode};
use sea_orm::{ConnectionTrait, Database};
use serde_json::Value;
use server::config::Config;
use std::collections::HashMap;
use tokio::sync::oneshot;

pub struct TestServer {
    pub base: String,
    pub database_url: String,
    /// The server's own pool, for tests that take the database away.
    pub db: sea_orm::DatabaseConnection,
    stop: Option<oneshot::Sender<()>>,
    /// The PostgreSQL database this server made for itself, dropped with it:
    /// a hundred tests' databases left behind filled a CI machine's disk.
    made_database: Option<String>,
    _dir: tempfile::TempDir,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let (Some(name), Some(admin_url)) = (self.made_database.take(), admin_url()) {
            drop_database(admin_url, name);
        }
    }
}

/// The PostgreSQL cluster the tests make their databases in, if any.
pub fn admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

/// Drops a test's database on a thread of its own, since `Drop` cannot wait
/// on the test's runtime; `FORCE` ends the connections its pool still holds.
fn drop_database(admin_url: String, name: String) {
    let statement = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    let dropping = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime to drop a test database");
        runtime.block_on(async {
            let admin = Database::connect(admin_url.as_str())
                .await
                .expect("connect to TEST_DATABASE_URL");
            admin
                .execute_unprepared(&statement)
                .await
                .expect("drop test database");
            admin.close().await.ok();
        });
    });
    if dropping.join().is_err() && !std::thread::panicking() {
        panic!("dropping the test database {name} failed");
    }
}

/// The URL of an empty database for one server, and the name of the
/// PostgreSQL database made for it (SQLite's file goes with the temp dir).
async fn fresh_database(dir: &tempfile::TempDir) -> (String, Option<String>) {
    match admin_url() {
        Some(admin_url) => {
            let name = format!("rapport_test_{}", uuid_like());
            let admin = Database::connect(admin_url.as_str())
                .await
                .expect("connect to TEST_DATABASE_URL");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            admin.close().await.ok();
            let (base, _) = admin_url
                .rsplit_once('/')
                .expect("URL with a database name");
            (format!("{base}/{name}"), Some(name))
        }
        None => (
            format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("rapport.db").display()
            ),
            None,
        ),
    }
}

fn uuid_like() -> String {
    use rand::RngCore;
    let mut b = [0u8; 8];
    rand::rngs::OsRng.fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

pub fn is_postgres() -> bool {
    admin_url().is_some()
}

impl TestServer {
    pub async fn start() -> Self {
        Self::start_with(&[]).await
    }

    pub async fn start_with(extra: &[(&str, &str)]) -> Self {
        Self::start_on(None, extra).await
    }

    /// A second app server on this one's database, as behind a load
    /// balancer: nothing shared but the database (and what `extra` names).
    pub async fn start_beside(&self, extra: &[(&str, &str)]) -> Self {
        Self::start_on(Some(self.database_url.clone()), extra).await
    }

    async fn start_on(database_url: Option<String>, extra: &[(&str, &str)]) -> Self {
        // RUST_LOG shows the servers' logs (`sqlx::query=debug`: every
        // statement), with the test's output.
        if let Ok(filter) = std::env::var("RUST_LOG") {
            let _ = tracing_subscriber::fmt()
                .with_env_filter(filter)
                .with_test_writer()
                .try_init();
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let (database_url, made_database) = match database_url {
            Some(url) => (url, None),
            None => fresh_database(&dir).await,
        };
        let mut env: HashMap<String, String> = HashMap::from([
            ("DATABASE_URL".into(), database_url.clone()),
            ("LEPTOS_SITE_ADDR".into(), "127.0.0.1:0".into()),
            ("RAPPORT_DEMO".into(), "false".into()),
            (
                "RAPPORT_STORAGE_DIR".into(),
                dir.path().join("recordings").to_string_lossy().into_owned(),
            ),
        ]);
        for (k, v) in extra {
            env.insert(k.to_string(), v.to_string());
        }
        let config = Config::from_lookup(|k| env.get(k).cloned()).expect("config");
        let prepared = server::prepare(&config).await.expect("server prepares");
        let db = prepared.state.db.clone();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(server::serve(listener, prepared.router, async {
            let _ = stopped.await;
        }));
        TestServer {
            base: format!("http://{addr}"),
            database_url,
            db,
            stop: Some(stop),
            made_database,
            _dir: dir,
        }
    }

    /// A browser-like client with its own cookie jar.
    pub fn client(&self) -> Api {
        Api::fresh(&self.base)
    }
}

pub struct Api {
    pub base: String,
    pub http: Client,
}

impl Api {
    /// A browser-like client of the server at `base`, with its own cookie
    /// jar.
    pub fn fresh(base: &str) -> Api {
        Api {
            base: base.to_string(),
            http: Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                // A server that never answers fails its test with the
                // request named, rather than holding the suite until CI
                // gives up.
                .timeout(std::time::Duration::from_secs(120))
                .build()
                .unwrap(),
        }
    }

    /// Uploads a file to a media address as the page does: PUT, named.
    pub async fn upload(&self, path: &str, name: &str, bytes: Vec<u8>) -> Response {
        self.http
            .put(format!("{}{path}", self.base))
            .header("x-file-name", name)
            .body(bytes)
            .send()
            .await
            .expect("upload")
    }

    /// A call of this agent's entered on the call form; returns its id.
    pub async fn new_call(&self, agent_id: i64, occurred_at: &str, channel: &str) -> String {
        let agent = agent_id.to_string();
        self.call(
            "calls/create",
            &[
                ("agent_id", agent.as_str()),
                ("occurred_at", occurred_at),
                ("channel", channel),
                ("duration_seconds", "61"),
                ("csat", "4"),
                ("likelihood_to_recommend", "8"),
                ("resolved", "yes"),
                ("resolution_minutes", "12"),
                ("first_response_seconds", "40"),
                ("abandoned", "no"),
                ("complaint", "no"),
                ("rectification", ""),
                ("follow_up_on", ""),
                ("reference", ""),
            ],
        )
        .await
        .ok()
        .as_i64()
        .expect("the new call's id")
        .to_string()
    }

    /// The same browser (cookie jar and all) talking to another server.
    pub fn at(&self, server: &TestServer) -> Api {
        Api {
            base: server.base.clone(),
            http: self.http.clone(),
        }
    }
}

/// A real S3-compatible server, `s3s-fs` (installed by `make test`), on a
/// loopback port with one empty bucket, stopped when dropped. Objects are
/// plain files under `root/BUCKET`.
pub struct S3Server {
    pub endpoint: String,
    pub root: tempfile::TempDir,
    child: std::process::Child,
}

pub const S3_BUCKET: &str = "rapport";
const S3_KEY: &str = "rapport-test-key";
const S3_SECRET: &str = "rapport-test-secret";

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl S3Server {
    pub async fn start() -> Self {
        let root = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(root.path().join(S3_BUCKET)).expect("bucket");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = std::process::Command::new("s3s-fs")
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .args(["--access-key", S3_KEY, "--secret-key", S3_SECRET])
            .arg(root.path())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect(
                "start s3s-fs; `make bootstrap` installs it \
                 (cargo install s3s-fs --version 0.14.1 --features binary --locked)",
            );
        let server = S3Server {
            endpoint: format!("http://127.0.0.1:{port}"),
            root,
            child,
        };
        // Ready when it accepts connections; a server that never does fails
        // the test here rather than in the first upload.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(
                std::time::Instant::now() < deadline,
                "s3s-fs did not listen on {port}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        server
    }

    /// The app's configuration for this bucket.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("RAPPORT_S3_BUCKET", S3_BUCKET.into()),
            ("RAPPORT_S3_ENDPOINT", self.endpoint.clone()),
            ("RAPPORT_S3_ACCESS_KEY_ID", S3_KEY.into()),
            ("RAPPORT_S3_SECRET_ACCESS_KEY", S3_SECRET.into()),
        ]
    }
}

/// A server function's answer: status and JSON body.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
}

impl Answer {
    pub fn ok(&self) -> &Value {
        assert!(
            self.status.is_success(),
            "expected success, got {}: {}",
            self.status,
            self.body
        );
        &self.body
    }

    /// Asserts a field-specific validation error and returns its message.
    pub fn invalid(&self, field: &str) -> String {
        assert_eq!(
            self.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            self.body
        );
        let problems = self.problems();
        assert_eq!(problems.len(), 1, "one field is wrong: {}", self.body);
        assert_eq!(problems[0].0, field, "{}", self.body);
        problems[0].1.clone()
    }

    /// Every (field, message) of a validation error, in the form's order.
    pub fn problems(&self) -> Vec<(String, String)> {
        assert_eq!(
            self.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            self.body
        );
        let pair = |v: &Value| {
            (
                v["field"].as_str().unwrap().to_string(),
                v["message"].as_str().unwrap().to_string(),
            )
        };
        match self.body["InvalidFields"].as_array() {
            Some(list) => list.iter().map(pair).collect(),
            None => vec![pair(&self.body["Invalid"])],
        }
    }

    pub fn refused(&self) {
        assert!(
            self.status == StatusCode::FORBIDDEN || self.status == StatusCode::NOT_FOUND,
            "expected 403/404, got {}: {}",
            self.status,
            self.body
        );
    }
}

impl Api {
    pub async fn call(&self, endpoint: &str, args: &[(&str, &str)]) -> Answer {
        let response = self
            .http
            .post(format!("{}/api/{endpoint}", self.base))
            .form(args)
            .send()
            .await
            .expect("request");
        answer(response).await
    }

    /// A server function that takes JSON arguments.
    pub async fn call_json(&self, endpoint: &str, args: Value) -> Answer {
        let response = self
            .http
            .post(format!("{}/api/{endpoint}", self.base))
            .json(&args)
            .send()
            .await
            .expect("request");
        answer(response).await
    }

    pub async fn get(&self, path: &str) -> Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("request")
    }

    /// A page, asked for as a browser asks.
    pub async fn page(&self, path: &str) -> Response {
        self.http
            .get(format!("{}{path}", self.base))
            .header("accept", "text/html")
            .send()
            .await
            .expect("request")
    }

    pub async fn sign_up(&self, org: &str, name: &str, email: &str) -> Value {
        self.call(
            "sign_up",
            &[
                ("org_name", org),
                ("name", name),
                ("email", email),
                ("password", PASSWORD),
            ],
        )
        .await
        .ok()
        .clone()
    }

    pub async fn log_in(&self, email: &str, password: &str) -> Answer {
        self.call("log_in", &[("email", email), ("password", password)])
            .await
    }

    pub async fn create_user(&self, name: &str, email: &str, roles: &str) -> Value {
        self.call(
            "admin/create_user",
            &[
                ("name", name),
                ("email", email),
                ("roles", roles),
                ("password", PASSWORD),
            ],
        )
        .await
        .ok()
        .clone()
    }

    pub async fn create_team(&self, name: &str) -> i64 {
        self.call("admin/create_team", &[("name", name)]).await.ok()["id"]
            .as_i64()
            .unwrap()
    }
}

pub async fn answer(response: Response) -> Answer {
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Answer { status, body }
}

pub const PASSWORD: &str = "a perfectly fine passphrase";

/// The id field of a created record, as a form value.
pub fn id(v: &Value) -> String {
    v["id"].as_i64().unwrap().to_string()
}

impl Answer {
    /// The body read as one of the app's own response types.
    pub fn typed<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_value(self.ok().clone())
            .unwrap_or_else(|e| panic!("unexpected response shape ({e}): {}", self.body))
    }
}

/// Someone created in a test organisation.
#[derive(Clone, Debug)]
pub struct Person {
    pub id: i64,
    pub email: String,
}

/// An organisation for a test, built through the real server functions by
/// its founder (admin and leader): teams, people and their memberships,
/// and a signed-in client for anyone in it.
pub struct World<'s> {
    pub server: &'s TestServer,
    pub founder: Api,
}

impl TestServer {
    /// "Acme", founded by Dana (dana@example.com).
    pub async fn world(&self) -> World<'_> {
        self.world_named("Acme", "Dana", "dana@example.com").await
    }

    pub async fn world_named(&self, org: &str, founder: &str, email: &str) -> World<'_> {
        let api = self.client();
        api.sign_up(org, founder, email).await;
        World {
            server: self,
            founder: api,
        }
    }

    /// A client signed in as this email with the test password.
    pub async fn signed_in(&self, email: &str) -> Api {
        let api = self.client();
        api.log_in(email, PASSWORD).await.ok();
        api
    }
}

impl World<'_> {
    pub async fn team(&self, name: &str) -> i64 {
        self.founder.create_team(name).await
    }

    /// A person with these roles (comma-separated keys), not yet on a team.
    pub async fn person(&self, name: &str, email: &str, roles: &str) -> Person {
        let created = self.founder.create_user(name, email, roles).await;
        Person {
            id: created["id"].as_i64().unwrap(),
            email: email.to_string(),
        }
    }

    /// Puts a person on a team as its `agent` or `coach`.
    pub async fn join(&self, team: i64, who: &Person, kind: &str) {
        self.founder
            .call(
                "admin/set_membership",
                &[
                    ("team_id", &team.to_string()),
                    ("user_id", &who.id.to_string()),
                    ("kind", kind),
                    ("member", "true"),
                ],
            )
            .await
            .ok();
    }

    /// A person on a team, and a client signed in as them.
    pub async fn member(&self, team: i64, kind: &str, name: &str, email: &str) -> (Person, Api) {
        let who = self.person(name, email, kind).await;
        self.join(team, &who, kind).await;
        let api = self.server.signed_in(email).await;
        (who, api)
    }
}

/// The behaviour ids of the organisation's current framework, in order.
pub async fn framework_behaviours(api: &Api) -> Vec<i64> {
    let fw = api.call("frameworks/show", &[]).await.ok().clone();
    fw["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["behaviours"].as_array().unwrap().clone())
        .map(|b| b["id"].as_i64().unwrap())
        .collect()
}

/// A coach scores a call and submits the review: the first behaviour at
/// `first`, every other at `rest` (codes as the scoring page sends them).
pub async fn score_call(coach: &Api, call: &str, behaviours: &[i64], first: i64, rest: i64) {
    let review = coach
        .call("reviews/start", &[("call_id", call)])
        .await
        .ok()
        .as_i64()
        .unwrap();
    let ratings: Vec<(i64, i64)> = behaviours
        .iter()
        .enumerate()
        .map(|(i, b)| (*b, if i == 0 { first } else { rest }))
        .collect();
    coach
        .call_json(
            "reviews/save",
            serde_json::json!({ "id": review, "ratings": ratings, "strengths": "Clear ownership.", "development": "Summarise next steps." }),
        )
        .await
        .ok();
    coach
        .call("reviews/submit", &[("id", &review.to_string())])
        .await
        .ok();
}

/// A CSV download's rows, header included; rows may differ in length.
pub fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}
