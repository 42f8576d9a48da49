use crate::domain::complaints::ComplaintEvent;
use sea_orm::entity::prelude::*;

/// One stamped step of a complaint: what happened, who did it, when.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "complaint_steps")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub complaint_id: i32,
    pub event: ComplaintEvent,
    pub actor_id: i32,
    pub at: ChronoDateTimeUtc,
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
