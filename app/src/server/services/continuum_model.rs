//! Editing the wording of an organisation's continuum model (PRODUCT.md §1:
//! admins manage "the continuum model text"). An admin starts a draft from
//! the published version, rewords cells, adds or removes statements, and
//! publishes it as the next version. New assessments use the published
//! version; existing assessments keep the version they were started with,
//! so a result never changes because someone reworded the model.
//!
//! Statement keys survive rewording, so the same practice can be followed
//! across versions; an added statement gets a fresh key.

use super::continuum::{cells_of, current_model, insert_cells};
use crate::domain::access::{Action, Relation};
use crate::domain::continuum::{
    check_cell, check_model, new_statement_key, CellDoc, DataCheck, StatementDoc,
};
use crate::domain::lifecycle::VersionStatus;
use crate::error::AppError;
use crate::server::entities::{
    continuum_assessment, continuum_cell, continuum_model, continuum_statement,
};
use crate::server::kernel::versions::{self, must_be_draft};
use crate::server::kernel::{AuthUser, Ctx, InOrg};
use crate::types::{ContinuumCellView, ContinuumModelSummary, ContinuumModelView, StatementEdit};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

/// The caller's organisation's draft, for an admin; published and retired
/// versions are frozen because assessments point at them.
async fn draft_in_org(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<continuum_model::Model, AppError> {
    caller.require(Action::EditContinuumModel)?;
    let model = continuum_model::Entity::get_in_org(db, caller.org_id, id).await?;
    must_be_draft(model.version, model.status, "reword the model")?;
    Ok(model)
}

async fn draft_of(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<Option<continuum_model::Model>, AppError> {
    continuum_model::Entity::find()
        .filter(continuum_model::Column::OrgId.eq(org_id))
        .filter(continuum_model::Column::Status.eq(VersionStatus::Draft))
        .one(db)
        .await
        .map_err(AppError::from)
}

/// One version of the model with the list of versions. Without an id: the
/// draft for an admin who has one, otherwise the published version.
pub async fn view(cx: &Ctx, id: Option<i32>) -> Result<ContinuumModelView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::RunContinuum)?;
    let can_edit = caller.may(Action::EditContinuumModel, Relation::Organisation);
    let model = match id {
        Some(id) => continuum_model::Entity::get_in_org(db, caller.org_id, id).await?,
        None => match draft_of(db, caller.org_id).await?.filter(|_| can_edit) {
            Some(draft) => draft,
            None => current_model(db, caller.org_id).await?,
        },
    };
    if model.status == VersionStatus::Draft && !can_edit {
        // A draft is the admin's work in progress, not yet the organisation's wording.
        return Err(AppError::not_found("That version of the continuum model"));
    }
    let all = continuum_model::Entity::find()
        .filter(continuum_model::Column::OrgId.eq(caller.org_id))
        .order_by_desc(continuum_model::Column::Version)
        .all(db)
        .await?;
    let mut versions = vec![];
    for m in all
        .into_iter()
        .filter(|m| can_edit || m.status != VersionStatus::Draft)
    {
        let assessments = continuum_assessment::Entity::find()
            .filter(continuum_assessment::Column::ModelId.eq(m.id))
            .count(db)
            .await?;
        versions.push(ContinuumModelSummary {
            id: m.id,
            version: m.version,
            status: m.status,
            published_on: m.published_at.map(|t| caller.clock.day(t)),
            assessments,
        });
    }
    Ok(ContinuumModelView {
        id: model.id,
        version: model.version,
        status: model.status,
        cells: cells_of(db, model.id).await?,
        versions,
        can_edit,
    })
}

/// Starts a draft as a copy of the published version, keeping every
/// statement's key and data check. One draft at a time.
pub async fn new_version(cx: &Ctx) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::EditContinuumModel)?;
    if let Some(draft) = draft_of(db, caller.org_id).await? {
        return Err(AppError::Conflict(format!(
            "Version {} is already a draft: publish or discard it first.",
            draft.version
        )));
    }
    let from = current_model(db, caller.org_id).await?;
    let cells = cells_of(db, from.id).await?;
    let next = continuum_model::Entity::find()
        .filter(continuum_model::Column::OrgId.eq(caller.org_id))
        .order_by_desc(continuum_model::Column::Version)
        .one(db)
        .await?
        .map_or(1, |m| m.version + 1);
    let txn = db.begin().await?;
    let draft = continuum_model::ActiveModel {
        org_id: Set(caller.org_id),
        version: Set(next),
        status: Set(VersionStatus::Draft),
        created_by: Set(Some(caller.id)),
        created_at: Set(Utc::now()),
        published_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    insert_cells(&txn, draft.id, doc_of(cells)).await?;
    txn.commit().await?;
    Ok(draft.id)
}

