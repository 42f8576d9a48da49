//! The quality rollup (issue 13): each day's submitted reviews of an
//! organisation's calls, packed with their ratings, so the quality
//! dashboards read a few hundred rows instead of a million ratings. Kept in
//! the same transaction as the reviews it holds; `server rebuild-rollups`
//! makes it again.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum QualityDays {
    Table,
    Id,
    OrgId,
    Day,
    Reviews,
    Pack,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(QualityDays::Table)
                    .col(pk_auto(QualityDays::Id))
                    .col(integer(QualityDays::OrgId))
                    .col(date(QualityDays::Day))
                    .col(integer(QualityDays::Reviews))
                    .col(blob(QualityDays::Pack))
                    .foreign_key(
                        ForeignKey::create()
                            .from(QualityDays::Table, QualityDays::OrgId)
                            .to(Organizations::Table, Organizations::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_quality_days")
                    .table(QualityDays::Table)
                    .col(QualityDays::OrgId)
                    .col(QualityDays::Day)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // PostgreSQL would compress the packs; reading a year of them would
        // then spend more time unpacking than the query itself.
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(
                    "ALTER TABLE quality_days ALTER COLUMN pack SET STORAGE EXTERNAL",
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(QualityDays::Table).to_owned())
            .await
    }
}
