use crate::components::layout::Brand;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
        options.set_status(http::StatusCode::NOT_FOUND);
    }
    crate::mark_hydrated();
    view! {
        <Title text="Page not found" />
        <div class="public">
            <Brand href="/" large=true />
            <main class="public-card centred" id="main">
                <p class="big-code">"404"</p>
                <h1>"This page does not exist"</h1>
                <p class="lede">"The link may be old, or the address mistyped. Nothing was changed."</p>
                <a class="button primary" href="/home">"Go to your home page"</a>
            </main>
        </div>
    }
}
