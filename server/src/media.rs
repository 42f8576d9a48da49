//! Recordings and complaint material: upload and download. Each checks the
//! session and that the person may see the call or complaint (and, to
//! upload, may act on it); downloads take HTTP byte ranges so a player can seek.

use crate::storage::{Storage, StorageError};
use app::domain::access::Action;
use app::domain::material::{
    material_too_large, sniff_material, unsupported_material, MAX_MATERIAL_BYTES,
};
use app::domain::media::{
    sniff_audio, too_large_message, unsupported_message, MAX_RECORDING_BYTES,
};
use app::error::AppError;
use app::server::guard::user_for_session;
use app::server::kernel::AuthUser;
use app::server::services::calls::{attach_recording, audible_call, can_edit, visible_call};
use app::server::services::complaints::{attach_material, material_of, material_target};
use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use sea_orm::DatabaseConnection;
use std::ops::Range;
use tower_sessions::Session;

#[derive(Clone)]
pub struct MediaState {
    pub db: DatabaseConnection,
    pub storage: Storage,
}

pub fn routes(state: MediaState) -> Router {
    Router::new()
        .route(
            "/media/calls/{id}/recording",
            get(play).put(upload).post(upload),
        )
        .route(
            "/media/complaints/{id}/material",
            get(material).put(attach).post(attach),
        )
        .with_state(state)
}

/// A refused request: the status and a message the page shows (boxed, as
/// a response is large and refusals are the rare path).
struct Refusal(Box<Response>);

impl From<AppError> for Refusal {
    fn from(e: AppError) -> Self {
        let status =
            StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        Refusal::with(status, e.to_string())
    }
}

impl Refusal {
    fn with(status: StatusCode, message: String) -> Self {
        Refusal(Box::new(
            (status, Json(serde_json::json!({ "error": message }))).into_response(),
        ))
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        *self.0
    }
}

type Answer = Result<Response, Refusal>;

/// The signed-in person making the request; refused when nobody is.
struct Caller(AuthUser);

impl FromRequestParts<MediaState> for Caller {
    type Rejection = Refusal;

    async fn from_request_parts(parts: &mut Parts, state: &MediaState) -> Result<Self, Refusal> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::Unauthenticated)?;
        let user = user_for_session(&state.db, &session)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        Ok(Caller(user))
    }
}

async fn upload(
    State(state): State<MediaState>,
    Caller(user): Caller,
    Path(id): Path<i32>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    user.require(Action::AttachMedia)?;
    let (call, scope) = visible_call(&state.db, &user, id).await?;
    if !can_edit(&user, &scope, &call) {
        return Err(AppError::Forbidden.into());
    }
    let kind = checked(
        &body,
        &file_name(&headers),
        MAX_RECORDING_BYTES,
        too_large_message,
        sniff_audio,
        unsupported_message,
    )?;
    let prefix = format!("org-{}/call-{}", call.org_id, call.id);
    let (key, bytes) = store(&state, &prefix, kind.extension(), body, "recording").await?;
    attach_recording(&state.db, call, key, kind.mime(), bytes).await?;
    Ok(stored(kind.mime(), bytes))
}

async fn play(
    State(state): State<MediaState>,
    Caller(user): Caller,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Answer {
    let call = audible_call(&state.db, &user, id).await?;
    let (key, mime) = kept(
        call.recording_key,
        call.recording_mime,
        "That call's recording",
    )?;
    serve_stored(&state, &key, &mime, None, &headers, "recording").await
}

/// A stored file's key and type, or "not found" naming `what`.
fn kept(
    key: Option<String>,
    mime: Option<String>,
    what: &str,
) -> Result<(String, String), Refusal> {
    match (key, mime) {
        (Some(key), Some(mime)) => Ok((key, mime)),
        _ => Err(AppError::not_found(what).into()),
    }
}

fn file_name(headers: &HeaderMap) -> String {
    headers
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .map(|n| n.chars().take(120).collect::<String>())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "The file".into())
}

/// Material for a complaint: checked from its bytes and size-limited like
/// a recording, kept beside the recordings.
async fn attach(
    State(state): State<MediaState>,
    Caller(user): Caller,
    Path(id): Path<i32>,
    headers: HeaderMap,
    body: Bytes,
) -> Answer {
    let complaint = material_target(&state.db, &user, id).await?;
    let name = file_name(&headers);
    let (mime, extension) = checked(
        &body,
        &name,
        MAX_MATERIAL_BYTES,
        material_too_large,
        sniff_material,
        unsupported_material,
    )?;
    let prefix = format!("org-{}/complaint-{}", complaint.org_id, complaint.id);
    let (key, bytes) = store(&state, &prefix, extension, body, "material").await?;
    attach_material(&state.db, &user, complaint, key, name, mime, bytes).await?;
    Ok(stored(mime, bytes))
}

/// The complaint's material, as a download (never shown inline, so a file
/// cannot run in the page's origin).
async fn material(
    State(state): State<MediaState>,
    Caller(user): Caller,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Answer {
    let c = material_of(&state.db, &user, id).await?;
    let (key, mime) = kept(
        c.attachment_key,
        c.attachment_mime,
        "That complaint's material",
    )?;
    let name: String = c
        .attachment_name
        .unwrap_or_default()
        .chars()
        .filter(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | '_' | ' '))
        .collect();
    let disposition = format!("attachment; filename=\"{}\"", name.trim());
    serve_stored(&state, &key, &mime, Some(disposition), &headers, "material").await
}

