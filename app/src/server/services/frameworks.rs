//! Behavioural frameworks: versioned, edited as drafts, frozen once
//! published. Behaviours keep their lineage across versions.

use crate::domain::access::Action;
use crate::domain::framework::{
    check_behaviour, check_publishable, default_framework, indicator_lines, BehaviourDoc,
    ClusterDoc, FrameworkDoc,
};
use crate::domain::lifecycle::VersionStatus;
use crate::error::AppError;
use crate::server::entities::{framework, framework_behaviour as fb, framework_cluster, review};
use crate::server::kernel::{AuthUser, Ctx, InOrg};
use crate::server::tokens::new_token;
use crate::types::{BehaviourView, ClusterView, FrameworkSummary, FrameworkView};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

fn new_lineage() -> String {
    new_token()[..16].to_string()
}

/// Stores a framework document as a new version of the organisation's
/// framework. `lineages` gives the lineage of each behaviour by key, for a
/// version made from an earlier one.
async fn insert_doc(
    db: &impl ConnectionTrait,
    org_id: i32,
    created_by: Option<i32>,
    doc: &FrameworkDoc,
    status: VersionStatus,
    based_on: Option<i32>,
    lineages: &std::collections::HashMap<String, String>,
) -> Result<framework::Model, AppError> {
    let version = framework::Entity::find()
        .filter(framework::Column::OrgId.eq(org_id))
        .order_by_desc(framework::Column::Version)
        .one(db)
        .await?
        .map_or(1, |f| f.version + 1);
    let now = Utc::now();
    let fw = framework::ActiveModel {
        org_id: Set(org_id),
        version: Set(version),
        name: Set(doc.name.clone()),
        description: Set(doc.description.clone()),
        status: Set(status),
        based_on: Set(based_on),
        created_by: Set(created_by),
        created_at: Set(now),
        published_at: Set((status == VersionStatus::Published).then_some(now)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut position = 0;
    for (ci, c) in doc.clusters.iter().enumerate() {
        let cluster = framework_cluster::ActiveModel {
            framework_id: Set(fw.id),
            position: Set(ci as i32),
            name: Set(c.name.clone()),
            description: Set(c.description.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for b in &c.behaviours {
            position += 1;
            behaviour_model(fw.id, cluster.id, position, b, lineages)
                .insert(db)
                .await?;
        }
    }
    Ok(fw)
}

fn behaviour_model(
    framework_id: i32,
    cluster_id: i32,
    position: i32,
    b: &BehaviourDoc,
    lineages: &std::collections::HashMap<String, String>,
) -> fb::ActiveModel {
    let anchor = |i: usize| Set(b.anchors.get(i).cloned().unwrap_or_default());
    fb::ActiveModel {
        framework_id: Set(framework_id),
        cluster_id: Set(cluster_id),
        position: Set(position),
        lineage: Set(lineages.get(&b.key).cloned().unwrap_or_else(new_lineage)),
        key: Set(b.key.clone()),
        name: Set(b.name.trim().to_string()),
        definition: Set(b.definition.trim().to_string()),
        positive: Set(b.positive.join("\n")),
        negative: Set(b.negative.join("\n")),
        weight: Set(b.weight as i32),
        critical: Set(b.critical),
        anchor1: anchor(0),
        anchor2: anchor(1),
        anchor3: anchor(2),
        anchor4: anchor(3),
        anchor5: anchor(4),
        ..Default::default()
    }
}

/// Gives a new organisation the default framework, published.
pub async fn install_default(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<framework::Model, AppError> {
    insert_doc(
        db,
        org_id,
        None,
        &default_framework(),
        VersionStatus::Published,
        None,
        &Default::default(),
    )
    .await
}

/// The version new reviews are scored on.
pub async fn current(db: &impl ConnectionTrait, org_id: i32) -> Result<framework::Model, AppError> {
    framework::Entity::find()
        .filter(framework::Column::OrgId.eq(org_id))
        .filter(framework::Column::Status.eq(VersionStatus::Published))
        .order_by_desc(framework::Column::Version)
        .one(db)
        .await?
        .ok_or_else(|| {
            AppError::Conflict(
                "Your organisation has no published framework yet: an admin needs to publish one."
                    .into(),
            )
        })
}

pub fn behaviour_view(b: fb::Model) -> BehaviourView {
    BehaviourView {
        id: b.id,
        cluster_id: b.cluster_id,
        lineage: b.lineage,
        key: b.key,
        name: b.name,
        definition: b.definition,
        positive: indicator_lines(&b.positive),
        negative: indicator_lines(&b.negative),
        weight: b.weight.max(0) as u32,
        critical: b.critical,
        anchors: vec![b.anchor1, b.anchor2, b.anchor3, b.anchor4, b.anchor5],
    }
}

pub async fn view_of(
    db: &impl ConnectionTrait,
    fw: framework::Model,
) -> Result<FrameworkView, AppError> {
    let clusters = framework_cluster::Entity::find()
        .filter(framework_cluster::Column::FrameworkId.eq(fw.id))
        .order_by_asc(framework_cluster::Column::Position)
        .all(db)
        .await?;
    let behaviours = fb::Entity::find()
        .filter(fb::Column::FrameworkId.eq(fw.id))
        .order_by_asc(fb::Column::Position)
        .all(db)
        .await?;
    let mut views: Vec<ClusterView> = clusters
        .into_iter()
        .map(|c| ClusterView {
            id: c.id,
            name: c.name,
            description: c.description,
            behaviours: vec![],
        })
        .collect();
    for b in behaviours {
        if let Some(c) = views.iter_mut().find(|c| c.id == b.cluster_id) {
            c.behaviours.push(behaviour_view(b));
        }
    }
    Ok(FrameworkView {
        id: fw.id,
        version: fw.version,
        name: fw.name,
        description: fw.description,
        status: fw.status,
        clusters: views,
    })
}

fn doc_of(view: &FrameworkView) -> FrameworkDoc {
    FrameworkDoc {
        name: view.name.clone(),
        description: view.description.clone(),
        clusters: view
            .clusters
            .iter()
            .map(|c| ClusterDoc {
                name: c.name.clone(),
                description: c.description.clone(),
                behaviours: c
                    .behaviours
                    .iter()
                    .map(|b| BehaviourDoc {
                        key: b.key.clone(),
                        name: b.name.clone(),
                        definition: b.definition.clone(),
                        positive: b.positive.clone(),
                        negative: b.negative.clone(),
                        weight: b.weight,
                        critical: b.critical,
                        anchors: b.anchors.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

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
            published_on: f.published_at.map(crate::server::kernel::dates::day),
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

async fn draft_in_org(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<framework::Model, AppError> {
    caller.require(Action::EditFramework)?;
    let fw = framework::Entity::get_in_org(db, caller.org_id, id).await?;
    if fw.status != VersionStatus::Draft {
        return Err(AppError::Conflict(format!(
            "Version {} is {} and can no longer be changed. Start a new version to make changes.",
            fw.version, fw.status
        )));
    }
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

pub async fn publish(cx: &Ctx, id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let fw = draft_in_org(db, caller, id).await?;
    let view = view_of(db, fw.clone()).await?;
    check_publishable(&doc_of(&view)).map_err(AppError::Conflict)?;
    let txn = db.begin().await?;
    framework::Entity::update_many()
        .col_expr(
            framework::Column::Status,
            sea_orm::sea_query::Expr::value(VersionStatus::Retired),
        )
        .filter(framework::Column::OrgId.eq(caller.org_id))
        .filter(framework::Column::Status.eq(VersionStatus::Published))
        .exec(&txn)
        .await?;
    let mut active: framework::ActiveModel = fw.into();
    active.status = Set(VersionStatus::Published);
    active.published_at = Set(Some(Utc::now()));
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
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
