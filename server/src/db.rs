//! Connecting to the database and bringing its schema up to date.

use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr};
use std::time::Duration;

/// A statement this slow is logged as a warning: every page's budget is
/// 25 ms (50 ms on PostgreSQL), so one statement of this is a bug to find.
const SLOW_STATEMENT: Duration = Duration::from_millis(250);

/// Connects with at most `connections` connections, or the database's
/// default (see below) when `None`.
pub async fn connect(url: &str, connections: Option<u32>) -> Result<DatabaseConnection, DbErr> {
    if url.starts_with("sqlite:") {
        sqlite_without_memory_statistics();
    }
    if let Some(path) = sqlite_path(url) {
        if let Some(dir) = std::path::Path::new(&path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", dir.display())))?;
            }
        }
    }
    let mut options = ConnectOptions::new(url.to_string());
    options
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        // Every statement with its time at debug level under `sqlx::query`
        // (off unless RUST_LOG asks for it: `RUST_LOG=sqlx::query=debug`),
        // and any statement slower than this as a warning, which the
        // default filter shows.
        .sqlx_logging(true)
        .sqlx_logging_level(log::LevelFilter::Debug)
        .sqlx_slow_statements_logging_settings(log::LevelFilter::Warn, SLOW_STATEMENT);
    if url.starts_with("sqlite:") {
        // SQLite has one writer; a small pool and WAL keep readers unblocked.
        // In WAL mode `synchronous=NORMAL` syncs the disk at checkpoints, not
        // on every commit: on a machine whose disk is busy (a build running
        // beside the app) each commit otherwise waits on an fsync, and the
        // writers queued behind it on the busy timeout. The database stays
        // consistent; a power cut can lose the last commits, not corrupt it.
        options
            .max_connections(connections.unwrap_or(8))
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                    .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
            });
        options.map_sqlx_sqlite_pool_opts(|pool| {
            pool.after_connect(|conn, _| Box::pin(async move { stable_plans(conn).await }))
        });
    } else {
        options.max_connections(connections.unwrap_or(20));
    }
    // Migrate on a pool of its own, then serve from fresh connections: a
    // SQLite connection that was open across a schema change (a column
    // added) was seen reading rows shaped like the old table ("missing
    // value for column"), once in a few starts.
    let migrating = Database::connect(options.clone()).await?;
    Migrator::up(&migrating, None).await?;
    migrating.close().await?;
    let db = Database::connect(options).await?;
    optimize(&db).await?;
    Ok(db)
}

/// Turns off SQLite's count of the memory it holds, once per process and
/// before its first connection (the setting is refused afterwards).
///
/// With the count on, every allocation SQLite makes (sqlx copies every
/// value of every row it reads) takes one mutex shared by all
/// connections: under load the pool's eight worker threads queued on it,
/// and a profile showed them parked on that lock. Nothing here reads the
/// count.
fn sqlite_without_memory_statistics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: SQLITE_CONFIG_MEMSTATUS takes one int; sqlite3_config is
        // only called here, before any connection (else SQLITE_MISUSE,
        // which leaves the library as it was).
        let rc = unsafe {
            libsqlite3_sys::sqlite3_config(
                libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS,
                0 as std::os::raw::c_int,
            )
        };
        if rc != libsqlite3_sys::SQLITE_OK {
            tracing::warn!(code = rc, "SQLite kept its memory statistics");
        }
    });
}

/// Turns on SQLite's query planner stability guarantee for a connection.
///
/// Without it SQLite replans a cached statement whenever a parameter it
/// looked at while planning is bound again, and it looks at a `LIMIT ?`
/// (every sea-orm `.one()`) and at parameters compared with indexed columns
/// once there are samples: under load about an eighth of the server's CPU
/// went to compiling the same statements again on every request. With the
/// guarantee a statement is planned once per connection from the
/// statistics, not from the values bound to it.
async fn stable_plans(
    conn: &mut sea_orm::sqlx::SqliteConnection,
) -> Result<(), sea_orm::sqlx::Error> {
    planner_guarantee(conn, 1).await.map(|_| ())
}

