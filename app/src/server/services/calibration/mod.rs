//! Calibration sessions (PRODUCT.md §3): several coaches score the same
//! calls blind on the ordinary scoring page, then see their ratings side by
//! side with Krippendorff's alpha and each coach's leniency, and record the
//! rating they agreed on.

mod agreement;
mod list;
mod sessions;
mod view;

pub use agreement::*;
pub use list::*;
pub use sessions::*;
pub use view::*;

use crate::domain::access;
use crate::error::AppError;
use crate::server::entities::{calibration_participant, calibration_session};
use crate::server::kernel::Ctx;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Select};
use std::collections::HashSet;

/// A call as a calibration page names it.
fn call_label(
    c: &crate::server::entities::call::Model,
    names: &crate::server::kernel::names::Names,
    clock: &crate::server::kernel::Clock,
) -> String {
    format!(
        "{} · {} · {}",
        names.person(c.agent_id),
        clock.when(c.occurred_at),
        c.channel.label()
    )
}

/// The sessions of `query` the caller reads (leaders all of them, a coach
/// those they organise or take part in), and the ids of those they take
/// part in.
async fn readable_sessions(
    cx: &Ctx,
    query: Select<calibration_session::Entity>,
) -> Result<(Vec<calibration_session::Model>, HashSet<i32>), AppError> {
    let caller = &cx.caller;
    let whole = access::sees_whole_organisation(caller.roles);
    let mine: HashSet<i32> = calibration_participant::Entity::find()
        .filter(calibration_participant::Column::UserId.eq(caller.id))
        .all(&cx.db)
        .await?
        .into_iter()
        .map(|p| p.session_id)
        .collect();
    let sessions = query
        .all(&cx.db)
        .await?
        .into_iter()
        .filter(|s| whole || s.organiser_id == caller.id || mine.contains(&s.id))
        .collect();
    Ok((sessions, mine))
}
