//! The agent's development (PRODUCT.md §4): who may see whose development,
//! the coach ratings behind it, the benchmark view, self-assessments and the
//! coach's team view. Targets and practice are in `targets`.

mod agents;
mod benchmark;
mod export;
mod progress;
mod ratings;
mod self_assessment;
mod summaries;
mod team;
mod team_view;

pub use agents::*;
pub use benchmark::*;
pub use export::*;
pub use progress::*;
pub use ratings::*;
pub use self_assessment::*;
pub use summaries::*;
pub use team::*;
pub use team_view::*;