/// Sets the connection's planner stability guarantee (1 on, 0 off) or, with
/// -1, leaves it; answers what it is then.
async fn planner_guarantee(
    conn: &mut sea_orm::sqlx::SqliteConnection,
    set: std::os::raw::c_int,
) -> Result<bool, sea_orm::sqlx::Error> {
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle();
    let mut now: std::os::raw::c_int = -1;
    // SAFETY: `db` is this connection's open handle, locked for the call;
    // SQLITE_DBCONFIG_ENABLE_QPSG takes an int and an int* to write back to.
    let rc = unsafe {
        libsqlite3_sys::sqlite3_db_config(
            db.as_ptr(),
            libsqlite3_sys::SQLITE_DBCONFIG_ENABLE_QPSG,
            set,
            &mut now as *mut std::os::raw::c_int,
        )
    };
    if rc == libsqlite3_sys::SQLITE_OK {
        Ok(now == 1)
    } else {
        Err(sea_orm::sqlx::Error::Protocol(format!(
            "SQLite refused the query planner stability setting (code {rc})"
        )))
    }
}

/// Gives SQLite's query planner statistics on every table (the
/// recommended `PRAGMA optimize` for a long-lived connection). Without them
/// it can pick an index that reads far more rows than the query needs.
/// PostgreSQL keeps its own statistics.
pub async fn optimize(db: &DatabaseConnection) -> Result<(), DbErr> {
    if db.get_database_backend() == DbBackend::Sqlite {
        db.execute_unprepared("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;")
            .await?;
    }
    Ok(())
}

