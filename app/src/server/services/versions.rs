//! The life of a versioned document, shared by the behavioural framework
//! and the continuum model: an admin edits a draft, publishing makes it the
//! version new work uses, and the version it replaces is retired but kept
//! for the reviews or assessments made with it.

pub const DRAFT: &str = "draft";
pub const PUBLISHED: &str = "published";
pub const RETIRED: &str = "retired";
