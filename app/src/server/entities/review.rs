use crate::domain::lifecycle::{DisputeOutcome, ReviewStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "reviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    pub call_id: i32,
    pub agent_id: i32,
    pub team_id: i32,
    pub coach_id: i32,
    pub framework_id: i32,
    /// draft, submitted, acknowledged, disputed or resolved.
    pub status: ReviewStatus,
    pub score: Option<f64>,
    pub raw_score: Option<f64>,
    pub critical_fail: bool,
    pub strengths: String,
    pub development: String,
    pub created_at: ChronoDateTimeUtc,
    pub updated_at: ChronoDateTimeUtc,
    pub submitted_at: Option<ChronoDateTimeUtc>,
    pub acknowledged_at: Option<ChronoDateTimeUtc>,
    pub dispute_reason: Option<String>,
    pub disputed_at: Option<ChronoDateTimeUtc>,
    /// upheld or amended.
    pub resolution: Option<DisputeOutcome>,
    pub resolution_note: Option<String>,
    pub resolved_by: Option<i32>,
    pub resolved_at: Option<ChronoDateTimeUtc>,
    /// Set on a coach's blind score in a calibration session: practice that
    /// never counts as the agent's scored call. See [`ordinary`].
    pub calibration_id: Option<i32>,
    /// When the review was brought in from another QA tool's history; it
    /// counts as an ordinary review but never asks the agent to respond.
    pub imported_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// `status = '<key>'` with the key in the statement's text, not bound:
/// only then can a planner that plans once per statement use the partial
/// indexes on drafts and disputes (migration `m20261207_000002`).
pub fn status_is(status: ReviewStatus) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Expr, ExprTrait};
    Expr::col((Entity, Column::Status)).eq(Expr::Constant(status.key().into()))
}

/// Reviews of agents' calls, calibration practice left out: every view of
/// an agent's scored calls starts here.
pub fn ordinary() -> Select<Entity> {
    Entity::find().filter(Column::CalibrationId.is_null())
}
