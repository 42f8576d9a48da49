//! The versions of a framework: listing, drafting, publishing, discarding.

use super::*;
use crate::domain::access::Action;
use crate::domain::framework::check_publishable;
use crate::domain::lifecycle::VersionStatus;
use crate::error::AppError;
use crate::server::entities::{framework, framework_behaviour as fb, framework_cluster, review};
use crate::server::kernel::versions::{self, must_be_draft};
use crate::server::kernel::{AuthUser, Ctx, InOrg};
use crate::types::{FrameworkSummary, FrameworkView};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};

pub async fn list(cx: &Ctx) -> Result<Vec<FrameworkSummary>, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let all = framework::Entity::find()
        .filter(framework::Column::OrgId.eq(caller.org_id))
        .order_by_desc(framework::Column::Version)
        .all(db)
        .await?;
    let mut out = vec![];
    for f in all {
        let behaviours = fb::Entity::find()
            .filter(fb::Column::FrameworkId.eq(f.id))
            .count(db)
            .await? as usize;
        let reviews = review::Entity::find()
            .filter(review::Column::FrameworkId.eq(f.id))
            .count(db)
            .await?;
        out.push(FrameworkSummary {
            id: f.id,
            version: f.version,
            name: f.name,
            status: f.status,
            published_on: f.published_at.map(|t| caller.clock.day(t)),
            behaviours,
            reviews,
        });
    }
    Ok(out)
}

pub async fn get(cx: &Ctx, id: i32) -> Result<FrameworkView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let fw = framework::Entity::get_in_org(db, caller.org_id, id).await?;
    if fw.status == VersionStatus::Draft {
        caller.require(Action::EditFramework)?;
    }
    view_of(db, fw).await
}

/// One version, or without an id the one in use (the latest published).
pub async fn show(cx: &Ctx, id: Option<i32>) -> Result<FrameworkView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    match id {
        Some(id) => get(cx, id).await,
        None => view_of(db, current(db, caller.org_id).await?).await,
    }
}

pub(super) async fn draft_in_org(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<framework::Model, AppError> {
    caller.require(Action::EditFramework)?;
    let fw = framework::Entity::get_in_org(db, caller.org_id, id).await?;
    must_be_draft(fw.version, fw.status, "make changes")?;
    Ok(fw)
}

/// Starts a draft from an existing version, keeping every behaviour's lineage.
pub async fn new_version(cx: &Ctx, from_id: i32) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::EditFramework)?;
    let from = framework::Entity::get_in_org(db, caller.org_id, from_id).await?;
    if let Some(draft) = framework::Entity::find()
        .filter(framework::Column::OrgId.eq(caller.org_id))
        .filter(framework::Column::Status.eq(VersionStatus::Draft))
        .one(db)
        .await?
    {
        return Err(AppError::Conflict(format!(
            "Version {} is already a draft: finish or discard it first.",
            draft.version
        )));
    }
    let view = view_of(db, from.clone()).await?;
    let lineages = view
        .behaviours()
        .map(|b| (b.key.clone(), b.lineage.clone()))
        .collect();
    let txn = db.begin().await?;
    let fw = insert_doc(
        &txn,
        caller.org_id,
        Some(caller.id),
        &doc_of(&view),
        VersionStatus::Draft,
        Some(from.id),
        &lineages,
    )
    .await?;
    txn.commit().await?;
    Ok(fw.id)
}

pub async fn publish(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let fw = draft_in_org(db, caller, id).await?;
    let view = view_of(db, fw.clone()).await?;
    check_publishable(&doc_of(&view)).map_err(AppError::Conflict)?;
    versions::publish::<framework::Entity>(db, caller.org_id, fw.id).await
}

pub async fn discard(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let fw = draft_in_org(db, caller, id).await?;
    let txn = db.begin().await?;
    fb::Entity::delete_many()
        .filter(fb::Column::FrameworkId.eq(fw.id))
        .exec(&txn)
        .await?;
    framework_cluster::Entity::delete_many()
        .filter(framework_cluster::Column::FrameworkId.eq(fw.id))
        .exec(&txn)
        .await?;
    framework::Entity::delete_by_id(fw.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}
