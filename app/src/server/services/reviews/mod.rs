//! Reviews: a coach scores a call against the framework version current
//! when the review started; the agent acknowledges or disputes; another
//! coach or a leader resolves the dispute. Every change to a submitted
//! review is written to the audit log.

mod calibration;
mod disputes;
mod export;
mod history;
mod queue;
mod read;
mod scoring;

pub use disputes::*;
pub use export::*;
pub use history::{history_template, import_history};
pub use queue::*;
pub use read::*;
pub use scoring::*;
