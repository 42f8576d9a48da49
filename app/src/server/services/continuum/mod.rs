//! The practices continuum (PRODUCT.md §5): the model each organisation
//! answers (versioned, the default written from the seeds), assessments with
//! several respondents, placement by the rules in `domain::placement`, what
//! moved since the unit's previous assessment, the evidence the product's
//! own data gives, and the action plan. Rewording the model is in
//! `continuum_model`.
//!
//! Only leaders and admins of the organisation reach any of it.

mod actions;
mod answers;
mod assessments;
mod evidence;
mod export;
mod model;
mod result;

pub use actions::*;
pub use answers::*;
pub use assessments::*;
pub use evidence::*;
pub use export::*;
pub use model::*;
pub use result::*;
