//! Database schema, applied at server start. Every migration must run on
//! both SQLite (the embedded default) and PostgreSQL (the scale path).

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_foundation;
mod m20261123_000001_reviews;
mod m20261124_000001_development;
mod m20261125_000001_continuum;
mod m20261126_000001_exact_review_scores;
mod m20261127_000001_target_status;
mod m20261128_000001_team_archive;
mod m20261129_000001_calibration;
mod m20261130_000001_sampling;
mod m20261201_000001_lookup_indexes;
mod m20261202_000001_kpi_rollup;
mod m20261203_000001_quality_rollup;
mod m20261204_000001_review_history;
mod m20261205_000001_complaints;
mod m20261206_000001_review_agent_index;
mod m20261206_000002_time_zones;
mod m20261207_000001_target_progress;
mod m20261207_000002_review_queue_indexes;
mod m20261207_000003_call_reference_index;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_foundation::Migration),
            Box::new(m20261123_000001_reviews::Migration),
            Box::new(m20261124_000001_development::Migration),
            Box::new(m20261125_000001_continuum::Migration),
            Box::new(m20261126_000001_exact_review_scores::Migration),
            Box::new(m20261127_000001_target_status::Migration),
            Box::new(m20261128_000001_team_archive::Migration),
            Box::new(m20261129_000001_calibration::Migration),
            Box::new(m20261130_000001_sampling::Migration),
            Box::new(m20261201_000001_lookup_indexes::Migration),
            Box::new(m20261202_000001_kpi_rollup::Migration),
            Box::new(m20261203_000001_quality_rollup::Migration),
            Box::new(m20261204_000001_review_history::Migration),
            Box::new(m20261205_000001_complaints::Migration),
            Box::new(m20261206_000001_review_agent_index::Migration),
            Box::new(m20261206_000002_time_zones::Migration),
            Box::new(m20261207_000001_target_progress::Migration),
            Box::new(m20261207_000002_review_queue_indexes::Migration),
            Box::new(m20261207_000003_call_reference_index::Migration),
        ]
    }
}
