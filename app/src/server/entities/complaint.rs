use crate::domain::calls::Rectification;
use crate::domain::complaints::{ComplaintCategory, ComplaintSource, ComplaintStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "complaints")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub team_id: i32,
    /// The agent who took it, when known.
    pub agent_id: Option<i32>,
    pub call_id: Option<i32>,
    pub source: ComplaintSource,
    /// Made in public (a post): acknowledged publicly, continued in private.
    pub public: bool,
    /// Who complained: a name or the customer's reference.
    pub customer: String,
    pub category: Option<ComplaintCategory>,
    /// What the customer said (listen).
    pub said: String,
    pub status: ComplaintStatus,
    pub owner_id: i32,
    pub due_on: ChronoDate,
    pub rectification: Option<Rectification>,
    pub refund_cents: Option<i64>,
    /// Whether the customer accepted the rectification; None: not yet known.
    pub accepted: Option<bool>,
    pub rectification_note: Option<String>,
    pub follow_up_on: Option<ChronoDate>,
    pub follow_up_note: Option<String>,
    /// The day the latest follow-up was done (the complaint closed).
    pub followed_up_on: Option<ChronoDate>,
    pub satisfied: Option<bool>,
    pub outcome_note: Option<String>,
    pub closed_at: Option<ChronoDateTimeUtc>,
    pub reopened: i32,
    pub material_link: Option<String>,
    pub attachment_key: Option<String>,
    pub attachment_name: Option<String>,
    pub attachment_mime: Option<String>,
    pub attachment_bytes: Option<i64>,
    pub due_notified_on: Option<ChronoDate>,
    pub created_by: i32,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
