//! Every server function, called by every kind of caller with real ids of
//! one organisation: signed out, the agent whose data it is, another agent
//! of the same team, the team's coach, a coach of another team, a leader, an
//! admin, and someone of another organisation holding every role.
//!
//! The table below says who may; everyone else must be refused with the
//! right status: 401 signed out, 403 for a role that may never do it, 403
//! or 404 for data of someone else in the organisation, and exactly 404 for
//! another organisation's ids, never a leak of its names. A server function
//! that is registered but missing from the table fails the sweep, so a new
//! one cannot be added without saying who may call it.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    SignedOut,
    /// Ginevra, the agent whose calls, reviews and target the ids name.
    Own,
    /// Gilberto, another agent of the same team.
    Peer,
    /// Corisande, coach of that team and author of its reviews.
    Coach,
    /// Umberta, coach of another team.
    OtherCoach,
    Leader,
    Admin,
    /// Olga's colleague in another organisation, with all four roles.
    Foreign,
}

use Who::*;

const SIGNED_IN: &[Who] = &[Own, Peer, Coach, OtherCoach, Leader, Admin];
const AGENTS: &[Who] = &[Own, Peer];
const NOT_ADMIN: &[Who] = &[Own, Peer, Coach, OtherCoach, Leader];
const NOT_LEADER_OR_ADMIN: &[Who] = &[Own, Peer, Coach, OtherCoach];
const NOT_AGENT: &[Who] = &[Coach, OtherCoach, Leader, Admin];
const CALIBRATORS: &[Who] = &[Coach, OtherCoach, Leader];
const NOT_CALIBRATORS: &[Who] = &[Own, Peer, Admin];
/// Answering an assessment needs an invitation, and only its owner closes
/// it: the leader started the swept one; the admin was not invited.
const INVITED: &[Who] = &[Leader];

/// Names only the swept organisation has; none may reach another.
const MARKERS: &[&str] = &[
    "Zircon",
    "Quokka",
    "Ginevra",
    "Gilberto",
    "Corisande",
    "Umberta",
    "Leopold",
    "Adalbert",
];

#[derive(Clone)]
struct Case {
    endpoint: &'static str,
    json: bool,
    args: Value,
    /// Who may call it (for their own reach): the answer is neither 401,
    /// 403, 404 nor a server error. Validation (422) and conflicts (409)
    /// count as allowed: the call got past every check of who may.
    ok: &'static [Who],
    /// Whose roles never allow it: exactly 403.
    forbidden: &'static [Who],
    /// Whether the arguments name the organisation's records, so that
    /// another organisation must get exactly 404.
    ids: bool,
    /// Open to anyone, signed in or not.
    public: bool,
    /// A form field whose id is picked from a list: someone outside its
    /// reach may instead be told, on that field, to pick one of theirs.
    picker: Option<&'static str>,
}

fn case(endpoint: &'static str, args: Value, ok: &'static [Who]) -> Case {
    Case {
        endpoint,
        json: false,
        args,
        ok,
        forbidden: &[],
        ids: true,
        public: false,
        picker: None,
    }
}

impl Case {
    fn json(mut self) -> Self {
        self.json = true;
        self
    }
    fn forbidden(mut self, who: &'static [Who]) -> Self {
        self.forbidden = who;
        self
    }
    fn no_ids(mut self) -> Self {
        self.ids = false;
        self
    }
    fn picker(mut self, field: &'static str) -> Self {
        self.picker = Some(field);
        self
    }
    fn public(mut self) -> Self {
        self.public = true;
        self.ids = false;
        self
    }

    fn expected(&self, who: Who) -> Expect {
        match who {
            _ if self.public => Expect::Allowed,
            SignedOut => Expect::Status(StatusCode::UNAUTHORIZED),
            Foreign if self.ids => match self.picker {
                Some(field) => Expect::MissingOrInvalid(field),
                None => Expect::Status(StatusCode::NOT_FOUND),
            },
            Foreign => Expect::AllowedWithoutLeak,
            _ if self.ok.contains(&who) => Expect::Allowed,
            _ if self.forbidden.contains(&who) => Expect::Status(StatusCode::FORBIDDEN),
            _ => match self.picker {
                Some(field) => Expect::RefusedOrInvalid(field),
                None => Expect::Refused,
            },
        }
    }
}

