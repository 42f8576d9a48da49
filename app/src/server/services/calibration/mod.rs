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
