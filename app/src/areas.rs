//! The app's code areas. Each is one lazily loaded route type: its pages'
//! code reaches the browser when one of them is first shown. Areas are
//! coarse on purpose: the wasm split makes a chunk for every set of areas
//! that share code, so one route type per page made a first visit fetch
//! hundreds of tiny chunks, and each route type also costs the main bundle.
//! With six areas a first visit fetches at most 2⁵ = 32 chunks (one per set
//! of the other areas its code is shared with); eight allowed 128 and
//! fetched up to 81.
//! An area picks its page from the address, read once when the route's
//! view is made (another route's address makes a new view).

use crate::pages;
use leptos::prelude::*;
use leptos_router::{hooks::use_location, lazy_route, LazyRoute};

/// Declares an area: a lazily loaded route type showing the page `$pick`
/// chooses for the current path.
macro_rules! lazy_area {
    ($route:ident, $pick:path) => {
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            // Runs before the area's code loads: the page's first
            // requests go out beside it (see `ahead`).
            fn data() -> Self {
                crate::ahead::start(&use_location().pathname.get_untracked());
                $route
            }

            fn view(_this: Self) -> AnyView {
                let view = $pick(&use_location().pathname.get_untracked());
                crate::mark_hydrated();
                view
            }
        }
    };
}

lazy_area!(PublicArea, public);
lazy_area!(HomeArea, home);
lazy_area!(AdminArea, admin);
lazy_area!(CallsArea, calls);
lazy_area!(DevelopmentArea, development);
lazy_area!(DashboardsArea, dashboards);

/// The landing page and everything before signing in.
fn public(path: &str) -> AnyView {
    match path {
        "/login" => view! { <pages::login::LoginPage /> }.into_any(),
        "/signup" => view! { <pages::signup::SignupPage /> }.into_any(),
        p if p.starts_with("/invite/") => view! { <pages::invite::AcceptInvitePage /> }.into_any(),
        _ => view! { <pages::landing::Landing /> }.into_any(),
    }
}

/// The page everyone lands on, kept on its own: it is the most visited.
fn home(_: &str) -> AnyView {
    view! { <pages::home::HomePage /> }.into_any()
}

/// People, teams, one's account and the behavioural frameworks.
fn admin(path: &str) -> AnyView {
    match path {
        "/admin/people" => view! { <pages::people::PeoplePage /> }.into_any(),
        "/admin/teams" => view! { <pages::teams::TeamsPage /> }.into_any(),
        p if p.starts_with("/frameworks") => {
            view! { <pages::frameworks::FrameworksPage /> }.into_any()
        }
        _ => view! { <pages::account::AccountPage /> }.into_any(),
    }
}

/// Calls, their reviews and imports, the complaint register, and quality
/// assurance (calibration sessions score calls too; sampling fills the
/// coach's queue): the coach's daily round from a list to a call to its
/// scoring.
fn calls(path: &str) -> AnyView {
    match path {
        p if p.starts_with("/calibration") || p.starts_with("/sampling") => {
            view! { <pages::calibration::CalibrationPage /> }.into_any()
        }
        "/calls/new" => view! { <pages::calls::NewCallPage /> }.into_any(),
        "/calls/import" => view! { <pages::calls::ImportPage /> }.into_any(),
        "/reviews/import" => view! { <pages::calls::HistoryImportPage /> }.into_any(),
        p if p.starts_with("/calls/") => view! { <pages::call::CallPage /> }.into_any(),
        p if p.starts_with("/reviews/") => view! { <pages::review::ReviewPage /> }.into_any(),
        p if p.starts_with("/complaints") => {
            view! { <pages::complaints::ComplaintsPage /> }.into_any()
        }
        _ => view! { <pages::calls::CallsPage /> }.into_any(),
    }
}

/// The agent's development: benchmark, team view, self-assessments,
/// targets and practice.
fn development(path: &str) -> AnyView {
    match path {
        "/team" => view! { <pages::development::TeamPage /> }.into_any(),
        "/self-assessment" => {
            view! { <pages::self_assessment::SelfAssessmentHistoryPage /> }.into_any()
        }
        "/self-assessment/new" => {
            view! { <pages::self_assessment::NewSelfAssessmentPage /> }.into_any()
        }
        "/targets/new" => view! { <pages::targets::NewTargetPage /> }.into_any(),
        p if p.starts_with("/targets/") => view! { <pages::targets::TargetPage /> }.into_any(),
        "/practice" => view! { <pages::practice::PracticePage /> }.into_any(),
        _ => view! { <pages::development::DevelopmentPage /> }.into_any(),
    }
}

/// The leader's views: the service KPIs, quality, insight and coaching
/// dashboards, and the continuum (assessments, results and the model).
fn dashboards(path: &str) -> AnyView {
    if path.starts_with("/continuum") {
        view! { <pages::continuum::ContinuumPage /> }.into_any()
    } else {
        view! { <pages::kpis::KpisPage /> }.into_any()
    }
}
