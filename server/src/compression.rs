//! Responses go out compressed (Brotli, else gzip) when the browser
//! accepts it: pages, server-function answers, CSV downloads and the
//! bundle. The main wasm file shrinks from about 650 KB to about 240 KB.

use axum::http::{Extensions, HeaderMap, StatusCode, Version};
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::CompressionLayer;

/// Recordings are compressed already, and a byte range of a compressed
/// body is not the range the player asked for; nor has a 304 a body.
fn worth_compressing(status: StatusCode, _: Version, _: &HeaderMap, _: &Extensions) -> bool {
    !matches!(
        status,
        StatusCode::PARTIAL_CONTENT | StatusCode::NOT_MODIFIED | StatusCode::NO_CONTENT
    )
}

pub fn layer() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new().br(true).gzip(true).compress_when(
        DefaultPredicate::new()
            .and(NotForContentType::const_new("audio/"))
            .and(NotForContentType::const_new("video/"))
            .and(worth_compressing),
    )
}
