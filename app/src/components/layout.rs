//! The frame around every page: the signed-in app shell with navigation for
//! the person's roles, and the simpler shell of the public pages.

use crate::api::auth::LogOut;
use crate::auth::use_auth;
use crate::components::feedback::ErrorPanel;
use crate::domain::access::{self, Action, Relation};
use crate::domain::roles::RoleSet;
use crate::types::Me;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Redirect, A};
use leptos_router::hooks::{use_location, use_navigate};

/// Who may open a page. The server checks again in every server function;
/// this only keeps people from landing on pages that would refuse them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    AnyUser,
    Admin,
}

impl Access {
    fn allows(self, roles: RoleSet) -> bool {
        match self {
            Access::AnyUser => true,
            Access::Admin => access::permits_any(roles, Action::ManagePeople),
        }
    }
}

struct NavItem {
    href: &'static str,
    label: &'static str,
    show: fn(RoleSet) -> bool,
}

const NAV: &[NavItem] = &[
    NavItem {
        href: "/home",
        label: "Home",
        show: |_| true,
    },
    NavItem {
        href: "/calls",
        label: "Calls",
        show: |_| true,
    },
    NavItem {
        href: "/kpis",
        label: "KPIs",
        show: |r| access::permits(r, Action::ViewDashboards, Relation::Coached),
    },
    NavItem {
        href: "/complaints",
        label: "Complaints",
        show: |r| access::permits_any(r, Action::ViewComplaints),
    },
    NavItem {
        href: "/development",
        label: "Development",
        show: |r| access::permits(r, Action::SelfAssess, Relation::Own),
    },
    NavItem {
        href: "/team",
        label: "Team",
        show: |r| access::permits_any(r, Action::ScoreCall),
    },
    NavItem {
        href: "/calibration",
        label: "Calibration",
        show: |r| access::permits_any(r, Action::JoinCalibration),
    },
    NavItem {
        href: "/sampling",
        label: "Sampling",
        show: |r| access::permits_any(r, Action::DrawSample),
    },
    NavItem {
        href: "/continuum",
        label: "Continuum",
        show: |r| access::permits_any(r, Action::RunContinuum),
    },
    NavItem {
        href: "/frameworks",
        label: "Framework",
        show: |_| true,
    },
    NavItem {
        href: "/admin/people",
        label: "People",
        show: |r| access::permits_any(r, Action::ManagePeople),
    },
    NavItem {
        href: "/admin/teams",
        label: "Teams",
        show: |r| access::permits_any(r, Action::ManagePeople),
    },
];

/// The signed-in frame around a page.
///
/// The page content is created once, outside the suspense that waits for the
/// session: if it lived inside it, a re-run of that suspense (which happens
/// whenever the session resource settles late) would create the page's
/// resources a second time under new ids, and the browser would then hydrate
/// against data the server never sent.
#[component]
pub fn AppShell(
    #[prop(into)] title: String,
    #[prop(default = Access::AnyUser)] access: Access,
    children: Children,
) -> impl IntoView {
    let auth = use_auth();
    let location = use_location();
    view! {
        <Title text=title />
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <Transition fallback=|| view! { <header class="topbar topbar-pending" aria-busy="true"></header> }>
            {move || Suspend::new(async move {
                match auth.me.await {
                    Ok(Some(me)) => {
                        let allowed = access.allows(me.roles);
                        view! {
                            <TopBar me=me />
                            // Hides the page content by CSS; the server refuses
                            // the page's data anyway.
                            {(!allowed).then(|| view! {
                                <div class="page access-denied"><ErrorPanel error=crate::error::AppError::Forbidden /></div>
                            })}
                        }
                            .into_any()
                    }
                    Ok(None) => {
                        let next = location.pathname.get_untracked();
                        view! { <Redirect path=format!("/login?next={next}") /> }.into_any()
                    }
                    Err(e) => view! { <div class="page access-denied"><ErrorPanel error=e /></div> }.into_any(),
                }
            })}
        </Transition>
        <main class="page" id="main" tabindex="-1">
            {children()}
        </main>
        <footer class="footer">
            <span>"Rapport"</span>
            <span aria-hidden="true">"·"</span>
            <span>"Behavioural coaching for customer service"</span>
        </footer>
    }
}

