//! Reloading a page's data after something on it changed: the page
//! provides one [`Reload`]; its resources include its version in their source; whatever part of the
//! page ran the change asks for the reload. No counters threaded through
//! components.

use crate::components::feedback::{ErrorPanel, Loading};
use crate::error::AppError;
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

/// A page that lists things at its own address and shows one at `…/:id`:
/// the list is asked for only without an id and the item only with one,
/// each again on the page's reload.
pub fn list_or_one<L, O, LF, OF>(
    id: Memo<Option<i32>>,
    reload: Reload,
    (list, show_list): (
        fn() -> LF,
        impl Fn(L) -> AnyView + Copy + Send + Sync + 'static,
    ),
    (one, show_one): (
        fn(i32) -> OF,
        impl Fn(O) -> AnyView + Copy + Send + Sync + 'static,
    ),
) -> impl IntoView
where
    L: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    O: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    LF: std::future::Future<Output = Result<L, AppError>> + Send + 'static,
    OF: std::future::Future<Output = Result<O, AppError>> + Send + 'static,
{
    let listed = Resource::new(
        move || (id.get().is_none(), reload.version()),
        move |(wanted, _)| async move {
            if wanted {
                list().await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    let shown = Resource::new(
        move || (id.get(), reload.version()),
        move |(id, _)| async move {
            match id {
                Some(id) => one(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match (listed.await, shown.await) {
                    (Ok(Some(l)), _) => show_list(l),
                    (_, Ok(Some(o))) => show_one(o),
                    (Err(e), _) | (_, Err(e)) => view! { <ErrorPanel error=e /> }.into_any(),
                    _ => view! { <Loading /> }.into_any(),
                }
            })}
        </Transition>
    }
}
