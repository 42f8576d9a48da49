//! The practices continuum (PRODUCT.md §5): the model each organisation
//! answers (versioned, the default written from the seeds), assessments with
//! several respondents, placement by the rules in `domain::placement`, what
//! moved since the unit's previous assessment, the evidence the product's
//! own data gives, and the action plan. Rewording the model is in
//! `continuum_model`.
//!
//! Only leaders and admins of the organisation reach any of it.

use crate::domain::access::Action;
use crate::domain::continuum::{default_model, CellDoc, DataCheck};
use crate::domain::lifecycle::{ActionStatus, AssessmentStatus, MembershipKind, VersionStatus};
use crate::domain::placement::{
    attainment, changes, component_stage, disagree, median_answer, overall_stage, Answer, Component,
};
use crate::error::AppError;
use crate::server::entities::{
    call, continuum_action, continuum_answer, continuum_assessment, continuum_cell,
    continuum_model, continuum_respondent, continuum_statement, practice_session, review, target,
    team, user,
};
use crate::server::kernel::{internal, AuthUser, Ctx, InOrg};
use crate::types::{
    ContinuumAction, ContinuumAssessmentView, ContinuumCellView, ContinuumChange, ContinuumHome,
    ContinuumResult, ContinuumStatementView, ContinuumSummary, EvidenceFigure, Respondent,
};
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use std::collections::{HashMap, HashSet};

/// Model id → version number, for every version of the organisation's model.
pub async fn versions_by_id(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<HashMap<i32, i32>, AppError> {
    Ok(continuum_model::Entity::in_org(org_id)
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.version))
        .collect())
}

