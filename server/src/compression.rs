//! Responses go out compressed when the browser accepts it: pages,
//! server-function answers and CSV downloads. The bundle's files were
//! compressed once, at the best level, by `scripts/finish-site.mjs`, and go
//! out as they are (`assets.rs`).
//!
//! What this layer compresses is made for one request, so it uses a fast
//! level (1). At Brotli's usual on-the-fly level (4) compressing a
//! signed-in page took more of the server's time than reading its data and
//! rendering it (a third of a simple page's, in a profile), to save about a
//! tenth of its bytes (one or two KB). Even at level 1 Brotli was a sixth
//! of a large page's time, so browsers that accept Zstandard (Chromium
//! does) get that instead, as the layer prefers it to Brotli: in a profile
//! under load it took half Brotli's time (a thirteenth of the server's CPU
//! instead of a sixth) for about the same size. Others get Brotli, else
//! gzip.

use axum::http::{Extensions, HeaderMap, StatusCode, Version};
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// Recordings are compressed already, and a byte range of a compressed
/// body is not the range the player asked for; nor has a 304 a body.
fn worth_compressing(status: StatusCode, _: Version, _: &HeaderMap, _: &Extensions) -> bool {
    !matches!(
        status,
        StatusCode::PARTIAL_CONTENT | StatusCode::NOT_MODIFIED | StatusCode::NO_CONTENT
    )
}

pub fn layer() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .zstd(true)
        .br(true)
        .gzip(true)
        .quality(CompressionLevel::Precise(1))
        .compress_when(
            DefaultPredicate::new()
                .and(NotForContentType::const_new("audio/"))
                .and(NotForContentType::const_new("video/"))
                .and(worth_compressing),
        )
}
