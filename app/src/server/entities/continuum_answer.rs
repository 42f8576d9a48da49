use crate::domain::placement::Answer;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "continuum_answers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub assessment_id: i32,
    pub user_id: i32,
    pub statement_id: i32,
    /// See `Answer::key`.
    pub answer: Answer,
    pub note: String,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
