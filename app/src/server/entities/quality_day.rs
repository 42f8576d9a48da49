use sea_orm::entity::prelude::*;

/// One day's submitted reviews of an organisation's calls, packed
/// (`domain::kpi::review_pack`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "quality_days")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub day: ChronoDate,
    pub reviews: i32,
    pub pack: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
