//! Reviews: a coach scores a call against the framework version current
//! when the review started; the agent acknowledges or disputes; another
//! coach or a leader resolves the dispute. Every change to a submitted
//! review is written to the audit log.

use super::calls::{self, can_score, visible_call};
use super::frameworks::{self, view_of};
use crate::domain::access::{self, Action, Relation};
use crate::domain::lifecycle::{DisputeOutcome, EvidenceKind, MembershipKind, ReviewStatus};
use crate::domain::scoring::{score, Rating, ScoreOutcome, ScoredItem};
use crate::error::AppError;
use crate::server::entities::{
    audit, call, framework, notification, review, review_evidence as ev, review_rating,
    team_member, user,
};
use crate::server::kernel::audit::{self as audit_log, Change};
use crate::server::kernel::dates::{day, when};
use crate::server::kernel::names::Names;
use crate::server::kernel::notify::notify;
use crate::server::kernel::{AuthUser, Ctx, InOrg, Visibility};
use crate::types::{
    AuditEntry, CallRow, EvidenceView, FrameworkView, NotificationView, ReviewListItem,
    ReviewQueue, ReviewView,
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use std::collections::HashMap;

const MAX_TEXT: usize = 4000;

/// A review the caller may read: its call is in their scope, and a draft
/// only for its author.
async fn visible_review(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<(review::Model, call::Model, Visibility), AppError> {
    let r = review::Entity::get_in_org(db, caller.org_id, id).await?;
    let (c, scope) = visible_call(db, caller, r.call_id)
        .await
        .map_err(|_| AppError::not_found("That review"))?;
    if r.status == ReviewStatus::Draft && r.coach_id != caller.id {
        return Err(AppError::not_found("That review"));
    }
    Ok((r, c, scope))
}

async fn ratings_of(
    db: &impl ConnectionTrait,
    review_id: i32,
) -> Result<HashMap<i32, Rating>, AppError> {
    Ok(review_rating::Entity::find()
        .filter(review_rating::Column::ReviewId.eq(review_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| Rating::from_code(r.rating).map(|x| (r.behaviour_id, x)))
        .collect())
}

fn outcome(fw: &FrameworkView, ratings: &HashMap<i32, Rating>) -> ScoreOutcome {
    let items: Vec<ScoredItem> = fw
        .behaviours()
        .map(|b| ScoredItem {
            weight: b.weight,
            critical: b.critical,
            rating: ratings.get(&b.id).copied(),
        })
        .collect();
    score(&items)
}

async fn write_audit(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    review_id: i32,
    action: &str,
    before: Option<String>,
    after: Option<String>,
) -> Result<(), AppError> {
    let change = Change {
        entity: "review",
        entity_id: review_id,
        action,
        before,
        after,
    };
    audit_log::record(db, caller, change).await
}

/// Opens the caller's review of a call, starting a draft on the current
/// framework if there is none yet.
pub async fn start(cx: &Ctx, call_id: i32) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (c, scope) = visible_call(db, caller, call_id).await?;
    if !can_score(caller, &scope, &c) {
        return Err(AppError::Forbidden);
    }
    if let Some(existing) = review::Entity::find()
        .filter(review::Column::CallId.eq(c.id))
        .filter(review::Column::CoachId.eq(caller.id))
        .one(db)
        .await?
    {
        return Ok(existing.id);
    }
    let fw = frameworks::current(db, caller.org_id).await?;
    let now = Utc::now();
    let r = review::ActiveModel {
        org_id: Set(caller.org_id),
        call_id: Set(c.id),
        agent_id: Set(c.agent_id),
        team_id: Set(c.team_id),
        coach_id: Set(caller.id),
        framework_id: Set(fw.id),
        status: Set(ReviewStatus::Draft),
        score: Set(None),
        raw_score: Set(None),
        critical_fail: Set(false),
        strengths: Set(String::new()),
        development: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(r.id)
}

pub async fn view(cx: &Ctx, id: i32) -> Result<ReviewView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (r, c, scope) = visible_review(db, caller, id).await?;
    let fw = framework::Entity::get_in_org(db, caller.org_id, r.framework_id).await?;
    let framework = view_of(db, fw).await?;
    let ratings = ratings_of(db, r.id).await?;
    let evidence = ev::Entity::find()
        .filter(ev::Column::ReviewId.eq(r.id))
        .order_by_asc(ev::Column::AtMs)
        .order_by_asc(ev::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|e| EvidenceView {
            id: e.id,
            behaviour_id: e.behaviour_id,
            kind: e.kind,
            at_ms: e.at_ms,
            cue_index: e.cue_index,
            note: e.note,
        })
        .collect();
    let names = Names::of_org(db, caller.org_id).await?;
    let people = &names.people;
    let audit = if access::permits_any(caller.roles, Action::ReadAudit) {
        audit::Entity::find()
            .filter(audit::Column::OrgId.eq(caller.org_id))
            .filter(audit::Column::Entity.eq("review"))
            .filter(audit::Column::EntityId.eq(r.id))
            .order_by_asc(audit::Column::At)
            .all(db)
            .await?
            .into_iter()
            .map(|a| AuditEntry {
                at: when(a.at),
                actor: people.get(&a.actor_id).cloned().unwrap_or_default(),
                action: a.action,
                before: a.before,
                after: a.after,
            })
            .collect()
    } else {
        vec![]
    };
    let can_resolve = r.status == ReviewStatus::Disputed
        && r.coach_id != caller.id
        && can_score(caller, &scope, &c);
    let call = calls::detail_of(db, caller, &scope, c, &names).await?;
    Ok(ReviewView {
        id: r.id,
        can_score: r.status == ReviewStatus::Draft && r.coach_id == caller.id,
        can_respond: r.status == ReviewStatus::Submitted && r.agent_id == caller.id,
        can_resolve,
        status: r.status,
        call,
        coach: people.get(&r.coach_id).cloned().unwrap_or_default(),
        coach_id: r.coach_id,
        framework,
        ratings: ratings.iter().map(|(b, x)| (*b, *x)).collect(),
        evidence,
        strengths: r.strengths,
        development: r.development,
        submitted_on: r.submitted_at.map(day),
        acknowledged_on: r.acknowledged_at.map(day),
        dispute_reason: r.dispute_reason,
        resolution: r.resolution,
        resolution_note: r.resolution_note,
        resolved_by: r.resolved_by.and_then(|id| people.get(&id).cloned()),
        audit,
    })
}

async fn own_draft(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<(review::Model, FrameworkView), AppError> {
    let (r, _, _) = visible_review(db, caller, id).await?;
    if r.coach_id != caller.id {
        return Err(AppError::Forbidden);
    }
    if r.status != ReviewStatus::Draft {
        return Err(AppError::Conflict(
            "This review has been submitted and can no longer be edited.".into(),
        ));
    }
    let fw = framework::Entity::get_in_org(db, caller.org_id, r.framework_id).await?;
    Ok((r, view_of(db, fw).await?))
}

fn check_ratings(
    fw: &FrameworkView,
    ratings: &[(i32, Rating)],
) -> Result<HashMap<i32, Rating>, AppError> {
    let mut out = HashMap::new();
    for (behaviour_id, rating) in ratings {
        fw.behaviours()
            .find(|b| b.id == *behaviour_id)
            .ok_or_else(|| {
                AppError::invalid(
                    "ratings",
                    "A rating refers to a behaviour that is not in this review's framework.",
                )
            })?;
        out.insert(*behaviour_id, *rating);
    }
    Ok(out)
}

fn check_text(field_name: &str, label: &str, text: &str) -> Result<String, AppError> {
    let t = text.trim();
    if t.chars().count() > MAX_TEXT {
        return Err(AppError::invalid(
            field_name,
            format!("{label} can be at most {MAX_TEXT} characters."),
        ));
    }
    Ok(t.to_string())
}

async fn replace_ratings(
    db: &impl ConnectionTrait,
    review_id: i32,
    ratings: &HashMap<i32, Rating>,
) -> Result<(), AppError> {
    review_rating::Entity::delete_many()
        .filter(review_rating::Column::ReviewId.eq(review_id))
        .exec(db)
        .await?;
    if !ratings.is_empty() {
        review_rating::Entity::insert_many(ratings.iter().map(|(b, r)| {
            review_rating::ActiveModel {
                review_id: Set(review_id),
                behaviour_id: Set(*b),
                rating: Set(r.code()),
                ..Default::default()
            }
        }))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// Saves a draft: ratings so far and the written feedback.
pub async fn save(
    cx: &Ctx,
    id: i32,
    ratings: Vec<(i32, Rating)>,
    strengths: &str,
    development: &str,
) -> Result<ScoreOutcome, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (r, fw) = own_draft(db, caller, id).await?;
    let ratings = check_ratings(&fw, &ratings)?;
    let strengths = check_text("strengths", "Strengths", strengths)?;
    let development = check_text("development", "Development points", development)?;
    let result = outcome(&fw, &ratings);
    let txn = db.begin().await?;
    replace_ratings(&txn, r.id, &ratings).await?;
    let mut active: review::ActiveModel = r.into();
    active.strengths = Set(strengths);
    active.development = Set(development);
    active.score = Set(result.score);
    active.raw_score = Set(result.unweighted_by_critical);
    active.critical_fail = Set(result.critical_fail);
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(result)
}

pub struct NewEvidence {
    pub behaviour_id: Option<i32>,
    pub kind: EvidenceKind,
    pub at_ms: Option<i32>,
    pub cue_index: Option<i32>,
    pub note: String,
}

pub async fn add_evidence(cx: &Ctx, id: i32, e: NewEvidence) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (r, fw) = own_draft(db, caller, id).await?;
    let kind = e.kind;
    if let Some(b) = e.behaviour_id {
        if !fw.behaviours().any(|x| x.id == b) {
            return Err(AppError::invalid(
                "behaviour_id",
                "Choose a behaviour of this review's framework.",
            ));
        }
    } else if kind == EvidenceKind::Tally {
        return Err(AppError::invalid(
            "behaviour_id",
            "A tally counts one behaviour: choose it.",
        ));
    }
    if e.at_ms.is_some_and(|t| t < 0) {
        return Err(AppError::invalid("at_ms", "The time cannot be negative."));
    }
    let note = e.note.trim();
    if kind == EvidenceKind::Note && note.is_empty() {
        return Err(AppError::invalid(
            "note",
            "Write the note before pinning it.",
        ));
    }
    if note.chars().count() > 1000 {
        return Err(AppError::invalid(
            "note",
            "A note can be at most 1000 characters.",
        ));
    }
    let m = ev::ActiveModel {
        review_id: Set(r.id),
        behaviour_id: Set(e.behaviour_id),
        kind: Set(kind),
        at_ms: Set(e.at_ms),
        cue_index: Set(e.cue_index),
        note: Set(note.to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(m.id)
}

pub async fn remove_evidence(cx: &Ctx, id: i32, evidence_id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (r, _) = own_draft(db, caller, id).await?;
    let deleted = ev::Entity::delete_many()
        .filter(ev::Column::ReviewId.eq(r.id))
        .filter(ev::Column::Id.eq(evidence_id))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(AppError::not_found("That note"));
    }
    Ok(())
}

fn summary(result: &ScoreOutcome) -> String {
    match (result.score, result.critical_fail) {
        (_, true) => format!(
            "critical fail (weighted score {})",
            result
                .unweighted_by_critical
                .map_or("–".into(), |s| format!("{s:.1}"))
        ),
        (Some(s), false) => format!("{s:.1}"),
        (None, false) => "no score".into(),
    }
}

pub async fn submit(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (r, fw) = own_draft(db, caller, id).await?;
    let ratings = ratings_of(db, r.id).await?;
    let missing: Vec<&str> = fw
        .behaviours()
        .filter(|b| !ratings.contains_key(&b.id))
        .map(|b| b.name.as_str())
        .collect();
    if !missing.is_empty() {
        return Err(AppError::invalid(
            "ratings",
            format!(
                "Rate every behaviour before submitting ({} left: {}). Use N/A where there was no opportunity.",
                missing.len(),
                missing.join(", ")
            ),
        ));
    }
    if r.strengths.trim().is_empty() {
        return Err(AppError::invalid(
            "strengths",
            "Write at least one strength before submitting.",
        ));
    }
    if r.development.trim().is_empty() {
        return Err(AppError::invalid(
            "development",
            "Write one or two development points before submitting.",
        ));
    }
    let result = outcome(&fw, &ratings);
    let now = Utc::now();
    let txn = db.begin().await?;
    let (review_id, call_id, agent_id) = (r.id, r.call_id, r.agent_id);
    let mut active: review::ActiveModel = r.into();
    active.status = Set(ReviewStatus::Submitted);
    active.score = Set(result.score);
    active.raw_score = Set(result.unweighted_by_critical);
    active.critical_fail = Set(result.critical_fail);
    active.submitted_at = Set(Some(now));
    active.updated_at = Set(now);
    active.update(&txn).await?;
    call::Entity::update_many()
        .col_expr(
            call::Column::Reviewed,
            sea_orm::sea_query::Expr::value(true),
        )
        .filter(call::Column::Id.eq(call_id))
        .exec(&txn)
        .await?;
    write_audit(
        &txn,
        caller,
        review_id,
        "submitted",
        None,
        Some(summary(&result)),
    )
    .await?;
    notify(
        &txn,
        caller.org_id,
        agent_id,
        format!(
            "{} reviewed one of your calls: {}.",
            caller.name,
            summary(&result)
        ),
        format!("/reviews/{review_id}"),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

async fn agents_review(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<review::Model, AppError> {
    let (r, _, _) = visible_review(db, caller, id).await?;
    if r.agent_id != caller.id {
        return Err(AppError::Forbidden);
    }
    if r.status != ReviewStatus::Submitted {
        return Err(AppError::Conflict(format!(
            "This review is already {}.",
            r.status
        )));
    }
    Ok(r)
}

pub async fn acknowledge(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let r = agents_review(db, caller, id).await?;
    let txn = db.begin().await?;
    let review_id = r.id;
    let mut active: review::ActiveModel = r.into();
    active.status = Set(ReviewStatus::Acknowledged);
    active.acknowledged_at = Set(Some(Utc::now()));
    active.update(&txn).await?;
    write_audit(&txn, caller, review_id, "acknowledged", None, None).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn dispute(cx: &Ctx, id: i32, reason: &str) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let r = agents_review(db, caller, id).await?;
    let reason = reason.trim();
    if reason.chars().count() < 10 {
        return Err(AppError::invalid(
            "reason",
            "Say what you disagree with and why (at least 10 characters).",
        ));
    }
    if reason.chars().count() > 2000 {
        return Err(AppError::invalid(
            "reason",
            "A reason can be at most 2000 characters.",
        ));
    }
    let txn = db.begin().await?;
    let (review_id, team_id, coach_id) = (r.id, r.team_id, r.coach_id);
    let mut active: review::ActiveModel = r.into();
    active.status = Set(ReviewStatus::Disputed);
    active.dispute_reason = Set(Some(reason.to_string()));
    active.disputed_at = Set(Some(Utc::now()));
    active.update(&txn).await?;
    write_audit(
        &txn,
        caller,
        review_id,
        "disputed",
        None,
        Some(reason.to_string()),
    )
    .await?;
    // Whoever can resolve it: the team's other coaches and the leaders.
    let coaches: Vec<i32> = team_member::Entity::find()
        .filter(team_member::Column::TeamId.eq(team_id))
        .filter(team_member::Column::Role.eq(MembershipKind::Coach))
        .all(&txn)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    let leaders: Vec<i32> = user::Entity::find()
        .filter(user::Column::OrgId.eq(caller.org_id))
        .filter(user::Column::IsLeader.eq(true))
        .filter(user::Column::Active.eq(true))
        .all(&txn)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    let mut to: Vec<i32> = coaches.into_iter().chain(leaders).collect();
    to.push(coach_id);
    to.sort_unstable();
    to.dedup();
    for uid in to.into_iter().filter(|u| *u != caller.id) {
        notify(
            &txn,
            caller.org_id,
            uid,
            format!("{} disputed a review.", caller.name),
            format!("/reviews/{review_id}"),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

fn describe_ratings(fw: &FrameworkView, ratings: &HashMap<i32, Rating>, only: &[i32]) -> String {
    fw.behaviours()
        .filter(|b| only.contains(&b.id))
        .map(|b| {
            format!(
                "{}: {}",
                b.name,
                ratings.get(&b.id).map_or("unrated".into(), |r| r.short())
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Resolves a dispute: `upheld` keeps the scores; `amended` replaces the
/// ratings given, and the change is audited with its before and after.
pub async fn resolve(
    cx: &Ctx,
    id: i32,
    outcome_kind: DisputeOutcome,
    note: &str,
    amended: Vec<(i32, Rating)>,
) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (r, c, scope) = visible_review(db, caller, id).await?;
    if r.status != ReviewStatus::Disputed {
        return Err(AppError::Conflict(
            "This review is not under dispute.".into(),
        ));
    }
    if r.coach_id == caller.id || !can_score(caller, &scope, &c) {
        return Err(AppError::Forbidden);
    }
    let note = note.trim();
    if note.is_empty() {
        return Err(AppError::invalid(
            "note",
            "Explain the decision to the agent and the coach.",
        ));
    }
    let note = check_text("note", "The note", note)?;
    let fw = view_of(
        db,
        framework::Entity::get_in_org(db, caller.org_id, r.framework_id).await?,
    )
    .await?;
    let before = ratings_of(db, r.id).await?;
    let txn = db.begin().await?;
    let (review_id, agent_id, coach_id) = (r.id, r.agent_id, r.coach_id);
    let mut active: review::ActiveModel = r.clone().into();
    match outcome_kind {
        DisputeOutcome::Upheld => {
            write_audit(
                &txn,
                caller,
                review_id,
                "dispute upheld",
                None,
                Some(note.clone()),
            )
            .await?;
        }
        DisputeOutcome::Amended => {
            let changes = check_ratings(&fw, &amended)?;
            let changed: Vec<i32> = changes
                .iter()
                .filter(|(b, x)| before.get(b) != Some(x))
                .map(|(b, _)| *b)
                .collect();
            if changed.is_empty() {
                return Err(AppError::invalid(
                    "ratings",
                    "Change at least one rating to amend the review, or uphold it.",
                ));
            }
            let mut after = before.clone();
            after.extend(changes);
            let before_score = outcome(&fw, &before);
            let after_score = outcome(&fw, &after);
            replace_ratings(&txn, review_id, &after).await?;
            active.score = Set(after_score.score);
            active.raw_score = Set(after_score.unweighted_by_critical);
            active.critical_fail = Set(after_score.critical_fail);
            write_audit(
                &txn,
                caller,
                review_id,
                "amended",
                Some(format!(
                    "{} (score {})",
                    describe_ratings(&fw, &before, &changed),
                    summary(&before_score)
                )),
                Some(format!(
                    "{} (score {})",
                    describe_ratings(&fw, &after, &changed),
                    summary(&after_score)
                )),
            )
            .await?;
        }
    }
    active.status = Set(ReviewStatus::Resolved);
    active.resolution = Set(Some(outcome_kind));
    active.resolution_note = Set(Some(note));
    active.resolved_by = Set(Some(caller.id));
    active.resolved_at = Set(Some(Utc::now()));
    active.updated_at = Set(Utc::now());
    active.update(&txn).await?;
    for uid in [agent_id, coach_id] {
        notify(
            &txn,
            caller.org_id,
            uid,
            format!("{} {} the disputed review.", caller.name, outcome_kind),
            format!("/reviews/{review_id}"),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

fn list_item(
    r: &review::Model,
    people: &HashMap<i32, String>,
    occurred: &HashMap<i32, String>,
) -> ReviewListItem {
    ReviewListItem {
        id: r.id,
        call_id: r.call_id,
        agent: people.get(&r.agent_id).cloned().unwrap_or_default(),
        coach: people.get(&r.coach_id).cloned().unwrap_or_default(),
        status: r.status,
        score: r.score,
        critical_fail: r.critical_fail,
        occurred: occurred.get(&r.call_id).cloned().unwrap_or_default(),
        submitted_on: r.submitted_at.map(day),
    }
}

/// What needs the caller's attention: their drafts, disputes they can
/// resolve, their own reviews as an agent, and unreviewed calls to score.
pub async fn queue(cx: &Ctx) -> Result<ReviewQueue, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let scope = Visibility::of(db, caller).await?;
    let drafts = review::Entity::find()
        .filter(review::Column::OrgId.eq(caller.org_id))
        .filter(review::Column::CoachId.eq(caller.id))
        .filter(review::Column::Status.eq(ReviewStatus::Draft))
        .order_by_desc(review::Column::UpdatedAt)
        .limit(20)
        .all(db)
        .await?;
    let disputes: Vec<review::Model> = if access::permits_any(caller.roles, Action::ResolveDispute)
    {
        review::Entity::find()
            .filter(review::Column::OrgId.eq(caller.org_id))
            .filter(review::Column::Status.eq(ReviewStatus::Disputed))
            .filter(review::Column::CoachId.ne(caller.id))
            .all(db)
            .await?
            .into_iter()
            .filter(|r| caller.may(Action::ResolveDispute, scope.team_relation(r.team_id)))
            .collect()
    } else {
        vec![]
    };
    let mine = review::Entity::find()
        .filter(review::Column::OrgId.eq(caller.org_id))
        .filter(review::Column::AgentId.eq(caller.id))
        .filter(review::Column::Status.ne(ReviewStatus::Draft))
        .order_by_desc(review::Column::SubmittedAt)
        .limit(50)
        .all(db)
        .await?;
    let unreviewed = if access::permits_any(caller.roles, Action::ScoreCall) {
        let mut q = call::Entity::find()
            .filter(scope.call_condition())
            .filter(call::Column::Reviewed.eq(false))
            .filter(call::Column::AgentId.ne(caller.id));
        if !caller.may(Action::ScoreCall, Relation::Organisation) {
            q = q.filter(call::Column::TeamId.is_in(scope.teams.clone()));
        }
        q.order_by_desc(call::Column::OccurredAt)
            .limit(8)
            .all(db)
            .await?
    } else {
        vec![]
    };
    let names = Names::of_org(db, caller.org_id).await?;
    let people = &names.people;
    let call_ids: Vec<i32> = drafts
        .iter()
        .chain(&disputes)
        .chain(&mine)
        .map(|r| r.call_id)
        .collect();
    let occurred: HashMap<i32, String> = call::Entity::find()
        .filter(call::Column::Id.is_in(call_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, when(c.occurred_at)))
        .collect();
    Ok(ReviewQueue {
        drafts: drafts
            .iter()
            .map(|r| list_item(r, people, &occurred))
            .collect(),
        disputes: disputes
            .iter()
            .map(|r| list_item(r, people, &occurred))
            .collect(),
        mine: mine
            .iter()
            .map(|r| list_item(r, people, &occurred))
            .collect(),
        unreviewed: unreviewed
            .iter()
            .map(|c| calls::row_of(c, &names))
            .collect::<Vec<CallRow>>(),
    })
}

pub async fn notifications(cx: &Ctx) -> Result<Vec<NotificationView>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    Ok(notification::Entity::find()
        .filter(notification::Column::UserId.eq(caller.id))
        .filter(notification::Column::OrgId.eq(caller.org_id))
        .order_by_desc(notification::Column::CreatedAt)
        .limit(20)
        .all(db)
        .await?
        .into_iter()
        .map(|n| NotificationView {
            id: n.id,
            text: n.text,
            link: n.link,
            when: when(n.created_at),
            read: n.read_at.is_some(),
        })
        .collect())
}

pub async fn mark_read(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    notification::Entity::update_many()
        .col_expr(
            notification::Column::ReadAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(notification::Column::UserId.eq(caller.id))
        .filter(notification::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
