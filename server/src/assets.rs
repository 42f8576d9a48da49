//! The built bundle (wasm, its chunks, scripts, stylesheet) under an address
//! that names its contents: `/v/<fingerprint>/pkg/…`. A new build gets a new
//! address, so browsers may keep these files for a year without asking
//! again (`immutable`), and a page never mixes files of two builds. The
//! fingerprint is a hash of every file's name and bytes, so servers running
//! the same build behind a load balancer agree on it.
//!
//! Files are sent as `scripts/finish-site.mjs` precompressed them (Brotli,
//! gzip) when the browser accepts that, and compressed on the fly otherwise.

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tower_http::services::ServeDir;

/// Where fingerprinted bundles are served from.
pub const PREFIX: &str = "/v/";

/// How long a browser keeps a fingerprinted file: a year, never revalidated.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The fingerprint of the bundle in `pkg`: 16 hex digits of a SHA-256 over
/// its files (precompressed copies aside), or `None` without a bundle.
pub fn fingerprint(pkg: &Path) -> std::io::Result<Option<String>> {
    let mut names: Vec<PathBuf> = match std::fs::read_dir(pkg) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && !is_copy(p))
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if names.is_empty() {
        return Ok(None);
    }
    names.sort();
    let mut hash = Sha256::new();
    for path in names {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let bytes = std::fs::read(&path)?;
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    Ok(Some(hex::encode(&hash.finalize()[..8])))
}

fn is_copy(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "br" || e == "gz")
}

/// `/v/<fingerprint>/pkg/…` answered from the `pkg` directory.
pub fn routes<S: Clone + Send + Sync + 'static>(root: &str, pkg: PathBuf) -> Router<S> {
    let files = ServeDir::new(pkg).precompressed_br().precompressed_gzip();
    Router::new()
        .nest_service(&format!("{root}/pkg"), files)
        .layer(axum::middleware::from_fn(keep_for_good))
}

/// A found file is kept for good; anything else (a file of another build,
/// which this server does not have) must not be.
async fn keep_for_good(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let policy = if response.status() == StatusCode::OK {
        IMMUTABLE
    } else {
        "no-store"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_follows_the_files_contents_and_names_only() {
        let a = tempfile::tempdir().unwrap();
        assert_eq!(fingerprint(&a.path().join("missing")).unwrap(), None);
        assert_eq!(fingerprint(a.path()).unwrap(), None);
        std::fs::write(a.path().join("rapport.wasm"), b"one").unwrap();
        std::fs::write(a.path().join("chunk_1.wasm"), b"two").unwrap();
        let first = fingerprint(a.path()).unwrap().unwrap();
        assert_eq!(first.len(), 16);
        // A compressed copy is the same file.
        std::fs::write(a.path().join("rapport.wasm.br"), b"x").unwrap();
        assert_eq!(fingerprint(a.path()).unwrap().unwrap(), first);
        // The same files elsewhere (another server) give the same address.
        let b = tempfile::tempdir().unwrap();
        std::fs::write(b.path().join("chunk_1.wasm"), b"two").unwrap();
        std::fs::write(b.path().join("rapport.wasm"), b"one").unwrap();
        assert_eq!(fingerprint(b.path()).unwrap().unwrap(), first);
        // One changed chunk changes it.
        std::fs::write(b.path().join("chunk_1.wasm"), b"tw0").unwrap();
        assert_ne!(fingerprint(b.path()).unwrap().unwrap(), first);
    }
}
