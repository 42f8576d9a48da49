//! Who is signed in, as the pages see it. The server stays the authority:
//! this only decides what to show.

use crate::api::auth::get_me;
use crate::error::AppError;
use crate::types::Me;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Auth {
    pub me: Resource<Result<Option<Me>, AppError>>,
    version: RwSignal<u32>,
}

impl Auth {
    /// Re-reads the session after logging in or out.
    pub fn refresh(&self) {
        self.version.update(|v| *v += 1);
    }
}

pub fn provide_auth() {
    let version = RwSignal::new(0u32);
    // Blocking: the page shell waits for it, so a signed-out visitor gets a real
    // redirect before any HTML is streamed.
    let me = Resource::new_blocking(move || version.get(), |_| get_me());
    provide_context(Auth { me, version });
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// Once `signed_in()` says a form has signed someone in, re-reads who it
/// is and goes to `to`.
pub fn enter_when(signed_in: impl Fn() -> bool + 'static, to: String) {
    let auth = use_auth();
    let navigate = leptos_router::hooks::use_navigate();
    Effect::new(move |_| {
        if signed_in() {
            auth.refresh();
            navigate(&to, Default::default());
        }
    });
}

/// Today where the signed-in person's organisation keeps its days (the
/// server says; the browser's clock and zone may differ). Pages read it for
/// "the last n days"; the shell has loaded `me` before any page renders.
pub fn today() -> chrono::NaiveDate {
    #[cfg(feature = "ssr")]
    if let Some(d) = use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<crate::server::OrgToday>().copied())
    {
        return d.0;
    }
    use_context::<Auth>()
        .and_then(|a| a.me.get_untracked())
        .and_then(|r| r.ok().flatten())
        .and_then(|me| me.today.parse().ok())
        .unwrap_or_else(|| chrono::Utc::now().date_naive())
}
