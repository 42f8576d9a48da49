//! The practice log.

use crate::domain::access::{Action, Relation};
use crate::domain::practice::PracticeKind;
use crate::domain::practice::{check_practice, PracticeInput};
use crate::error::AppError;
use crate::server::entities::{practice_behaviour, practice_session};
use crate::server::kernel::dates::parse_iso_day;
use crate::server::kernel::Ctx;
use crate::server::kernel::Visibility;
use crate::server::services::development::{
    agent_for, agent_refs, current_framework, lineage_map, practice_views,
};
use crate::types::PracticeLog;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};

// ---- Practice log -----------------------------------------------------------

pub async fn practice_log(cx: &Ctx, agent_id: Option<i32>) -> Result<PracticeLog, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let vis = Visibility::of(db, caller).await?;
    let agent = agent_for(db, caller, &vis, agent_id).await?;
    let fw = current_framework(db, caller.org_id).await?;
    let all = lineage_map(db, caller.org_id).await?;
    let sessions = practice_session::Entity::find()
        .filter(practice_session::Column::OrgId.eq(caller.org_id))
        .filter(practice_session::Column::AgentId.eq(agent.id))
        .order_by_desc(practice_session::Column::PractisedOn)
        .order_by_desc(practice_session::Column::Id)
        .all(db)
        .await?;
    Ok(PracticeLog {
        agent: agent_refs(db, caller.org_id, std::slice::from_ref(&agent))
            .await?
            .remove(0),
        is_self: agent.id == caller.id,
        entries: practice_views(db, sessions, &fw, &all).await?,
        behaviours: fw
            .behaviours()
            .map(|b| (b.lineage.clone(), b.name.clone()))
            .collect(),
        today: caller.clock.today().format("%Y-%m-%d").to_string(),
    })
}

pub struct NewPractice {
    pub practised_on: String,
    pub kind: String,
    pub lineages: Vec<String>,
    pub scenario: String,
    pub rater: String,
    pub peer_name: String,
    pub rating: i16,
    pub reflection: String,
}

/// An agent logs their own practice session.
pub async fn log_practice(cx: &Ctx, p: NewPractice) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require_on(Action::LogPractice, Relation::Own)?;
    let fw = current_framework(db, caller.org_id).await?;
    let mut lineages = p.lineages.clone();
    lineages.sort();
    lineages.dedup();
    if let Some(unknown) = lineages
        .iter()
        .find(|l| !fw.behaviours().any(|b| &b.lineage == *l))
    {
        return Err(AppError::invalid(
            "behaviours",
            format!("\"{unknown}\" is not a behaviour of the current framework; reload the page."),
        ));
    }
    let on = parse_iso_day(&p.practised_on);
    check_practice(
        &PracticeInput {
            on,
            kind: &p.kind,
            behaviours: lineages.len(),
            scenario: &p.scenario,
            rater: &p.rater,
            peer_name: &p.peer_name,
            rating: p.rating,
            reflection: &p.reflection,
        },
        caller.clock.today(),
    )
    .map_err(|problems| {
        AppError::invalid_fields(
            problems
                .into_iter()
                .map(|(field, message)| (field.to_string(), message))
                .collect(),
        )
    })?;
    let kind = PracticeKind::parse(&p.kind)
        .ok_or_else(|| AppError::invalid("kind", "Choose role-play or solo practice."))?;
    let txn = db.begin().await?;
    let saved = practice_session::ActiveModel {
        org_id: Set(caller.org_id),
        agent_id: Set(caller.id),
        practised_on: Set(on.unwrap_or_default()),
        kind: Set(kind),
        scenario: Set(p.scenario.trim().to_string()),
        rater: Set(p.rater.clone()),
        peer_name: Set(if p.rater == "peer" {
            p.peer_name.trim().chars().take(120).collect()
        } else {
            String::new()
        }),
        rating: Set(p.rating),
        reflection: Set(p.reflection.trim().to_string()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    practice_behaviour::Entity::insert_many(lineages.into_iter().map(|l| {
        practice_behaviour::ActiveModel {
            session_id: Set(saved.id),
            lineage: Set(l),
            ..Default::default()
        }
    }))
    .exec(&txn)
    .await?;
    txn.commit().await?;
    Ok(saved.id)
}
