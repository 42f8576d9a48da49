use sea_orm::entity::prelude::*;

/// The rating the coaches agreed on for one behaviour of one call.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "calibration_references")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub session_id: i32,
    pub call_id: i32,
    pub behaviour_id: i32,
    /// The stored form of a `Rating`: 1–5, 0 Missed, -1 N/A.
    pub rating: i16,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
