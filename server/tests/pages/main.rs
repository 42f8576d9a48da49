//! Many page loads in a row. Kept in a test binary of its own: several test
//! servers rendering pages at once inside one process can stall each other
//! (seen only in the test harness; one server under 8 × 240 concurrent page
//! loads does not), and a stall here would hide real failures elsewhere.

#[path = "../api/common.rs"]
mod common;

use common::*;
use reqwest::StatusCode;

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_in_pages_always_carry_the_policy_their_scripts_need() {
    // Regression: pages rendered whole on the server sometimes went out with
    // the fallback policy (default-src 'none'), and the browser then blocked
    // hydration.
    let server = TestServer::start().await;
    let api = server.client();
    api.sign_up("Acme", "Dana", "dana@example.com").await;
    for round in 0..15 {
        for path in ["/home", "/admin/people", "/admin/teams", "/account"] {
            let page = api.page(path).await;
            // A signed-in page answers itself, never a redirect or an error.
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

/// Issue 17.9: `/` for a signed-in person sometimes answered an empty 200
/// instead of sending them home.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_landing_page_always_sends_a_signed_in_person_home() {
    let server = TestServer::start().await;
    let api = server.client();
    api.sign_up("Acme", "Dana", "dana@example.com").await;
    for round in 0..30 {
        let page = api.page("/").await;
        assert!(
            page.status().is_redirection(),
            "round {round}: {}",
            page.status()
        );
        assert_eq!(
            page.headers().get("location").map(|v| v.to_str().unwrap()),
            Some("/home"),
            "round {round}"
        );
    }
    // Signed out, it is the welcome page.
    let page = server.client().page("/").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Coach the behaviours"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_a_phone_call_offers_a_recording_and_the_call_reads_as_words() {
    // Regression: an email's page offered an audio player and an upload.
    let server = TestServer::start().await;
    let world = server.world().await;
    let team = world.team("Billing").await;
    let (_, casey) = world
        .member(team, "coach", "Casey", "casey@example.com")
        .await;
    let (ana, _) = world.member(team, "agent", "Ana", "ana@example.com").await;
    for (channel, label, offered) in [
        ("phone", "Phone", true),
        ("email", "Email", false),
        ("chat", "Chat", false),
    ] {
        let call = casey.new_call(ana.id, "2026-11-03 10:30", channel).await;
        let page = casey.page(&format!("/calls/{call}")).await;
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.unwrap();
        assert!(html.contains("Transcript"), "{channel}: not the call page");
        // The channel by its name, times in the unit a person reads.
        assert!(html.contains(&format!("Billing · {label} · ")), "{html}");
        assert!(html.contains("12 min") && html.contains("40 s"), "{html}");
        assert_eq!(
            html.contains("<h2>Recording</h2>"),
            offered,
            "{channel}: recording card"
        );
    }
}

/// An organisation whose founder leads one team of 55 agents.
async fn a_team_of_55(server: &TestServer) -> World<'_> {
    let world = server.world().await;
    let team = world.team("Billing").await;
    for i in 0..55 {
        let who = world
            .person(
                &format!("Agent {i:02}"),
                &format!("a{i}@example.com"),
                "agent",
            )
            .await;
        world.join(team, &who, "agent").await;
    }
    world
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_team_view_shows_its_first_rows_and_offers_the_rest() {
    // A leader's organisation can be hundreds of agents: rendering every
    // row made the page the slowest of all at scale.
    let server = TestServer::start().await;
    let world = a_team_of_55(&server).await;
    let page = world.founder.page("/team").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert_eq!(html.matches("href=\"/development?agent=").count(), 50);
    assert!(html.contains("The first 50 of 55 agents"), "{html}");
    assert!(html.contains("Show 5 more") && html.contains("Show all 55"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_view_renders_whole_load_after_load() {
    // Regression (issue 18): the table's `Transition` set a pending flag,
    // and the server then found the flag disposed while rendering the rows
    // after it: the server's thread panicked and the browser got no page at
    // all, in about one load in twenty (debug build) to two hundred
    // (release), one load at a time on a quiet server.
    let server = TestServer::start().await;
    a_team_of_55(&server).await;
    let base = server.base.clone();
    // The loads come from a thread and runtime of their own, so that both
    // of the server's threads are free to render, as on a quiet server.
    let loads = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let client = reqwest::Client::builder()
                .cookie_store(true)
                .build()
                .unwrap();
            let signed_in = client
                .post(format!("{base}/api/log_in"))
                .form(&[("email", "dana@example.com"), ("password", PASSWORD)])
                .send()
                .await
                .unwrap();
            assert!(signed_in.status().is_success());
            let mut loads = vec![];
            for _ in 0..300 {
                let load = match client
                    .get(format!("{base}/team"))
                    .header("accept", "text/html")
                    .send()
                    .await
                {
                    Ok(page) => Ok((page.status(), page.text().await)),
                    Err(e) => Err(e),
                };
                loads.push(load);
            }
            loads
        })
    });
    let loads = tokio::task::spawn_blocking(move || loads.join().unwrap())
        .await
        .unwrap();
    for (round, load) in loads.into_iter().enumerate() {
        let (status, html) = load.unwrap_or_else(|e| panic!("load {round} got no page: {e}"));
        assert_eq!(status, StatusCode::OK, "load {round}");
        let html = html.unwrap_or_else(|e| panic!("load {round} was cut short: {e}"));
        // The footer comes after the table: a page cut short has none.
        assert!(
            html.contains("Show all 55")
                && html.contains("Behavioural coaching for customer service"),
            "load {round} was cut short: …{}",
            &html[html.len().saturating_sub(300)..]
        );
    }
}

/// Chart coordinates go out to a tenth of a unit, not in full
/// (`684.5714285714286`): the extra digits are noise that hardly
/// compresses.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn charts_write_their_coordinates_to_a_tenth() {
    let server = TestServer::start_with(&[("RAPPORT_DEMO", "true")]).await;
    let mut coordinates = 0;
    for (who, paths) in [
        (
            "leader",
            &["/home", "/kpis", "/kpis/quality", "/team", "/continuum"][..],
        ),
        ("coach1", &["/home", "/calibration/agreement"][..]),
        ("agent1", &["/home", "/development"][..]),
    ] {
        let api = server.client();
        api.log_in(&format!("{who}@rapport.demo"), "rapport-demo")
            .await
            .ok();
        for path in paths {
            let page = api.page(path).await;
            assert_eq!(page.status(), StatusCode::OK, "{who} {path}");
            let html = page.text().await.unwrap();
            for attribute in [
                " cx=\"",
                " cy=\"",
                " x1=\"",
                " x2=\"",
                " y1=\"",
                " y2=\"",
                " x=\"",
                " y=\"",
                " width=\"",
                " height=\"",
            ] {
                for rest in html.split(attribute).skip(1) {
                    let value = rest.split('"').next().unwrap();
                    let Ok(number) = value.parse::<f64>() else {
                        continue;
                    };
                    coordinates += 1;
                    let decimals = value.split('.').nth(1).map_or(0, str::len);
                    assert!(
                        decimals <= 1,
                        "{who} {path}: {attribute}{value}\" ({number})"
                    );
                }
            }
        }
    }
    // The demo's pages do draw charts.
    assert!(coordinates > 200, "{coordinates} coordinates");
}
