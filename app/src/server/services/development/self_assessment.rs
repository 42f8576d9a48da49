//! Self-assessment: the form, saving it, and its history.

use super::*;
use crate::domain::access::{Action, Relation};
use crate::domain::benchmark::{self, SelfRatingInput};
use crate::error::AppError;
use crate::server::entities::{framework, self_assessment, self_rating};
use crate::server::kernel::Ctx;
use crate::server::kernel::Visibility;
use crate::types::{SelfAssessmentEntry, SelfAssessmentForm, SelfAssessmentHistory};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};
use std::collections::HashMap;

/// The latest self-assessment of each agent with its levels: agent → (date, lineage → (level, example)).
type LatestSelf = HashMap<i32, (DateTime<Utc>, HashMap<String, (u8, String)>)>;

pub(super) async fn latest_self(
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
        previous_on: latest.map(|(at, _)| caller.clock.day(*at)),
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
    benchmark::check_self_assessment(&behaviours, &given).map_err(|problems| {
        AppError::invalid_fields(
            problems
                .into_iter()
                .map(|(id, message)| (format!("behaviour-{id}"), message))
                .collect(),
        )
    })?;
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
                on: caller.clock.day(a.created_at),
                framework_version: versions.get(&a.framework_id).copied().unwrap_or(0),
            })
            .collect(),
        behaviours,
    })
}
