use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "samples")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub created_by: i32,
    /// None: every team the person who drew it could see.
    pub team_id: Option<i32>,
    pub period_from: ChronoDate,
    pub period_to: ChronoDate,
    pub per_agent: i32,
    pub include_complaints: bool,
    pub min_seconds: Option<i32>,
    /// Channel keys separated by commas; empty means all.
    pub channels: String,
    pub seed: i64,
    pub due_on: ChronoDate,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
