use crate::domain::ideas::IdeaStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "ideas")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub title: String,
    pub detail: String,
    /// The internal teams the idea depends on.
    pub involves: String,
    pub complaint_id: Option<i32>,
    pub status: IdeaStatus,
    /// Why it was declined.
    pub reason: Option<String>,
    pub created_by: i32,
    pub created_at: ChronoDateTimeUtc,
    pub decided_by: Option<i32>,
    pub decided_at: Option<ChronoDateTimeUtc>,
    pub in_practice_on: Option<ChronoDate>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
