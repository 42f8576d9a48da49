//! Assessments: the list, starting one, and one assessment with its
//! respondents, answers and result.

use super::*;
use crate::domain::access::Action;
use crate::domain::lifecycle::AssessmentStatus;
use crate::domain::placement::Answer;
use crate::error::AppError;
use crate::server::entities::{
    continuum_action, continuum_answer, continuum_assessment, continuum_respondent, team, user,
};
use crate::server::kernel::names::person_names;
use crate::server::kernel::{AuthUser, Ctx, InOrg};
use crate::types::{
    ContinuumAction, ContinuumAssessmentView, ContinuumCellView, ContinuumHome, ContinuumSummary,
    Respondent,
};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use std::collections::HashMap;

pub(super) async fn assessment_in_org(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<continuum_assessment::Model, AppError> {
    caller.require(Action::RunContinuum)?;
    continuum_assessment::Entity::get_in_org(db, caller.org_id, id).await
}

pub(super) fn must_be_open(a: &continuum_assessment::Model) -> Result<(), AppError> {
    if a.status == AssessmentStatus::Open {
        Ok(())
    } else {
        Err(AppError::Conflict(
            "This assessment was submitted and can no longer change; start a new one to reassess."
                .into(),
        ))
    }
}

pub(super) async fn leaders_of(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<Vec<user::Model>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::OrgId.eq(org_id))
        .filter(user::Column::Active.eq(true))
        .order_by_asc(user::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter(|u| u.is_leader || u.is_admin)
        .collect())
}

/// The caller's place among the respondents; answering needs an invitation.
pub(super) async fn my_respondent(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    a: &continuum_assessment::Model,
) -> Result<continuum_respondent::Model, AppError> {
    continuum_respondent::Entity::find()
        .filter(continuum_respondent::Column::AssessmentId.eq(a.id))
        .filter(continuum_respondent::Column::UserId.eq(caller.id))
        .one(db)
        .await?
        .ok_or(AppError::Forbidden)
}

// ---- Assessments ------------------------------------------------------------

pub async fn home(cx: &Ctx) -> Result<ContinuumHome, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::RunContinuum)?;
    let model = current_model(db, caller.org_id).await?;
    let cells = cells_of(db, model.id).await?;
    let teams = crate::server::kernel::names::team_names(db, caller.org_id).await?;
    let all = continuum_assessment::Entity::find()
        .filter(continuum_assessment::Column::OrgId.eq(caller.org_id))
        .order_by_desc(continuum_assessment::Column::CreatedAt)
        .order_by_desc(continuum_assessment::Column::Id)
        .all(db)
        .await?;
    let versions = versions_by_id(db, caller.org_id).await?;
    let mut cells_by_model: HashMap<i32, Vec<ContinuumCellView>> =
        HashMap::from([(model.id, cells)]);
    let mut summaries = vec![];
    for a in all {
        if let std::collections::hash_map::Entry::Vacant(e) = cells_by_model.entry(a.model_id) {
            e.insert(cells_of(db, a.model_id).await?);
        }
        let (answers, respondents) = submitted_answers(db, &a).await?;
        let result = (respondents > 0)
            .then(|| result_of(&cells_by_model[&a.model_id], &answers, respondents));
        let invited = continuum_respondent::Entity::find()
            .filter(continuum_respondent::Column::AssessmentId.eq(a.id))
            .count(db)
            .await? as usize;
        summaries.push(ContinuumSummary {
            id: a.id,
            model_version: versions.get(&a.model_id).copied().unwrap_or_default(),
            title: a.title.clone(),
            unit: a
                .team_id
                .and_then(|t| teams.get(&t).cloned())
                .unwrap_or_else(|| "Whole organisation".into()),
            team_id: a.team_id,
            submitted: a.status == AssessmentStatus::Submitted,
            started_on: caller.clock.day(a.created_at),
            submitted_on: a.submitted_at.map(|t| caller.clock.day(t)),
            invited,
            result,
        });
    }
    let mut team_list: Vec<(i32, String)> = teams.into_iter().collect();
    team_list.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(ContinuumHome {
        model_version: model.version,
        assessments: summaries,
        teams: team_list,
    })
}

