use crate::domain::practice::PracticeKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "practice_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub agent_id: i32,
    pub practised_on: Date,
    /// See `PracticeKind::key`.
    pub kind: PracticeKind,
    pub scenario: String,
    /// self or peer.
    pub rater: String,
    pub peer_name: String,
    pub rating: i16,
    pub reflection: String,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
