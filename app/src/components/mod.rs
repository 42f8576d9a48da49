//! Building blocks shared by the pages.

pub mod charts;
pub mod feedback;
pub mod forms;
pub mod import;
pub mod layout;
pub mod reload;
pub mod review_bits;
pub mod table;
pub mod upload;
