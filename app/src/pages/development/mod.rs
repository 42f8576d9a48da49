//! The agent's development page (self rating beside coach rating, blind
//! spots, targets, practice) and the coach's team view.

mod benchmark;
mod page;
mod team;

pub use benchmark::*;
pub use page::*;
pub use team::*;
