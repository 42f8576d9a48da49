//! Behavioural frameworks: versioned, edited as drafts, frozen once
//! published. Behaviours keep their lineage across versions.

mod edit;
mod store;
mod versions;

pub use edit::*;
pub use store::*;
pub use versions::*;
