//! Frameworks as stored: versions with clusters and behaviours, the
//! default framework, and the view every page reads.

use crate::domain::framework::{
    default_framework, indicator_lines, BehaviourDoc, ClusterDoc, FrameworkDoc,
};
use crate::domain::lifecycle::VersionStatus;
use crate::error::AppError;
use crate::server::entities::{framework, framework_behaviour as fb, framework_cluster};
use crate::server::tokens::new_token;
use crate::types::{BehaviourView, ClusterView, FrameworkView};
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub(super) fn new_lineage() -> String {
    new_token()[..16].to_string()
}

/// Stores a framework document as a new version of the organisation's
/// framework. `lineages` gives the lineage of each behaviour by key, for a
/// version made from an earlier one.
pub(super) async fn insert_doc(
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

pub(super) fn behaviour_model(
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

pub(super) fn doc_of(view: &FrameworkView) -> FrameworkDoc {
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