fn initials(name: &str) -> String {
    crate::text::upper(
        &name
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .take(2)
            .collect::<String>(),
    )
}

#[component]
fn TopBar(me: Me) -> impl IntoView {
    let auth = use_auth();
    let log_out = ServerAction::<LogOut>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(())) = log_out.value().get() {
            auth.refresh();
            navigate("/login", Default::default());
        }
    });
    let roles = me.roles;
    let menu_open = RwSignal::new(false);
    let menu_button = NodeRef::<leptos::html::Button>::new();
    // Esc closes the menu and puts focus back on its button.
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(button) = menu_button.get() {
                let _ = button.focus();
            }
        }
    };
    let menu_label = format!("Account menu for {}", me.name);
    view! {
        <header class="topbar">
            <div class="topbar-inner">
                <Brand href="/home" />
                <span class="org-name" title="Your organisation">{me.org_name.clone()}</span>
                <nav class="nav" aria-label="Main">
                    {NAV
                        .iter()
                        .filter(|item| (item.show)(roles))
                        .map(|item| view! { <A href=item.href>{item.label}</A> })
                        .collect_view()}
                </nav>
                <div class="user-menu" on:keydown=close_on_escape>
                    <button
                        class="user-button"
                        type="button"
                        node_ref=menu_button
                        // On phones only the initials show: the label names it.
                        aria-label=menu_label
                        aria-haspopup="true"
                        aria-expanded=move || menu_open.get().to_string()
                        on:click=move |_| menu_open.update(|o| *o = !*o)
                    >
                        <span class="avatar" aria-hidden="true">{initials(&me.name)}</span>
                        <span class="user-text">
                            <span class="user-name">{me.name.clone()}</span>
                            <span class="user-roles">{roles.describe()}</span>
                        </span>
                    </button>
                    <div class="menu" class:open=move || menu_open.get()>
                        <p class="menu-email">{me.email.clone()}</p>
                        <a href="/account" class="menu-item">"Account and password"</a>
                        <button
                            type="button"
                            class="menu-item"
                            on:click=move |_| {
                                log_out.dispatch(LogOut {});
                            }
                        >
                            "Log out"
                        </button>
                    </div>
                </div>
            </div>
        </header>
    }
}

/// The product mark and name, linking home.
#[component]
pub fn Brand(#[prop(into)] href: String, #[prop(optional)] large: bool) -> impl IntoView {
    view! {
        <a class="brand" class:brand-large=large href=href>
            <span class="brand-mark" aria-hidden="true">"R"</span>
            <span class="brand-name">"Rapport"</span>
        </a>
    }
}

/// Moves focus to the page's content, not only the scroll position: after
/// following the link the next Tab goes on from the content.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    ev.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
        main.scroll_into_view();
    }
}

/// The centred card of the sign-up, login and invitation pages.
#[component]
pub fn PublicShell(#[prop(into)] title: String, children: Children) -> impl IntoView {
    view! {
        <Title text=title />
        <div class="public">
            <Brand href="/" large=true />
            <main class="public-card" id="main" tabindex="-1">
                {children()}
            </main>
            <p class="public-foot">"Behavioural coaching for customer service teams"</p>
        </div>
    }
}

/// A page header: title, optional lede, optional actions on the right.
#[component]
pub fn PageHeader(
    #[prop(into)] title: String,
    #[prop(into, optional)] lede: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="page-header">
            <div>
                <h1>{title}</h1>
                {lede.map(|l| view! { <p class="lede">{l}</p> })}
            </div>
            {children.map(|c| view! { <div class="page-actions">{c()}</div> })}
        </div>
    }
}
