use crate::domain::targets::TargetStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "targets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub agent_id: i32,
    /// The behaviour as it was when the target was set; progress follows
    /// its lineage into later framework versions.
    pub behaviour_id: i32,
    pub lineage: String,
    /// The coach rating when the target was set (none without scored calls).
    pub baseline: Option<f64>,
    pub baseline_calls: i32,
    pub level: i16,
    pub due_on: Date,
    pub plan: String,
    pub created_by: i32,
    pub created_at: ChronoDateTimeUtc,
    pub agreed_by: Option<i32>,
    pub agreed_at: Option<ChronoDateTimeUtc>,
    /// The status last computed, to notify when it changes.
    pub status: Option<TargetStatus>,
    /// The day it was first achieved: achievement sticks.
    pub achieved_on: Option<Date>,
    /// The calls counted and their mean at the last refresh, so a view of
    /// many targets need not read their ratings (none until the first).
    pub progress_calls: Option<i32>,
    pub progress_mean: Option<f64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Targets still being worked on: not achieved (achievement sticks), or not
/// yet computed.
pub fn not_achieved() -> sea_orm::Condition {
    sea_orm::Condition::any()
        .add(Column::Status.is_null())
        .add(Column::Status.ne(TargetStatus::Achieved))
}
