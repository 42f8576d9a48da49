//! The action plan of an assessment.

use super::*;
use crate::domain::access::Action;
use crate::domain::lifecycle::ActionStatus;
use crate::domain::validation::parse_day;
use crate::error::AppError;
use crate::server::entities::{continuum_action, continuum_assessment, user};
use crate::server::kernel::{Ctx, InOrg};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

pub async fn add_action(
    cx: &Ctx,
    id: i32,
    statement_id: Option<i32>,
    title: &str,
    owner_id: Option<i32>,
    due_on: &str,
) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let a = assessment_in_org(db, caller, id).await?;
    let title = title.trim();
    if title.is_empty() {
        return Err(AppError::invalid("title", "Say what will be done."));
    }
    if title.chars().count() > 400 {
        return Err(AppError::invalid(
            "title",
            "The action is longer than 400 characters.",
        ));
    }
    if let Some(s) = statement_id {
        statement_in_model(db, &a, s).await?;
    }
    if let Some(o) = owner_id {
        user::Entity::find_by_id(o)
            .filter(user::Column::OrgId.eq(caller.org_id))
            .one(db)
            .await?
            .ok_or_else(|| {
                AppError::invalid("owner_id", "Choose an owner from your organisation.")
            })?;
    } else {
        return Err(AppError::invalid(
            "owner_id",
            "Choose who owns this action.",
        ));
    }
    let due = match due_on.trim() {
        "" => {
            return Err(AppError::invalid(
                "due_on",
                "Enter a due date as YYYY-MM-DD.",
            ))
        }
        d => parse_day(d).map_err(|m| AppError::invalid("due_on", m))?,
    };
    let saved = continuum_action::ActiveModel {
        assessment_id: Set(a.id),
        statement_id: Set(statement_id),
        title: Set(title.into()),
        owner_id: Set(owner_id),
        due_on: Set(Some(due)),
        status: Set(ActionStatus::Open),
        created_by: Set(caller.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(saved.id)
}

pub async fn set_action_status(cx: &Ctx, action_id: i32, status: &str) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::RunContinuum)?;
    // An action belongs to the organisation of its assessment; another
    // organisation's action reads exactly like one that does not exist.
    let not_found = || AppError::not_found("That action");
    let action = continuum_action::Entity::find_by_id(action_id)
        .one(db)
        .await?
        .ok_or_else(not_found)?;
    match continuum_assessment::Entity::get_in_org(db, caller.org_id, action.assessment_id).await {
        Ok(_) => {}
        Err(AppError::NotFound(_)) => return Err(not_found()),
        Err(e) => return Err(e),
    }
    let status = ActionStatus::parse(status)
        .ok_or_else(|| AppError::invalid("status", "Choose open, in progress or done."))?;
    let mut m: continuum_action::ActiveModel = action.into();
    m.status = Set(status);
    m.update(db).await?;
    Ok(())
}
