//! Data asked for while a page's code loads. A client-side navigation to an
//! area not visited yet first fetches the area's code, and only once that
//! code runs would the page ask for its data: two round trips one after the
//! other. An area's `LazyRoute::data` runs before its code loads, so it
//! calls [`start`], which sends the page's first requests at once; the
//! page's server functions send through [`DataClient`], which takes the
//! answer already on its way instead of asking again.
//!
//! Only calls without arguments are fetched ahead (their address says all
//! there is to say about them), each answer is used once, and an answer
//! nobody took within a few seconds is dropped, so nothing stale is read.

use crate::api::admin::{ListTeams, ListUsers};
use crate::api::calibration::ListCalibrations;
use crate::api::calls::CallOptions;
use crate::api::complaints::MyComplaintReminders;
use crate::api::continuum::GetContinuumHome;
use crate::api::development::{GetSelfAssessmentForm, GetTeamOverview};
use crate::api::home::GetHome;
use crate::api::reviews::{GetReviewQueue, ListNotifications};
use crate::api::sampling::ListSamples;
use leptos::server_fn::ServerFn;

/// The client of the server functions fetched ahead: in the browser the
/// `fetch` client that takes answers already asked for; elsewhere the
/// default.
#[cfg(feature = "hydrate")]
pub type DataClient = browser::AheadClient;
#[cfg(not(feature = "hydrate"))]
pub type DataClient = leptos::server_fn::client::browser::BrowserClient;

/// A call fetched ahead: its address, checked to go through [`DataClient`]
/// (a server function sent any other way would never take the answer).
fn ahead<T: ServerFn<Client = DataClient>>() -> &'static str {
    T::PATH
}

/// The argument-free calls a page makes as it opens, by path.
pub fn calls_of(path: &str) -> Vec<&'static str> {
    match path {
        "/home" => vec![
            ahead::<GetHome>(),
            ahead::<GetReviewQueue>(),
            ahead::<ListNotifications>(),
            ahead::<MyComplaintReminders>(),
        ],
        "/team" => vec![ahead::<GetTeamOverview>()],
        "/self-assessment/new" => vec![ahead::<GetSelfAssessmentForm>()],
        "/calls" | "/calls/new" => vec![ahead::<CallOptions>()],
        "/calibration" => vec![ahead::<ListCalibrations>()],
        "/sampling" => vec![ahead::<ListSamples>()],
        "/continuum" => vec![ahead::<GetContinuumHome>()],
        "/admin/people" | "/admin/teams" => vec![ahead::<ListUsers>(), ahead::<ListTeams>()],
        _ => vec![],
    }
}

