//! Editing a draft: behaviours and clusters.

use super::*;
use crate::domain::framework::{check_behaviour, BehaviourDoc};
use crate::error::AppError;
use crate::server::entities::{framework_behaviour as fb, framework_cluster};
use crate::server::kernel::Ctx;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

pub struct BehaviourInput {
    pub framework_id: i32,
    pub behaviour_id: Option<i32>,
    pub cluster_id: i32,
    pub doc: BehaviourDoc,
}

pub async fn save_behaviour(cx: &Ctx, input: BehaviourInput) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let fw = draft_in_org(db, caller, input.framework_id).await?;
    let cluster = framework_cluster::Entity::find_by_id(input.cluster_id)
        .filter(framework_cluster::Column::FrameworkId.eq(fw.id))
        .one(db)
        .await?
        .ok_or_else(|| AppError::invalid("cluster_id", "Choose a cluster of this framework."))?;
    let existing = fb::Entity::find()
        .filter(fb::Column::FrameworkId.eq(fw.id))
        .all(db)
        .await?;
    let others: Vec<String> = existing
        .iter()
        .filter(|b| Some(b.id) != input.behaviour_id)
        .map(|b| b.key.clone())
        .collect();
    if let Err(problems) = check_behaviour(&input.doc, &others) {
        let first = &problems[0];
        return Err(AppError::invalid(first.field, first.message.clone()));
    }
    match input.behaviour_id {
        Some(id) => {
            let current = existing
                .into_iter()
                .find(|b| b.id == id)
                .ok_or_else(|| AppError::not_found("That behaviour"))?;
            let mut lineages = std::collections::HashMap::new();
            lineages.insert(input.doc.key.clone(), current.lineage.clone());
            let mut model =
                behaviour_model(fw.id, cluster.id, current.position, &input.doc, &lineages);
            model.id = Set(id);
            model.update(db).await?;
            Ok(id)
        }
        None => {
            let position = existing.iter().map(|b| b.position).max().unwrap_or(0) + 1;
            let model =
                behaviour_model(fw.id, cluster.id, position, &input.doc, &Default::default())
                    .insert(db)
                    .await?;
            Ok(model.id)
        }
    }
}

/// Adds a cluster to a draft, or renames one.
pub async fn save_cluster(
    cx: &Ctx,
    framework_id: i32,
    cluster_id: Option<i32>,
    name: &str,
    description: &str,
) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let fw = draft_in_org(db, caller, framework_id).await?;
    let name = name.trim();
    if !(2..=80).contains(&name.chars().count()) {
        return Err(AppError::invalid(
            "name",
            "A cluster name is 2–80 characters.",
        ));
    }
    let description = description.trim();
    if description.chars().count() > 300 {
        return Err(AppError::invalid(
            "description",
            "A cluster description can be at most 300 characters.",
        ));
    }
    let clusters = framework_cluster::Entity::find()
        .filter(framework_cluster::Column::FrameworkId.eq(fw.id))
        .all(db)
        .await?;
    if clusters
        .iter()
        .any(|c| Some(c.id) != cluster_id && c.name.eq_ignore_ascii_case(name))
    {
        return Err(AppError::invalid(
            "name",
            format!("There is already a cluster called \"{name}\"."),
        ));
    }
    match cluster_id {
        Some(id) => {
            let current = clusters
                .into_iter()
                .find(|c| c.id == id)
                .ok_or_else(|| AppError::not_found("That cluster"))?;
            let mut active: framework_cluster::ActiveModel = current.into();
            active.name = Set(name.to_string());
            active.description = Set(description.to_string());
            active.update(db).await?;
            Ok(id)
        }
        None => {
            let position = clusters.iter().map(|c| c.position).max().unwrap_or(-1) + 1;
            let c = framework_cluster::ActiveModel {
                framework_id: Set(fw.id),
                position: Set(position),
                name: Set(name.to_string()),
                description: Set(description.to_string()),
                ..Default::default()
            }
            .insert(db)
            .await?;
            Ok(c.id)
        }
    }
}

pub async fn delete_behaviour(
    cx: &Ctx,
    framework_id: i32,
    behaviour_id: i32,
) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let fw = draft_in_org(db, caller, framework_id).await?;
    let deleted = fb::Entity::delete_many()
        .filter(fb::Column::FrameworkId.eq(fw.id))
        .filter(fb::Column::Id.eq(behaviour_id))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(AppError::not_found("That behaviour"));
    }
    Ok(())
}