#[derive(Debug, PartialEq)]
enum Expect {
    Allowed,
    AllowedWithoutLeak,
    Status(StatusCode),
    Refused,
    /// 403, 404, or 422 naming this field.
    RefusedOrInvalid(&'static str),
    /// 404, or 422 naming this field.
    MissingOrInvalid(&'static str),
}

impl Expect {
    fn is_refusal(&self) -> bool {
        !matches!(self, Expect::Allowed | Expect::AllowedWithoutLeak)
    }

    /// `sent` is the request: a name the caller sent itself and that comes
    /// back in a message about its own input is not a leak.
    fn check(&self, answer: &Answer, sent: &Value) -> Result<(), String> {
        let sent = sent.to_string();
        let leaked = |text: &str| {
            MARKERS
                .iter()
                .find(|m| text.contains(*m) && !sent.contains(*m))
                .copied()
        };
        let status = answer.status;
        let past_the_checks = !matches!(status.as_u16(), 401 | 403 | 404) && status.as_u16() < 500;
        let fine = match self {
            Expect::Allowed => past_the_checks,
            Expect::AllowedWithoutLeak => {
                let text = answer.body.to_string();
                if let Some(m) = leaked(&text) {
                    return Err(format!("leaked \"{m}\": {text}"));
                }
                past_the_checks
            }
            Expect::Status(expected) => status == *expected,
            Expect::Refused => status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
            Expect::RefusedOrInvalid(field) => {
                status == StatusCode::FORBIDDEN
                    || status == StatusCode::NOT_FOUND
                    || invalid_field(answer, field)
            }
            Expect::MissingOrInvalid(field) => {
                status == StatusCode::NOT_FOUND || invalid_field(answer, field)
            }
        };
        if self.is_refusal() {
            let text = answer.body.to_string();
            if let Some(m) = leaked(&text) {
                return Err(format!("refusal names \"{m}\": {text}"));
            }
        }
        if fine {
            Ok(())
        } else {
            Err(format!("expected {self:?}, got {status}: {}", answer.body))
        }
    }
}

fn invalid_field(answer: &Answer, field: &str) -> bool {
    answer.status == StatusCode::UNPROCESSABLE_ENTITY
        && answer.problems().iter().any(|(f, _)| f.starts_with(field))
}

/// A form body as Leptos reads it: arrays as `name[i]`, nulls left out.
fn form_of(args: &Value) -> Vec<(String, String)> {
    let mut out = vec![];
    for (k, v) in args.as_object().expect("arguments are an object") {
        match v {
            Value::Null => {}
            Value::String(s) => out.push((k.clone(), s.clone())),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let s = item
                        .as_str()
                        .map(str::to_string)
                        .unwrap_or(item.to_string());
                    out.push((format!("{k}[{i}]"), s));
                }
            }
            other => out.push((k.clone(), other.to_string())),
        }
    }
    out
}

async fn send(api: &Api, case: &Case) -> Answer {
    let url = format!("{}/api/{}", api.base, case.endpoint);
    let request = api.http.post(url);
    let request = if case.json {
        request.json(&case.args)
    } else {
        request.form(&form_of(&case.args))
    };
    answer(request.send().await.expect("request")).await
}

/// The swept organisation's records, by id.
struct Ids {
    gina: i64,
    cori: i64,
    uma: i64,
    session: i64,
    sample: i64,
    sam: i64,
    lee: i64,
    billing: i64,
    tech: i64,
    spare: i64,
    call_scored: i64,
    call_fresh: i64,
    review_disputed: i64,
    review_draft: i64,
    evidence: i64,
    notification: i64,
    target: i64,
    behaviours: Vec<i64>,
    framework: i64,
    draft_framework: i64,
    draft_cluster: i64,
    draft_behaviour: i64,
    assessment: i64,
    statement: i64,
    action: i64,
    model: i64,
    draft_model: i64,
    model_cell: i64,
    invitation: i64,
    token: String,
    complaint: i64,
    idea: i64,
}

struct Callers {
    signed_out: Api,
    own: Api,
    peer: Api,
    coach: Api,
    other_coach: Api,
    leader: Api,
    admin: Api,
    foreign: Api,
}

impl Callers {
    fn of(&self, who: Who) -> &Api {
        match who {
            SignedOut => &self.signed_out,
            Own => &self.own,
            Peer => &self.peer,
            Coach => &self.coach,
            OtherCoach => &self.other_coach,
            Leader => &self.leader,
            Admin => &self.admin,
            Foreign => &self.foreign,
        }
    }
}

const ALL: [Who; 8] = [
    SignedOut, Own, Peer, Coach, OtherCoach, Leader, Admin, Foreign,
];

fn num(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("not an id: {v}"))
}

