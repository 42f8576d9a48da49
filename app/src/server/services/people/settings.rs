//! Time zones: the organisation's (an admin's setting; its days, weeks and
//! months follow it) and a person's own (the times they read and type).

use crate::domain::access::{self, Action};
use crate::error::AppError;
use crate::server::entities::{organization, target, user};
use crate::server::kernel::clock::{parse_zone, zone_names};
use crate::server::kernel::{kpi_rollup, quality_rollup, Ctx};
use crate::server::services::targets::refresh_statuses;
use crate::types::TimeZoneSettings;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect, Set,
    TransactionTrait,
};

pub async fn time_zones(cx: &Ctx) -> Result<TimeZoneSettings, AppError> {
    let me = user::Entity::find_by_id(cx.caller.id)
        .one(&cx.db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    Ok(TimeZoneSettings {
        org_zone: cx.caller.clock.org_zone().name().to_string(),
        own_zone: me.time_zone,
        names: zone_names(),
        can_manage: access::permits_any(cx.caller.roles, Action::ManageSettings),
    })
}

/// Sets the organisation's zone. Its stored days are cut again by the new
/// zone in the same transaction, so no report mixes the two.
pub async fn set_org_time_zone(cx: &Ctx, raw: &str) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManageSettings)?;
    let zone = parse_zone(raw, "org_zone")?;
    let org = organization::Entity::find_by_id(caller.org_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found("Organisation"))?;
    if org.time_zone == zone.name() {
        return Ok(());
    }
    let txn = db.begin().await?;
    let mut m = org.into_active_model();
    m.time_zone = Set(zone.name().to_string());
    m.update(&txn).await?;
    kpi_rollup::rebuild(&txn, caller.org_id).await?;
    quality_rollup::rebuild(&txn, caller.org_id).await?;
    // Due days end at the new zone's midnight, and achievement days are
    // read in it: every target is read again.
    let agents: Vec<i32> = target::Entity::find()
        .select_only()
        .column(target::Column::AgentId)
        .filter(target::Column::OrgId.eq(caller.org_id))
        .distinct()
        .into_tuple()
        .all(&txn)
        .await?;
    refresh_statuses(&txn, caller.org_id, &agents, Utc::now()).await?;
    txn.commit().await?;
    tracing::info!(
        org_id = caller.org_id,
        zone = zone.name(),
        "organisation time zone set"
    );
    Ok(())
}

/// Sets the caller's own zone; blank follows the organisation's.
pub async fn set_my_time_zone(cx: &Ctx, raw: &str) -> Result<(), AppError> {
    let zone = match raw.trim() {
        "" => None,
        v => Some(parse_zone(v, "own_zone")?.name().to_string()),
    };
    let u = user::Entity::find_by_id(cx.caller.id)
        .one(&cx.db)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let mut m = u.into_active_model();
    m.time_zone = Set(zone);
    m.update(&cx.db).await?;
    Ok(())
}
