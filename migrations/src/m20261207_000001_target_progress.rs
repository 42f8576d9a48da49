//! Target progress kept with the target: the number of calls counted and
//! their mean, beside the status already recorded. A team view of hundreds
//! of targets reads these instead of every rating since the oldest target.
//! Existing targets start without them (NULL) and are filled by the first
//! status refresh, which the server runs as it starts.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Targets {
    Table,
    ProgressCalls,
    ProgressMean,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Targets::Table)
                    .add_column(ColumnDef::new(Targets::ProgressCalls).integer().null())
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Targets::Table)
                    .add_column(ColumnDef::new(Targets::ProgressMean).double().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Targets::ProgressMean, Targets::ProgressCalls] {
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
