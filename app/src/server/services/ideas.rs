//! Service ideas (seed 002): anyone in the organisation logs one, leaders
//! agree, put into practice or decline them; listed and exported.

use crate::domain::access::{Action, Relation};
use crate::domain::complaints::optional_text;
use crate::domain::ideas::{check_title, IdeaStatus};
use crate::domain::lifecycle::AuditSubject;
use crate::error::AppError;
use crate::server::entities::idea;
use crate::server::kernel::audit::{self, Change};
use crate::server::kernel::csv::CsvTable;
use crate::server::kernel::forms::field;
use crate::server::kernel::names::names_of;
use crate::server::kernel::notify::notify;
use crate::server::kernel::{Ctx, InOrg};
use crate::server::services::complaints::idea_row;
use crate::types::{IdeaList, NewIdea};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use std::collections::HashMap;

async fn all_of(
    cx: &Ctx,
    status: Option<IdeaStatus>,
) -> Result<(Vec<idea::Model>, HashMap<i32, String>), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::LogIdea)?;
    let mut q = idea::Entity::in_org(caller.org_id);
    if let Some(s) = status {
        q = q.filter(idea::Column::Status.eq(s));
    }
    let ideas = q.order_by_desc(idea::Column::Id).all(db).await?;
    let people = names_of(db, caller.org_id, ideas.iter().map(|i| i.created_by)).await?;
    Ok((ideas, people))
}

pub async fn list(cx: &Ctx, status: Option<IdeaStatus>) -> Result<IdeaList, AppError> {
    let (ideas, people) = all_of(cx, status).await?;
    let decides = cx.caller.may(Action::DecideIdea, Relation::Organisation);
    Ok(IdeaList {
        status,
        rows: ideas
            .iter()
            .map(|i| idea_row(i, &people, decides, &cx.caller.clock))
            .collect(),
        may_decide: decides,
    })
}

pub async fn log(cx: &Ctx, input: NewIdea) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::LogIdea)?;
    let title = field("title", check_title(&input.title))?;
    let detail = field("detail", optional_text(&input.detail, "the idea"))?.unwrap_or_default();
    let involves = input.involves.trim().to_string();
    if involves.chars().count() > 200 {
        return Err(AppError::invalid(
            "involves",
            "Keep the teams involved to 200 characters.",
        ));
    }
    // An idea from a complaint needs a complaint the person can see; one
    // they cannot reads as missing.
    if let Some(id) = input.complaint_id {
        crate::server::services::complaints::view(cx, id).await?;
    }
    let txn = db.begin().await?;
    let model = idea::ActiveModel {
        org_id: Set(caller.org_id),
        title: Set(title),
        detail: Set(detail),
        involves: Set(involves),
        complaint_id: Set(input.complaint_id),
        status: Set(IdeaStatus::Proposed),
        created_by: Set(caller.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        caller,
        Change {
            subject: AuditSubject::Idea,
            entity_id: model.id,
            action: "proposed",
            before: None,
            after: Some(IdeaStatus::Proposed.key().into()),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(model.id)
}

/// A leader moves an idea on: agreed, in practice (from a day), declined
/// (with a reason).
pub async fn decide(cx: &Ctx, id: i32, next: IdeaStatus, reason: &str) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require_on(Action::DecideIdea, Relation::Organisation)?;
    let i = idea::Entity::get_in_org(db, caller.org_id, id).await?;
    if !i.status.may_become(next) {
        return Err(AppError::Conflict(i.status.refusal(next)));
    }
    let reason = field("reason", optional_text(reason, "the reason"))?;
    if next == IdeaStatus::Declined && reason.is_none() {
        return Err(AppError::invalid(
            "reason",
            "Say why the idea is declined: the person who had it will read this.",
        ));
    }
    let before = i.status;
    let (owner, title) = (i.created_by, i.title.clone());
    let mut m = i.into_active_model();
    m.status = Set(next);
    m.decided_by = Set(Some(caller.id));
    m.decided_at = Set(Some(Utc::now()));
    if next == IdeaStatus::Declined {
        m.reason = Set(reason);
    }
    if next == IdeaStatus::InPractice {
        m.in_practice_on = Set(Some(cx.caller.clock.today()));
    }
    let txn = db.begin().await?;
    match idea::Entity::update(m)
        .validate()?
        .filter(idea::Column::Status.eq(before))
        .exec(&txn)
        .await
    {
        Ok(_) => {}
        Err(sea_orm::DbErr::RecordNotUpdated) => {
            return Err(AppError::Conflict(
                "Someone else decided on this idea meanwhile: reload to see where it is.".into(),
            ))
        }
        Err(e) => return Err(e.into()),
    }
    audit::record(
        &txn,
        caller,
        Change {
            subject: AuditSubject::Idea,
            entity_id: id,
            action: next.key(),
            before: Some(before.key().into()),
            after: Some(next.key().into()),
        },
    )
    .await?;
    if owner != caller.id {
        notify(
            &txn,
            caller.org_id,
            owner,
            format!(
                "{} marked your idea \"{title}\" as {}.",
                caller.name,
                next.label().to_lowercase()
            ),
            "/complaints/ideas".into(),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

pub async fn ideas_csv(cx: &Ctx, status: Option<IdeaStatus>) -> Result<CsvTable, AppError> {
    let (ideas, people) = all_of(cx, status).await?;
    let today = cx.caller.clock.today();
    Ok(CsvTable {
        file_name: format!(
            "rapport-ideas-{}-{today}.csv",
            status.map_or("all", |s| s.key())
        ),
        header: [
            "Idea",
            "Logged",
            "By",
            "Title",
            "Detail",
            "Teams involved",
            "Status",
            "In practice since",
            "Reason declined",
            "From complaint",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect(),
        rows: ideas
            .iter()
            .map(|i| {
                vec![
                    i.id.to_string(),
                    cx.caller.clock.day_of(i.created_at).to_string(),
                    people.get(&i.created_by).cloned().unwrap_or_default(),
                    i.title.clone(),
                    i.detail.clone(),
                    i.involves.clone(),
                    i.status.label().into(),
                    i.in_practice_on.map(|d| d.to_string()).unwrap_or_default(),
                    i.reason.clone().unwrap_or_default(),
                    i.complaint_id.map(|c| c.to_string()).unwrap_or_default(),
                ]
            })
            .collect(),
    })
}
