//! The KPI rollup (issue 13): each day's enquiries per channel, for the
//! whole organisation (team 0) and for each team, packed so a year of KPIs
//! reads a thousand rows instead of a hundred thousand calls. Kept in the
//! same transaction as the calls it holds; `server rebuild-rollups` makes
//! it again from the calls.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum KpiDays {
    Table,
    Id,
    OrgId,
    TeamId,
    Day,
    Channel,
    Enquiries,
    Pack,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(KpiDays::Table)
                    .col(pk_auto(KpiDays::Id))
                    .col(integer(KpiDays::OrgId))
                    // 0: the whole organisation.
                    .col(integer(KpiDays::TeamId))
                    .col(date(KpiDays::Day))
                    .col(string_len(KpiDays::Channel, 16))
                    .col(integer(KpiDays::Enquiries))
                    .col(blob(KpiDays::Pack))
                    .foreign_key(
                        ForeignKey::create()
                            .from(KpiDays::Table, KpiDays::OrgId)
                            .to(Organizations::Table, Organizations::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_kpi_days")
                    .table(KpiDays::Table)
                    .col(KpiDays::OrgId)
                    .col(KpiDays::TeamId)
                    .col(KpiDays::Day)
                    .col(KpiDays::Channel)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // PostgreSQL would compress the packs; reading a year of them would
        // then spend more time unpacking than the query itself.
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("ALTER TABLE kpi_days ALTER COLUMN pack SET STORAGE EXTERNAL")
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KpiDays::Table).to_owned())
            .await
    }
}
