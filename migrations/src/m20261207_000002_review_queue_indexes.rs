//! The review queue's drafts and disputes, found without reading every
//! review. Almost every review is submitted or acknowledged, so an index on
//! the status alone looks useless to a planner that knows only averages
//! (and SQLite plans each statement once, not per value): at 70,000 reviews
//! both lookups read the whole table on every home page. Partial indexes
//! hold only the few open drafts and disputes, and a status term that
//! matches one tells SQLite's planner the term is selective; the queries
//! name the status in their text (`review::status_is`), since a bound value
//! matches no partial index.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const DRAFTS: &str = "ix_reviews_drafts";
const DISPUTED: &str = "ix_reviews_disputed";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(&format!(
            "CREATE INDEX {DRAFTS} ON reviews (coach_id, updated_at) WHERE status = 'draft'"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "CREATE INDEX {DISPUTED} ON reviews (org_id) WHERE status = 'disputed'"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for index in [DISPUTED, DRAFTS] {
            db.execute_unprepared(&format!("DROP INDEX {index}"))
                .await?;
        }
        Ok(())
    }
}
