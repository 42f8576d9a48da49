//! HTTP-level behaviour: health, pages, headers, CSRF.

use crate::common::*;
use reqwest::StatusCode;

#[tokio::test]
async fn healthz_checks_the_database() {
    let server = TestServer::start().await;
    let response = server.client().get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["database"], "ok");
}

#[tokio::test]
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

/// Every inline script must carry the nonce of the response's own policy.
fn assert_page_policy_matches_scripts(path: &str, csp: Option<&str>, html: &str) {
    let csp = csp.unwrap_or_else(|| panic!("{path}: no Content-Security-Policy"));
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_else(|| panic!("{path}: policy without a nonce: {csp}"));
    assert!(csp.contains("'wasm-unsafe-eval'"), "{path}: {csp}");
    let mut inline = 0;
    for script in html.split("<script").skip(1) {
        let tag = script.split('>').next().unwrap();
        if !tag.contains("src=") {
            inline += 1;
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: {tag} vs {csp}"
            );
        }
    }
    assert!(inline > 0, "{path}: no inline hydration script");
}

#[tokio::test]
async fn signed_in_pages_always_carry_the_policy_their_scripts_need() {
    // Regression: pages rendered whole on the server sometimes went out with
    // the fallback policy (default-src 'none'), and the browser then blocked
    // hydration.
    let server = TestServer::start().await;
    let api = server.client();
    api.sign_up("Acme", "Dana", "dana@example.com").await;
    for round in 0..15 {
        for path in [
            "/home",
            "/admin/people",
            "/admin/teams",
            "/account",
            "/login",
            "/",
        ] {
            let page = api
                .http
                .get(format!("{}{path}", server.base))
                .header("accept", "text/html")
                .send()
                .await
                .unwrap();
            if page.status().is_redirection() {
                continue;
            }
            assert_eq!(page.status(), StatusCode::OK, "{path} round {round}");
            let csp = page
                .headers()
                .get("content-security-policy")
                .map(|v| v.to_str().unwrap().to_string());
            let html = page.text().await.unwrap();
            assert_page_policy_matches_scripts(path, csp.as_deref(), &html);
        }
    }
}

#[tokio::test]
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

#[tokio::test]
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