/// An upload's body checked before anything is stored: within `max`, not
/// empty, and recognised from its first bytes; otherwise the refusal that
/// names the file.
fn checked<T>(
    body: &[u8],
    name: &str,
    max: u64,
    too_large: fn(&str, u64) -> String,
    sniff: fn(&[u8]) -> Option<T>,
    unsupported: fn(&str) -> String,
) -> Result<T, Refusal> {
    if body.len() as u64 > max {
        return Err(Refusal::with(
            StatusCode::PAYLOAD_TOO_LARGE,
            too_large(name, body.len() as u64),
        ));
    }
    if body.is_empty() {
        return Err(Refusal::with(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("\"{name}\" is empty."),
        ));
    }
    sniff(&body[..body.len().min(64)])
        .ok_or_else(|| Refusal::with(StatusCode::UNSUPPORTED_MEDIA_TYPE, unsupported(name)))
}

/// Stores an upload under a new key (`prefix-token.extension`: a key never
/// changes its content) and returns the key and the size.
async fn store(
    state: &MediaState,
    prefix: &str,
    extension: &str,
    body: Bytes,
    what: &str,
) -> Result<(String, u64), AppError> {
    let token = &app::server::tokens::new_token()[..12];
    let key = format!("{prefix}-{token}.{extension}");
    let bytes = body.len() as u64;
    state.storage.put(&key, body).await.map_err(|e| {
        tracing::error!(error = %e, what, "not stored");
        AppError::Internal("storage".into())
    })?;
    Ok((key, bytes))
}

fn stored(mime: &str, bytes: u64) -> Response {
    (
        StatusCode::OK,
        Json(serde_json::json!({ "mime": mime, "bytes": bytes })),
    )
        .into_response()
}

/// A stored object, whole or the one byte range asked for, with private
/// caching, its type and, for downloads, its disposition. Several ranges at
/// once (which players never ask for) get the whole object.
async fn serve_stored(
    state: &MediaState,
    key: &str,
    mime: &str,
    disposition: Option<String>,
    headers: &HeaderMap,
    what: &str,
) -> Answer {
    let failed = |e: StorageError| {
        tracing::error!(error = %e, what, key, "not served");
        Refusal::from(AppError::Internal("storage".into()))
    };
    let size = state.storage.size(key).await.map_err(failed)?;
    let range = match headers.get(header::RANGE).map(|v| wanted_range(v, size)) {
        None => None,
        Some(Ok(range)) => range,
        Some(Err(())) => {
            return Ok((
                StatusCode::RANGE_NOT_SATISFIABLE,
                [(header::CONTENT_RANGE, format!("bytes */{size}"))],
            )
                .into_response())
        }
    };
    let read = state
        .storage
        .read(key, range.clone())
        .await
        .map_err(failed)?;
    let mut response = Response::new(read.body);
    let out = response.headers_mut();
    out.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    out.insert(header::CONTENT_LENGTH, HeaderValue::from(read.len));
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    if let Ok(v) = HeaderValue::from_str(mime) {
        out.insert(header::CONTENT_TYPE, v);
    }
    if let Some(v) = disposition.and_then(|d| HeaderValue::from_str(&d).ok()) {
        out.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Some(r) = range {
        let v = format!("bytes {}-{}/{size}", r.start, r.end - 1);
        if let Ok(v) = HeaderValue::from_str(&v) {
            out.insert(header::CONTENT_RANGE, v);
        }
        *response.status_mut() = StatusCode::PARTIAL_CONTENT;
    }
    Ok(response)
}

/// The byte range a `Range` header asks for within `size` bytes: `Ok(None)`
/// to send everything, `Err` when nothing asked for lies within the object.
fn wanted_range(value: &HeaderValue, size: u64) -> Result<Option<Range<u64>>, ()> {
    let Ok(text) = value.to_str() else {
        return Ok(None);
    };
    let Ok(parsed) = http_range_header::parse_range_header(text) else {
        // A header we cannot read is ignored, as RFC 9110 allows.
        return Ok(None);
    };
    match parsed.validate(size).map_err(|_| ())?.as_slice() {
        [one] => Ok(Some(*one.start()..*one.end() + 1)),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(text: &str, size: u64) -> Result<Option<Range<u64>>, ()> {
        wanted_range(&HeaderValue::from_str(text).unwrap(), size)
    }

    #[test]
    fn ranges_are_read_within_the_object() {
        assert_eq!(range("bytes=100-199", 1000), Ok(Some(100..200)));
        assert_eq!(range("bytes=900-", 1000), Ok(Some(900..1000)));
        assert_eq!(range("bytes=-10", 1000), Ok(Some(990..1000)));
        assert_eq!(range("bytes=990-2000", 1000), Ok(Some(990..1000)));
        assert_eq!(range("bytes=1000-", 1000), Err(()));
        assert_eq!(range("bytes=0-1,5-6", 1000), Ok(None));
        assert_eq!(range("pages=1-2", 1000), Ok(None));
    }
}
