//! A target remembers the status it was last computed to have, so a change
//! can be told to the people involved, and the day it was first achieved,
//! so achievement sticks (PRODUCT.md §4). Existing targets start with no
//! recorded status: the first computation records one without notifying.
//!
//! One open target per agent and behaviour is now a unique index over the
//! recorded status, so two requests racing each other cannot both set one.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

pub struct Migration;

const OPEN_INDEX: &str = "targets_one_open_per_behaviour";

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261127_000001_target_status"
    }
}

#[derive(DeriveIden)]
enum Targets {
    Table,
    Status,
    AchievedOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        manager
            .alter_table(
                Table::alter()
                    .table(Targets::Table)
                    .add_column(ColumnDef::new(Targets::Status).string_len(24).null())
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Targets::Table)
                    .add_column(ColumnDef::new(Targets::AchievedOn).date().null())
                    .to_owned(),
            )
            .await?;
        // A partial index, written the same way on SQLite and PostgreSQL.
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "CREATE UNIQUE INDEX {OPEN_INDEX} ON targets (agent_id, lineage) \
                 WHERE status IN ('not_enough_calls', 'on_track', 'at_risk')"
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(&format!("DROP INDEX {OPEN_INDEX}"))
            .await?;
        for column in [Targets::AchievedOn, Targets::Status] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Targets::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
