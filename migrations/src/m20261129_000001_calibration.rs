//! Calibration sessions (PRODUCT.md §3): several coaches score the same
//! calls blind. Their scores are ordinary review rows marked with the
//! session, so the scoring page, its evidence and its audit work unchanged,
//! while every view of an agent's scored calls leaves them out.
//!
//! A coach's one review per call becomes one ordinary review per call plus
//! one per calibration session: two partial unique indexes, written the
//! same way on SQLite and PostgreSQL.

use sea_orm_migration::sea_orm::ConnectionTrait;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Calls {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Reviews {
    Table,
    CalibrationId,
}

#[derive(DeriveIden)]
enum CalibrationSessions {
    Table,
    Id,
    OrgId,
    Title,
    OrganiserId,
    DueOn,
    Status,
    Note,
    CreatedAt,
    RevealedAt,
}

#[derive(DeriveIden)]
enum CalibrationCalls {
    Table,
    Id,
    SessionId,
    CallId,
}

#[derive(DeriveIden)]
enum CalibrationParticipants {
    Table,
    Id,
    SessionId,
    UserId,
}

#[derive(DeriveIden)]
enum CalibrationReferences {
    Table,
    Id,
    SessionId,
    CallId,
    BehaviourId,
    Rating,
}

/// The unique index it replaces.
const WHOLE: &str = "ux_reviews_call_coach";
const ORDINARY: &str = "ux_reviews_ordinary_call_coach";
const PER_SESSION: &str = "ux_reviews_session_call_coach";

fn fk(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CalibrationSessions::Table)
                    .col(pk_auto(CalibrationSessions::Id))
                    .col(integer(CalibrationSessions::OrgId))
                    .col(string_len(CalibrationSessions::Title, 200))
                    .col(integer(CalibrationSessions::OrganiserId))
                    .col(date(CalibrationSessions::DueOn))
                    .col(string_len(CalibrationSessions::Status, 16))
                    .col(text(CalibrationSessions::Note).default(""))
                    .col(timestamp_with_time_zone(CalibrationSessions::CreatedAt))
                    .col(timestamp_with_time_zone_null(
                        CalibrationSessions::RevealedAt,
                    ))
                    .foreign_key(&mut fk(
                        (CalibrationSessions::Table, CalibrationSessions::OrgId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .foreign_key(&mut fk(
                        (CalibrationSessions::Table, CalibrationSessions::OrganiserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_calibration_sessions_org")
                    .table(CalibrationSessions::Table)
                    .col(CalibrationSessions::OrgId)
                    .col(CalibrationSessions::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CalibrationCalls::Table)
                    .col(pk_auto(CalibrationCalls::Id))
                    .col(integer(CalibrationCalls::SessionId))
                    .col(integer(CalibrationCalls::CallId))
                    .foreign_key(
                        &mut fk(
                            (CalibrationCalls::Table, CalibrationCalls::SessionId),
                            (CalibrationSessions::Table, CalibrationSessions::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .foreign_key(&mut fk(
                        (CalibrationCalls::Table, CalibrationCalls::CallId),
                        (Calls::Table, Calls::Id),
                    ))
                    .index(
                        Index::create()
                            .name("ux_calibration_calls")
                            .col(CalibrationCalls::SessionId)
                            .col(CalibrationCalls::CallId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CalibrationParticipants::Table)
                    .col(pk_auto(CalibrationParticipants::Id))
                    .col(integer(CalibrationParticipants::SessionId))
                    .col(integer(CalibrationParticipants::UserId))
                    .foreign_key(
                        &mut fk(
                            (
                                CalibrationParticipants::Table,
                                CalibrationParticipants::SessionId,
                            ),
                            (CalibrationSessions::Table, CalibrationSessions::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .foreign_key(&mut fk(
                        (
                            CalibrationParticipants::Table,
                            CalibrationParticipants::UserId,
                        ),
                        (Users::Table, Users::Id),
                    ))
                    .index(
                        Index::create()
                            .name("ux_calibration_participants")
                            .col(CalibrationParticipants::SessionId)
                            .col(CalibrationParticipants::UserId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CalibrationReferences::Table)
                    .col(pk_auto(CalibrationReferences::Id))
                    .col(integer(CalibrationReferences::SessionId))
                    .col(integer(CalibrationReferences::CallId))
                    .col(integer(CalibrationReferences::BehaviourId))
                    .col(small_integer(CalibrationReferences::Rating))
                    .foreign_key(
                        &mut fk(
                            (
                                CalibrationReferences::Table,
                                CalibrationReferences::SessionId,
                            ),
                            (CalibrationSessions::Table, CalibrationSessions::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .index(
                        Index::create()
                            .name("ux_calibration_references")
                            .col(CalibrationReferences::SessionId)
                            .col(CalibrationReferences::CallId)
                            .col(CalibrationReferences::BehaviourId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Reviews::Table)
                    .add_column(ColumnDef::new(Reviews::CalibrationId).integer().null())
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(&format!("DROP INDEX {WHOLE}"))
            .await?;
        db.execute_unprepared(&format!(
            "CREATE UNIQUE INDEX {ORDINARY} ON reviews (call_id, coach_id) \
             WHERE calibration_id IS NULL"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "CREATE UNIQUE INDEX {PER_SESSION} ON reviews (calibration_id, call_id, coach_id) \
             WHERE calibration_id IS NOT NULL"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("DELETE FROM reviews WHERE calibration_id IS NOT NULL")
            .await?;
        db.execute_unprepared(&format!("DROP INDEX {PER_SESSION}"))
            .await?;
        db.execute_unprepared(&format!("DROP INDEX {ORDINARY}"))
            .await?;
        db.execute_unprepared(&format!(
            "CREATE UNIQUE INDEX {WHOLE} ON reviews (call_id, coach_id)"
        ))
        .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Reviews::Table)
                    .drop_column(Reviews::CalibrationId)
                    .to_owned(),
            )
            .await?;
        for table in [
            CalibrationReferences::Table.into_iden(),
            CalibrationParticipants::Table.into_iden(),
            CalibrationCalls::Table.into_iden(),
            CalibrationSessions::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