async fn fixture(server: &TestServer) -> (Callers, Ids) {
    let world = server
        .world_named("Zircon Works", "Dagny", "dagny@zircon.example")
        .await;
    let billing = world.team("Quokka Billing").await;
    let tech = world.team("Quokka Tech").await;
    let spare = world.team("Spare").await;
    let (cori, coach) = world
        .member(billing, "coach", "Corisande", "cori@zircon.example")
        .await;
    let (uma, other_coach) = world
        .member(tech, "coach", "Umberta", "uma@zircon.example")
        .await;
    let (gina, own) = world
        .member(billing, "agent", "Ginevra", "gina@zircon.example")
        .await;
    let (_, peer) = world
        .member(billing, "agent", "Gilberto", "gil@zircon.example")
        .await;
    let lee = world
        .person("Leopold", "lee@zircon.example", "leader")
        .await;
    world
        .person("Adalbert", "ada@zircon.example", "admin")
        .await;
    let sam = world.person("Sam", "sam@zircon.example", "agent").await;
    let leader = server.signed_in("lee@zircon.example").await;
    let admin = server.signed_in("ada@zircon.example").await;

    let other = server
        .world_named("Other Co", "Olga", "olga@other.example")
        .await;
    other
        .person("Oskar", "oskar@other.example", "admin,leader,coach,agent")
        .await;
    let foreign = server.signed_in("oskar@other.example").await;

    // Three calls of Ginevra's: one scored and disputed, one with a draft
    // review holding a piece of evidence, one not yet looked at.
    let csv = format!(
        "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference\n{}",
        (1..=3)
            .map(|n| format!(
                "gina@zircon.example,Quokka Billing,2026-11-0{n} 10:00,phone,300,4,9,yes,5,20,no,no,,,S-{n}\n"
            ))
            .collect::<String>()
    );
    coach
        .call_json("calls/import", json!({ "csv": csv, "commit": true }))
        .await
        .ok();
    let rows = own
        .call_json("calls/list", json!({ "filter": {} }))
        .await
        .ok()["rows"]
        .as_array()
        .unwrap()
        .clone();
    let mut calls: Vec<i64> = rows.iter().map(|r| num(&r["id"])).collect();
    calls.sort();
    let (call_scored, call_draft, call_fresh) = (calls[0], calls[1], calls[2]);

    let frameworks = admin.call("frameworks/list", &[]).await.ok().clone();
    let framework = num(&frameworks[0]["id"]);
    let published = admin
        .call("frameworks/get", &[("id", &framework.to_string())])
        .await
        .ok()
        .clone();
    let behaviours: Vec<i64> = published["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["behaviours"].as_array().unwrap().clone())
        .map(|b| num(&b["id"]))
        .collect();
    let ratings: Vec<(i64, i64)> = behaviours.iter().map(|b| (*b, 3)).collect();

    let start = |call: i64| {
        let coach = &coach;
        async move {
            num(coach
                .call("reviews/start", &[("call_id", &call.to_string())])
                .await
                .ok())
        }
    };
    let review_disputed = start(call_scored).await;
    coach
        .call_json(
            "reviews/save",
            json!({ "id": review_disputed, "ratings": ratings, "strengths": "Calm.", "development": "Summarise." }),
        )
        .await
        .ok();
    coach
        .call("reviews/submit", &[("id", &review_disputed.to_string())])
        .await
        .ok();
    own.call(
        "reviews/dispute",
        &[
            ("id", &review_disputed.to_string()),
            ("reason", "The customer asked me to wait."),
        ],
    )
    .await
    .ok();
    let review_draft = start(call_draft).await;
    let evidence = num(coach
        .call_json(
            "reviews/add_evidence",
            json!({ "id": review_draft, "behaviour_id": behaviours[0], "kind": "note", "at_ms": 1000, "cue_index": null, "note": "Warm opening." }),
        )
        .await
        .ok());
    let notification = num(&own.call("notifications/list", &[]).await.ok()[0]["id"]);
    let target = num(own
        .call(
            "targets/create",
            &[
                ("agent_id", &gina.id.to_string()),
                ("behaviour_id", &behaviours[1].to_string()),
                ("level", "4"),
                ("due_on", "2027-01-31"),
                ("plan", "Summarise before closing."),
            ],
        )
        .await
        .ok());

    let draft_framework = num(admin
        .call(
            "frameworks/new_version",
            &[("from_id", &framework.to_string())],
        )
        .await
        .ok());
    let draft = admin
        .call("frameworks/get", &[("id", &draft_framework.to_string())])
        .await
        .ok()
        .clone();
    let draft_cluster = num(&draft["clusters"][0]["id"]);
    let draft_behaviour = num(&draft["clusters"][0]["behaviours"][0]["id"]);

    let assessment = num(leader
        .call("continuum/start", &[("title", "Spring review")])
        .await
        .ok());
    let view = leader
        .call("continuum/get", &[("id", &assessment.to_string())])
        .await
        .ok()
        .clone();
    let statement = num(&view["cells"][0]["statements"][0]["id"]);
    let action = num(leader
        .call(
            "continuum/add_action",
            &[
                ("id", &assessment.to_string()),
                ("title", "Weekly KPI pack"),
                ("owner_id", &lee.id.to_string()),
                ("due_on", "2027-03-01"),
            ],
        )
        .await
        .ok());
    let model = num(&admin.call("continuum/model", &[]).await.ok()["id"]);
    let draft_model = num(admin.call("continuum/model_new_version", &[]).await.ok());
    let draft_view = admin
        .call("continuum/model", &[("id", &draft_model.to_string())])
        .await
        .ok()
        .clone();
    let model_cell = num(&draft_view["cells"][0]["id"]);

    // A calibration session the leader organises for both coaches.
    let session = num(leader
        .call_json(
            "calibration/create",
            json!({ "title": "Quokka calibration", "due_on": "2099-01-31", "calls": [call_scored], "participants": [cori.id, uma.id] }),
        )
        .await
        .ok());

    // A sample the leader drew of Ginevra's unscored call, given to Corisande.
    let sample_request = json!({ "team_id": billing, "from": "2026-11-03", "to": "2026-11-03", "per_agent": 1, "include_complaints": true, "min_seconds": null, "channels": [], "due_on": "2099-01-31", "seed": 7 });
    let drawn = leader
        .call_json("sampling/preview", json!({ "request": sample_request }))
        .await
        .ok()
        .clone();
    assert_eq!(num(&drawn["calls"][0]["call_id"]), call_fresh);
    let sample = num(leader
        .call_json(
            "sampling/accept",
            json!({ "request": sample_request, "assignments": [[call_fresh, cori.id]] }),
        )
        .await
        .ok());

    let link = admin
        .call(
            "admin/invite",
            &[
                ("name", "Ivo"),
                ("email", "ivo@zircon.example"),
                ("roles", "agent"),
                ("team_id", &billing.to_string()),
            ],
        )
        .await
        .ok()
        .clone();
    let token = link["path"]
        .as_str()
        .unwrap()
        .trim_start_matches("/invite/")
        .to_string();
    let invitation = num(&admin.call("admin/invitations", &[]).await.ok()[0]["id"]);

    // A complaint on Ginevra's scored call, opened by her coach; an idea
    // the leader logged from it.
    let complaint = num(coach
        .call_json(
            "complaints/log",
            json!({ "complaint": { "call_id": call_scored, "team_id": null, "agent_id": null, "source": null, "public": false, "customer": "Mr Q", "category": null, "said": "", "owner_id": null, "due_on": "", "material_link": "" } }),
        )
        .await
        .ok());
    let idea = num(leader
        .call_json(
            "ideas/log",
            json!({ "idea": { "title": "Call back within the hour", "detail": "", "involves": "", "complaint_id": complaint } }),
        )
        .await
        .ok());

    let callers = Callers {
        signed_out: server.client(),
        own,
        peer,
        coach,
        other_coach,
        leader,
        admin,
        foreign,
    };
    let ids = Ids {
        gina: gina.id,
        cori: cori.id,
        uma: uma.id,
        session,
        sample,
        sam: sam.id,
        lee: lee.id,
        billing,
        tech,
        spare,
        call_scored,
        call_fresh,
        review_disputed,
        review_draft,
        evidence,
        notification,
        target,
        behaviours,
        framework,
        draft_framework,
        draft_cluster,
        draft_behaviour,
        assessment,
        statement,
        action,
        model,
        draft_model,
        model_cell,
        invitation,
        token,
        complaint,
        idea,
    };
    (callers, ids)
}

/// Who may call what. The order matters for the allowed calls, which run
/// after every refusal: those that close or remove something come after
/// those that need it, and signing out comes last.
fn cases(i: &Ids) -> Vec<Case> {
    let ratings: Vec<(i64, i64)> = i.behaviours.iter().map(|b| (*b, 4)).collect();
    let self_ratings: Vec<Value> = i.behaviours.iter().map(|b| json!([b, 3, ""])).collect();
    let csv = "agent_email,team,occurred_at,channel,duration_seconds,csat,likelihood_to_recommend,resolved,resolution_minutes,first_response_seconds,abandoned,complaint,rectification,follow_up_on,reference\ngina@zircon.example,Quokka Billing,2026-11-05 10:00,phone,300,4,9,yes,5,20,no,no,,,S-9\n";
    vec![
        // Signing up, in and out, and invitations are open to anyone.
        case(
            "sign_up",
            json!({ "org_name": "", "name": "", "email": "x", "password": "short" }),
            &[],
        )
        .public(),
        case(
            "log_in",
            json!({ "email": "nobody@zircon.example", "password": "wrong" }),
            &[],
        )
        .public(),
        case("me", json!({}), &[]).public(),
        case("invitation", json!({ "token": i.token }), &[]).public(),
        case(
            "accept_invitation",
            json!({ "token": i.token, "name": "Ivo", "password": "short" }),
            &[],
        )
        .public(),
        case(
            "change_password",
            json!({ "current": "wrong", "new_password": "another fine passphrase", "confirm": "another fine passphrase" }),
            SIGNED_IN,
        )
        .no_ids(),
        case("time_zones", json!({}), SIGNED_IN).no_ids(),
        case("set_my_time_zone", json!({ "own_zone": "" }), SIGNED_IN).no_ids(),
        case("set_org_time_zone", json!({ "org_zone": "UTC" }), &[Admin])
            .forbidden(NOT_ADMIN)
            .no_ids(),
        case("home", json!({}), SIGNED_IN).no_ids(),
        case("notifications/list", json!({}), SIGNED_IN).no_ids(),
        case("notifications/read", json!({ "id": i.notification }), &[Own]),
        // Calls.
        case("calls/list", json!({ "filter": {} }), SIGNED_IN)
            .json()
            .no_ids(),
        case("calls/options", json!({}), SIGNED_IN).no_ids(),
        case("calls/get", json!({ "id": i.call_scored }), &[Own, Coach, Leader, Admin]),
        case(
            "calls/create",
            json!({
                "agent_id": i.gina, "occurred_at": "2026-11-10 09:30", "channel": "phone",
                "duration_seconds": "240", "csat": "5", "likelihood_to_recommend": "10",
                "resolved": "yes", "resolution_minutes": "4", "first_response_seconds": "15",
                "abandoned": "no", "complaint": "no", "rectification": "", "follow_up_on": "",
                "reference": "S-10"
            }),
            &[Coach, Leader, Admin],
        )
        .forbidden(AGENTS)
        .picker("agent_id"),
        // Only a preview, naming people by email rather than ids.
        case(
            "reviews/import-history",
            json!({ "csv": csv, "version": null, "commit": false }),
            &[Admin],
        )
        .json()
        .forbidden(NOT_ADMIN)
        .no_ids(),
        // Only a preview: the rows name a team and an agent rather than ids,
        // so another organisation gets row errors, not a 404.
        case("calls/import", json!({ "csv": csv, "commit": false }), NOT_AGENT)
            .json()
            .forbidden(AGENTS)
            .no_ids(),
        case(
            "calls/set_transcript",
            json!({ "call_id": i.call_scored, "text": "Hello, you are through to billing." }),
            &[Coach, Leader, Admin],
        )
        .forbidden(AGENTS),
        // Frameworks: read by all, edited by admins.
        case("frameworks/list", json!({}), SIGNED_IN).no_ids(),
        case("frameworks/get", json!({ "id": i.framework }), SIGNED_IN),
        case("frameworks/show", json!({ "id": i.framework }), SIGNED_IN),
        case(
            "frameworks/new_version",
            json!({ "from_id": i.framework }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "frameworks/save_cluster",
            json!({ "framework_id": i.draft_framework, "cluster_id": i.draft_cluster, "name": "Connecting", "description": "Opening well." }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "frameworks/save_behaviour",
            json!({
                "framework_id": i.draft_framework, "behaviour_id": i.draft_behaviour,
                "cluster_id": i.draft_cluster, "key": "greeting", "name": "Greeting",
                "definition": "Opens warmly.", "positive": "Gives their name", "negative": "",
                "weight": "2", "critical": false, "anchors": ["a", "b", "c", "d", "e"]
            }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "frameworks/delete_behaviour",
            json!({ "framework_id": i.draft_framework, "behaviour_id": i.draft_behaviour }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "frameworks/publish",
            json!({ "id": i.draft_framework }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "frameworks/discard",
            json!({ "id": i.draft_framework }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        // Reviews.
        // Everyone has a queue: an agent's holds the reviews of their calls.
        case("reviews/queue", json!({}), SIGNED_IN).no_ids(),
        case(
            "reviews/get",
            json!({ "id": i.review_disputed }),
            &[Own, Coach, Leader, Admin],
        ),
        case(
            "reviews/start",
            json!({ "call_id": i.call_fresh }),
            &[Coach, Leader],
        )
        .forbidden(&[Own, Peer, Admin]),
        case(
            "reviews/save",
            json!({ "id": i.review_draft, "ratings": ratings, "strengths": "Warm.", "development": "Summarise." }),
            &[Coach],
        )
        .json()
        .forbidden(&[Own, Peer, Admin]),
        case(
            "reviews/add_evidence",
            json!({ "id": i.review_draft, "behaviour_id": i.behaviours[0], "kind": "tally", "at_ms": 2000, "cue_index": null, "note": "" }),
            &[Coach],
        )
        .json()
        .forbidden(&[Own, Peer, Admin]),
        case(
            "reviews/remove_evidence",
            json!({ "id": i.review_draft, "evidence_id": i.evidence }),
            &[Coach],
        )
        .forbidden(&[Own, Peer, Admin]),
        case("reviews/submit", json!({ "id": i.review_draft }), &[Coach])
            .forbidden(&[Own, Peer, Admin]),
        case(
            "reviews/acknowledge",
            json!({ "id": i.review_disputed }),
            &[Own],
        )
        .forbidden(NOT_AGENT),
        case(
            "reviews/dispute",
            json!({ "id": i.review_disputed, "reason": "Again." }),
            &[Own],
        )
        .forbidden(NOT_AGENT),
        // The coach wrote it, so only the leader may resolve it.
        case(
            "reviews/resolve",
            json!({ "id": i.review_disputed, "outcome": "upheld", "note": "Fair as scored.", "ratings": [] }),
            &[Leader],
        )
        .json()
        .forbidden(&[Own, Peer, Admin]),
        // Calibration: coaches and leaders; the session's participants
        // score, its organiser closes it and records the agreed ratings.
        case("calibration/list", json!({}), CALIBRATORS)
            .forbidden(NOT_CALIBRATORS)
            .no_ids(),
        case("calibration/options", json!({}), CALIBRATORS)
            .forbidden(NOT_CALIBRATORS)
            .no_ids(),
        case(
            "calibration/create",
            json!({ "title": "Practice", "due_on": "2099-02-28", "calls": [i.call_scored], "participants": [i.cori, i.uma] }),
            CALIBRATORS,
        )
        .json()
        .forbidden(NOT_CALIBRATORS)
        .picker("calls"),
        case("calibration/agreement", json!({ "months": 6 }), CALIBRATORS)
            .forbidden(NOT_CALIBRATORS)
            .no_ids(),
        case("calibration/get", json!({ "id": i.session }), CALIBRATORS)
            .forbidden(NOT_CALIBRATORS),
        case(
            "calibration/score",
            json!({ "id": i.session, "call_id": i.call_scored }),
            &[Coach, OtherCoach],
        )
        .forbidden(NOT_CALIBRATORS),
        case("calibration/close", json!({ "id": i.session }), &[Leader])
            .forbidden(NOT_CALIBRATORS),
        case(
            "calibration/record",
            json!({ "id": i.session, "references": [[i.call_scored, i.behaviours[0], 4]], "note": "Agreed." }),
            &[Leader],
        )
        .json()
        .forbidden(NOT_CALIBRATORS),
        // Sampling: a coach for their teams, a leader anywhere; only a
        // leader reassigns.
        case("sampling/list", json!({}), CALIBRATORS)
            .forbidden(NOT_CALIBRATORS)
            .no_ids(),
        case(
            "sampling/preview",
            json!({ "request": { "team_id": i.billing, "from": "2026-11-01", "to": "2026-11-30", "per_agent": 2, "include_complaints": false, "min_seconds": 60, "channels": ["Phone"], "due_on": "2099-02-28", "seed": null } }),
            &[Coach, Leader],
        )
        .json()
        .forbidden(NOT_CALIBRATORS),
        // Nothing is left to draw, so the allowed answer is a 422.
        case(
            "sampling/accept",
            json!({ "request": { "team_id": i.billing, "from": "2026-11-03", "to": "2026-11-03", "per_agent": 1, "include_complaints": true, "min_seconds": null, "channels": [], "due_on": "2099-02-28", "seed": 7 }, "assignments": [] }),
            &[Coach, Leader],
        )
        .json()
        .forbidden(NOT_CALIBRATORS),
        case("sampling/get", json!({ "id": i.sample }), &[Coach, Leader])
            .forbidden(NOT_CALIBRATORS),
        case(
            "sampling/reassign",
            json!({ "id": i.sample, "call_id": i.call_fresh, "coach_id": i.cori, "due_on": "2099-03-15" }),
            &[Leader],
        )
        .forbidden(&[Own, Peer, Coach, OtherCoach, Admin]),
        // Service KPIs: an agent their own, a coach their teams', a leader
        // everyone's, an admin too (the KPIs lead their home page).
        case(
            "kpi/figures",
            json!({ "query": { "team_id": i.billing, "agent_id": i.gina, "channel": null, "from": "2026-11-01", "to": "2026-11-30", "grouping": "Week", "short_abandon_seconds": 10 } }),
            &[Own, Coach, Leader, Admin],
        )
        .json(),
        case(
            "kpi/complaints",
            json!({ "query": { "team_id": i.billing, "agent_id": i.gina, "channel": null, "from": "2026-11-01", "to": "2026-11-30", "grouping": "Week", "short_abandon_seconds": 10 } }),
            &[Own, Coach, Leader, Admin],
        )
        .json(),
        case("complaints/list", json!({ "query": {} }), SIGNED_IN)
            .json()
            .no_ids(),
        case("complaints/get", json!({ "id": i.complaint }), &[Own, Coach, Leader, Admin]),
        case(
            "complaints/form",
            json!({ "call_id": i.call_scored }),
            &[Own, Coach, Leader],
        )
        .forbidden(&[Admin]),
        case("complaints/reminders", json!({}), SIGNED_IN).no_ids(),
        case(
            "complaints/assign",
            json!({ "id": i.complaint, "owner_id": i.cori, "due_on": "2027-06-01" }),
            &[Coach, Leader],
        )
        .forbidden(&[Own, Admin]),
        case(
            "complaints/link",
            json!({ "id": i.complaint, "link": "https://social.example/p/1" }),
            &[Coach, Leader],
        )
        .forbidden(&[Own, Admin]),
        case(
            "complaints/step",
            json!({ "id": i.complaint, "step": { "step": "record", "said": "It broke again.", "category": "product", "rectification": null, "amount": "", "accepted": null, "follow_up_on": "", "satisfied": null, "note": "" } }),
            &[Coach, Leader],
        )
        .json()
        .forbidden(&[Own, Admin]),
        case(
            "complaints/log",
            json!({ "complaint": { "call_id": i.call_fresh, "team_id": null, "agent_id": null, "source": null, "public": false, "customer": "", "category": null, "said": "", "owner_id": null, "due_on": "", "material_link": "" } }),
            &[Own, Coach, Leader],
        )
        .json()
        .forbidden(&[Admin]),
        case("ideas/list", json!({}), SIGNED_IN).no_ids(),
        case(
            "ideas/log",
            json!({ "idea": { "title": "Shorter hold music", "detail": "", "involves": "", "complaint_id": null } }),
            SIGNED_IN,
        )
        .json()
        .no_ids(),
        case(
            "ideas/decide",
            json!({ "id": i.idea, "next": "agreed", "reason": "" }),
            &[Leader],
        )
        .forbidden(&[Own, Peer, Coach, OtherCoach, Admin]),
        case(
            "kpi/quality",
            json!({ "query": { "team_id": i.billing, "agent_id": i.gina, "channel": null, "from": "2026-11-01", "to": "2026-11-30", "grouping": "Week", "short_abandon_seconds": null } }),
            &[Own, Coach, Leader, Admin],
        )
        .json(),
        // Insight compares many agents: never an agent; a coach their
        // teams, a leader or admin the organisation.
        case(
            "insight/satisfaction",
            json!({ "query": { "team_id": i.billing, "agent_id": null, "channel": null, "from": "2026-11-01", "to": "2026-11-30", "grouping": "Week", "short_abandon_seconds": null }, "outcome": "nps" }),
            &[Coach, Leader, Admin],
        )
        .json()
        .forbidden(AGENTS),
        case(
            "insight/target-effects",
            json!({ "query": { "team_id": i.billing, "agent_id": null, "channel": null, "from": "2026-11-01", "to": "2026-11-30", "grouping": "Week", "short_abandon_seconds": null } }),
            &[Coach, Leader, Admin],
        )
        .json()
        .forbidden(AGENTS),
        case(
            "insight/agent-coaching",
            json!({ "agent_id": i.gina, "on": null }),
            &[Coach, Leader, Admin],
        )
        .json()
        .forbidden(AGENTS),
        // Development.
        case(
            "development/benchmark",
            json!({ "agent_id": i.gina, "days": 90 }),
            &[Own, Coach, Leader, Admin],
        ),
        case(
            "development/self_assessments",
            json!({ "agent_id": i.gina }),
            &[Own, Coach, Leader, Admin],
        ),
        case("development/self_assessment_form", json!({}), AGENTS)
            .forbidden(NOT_AGENT)
            .no_ids(),
        case(
            "development/save_self_assessment",
            json!({ "ratings": self_ratings }),
            AGENTS,
        )
        .json()
        .forbidden(NOT_AGENT)
        .picker("behaviour-"),
        case("development/team", json!({}), NOT_AGENT)
            .forbidden(AGENTS)
            .no_ids(),
        case(
            "development/team_view",
            json!({ "order": "name", "shown": 10 }),
            NOT_AGENT,
        )
        .forbidden(AGENTS)
        .no_ids(),
        case(
            "targets/form",
            json!({ "agent_id": i.gina }),
            &[Own, Coach, Leader],
        )
        .forbidden(&[Admin]),
        case(
            "targets/create",
            json!({ "agent_id": i.gina, "behaviour_id": i.behaviours[2], "level": 4, "due_on": "2027-02-28", "plan": "Explain the why." }),
            &[Own, Coach, Leader],
        )
        .forbidden(&[Admin]),
        case("targets/get", json!({ "id": i.target }), &[Own, Coach, Leader, Admin]),
        case(
            "targets/agree",
            json!({ "id": i.target, "comment": "Agreed." }),
            &[Coach, Leader],
        )
        .forbidden(&[Own, Peer, Admin]),
        case(
            "targets/check_in",
            json!({ "id": i.target, "note": "Two calls this week." }),
            &[Own, Coach, Leader],
        )
        .forbidden(&[Admin]),
        case(
            "practice/list",
            json!({ "agent_id": i.gina }),
            &[Own, Coach, Leader, Admin],
        ),
        case(
            "practice/log",
            json!({ "practised_on": "2026-11-20", "kind": "role_play", "behaviours": [], "scenario": "A refund.", "rater": "self", "peer_name": "", "rating": 3, "reflection": "" }),
            AGENTS,
        )
        .json()
        .forbidden(NOT_AGENT)
        .no_ids(),
        // The continuum: leaders and admins.
        case("continuum/home", json!({}), &[Leader, Admin])
            .forbidden(NOT_LEADER_OR_ADMIN)
            .no_ids(),
        case(
            "continuum/start",
            json!({ "title": "Team review", "team_id": i.billing }),
            &[Leader, Admin],
        )
        .forbidden(NOT_LEADER_OR_ADMIN)
        .picker("team_id"),
        case("continuum/get", json!({ "id": i.assessment }), &[Leader, Admin])
            .forbidden(NOT_LEADER_OR_ADMIN),
        case(
            "continuum/invite",
            json!({ "id": i.assessment, "user_id": i.lee }),
            &[Leader, Admin],
        )
        .forbidden(NOT_LEADER_OR_ADMIN),
        case(
            "continuum/answer",
            json!({ "id": i.assessment, "statement_id": i.statement, "answer": "in_place", "note": "" }),
            INVITED,
        )
        .forbidden(NOT_LEADER_OR_ADMIN),
        case(
            "continuum/add_action",
            json!({ "id": i.assessment, "statement_id": i.statement, "title": "Weekly huddle", "owner_id": i.lee, "due_on": "2027-03-01" }),
            &[Leader, Admin],
        )
        .forbidden(NOT_LEADER_OR_ADMIN),
        case(
            "continuum/action_status",
            json!({ "action_id": i.action, "status": "done" }),
            &[Leader, Admin],
        )
        .forbidden(NOT_LEADER_OR_ADMIN),
        case("continuum/submit", json!({ "id": i.assessment }), INVITED)
            .forbidden(NOT_LEADER_OR_ADMIN),
        case(
            "continuum/complete",
            json!({ "id": i.assessment }),
            INVITED,
        )
        .forbidden(NOT_LEADER_OR_ADMIN),
        case("continuum/model", json!({ "id": i.model }), &[Leader, Admin])
            .forbidden(NOT_LEADER_OR_ADMIN),
        case("continuum/model_new_version", json!({}), &[Admin])
            .forbidden(NOT_ADMIN)
            .no_ids(),
        case(
            "continuum/model_save_cell",
            json!({ "model_id": i.draft_model, "cell_id": i.model_cell, "description": "Reacts to complaints.", "statements": [] }),
            &[Admin],
        )
        .json()
        .forbidden(NOT_ADMIN),
        case(
            "continuum/model_publish",
            json!({ "id": i.draft_model }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "continuum/model_discard",
            json!({ "id": i.draft_model }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        // Administration.
        case("admin/users", json!({}), &[Admin])
            .forbidden(NOT_ADMIN)
            .no_ids(),
        case("admin/teams", json!({}), &[Admin])
            .forbidden(NOT_ADMIN)
            .no_ids(),
        case("admin/invitations", json!({}), &[Admin])
            .forbidden(NOT_ADMIN)
            .no_ids(),
        case(
            "admin/create_user",
            json!({ "name": "Mole", "email": "mole@zircon.example", "roles": "agent", "password": PASSWORD, "team_id": i.billing }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "admin/invite",
            json!({ "name": "Mole", "email": "mole2@zircon.example", "roles": "agent", "team_id": i.billing }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case("admin/create_team", json!({ "name": "New team" }), &[Admin])
            .forbidden(NOT_ADMIN)
            .no_ids(),
        case(
            "admin/rename_team",
            json!({ "team_id": i.tech, "name": "Quokka Tech" }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "admin/set_membership",
            json!({ "team_id": i.spare, "user_id": i.sam, "kind": "agent", "member": true }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "admin/update_roles",
            json!({ "user_id": i.sam, "roles": "agent,coach" }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "admin/set_active",
            json!({ "user_id": i.sam, "active": false }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "admin/revoke_invitation",
            json!({ "invitation_id": i.invitation }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case(
            "admin/archive_team",
            json!({ "team_id": i.spare, "archived": true }),
            &[Admin],
        )
        .forbidden(NOT_ADMIN),
        case("admin/delete_team", json!({ "team_id": i.spare }), &[Admin])
            .forbidden(NOT_ADMIN),
        case("log_out", json!({}), &[]).public(),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_refuses_every_caller_it_should_and_admits_the_rest() {
    let server = TestServer::start().await;
    let (callers, ids) = fixture(&server).await;
    let cases = cases(&ids);

    // The table covers every registered server function, and only those.
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    let listed: BTreeSet<String> = cases.iter().map(|c| c.endpoint.to_string()).collect();
    let missing: Vec<_> = registered.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "say who may call each server function in the sweep's table: missing {missing:?}, not registered {stale:?}"
    );
    assert_eq!(listed.len(), cases.len(), "an endpoint is listed twice");

    let mut failures = vec![];
    let mut checks = 0;
    // Every refusal first, so the allowed calls cannot hide one by
    // changing what the refusals act on.
    for refusals in [true, false] {
        for case in &cases {
            for who in ALL {
                let expect = case.expected(who);
                if expect.is_refusal() != refusals {
                    continue;
                }
                let answer = send(callers.of(who), case).await;
                checks += 1;
                if let Err(why) = expect.check(&answer, &case.args) {
                    failures.push(format!("{} as {who:?}: {why}", case.endpoint));
                }
                // Told on a field, another organisation hears exactly what an
                // id that does not exist would get.
                let picked = match expect {
                    Expect::MissingOrInvalid(field) => case.args.get(field).and(Some(field)),
                    _ => None,
                };
                if let Some(field) = picked.filter(|f| case.args[*f].is_i64()) {
                    let mut missing = case.clone();
                    missing.args[field] = json!(999_999);
                    let other = send(callers.of(who), &missing).await;
                    if (other.status, &other.body) != (answer.status, &answer.body) {
                        failures.push(format!(
                            "{} as {who:?}: another organisation's id answers {} {}, a missing one {} {}",
                            case.endpoint, answer.status, answer.body, other.status, other.body
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checks} calls answered wrongly:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checks > 500, "{checks}");
}
