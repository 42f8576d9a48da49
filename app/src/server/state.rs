use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Runtime settings the app layer needs (the server reads them from the
/// environment).
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Take the client address from `X-Forwarded-For` (only behind a trusted
    /// load balancer); otherwise the socket address is used.
    pub trust_forwarded_for: bool,
}

/// Shared by the axum router and, through Leptos context, every server function.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