/// Starts the calls the page at `path` makes as it opens, unless the page
/// is being hydrated (its data came with it) or this is the server.
pub fn start(path: &str) {
    let calls = calls_of(path);
    #[cfg(feature = "hydrate")]
    {
        let hydrating = leptos::prelude::Owner::current_shared_context()
            .is_some_and(|context| context.during_hydration());
        if !hydrating && !calls.is_empty() {
            browser::ask(&calls);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = calls;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_fetched_ahead_by_its_own_calls_only() {
        assert_eq!(
            calls_of("/home"),
            [
                "/api/home",
                "/api/reviews/queue",
                "/api/notifications/list",
                "/api/complaints/reminders"
            ]
        );
        assert_eq!(calls_of("/team"), ["/api/development/team"]);
        // Pages whose calls take arguments (one call, a filtered list) are
        // not fetched ahead.
        for path in [
            "/calls/12",
            "/reviews/3",
            "/kpis",
            "/development",
            "/nowhere",
        ] {
            assert!(calls_of(path).is_empty(), "{path}");
        }
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::server_fn::client::browser::BrowserClient;
    use leptos::server_fn::client::Client;
    use leptos::server_fn::error::{FromServerFnError, IntoAppError, ServerFnErrorErr};
    use leptos::server_fn::redirect::REDIRECT_HEADER;
    use leptos::server_fn::request::browser::BrowserRequest;
    use leptos::server_fn::response::browser::BrowserResponse;
    use leptos::server_fn::response::ClientRes;
    use leptos::server_fn::Bytes;
    use send_wrapper::SendWrapper;
    use std::cell::RefCell;
    use std::future::Future;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// How long an answer asked for ahead waits to be taken.
    const FRESH_MS: f64 = 5_000.0;

    struct Asked {
        url: String,
        at: f64,
        answer: js_sys::Promise,
    }

    thread_local! {
        static ASKED: RefCell<Vec<Asked>> = const { RefCell::new(Vec::new()) };
    }

    fn origin() -> String {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }

    /// Sends each call as the server function would (a form post without
    /// fields, answered in JSON), unless it is already on its way.
    pub fn ask(paths: &[&'static str]) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let now = js_sys::Date::now();
        let origin = origin();
        ASKED.with_borrow_mut(|asked| {
            asked.retain(|a| now - a.at < FRESH_MS);
            for path in paths {
                let url = format!("{origin}{path}");
                if asked.iter().any(|a| a.url == url) {
                    continue;
                }
                let init = web_sys::RequestInit::new();
                init.set_method("POST");
                init.set_body(&"".into());
                let Ok(headers) = web_sys::Headers::new() else {
                    return;
                };
                let _ = headers.set("Content-Type", "application/x-www-form-urlencoded");
                let _ = headers.set("Accept", "application/json");
                init.set_headers(&headers);
                asked.push(Asked {
                    answer: window.fetch_with_str_and_init(&url, &init),
                    url,
                    at: now,
                });
            }
        });
    }

    /// The answer asked for ahead for `url`, if it is still fresh.
    fn take(url: &str) -> Option<js_sys::Promise> {
        let now = js_sys::Date::now();
        ASKED.with_borrow_mut(|asked| {
            asked.retain(|a| now - a.at < FRESH_MS);
            let i = asked.iter().position(|a| a.url == url)?;
            Some(asked.swap_remove(i).answer)
        })
    }

    pub struct AheadClient;

    /// An answer from the network as usual, or one asked for ahead.
    pub enum Answer {
        Sent(BrowserResponse),
        Ahead(SendWrapper<web_sys::Response>),
    }

    impl<E, IS, OS> Client<E, IS, OS> for AheadClient
    where
        E: FromServerFnError,
        IS: FromServerFnError,
        OS: FromServerFnError,
    {
        type Request = BrowserRequest;
        type Response = Answer;

        fn send(req: Self::Request) -> impl Future<Output = Result<Self::Response, E>> + Send {
            let ahead = (req.method() == "POST").then(|| take(&req.url())).flatten();
            SendWrapper::new(async move {
                match ahead {
                    Some(answer) => {
                        let response = JsFuture::from(answer)
                            .await
                            .map_err(|e| request_error::<E>(format!("{e:?}")))?;
                        Ok(Answer::Ahead(SendWrapper::new(response.unchecked_into())))
                    }
                    None => <BrowserClient as Client<E, IS, OS>>::send(req)
                        .await
                        .map(Answer::Sent),
                }
            })
        }

        #[allow(clippy::type_complexity)]
        fn open_websocket(
            path: &str,
        ) -> impl Future<
            Output = Result<
                (
                    impl futures::Stream<Item = Result<Bytes, Bytes>> + Send + 'static,
                    impl futures::Sink<Bytes> + Send + 'static,
                ),
                E,
            >,
        > + Send {
            <BrowserClient as Client<E, IS, OS>>::open_websocket(path)
        }

        fn spawn(future: impl Future<Output = ()> + Send + 'static) {
            <BrowserClient as Client<E, IS, OS>>::spawn(future)
        }
    }

    fn request_error<E: FromServerFnError>(message: String) -> E {
        ServerFnErrorErr::Request(message).into_app_error()
    }

    fn read_error<E: FromServerFnError>(message: String) -> E {
        ServerFnErrorErr::Deserialization(message).into_app_error()
    }

    impl<E: FromServerFnError> ClientRes<E> for Answer {
        fn try_into_string(self) -> impl Future<Output = Result<String, E>> + Send {
            SendWrapper::new(async move {
                match self {
                    Answer::Sent(r) => r.try_into_string().await,
                    Answer::Ahead(r) => {
                        let text = r.text().map_err(|e| read_error::<E>(format!("{e:?}")))?;
                        JsFuture::from(text)
                            .await
                            .map_err(|e| read_error::<E>(format!("{e:?}")))?
                            .as_string()
                            .ok_or_else(|| read_error("the answer is not text".into()))
                    }
                }
            })
        }

        fn try_into_bytes(self) -> impl Future<Output = Result<Bytes, E>> + Send {
            SendWrapper::new(async move {
                match self {
                    Answer::Sent(r) => r.try_into_bytes().await,
                    Answer::Ahead(r) => {
                        let buffer = r
                            .array_buffer()
                            .map_err(|e| read_error::<E>(format!("{e:?}")))?;
                        let buffer = JsFuture::from(buffer)
                            .await
                            .map_err(|e| read_error::<E>(format!("{e:?}")))?;
                        Ok(Bytes::from(js_sys::Uint8Array::new(&buffer).to_vec()))
                    }
                }
            })
        }

        fn try_into_stream(
            self,
        ) -> Result<impl futures::Stream<Item = Result<Bytes, Bytes>> + Send + Sync + 'static, E>
        {
            match self {
                Answer::Sent(r) => r.try_into_stream(),
                // Only calls answered in one piece are asked for ahead.
                Answer::Ahead(_) => Err(read_error("a streamed answer was asked for ahead".into())),
            }
        }

        fn status(&self) -> u16 {
            match self {
                Answer::Sent(r) => <BrowserResponse as ClientRes<E>>::status(r),
                Answer::Ahead(r) => r.status(),
            }
        }

        fn status_text(&self) -> String {
            match self {
                Answer::Sent(r) => <BrowserResponse as ClientRes<E>>::status_text(r),
                Answer::Ahead(r) => r.status_text(),
            }
        }

        fn location(&self) -> String {
            match self {
                Answer::Sent(r) => <BrowserResponse as ClientRes<E>>::location(r),
                Answer::Ahead(r) => r
                    .headers()
                    .get("Location")
                    .ok()
                    .flatten()
                    .unwrap_or_else(|| r.url()),
            }
        }

        fn has_redirect(&self) -> bool {
            match self {
                Answer::Sent(r) => <BrowserResponse as ClientRes<E>>::has_redirect(r),
                Answer::Ahead(r) => r.headers().get(REDIRECT_HEADER).ok().flatten().is_some(),
            }
        }
    }
}
