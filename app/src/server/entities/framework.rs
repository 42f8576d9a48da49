use crate::domain::lifecycle::VersionStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "frameworks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub version: i32,
    pub name: String,
    pub description: String,
    /// draft, published or retired.
    pub status: VersionStatus,
    pub based_on: Option<i32>,
    pub created_by: Option<i32>,
    pub created_at: ChronoDateTimeUtc,
    pub published_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
