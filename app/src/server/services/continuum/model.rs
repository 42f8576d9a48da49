//! The continuum model as stored: installing the default, the version in
//! use, its cells and statements.

use crate::domain::continuum::{default_model, CellDoc, DataCheck};
use crate::domain::lifecycle::VersionStatus;
use crate::domain::placement::Component;
use crate::error::AppError;
use crate::server::entities::{
    continuum_assessment, continuum_cell, continuum_model, continuum_statement,
};
use crate::server::kernel::InOrg;
use crate::types::{ContinuumCellView, ContinuumStatementView};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

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
pub async fn insert_cells(
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

pub async fn cells_of(
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

/// A statement of the model version the assessment uses.
pub(super) async fn statement_in_model(
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
