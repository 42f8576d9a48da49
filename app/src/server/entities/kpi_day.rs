use crate::domain::calls::Channel;
use sea_orm::entity::prelude::*;

/// One day's enquiries of one channel, packed (`domain::kpi::pack`), for
/// the whole organisation (`team_id` 0) or one team.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "kpi_days")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub team_id: i32,
    pub day: ChronoDate,
    pub channel: Channel,
    pub enquiries: i32,
    pub pack: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
