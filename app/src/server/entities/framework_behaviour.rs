use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "framework_behaviours")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub framework_id: i32,
    pub cluster_id: i32,
    pub position: i32,
    /// Shared by the versions of one behaviour, so trends stay comparable.
    pub lineage: String,
    pub key: String,
    pub name: String,
    pub definition: String,
    /// One indicator per line.
    pub positive: String,
    pub negative: String,
    pub weight: i32,
    pub critical: bool,
    pub anchor1: String,
    pub anchor2: String,
    pub anchor3: String,
    pub anchor4: String,
    pub anchor5: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
