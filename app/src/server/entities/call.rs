use crate::domain::calls::{Channel, Rectification};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "calls")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub team_id: i32,
    pub agent_id: i32,
    pub occurred_at: ChronoDateTimeUtc,
    pub channel: Channel,
    pub duration_seconds: i32,
    pub csat: Option<i16>,
    pub likelihood_to_recommend: Option<i16>,
    pub resolved: Option<bool>,
    pub resolution_minutes: Option<i32>,
    pub first_response_seconds: Option<i32>,
    pub abandoned: bool,
    pub complaint: bool,
    pub rectification: Option<Rectification>,
    pub follow_up_on: Option<ChronoDate>,
    pub reference: Option<String>,
    pub recording_key: Option<String>,
    pub recording_mime: Option<String>,
    pub recording_bytes: Option<i64>,
    pub transcript: Option<String>,
    /// Has a submitted review: kept on the call so the list filters fast.
    pub reviewed: bool,
    pub created_by: Option<i32>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
