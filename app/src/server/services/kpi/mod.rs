//! Service KPIs and, later, the quality dashboards (PRODUCT.md §6).

mod export;
mod figures;
mod quality;
mod reach;

pub use export::{csv, heatmap_csv, reliability_csv, score_trends_csv};
pub use figures::*;
pub use quality::quality;
