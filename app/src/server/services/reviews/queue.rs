//! What waits for the person: drafts, disputes, new reviews, calls to
//! score, and notifications.

use crate::domain::access::{self, Action, Relation};
use crate::domain::lifecycle::ReviewStatus;
use crate::error::AppError;
use crate::server::entities::{call, notification, review};
use crate::server::kernel::names::Names;
use crate::server::kernel::{Clock, Ctx, Visibility};
use crate::server::services::calls::{self};
use crate::server::services::sampling;
use crate::types::{CallRow, NotificationView, ReviewListItem, ReviewQueue};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use std::collections::HashMap;

pub(super) fn list_item(
    r: &review::Model,
    people: &HashMap<i32, String>,
    occurred: &HashMap<i32, String>,
    clock: &Clock,
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
        submitted_on: r.submitted_at.map(|t| clock.day(t)),
    }
}

/// A coach's latest drafts (the queue shows 20).
pub fn drafts_of(org_id: i32, coach_id: i32) -> Select<review::Entity> {
    review::ordinary()
        .filter(review::Column::OrgId.eq(org_id))
        .filter(review::Column::CoachId.eq(coach_id))
        .filter(review::status_is(ReviewStatus::Draft))
        .order_by_desc(review::Column::UpdatedAt)
        .limit(20)
}

/// The organisation's open disputes, but for those of the coach's own
/// reviews (someone else resolves those).
pub fn disputes_in(org_id: i32, coach_id: i32) -> Select<review::Entity> {
    review::ordinary()
        .filter(review::Column::OrgId.eq(org_id))
        .filter(review::status_is(ReviewStatus::Disputed))
        .filter(review::Column::CoachId.ne(coach_id))
}

/// What needs the caller's attention: their drafts, disputes they can
/// resolve, their own reviews as an agent, and unreviewed calls to score.
pub async fn queue(cx: &Ctx) -> Result<ReviewQueue, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let scope = Visibility::of(db, caller).await?;
    let drafts = drafts_of(caller.org_id, caller.id).all(db).await?;
    let disputes: Vec<review::Model> = if access::permits_any(caller.roles, Action::ResolveDispute)
    {
        disputes_in(caller.org_id, caller.id)
            .all(db)
            .await?
            .into_iter()
            .filter(|r| caller.may(Action::ResolveDispute, scope.team_relation(r.team_id)))
            .collect()
    } else {
        vec![]
    };
    let mine = review::ordinary()
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
    let reviews = || drafts.iter().chain(&disputes).chain(&mine);
    let names = Names::of(
        db,
        caller.org_id,
        reviews()
            .flat_map(|r| [r.agent_id, r.coach_id])
            .chain(unreviewed.iter().map(|c| c.agent_id)),
        unreviewed.iter().map(|c| c.team_id),
    )
    .await?;
    let people = &names.people;
    let call_ids: Vec<i32> = reviews().map(|r| r.call_id).collect();
    let at: HashMap<i32, DateTime<Utc>> = call::Entity::find()
        .select_only()
        .columns([call::Column::Id, call::Column::OccurredAt])
        .filter(call::Column::Id.is_in(call_ids))
        .into_tuple::<(i32, DateTime<Utc>)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    // An agent reads their reviews by when the call happened, as the
    // labels say, not by when each was scored.
    let mut mine = mine;
    mine.sort_by_key(|r| std::cmp::Reverse((at.get(&r.call_id).copied(), r.id)));
    let occurred: HashMap<i32, String> = at
        .iter()
        .map(|(id, t)| (*id, caller.clock.when(*t)))
        .collect();
    Ok(ReviewQueue {
        drafts: drafts
            .iter()
            .map(|r| list_item(r, people, &occurred, &caller.clock))
            .collect(),
        disputes: disputes
            .iter()
            .map(|r| list_item(r, people, &occurred, &caller.clock))
            .collect(),
        mine: mine
            .iter()
            .map(|r| list_item(r, people, &occurred, &caller.clock))
            .collect(),
        unreviewed: unreviewed
            .iter()
            .map(|c| calls::row_of(c, &names, &caller.clock))
            .collect::<Vec<CallRow>>(),
        assigned: sampling::assigned_to_me(cx).await?,
    })
}

/// The call a coach would score next, other than `except`: the first of
/// their assigned sample calls still to score (by due date), else the
/// newest unreviewed call they may score.
pub async fn next_to_score(cx: &Ctx, except: i32) -> Result<Option<i32>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    if !access::permits_any(caller.roles, Action::ScoreCall) {
        return Ok(None);
    }
    if let Some(a) = sampling::assigned_to_me(cx)
        .await?
        .into_iter()
        .find(|a| a.call_id != except)
    {
        return Ok(Some(a.call_id));
    }
    let scope = Visibility::of(db, caller).await?;
    let mut q = call::Entity::find()
        .select_only()
        .column(call::Column::Id)
        .filter(scope.call_condition())
        .filter(call::Column::Reviewed.eq(false))
        .filter(call::Column::AgentId.ne(caller.id))
        .filter(call::Column::Id.ne(except));
    if !caller.may(Action::ScoreCall, Relation::Organisation) {
        q = q.filter(call::Column::TeamId.is_in(scope.teams.clone()));
    }
    Ok(q.order_by_desc(call::Column::OccurredAt)
        .order_by_desc(call::Column::Id)
        .into_tuple::<i32>()
        .one(db)
        .await?)
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
            when: caller.clock.when(n.created_at),
            read: n.read_at.is_some(),
        })
        .collect())
}

pub async fn mark_read(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let marked = notification::Entity::update_many()
        .col_expr(
            notification::Column::ReadAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(notification::Column::UserId.eq(caller.id))
        .filter(notification::Column::Id.eq(id))
        .exec(db)
        .await?;
    // Someone else's notification reads exactly like one that never was.
    if marked.rows_affected == 0 {
        return Err(AppError::not_found("That notification"));
    }
    Ok(())
}
