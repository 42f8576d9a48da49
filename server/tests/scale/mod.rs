//! The scale fixture (issues 13, 15 and 18): one organisation of 200
//! agents in 20 teams with a coach each, 100,000 calls over a year, 70,000
//! submitted reviews, about 980,000 ratings and two targets an agent,
//! written straight into the server's database in bulk. Everyone's password
//! is the fixture's, so any of them can sign in over HTTP.

use crate::common::*;
use app::domain::calls::Channel;
use app::domain::lifecycle::{MembershipKind, ReviewStatus};
use app::server::entities::{
    call, framework, framework_behaviour, review, review_rating, target, team, team_member, user,
};
use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};

pub const TEAMS: usize = 20;
pub const AGENTS_PER_TEAM: usize = 10;
pub const CALLS: usize = 100_000;
pub const REVIEWS: usize = 70_000;

pub struct Scale {
    pub leader: Api,
    /// The coach of the first team.
    pub coach: Api,
    /// The first agent of the first team.
    pub agent: Api,
    pub first_team: i32,
    pub first_agent: i32,
}

/// Rows per insert: under SQLite's 32,766 values a statement.
fn batches<T>(rows: Vec<T>, per: usize) -> Vec<Vec<T>> {
    let mut out = vec![];
    let mut it = rows.into_iter().peekable();
    while it.peek().is_some() {
        out.push(it.by_ref().take(per).collect());
    }
    out
}

