//! Service KPIs and, later, the quality dashboards (PRODUCT.md §6).

mod figures;

pub use figures::*;
