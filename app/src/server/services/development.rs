//! The agent's development (PRODUCT.md §4): who may see whose development,
//! the coach ratings behind it, the benchmark view, self-assessments and the
//! coach's team view. Targets and practice are in `targets`.

use super::frameworks::{self, view_of};
use crate::domain::access::{self, Action, Relation};
use crate::domain::benchmark::{
    self, gap, ScoredRating, SelfRatingInput, DEFAULT_WINDOW_DAYS, WINDOW_CHOICES,
};
use crate::domain::lifecycle::{MembershipKind, ReviewStatus};
use crate::domain::scoring::Rating;
use crate::domain::targets::{evidence_of, progress, Progress, TargetPlan};
use crate::error::AppError;
use crate::server::entities::{
    call, framework, framework_behaviour as fb, practice_behaviour, practice_session, review,
    review_rating, self_assessment, self_rating, target, team_member, user,
};
use crate::server::kernel::dates::day;
use crate::server::kernel::names::team_names;
use crate::server::kernel::Visibility;
use crate::server::kernel::{AuthUser, Ctx};
use crate::types::{
    AgentRef, BenchmarkRow, BenchmarkView, FrameworkView, PracticeView, SelfAssessmentEntry,
    SelfAssessmentForm, SelfAssessmentHistory, TargetSummary, TeamAgentRow,
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use std::collections::{HashMap, HashSet};

/// Keeps `IN (…)` lists below SQLite's limit on bound parameters.
const CHUNK: usize = 900;

// ---- Who may see whose development ------------------------------------------

/// The agents' teams, by agent id, as one readable string each.
async fn team_labels(
    db: &impl ConnectionTrait,
    org_id: i32,
    agent_ids: &[i32],
) -> Result<HashMap<i32, String>, AppError> {
    let names = team_names(db, org_id).await?;
    let mut labels: HashMap<i32, Vec<String>> = HashMap::new();
    for chunk in agent_ids.chunks(CHUNK) {
        for m in team_member::Entity::find()
            .filter(team_member::Column::UserId.is_in(chunk.to_vec()))
            .filter(team_member::Column::Role.eq(MembershipKind::Agent))
            .all(db)
            .await?
        {
            if let Some(n) = names.get(&m.team_id) {
                labels.entry(m.user_id).or_default().push(n.clone());
            }
        }
    }
    Ok(labels
        .into_iter()
        .map(|(id, mut v)| {
            v.sort();
            (id, v.join(", "))
        })
        .collect())
}

pub async fn agent_refs(
    db: &impl ConnectionTrait,
    org_id: i32,
    users: &[user::Model],
) -> Result<Vec<AgentRef>, AppError> {
    let ids: Vec<i32> = users.iter().map(|u| u.id).collect();
    let labels = team_labels(db, org_id, &ids).await?;
    Ok(users
        .iter()
        .map(|u| AgentRef {
            id: u.id,
            name: u.name.clone(),
            teams: labels.get(&u.id).cloned().unwrap_or_default(),
        })
        .collect())
}

/// The active agents the caller may see, by name.
pub async fn agents_in_reach(
    db: &impl ConnectionTrait,
    vis: &Visibility,
) -> Result<Vec<user::Model>, AppError> {
    let mut q = user::Entity::find()
        .filter(user::Column::OrgId.eq(vis.org_id))
        .filter(user::Column::IsAgent.eq(true))
        .filter(user::Column::Active.eq(true));
    if !vis.whole_org {
        let mut ids: Vec<i32> = vis.agents.iter().copied().collect();
        ids.extend(vis.own);
        q = q.filter(user::Column::Id.is_in(ids));
    }
    q.order_by_asc(user::Column::Name)
        .all(db)
        .await
        .map_err(AppError::from)
}

/// The agent a development page is about: the one asked for, or the caller
/// if they are an agent, or else the first agent they may see. Another
/// organisation's id reads as not found; an agent out of reach is refused.
pub async fn agent_for(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    vis: &Visibility,
    asked: Option<i32>,
) -> Result<user::Model, AppError> {
    let id = match asked {
        Some(id) => id,
        None if vis.own.is_some() => caller.id,
        None => {
            return agents_in_reach(db, vis)
                .await?
                .into_iter()
                .next()
                .ok_or_else(|| {
                    AppError::Conflict(
                        "There are no agents in the teams you coach yet: an admin adds them on the Teams page."
                            .into(),
                    )
                })
        }
    };
    let agent = user::Entity::find_by_id(id)
        .filter(user::Column::OrgId.eq(caller.org_id))
        .one(db)
        .await?
        .filter(|u| u.is_agent)
        .ok_or_else(|| AppError::not_found("That agent"))?;
    if !vis.sees_agent(agent.id) {
        return Err(AppError::Forbidden);
    }
    Ok(agent)
}

// ---- Coach ratings ----------------------------------------------------------

/// One coach rating of one behaviour on a submitted review.
#[derive(Clone, Debug)]
pub struct Scored {
    pub agent_id: i32,
    pub review_id: i32,
    pub coach_id: i32,
    pub call_at: DateTime<Utc>,
    pub scored_at: DateTime<Utc>,
    pub lineage: String,
    pub rating: Rating,
}

/// Every rating on the agents' submitted reviews scored since `since`.
/// Drafts never count; disputed reviews count as they stand.
pub async fn scored_ratings(
    db: &impl ConnectionTrait,
    org_id: i32,
    agent_ids: &[i32],
    since: DateTime<Utc>,
) -> Result<Vec<Scored>, AppError> {
    let mut reviews = Vec::new();
    for chunk in agent_ids.chunks(CHUNK) {
        reviews.extend(
            review::Entity::find()
                .filter(review::Column::OrgId.eq(org_id))
                .filter(review::Column::AgentId.is_in(chunk.to_vec()))
                .filter(review::Column::Status.ne(ReviewStatus::Draft))
                .filter(review::Column::SubmittedAt.gte(since))
                .all(db)
                .await?,
        );
    }
    if reviews.is_empty() {
        return Ok(vec![]);
    }
    let call_ids: Vec<i32> = reviews.iter().map(|r| r.call_id).collect();
    let mut call_at = HashMap::new();
    for chunk in call_ids.chunks(CHUNK) {
        for (id, at) in call::Entity::find()
            .select_only()
            .column(call::Column::Id)
            .column(call::Column::OccurredAt)
            .filter(call::Column::Id.is_in(chunk.to_vec()))
            .into_tuple::<(i32, DateTime<Utc>)>()
            .all(db)
            .await?
        {
            call_at.insert(id, at);
        }
    }
    let by_id: HashMap<i32, &review::Model> = reviews.iter().map(|r| (r.id, r)).collect();
    let review_ids: Vec<i32> = by_id.keys().copied().collect();
    let mut ratings = Vec::new();
    for chunk in review_ids.chunks(CHUNK) {
        ratings.extend(
            review_rating::Entity::find()
                .filter(review_rating::Column::ReviewId.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
    }
    let lineages = lineage_map(db, org_id).await?;
    Ok(ratings
        .into_iter()
        .filter_map(|rr| {
            let r = by_id.get(&rr.review_id)?;
            Some(Scored {
                agent_id: r.agent_id,
                review_id: r.id,
                coach_id: r.coach_id,
                call_at: *call_at.get(&r.call_id)?,
                scored_at: r.submitted_at?,
                lineage: lineages.get(&rr.behaviour_id)?.0.clone(),
                rating: Rating::from_code(rr.rating)?,
            })
        })
        .collect())
}

/// Every behaviour of every framework version of the organisation:
/// id → (lineage, name).
pub async fn lineage_map(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<HashMap<i32, (String, String)>, AppError> {
    let versions: Vec<i32> = framework::Entity::find()
        .select_only()
        .column(framework::Column::Id)
        .filter(framework::Column::OrgId.eq(org_id))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    Ok(fb::Entity::find()
        .filter(fb::Column::FrameworkId.is_in(versions))
        .all(db)
        .await?
        .into_iter()
        .map(|b| (b.id, (b.lineage, b.name)))
        .collect())
}

/// The coach rating of each behaviour of the current framework over the window.
pub fn profile_of(
    fw: &FrameworkView,
    scored: &[Scored],
    agent_id: i32,
    now: DateTime<Utc>,
    days: i64,
) -> Vec<Option<benchmark::CoachRating>> {
    let lineages: Vec<String> = fw.behaviours().map(|b| b.lineage.clone()).collect();
    let ratings: Vec<ScoredRating> = scored
        .iter()
        .filter(|s| s.agent_id == agent_id)
        .map(|s| ScoredRating {
            lineage: s.lineage.clone(),
            at: s.call_at,
            rating: s.rating,
        })
        .collect();
    benchmark::profile(&lineages, &ratings, now, days)
}

/// A target's progress from the ratings scored since it was set, with those ratings.
pub fn progress_of<'a>(
    t: &target::Model,
    scored: &'a [Scored],
    now: DateTime<Utc>,
) -> (Progress, Vec<&'a Scored>) {
    let mut evidence: Vec<&Scored> = scored
        .iter()
        .filter(|s| {
            s.agent_id == t.agent_id && s.lineage == t.lineage && s.scored_at >= t.created_at
        })
        .collect();
    evidence.sort_by_key(|s| (s.scored_at, s.review_id));
    let rated: Vec<_> = evidence.iter().map(|s| (s.scored_at, s.rating)).collect();
    let points = evidence_of(&rated);
    let plan = TargetPlan {
        start: t.created_at,
        due: t.due_on,
        baseline: t.baseline,
        level: t.level.clamp(1, 5) as u8,
    };
    (progress(&plan, &points, now), evidence)
}

/// The earliest moment any of these targets needs ratings from.
pub fn since_for(targets: &[target::Model], window_start: DateTime<Utc>) -> DateTime<Utc> {
    targets
        .iter()
        .map(|t| t.created_at)
        .min()
        .map_or(window_start, |t| t.min(window_start))
}

pub fn summary_of(
    t: &target::Model,
    name: String,
    scored: &[Scored],
    now: DateTime<Utc>,
) -> TargetSummary {
    summary_with(t, name, &progress_of(t, scored, now).0)
}

/// A target's summary from its already computed progress.
pub fn summary_with(t: &target::Model, name: String, p: &Progress) -> TargetSummary {
    TargetSummary {
        id: t.id,
        behaviour: name,
        level: t.level.clamp(1, 5) as u8,
        baseline: t.baseline,
        due_on: t.due_on.format("%-d %b %Y").to_string(),
        status: p.status,
        mean: p.mean,
        calls: p.calls,
        agreed: t.agreed_by.is_some(),
    }
}

/// The name a lineage has now: in the current framework, or as last named.
pub fn behaviour_name(
    fw: &FrameworkView,
    all: &HashMap<i32, (String, String)>,
    lineage: &str,
) -> String {
    fw.behaviours()
        .find(|b| b.lineage == lineage)
        .map(|b| b.name.clone())
        .or_else(|| {
            all.values()
                .find(|(l, _)| l == lineage)
                .map(|(_, n)| n.clone())
        })
        .unwrap_or_else(|| "A retired behaviour".into())
}

pub async fn current_framework(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<FrameworkView, AppError> {
    view_of(db, frameworks::current(db, org_id).await?).await
}

pub async fn agent_targets(
    db: &impl ConnectionTrait,
    org_id: i32,
    agent_ids: &[i32],
) -> Result<Vec<target::Model>, AppError> {
    let mut all = Vec::new();
    for chunk in agent_ids.chunks(CHUNK) {
        all.extend(
            target::Entity::find()
                .filter(target::Column::OrgId.eq(org_id))
                .filter(target::Column::AgentId.is_in(chunk.to_vec()))
                .order_by_desc(target::Column::CreatedAt)
                .all(db)
                .await?,
        );
    }
    Ok(all)
}

/// The latest self-assessment of each agent with its levels: agent → (date, lineage → (level, example)).
type LatestSelf = HashMap<i32, (DateTime<Utc>, HashMap<String, (u8, String)>)>;

async fn latest_self(
    db: &impl ConnectionTrait,
    org_id: i32,
    agent_ids: &[i32],
) -> Result<LatestSelf, AppError> {
    let mut latest: HashMap<i32, self_assessment::Model> = HashMap::new();
    for chunk in agent_ids.chunks(CHUNK) {
        for a in self_assessment::Entity::find()
            .filter(self_assessment::Column::OrgId.eq(org_id))
            .filter(self_assessment::Column::AgentId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            let newer = latest
                .get(&a.agent_id)
                .is_none_or(|b| (a.created_at, a.id) > (b.created_at, b.id));
            if newer {
                latest.insert(a.agent_id, a);
            }
        }
    }
    let ids: Vec<i32> = latest.values().map(|a| a.id).collect();
    let agent_of: HashMap<i32, (i32, DateTime<Utc>)> = latest
        .values()
        .map(|a| (a.id, (a.agent_id, a.created_at)))
        .collect();
    let mut out: LatestSelf = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        for r in self_rating::Entity::find()
            .filter(self_rating::Column::AssessmentId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            if let Some((agent, at)) = agent_of.get(&r.assessment_id) {
                out.entry(*agent)
                    .or_insert_with(|| (*at, HashMap::new()))
                    .1
                    .insert(r.lineage, (r.level.clamp(1, 5) as u8, r.example));
            }
        }
    }
    Ok(out)
}

pub async fn practice_views(
    db: &impl ConnectionTrait,
    sessions: Vec<practice_session::Model>,
    fw: &FrameworkView,
    all: &HashMap<i32, (String, String)>,
) -> Result<Vec<PracticeView>, AppError> {
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let mut lineages: HashMap<i32, Vec<String>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        for b in practice_behaviour::Entity::find()
            .filter(practice_behaviour::Column::SessionId.is_in(chunk.to_vec()))
            .order_by_asc(practice_behaviour::Column::Id)
            .all(db)
            .await?
        {
            lineages.entry(b.session_id).or_default().push(b.lineage);
        }
    }
    Ok(sessions
        .into_iter()
        .map(|s| PracticeView {
            id: s.id,
            on: s.practised_on.format("%-d %b %Y").to_string(),
            kind: crate::domain::practice::PracticeKind::parse(&s.kind)
                .map_or("Practice", |k| k.label())
                .to_string(),
            behaviours: lineages
                .get(&s.id)
                .map(|ls| ls.iter().map(|l| behaviour_name(fw, all, l)).collect())
                .unwrap_or_default(),
            rated_by: if s.rater == "peer" {
                format!("Peer: {}", s.peer_name)
            } else {
                "Self".into()
            },
            rating: s.rating,
            scenario: s.scenario,
            reflection: s.reflection,
        })
        .collect())
}

fn window(days: Option<i64>) -> i64 {
    days.filter(|d| WINDOW_CHOICES.contains(d))
        .unwrap_or(DEFAULT_WINDOW_DAYS)
}

// ---- The benchmark view -----------------------------------------------------

pub async fn benchmark(
    cx: &Ctx,
    agent_id: Option<i32>,
    days: Option<i64>,
) -> Result<BenchmarkView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let vis = Visibility::of(db, caller).await?;
    let agent = agent_for(db, caller, &vis, agent_id).await?;
    let days = window(days);
    let now = Utc::now();
    let fw = current_framework(db, caller.org_id).await?;
    let all = lineage_map(db, caller.org_id).await?;
    let targets = agent_targets(db, caller.org_id, &[agent.id]).await?;
    let since = since_for(&targets, now - Duration::days(days));
    let scored = scored_ratings(db, caller.org_id, &[agent.id], since).await?;
    let profile = profile_of(&fw, &scored, agent.id, now, days);
    let own = latest_self(db, caller.org_id, &[agent.id]).await?;
    let own = own.get(&agent.id);

    let summaries: Vec<TargetSummary> = targets
        .iter()
        .map(|t| summary_of(t, behaviour_name(&fw, &all, &t.lineage), &scored, now))
        .collect();
    let open_on = |lineage: &str| {
        targets
            .iter()
            .zip(&summaries)
            .find(|(t, s)| t.lineage == lineage && s.status.is_open())
            .map(|(t, _)| t.id)
    };
    let rows = fw
        .clusters
        .iter()
        .flat_map(|c| c.behaviours.iter().map(move |b| (c, b)))
        .zip(profile)
        .map(|((c, b), coach)| {
            let mine = own.and_then(|(_, levels)| levels.get(&b.lineage));
            BenchmarkRow {
                behaviour_id: b.id,
                lineage: b.lineage.clone(),
                name: b.name.clone(),
                cluster: c.name.clone(),
                self_level: mine.map(|m| m.0),
                self_example: mine.map(|m| m.1.clone()).unwrap_or_default(),
                gap: gap(mine.map(|m| m.0), coach.as_ref()),
                coach,
                open_target: open_on(&b.lineage),
            }
        })
        .collect();
    let scored_calls = scored
        .iter()
        .filter(|s| benchmark::in_window(s.call_at, now, days))
        .map(|s| s.review_id)
        .collect::<HashSet<_>>()
        .len();
    let recent = practice_session::Entity::find()
        .filter(practice_session::Column::OrgId.eq(caller.org_id))
        .filter(practice_session::Column::AgentId.eq(agent.id))
        .order_by_desc(practice_session::Column::PractisedOn)
        .order_by_desc(practice_session::Column::Id)
        .limit(5)
        .all(db)
        .await?;
    let practice = practice_views(db, recent, &fw, &all).await?;
    let agents = if access::permits_any(caller.roles, Action::ViewTeamOverview) {
        agent_refs(db, caller.org_id, &agents_in_reach(db, &vis).await?).await?
    } else {
        vec![]
    };
    Ok(BenchmarkView {
        agent: agent_refs(db, caller.org_id, std::slice::from_ref(&agent))
            .await?
            .remove(0),
        days,
        framework_version: fw.version,
        self_assessed_on: own.map(|(at, _)| day(*at)),
        rows,
        scored_calls,
        targets: summaries,
        practice,
        is_self: agent.id == caller.id,
        agents,
    })
}

// ---- Self-assessment --------------------------------------------------------

pub async fn self_assessment_form(cx: &Ctx) -> Result<SelfAssessmentForm, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require_on(Action::SelfAssess, Relation::Own)?;
    let fw = current_framework(db, caller.org_id).await?;
    let latest = latest_self(db, caller.org_id, &[caller.id]).await?;
    let latest = latest.get(&caller.id);
    let previous = latest
        .map(|(_, levels)| {
            fw.behaviours()
                .filter_map(|b| levels.get(&b.lineage).map(|(l, e)| (b.id, *l, e.clone())))
                .collect()
        })
        .unwrap_or_default();
    Ok(SelfAssessmentForm {
        framework: fw,
        previous,
        previous_on: latest.map(|(at, _)| day(*at)),
    })
}

