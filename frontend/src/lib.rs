//! The browser entry point: hydrates the server-rendered page. Routes are
//! lazy (each page is its own wasm chunk), so hydration first loads the
//! chunks of the current route.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_lazy(app::App);
}
