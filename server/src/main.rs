use server::config::Config;
use server::{prepare, serve, StartError};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("Rapport could not start: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), StartError> {
    let config = Config::from_env()?;
    if std::env::args().nth(1).as_deref() == Some("rebuild-rollups") {
        return rebuild_rollups(&config).await;
    }
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn,tower_sessions=warn"));
    if config.log_json {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    tracing::info!(database = %server::redact(&config.database_url), "starting Rapport");

    let prepared = prepare(&config).await?;
    if let Some(logins) = &prepared.demo_logins {
        println!(
            "\nLoaded the demo organisation \"{}\".",
            app::server::demo::DEMO_ORG
        );
        println!(
            "Demo logins (password for all: {}):",
            app::server::demo::DEMO_PASSWORD
        );
        for l in logins {
            println!("  {:<22} {:<16} {}", l.email, l.roles, l.name);
        }
        println!();
    }
    let listener = tokio::net::TcpListener::bind(config.site_addr)
        .await
        .map_err(|source| StartError::Listen {
            addr: config.site_addr,
            source,
        })?;
    tracing::info!("Rapport is listening on http://{}", config.site_addr);
    serve(listener, prepared.router, shutdown_signal())
        .await
        .map_err(|source| StartError::Listen {
            addr: config.site_addr,
            source,
        })?;
    tracing::info!("Rapport stopped");
    Ok(())
}

/// `server rebuild-rollups`: makes every organisation's KPI and quality
/// rollups again from its calls and reviews, in one transaction (after a restore, or calls written
/// into the database by hand).
async fn rebuild_rollups(config: &Config) -> Result<(), StartError> {
    let failed = |source| StartError::Database {
        url: server::redact(&config.database_url),
        source,
    };
    let db = server::db::connect(&config.database_url, config.db_connections)
        .await
        .map_err(failed)?;
    let txn = sea_orm::TransactionTrait::begin(&db)
        .await
        .map_err(failed)?;
    let orgs = app::server::kernel::kpi_rollup::rebuild_all(&txn)
        .await
        .map_err(|e| failed(sea_orm::DbErr::Custom(e.to_string())))?;
    txn.commit().await.map_err(failed)?;
    println!("Rebuilt the KPI and quality rollups of {orgs} organisation(s).");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
