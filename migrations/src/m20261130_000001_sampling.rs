//! Random samples of calls for review (PRODUCT.md §3): the rules and seed of
//! each accepted draw, and each drawn call's coach and due date. A call is in
//! at most one sample, so a call already assigned is never drawn again.

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
enum Teams {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Calls {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Samples {
    Table,
    Id,
    OrgId,
    CreatedBy,
    TeamId,
    PeriodFrom,
    PeriodTo,
    PerAgent,
    IncludeComplaints,
    MinSeconds,
    Channels,
    Seed,
    DueOn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SampleCalls {
    Table,
    Id,
    OrgId,
    SampleId,
    CallId,
    CoachId,
    DueOn,
}

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
                    .table(Samples::Table)
                    .col(pk_auto(Samples::Id))
                    .col(integer(Samples::OrgId))
                    .col(integer(Samples::CreatedBy))
                    // None: every team the person who drew it could see.
                    .col(integer_null(Samples::TeamId))
                    .col(date(Samples::PeriodFrom))
                    .col(date(Samples::PeriodTo))
                    .col(integer(Samples::PerAgent))
                    .col(boolean(Samples::IncludeComplaints))
                    .col(integer_null(Samples::MinSeconds))
                    // Channel keys separated by commas; empty means all.
                    .col(string_len(Samples::Channels, 64))
                    .col(big_integer(Samples::Seed))
                    .col(date(Samples::DueOn))
                    .col(timestamp_with_time_zone(Samples::CreatedAt))
                    .foreign_key(&mut fk(
                        (Samples::Table, Samples::OrgId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Samples::Table, Samples::CreatedBy),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Samples::Table, Samples::TeamId),
                        (Teams::Table, Teams::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_samples_org")
                    .table(Samples::Table)
                    .col(Samples::OrgId)
                    .col(Samples::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SampleCalls::Table)
                    .col(pk_auto(SampleCalls::Id))
                    .col(integer(SampleCalls::OrgId))
                    .col(integer(SampleCalls::SampleId))
                    .col(integer(SampleCalls::CallId))
                    // None until someone assigns it (a team without a coach).
                    .col(integer_null(SampleCalls::CoachId))
                    .col(date(SampleCalls::DueOn))
                    .foreign_key(
                        &mut fk(
                            (SampleCalls::Table, SampleCalls::SampleId),
                            (Samples::Table, Samples::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .foreign_key(&mut fk(
                        (SampleCalls::Table, SampleCalls::OrgId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .foreign_key(&mut fk(
                        (SampleCalls::Table, SampleCalls::CallId),
                        (Calls::Table, Calls::Id),
                    ))
                    .foreign_key(&mut fk(
                        (SampleCalls::Table, SampleCalls::CoachId),
                        (Users::Table, Users::Id),
                    ))
                    // A call is drawn once, ever: two people accepting
                    // overlapping draws at once cannot both take it.
                    .index(
                        Index::create()
                            .name("ux_sample_calls_call")
                            .col(SampleCalls::CallId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_sample_calls_sample",
                vec![SampleCalls::SampleId, SampleCalls::CallId],
            ),
            (
                "ix_sample_calls_coach",
                vec![SampleCalls::CoachId, SampleCalls::DueOn],
            ),
            ("ix_sample_calls_org", vec![SampleCalls::OrgId]),
        ] {
            let mut index = Index::create();
            index.name(name).table(SampleCalls::Table);
            for c in cols {
                index.col(c);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SampleCalls::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Samples::Table).to_owned())
            .await
    }
}
