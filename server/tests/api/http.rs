//! HTTP-level behaviour: health, pages, headers, CSRF.

use crate::common::*;
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_checks_the_database() {
    let server = TestServer::start().await;
    let response = server.client().get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["database"], "ok");
}

/// Issue 17.15: a load balancer takes a server whose database is gone out
/// of rotation, so the health check must say so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_answers_503_when_the_database_is_unreachable() {
    let server = TestServer::start().await;
    server.db.clone().close().await.expect("pool closes");
    let response = server.client().get("/healthz").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["status"], "error");
    assert_eq!(body["database"], "unreachable");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_on_the_server_with_security_headers() {
    let server = TestServer::start().await;
    let api = server.client();
    let page = api.get("/login").await;
    assert_eq!(page.status(), StatusCode::OK);
    let headers = page.headers().clone();
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self' 'nonce-"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(
        headers["referrer-policy"],
        "strict-origin-when-cross-origin"
    );
    let html = page.text().await.unwrap();
    // Rendered on the server: the form is there before any script runs.
    assert!(html.contains("<h1>Log in"), "{html}");
    assert!(
        html.contains(r#"name="email""#) && html.contains(r#"type="password""#),
        "{html}"
    );
    // Every inline script carries the nonce from the header.
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    for script in html.split("<script").skip(1) {
        let tag = script.split('>').next().unwrap();
        assert!(
            tag.contains(&format!("nonce=\"{nonce}\"")) || tag.contains("src="),
            "{tag}"
        );
    }

    let missing = api.get("/no/such/page").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing
        .text()
        .await
        .unwrap()
        .contains("This page does not exist"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_out_visitors_are_redirected_from_app_pages() {
    let server = TestServer::start().await;
    let response = server
        .client()
        .http
        .get(format!("{}/admin/people", server.base))
        .header("accept", "text/html,application/xhtml+xml")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()["location"], "/login?next=/admin/people");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_writes_are_refused() {
    let server = TestServer::start().await;
    let client = reqwest::Client::new();
    let forged = client
        .post(format!("{}/api/sign_up", server.base))
        .header("origin", "https://evil.example")
        .form(&[
            ("org_name", "Evil"),
            ("name", "E"),
            ("email", "e@evil.example"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let fetch_site = client
        .post(format!("{}/api/sign_up", server.base))
        .header("sec-fetch-site", "cross-site")
        .form(&[
            ("org_name", "Evil"),
            ("name", "E"),
            ("email", "e@evil.example"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(fetch_site.status(), StatusCode::FORBIDDEN);
    // Nothing was created; the same sign-up from our own origin works.
    let host = server.base.trim_start_matches("http://").to_string();
    let ours = client
        .post(format!("{}/api/sign_up", server.base))
        .header("origin", format!("http://{host}"))
        .form(&[
            ("org_name", "Fine"),
            ("name", "E"),
            ("email", "e@evil.example"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(ours.status(), StatusCode::OK);
}

/// Issue 17.7: nothing about a signed-in person is kept by a cache, and
/// HSTS is there when asked for.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_and_answers_are_not_cached_and_hsts_is_a_setting() {
    let server = TestServer::start().await;
    let api = server.world().await.founder;
    let page = api.get("/home").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()["cache-control"], "no-store");
    assert!(page.headers().get("strict-transport-security").is_none());
    let answer = api
        .http
        .post(format!("{}/api/me", api.base))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.headers()["cache-control"], "no-store");

    let strict = TestServer::start_with(&[("RAPPORT_HSTS", "true")]).await;
    let page = strict.client().get("/login").await;
    assert_eq!(
        page.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}

/// Issue 17.7: static files (not fingerprinted) are kept briefly and then
/// revalidated,
/// and the page policy allows no inline styles.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn static_files_revalidate_and_pages_allow_no_inline_styles() {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("pkg")).unwrap();
    std::fs::write(site.path().join("pkg/rapport.css"), "body{}").unwrap();
    let root = site.path().to_string_lossy().into_owned();
    let server = TestServer::start_with(&[("LEPTOS_SITE_ROOT", &root)]).await;
    let css = server.client().get("/pkg/rapport.css").await;
    assert_eq!(css.status(), StatusCode::OK);
    assert_eq!(
        css.headers()["cache-control"],
        "public, max-age=300, must-revalidate"
    );
    // Revalidating an unchanged file costs no body.
    let stamp = css.headers()["last-modified"].clone();
    let revalidate = |since: reqwest::header::HeaderValue| {
        server
            .client()
            .http
            .get(format!("{}/pkg/rapport.css", server.base))
            .header("if-modified-since", since)
            .send()
    };
    let again = revalidate(stamp.clone()).await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["last-modified"], stamp);
    assert!(again.bytes().await.unwrap().is_empty());
    let older = revalidate(reqwest::header::HeaderValue::from_static(
        "Mon, 01 Jan 2001 00:00:00 GMT",
    ))
    .await
    .unwrap();
    assert_eq!(older.status(), StatusCode::OK);
    let page = server.client().get("/login").await;
    let policy = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("style-src 'self';"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
}

/// Building a server's router renders the app once to list its routes, and
/// Leptos holds every resource in the process back while it does. Servers
/// started while another renders a page (as the tests do, in one process)
/// once left that page waiting forever for its data.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_while_other_servers_start() {
    let server = TestServer::start().await;
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(20))
        .build()
        .unwrap();
    let starting = tokio::spawn(async {
        for _ in 0..12 {
            drop(TestServer::start().await);
        }
    });
    let mut renders = 0;
    while !starting.is_finished() || renders < 20 {
        let page = client
            .get(format!("{}/login", server.base))
            .send()
            .await
            .expect("the page answers within 20 s");
        assert_eq!(page.status(), StatusCode::OK);
        assert!(page.text().await.unwrap().contains("<h1>Log in"));
        renders += 1;
    }
    starting.await.unwrap();
}

/// Issue 18: pages, answers, downloads and the bundle go out compressed
/// when the browser accepts it; recordings and byte ranges never are.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_are_compressed_for_browsers_that_accept_it() {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("pkg")).unwrap();
    let js = "export function hydrate() { return 1; }\n".repeat(200);
    std::fs::write(site.path().join("pkg/rapport.js"), &js).unwrap();
    // Stands for the build's Brotli copy: only its bytes are compared.
    let prebuilt = b"brotli made at build time".to_vec();
    std::fs::write(site.path().join("pkg/rapport.js.br"), &prebuilt).unwrap();
    let root = site.path().to_string_lossy().into_owned();
    let server = TestServer::start_with(&[("LEPTOS_SITE_ROOT", &root)]).await;
    let api = server.world().await.founder;
    let fetch = |path: &str, encodings: &str| {
        api.http
            .get(format!("{}{path}", api.base))
            .header("accept", "text/html")
            .header("accept-encoding", encodings)
            .send()
    };
    for (path, encodings, expected) in [
        // What Chromium sends.
        ("/home", "gzip, deflate, br, zstd", "zstd"),
        ("/home", "gzip, deflate, br", "br"),
        ("/home", "gzip", "gzip"),
        ("/pkg/rapport.js", "br", "br"),
        ("/export/calls.csv", "gzip", "gzip"),
    ] {
        let r = fetch(path, encodings).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(r.headers()["content-encoding"], expected, "{path}");
        assert!(!r.bytes().await.unwrap().is_empty());
    }
    let plain = fetch("/home", "identity").await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.text().await.unwrap();
    assert!(plain.contains("<html"));
    // A Zstandard page is the page (less the nonce that each answer has
    // anew).
    let zstd = fetch("/home", "zstd").await.unwrap();
    let page = zstd::decode_all(&zstd.bytes().await.unwrap()[..]).unwrap();
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("<html"), "{page}");
    assert_eq!(page.len(), plain.len());
    // The compressed script is the script.
    let gz = fetch("/pkg/rapport.js", "gzip").await.unwrap();
    let bytes = gz.bytes().await.unwrap();
    assert!(bytes.len() < js.len() / 10, "{} bytes", bytes.len());
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)
        .unwrap();
    assert_eq!(text, js);
    // Server-function answers too.
    let answer = api
        .http
        .post(format!("{}/api/me", api.base))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.headers()["content-encoding"], "br");
    // The bundle keeps its build-time Brotli for a browser that would
    // take Zstandard too, rather than being compressed again.
    let chromium = fetch("/pkg/rapport.js", "gzip, deflate, br, zstd")
        .await
        .unwrap();
    assert_eq!(chromium.headers()["content-encoding"], "br");
    assert_eq!(chromium.bytes().await.unwrap().to_vec(), prebuilt);
}

/// Issue 18.1: pages load the bundle from an address named for its
/// contents, kept for a year; files go out as precompressed at build time;
/// a file of another build is not found and not kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bundle_is_served_fingerprinted_precompressed_and_kept_for_good() {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let js = "export function hydrate() { return 1; }\n".repeat(200);
    std::fs::write(pkg.join("rapport.js"), &js).unwrap();
    std::fs::write(pkg.join("rapport.css"), "body{}").unwrap();
    // What scripts/finish-site.mjs writes beside it (any bytes will do: the
    // server sends the copy as it is).
    std::fs::write(pkg.join("rapport.js.br"), b"precompressed brotli").unwrap();
    let root = site.path().to_string_lossy().into_owned();
    let server = TestServer::start_with(&[("LEPTOS_SITE_ROOT", &root)]).await;
    let page = server.client().get("/login").await.text().await.unwrap();
    let at = page
        .find("/v/")
        .expect("the page names the bundle's fingerprinted address");
    let first: String = page[at..].chars().take_while(|c| *c != '"').collect();
    let base = first[..first.find("/pkg/").expect("under /pkg/") + 5].to_string();
    for file in ["rapport.css", "rapport.js"] {
        assert!(
            page.contains(&format!("\"{base}{file}\"")),
            "{file}: {page}"
        );
    }
    let get = |path: String, encoding: &'static str| {
        server
            .client()
            .http
            .get(format!("{}{path}", server.base))
            .header("accept-encoding", encoding)
            .send()
    };
    let br = get(format!("{base}rapport.js"), "br").await.unwrap();
    assert_eq!(br.status(), StatusCode::OK);
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(
        br.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(&br.bytes().await.unwrap()[..], b"precompressed brotli");
    // Without a precompressed copy for the encoding, it is compressed as sent.
    let gz = get(format!("{base}rapport.js"), "gzip").await.unwrap();
    assert_eq!(gz.headers()["content-encoding"], "gzip");
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(&gz.bytes().await.unwrap()[..]),
        &mut text,
    )
    .unwrap();
    assert_eq!(text, js);
    // Another build's file, or a missing one, is not kept.
    for path in [
        "/v/0123456789abcdef/pkg/rapport.js".to_string(),
        format!("{base}chunk_1.wasm"),
    ] {
        let missing = get(path.clone(), "br").await.unwrap();
        assert_eq!(missing.status(), StatusCode::NOT_FOUND, "{path}");
        assert_ne!(
            missing.headers()["cache-control"],
            "public, max-age=31536000, immutable",
            "{path}"
        );
    }
}
