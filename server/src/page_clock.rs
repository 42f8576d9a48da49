//! Puts the signed-in caller and today's date in their organisation on page
//! requests (`app::server::PageCaller`, `app::server::OrgToday`): pages that
//! default to "the last n days" read the day while rendering on the server,
//! where the signed-in person is not yet known to the components, and the
//! page's server functions take the caller rather than each looking the
//! session's user up again.

use app::server::{guard, OrgToday, PageCaller};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use sea_orm::DatabaseConnection;
use tower_sessions::Session;

/// Paths that never render a page.
fn renders_no_page(path: &str) -> bool {
    ["/api/", "/pkg/", "/v/", "/media/", "/export/", "/healthz"]
        .iter()
        .any(|p| path.starts_with(p))
}

pub async fn org_today(
    State(db): State<DatabaseConnection>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    if request.method() == axum::http::Method::GET && !renders_no_page(request.uri().path()) {
        // A visitor or a failed lookup leaves it out: the page falls back to
        // the server's UTC day and the shell sends a visitor to log in.
        if let Ok(Some(caller)) = guard::user_for_session(&db, &session).await {
            let extensions = request.extensions_mut();
            extensions.insert(OrgToday(caller.clock.today()));
            extensions.insert(PageCaller(caller.for_one_page()));
        }
    }
    next.run(request).await
}
