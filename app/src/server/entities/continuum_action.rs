use crate::domain::lifecycle::ActionStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "continuum_actions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub assessment_id: i32,
    /// The next-step statement it was made from, if any.
    pub statement_id: Option<i32>,
    pub title: String,
    pub owner_id: Option<i32>,
    pub due_on: Option<Date>,
    /// open, in_progress or done.
    pub status: ActionStatus,
    pub created_by: i32,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
