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
    /// The address the built bundle is served under, before `/pkg`: a
    /// fingerprint of its contents (`/v/3f9c…`), so a browser may keep its
    /// files for good; empty to serve it from `/pkg` (no bundle built).
    pub assets: String,
}

/// The Content-Security-Policy nonce of one page response. The server's
/// middleware makes it, puts it on the request and sends it in the CSP header;
/// [`provide_request_context`] hands it to Leptos for its inline scripts, so
/// header and scripts always agree.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// Context for every Leptos render and server function of one request.
pub fn provide_request_context(state: &AppState) {
    use leptos::prelude::{provide_context, use_context};
    provide_context(state.clone());
    let nonce = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned());
    if let Some(CspNonce(value)) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(value));
    }
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

/// Today in the signed-in person's organisation, put on a page request by
/// the server before rendering, so the page's "last n days" rendered on the
/// server match those the browser works out from `Me` when it hydrates.
#[derive(Clone, Copy, Debug)]
pub struct OrgToday(pub chrono::NaiveDate);

/// The signed-in caller of a page request, resolved once by the server
/// before rendering: the page's server functions, run while it renders,
/// read it instead of looking the session's user up again each. Only page
/// loads (GET) carry it; nothing they run can change who is signed in.
#[derive(Clone, Debug)]
pub struct PageCaller(pub super::kernel::AuthUser);
