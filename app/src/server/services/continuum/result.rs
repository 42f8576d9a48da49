//! Placement from the submitted answers, and what moved since the unit's
//! previous assessment.

use super::*;
use crate::domain::lifecycle::AssessmentStatus;
use crate::domain::placement::{
    attainment, changes, component_stage, disagree, median_answer, overall_stage, Answer, Component,
};
use crate::error::AppError;
use crate::server::entities::{continuum_answer, continuum_assessment, continuum_respondent};
use crate::server::kernel::Clock;
use crate::types::{ContinuumCellView, ContinuumChange, ContinuumResult};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{HashMap, HashSet};

// ---- Results ----------------------------------------------------------------

/// Per statement, the submitted respondents' answers.
type Answers = HashMap<i32, Vec<Answer>>;

pub(super) async fn submitted_answers(
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
            by_statement
                .entry(ans.statement_id)
                .or_default()
                .push(ans.answer);
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
pub(super) async fn since(
    db: &impl ConnectionTrait,
    a: &continuum_assessment::Model,
    cells: &[ContinuumCellView],
    result: &ContinuumResult,
    clock: &Clock,
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
            .map(|t| clock.day(t))
            .unwrap_or_default(),
        previous_overall: then.overall,
        previous_components: then.components,
        moved: changes(&before, &after)
            .into_iter()
            .filter_map(|(key, was, is, way)| id_of.get(key).map(|id| (*id, was, is, way)))
            .collect(),
    }))
}
