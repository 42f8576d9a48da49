//! Reloading a page's data after something on it changed: the page
//! provides one [`Reload`]; its resources track it; whatever part of the
//! page ran the change asks for the reload. No counters threaded through
//! components.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Reload(Trigger);

impl Reload {
    /// Makes the calling resource or memo load again on the next reload.
    pub fn track(self) {
        self.0.track();
    }

    pub fn run(self) {
        self.0.notify();
    }

    /// The same, as a callback for components that take one.
    pub fn callback(self) -> Callback<()> {
        Callback::new(move |_| self.run())
    }
}

/// Gives the page its reload; call once at the top of the page.
pub fn provide_reload() -> Reload {
    let reload = Reload(Trigger::new());
    provide_context(reload);
    reload
}

/// The page's reload, from anywhere inside it.
pub fn use_reload() -> Reload {
    use_context::<Reload>().expect("the page provides a Reload")
}