pub async fn start(cx: &Ctx, title: &str, team_id: Option<i32>) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::RunContinuum)?;
    let title = title.trim();
    if title.is_empty() {
        return Err(AppError::invalid(
            "title",
            "Give the assessment a title, e.g. \"Spring review\".",
        ));
    }
    if title.chars().count() > 160 {
        return Err(AppError::invalid(
            "title",
            "The title is longer than 160 characters.",
        ));
    }
    if let Some(t) = team_id {
        let team = team::Entity::find_by_id(t)
            .filter(team::Column::OrgId.eq(caller.org_id))
            .one(db)
            .await?
            .ok_or_else(|| {
                AppError::invalid(
                    "team_id",
                    "Choose one of your organisation's teams, or the whole organisation.",
                )
            })?;
        if team.archived_at.is_some() {
            return Err(AppError::invalid(
                "team_id",
                format!(
                    "\"{}\" is archived; choose an active team, or restore it first.",
                    team.name
                ),
            ));
        }
    }
    let model = current_model(db, caller.org_id).await?;
    let now = Utc::now();
    let txn = db.begin().await?;
    let a = continuum_assessment::ActiveModel {
        org_id: Set(caller.org_id),
        model_id: Set(model.id),
        team_id: Set(team_id),
        title: Set(title.into()),
        status: Set(AssessmentStatus::Open),
        created_by: Set(caller.id),
        created_at: Set(now),
        submitted_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    continuum_respondent::ActiveModel {
        assessment_id: Set(a.id),
        user_id: Set(caller.id),
        invited_by: Set(caller.id),
        invited_at: Set(now),
        submitted_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(a.id)
}

pub async fn view(cx: &Ctx, id: i32) -> Result<ContinuumAssessmentView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let a = assessment_in_org(db, caller, id).await?;
    let cells = cells_of(db, a.model_id).await?;
    let respondents = continuum_respondent::Entity::find()
        .filter(continuum_respondent::Column::AssessmentId.eq(a.id))
        .order_by_asc(continuum_respondent::Column::Id)
        .all(db)
        .await?;
    let people = person_names(db, caller.org_id).await?;
    let mine: Vec<(i32, Answer, String)> = continuum_answer::Entity::find()
        .filter(continuum_answer::Column::AssessmentId.eq(a.id))
        .filter(continuum_answer::Column::UserId.eq(caller.id))
        .all(db)
        .await?
        .into_iter()
        .map(|x| (x.statement_id, x.answer, x.note))
        .collect();
    let (answers, submitted) = submitted_answers(db, &a).await?;
    let result = (submitted > 0).then(|| result_of(&cells, &answers, submitted));
    let me = respondents.iter().find(|r| r.user_id == caller.id);
    let actions: Vec<ContinuumAction> = continuum_action::Entity::find()
        .filter(continuum_action::Column::AssessmentId.eq(a.id))
        .order_by_asc(continuum_action::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|x| ContinuumAction {
            id: x.id,
            statement_id: x.statement_id,
            title: x.title,
            owner: x.owner_id.and_then(|o| people.get(&o).cloned()),
            owner_id: x.owner_id,
            due_on: x.due_on.map(|d| d.format("%Y-%m-%d").to_string()),
            status: x.status,
        })
        .collect();
    let unit = match a.team_id {
        Some(t) => crate::server::kernel::names::team_names(db, caller.org_id)
            .await?
            .get(&t)
            .cloned()
            .unwrap_or_default(),
        None => "Whole organisation".into(),
    };
    let leaders = leaders_of(db, caller.org_id).await?;
    let since = match &result {
        Some(r) => since(db, &a, &cells, r, &caller.clock).await?,
        None => None,
    };
    let model_version = versions_by_id(db, caller.org_id)
        .await?
        .get(&a.model_id)
        .copied()
        .unwrap_or_default();
    let exportable = result.is_some() && a.status == AssessmentStatus::Submitted;
    Ok(ContinuumAssessmentView {
        id: a.id,
        model_version,
        title: a.title.clone(),
        unit,
        submitted: a.status == AssessmentStatus::Submitted,
        started_on: caller.clock.day(a.created_at),
        submitted_on: a.submitted_at.map(|t| caller.clock.day(t)),
        is_owner: a.created_by == caller.id,
        i_respond: me.is_some(),
        i_submitted: me.is_some_and(|r| r.submitted_at.is_some()),
        respondents: respondents
            .iter()
            .map(|r| Respondent {
                name: people.get(&r.user_id).cloned().unwrap_or_default(),
                submitted: r.submitted_at.is_some(),
            })
            .collect(),
        cells,
        mine,
        result,
        evidence: evidence(db, caller.org_id, a.team_id, &caller.clock).await?,
        actions,
        leaders: leaders
            .into_iter()
            .filter(|u| !respondents.iter().any(|r| r.user_id == u.id))
            .map(|u| (u.id, u.name))
            .collect(),
        owners: {
            let mut owners: Vec<(i32, String)> = people.into_iter().collect();
            owners.sort_by(|a, b| a.1.cmp(&b.1));
            owners
        },
        exportable,
        since,
    })
}
