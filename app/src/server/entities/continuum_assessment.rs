use crate::domain::lifecycle::AssessmentStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "continuum_assessments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub model_id: i32,
    /// The unit assessed; `None` for the whole organisation.
    pub team_id: Option<i32>,
    pub title: String,
    /// open or submitted.
    pub status: AssessmentStatus,
    pub created_by: i32,
    pub created_at: ChronoDateTimeUtc,
    pub submitted_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
