//! Service KPIs, the quality dashboards, which behaviours go with satisfied
//! customers, and what coaching changed (PRODUCT.md §6).

mod coaching;
mod complaints;
mod export;
mod figures;
mod insight;
mod insight_export;
mod quality;
mod reach;

pub use coaching::{agent_coaching, target_change, target_effects};
pub use complaints::complaint_kpis;
pub use export::{csv, heatmap_csv, reliability_csv, score_trends_csv};
pub use figures::*;
pub use insight::insight;
pub use insight_export::{agent_coaching_csv, insight_csv, target_effects_csv};
pub use quality::quality;
