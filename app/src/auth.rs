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