pub async fn build(server: &TestServer) -> Scale {
    let db = &server.db;
    let leader = server.client();
    leader
        .sign_up("Scale Org", "Lee Leader", "lee@scale.example")
        .await;
    let me = user::Entity::find()
        .filter(user::Column::Email.eq("lee@scale.example"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let org = me.org_id;
    let now = Utc::now();
    let mut rng = StdRng::seed_from_u64(13);

    // People: a coach and ten agents per team, all with the leader's password.
    let mut teams = vec![];
    let mut agents: Vec<(i32, i32)> = vec![];
    let mut coach_of: Vec<i32> = vec![];
    for t in 0..TEAMS {
        let team = team::Entity::insert(team::ActiveModel {
            org_id: Set(org),
            name: Set(format!("Team {t:02}")),
            created_at: Set(now),
            ..Default::default()
        })
        .exec(db)
        .await
        .unwrap()
        .last_insert_id;
        teams.push(team);
        let person = |name: String, email: String, agent: bool| user::ActiveModel {
            org_id: Set(org),
            email: Set(email),
            name: Set(name),
            password_hash: Set(me.password_hash.clone()),
            is_agent: Set(agent),
            is_coach: Set(!agent),
            is_leader: Set(false),
            is_admin: Set(false),
            active: Set(true),
            session_version: Set(0),
            created_at: Set(now),
            ..Default::default()
        };
        let coach = user::Entity::insert(person(
            format!("Coach {t:02}"),
            format!("coach{t}@scale.example"),
            false,
        ))
        .exec(db)
        .await
        .unwrap()
        .last_insert_id;
        coach_of.push(coach);
        team_member::Entity::insert(team_member::ActiveModel {
            team_id: Set(team),
            user_id: Set(coach),
            role: Set(MembershipKind::Coach),
            ..Default::default()
        })
        .exec(db)
        .await
        .unwrap();
        for a in 0..AGENTS_PER_TEAM {
            let agent = user::Entity::insert(person(
                format!("Agent {t:02}-{a}"),
                format!("agent{t}-{a}@scale.example"),
                true,
            ))
            .exec(db)
            .await
            .unwrap()
            .last_insert_id;
            team_member::Entity::insert(team_member::ActiveModel {
                team_id: Set(team),
                user_id: Set(agent),
                role: Set(MembershipKind::Agent),
                ..Default::default()
            })
            .exec(db)
            .await
            .unwrap();
            agents.push((agent, team));
        }
    }

    // Calls over the last year.
    let mut calls = vec![];
    for i in 0..CALLS {
        let (agent, team) = agents[i % agents.len()];
        let at = now - Duration::minutes(rng.gen_range(60..365 * 24 * 60));
        let abandoned = rng.gen_bool(0.05);
        calls.push(call::ActiveModel {
            org_id: Set(org),
            team_id: Set(team),
            agent_id: Set(agent),
            occurred_at: Set(at),
            channel: Set(Channel::ALL[rng.gen_range(0..4)]),
            duration_seconds: Set(rng.gen_range(5..1500)),
            csat: Set((!abandoned && rng.gen_bool(0.6)).then(|| rng.gen_range(1..=5))),
            likelihood_to_recommend: Set(
                (!abandoned && rng.gen_bool(0.5)).then(|| rng.gen_range(0..=10))
            ),
            resolved: Set((!abandoned).then(|| rng.gen_bool(0.8))),
            resolution_minutes: Set((!abandoned).then(|| rng.gen_range(2..600))),
            first_response_seconds: Set((!abandoned).then(|| rng.gen_range(3..20_000))),
            abandoned: Set(abandoned),
            complaint: Set(rng.gen_bool(0.03)),
            rectification: Set(None),
            follow_up_on: Set(None),
            reference: Set(Some(format!("S-{i}"))),
            recording_key: Set(None),
            recording_mime: Set(None),
            recording_bytes: Set(None),
            transcript: Set(None),
            reviewed: Set(i < REVIEWS),
            created_by: Set(None),
            created_at: Set(at),
            ..Default::default()
        });
    }
    for part in batches(calls, 1_000) {
        call::Entity::insert_many(part).exec(db).await.unwrap();
    }

    // One submitted review for each of the first 70,000 calls, every
    // behaviour of the current framework rated.
    let fw = framework::Entity::find()
        .filter(framework::Column::OrgId.eq(org))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let lineages: Vec<(i32, String)> = framework_behaviour::Entity::find()
        .select_only()
        .column(framework_behaviour::Column::Id)
        .column(framework_behaviour::Column::Lineage)
        .filter(framework_behaviour::Column::FrameworkId.eq(fw.id))
        .into_tuple()
        .all(db)
        .await
        .unwrap();
    let behaviours: Vec<i32> = lineages.iter().map(|(id, _)| *id).collect();
    let reviewed: Vec<(i32, i32, i32, chrono::DateTime<Utc>)> = call::Entity::find()
        .select_only()
        .columns([
            call::Column::Id,
            call::Column::AgentId,
            call::Column::TeamId,
            call::Column::OccurredAt,
        ])
        .filter(call::Column::OrgId.eq(org))
        .filter(call::Column::Reviewed.eq(true))
        .order_by_asc(call::Column::Id)
        .into_tuple()
        .all(db)
        .await
        .unwrap();
    let team_index = |team: i32| teams.iter().position(|t| *t == team).unwrap();
    let reviews: Vec<review::ActiveModel> = reviewed
        .iter()
        .map(|(call_id, agent, team, at)| {
            let submitted = *at + Duration::hours(rng.gen_range(1..72));
            review::ActiveModel {
                org_id: Set(org),
                call_id: Set(*call_id),
                agent_id: Set(*agent),
                team_id: Set(*team),
                coach_id: Set(coach_of[team_index(*team)]),
                framework_id: Set(fw.id),
                status: Set(ReviewStatus::Acknowledged),
                score: Set(Some(rng.gen_range(40.0..100.0_f64).round())),
                raw_score: Set(None),
                critical_fail: Set(false),
                strengths: Set("Clear ownership.".into()),
                development: Set("Summarise next steps.".into()),
                created_at: Set(submitted),
                updated_at: Set(submitted),
                submitted_at: Set(Some(submitted)),
                acknowledged_at: Set(Some(submitted)),
                ..Default::default()
            }
        })
        .collect();
    for part in batches(reviews, 1_000) {
        review::Entity::insert_many(part).exec(db).await.unwrap();
    }
    let review_ids: Vec<i32> = review::Entity::find()
        .select_only()
        .column(review::Column::Id)
        .filter(review::Column::OrgId.eq(org))
        .into_tuple()
        .all(db)
        .await
        .unwrap();
    let mut ratings = vec![];
    for r in &review_ids {
        for b in &behaviours {
            ratings.push(review_rating::ActiveModel {
                review_id: Set(*r),
                behaviour_id: Set(*b),
                rating: Set(rng.gen_range(0..=5)),
                ..Default::default()
            });
        }
    }
    for part in batches(ratings, 5_000) {
        review_rating::Entity::insert_many(part)
            .exec(db)
            .await
            .unwrap();
    }

    // Two targets an agent: one long past (set ten months ago for a month)
    // and one open (set forty days ago, due in twenty).
    let mut targets = vec![];
    for (i, (agent, team)) in agents.iter().enumerate() {
        for (nth, set_days_ago, due_after) in [(0, 300, 30), (1, 40, 60)] {
            let (behaviour, lineage) = &lineages[(i + nth) % lineages.len()];
            let set_at = now - Duration::days(set_days_ago);
            targets.push(target::ActiveModel {
                org_id: Set(org),
                agent_id: Set(*agent),
                behaviour_id: Set(*behaviour),
                lineage: Set(lineage.clone()),
                baseline: Set(Some(2.5)),
                baseline_calls: Set(12),
                level: Set(4),
                due_on: Set((set_at + Duration::days(due_after)).date_naive()),
                plan: Set("Role-play the opening weekly.".into()),
                created_by: Set(coach_of[team_index(*team)]),
                created_at: Set(set_at),
                ..Default::default()
            });
        }
    }
    for part in batches(targets, 1_000) {
        target::Entity::insert_many(part).exec(db).await.unwrap();
    }

    // Written in bulk past the services: the rollup is made as the
    // rebuild command makes it.
    app::server::kernel::kpi_rollup::rebuild(db, org)
        .await
        .unwrap();
    app::server::kernel::quality_rollup::rebuild(db, org)
        .await
        .unwrap();
    // The targets' kept progress, as the server's sweep fills it at start.
    app::server::services::targets::refresh_all_statuses(db, now)
        .await
        .unwrap();

    let coach = server.client();
    coach.log_in("coach0@scale.example", PASSWORD).await.ok();
    let agent = server.client();
    agent.log_in("agent0-0@scale.example", PASSWORD).await.ok();
    Scale {
        leader,
        coach,
        agent,
        first_team: teams[0],
        first_agent: agents[0].0,
    }
}
