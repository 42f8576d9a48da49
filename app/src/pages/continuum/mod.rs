//! The practices continuum for leaders: the list of assessments side by
//! side, and one assessment's questionnaire, result picture, next steps and
//! action plan. One page component serves both routes, so the continuum is
//! one wasm chunk.

mod actions;
mod assessment;
mod history;
mod page;
mod picture;
mod questionnaire;
mod result;

pub use actions::*;
pub use assessment::*;
pub use history::*;
pub use page::*;
pub use picture::*;
pub use questionnaire::*;
pub use result::*;
