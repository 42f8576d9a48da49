//! The call list with its filters, adding one call, the CSV import, and
//! importing review history.

mod history;
mod import;
mod list;
mod new_call;

pub use history::HistoryImportPage;
pub use import::*;
pub use list::*;
pub use new_call::*;
