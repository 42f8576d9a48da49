//! Several app servers behind a load balancer: one database (PostgreSQL in
//! `make test`'s second pass) and one S3-compatible bucket, nothing else
//! shared. What a person did through one server holds on the other.

use crate::common::{S3Server, TestServer, S3_BUCKET};
use reqwest::StatusCode;

fn walk(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, found);
        } else {
            found.push(path);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_share_sessions_and_recordings_through_one_database_and_bucket() {
    let s3 = S3Server::start().await;
    let owned = s3.env();
    let env: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let one = TestServer::start_with(&env).await;
    let two = TestServer::start_beside(&one, &env).await;

    let world = one.world().await;
    let team = world.team("Billing").await;
    let (_, casey_on_one) = world
        .member(team, "coach", "Casey", "casey@example.com")
        .await;
    let (ana, _) = world.member(team, "agent", "Ana", "ana@example.com").await;
    let call = casey_on_one
        .new_call(ana.id, "2026-11-03 10:30", "phone")
        .await;

    // The session made on server one is good on server two.
    let casey_on_two = casey_on_one.at(&two);
    let detail = casey_on_two.call("calls/get", &[("id", &call)]).await;
    assert_eq!(detail.ok()["id"].to_string(), call);

    // A recording uploaded through one lands in the bucket...
    let wav = app::domain::media::tone_wav(3.0, 8000, &[440.0, 660.0]);
    let path = format!("/media/calls/{call}/recording");
    let up = casey_on_one.upload(&path, "call.wav", wav.clone()).await;
    assert_eq!(up.status(), StatusCode::OK);
    let mut objects = Vec::new();
    walk(&s3.root.path().join(S3_BUCKET), &mut objects);
    let stored: Vec<_> = objects
        .iter()
        .filter(|p| std::fs::read(p).is_ok_and(|b| b == wav))
        .collect();
    assert_eq!(stored.len(), 1, "the bucket holds {objects:?}");
    assert!(stored[0]
        .to_string_lossy()
        .contains(&format!("call-{call}-")));

    // ...and plays through two, whole and by range, as a player seeks.
    let whole = casey_on_two.get(&path).await;
    assert_eq!(whole.status(), StatusCode::OK);
    assert_eq!(whole.headers()["content-type"], "audio/wav");
    assert_eq!(whole.headers()["accept-ranges"], "bytes");
    assert_eq!(whole.bytes().await.unwrap().as_ref(), &wav[..]);
    let part = casey_on_two
        .http
        .get(format!("{}{path}", two.base))
        .header("range", "bytes=1000-1999")
        .send()
        .await
        .unwrap();
    assert_eq!(part.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        part.headers()["content-range"],
        format!("bytes 1000-1999/{}", wav.len()).as_str()
    );
    assert_eq!(part.bytes().await.unwrap().as_ref(), &wav[1000..2000]);
    let beyond = casey_on_two
        .http
        .get(format!("{}{path}", two.base))
        .header("range", format!("bytes={}-", wav.len()))
        .send()
        .await
        .unwrap();
    assert_eq!(beyond.status(), StatusCode::RANGE_NOT_SATISFIABLE);

    // And a session begun on two is good on one.
    let ana_on_two = two.signed_in("ana@example.com").await;
    let own = ana_on_two.at(&one).get(&path).await;
    assert_eq!(own.status(), StatusCode::OK);
}
