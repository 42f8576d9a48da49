//! Calls: who may see which, the filtered list, one call, adding calls one
//! by one or by CSV import (all-or-nothing), transcripts.

mod access;
mod add;
mod detail;
mod export;
mod list;
mod media;

pub use access::*;
pub use add::*;
pub use detail::*;
pub use export::{calls_csv, filtered_ids, period_name, MAX_EXPORT_ROWS};
pub use list::*;
pub use media::*;