/// Saves a complete self-assessment on the current framework. `ratings`:
/// (behaviour id, level 1–5, example).
pub async fn save_self_assessment(
    cx: &Ctx,
    ratings: Vec<(i32, i16, String)>,
) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require_on(Action::SelfAssess, Relation::Own)?;
    let fw = current_framework(db, caller.org_id).await?;
    let behaviours: Vec<(i32, String)> = fw.behaviours().map(|b| (b.id, b.name.clone())).collect();
    let given: Vec<SelfRatingInput> = ratings
        .into_iter()
        .map(|(behaviour_id, level, example)| SelfRatingInput {
            behaviour_id,
            level,
            example: example.trim().to_string(),
        })
        .collect();
    benchmark::check_self_assessment(&behaviours, &given)
        .map_err(|(id, message)| AppError::invalid(&format!("behaviour-{id}"), message))?;
    let lineage: HashMap<i32, String> =
        fw.behaviours().map(|b| (b.id, b.lineage.clone())).collect();
    let txn = db.begin().await?;
    let saved = self_assessment::ActiveModel {
        org_id: Set(caller.org_id),
        agent_id: Set(caller.id),
        framework_id: Set(fw.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    self_rating::Entity::insert_many(given.into_iter().map(|r| self_rating::ActiveModel {
        assessment_id: Set(saved.id),
        behaviour_id: Set(r.behaviour_id),
        lineage: Set(lineage.get(&r.behaviour_id).cloned().unwrap_or_default()),
        level: Set(r.level),
        example: Set(r.example),
        ..Default::default()
    }))
    .exec(&txn)
    .await?;
    txn.commit().await?;
    Ok(saved.id)
}

pub async fn self_assessment_history(
    cx: &Ctx,
    agent_id: Option<i32>,
) -> Result<SelfAssessmentHistory, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let vis = Visibility::of(db, caller).await?;
    let agent = agent_for(db, caller, &vis, agent_id).await?;
    let fw = current_framework(db, caller.org_id).await?;
    let all = lineage_map(db, caller.org_id).await?;
    let assessments = self_assessment::Entity::find()
        .filter(self_assessment::Column::OrgId.eq(caller.org_id))
        .filter(self_assessment::Column::AgentId.eq(agent.id))
        .order_by_desc(self_assessment::Column::CreatedAt)
        .order_by_desc(self_assessment::Column::Id)
        .limit(24)
        .all(db)
        .await?;
    let versions: HashMap<i32, i32> = framework::Entity::find()
        .filter(framework::Column::OrgId.eq(caller.org_id))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f.version))
        .collect();
    let ids: Vec<i32> = assessments.iter().map(|a| a.id).collect();
    let ratings = self_rating::Entity::find()
        .filter(self_rating::Column::AssessmentId.is_in(ids.clone()))
        .all(db)
        .await?;
    // Current behaviours first, in framework order; then any retired ones.
    let mut lineages: Vec<String> = fw.behaviours().map(|b| b.lineage.clone()).collect();
    for r in &ratings {
        if !lineages.contains(&r.lineage) {
            lineages.push(r.lineage.clone());
        }
    }
    let behaviours = lineages
        .iter()
        .map(|l| {
            let (levels, examples) = ids
                .iter()
                .map(|id| {
                    ratings
                        .iter()
                        .find(|r| r.assessment_id == *id && &r.lineage == l)
                        .map_or((None, String::new()), |r| {
                            (Some(r.level.clamp(1, 5) as u8), r.example.clone())
                        })
                })
                .unzip();
            (behaviour_name(&fw, &all, l), levels, examples)
        })
        .collect();
    Ok(SelfAssessmentHistory {
        agent: agent_refs(db, caller.org_id, std::slice::from_ref(&agent))
            .await?
            .remove(0),
        is_self: agent.id == caller.id,
        assessments: assessments
            .iter()
            .map(|a| SelfAssessmentEntry {
                id: a.id,
                on: day(a.created_at),
                framework_version: versions.get(&a.framework_id).copied().unwrap_or(0),
            })
            .collect(),
        behaviours,
    })
}

