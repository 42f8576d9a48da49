use crate::domain::lifecycle::CalibrationStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "calibration_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub title: String,
    pub organiser_id: i32,
    pub due_on: ChronoDate,
    pub status: CalibrationStatus,
    /// What the coaches agreed after the reveal.
    pub note: String,
    pub created_at: ChronoDateTimeUtc,
    pub revealed_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
