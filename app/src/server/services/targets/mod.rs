//! Behavioural targets with check-ins and the coach's agreement, and the
//! practice log. Progress is never stored: it is computed from the reviews
//! submitted since the target was set (see `domain::targets`).

mod checkins;
mod page;
mod plan;
mod practice;

pub use checkins::*;
pub use page::*;
pub use plan::*;
pub use practice::*;
