use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "self_ratings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub assessment_id: i32,
    pub behaviour_id: i32,
    pub lineage: String,
    pub level: i16,
    pub example: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
