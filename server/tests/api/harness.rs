//! The harness itself: every test's database goes when its server does, so
//! a full run on PostgreSQL leaves nothing behind (a hundred databases left
//! behind once filled a CI machine's disk).

use crate::common::{admin_url, is_postgres, TestServer};
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

async fn postgres_has(name: &str) -> bool {
    let admin = Database::connect(admin_url().unwrap()).await.unwrap();
    let row = admin
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT count(*) AS n FROM pg_database WHERE datname = $1",
            [name.into()],
        ))
        .await
        .unwrap()
        .unwrap();
    let n: i64 = row.try_get("", "n").unwrap();
    admin.close().await.ok();
    n > 0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_servers_database_goes_with_it_and_not_before_a_server_beside_it() {
    let one = TestServer::start().await;
    let two = TestServer::start_beside(&one, &[]).await;
    let url = one.database_url.clone();
    let database = url
        .rsplit_once('/')
        .map(|(_, name)| name.to_string())
        .unwrap();
    let sqlite_file = url
        .strip_prefix("sqlite://")
        .map(|rest| rest.split('?').next().unwrap().to_string());

    // The server beside shares the database and does not own it.
    drop(two);
    match &sqlite_file {
        Some(file) => assert!(std::path::Path::new(file).exists()),
        None => assert!(postgres_has(&database).await, "{database} dropped early"),
    }
    assert!(one.client().get("/healthz").await.status().is_success());

    drop(one);
    match &sqlite_file {
        Some(file) => assert!(!std::path::Path::new(file).exists(), "{file} left"),
        None => {
            assert!(is_postgres());
            assert!(!postgres_has(&database).await, "{database} left behind");
        }
    }
}
