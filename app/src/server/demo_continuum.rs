//! Demo continuum assessments: a winter baseline and a summer review a few
//! months later that shows movement (two respondents who differ on a few
//! practices, with an action plan), and an assessment of one team still in
//! progress.

use super::entities::{
    continuum_action, continuum_answer, continuum_assessment, continuum_respondent,
    continuum_statement,
};
use super::services::continuum::current_model;
use crate::domain::lifecycle::{ActionStatus, AssessmentStatus};
use crate::domain::placement::{Answer, Component};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

fn err(e: impl std::fmt::Display) -> DbErr {
    DbErr::Custom(e.to_string())
}

/// How a demo respondent answers: (component, stage, position in the cell) → answer.
type Rule = fn(Component, u8, usize) -> Answer;

fn winter(c: Component, stage: u8, i: usize) -> Answer {
    use Answer::*;
    match (c, stage) {
        (_, 1) => InPlace,
        (Component::Measurement, 2) => [InPlace, NotInPlace, Partly][i % 3],
        (_, 2) => [InPlace, InPlace, Partly][i % 3],
        (Component::Environment, 3) => [Partly, NotInPlace, NotInPlace][i % 3],
        (_, 3) => [NotInPlace, Partly, NotInPlace][i % 3],
        _ => NotInPlace,
    }
}

fn summer_leader(c: Component, stage: u8, i: usize) -> Answer {
    use Answer::*;
    match (c, stage) {
        (_, 1 | 2) => InPlace,
        (Component::Environment, 3) => [InPlace, InPlace, Partly][i % 3],
        (_, 3) => InPlace,
        (Component::CustomerFocus, 4) => [InPlace, Partly, InPlace][i % 3],
        (Component::Measurement, 4) => [Partly, NotInPlace, NotInPlace][i % 3],
        (Component::Environment, 4) => [NotInPlace, Partly, NotApplicable][i % 3],
        _ => NotInPlace,
    }
}

fn summer_admin(c: Component, stage: u8, i: usize) -> Answer {
    // Agrees with the leader except on two practices.
    match (c, stage, i) {
        (Component::CustomerFocus, 4, 1) => Answer::NotInPlace,
        (Component::Measurement, 3, 2) => Answer::Partly,
        _ => summer_leader(c, stage, i),
    }
}

fn autumn(c: Component, stage: u8, i: usize) -> Answer {
    summer_leader(c, stage, i)
}

#[allow(clippy::too_many_arguments)]
async fn assessment(
    db: &impl ConnectionTrait,
    org_id: i32,
    model_id: i32,
    team_id: Option<i32>,
    title: &str,
    started: DateTime<Utc>,
    submitted: Option<DateTime<Utc>>,
    answers: &[(i32, Rule, Option<usize>)],
) -> Result<i32, DbErr> {
    let owner = answers[0].0;
    let a = continuum_assessment::ActiveModel {
        org_id: Set(org_id),
        model_id: Set(model_id),
        team_id: Set(team_id),
        title: Set(title.into()),
        status: Set(if submitted.is_some() {
            AssessmentStatus::Submitted
        } else {
            AssessmentStatus::Open
        }),
        created_by: Set(owner),
        created_at: Set(started),
        submitted_at: Set(submitted),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let statements = continuum_statement::Entity::find()
        .filter(continuum_statement::Column::ModelId.eq(model_id))
        .order_by_asc(continuum_statement::Column::Id)
        .all(db)
        .await?;
    let cells = super::entities::continuum_cell::Entity::find()
        .filter(super::entities::continuum_cell::Column::ModelId.eq(model_id))
        .all(db)
        .await?;
    for (user, rule, limit) in answers {
        continuum_respondent::ActiveModel {
            assessment_id: Set(a.id),
            user_id: Set(*user),
            invited_by: Set(owner),
            invited_at: Set(started),
            // A respondent who answered only part is still answering.
            submitted_at: Set(if limit.is_none() {
                submitted.map(|s| s - Duration::hours(2))
            } else {
                None
            }),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let rows = statements
            .iter()
            .take(limit.unwrap_or(usize::MAX))
            .filter_map(|s| {
                let cell = cells.iter().find(|c| c.id == s.cell_id)?;
                let component = Component::parse(&cell.component)?;
                let answer = rule(component, cell.stage as u8, s.position as usize);
                Some(continuum_answer::ActiveModel {
                    assessment_id: Set(a.id),
                    user_id: Set(*user),
                    statement_id: Set(s.id),
                    answer: Set(answer),
                    note: Set(String::new()),
                    updated_at: Set(started + Duration::hours(1)),
                    ..Default::default()
                })
            });
        continuum_answer::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(a.id)
}

pub async fn seed(
    db: &impl ConnectionTrait,
    org_id: i32,
    leader: i32,
    admin: i32,
    team: i32,
) -> Result<(), DbErr> {
    let model = current_model(db, org_id).await.map_err(err)?;
    let now = Utc::now();
    let day = |d: i64| now - Duration::days(d);
    assessment(
        db,
        org_id,
        model.id,
        None,
        "Winter baseline",
        day(150),
        Some(day(148)),
        &[(leader, winter, None)],
    )
    .await?;
    let summer = assessment(
        db,
        org_id,
        model.id,
        None,
        "Summer review",
        day(62),
        Some(day(60)),
        &[(leader, summer_leader, None), (admin, summer_admin, None)],
    )
    .await?;
    assessment(
        db,
        org_id,
        model.id,
        Some(team),
        "Technical Support: autumn check",
        day(3),
        None,
        &[(leader, autumn, Some(20))],
    )
    .await?;

    // The summer plan: two next steps taken up.
    let keys = [
        ("m4_drivers", admin, 40, ActionStatus::InProgress),
        ("e4_authority", leader, 20, ActionStatus::Done),
    ];
    for (key, owner, due_in, status) in keys {
        let Some(statement) = continuum_statement::Entity::find()
            .filter(continuum_statement::Column::ModelId.eq(model.id))
            .filter(continuum_statement::Column::Key.eq(key))
            .one(db)
            .await?
        else {
            continue;
        };
        continuum_action::ActiveModel {
            assessment_id: Set(summer),
            statement_id: Set(Some(statement.id)),
            title: Set(statement.text.clone()),
            owner_id: Set(Some(owner)),
            due_on: Set(Some((now + Duration::days(due_in)).date_naive())),
            status: Set(status),
            created_by: Set(leader),
            created_at: Set(day(59)),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}
