//! Tenancy by construction: every table that belongs to an organisation
//! implements [`InOrg`], and reads go through [`InOrg::in_org`] or
//! [`InOrg::get_in_org`], which always filter by the caller's organisation.
//! A forged id from another organisation reads exactly like one that does
//! not exist.

use crate::error::AppError;
use crate::server::entities::{
    audit, calibration_session, call, complaint, continuum_assessment, continuum_model, framework,
    idea, invitation, notification, practice_session, review, sample, sample_call, self_assessment,
    target, team, user,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Select};

/// A table whose rows each belong to one organisation.
pub trait InOrg: EntityTrait {
    /// How a missing row is named to the person, e.g. "That team".
    const WHAT: &'static str;

    fn org_column() -> Self::Column;

    /// Every row of the organisation; further filters narrow it.
    fn in_org(org_id: i32) -> Select<Self> {
        Self::find().filter(Self::org_column().eq(org_id))
    }

    /// One row by id, or "not found" if it is missing or another
    /// organisation's.
    fn get_in_org<C>(
        db: &C,
        org_id: i32,
        id: i32,
    ) -> impl std::future::Future<Output = Result<Self::Model, AppError>> + Send
    where
        C: ConnectionTrait,
        Self::Model: Send,
        Self: HasIdColumn,
    {
        async move {
            Self::in_org(org_id)
                .filter(Self::id_column().eq(id))
                .one(db)
                .await?
                .ok_or_else(|| AppError::not_found(Self::WHAT))
        }
    }
}

/// Tables keyed by an integer `id`.
pub trait HasIdColumn: EntityTrait {
    fn id_column() -> Self::Column;
}

macro_rules! in_org {
    ($($module:ident => $what:literal),* $(,)?) => {$(
        impl InOrg for $module::Entity {
            const WHAT: &'static str = $what;
            fn org_column() -> Self::Column {
                $module::Column::OrgId
            }
        }
        impl HasIdColumn for $module::Entity {
            fn id_column() -> Self::Column {
                $module::Column::Id
            }
        }
    )*};
}

in_org! {
    audit => "That audit entry",
    calibration_session => "That calibration session",
    call => "That call",
    complaint => "That complaint",
    idea => "That idea",
    continuum_assessment => "That assessment",
    continuum_model => "That version of the continuum model",
    framework => "That framework",
    invitation => "That invitation",
    notification => "That notification",
    practice_session => "That practice session",
    review => "That review",
    sample => "That sample",
    sample_call => "That call of the sample",
    self_assessment => "That self-assessment",
    target => "That target",
    team => "That team",
    user => "That person",
}
