//! SeaORM entities, one per table. Relations are expressed in queries, not
//! here: every query must also filter by organisation.

pub mod audit;
pub mod calibration_call;
pub mod calibration_participant;
pub mod calibration_reference;
pub mod calibration_session;
pub mod call;
pub mod complaint;
pub mod complaint_step;
pub mod continuum_action;
pub mod continuum_answer;
pub mod continuum_assessment;
pub mod continuum_cell;
pub mod continuum_model;
pub mod continuum_respondent;
pub mod continuum_statement;
pub mod framework;
pub mod framework_behaviour;
pub mod framework_cluster;
pub mod idea;
pub mod invitation;
pub mod kpi_day;
pub mod login_failure;
pub mod notification;
pub mod organization;
pub mod practice_behaviour;
pub mod practice_session;
pub mod quality_day;
pub mod review;
pub mod review_evidence;
pub mod review_rating;
pub mod sample;
pub mod sample_call;
pub mod self_assessment;
pub mod self_rating;
pub mod session;
pub mod target;
pub mod target_checkin;
pub mod team;
pub mod team_member;
pub mod user;

/// Domain enums stored as their keys in string columns: the same text as
/// always, read back as the type (an unknown key is a database error).
macro_rules! stored_as_key {
    ($($ty:ty),* $(,)?) => {$(
        impl From<$ty> for sea_orm::Value {
            fn from(v: $ty) -> Self {
                <$ty as StoredKey>::key(v).into()
            }
        }

        impl sea_orm::TryGetable for $ty {
            fn try_get_by<I: sea_orm::ColIdx>(
                res: &sea_orm::QueryResult,
                idx: I,
            ) -> Result<Self, sea_orm::TryGetError> {
                let key = String::try_get_by(res, idx)?;
                <$ty as StoredKey>::from_key(&key).ok_or_else(|| {
                    sea_orm::TryGetError::DbErr(sea_orm::DbErr::Type(format!(
                        "\"{key}\" is not a known {}",
                        <$ty as StoredKey>::KIND
                    )))
                })
            }
        }

        impl sea_orm::sea_query::ValueType for $ty {
            fn try_from(v: sea_orm::Value) -> Result<Self, sea_orm::sea_query::ValueTypeErr> {
                let key = <String as sea_orm::sea_query::ValueType>::try_from(v)?;
                <$ty as StoredKey>::from_key(&key).ok_or(sea_orm::sea_query::ValueTypeErr)
            }

            fn type_name() -> String {
                stringify!($ty).to_owned()
            }

            fn array_type() -> sea_orm::sea_query::ArrayType {
                sea_orm::sea_query::ArrayType::String
            }

            fn column_type() -> sea_orm::sea_query::ColumnType {
                sea_orm::sea_query::ColumnType::String(sea_orm::sea_query::StringLen::None)
            }
        }

        impl sea_orm::sea_query::Nullable for $ty {
            fn null() -> sea_orm::Value {
                sea_orm::Value::String(None)
            }
        }

        impl sea_orm::IntoActiveValue<$ty> for $ty {
            fn into_active_value(self) -> sea_orm::ActiveValue<$ty> {
                sea_orm::ActiveValue::Set(self)
            }
        }
    )*};
}

use crate::domain::calls::{Channel, Rectification};
use crate::domain::complaints::{
    ComplaintCategory, ComplaintEvent, ComplaintSource, ComplaintStatus,
};
use crate::domain::ideas::IdeaStatus;
use crate::domain::lifecycle::{
    ActionStatus, AssessmentStatus, CalibrationStatus, DisputeOutcome, EvidenceKind,
    MembershipKind, ReviewStatus, StoredKey, VersionStatus,
};
use crate::domain::placement::Answer;
use crate::domain::practice::PracticeKind;
use crate::domain::targets::TargetStatus;

stored_as_key!(
    ReviewStatus,
    DisputeOutcome,
    VersionStatus,
    AssessmentStatus,
    CalibrationStatus,
    ActionStatus,
    EvidenceKind,
    MembershipKind,
    Channel,
    Rectification,
    Answer,
    PracticeKind,
    TargetStatus,
    ComplaintStatus,
    ComplaintSource,
    ComplaintCategory,
    ComplaintEvent,
    IdeaStatus,
);
