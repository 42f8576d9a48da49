//! Behavioural targets with check-ins and the coach's agreement, and the
//! practice log. Progress is computed from the calls since the target was
//! set (see `domain::targets`); only the last status is recorded, to tell
//! people when it changes (`status`).

mod checkins;
mod page;
mod plan;
mod practice;
mod status;

pub use checkins::*;
pub use page::*;
pub use plan::*;
pub use practice::*;
pub use status::*;
