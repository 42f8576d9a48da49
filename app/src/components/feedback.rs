//! Loading, empty and error states, in the product's design.

use crate::error::AppError;
use leptos::prelude::*;

#[component]
pub fn Loading(#[prop(into, default = "Loading…".to_string())] label: String) -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <span>{label}</span>
        </div>
    }
}

#[component]
pub fn EmptyState(
    #[prop(into)] title: String,
    #[prop(into)] body: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="empty">
            <svg class="empty-art" viewBox="0 0 48 48" aria-hidden="true">
                <circle cx="24" cy="24" r="20" />
                <path d="M16 26h16M18 20h.01M30 20h.01" />
            </svg>
            <h3>{title}</h3>
            <p>{body}</p>
            {children.map(|c| view! { <div class="empty-actions">{c()}</div> })}
        </div>
    }
}

/// A page's data as it arrives: the loading state, then the view of the
/// value, or the error panel. The one scaffold every data-driven page uses.
pub fn loaded<T, F>(resource: Resource<Result<T, AppError>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(T) -> AnyView + Copy + Send + Sync + 'static,
{
    view! { <Suspense fallback=|| view! { <Loading /> }>{outcome(resource, render)}</Suspense> }
}

/// The same for a page that reloads after changes: the current view stays
/// until the new data is there.
pub fn reloadable<T, F>(resource: Resource<Result<T, AppError>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(T) -> AnyView + Copy + Send + Sync + 'static,
{
    view! { <Transition fallback=|| view! { <Loading /> }>{outcome(resource, render)}</Transition> }
}

fn outcome<T, F>(
    resource: Resource<Result<T, AppError>>,
    render: F,
) -> impl Fn() -> Suspend<AnyView> + Send + Sync + 'static
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(T) -> AnyView + Copy + Send + Sync + 'static,
{
    move || {
        Suspend::new(async move {
            match resource.await {
                Ok(value) => render(value),
                Err(e) => view! { <ErrorPanel error=e /> }.into_any(),
            }
        })
    }
}

#[component]
pub fn ErrorPanel(error: AppError) -> impl IntoView {
    let (title, hint) = match &error {
        AppError::Unauthenticated => ("You are signed out", Some(("/login", "Log in"))),
        AppError::Forbidden => (
            "Not available to your role",
            Some(("/home", "Go to your home page")),
        ),
        AppError::NotFound(_) => ("Not found", Some(("/home", "Go to your home page"))),
        AppError::Network(_) => ("Connection problem", None),
        _ => ("Something went wrong", None),
    };
    view! {
        <div class="panel panel-error" role="alert">
            <h2>{title}</h2>
            <p>{error.to_string()}</p>
            {hint.map(|(href, label)| view! { <a class="button" href=href>{label}</a> })}
        </div>
    }
}

/// A one-line notice after an action: green for done, red for a problem.
#[component]
pub fn Notice(message: Signal<Option<Result<String, String>>>) -> impl IntoView {
    move || {
        message.get().map(|m| match m {
            Ok(text) => view! { <p class="notice notice-ok" role="status">{text}</p> }.into_any(),
            Err(text) => {
                view! { <p class="notice notice-error" role="alert">{text}</p> }.into_any()
            }
        })
    }
}

/// A `data:` link that downloads `csv` as a file, so exports need no extra
/// request and work the same before and after hydration.
pub fn csv_data_href(csv: &str) -> String {
    let mut out = String::from("data:text/csv;charset=utf-8,");
    for b in csv.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
