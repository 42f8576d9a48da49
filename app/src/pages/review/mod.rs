//! A review: the scoring page while it is the coach's draft, the read view
//! (acknowledge, dispute, resolve) once submitted.

mod behaviours;
mod calibration;
mod page;
mod player;
mod read;
mod respond;
mod scorer;

pub use behaviours::*;
use calibration::*;
pub use page::*;
pub use player::*;
pub use read::*;
pub use respond::*;
pub use scorer::*;
