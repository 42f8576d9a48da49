//! The Rapport server: configuration, database, sessions, security layers,
//! server-side rendering and static files. `main.rs` only starts it; tests
//! start it in-process on an ephemeral port.

pub mod assets;
pub mod compression;
pub mod config;
pub mod db;
pub mod export;
pub mod media;
pub mod page_clock;
pub mod security;
pub mod session_store;
pub mod storage;

// Rendering a page allocates and frees thousands of small strings and
// nodes; the system allocator spent a sixth of a page's CPU doing that under
// load. Here rather than in main.rs so the in-process tests and the bench
// measure the server as it runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use app::server::{AppState, Settings};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use config::Config;
use leptos::config::LeptosOptions;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use sea_orm::{DatabaseConnection, DbErr, TransactionTrait};
use session_store::DbSessionStore;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub const SESSION_COOKIE: &str = "rapport_session";
/// Form posts and server-function arguments. The CSV import and recording
/// uploads get larger limits of their own (see `security::body_limit`).
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error("database at {url}: {source}")]
    Database { url: String, source: sea_orm::DbErr },
    #[error("recordings storage ({place}): {source}")]
    Storage {
        place: String,
        source: storage::StorageError,
    },
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

/// Hides the password in a database URL before it is logged.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

pub struct Prepared {
    pub router: Router,
    pub state: AppState,
    pub demo_logins: Option<Vec<app::server::demo::DemoLogin>>,
}

/// Connects, migrates, loads demo data if configured, and builds the router.
pub async fn prepare(config: &Config) -> Result<Prepared, StartError> {
    let db = db::connect(&config.database_url, config.db_connections)
        .await
        .map_err(|source| StartError::Database {
            url: redact(&config.database_url),
            source,
        })?;
    let storage =
        storage::Storage::open(&config.storage).map_err(|source| StartError::Storage {
            place: format!("{:?}", config.storage),
            source,
        })?;
    tracing::info!(storage = %storage.place, "recordings and complaint material");
    heal_rollups(&db)
        .await
        .map_err(|source| StartError::Database {
            url: redact(&config.database_url),
            source,
        })?;
    let demo_logins = if config.demo_data {
        let seeded = app::server::demo::seed_if_empty(&db)
            .await
            .map_err(|source| StartError::Database {
                url: redact(&config.database_url),
                source,
            })?;
        match seeded {
            Some(seed) => {
                for (key, bytes) in seed.recordings {
                    storage.put(&key, bytes.into()).await.map_err(|source| {
                        StartError::Storage {
                            place: storage.place.clone(),
                            source,
                        }
                    })?;
                }
                Some(seed.logins)
            }
            None => None,
        }
    } else {
        None
    };
    let leptos_options = LeptosOptions::builder()
        .output_name(config.output_name.clone())
        .site_root(config.site_root.clone())
        .site_pkg_dir("pkg")
        .site_addr(config.site_addr)
        .build();
    let state = AppState {
        leptos_options,
        db: db.clone(),
        settings: Arc::new(Settings {
            trust_forwarded_for: config.trust_forwarded_for,
            assets: asset_root(config).await,
        }),
    };
    let router = router(state.clone(), config, storage);
    spawn_session_cleanup(db.clone());
    spawn_target_sweep(db);
    Ok(Prepared {
        router,
        state,
        demo_logins,
    })
}

/// The fingerprinted address of the built bundle (see `assets`); without a
/// bundle, or one that cannot be read, pages ask for `/pkg` as built.
async fn asset_root(config: &Config) -> String {
    let pkg = std::path::Path::new(&config.site_root).join("pkg");
    match tokio::task::spawn_blocking(move || assets::fingerprint(&pkg)).await {
        Ok(Ok(Some(fingerprint))) => format!("{}{fingerprint}", assets::PREFIX),
        Ok(Ok(None)) => String::new(),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "could not read the built bundle to fingerprint it");
            String::new()
        }
        Err(e) => {
            tracing::warn!(error = %e, "fingerprinting the built bundle failed");
            String::new()
        }
    }
}

/// Rebuilds a quality rollup an upgrade left empty, in one transaction.
async fn heal_rollups(db: &DatabaseConnection) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    let healed = app::server::kernel::quality_rollup::heal(&txn)
        .await
        .map_err(|e| DbErr::Custom(e.to_string()))?;
    txn.commit().await?;
    if healed > 0 {
        tracing::info!(organisations = healed, "rebuilt the quality rollup");
    }
    Ok(())
}

/// The app's routes, listed once per process. Listing renders the app, and
/// while it does Leptos holds back every resource in the process (a global
/// switch): a second listing, for a second server in the same process as
/// the integration tests start them, would leave pages other servers are
/// rendering at that moment waiting forever for their data.
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

