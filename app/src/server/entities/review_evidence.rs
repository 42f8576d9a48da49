use crate::domain::lifecycle::EvidenceKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "review_evidence")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub review_id: i32,
    pub behaviour_id: Option<i32>,
    /// note or tally.
    pub kind: EvidenceKind,
    pub at_ms: Option<i32>,
    pub cue_index: Option<i32>,
    pub note: String,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