/// Rewords one cell of a draft: its description and its statements in the
/// order given. Statements sent with an id keep their key; those left out
/// are removed; new ones get a fresh key. All or nothing.
pub async fn save_cell(
    cx: &Ctx,
    model_id: i32,
    cell_id: i32,
    description: &str,
    statements: Vec<StatementEdit>,
) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let model = draft_in_org(db, caller, model_id).await?;
    let cell = continuum_cell::Entity::find_by_id(cell_id)
        .filter(continuum_cell::Column::ModelId.eq(model.id))
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("That cell of the model"))?;
    let existing = continuum_statement::Entity::find()
        .filter(continuum_statement::Column::ModelId.eq(model.id))
        .all(db)
        .await?;
    let component = crate::domain::placement::Component::parse(&cell.component)
        .ok_or_else(|| AppError::Internal("a continuum cell has an unknown component".into()))?;
    let stage = cell.stage.clamp(1, 5) as u8;

    let mut doc = CellDoc {
        stage,
        component,
        description: description.trim().to_string(),
        statements: vec![],
    };
    let mut keys: Vec<String> = existing
        .iter()
        .filter(|s| s.cell_id != cell.id)
        .map(|s| s.key.clone())
        .collect();
    let mut kept = vec![];
    for (i, edit) in statements.iter().enumerate() {
        let field = format!("statement-{}", i + 1);
        let check = match edit.check.trim() {
            "" => None,
            key => Some(DataCheck::parse(key).ok_or_else(|| {
                AppError::invalid(&field, "Choose one of the listed data checks, or none.")
            })?),
        };
        let key = match edit.id {
            Some(id) => {
                let s = existing
                    .iter()
                    .find(|s| s.id == id && s.cell_id == cell.id)
                    .ok_or_else(|| {
                        AppError::invalid(
                            &field,
                            format!(
                                "Statement {} is not one of this cell's statements; reload the page.",
                                i + 1
                            ),
                        )
                    })?;
                if kept.contains(&id) {
                    return Err(AppError::invalid(
                        &field,
                        format!("Statement {} appears twice; reload the page.", i + 1),
                    ));
                }
                kept.push(id);
                s.key.clone()
            }
            None => {
                let taken: Vec<&str> = keys.iter().map(String::as_str).collect();
                new_statement_key(component, stage, &taken)
            }
        };
        keys.push(key.clone());
        doc.statements.push(StatementDoc {
            key,
            text: edit.text.trim().to_string(),
            check,
        });
    }
    check_cell(&doc).map_err(|p| AppError::invalid(&p.field, p.message))?;

    let txn = db.begin().await?;
    let mut active: continuum_cell::ActiveModel = cell.clone().into();
    active.description = Set(doc.description.clone());
    active.update(&txn).await?;
    continuum_statement::Entity::delete_many()
        .filter(continuum_statement::Column::CellId.eq(cell.id))
        .filter(continuum_statement::Column::Id.is_not_in(kept.clone()))
        .exec(&txn)
        .await?;
    for (i, (edit, s)) in statements.iter().zip(doc.statements).enumerate() {
        let mut row = continuum_statement::ActiveModel {
            model_id: Set(model.id),
            cell_id: Set(cell.id),
            position: Set(i as i32),
            key: Set(s.key),
            text: Set(s.text),
            data_check: Set(s.check.map(|c| c.key().to_string())),
            ..Default::default()
        };
        match edit.id {
            Some(id) => {
                row.id = Set(id);
                row.update(&txn).await?;
            }
            None => {
                row.insert(&txn).await?;
            }
        }
    }
    txn.commit().await?;
    Ok(())
}

fn doc_of(cells: Vec<ContinuumCellView>) -> Vec<CellDoc> {
    cells
        .into_iter()
        .map(|c| CellDoc {
            stage: c.stage,
            component: c.component,
            description: c.description,
            statements: c
                .statements
                .into_iter()
                .map(|s| StatementDoc {
                    key: s.key,
                    text: s.text,
                    check: s.check,
                })
                .collect(),
        })
        .collect()
}

/// Makes the draft the version new assessments use; the previous version
/// is retired but stays with the assessments answered against it.
pub async fn publish(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let draft = draft_in_org(db, caller, id).await?;
    check_model(&doc_of(cells_of(db, draft.id).await?)).map_err(AppError::Conflict)?;
    versions::publish::<continuum_model::Entity>(db, caller.org_id, draft.id).await
}

pub async fn discard(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let draft = draft_in_org(db, caller, id).await?;
    let txn = db.begin().await?;
    continuum_statement::Entity::delete_many()
        .filter(continuum_statement::Column::ModelId.eq(draft.id))
        .exec(&txn)
        .await?;
    continuum_cell::Entity::delete_many()
        .filter(continuum_cell::Column::ModelId.eq(draft.id))
        .exec(&txn)
        .await?;
    continuum_model::Entity::delete_by_id(draft.id)
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}
