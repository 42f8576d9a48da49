//! Forms hear about every wrong field at once, in the form's order, and
//! nothing is saved (issue 19.4).

use crate::common::*;
use serde_json::json;

fn fields(answer: &Answer) -> Vec<String> {
    answer.problems().into_iter().map(|(f, _)| f).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_names_every_wrong_field() {
    let server = TestServer::start().await;
    let api = server.client();
    let answer = api
        .call(
            "sign_up",
            &[
                ("org_name", " "),
                ("name", ""),
                ("email", "not-an-address"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(
        fields(&answer),
        vec!["org_name", "name", "email", "password"],
        "{}",
        answer.body
    );
    // Nobody was signed in, and the address is still free.
    assert!(api.call("me", &[]).await.ok().is_null());
    api.sign_up("Acme", "Dana", "not-an-address@example.com")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_call_names_every_wrong_field_and_adds_nothing() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let (_, casey) = world
        .member(billing, "coach", "Casey", "casey@example.com")
        .await;
    let answer = casey
        .call(
            "calls/create",
            &[
                ("agent_id", "0"),
                ("occurred_at", "yesterday"),
                ("channel", "phone"),
                ("duration_seconds", "-5"),
                ("csat", "9"),
                ("likelihood_to_recommend", "11"),
                ("resolved", ""),
                ("resolution_minutes", ""),
                ("first_response_seconds", ""),
                ("abandoned", "no"),
                ("complaint", "no"),
                ("rectification", ""),
                ("follow_up_on", ""),
                ("reference", ""),
            ],
        )
        .await;
    assert_eq!(
        fields(&answer),
        vec![
            "agent_id",
            "occurred_at",
            "duration_seconds",
            "csat",
            "likelihood_to_recommend"
        ],
        "{}",
        answer.body
    );
    let page = casey
        .call_json("calls/list", json!({ "filter": {} }))
        .await
        .ok()
        .clone();
    assert!(page["rows"].as_array().unwrap().is_empty(), "{page}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practice_and_self_assessment_name_every_problem() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let (_, ana) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let empty = ana
        .call_json(
            "practice/log",
            json!({
                "practised_on": "", "kind": "role-play", "behaviours": [],
                "scenario": "", "rater": "peer", "peer_name": "", "rating": 0,
                "reflection": ""
            }),
        )
        .await;
    assert_eq!(
        fields(&empty),
        vec![
            "practised_on",
            "behaviours",
            "scenario",
            "peer_name",
            "rating"
        ],
        "{}",
        empty.body
    );

    let ids = framework_behaviours(&ana).await;
    // Only the first two rated: every other behaviour is named.
    let ratings: Vec<_> = ids[..2].iter().map(|b| json!([b, 3, ""])).collect();
    let partial = ana
        .call_json(
            "development/save_self_assessment",
            json!({ "ratings": ratings }),
        )
        .await;
    let expected: Vec<String> = ids[2..].iter().map(|b| format!("behaviour-{b}")).collect();
    assert_eq!(fields(&partial), expected);
    assert!(partial
        .problems()
        .iter()
        .all(|(_, m)| m.starts_with("Choose a level for")));
    let history = ana
        .call("development/self_assessments", &[])
        .await
        .ok()
        .clone();
    assert!(history["assessments"].as_array().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_person_and_a_new_target_name_every_wrong_field() {
    let server = TestServer::start().await;
    let world = server.world().await;
    let billing = world.team("Billing").await;
    let (ana_p, ana) = world
        .member(billing, "agent", "Ana", "ana@example.com")
        .await;
    let person = world
        .founder
        .call(
            "admin/create_user",
            &[
                ("name", ""),
                ("email", "nobody"),
                ("roles", ""),
                ("password", "x"),
            ],
        )
        .await;
    assert_eq!(
        fields(&person),
        vec!["name", "email", "roles", "password"],
        "{}",
        person.body
    );

    let ids = framework_behaviours(&ana).await;
    let agent = ana_p.id.to_string();
    let target = |behaviour: String| {
        let (ana, agent) = (&ana, agent.clone());
        async move {
            ana.call(
                "targets/create",
                &[
                    ("agent_id", &agent),
                    ("behaviour_id", &behaviour),
                    ("level", "9"),
                    ("due_on", "someday"),
                    ("plan", " "),
                ],
            )
            .await
        }
    };
    let wrong = target(ids[0].to_string()).await;
    assert_eq!(
        fields(&wrong),
        vec!["level", "due_on", "plan"],
        "{}",
        wrong.body
    );
    let unknown = target("0".into()).await;
    assert_eq!(
        fields(&unknown),
        vec!["behaviour_id", "level", "due_on", "plan"],
        "{}",
        unknown.body
    );
}
