//! Respondents: inviting, answering, submitting, completing.

use super::*;
use crate::domain::lifecycle::AssessmentStatus;
use crate::domain::placement::Answer;
use crate::error::AppError;
use crate::server::entities::{continuum_answer, continuum_assessment, continuum_respondent, user};
use crate::server::kernel::Ctx;
use crate::types::ContinuumStatementView;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use std::collections::HashSet;

pub async fn invite(cx: &Ctx, id: i32, user_id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let a = assessment_in_org(db, caller, id).await?;
    must_be_open(&a)?;
    let invitee = user::Entity::find_by_id(user_id)
        .filter(user::Column::OrgId.eq(caller.org_id))
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("That person"))?;
    if !(invitee.is_leader || invitee.is_admin) {
        return Err(AppError::invalid(
            "user_id",
            format!(
                "{} is not a leader; only leaders answer continuum assessments.",
                invitee.name
            ),
        ));
    }
    let already = continuum_respondent::Entity::find()
        .filter(continuum_respondent::Column::AssessmentId.eq(a.id))
        .filter(continuum_respondent::Column::UserId.eq(invitee.id))
        .one(db)
        .await?;
    if already.is_some() {
        return Err(AppError::invalid(
            "user_id",
            format!("{} is already answering this assessment.", invitee.name),
        ));
    }
    let txn = db.begin().await?;
    continuum_respondent::ActiveModel {
        assessment_id: Set(a.id),
        user_id: Set(invitee.id),
        invited_by: Set(caller.id),
        invited_at: Set(Utc::now()),
        submitted_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    crate::server::kernel::notify::notify(
        &txn,
        caller.org_id,
        invitee.id,
        format!(
            "{} asked you to answer the continuum assessment \"{}\"",
            caller.name, a.title
        ),
        format!("/continuum/{}", a.id),
    )
    .await?;
    txn.commit().await.map_err(AppError::from)
}

pub async fn answer(
    cx: &Ctx,
    id: i32,
    statement_id: i32,
    answer: &str,
    note: &str,
) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let a = assessment_in_org(db, caller, id).await?;
    must_be_open(&a)?;
    let me = my_respondent(db, caller, &a).await?;
    if me.submitted_at.is_some() {
        return Err(AppError::Conflict(
            "You have submitted your answers; they can no longer change.".into(),
        ));
    }
    let parsed = Answer::parse(answer).ok_or_else(|| {
        AppError::invalid(
            "answer",
            "Choose not in place, partly, in place or not applicable.",
        )
    })?;
    let note = note.trim();
    if note.chars().count() > 1000 {
        return Err(AppError::invalid(
            "note",
            "The note is longer than 1000 characters.",
        ));
    }
    statement_in_model(db, &a, statement_id).await?;
    let existing = continuum_answer::Entity::find()
        .filter(continuum_answer::Column::AssessmentId.eq(a.id))
        .filter(continuum_answer::Column::UserId.eq(caller.id))
        .filter(continuum_answer::Column::StatementId.eq(statement_id))
        .one(db)
        .await?;
    match existing {
        Some(x) => {
            let mut m: continuum_answer::ActiveModel = x.into();
            m.answer = Set(parsed);
            m.note = Set(note.into());
            m.updated_at = Set(Utc::now());
            m.update(db).await?;
        }
        None => {
            continuum_answer::ActiveModel {
                assessment_id: Set(a.id),
                user_id: Set(caller.id),
                statement_id: Set(statement_id),
                answer: Set(parsed),
                note: Set(note.into()),
                updated_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// A respondent submits their answers: every statement must be answered.
pub async fn submit_mine(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let a = assessment_in_org(db, caller, id).await?;
    must_be_open(&a)?;
    let me = my_respondent(db, caller, &a).await?;
    let cells = cells_of(db, a.model_id).await?;
    let answered: HashSet<i32> = continuum_answer::Entity::find()
        .filter(continuum_answer::Column::AssessmentId.eq(a.id))
        .filter(continuum_answer::Column::UserId.eq(caller.id))
        .all(db)
        .await?
        .into_iter()
        .map(|x| x.statement_id)
        .collect();
    let missing: Vec<&ContinuumStatementView> = cells
        .iter()
        .flat_map(|c| c.statements.iter())
        .filter(|s| !answered.contains(&s.id))
        .collect();
    if let Some(first) = missing.first() {
        return Err(AppError::invalid(
            "answers",
            format!(
                "{} statement{} still unanswered, starting with \"{}\". Use \"not applicable\" where a practice does not apply.",
                missing.len(),
                if missing.len() == 1 { " is" } else { "s are" },
                first.text
            ),
        ));
    }
    let mut m: continuum_respondent::ActiveModel = me.into();
    m.submitted_at = Set(Some(Utc::now()));
    m.update(db).await?;
    Ok(())
}

/// The owner closes the assessment: from then on it never changes.
pub async fn complete(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let a = assessment_in_org(db, caller, id).await?;
    must_be_open(&a)?;
    if a.created_by != caller.id {
        return Err(AppError::Forbidden);
    }
    let (_, submitted) = submitted_answers(db, &a).await?;
    if submitted == 0 {
        return Err(AppError::invalid(
            "answers",
            "Submit your own answers before closing the assessment.",
        ));
    }
    let mut m: continuum_assessment::ActiveModel = a.into();
    m.status = Set(AssessmentStatus::Submitted);
    m.submitted_at = Set(Some(Utc::now()));
    m.update(db).await?;
    Ok(())
}
