//! Rapport's pages, components, server functions and shared types. Built with
//! `ssr` into the server and with `hydrate` into the browser bundle.
#![recursion_limit = "256"]

mod ahead;
pub mod api;
mod areas;
pub mod auth;
pub mod components;
pub mod domain;
pub mod error;
pub mod pages;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod server;

use areas::*;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, Lazy, SsrMode,
};

/// The HTML document around the app. Its inline scripts carry the request's
/// CSP nonce (see `server::state::CspNonce`).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let assets = asset_root();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                // Static head tags live here, in server-only code, rather than
                // in `App`: whatever `App` renders is compiled into the main
                // wasm bundle.
                <meta name="description" content="Rapport: behavioural coaching for customer service teams." />
                <link id="leptos" rel="stylesheet" href=format!("{assets}/pkg/rapport.css") />
                <link rel="icon" href="/favicon.svg" />
                // Until the page's code has loaded, a click on a button would
                // be lost; this holds it, shows that it was taken, and plays
                // it once the page is interactive.
                <script nonce=leptos::nonce::use_nonce() inner_html=HOLD_EARLY_CLICKS></script>
                <AutoReload options=options.clone() />
                // The page's code loads once the browser is idle after the
                // first paint, at low priority, so on a slow link it does not
                // compete with the stylesheet that the first paint waits for;
                // a click made before then is held (above), not lost.
                <HydrationScripts options defer=true root=assets />
                <WithoutEagerChunks />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Leptos would also preload the page's code chunks (about 30 files) at
/// high priority as the page is parsed, competing with the stylesheet for
/// the first paint; the code loads once the browser is idle anyway
/// (`defer` above) and fetches its chunks then. This keeps the manifest's
/// address and loader but lists no chunk to preload.
#[component]
fn WithoutEagerChunks() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(manifest) = use_context::<leptos::WasmSplitManifest>() {
        let (root, _, loader) = manifest.0.get_value();
        provide_context(leptos::WasmSplitManifest(ArcStoredValue::new((
            root,
            Default::default(),
            loader,
        ))));
    }
}

/// Where the server serves the built bundle (see `server::Settings`).
#[cfg(feature = "ssr")]
fn asset_root() -> String {
    use_context::<server::AppState>().map_or_else(String::new, |s| s.settings.assets.clone())
}

#[cfg(not(feature = "ssr"))]
fn asset_root() -> String {
    String::new()
}

/// Holds clicks on buttons made before hydration (forms that post without
/// code are left alone) and replays them once `.app` has `data-hydrated`.
const HOLD_EARLY_CLICKS: &str = r#"(function(){var d=document,r=d.documentElement,q=[];
function ready(){var a=d.querySelector('.app');return !!a&&a.hasAttribute('data-hydrated');}
d.addEventListener('click',function(e){if(ready())return;var b=e.target.closest&&e.target.closest('button');
if(!b||b.disabled||(b.type==='submit'&&b.form&&b.form.getAttribute('action')))return;
e.preventDefault();e.stopImmediatePropagation();if(q.indexOf(b)<0)q.push(b);
b.setAttribute('aria-busy','true');r.classList.add('awaiting-code');},true);
new MutationObserver(function(m,o){if(!ready())return;o.disconnect();r.classList.remove('awaiting-code');
q.splice(0).forEach(function(b){b.removeAttribute('aria-busy');if(b.isConnected)b.click();});})
.observe(d,{subtree:true,attributes:true,attributeFilter:['data-hydrated']});})();"#;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    auth::provide_auth();

    // Effects run only in the browser, after the view that created them has
    // hydrated. Each page's route sets this to its own path (see
    // `lazy_page!`), so the mark means this page itself is interactive, not
    // only the frame around it nor the page before an in-app navigation; the
    // browser tests wait for it before clicking.
    let hydrated = RwSignal::new(None::<String>);
    provide_context(PageHydrated(hydrated));
    let (routing, set_routing) = signal(false);

    view! {
        <Title formatter=|text: String| if text.is_empty() { "Rapport".to_string() } else { format!("{text} · Rapport") } />
        <Router set_is_routing=set_routing>
            // A thin bar at the top while a page's code loads after a click:
            // without it a first visit to an area looked frozen.
            <div class="nav-progress" class:active=move || routing.get() aria-hidden="true"></div>
            <div class="app" data-hydrated=move || hydrated.get() aria-busy=move || routing.get().then_some("true")>
                <Routes fallback=pages::not_found::NotFound>
                    // Lazy routes: each area's code (see `areas`) is loaded
                    // when one of its pages is first shown.
                    <Route path=path!("/") view={Lazy::<PublicArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/login") view={Lazy::<PublicArea>::new()} />
                    <Route path=path!("/signup") view={Lazy::<PublicArea>::new()} />
                    <Route path=path!("/invite/:token") view={Lazy::<PublicArea>::new()} />
                    // Signed-in pages render whole on the server, so a visitor
                    // without a session gets a real redirect, not a flash.
                    <Route path=path!("/home") view={Lazy::<HomeArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/people") view={Lazy::<AdminArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/teams") view={Lazy::<AdminArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account") view={Lazy::<AdminArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calls") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calls/new") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calls/import") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calls/:id") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reviews/import") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reviews/:id") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/frameworks") view={Lazy::<AdminArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/frameworks/:id") view={Lazy::<AdminArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/development") view={Lazy::<DevelopmentArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/team") view={Lazy::<DevelopmentArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/self-assessment") view={Lazy::<DevelopmentArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/self-assessment/new") view={Lazy::<DevelopmentArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/targets/new") view={Lazy::<DevelopmentArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/targets/:id") view={Lazy::<DevelopmentArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/practice") view={Lazy::<DevelopmentArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calibration") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calibration/agreement") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calibration/:id") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/sampling") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/sampling/:id") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/kpis") view={Lazy::<DashboardsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/kpis/quality") view={Lazy::<DashboardsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/kpis/insight") view={Lazy::<DashboardsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/kpis/coaching") view={Lazy::<DashboardsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/complaints") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/complaints/:id") view={Lazy::<CallsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/continuum") view={Lazy::<DashboardsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/continuum/model") view={Lazy::<DashboardsArea>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/continuum/:id") view={Lazy::<DashboardsArea>::new()} ssr=SsrMode::Async />
                </Routes>
            </div>
        </Router>
    }
}

/// The path of the page that last became interactive.
#[derive(Clone, Copy)]
pub struct PageHydrated(pub RwSignal<Option<String>>);

/// Marks the app with this page's path once the page has hydrated.
pub fn mark_hydrated() {
    if let Some(PageHydrated(done)) = use_context::<PageHydrated>() {
        let location = leptos_router::hooks::use_location();
        Effect::new(move |_| done.set(Some(location.pathname.get_untracked())));
    }
}
