//! Service KPIs and, later, the quality dashboards (PRODUCT.md §6).

mod export;
mod figures;

pub use export::csv;
pub use figures::*;
