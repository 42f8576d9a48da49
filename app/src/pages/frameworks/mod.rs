//! The behavioural framework: its versions, one version in full, and (for
//! admins) the draft editor with publish.

mod behaviours;
mod page;

pub use behaviours::*;
pub use page::*;
