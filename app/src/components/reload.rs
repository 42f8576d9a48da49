//! Reloading a page's data after something on it changed: the page
//! provides one [`Reload`]; its resources include its version in their source; whatever part of the
//! page ran the change asks for the reload. No counters threaded through
//! components.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Reload(RwSignal<u32>);

impl Reload {
    /// Part of a resource's source: the resource loads again on the next
    /// reload. (A resource refetches only when its source value changes,
    /// so this is a number that moves, not a bare notification.)
    pub fn version(self) -> u32 {
        self.0.get()
    }

    pub fn run(self) {
        self.0.update(|v| *v += 1);
    }

    /// The same, as a callback for components that take one.
    pub fn callback(self) -> Callback<()> {
        Callback::new(move |_| self.run())
    }
}

/// Gives the page its reload; call once at the top of the page.
pub fn provide_reload() -> Reload {
    let reload = Reload(RwSignal::new(0));
    provide_context(reload);
    reload
}

/// The page's reload, from anywhere inside it.
pub fn use_reload() -> Reload {
    use_context::<Reload>().expect("the page provides a Reload")
}
