//! The call list with its filters, adding one call, and the CSV import.

mod import;
mod list;
mod new_call;

pub use import::*;
pub use list::*;
pub use new_call::*;