// ---- The coach's team view --------------------------------------------------

pub async fn team_overview(cx: &Ctx) -> Result<Vec<TeamAgentRow>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ViewTeamOverview)?;
    let vis = Visibility::of(db, caller).await?;
    let agents: Vec<user::Model> = agents_in_reach(db, &vis)
        .await?
        .into_iter()
        .filter(|a| a.id != caller.id)
        .collect();
    let ids: Vec<i32> = agents.iter().map(|a| a.id).collect();
    let now = Utc::now();
    let fw = current_framework(db, caller.org_id).await?;
    let all = lineage_map(db, caller.org_id).await?;
    let targets = agent_targets(db, caller.org_id, &ids).await?;
    let since = since_for(&targets, now - Duration::days(DEFAULT_WINDOW_DAYS));
    let scored = scored_ratings(db, caller.org_id, &ids, since).await?;
    let own = latest_self(db, caller.org_id, &ids).await?;
    let mut last_practice: HashMap<i32, chrono::NaiveDate> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        for (agent, on) in practice_session::Entity::find()
            .select_only()
            .column(practice_session::Column::AgentId)
            .column(practice_session::Column::PractisedOn)
            .filter(practice_session::Column::AgentId.is_in(chunk.to_vec()))
            .into_tuple::<(i32, chrono::NaiveDate)>()
            .all(db)
            .await?
        {
            let e = last_practice.entry(agent).or_insert(on);
            *e = (*e).max(on);
        }
    }
    let refs = agent_refs(db, caller.org_id, &agents).await?;
    Ok(refs
        .into_iter()
        .map(|agent| {
            let profile = profile_of(&fw, &scored, agent.id, now, DEFAULT_WINDOW_DAYS);
            let mine = own.get(&agent.id);
            let (mut blind, mut hidden) = (vec![], vec![]);
            for (b, coach) in fw.behaviours().zip(&profile) {
                let level = mine.and_then(|(_, l)| l.get(&b.lineage)).map(|m| m.0);
                match gap(level, coach.as_ref()) {
                    benchmark::Gap::BlindSpot => blind.push(b.name.clone()),
                    benchmark::Gap::HiddenStrength => hidden.push(b.name.clone()),
                    _ => {}
                }
            }
            let scored_calls = scored
                .iter()
                .filter(|s| {
                    s.agent_id == agent.id
                        && benchmark::in_window(s.call_at, now, DEFAULT_WINDOW_DAYS)
                })
                .map(|s| s.review_id)
                .collect::<HashSet<_>>()
                .len();
            TeamAgentRow {
                self_assessed_on: mine.map(|(at, _)| day(*at)),
                scored_calls,
                blind_spots: blind,
                hidden_strengths: hidden,
                targets: targets
                    .iter()
                    .filter(|t| t.agent_id == agent.id)
                    .map(|t| summary_of(t, behaviour_name(&fw, &all, &t.lineage), &scored, now))
                    .collect(),
                last_practice: last_practice
                    .get(&agent.id)
                    .map(|d| d.format("%-d %b %Y").to_string()),
                agent,
            }
        })
        .collect())
}
