//! The agent's development: self-assessments, behavioural targets with their
//! check-ins, and the practice log.

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
enum Frameworks {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum FrameworkBehaviours {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SelfAssessments {
    Table,
    Id,
    OrgId,
    AgentId,
    FrameworkId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SelfRatings {
    Table,
    Id,
    AssessmentId,
    BehaviourId,
    Lineage,
    Level,
    Example,
}

#[derive(DeriveIden)]
enum Targets {
    Table,
    Id,
    OrgId,
    AgentId,
    BehaviourId,
    Lineage,
    Baseline,
    BaselineCalls,
    Level,
    DueOn,
    Plan,
    CreatedBy,
    CreatedAt,
    AgreedBy,
    AgreedAt,
}

#[derive(DeriveIden)]
enum TargetCheckins {
    Table,
    Id,
    TargetId,
    AuthorId,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PracticeSessions {
    Table,
    Id,
    OrgId,
    AgentId,
    PractisedOn,
    Kind,
    Scenario,
    Rater,
    PeerName,
    Rating,
    Reflection,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PracticeBehaviours {
    Table,
    Id,
    SessionId,
    Lineage,
}

fn fk(
    from_table: impl IntoIden,
    from_col: impl IntoIden,
    to_table: impl IntoIden,
    to_col: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from_table, from_col)
        .to(to_table, to_col)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
) -> Result<(), DbErr> {
    let mut stmt = Index::create();
    stmt.name(name).table(table);
    for c in cols {
        stmt.col(c);
    }
    manager.create_index(stmt.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SelfAssessments::Table)
                    .col(pk_auto(SelfAssessments::Id))
                    .col(integer(SelfAssessments::OrgId))
                    .col(integer(SelfAssessments::AgentId))
                    .col(integer(SelfAssessments::FrameworkId))
                    .col(timestamp_with_time_zone(SelfAssessments::CreatedAt))
                    .foreign_key(&mut fk(
                        SelfAssessments::Table,
                        SelfAssessments::OrgId,
                        Organizations::Table,
                        Organizations::Id,
                    ))
                    .foreign_key(&mut fk(
                        SelfAssessments::Table,
                        SelfAssessments::AgentId,
                        Users::Table,
                        Users::Id,
                    ))
                    .foreign_key(&mut fk(
                        SelfAssessments::Table,
                        SelfAssessments::FrameworkId,
                        Frameworks::Table,
                        Frameworks::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_self_assessments_agent",
            SelfAssessments::Table,
            vec![
                SelfAssessments::AgentId.into_iden(),
                SelfAssessments::CreatedAt.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(SelfRatings::Table)
                    .col(pk_auto(SelfRatings::Id))
                    .col(integer(SelfRatings::AssessmentId))
                    .col(integer(SelfRatings::BehaviourId))
                    .col(string_len(SelfRatings::Lineage, 64))
                    .col(small_integer(SelfRatings::Level))
                    .col(text(SelfRatings::Example))
                    .foreign_key(&mut fk(
                        SelfRatings::Table,
                        SelfRatings::AssessmentId,
                        SelfAssessments::Table,
                        SelfAssessments::Id,
                    ))
                    .foreign_key(&mut fk(
                        SelfRatings::Table,
                        SelfRatings::BehaviourId,
                        FrameworkBehaviours::Table,
                        FrameworkBehaviours::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_self_ratings_assessment",
            SelfRatings::Table,
            vec![SelfRatings::AssessmentId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Targets::Table)
                    .col(pk_auto(Targets::Id))
                    .col(integer(Targets::OrgId))
                    .col(integer(Targets::AgentId))
                    .col(integer(Targets::BehaviourId))
                    .col(string_len(Targets::Lineage, 64))
                    .col(double_null(Targets::Baseline))
                    .col(integer(Targets::BaselineCalls))
                    .col(small_integer(Targets::Level))
                    .col(date(Targets::DueOn))
                    .col(text(Targets::Plan))
                    .col(integer(Targets::CreatedBy))
                    .col(timestamp_with_time_zone(Targets::CreatedAt))
                    .col(integer_null(Targets::AgreedBy))
                    .col(timestamp_with_time_zone_null(Targets::AgreedAt))
                    .foreign_key(&mut fk(
                        Targets::Table,
                        Targets::OrgId,
                        Organizations::Table,
                        Organizations::Id,
                    ))
                    .foreign_key(&mut fk(
                        Targets::Table,
                        Targets::AgentId,
                        Users::Table,
                        Users::Id,
                    ))
                    .foreign_key(&mut fk(
                        Targets::Table,
                        Targets::BehaviourId,
                        FrameworkBehaviours::Table,
                        FrameworkBehaviours::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_targets_agent",
            Targets::Table,
            vec![Targets::AgentId.into_iden(), Targets::DueOn.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(TargetCheckins::Table)
                    .col(pk_auto(TargetCheckins::Id))
                    .col(integer(TargetCheckins::TargetId))
                    .col(integer(TargetCheckins::AuthorId))
                    .col(text(TargetCheckins::Note))
                    .col(timestamp_with_time_zone(TargetCheckins::CreatedAt))
                    .foreign_key(&mut fk(
                        TargetCheckins::Table,
                        TargetCheckins::TargetId,
                        Targets::Table,
                        Targets::Id,
                    ))
                    .foreign_key(&mut fk(
                        TargetCheckins::Table,
                        TargetCheckins::AuthorId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_target_checkins_target",
            TargetCheckins::Table,
            vec![TargetCheckins::TargetId.into_iden()],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(PracticeSessions::Table)
                    .col(pk_auto(PracticeSessions::Id))
                    .col(integer(PracticeSessions::OrgId))
                    .col(integer(PracticeSessions::AgentId))
                    .col(date(PracticeSessions::PractisedOn))
                    .col(string_len(PracticeSessions::Kind, 16))
                    .col(text(PracticeSessions::Scenario))
                    .col(string_len(PracticeSessions::Rater, 8))
                    .col(string_len(PracticeSessions::PeerName, 120))
                    .col(small_integer(PracticeSessions::Rating))
                    .col(text(PracticeSessions::Reflection))
                    .col(timestamp_with_time_zone(PracticeSessions::CreatedAt))
                    .foreign_key(&mut fk(
                        PracticeSessions::Table,
                        PracticeSessions::OrgId,
                        Organizations::Table,
                        Organizations::Id,
                    ))
                    .foreign_key(&mut fk(
                        PracticeSessions::Table,
                        PracticeSessions::AgentId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_practice_sessions_agent",
            PracticeSessions::Table,
            vec![
                PracticeSessions::AgentId.into_iden(),
                PracticeSessions::PractisedOn.into_iden(),
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(PracticeBehaviours::Table)
                    .col(pk_auto(PracticeBehaviours::Id))
                    .col(integer(PracticeBehaviours::SessionId))
                    .col(string_len(PracticeBehaviours::Lineage, 64))
                    .foreign_key(&mut fk(
                        PracticeBehaviours::Table,
                        PracticeBehaviours::SessionId,
                        PracticeSessions::Table,
                        PracticeSessions::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_practice_behaviours_session",
            PracticeBehaviours::Table,
            vec![PracticeBehaviours::SessionId.into_iden()],
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PracticeBehaviours::Table.into_iden(),
            PracticeSessions::Table.into_iden(),
            TargetCheckins::Table.into_iden(),
            Targets::Table.into_iden(),
            SelfRatings::Table.into_iden(),
            SelfAssessments::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