fn router(state: AppState, config: &Config, storage: storage::Storage) -> Router {
    let routes = routes();
    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.db.clone()))
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(config.secure_cookies)
        // Saved only when changed: `session_store::renew` changes an active
        // session every few minutes, so an active person stays signed in
        // and an idle session still ends.
        .with_expiry(Expiry::OnInactivity(time::Duration::hours(
            config.session_hours,
        )));
    let mut router = Router::new()
        .route("/healthz", get(healthz))
        .leptos_routes_with_context(
            &state,
            routes,
            {
                let state = state.clone();
                move || app::server::provide_request_context(&state)
            },
            {
                let options = state.leptos_options.clone();
                move || app::shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            {
                let state = state.clone();
                move || app::server::provide_request_context(&state)
            },
            app::shell,
        ))
        .with_state(state.clone())
        .merge(media::routes(media::MediaState {
            db: state.db.clone(),
            storage,
        }))
        .merge(export::routes(state.db.clone()))
        .merge(match state.settings.assets.as_str() {
            "" => Router::new(),
            root => assets::routes(root, std::path::Path::new(&config.site_root).join("pkg")),
        })
        .layer(axum::middleware::from_fn(security::undecodable_arguments))
        .layer(axum::middleware::from_fn_with_state(
            state.db.clone(),
            page_clock::org_today,
        ))
        .layer(axum::middleware::from_fn(session_store::renew))
        .layer(sessions)
        .layer(axum::middleware::from_fn(security::page_csp))
        .layer(axum::middleware::from_fn(security::same_origin_writes))
        // Our own per-route limits (security::body_limit) replace axum's
        // 2 MB default, which would otherwise cut off imports and uploads.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn(security::body_limit));
    for (name, value) in security::default_headers() {
        router = router.layer(SetResponseHeaderLayer::if_not_present(name, value));
    }
    if config.hsts {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            axum::http::header::STRICT_TRANSPORT_SECURITY,
            axum::http::HeaderValue::from_static(security::HSTS),
        ));
    }
    router = router.layer(axum::middleware::from_fn(security::no_store));
    router = router.layer(compression::layer());
    router.layer(TraceLayer::new_for_http().make_span_with(request_span))
}

/// One span per request. A server-function call is named for its function,
/// and the guard records the caller and organisation on it once the session
/// is resolved, so every line it logs says who made the call.
fn request_span(req: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let path = req.uri().path();
    match path.strip_prefix("/api/") {
        Some(function) => tracing::info_span!(
            "server_fn",
            function,
            user = tracing::field::Empty,
            org = tracing::field::Empty,
        ),
        None => tracing::info_span!("request", method = %req.method(), path),
    }
}

async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match state.db.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(serde_json::json!({ "status": "ok", "database": "ok" })),
        ),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                // The cause goes to the log, not to whoever polls the check.
                Json(serde_json::json!({ "status": "error", "database": "unreachable" })),
            )
        }
    }
}

/// Hourly housekeeping: expired sessions go, and SQLite's planner
/// statistics follow the data as it grows (`db::connect` gathered them at
/// start, so the first refresh is an hour later).
fn spawn_session_cleanup(db: DatabaseConnection) {
    tokio::spawn(async move {
        let store = DbSessionStore::new(db.clone());
        let hour = std::time::Duration::from_secs(3600);
        let mut every = tokio::time::interval(hour);
        let mut statistics = tokio::time::interval_at(tokio::time::Instant::now() + hour, hour);
        loop {
            tokio::select! {
                _ = every.tick() => {
                    if let Err(e) = store.delete_expired().await {
                        tracing::warn!(error = %e, "could not delete expired sessions");
                    }
                }
                _ = statistics.tick() => {
                    if let Err(e) = db::optimize(&db).await {
                        tracing::warn!(error = %e, "could not refresh the planner statistics");
                    }
                }
            }
        }
    });
}

/// Target statuses also change with time alone (a due day passing); this
/// records those changes and tells the people involved, at start and hourly.
fn spawn_target_sweep(db: DatabaseConnection) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every.tick().await;
            match app::server::services::targets::refresh_all_statuses(&db, chrono::Utc::now())
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(changed = n, "target statuses changed with time"),
                Err(e) => tracing::warn!(error = %e, "could not refresh target statuses"),
            }
        }
    });
}

/// Serves until `shutdown` completes, then finishes in-flight requests.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_redacted_from_urls() {
        assert_eq!(
            redact("postgres://rapport:secret@127.0.0.1:5432/db"),
            "postgres://rapport:***@127.0.0.1:5432/db"
        );
        assert_eq!(
            redact("sqlite://data/rapport.db"),
            "sqlite://data/rapport.db"
        );
    }
}
