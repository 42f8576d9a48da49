//! The practices continuum: the model (versioned per organisation), the
//! assessments leaders answer with their respondents and answers, and the
//! action plans built from them.

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
enum ContinuumModels {
    Table,
    Id,
    OrgId,
    Version,
    Status,
    CreatedBy,
    CreatedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum ContinuumCells {
    Table,
    Id,
    ModelId,
    Stage,
    Component,
    Description,
}

#[derive(DeriveIden)]
enum ContinuumStatements {
    Table,
    Id,
    ModelId,
    CellId,
    Position,
    Key,
    Text,
    DataCheck,
}

#[derive(DeriveIden)]
enum ContinuumAssessments {
    Table,
    Id,
    OrgId,
    ModelId,
    TeamId,
    Title,
    Status,
    CreatedBy,
    CreatedAt,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum ContinuumRespondents {
    Table,
    Id,
    AssessmentId,
    UserId,
    InvitedBy,
    InvitedAt,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum ContinuumAnswers {
    Table,
    Id,
    AssessmentId,
    UserId,
    StatementId,
    Answer,
    Note,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ContinuumActions {
    Table,
    Id,
    AssessmentId,
    StatementId,
    Title,
    OwnerId,
    DueOn,
    Status,
    CreatedBy,
    CreatedAt,
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
    unique: bool,
) -> Result<(), DbErr> {
    let mut stmt = Index::create();
    stmt.name(name).table(table);
    for c in cols {
        stmt.col(c);
    }
    if unique {
        stmt.unique();
    }
    manager.create_index(stmt.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ContinuumModels::Table)
                    .col(pk_auto(ContinuumModels::Id))
                    .col(integer(ContinuumModels::OrgId))
                    .col(integer(ContinuumModels::Version))
                    .col(string_len(ContinuumModels::Status, 16))
                    .col(integer_null(ContinuumModels::CreatedBy))
                    .col(timestamp_with_time_zone(ContinuumModels::CreatedAt))
                    .col(timestamp_with_time_zone_null(ContinuumModels::PublishedAt))
                    .foreign_key(&mut fk(
                        ContinuumModels::Table,
                        ContinuumModels::OrgId,
                        Organizations::Table,
                        Organizations::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_continuum_models_version",
            ContinuumModels::Table,
            vec![
                ContinuumModels::OrgId.into_iden(),
                ContinuumModels::Version.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ContinuumCells::Table)
                    .col(pk_auto(ContinuumCells::Id))
                    .col(integer(ContinuumCells::ModelId))
                    .col(small_integer(ContinuumCells::Stage))
                    .col(string_len(ContinuumCells::Component, 24))
                    .col(text(ContinuumCells::Description))
                    .foreign_key(&mut fk(
                        ContinuumCells::Table,
                        ContinuumCells::ModelId,
                        ContinuumModels::Table,
                        ContinuumModels::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_continuum_cells_model",
            ContinuumCells::Table,
            vec![ContinuumCells::ModelId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ContinuumStatements::Table)
                    .col(pk_auto(ContinuumStatements::Id))
                    .col(integer(ContinuumStatements::ModelId))
                    .col(integer(ContinuumStatements::CellId))
                    .col(integer(ContinuumStatements::Position))
                    .col(string_len(ContinuumStatements::Key, 64))
                    .col(text(ContinuumStatements::Text))
                    .col(string_len_null(ContinuumStatements::DataCheck, 32))
                    .foreign_key(&mut fk(
                        ContinuumStatements::Table,
                        ContinuumStatements::ModelId,
                        ContinuumModels::Table,
                        ContinuumModels::Id,
                    ))
                    .foreign_key(&mut fk(
                        ContinuumStatements::Table,
                        ContinuumStatements::CellId,
                        ContinuumCells::Table,
                        ContinuumCells::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_continuum_statements_key",
            ContinuumStatements::Table,
            vec![
                ContinuumStatements::ModelId.into_iden(),
                ContinuumStatements::Key.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ContinuumAssessments::Table)
                    .col(pk_auto(ContinuumAssessments::Id))
                    .col(integer(ContinuumAssessments::OrgId))
                    .col(integer(ContinuumAssessments::ModelId))
                    .col(integer_null(ContinuumAssessments::TeamId))
                    .col(string_len(ContinuumAssessments::Title, 160))
                    .col(string_len(ContinuumAssessments::Status, 16))
                    .col(integer(ContinuumAssessments::CreatedBy))
                    .col(timestamp_with_time_zone(ContinuumAssessments::CreatedAt))
                    .col(timestamp_with_time_zone_null(
                        ContinuumAssessments::SubmittedAt,
                    ))
                    .foreign_key(&mut fk(
                        ContinuumAssessments::Table,
                        ContinuumAssessments::OrgId,
                        Organizations::Table,
                        Organizations::Id,
                    ))
                    .foreign_key(&mut fk(
                        ContinuumAssessments::Table,
                        ContinuumAssessments::ModelId,
                        ContinuumModels::Table,
                        ContinuumModels::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_continuum_assessments_org",
            ContinuumAssessments::Table,
            vec![
                ContinuumAssessments::OrgId.into_iden(),
                ContinuumAssessments::CreatedAt.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ContinuumRespondents::Table)
                    .col(pk_auto(ContinuumRespondents::Id))
                    .col(integer(ContinuumRespondents::AssessmentId))
                    .col(integer(ContinuumRespondents::UserId))
                    .col(integer(ContinuumRespondents::InvitedBy))
                    .col(timestamp_with_time_zone(ContinuumRespondents::InvitedAt))
                    .col(timestamp_with_time_zone_null(
                        ContinuumRespondents::SubmittedAt,
                    ))
                    .foreign_key(&mut fk(
                        ContinuumRespondents::Table,
                        ContinuumRespondents::AssessmentId,
                        ContinuumAssessments::Table,
                        ContinuumAssessments::Id,
                    ))
                    .foreign_key(&mut fk(
                        ContinuumRespondents::Table,
                        ContinuumRespondents::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_continuum_respondents",
            ContinuumRespondents::Table,
            vec![
                ContinuumRespondents::AssessmentId.into_iden(),
                ContinuumRespondents::UserId.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ContinuumAnswers::Table)
                    .col(pk_auto(ContinuumAnswers::Id))
                    .col(integer(ContinuumAnswers::AssessmentId))
                    .col(integer(ContinuumAnswers::UserId))
                    .col(integer(ContinuumAnswers::StatementId))
                    .col(string_len(ContinuumAnswers::Answer, 8))
                    .col(text(ContinuumAnswers::Note))
                    .col(timestamp_with_time_zone(ContinuumAnswers::UpdatedAt))
                    .foreign_key(&mut fk(
                        ContinuumAnswers::Table,
                        ContinuumAnswers::AssessmentId,
                        ContinuumAssessments::Table,
                        ContinuumAssessments::Id,
                    ))
                    .foreign_key(&mut fk(
                        ContinuumAnswers::Table,
                        ContinuumAnswers::StatementId,
                        ContinuumStatements::Table,
                        ContinuumStatements::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_continuum_answers",
            ContinuumAnswers::Table,
            vec![
                ContinuumAnswers::AssessmentId.into_iden(),
                ContinuumAnswers::UserId.into_iden(),
                ContinuumAnswers::StatementId.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ContinuumActions::Table)
                    .col(pk_auto(ContinuumActions::Id))
                    .col(integer(ContinuumActions::AssessmentId))
                    .col(integer_null(ContinuumActions::StatementId))
                    .col(text(ContinuumActions::Title))
                    .col(integer_null(ContinuumActions::OwnerId))
                    .col(date_null(ContinuumActions::DueOn))
                    .col(string_len(ContinuumActions::Status, 16))
                    .col(integer(ContinuumActions::CreatedBy))
                    .col(timestamp_with_time_zone(ContinuumActions::CreatedAt))
                    .foreign_key(&mut fk(
                        ContinuumActions::Table,
                        ContinuumActions::AssessmentId,
                        ContinuumAssessments::Table,
                        ContinuumAssessments::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_continuum_actions_assessment",
            ContinuumActions::Table,
            vec![ContinuumActions::AssessmentId.into_iden()],
            false,
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ContinuumActions::Table.into_iden(),
            ContinuumAnswers::Table.into_iden(),
            ContinuumRespondents::Table.into_iden(),
            ContinuumAssessments::Table.into_iden(),
            ContinuumStatements::Table.into_iden(),
            ContinuumCells::Table.into_iden(),
            ContinuumModels::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