/// The file behind a `sqlite://` URL, if it names one.
fn sqlite_path(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::{ConnectionTrait, Statement};

    #[test]
    fn finds_the_sqlite_file() {
        assert_eq!(
            sqlite_path("sqlite://data/rapport.db?mode=rwc").as_deref(),
            Some("data/rapport.db")
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://x/y"), None);
    }

    #[tokio::test]
    async fn the_pool_holds_as_many_connections_as_configured() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        let most = |db: &DatabaseConnection| {
            db.get_sqlite_connection_pool()
                .options()
                .get_max_connections()
        };
        assert_eq!(most(&connect(&url, None).await.unwrap()), 8);
        assert_eq!(most(&connect(&url, Some(3)).await.unwrap()), 3);
    }

    #[tokio::test]
    async fn sqlite_commits_do_not_wait_on_a_disk_sync_each() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        let db = connect(&url, None).await.unwrap();
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "PRAGMA synchronous",
            ))
            .await
            .unwrap()
            .unwrap();
        // 1 is NORMAL (the SQLite default is 2, FULL).
        assert_eq!(row.try_get_by_index::<i32>(0).unwrap(), 1);
    }

    #[tokio::test]
    async fn sqlite_has_planner_statistics_once_tables_hold_rows() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        let db = connect(&url, None).await.unwrap();
        for i in 0..200 {
            db.execute_unprepared(&format!(
                "INSERT INTO sessions (id, data, expires_at) VALUES ('s{i}', '{{}}', '2030-01-01 00:00:00+00:00')"
            ))
            .await
            .unwrap();
        }
        drop(db);
        let db = connect(&url, None).await.unwrap();
        let analysed = db
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'sessions'",
            ))
            .await
            .unwrap()
            .unwrap();
        assert!(analysed.try_get_by_index::<i64>(0).unwrap() > 0);
    }

    /// Issue 18: SQLite's memory count took a mutex shared by every
    /// connection on each allocation; with it off, nothing is counted.
    #[tokio::test]
    async fn sqlite_allocates_without_a_lock_shared_by_connections() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        let db = connect(&url, None).await.unwrap();
        db.execute_unprepared("SELECT count(*) FROM sessions")
            .await
            .unwrap();
        // SAFETY: a plain read of SQLite's memory counter.
        let counted = unsafe { libsqlite3_sys::sqlite3_memory_used() };
        assert_eq!(counted, 0, "SQLite counted its memory");
    }

    /// Issue 18: without the stability guarantee SQLite compiled every
    /// `.one()` statement again each time it ran (its `LIMIT ?` is bound
    /// anew), an eighth of a page's CPU. Every connection of the pool has it.
    #[tokio::test]
    async fn every_sqlite_connection_plans_statements_once() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        let db = connect(&url, None).await.unwrap();
        let pool = db.get_sqlite_connection_pool();
        let mut held = vec![];
        for _ in 0..3 {
            let mut conn = pool.acquire().await.unwrap();
            assert!(
                planner_guarantee(&mut conn, -1).await.unwrap(),
                "a connection without the planner guarantee"
            );
            // Held, so that the next acquire opens another connection.
            held.push(conn);
        }
    }

    /// Issue 18: the queue's drafts and disputes use their partial indexes
    /// as the service writes them (the status in the text) when the
    /// statistics say what they do at scale: nearly every review is
    /// submitted, so an index on the status looks useless. Before, both
    /// read every review.
    #[tokio::test]
    async fn the_review_queue_reads_only_open_drafts_and_disputes() {
        use app::server::services::reviews::{disputes_in, drafts_of};
        use sea_orm::sqlx::{self, Row};
        use sea_orm::QueryTrait;
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        let db = connect(&url, None).await.unwrap();
        // Statistics as ANALYZE writes them for one organisation of 70,000
        // reviews, 60 drafts and 50 disputes, read again by this connection.
        let mut conn = db.get_sqlite_connection_pool().acquire().await.unwrap();
        for sql in [
            "ANALYZE",
            "DELETE FROM sqlite_stat1 WHERE tbl = 'reviews'",
            "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES \
             ('reviews', 'ix_reviews_org_status', '70000 70000 70000'), \
             ('reviews', 'ix_reviews_org_submitted', '70000 70000 1'), \
             ('reviews', 'ix_reviews_org_agent_submitted', '70000 70000 350 1'), \
             ('reviews', 'ix_reviews_agent', '70000 350 1'), \
             ('reviews', 'ix_reviews_framework', '70000 70000'), \
             ('reviews', 'ux_reviews_ordinary_call_coach', '70000 1 1'), \
             ('reviews', 'ix_reviews_drafts', '60 3 1'), \
             ('reviews', 'ix_reviews_disputed', '50 50')",
            "ANALYZE sqlite_schema",
        ] {
            sqlx::query(sql).execute(&mut *conn).await.unwrap();
        }
        for query in [drafts_of(1, 2), disputes_in(1, 2)] {
            let sql = query.build(DbBackend::Sqlite).sql;
            // The plan does not depend on the values bound (the planner
            // stability guarantee), so none are.
            let plan: String =
                sqlx::query(sqlx::AssertSqlSafe(format!("EXPLAIN QUERY PLAN {sql}")))
                    .fetch_all(&mut *conn)
                    .await
                    .unwrap()
                    .iter()
                    .map(|r| r.get::<String, _>(3))
                    .collect();
            // Either partial index, or (org, status) reading only the
            // status named; never every review.
            assert!(
                plan.starts_with("SEARCH reviews USING INDEX")
                    && (plan.contains("(org_id=? AND status=?)")
                        || plan.contains("ix_reviews_drafts")
                        || plan.contains("ix_reviews_disputed")),
                "{sql}: {plan}"
            );
        }
    }

    /// Issue 18: these lookups read a handful of rows, not the table.
    #[tokio::test]
    async fn lookups_at_scale_have_their_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
        let db = connect(&url, None).await.unwrap();
        for (query, index) in [
            (
                "SELECT * FROM audit_log WHERE org_id = 1 AND entity = 'review' AND entity_id = 7",
                "ix_audit_entity",
            ),
            (
                "SELECT count(*) FROM reviews WHERE framework_id = 3",
                "ix_reviews_framework",
            ),
            (
                "SELECT session_id FROM practice_behaviours WHERE lineage = 'x'",
                "ix_practice_behaviours_lineage",
            ),
            (
                "SELECT * FROM calls WHERE org_id = 1 AND reference IN ('a', 'b')",
                "ix_calls_org_reference",
            ),
        ] {
            let plan: String = db
                .query_all_raw(Statement::from_string(
                    DbBackend::Sqlite,
                    format!("EXPLAIN QUERY PLAN {query}"),
                ))
                .await
                .unwrap()
                .iter()
                .map(|r| r.try_get_by_index::<String>(3).unwrap())
                .collect();
            assert!(plan.contains(index), "{query}: {plan}");
        }
    }
}