/// Writes the default model as version 1 of the organisation's model.
pub async fn install_default(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<continuum_model::Model, AppError> {
    let model = continuum_model::ActiveModel {
        org_id: Set(org_id),
        version: Set(1),
        status: Set(VersionStatus::Published),
        created_by: Set(None),
        created_at: Set(Utc::now()),
        published_at: Set(Some(Utc::now())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    insert_cells(db, model.id, default_model()).await?;
    Ok(model)
}

/// Writes the cells and statements of one model version.
pub(super) async fn insert_cells(
    db: &impl ConnectionTrait,
    model_id: i32,
    cells: Vec<CellDoc>,
) -> Result<(), AppError> {
    for cell in cells {
        let saved = continuum_cell::ActiveModel {
            model_id: Set(model_id),
            stage: Set(i16::from(cell.stage)),
            component: Set(cell.component.key().into()),
            description: Set(cell.description),
            ..Default::default()
        }
        .insert(db)
        .await?;
        continuum_statement::Entity::insert_many(cell.statements.into_iter().enumerate().map(
            |(i, s)| continuum_statement::ActiveModel {
                model_id: Set(model_id),
                cell_id: Set(saved.id),
                position: Set(i as i32),
                key: Set(s.key),
                text: Set(s.text),
                data_check: Set(s.check.map(|c| c.key().to_string())),
                ..Default::default()
            },
        ))
        .exec(db)
        .await?;
    }
    Ok(())
}

/// The published model new assessments use; organisations created before
/// the continuum existed get the default on first use.
pub async fn current_model(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<continuum_model::Model, AppError> {
    let found = continuum_model::Entity::find()
        .filter(continuum_model::Column::OrgId.eq(org_id))
        .filter(continuum_model::Column::Status.eq(VersionStatus::Published))
        .order_by_desc(continuum_model::Column::Version)
        .one(db)
        .await?;
    match found {
        Some(m) => Ok(m),
        None => install_default(db, org_id).await,
    }
}

pub(super) async fn cells_of(
    db: &impl ConnectionTrait,
    model_id: i32,
) -> Result<Vec<ContinuumCellView>, AppError> {
    let cells = continuum_cell::Entity::find()
        .filter(continuum_cell::Column::ModelId.eq(model_id))
        .all(db)
        .await?;
    let statements = continuum_statement::Entity::find()
        .filter(continuum_statement::Column::ModelId.eq(model_id))
        .order_by_asc(continuum_statement::Column::Position)
        .all(db)
        .await?;
    let mut views: Vec<ContinuumCellView> = cells
        .into_iter()
        .filter_map(|c| {
            Some(ContinuumCellView {
                id: c.id,
                stage: c.stage.clamp(1, 5) as u8,
                component: Component::parse(&c.component)?,
                description: c.description,
                statements: statements
                    .iter()
                    .filter(|s| s.cell_id == c.id)
                    .map(|s| ContinuumStatementView {
                        id: s.id,
                        key: s.key.clone(),
                        text: s.text.clone(),
                        check: s.data_check.as_deref().and_then(DataCheck::parse),
                    })
                    .collect(),
            })
        })
        .collect();
    views.sort_by_key(|c| (c.component, c.stage));
    Ok(views)
}

async fn assessment_in_org(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<continuum_assessment::Model, AppError> {
    caller.require(Action::RunContinuum)?;
    continuum_assessment::Entity::get_in_org(db, caller.org_id, id).await
}

fn must_be_open(a: &continuum_assessment::Model) -> Result<(), AppError> {
    if a.status == AssessmentStatus::Open {
        Ok(())
    } else {
        Err(AppError::Conflict(
            "This assessment was submitted and can no longer change; start a new one to reassess."
                .into(),
        ))
    }
}

async fn leaders_of(db: &impl ConnectionTrait, org_id: i32) -> Result<Vec<user::Model>, AppError> {
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
async fn my_respondent(
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

/// A statement of the model version the assessment uses.
async fn statement_in_model(
    db: &impl ConnectionTrait,
    a: &continuum_assessment::Model,
    statement_id: i32,
) -> Result<(), AppError> {
    continuum_statement::Entity::find_by_id(statement_id)
        .filter(continuum_statement::Column::ModelId.eq(a.model_id))
        .one(db)
        .await?
        .map(|_| ())
        .ok_or_else(|| AppError::not_found("That statement"))
}

// ---- Results ----------------------------------------------------------------

/// Per statement, the submitted respondents' answers.
type Answers = HashMap<i32, Vec<Answer>>;

async fn submitted_answers(
    db: &impl ConnectionTrait,
    a: &continuum_assessment::Model,
) -> Result<(Answers, usize), AppError> {
    let done: HashSet<i32> = continuum_respondent::Entity::find()
        .filter(continuum_respondent::Column::AssessmentId.eq(a.id))
        .all(db)
        .await?
        .into_iter()
        .filter(|r| r.submitted_at.is_some())
        .map(|r| r.user_id)
        .collect();
    let mut by_statement: Answers = HashMap::new();
    for ans in continuum_answer::Entity::find()
        .filter(continuum_answer::Column::AssessmentId.eq(a.id))
        .order_by_asc(continuum_answer::Column::UserId)
        .all(db)
        .await?
    {
        if done.contains(&ans.user_id) {
            if let Some(answer) = Answer::parse(&ans.answer) {
                by_statement
                    .entry(ans.statement_id)
                    .or_default()
                    .push(answer);
            }
        }
    }
    Ok((by_statement, done.len()))
}

/// Places the assessment from the submitted answers.
pub fn result_of(
    cells: &[ContinuumCellView],
    answers: &Answers,
    respondents: usize,
) -> ContinuumResult {
    let combined = |id: i32| answers.get(&id).and_then(|a| median_answer(a));
    let mut components = [0u8; 3];
    let mut profile = vec![];
    for (i, component) in Component::ALL.into_iter().enumerate() {
        let mut stages = [None; 5];
        for cell in cells.iter().filter(|c| c.component == component) {
            let given: Vec<Answer> = cell
                .statements
                .iter()
                .filter_map(|s| combined(s.id))
                .collect();
            stages[cell.stage as usize - 1] = attainment(&given);
        }
        components[i] = component_stage(&stages);
        profile.push((component, stages.to_vec()));
    }
    let next_steps = Component::ALL
        .into_iter()
        .zip(components)
        .filter(|(_, stage)| *stage < 5)
        .flat_map(|(component, stage)| {
            cells
                .iter()
                .filter(move |c| c.component == component && c.stage == stage + 1)
                .flat_map(|c| c.statements.iter())
                .filter(|s| {
                    matches!(
                        combined(s.id),
                        Some(Answer::NotInPlace | Answer::Partly) | None
                    )
                })
                .map(|s| s.id)
        })
        .collect();
    ContinuumResult {
        respondents,
        overall: overall_stage(&components),
        components: Component::ALL.into_iter().zip(components).collect(),
        attainment: profile,
        combined: answers
            .keys()
            .filter_map(|id| combined(*id).map(|a| (*id, a)))
            .collect(),
        disagreements: answers
            .iter()
            .filter(|(_, a)| disagree(a))
            .map(|(id, _)| *id)
            .collect(),
        next_steps,
    }
}

/// The unit's previous submitted assessment and the practices that moved
/// since, matched by statement key so that a reworded model still compares.
async fn since(
    db: &impl ConnectionTrait,
    a: &continuum_assessment::Model,
    cells: &[ContinuumCellView],
    result: &ContinuumResult,
) -> Result<Option<ContinuumChange>, AppError> {
    let mut earlier = continuum_assessment::Entity::find()
        .filter(continuum_assessment::Column::OrgId.eq(a.org_id))
        .filter(continuum_assessment::Column::Status.eq(AssessmentStatus::Submitted))
        .filter(continuum_assessment::Column::Id.ne(a.id));
    earlier = match a.team_id {
        Some(t) => earlier.filter(continuum_assessment::Column::TeamId.eq(t)),
        None => earlier.filter(continuum_assessment::Column::TeamId.is_null()),
    };
    if let Some(at) = a.submitted_at {
        earlier = earlier.filter(continuum_assessment::Column::SubmittedAt.lt(at));
    }
    let Some(previous) = earlier
        .order_by_desc(continuum_assessment::Column::SubmittedAt)
        .order_by_desc(continuum_assessment::Column::Id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let previous_cells = cells_of(db, previous.model_id).await?;
    let (answers, respondents) = submitted_answers(db, &previous).await?;
    if respondents == 0 {
        return Ok(None);
    }
    let then = result_of(&previous_cells, &answers, respondents);
    let then_keys: HashMap<i32, &str> = previous_cells
        .iter()
        .flat_map(|c| c.statements.iter())
        .map(|s| (s.id, s.key.as_str()))
        .collect();
    let before: HashMap<&str, Answer> = then
        .combined
        .iter()
        .filter_map(|(id, ans)| then_keys.get(id).map(|k| (*k, *ans)))
        .collect();
    let now: HashMap<i32, Answer> = result.combined.iter().copied().collect();
    let statements = || cells.iter().flat_map(|c| c.statements.iter());
    let after: Vec<(&str, Answer)> = statements()
        .filter_map(|s| now.get(&s.id).map(|ans| (s.key.as_str(), *ans)))
        .collect();
    let id_of: HashMap<&str, i32> = statements().map(|s| (s.key.as_str(), s.id)).collect();
    Ok(Some(ContinuumChange {
        previous_id: previous.id,
        previous_title: previous.title,
        previous_on: previous
            .submitted_at
            .map(crate::server::kernel::dates::day)
            .unwrap_or_default(),
        previous_overall: then.overall,
        previous_components: then.components,
        moved: changes(&before, &after)
            .into_iter()
            .filter_map(|(key, was, is, way)| id_of.get(key).map(|id| (*id, was, is, way)))
            .collect(),
    }))
}

/// What the product's own data says, for the statements it can check.
pub async fn evidence(
    db: &impl ConnectionTrait,
    org_id: i32,
    team_id: Option<i32>,
) -> Result<Vec<EvidenceFigure>, AppError> {
    let since = Utc::now() - Duration::days(30);
    let mut calls_q = call::Entity::find()
        .filter(call::Column::OrgId.eq(org_id))
        .filter(call::Column::OccurredAt.gte(since));
    if let Some(t) = team_id {
        calls_q = calls_q.filter(call::Column::TeamId.eq(t));
    }
    let calls = calls_q.all(db).await?;
    let agents: Vec<i32> = match team_id {
        Some(t) => crate::server::entities::team_member::Entity::find()
            .filter(crate::server::entities::team_member::Column::TeamId.eq(t))
            .filter(crate::server::entities::team_member::Column::Role.eq(MembershipKind::Agent))
            .all(db)
            .await?
            .into_iter()
            .map(|m| m.user_id)
            .collect(),
        None => user::Entity::find()
            .filter(user::Column::OrgId.eq(org_id))
            .filter(user::Column::IsAgent.eq(true))
            .filter(user::Column::Active.eq(true))
            .all(db)
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect(),
    };
    let share = |n: usize, of: usize| (of > 0).then(|| n as f64 / of as f64);
    let n = calls.len();
    let answered = calls.iter().filter(|c| !c.abandoned).count();
    let complaints: Vec<&call::Model> = calls.iter().filter(|c| c.complaint).collect();
    let reviewed: HashSet<i32> = review::Entity::find()
        .filter(review::Column::OrgId.eq(org_id))
        .filter(review::Column::AgentId.is_in(agents.clone()))
        .filter(review::Column::SubmittedAt.gte(since))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.agent_id)
        .collect();
    let today = Utc::now().date_naive();
    let with_target: HashSet<i32> = target::Entity::find()
        .filter(target::Column::OrgId.eq(org_id))
        .filter(target::Column::AgentId.is_in(agents.clone()))
        .filter(target::Column::DueOn.gte(today))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.agent_id)
        .collect();
    let practising: HashSet<i32> = practice_session::Entity::find()
        .filter(practice_session::Column::OrgId.eq(org_id))
        .filter(practice_session::Column::AgentId.is_in(agents.clone()))
        .filter(practice_session::Column::PractisedOn.gte(since.date_naive()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.agent_id)
        .collect();
    let a = agents.len();
    let figure = |check: DataCheck, value: Option<f64>, of: String| EvidenceFigure {
        check,
        share: value,
        basis: of,
    };
    Ok(vec![
        figure(
            DataCheck::CsatRecorded,
            share(calls.iter().filter(|c| c.csat.is_some()).count(), answered),
            format!("of {answered} answered calls in the last 30 days have a CSAT answer"),
        ),
        figure(
            DataCheck::NpsRecorded,
            share(calls.iter().filter(|c| c.likelihood_to_recommend.is_some()).count(), answered),
            format!("of {answered} answered calls in the last 30 days have a likelihood-to-recommend answer"),
        ),
        figure(
            DataCheck::TimesRecorded,
            share(
                calls
                    .iter()
                    .filter(|c| c.first_response_seconds.is_some() && (c.resolved != Some(true) || c.resolution_minutes.is_some()))
                    .count(),
                n,
            ),
            format!("of {n} calls in the last 30 days have first-response and resolution times"),
        ),
        figure(
            DataCheck::AgentsReviewed,
            share(reviewed.len(), a),
            format!("of {a} agents had a review submitted in the last 30 days"),
        ),
        figure(
            DataCheck::AgentsWithTarget,
            share(with_target.len(), a),
            format!("of {a} agents have a behavioural target due today or later"),
        ),
        figure(
            DataCheck::AgentsPractising,
            share(practising.len(), a),
            format!("of {a} agents logged practice in the last 30 days"),
        ),
        figure(
            DataCheck::ComplaintsFollowedUp,
            share(
                complaints
                    .iter()
                    .filter(|c| c.rectification.is_some() && c.follow_up_on.is_some())
                    .count(),
                complaints.len(),
            ),
            format!(
                "of {} complaints in the last 30 days have a rectification and a follow-up date",
                complaints.len()
            ),
        ),
    ])
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
            started_on: crate::server::kernel::dates::day(a.created_at),
            submitted_on: a.submitted_at.map(crate::server::kernel::dates::day),
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
        team::Entity::find_by_id(t)
            .filter(team::Column::OrgId.eq(caller.org_id))
            .one(db)
            .await?
            .ok_or_else(|| {
                AppError::invalid(
                    "team_id",
                    "Choose one of your organisation's teams, or the whole organisation.",
                )
            })?;
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
    let people: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::OrgId.eq(caller.org_id))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect();
    let mine: Vec<(i32, Answer, String)> = continuum_answer::Entity::find()
        .filter(continuum_answer::Column::AssessmentId.eq(a.id))
        .filter(continuum_answer::Column::UserId.eq(caller.id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|x| Answer::parse(&x.answer).map(|ans| (x.statement_id, ans, x.note)))
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
        Some(r) => since(db, &a, &cells, r).await?,
        None => None,
    };
    let model_version = versions_by_id(db, caller.org_id)
        .await?
        .get(&a.model_id)
        .copied()
        .unwrap_or_default();
    let csv = match (&result, a.status == AssessmentStatus::Submitted) {
        (Some(r), true) => Some(export_csv(
            &a.title,
            &unit,
            model_version,
            &cells,
            r,
            &actions,
        )?),
        _ => None,
    };
    Ok(ContinuumAssessmentView {
        id: a.id,
        model_version,
        title: a.title.clone(),
        unit,
        submitted: a.status == AssessmentStatus::Submitted,
        started_on: crate::server::kernel::dates::day(a.created_at),
        submitted_on: a.submitted_at.map(crate::server::kernel::dates::day),
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
        evidence: evidence(db, caller.org_id, a.team_id).await?,
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
        csv,
        since,
    })
}

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
            m.answer = Set(parsed.key().into());
            m.note = Set(note.into());
            m.updated_at = Set(Utc::now());
            m.update(db).await?;
        }
        None => {
            continuum_answer::ActiveModel {
                assessment_id: Set(a.id),
                user_id: Set(caller.id),
                statement_id: Set(statement_id),
                answer: Set(parsed.key().into()),
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
        d => NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| AppError::invalid("due_on", "Enter a due date as YYYY-MM-DD."))?,
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
    let action = continuum_action::Entity::find_by_id(action_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("That action"))?;
    // The assessment check keeps the organisation boundary.
    assessment_in_org(db, caller, action.assessment_id).await?;
    let status = ActionStatus::parse(status)
        .ok_or_else(|| AppError::invalid("status", "Choose open, in progress or done."))?;
    let mut m: continuum_action::ActiveModel = action.into();
    m.status = Set(status);
    m.update(db).await?;
    Ok(())
}

/// The submitted assessment as CSV: one row per statement with the combined
/// answer, then the action plan.
fn export_csv(
    title: &str,
    unit: &str,
    model_version: i32,
    cells: &[ContinuumCellView],
    r: &ContinuumResult,
    actions: &[ContinuumAction],
) -> Result<String, AppError> {
    use crate::domain::placement::stage_name;
    // Header, component and action rows have fewer fields than statement rows.
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(vec![]);
    let mut row = |fields: &[&str]| w.write_record(fields).map_err(internal);
    row(&[
        "assessment",
        title,
        unit,
        "overall stage",
        stage_name(r.overall),
        "model version",
        &model_version.to_string(),
    ])?;
    for (c, s) in &r.components {
        row(&["component", c.label(), "", "stage", stage_name(*s)])?;
    }
    row(&[
        "component",
        "stage",
        "statement",
        "answer",
        "respondents differ",
        "next step",
    ])?;
    for cell in cells {
        for s in &cell.statements {
            let answer = r
                .combined
                .iter()
                .find(|(id, _)| *id == s.id)
                .map_or("unanswered", |(_, a)| a.label());
            row(&[
                cell.component.label(),
                stage_name(cell.stage),
                &s.text,
                answer,
                if r.disagreements.contains(&s.id) {
                    "yes"
                } else {
                    "no"
                },
                if r.next_steps.contains(&s.id) {
                    "yes"
                } else {
                    "no"
                },
            ])?;
        }
    }
    row(&["action", "owner", "due", "status", "", ""])?;
    for a in actions {
        row(&[
            &a.title,
            a.owner.as_deref().unwrap_or(""),
            a.due_on.as_deref().unwrap_or(""),
            a.status.key(),
            "",
            "",
        ])?;
    }
    let bytes = w.into_inner().map_err(internal)?;
    String::from_utf8(bytes).map_err(internal)
}
