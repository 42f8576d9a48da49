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
    cx: &crate::server::kernel::Ctx,
    query: sea_orm::Select<crate::server::entities::calibration_session::Entity>,
) -> Result<
    (
        Vec<crate::server::entities::calibration_session::Model>,
        std::collections::HashSet<i32>,
    ),
    crate::error::AppError,
> {
    use crate::server::entities::calibration_participant as participant;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let caller = &cx.caller;
    let whole = crate::domain::access::sees_whole_organisation(caller.roles);
    let mine: std::collections::HashSet<i32> = participant::Entity::find()
        .filter(participant::Column::UserId.eq(caller.id))
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
