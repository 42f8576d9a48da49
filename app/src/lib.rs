//! Rapport's pages, components, server functions and shared types. Built with
//! `ssr` into the server and with `hydrate` into the browser bundle.
#![recursion_limit = "256"]

pub mod api;
pub mod auth;
pub mod components;
pub mod domain;
pub mod error;
pub mod pages;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod server;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    lazy_route, path, Lazy, LazyRoute, SsrMode,
};

/// The HTML document around the app. Its inline scripts carry the request's
/// CSP nonce (see `server::state::CspNonce`).
pub fn shell(options: LeptosOptions) -> impl IntoView {
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
                <link id="leptos" rel="stylesheet" href="/pkg/rapport.css" />
                <link rel="icon" href="/favicon.svg" />
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

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

    view! {
        <Title formatter=|text: String| if text.is_empty() { "Rapport".to_string() } else { format!("{text} · Rapport") } />
        <Router>
            <div class="app" data-hydrated=move || hydrated.get()>
                <Routes fallback=pages::not_found::NotFound>
                    // Lazy routes: each page's code is a separate wasm chunk,
                    // loaded when the page is first shown.
                    <Route path=path!("/") view={Lazy::<LandingRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/login") view={Lazy::<LoginRoute>::new()} />
                    <Route path=path!("/signup") view={Lazy::<SignupRoute>::new()} />
                    <Route path=path!("/invite/:token") view={Lazy::<InviteRoute>::new()} />
                    // Signed-in pages render whole on the server, so a visitor
                    // without a session gets a real redirect, not a flash.
                    <Route path=path!("/home") view={Lazy::<HomeRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/people") view={Lazy::<PeopleRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/teams") view={Lazy::<TeamsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account") view={Lazy::<AccountRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calls") view={Lazy::<CallsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calls/new") view={Lazy::<NewCallRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calls/import") view={Lazy::<ImportRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calls/:id") view={Lazy::<CallRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reviews/import") view={Lazy::<HistoryImportRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reviews/:id") view={Lazy::<ReviewRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/frameworks") view={Lazy::<FrameworksRoute>::new()} ssr=SsrMode::Async />
                    // One route type serves both: each type costs the main bundle.
                    <Route path=path!("/frameworks/:id") view={Lazy::<FrameworksRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/development") view={Lazy::<DevelopmentRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/team") view={Lazy::<TeamRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/self-assessment") view={Lazy::<SelfAssessmentsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/self-assessment/new") view={Lazy::<NewSelfAssessmentRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/targets/new") view={Lazy::<NewTargetRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/targets/:id") view={Lazy::<TargetRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/practice") view={Lazy::<PracticeRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calibration") view={Lazy::<CalibrationRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calibration/agreement") view={Lazy::<CalibrationRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/calibration/:id") view={Lazy::<CalibrationRoute>::new()} ssr=SsrMode::Async />
                    // Sampling shares the calibration chunk: both are quality assurance.
                    <Route path=path!("/sampling") view={Lazy::<CalibrationRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/sampling/:id") view={Lazy::<CalibrationRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/kpis") view={Lazy::<KpisRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/kpis/quality") view={Lazy::<KpisRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/kpis/insight") view={Lazy::<KpisRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/kpis/coaching") view={Lazy::<KpisRoute>::new()} ssr=SsrMode::Async />
                    // The register, logging one (`/complaints/new`), service ideas
                    // (`/complaints/ideas`) and each complaint share the calls
                    // list's route type: each type costs the main bundle.
                    <Route path=path!("/complaints") view={Lazy::<CallsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/complaints/:id") view={Lazy::<CallsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/continuum") view={Lazy::<ContinuumRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/continuum/model") view={Lazy::<ContinuumRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/continuum/:id") view={Lazy::<ContinuumRoute>::new()} ssr=SsrMode::Async />
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

/// Declares a lazily loaded route that shows one page component.
macro_rules! lazy_page {
    ($route:ident, $page:path) => {
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                let view = view! { <$page /> }.into_any();
                mark_hydrated();
                view
            }
        }
    };
}

lazy_page!(LandingRoute, pages::landing::Landing);
lazy_page!(LoginRoute, pages::login::LoginPage);
lazy_page!(SignupRoute, pages::signup::SignupPage);
lazy_page!(InviteRoute, pages::invite::AcceptInvitePage);
lazy_page!(HomeRoute, pages::home::HomePage);
lazy_page!(PeopleRoute, pages::people::PeoplePage);
lazy_page!(TeamsRoute, pages::teams::TeamsPage);
lazy_page!(AccountRoute, pages::account::AccountPage);
lazy_page!(CallsRoute, pages::calls::CallsPage);
lazy_page!(NewCallRoute, pages::calls::NewCallPage);
lazy_page!(ImportRoute, pages::calls::ImportPage);
lazy_page!(HistoryImportRoute, pages::calls::HistoryImportPage);
lazy_page!(CallRoute, pages::call::CallPage);
lazy_page!(ReviewRoute, pages::review::ReviewPage);
lazy_page!(FrameworksRoute, pages::frameworks::FrameworksPage);
lazy_page!(DevelopmentRoute, pages::development::DevelopmentPage);
lazy_page!(TeamRoute, pages::development::TeamPage);
lazy_page!(
    SelfAssessmentsRoute,
    pages::self_assessment::SelfAssessmentHistoryPage
);
lazy_page!(
    NewSelfAssessmentRoute,
    pages::self_assessment::NewSelfAssessmentPage
);
lazy_page!(NewTargetRoute, pages::targets::NewTargetPage);
lazy_page!(TargetRoute, pages::targets::TargetPage);
lazy_page!(PracticeRoute, pages::practice::PracticePage);
lazy_page!(ContinuumRoute, pages::continuum::ContinuumPage);
lazy_page!(CalibrationRoute, pages::calibration::CalibrationPage);
lazy_page!(KpisRoute, pages::kpis::KpisPage);
