//! Request-level protections that apply to every route.

use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Refuses state-changing requests sent by another site (CSRF). Browsers send
/// `Origin` (and `Sec-Fetch-Site`) on cross-site POSTs; a mismatch with our
/// own host is refused before any handler runs. SameSite=Lax cookies are the
/// second line.
pub async fn same_origin_writes(request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe {
        let headers = request.headers();
        if headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v == "cross-site")
        {
            return refuse();
        }
        if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            let host = headers
                .get("x-forwarded-host")
                .or_else(|| headers.get(header::HOST))
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            let origin_host = origin
                .split_once("://")
                .map(|(_, rest)| rest)
                .unwrap_or(origin);
            if origin == "null" || !origin_host.eq_ignore_ascii_case(host) {
                return refuse();
            }
        }
    }
    next.run(request).await
}

fn refuse() -> Response {
    (
        StatusCode::FORBIDDEN,
        "Refused: this request came from another site. Open Rapport directly and try again.",
    )
        .into_response()
}

/// Gives every request a fresh CSP nonce and every HTML response the page
/// policy built on it. Leptos puts the same nonce on its inline scripts (see
/// `app::server::provide_request_context`).
pub async fn page_csp(mut request: Request, next: Next) -> Response {
    let nonce = app::server::tokens::new_token()[..32].to_string();
    request
        .extensions_mut()
        .insert(app::server::CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        if let Ok(value) = HeaderValue::from_str(&page_policy(&nonce)) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}

/// The policy for pages: scripts only from us or with the nonce, wasm allowed
/// to compile, no framing.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// Headers every response carries. Pages get their own CSP (with the script
/// nonce) from `page_csp`; this default covers everything else.
pub fn default_headers() -> [(header::HeaderName, HeaderValue); 6] {
    [
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        ),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ),
        (
            header::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), geolocation=(), payment=()"),
        ),
    ]
}

/// Pages and answers are about one signed-in person: no shared or
/// back-button cache may keep them. Pages load the bundle from its
/// fingerprinted address (`assets`), kept for good; the same files under
/// `/pkg/` and the files of `public/` keep their names from one release to
/// the next, so `immutable` would be wrong there: a browser may use its copy
/// for five minutes and must check it after that. The file server sends
/// `Last-Modified` but answers every request in full; a revalidation that
/// finds the file unchanged gets `304 Not Modified` here, so the browser
/// keeps its copy (and its compiled wasm).
pub async fn no_store(request: Request, next: Next) -> Response {
    let static_file = is_static_file(request.uri().path());
    let since = request.headers().get(header::IF_MODIFIED_SINCE).cloned();
    let mut response = next.run(request).await;
    if !response.headers().contains_key(header::CACHE_CONTROL) {
        let policy = if static_file {
            STATIC_CACHE
        } else {
            "no-store"
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    let unchanged = static_file
        && response.status() == axum::http::StatusCode::OK
        && since.is_some()
        && response.headers().get(header::LAST_MODIFIED) == since.as_ref();
    if unchanged {
        let (mut parts, _) = response.into_parts();
        parts.status = axum::http::StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, axum::body::Body::empty());
    }
    response
}

/// The built bundle and the files of `public/`, as opposed to pages, server
/// functions and recordings.
fn is_static_file(path: &str) -> bool {
    if path.starts_with("/pkg/") || path.starts_with(crate::assets::PREFIX) {
        return true;
    }
    let dynamic = path.starts_with("/api/") || path.starts_with("/media/");
    !dynamic
        && path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'))
}

/// How long a browser may use a static file before checking it is current.
pub const STATIC_CACHE: &str = "public, max-age=300, must-revalidate";

/// `Strict-Transport-Security` for a deployment served only over HTTPS
/// (`RAPPORT_HSTS=true`).
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// Request size limits by route: the CSV import and recording uploads carry
/// files; everything else is a form or a few arguments.
pub async fn body_limit(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let limit = if path.starts_with("/media/") {
        app::domain::media::MAX_RECORDING_BYTES as usize + 64 * 1024
    } else if path == "/api/calls/import" {
        // JSON-escaped CSV is a little larger than the file itself.
        app::domain::call_import::MAX_BYTES + app::domain::call_import::MAX_BYTES / 4
    } else {
        crate::BODY_LIMIT
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        let message = if path.starts_with("/media/") {
            let name = request
                .headers()
                .get("x-file-name")
                .and_then(|v| v.to_str().ok())
                .map_or("The recording".to_string(), |n| {
                    n.chars().take(120).collect()
                });
            app::domain::media::too_large_message(&name, declared.unwrap_or(0) as u64)
        } else {
            format!(
                "The request is too large: the limit is {} MB.",
                limit / 1024 / 1024
            )
        };
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            axum::Json(serde_json::json!({ "error": message })),
        )
            .into_response();
    }
    // A body without a declared length is cut off at the limit as it streams.
    let (parts, body) = request.into_parts();
    let limited = axum::body::Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, limited)).await
}

/// A server function whose arguments cannot be decoded never runs, so it
/// cannot set its own status, and Leptos answers 500. Its body is our
/// `AppError::Invalid` (see `app::error`): that is bad input, so say 422.
pub async fn undecodable_arguments(request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !api || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // Error bodies are a short JSON message; anything longer is left as it was.
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
    };
    if bytes.starts_with(br#"{"Invalid""#) {
        parts.status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::is_static_file;

    #[test]
    fn only_bundle_and_public_files_are_static() {
        assert!(is_static_file("/pkg/rapport.wasm"));
        assert!(is_static_file("/favicon.svg"));
        assert!(!is_static_file("/home"));
        assert!(!is_static_file("/api/me"));
        assert!(!is_static_file("/media/3.wav"));
        assert!(!is_static_file("/calls/12"));
    }
}
