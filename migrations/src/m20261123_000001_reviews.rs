//! Behavioural frameworks (versioned), calls with their outcome data and
//! recordings, reviews with ratings and evidence, the audit log and in-app
//! notifications.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Teams {
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
    OrgId,
    Version,
    Name,
    Description,
    Status,
    BasedOn,
    CreatedBy,
    CreatedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum FrameworkClusters {
    Table,
    Id,
    FrameworkId,
    Position,
    Name,
    Description,
}

#[derive(DeriveIden)]
enum FrameworkBehaviours {
    Table,
    Id,
    FrameworkId,
    ClusterId,
    Position,
    Lineage,
    Key,
    Name,
    Definition,
    Positive,
    Negative,
    Weight,
    Critical,
    Anchor1,
    Anchor2,
    Anchor3,
    Anchor4,
    Anchor5,
}

#[derive(DeriveIden)]
enum Calls {
    Table,
    Id,
    OrgId,
    TeamId,
    AgentId,
    OccurredAt,
    Channel,
    DurationSeconds,
    Csat,
    LikelihoodToRecommend,
    Resolved,
    ResolutionMinutes,
    FirstResponseSeconds,
    Abandoned,
    Complaint,
    Rectification,
    FollowUpOn,
    Reference,
    RecordingKey,
    RecordingMime,
    RecordingBytes,
    Transcript,
    Reviewed,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Reviews {
    Table,
    Id,
    OrgId,
    CallId,
    AgentId,
    TeamId,
    CoachId,
    FrameworkId,
    Status,
    Score,
    RawScore,
    CriticalFail,
    Strengths,
    Development,
    CreatedAt,
    UpdatedAt,
    SubmittedAt,
    AcknowledgedAt,
    DisputeReason,
    DisputedAt,
    Resolution,
    ResolutionNote,
    ResolvedBy,
    ResolvedAt,
}

#[derive(DeriveIden)]
enum ReviewRatings {
    Table,
    Id,
    ReviewId,
    BehaviourId,
    Rating,
}

#[derive(DeriveIden)]
enum ReviewEvidence {
    Table,
    Id,
    ReviewId,
    BehaviourId,
    Kind,
    AtMs,
    CueIndex,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    OrgId,
    ActorId,
    Entity,
    EntityId,
    Action,
    Before,
    After,
    At,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    OrgId,
    UserId,
    Text,
    Link,
    CreatedAt,
    ReadAt,
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
                    .table(Frameworks::Table)
                    .col(pk_auto(Frameworks::Id))
                    .col(integer(Frameworks::OrgId))
                    .col(integer(Frameworks::Version))
                    .col(string_len(Frameworks::Name, 120))
                    .col(text(Frameworks::Description))
                    .col(string_len(Frameworks::Status, 16))
                    .col(integer_null(Frameworks::BasedOn))
                    .col(integer_null(Frameworks::CreatedBy))
                    .col(timestamp_with_time_zone(Frameworks::CreatedAt))
                    .col(timestamp_with_time_zone_null(Frameworks::PublishedAt))
                    .foreign_key(&mut fk(
                        Frameworks::Table,
                        Frameworks::OrgId,
                        Organizations::Table,
                        Organizations::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_frameworks_org_version",
            Frameworks::Table,
            vec![
                Frameworks::OrgId.into_iden(),
                Frameworks::Version.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(FrameworkClusters::Table)
                    .col(pk_auto(FrameworkClusters::Id))
                    .col(integer(FrameworkClusters::FrameworkId))
                    .col(integer(FrameworkClusters::Position))
                    .col(string_len(FrameworkClusters::Name, 80))
                    .col(text(FrameworkClusters::Description))
                    .foreign_key(&mut fk(
                        FrameworkClusters::Table,
                        FrameworkClusters::FrameworkId,
                        Frameworks::Table,
                        Frameworks::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_framework_clusters_fw",
            FrameworkClusters::Table,
            vec![FrameworkClusters::FrameworkId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(FrameworkBehaviours::Table)
                    .col(pk_auto(FrameworkBehaviours::Id))
                    .col(integer(FrameworkBehaviours::FrameworkId))
                    .col(integer(FrameworkBehaviours::ClusterId))
                    .col(integer(FrameworkBehaviours::Position))
                    .col(string_len(FrameworkBehaviours::Lineage, 40))
                    .col(string_len(FrameworkBehaviours::Key, 40))
                    .col(string_len(FrameworkBehaviours::Name, 80))
                    .col(text(FrameworkBehaviours::Definition))
                    .col(text(FrameworkBehaviours::Positive))
                    .col(text(FrameworkBehaviours::Negative))
                    .col(integer(FrameworkBehaviours::Weight))
                    .col(boolean(FrameworkBehaviours::Critical))
                    .col(text(FrameworkBehaviours::Anchor1))
                    .col(text(FrameworkBehaviours::Anchor2))
                    .col(text(FrameworkBehaviours::Anchor3))
                    .col(text(FrameworkBehaviours::Anchor4))
                    .col(text(FrameworkBehaviours::Anchor5))
                    .foreign_key(&mut fk(
                        FrameworkBehaviours::Table,
                        FrameworkBehaviours::FrameworkId,
                        Frameworks::Table,
                        Frameworks::Id,
                    ))
                    .foreign_key(&mut fk(
                        FrameworkBehaviours::Table,
                        FrameworkBehaviours::ClusterId,
                        FrameworkClusters::Table,
                        FrameworkClusters::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_framework_behaviours_key",
            FrameworkBehaviours::Table,
            vec![
                FrameworkBehaviours::FrameworkId.into_iden(),
                FrameworkBehaviours::Key.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "ix_framework_behaviours_lineage",
            FrameworkBehaviours::Table,
            vec![FrameworkBehaviours::Lineage.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Calls::Table)
                    .col(pk_auto(Calls::Id))
                    .col(integer(Calls::OrgId))
                    .col(integer(Calls::TeamId))
                    .col(integer(Calls::AgentId))
                    .col(timestamp_with_time_zone(Calls::OccurredAt))
                    .col(string_len(Calls::Channel, 16))
                    .col(integer(Calls::DurationSeconds))
                    .col(small_integer_null(Calls::Csat))
                    .col(small_integer_null(Calls::LikelihoodToRecommend))
                    .col(boolean_null(Calls::Resolved))
                    .col(integer_null(Calls::ResolutionMinutes))
                    .col(integer_null(Calls::FirstResponseSeconds))
                    .col(boolean(Calls::Abandoned))
                    .col(boolean(Calls::Complaint))
                    .col(string_len_null(Calls::Rectification, 16))
                    .col(date_null(Calls::FollowUpOn))
                    .col(string_len_null(Calls::Reference, 80))
                    .col(string_len_null(Calls::RecordingKey, 200))
                    .col(string_len_null(Calls::RecordingMime, 40))
                    .col(big_integer_null(Calls::RecordingBytes))
                    .col(text_null(Calls::Transcript))
                    .col(boolean(Calls::Reviewed).default(false))
                    .col(integer_null(Calls::CreatedBy))
                    .col(timestamp_with_time_zone(Calls::CreatedAt))
                    .foreign_key(&mut fk(
                        Calls::Table,
                        Calls::OrgId,
                        Organizations::Table,
                        Organizations::Id,
                    ))
                    .foreign_key(&mut fk(
                        Calls::Table,
                        Calls::TeamId,
                        Teams::Table,
                        Teams::Id,
                    ))
                    .foreign_key(&mut fk(
                        Calls::Table,
                        Calls::AgentId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // The call list pages by (occurred_at, id) under every filter.
        index(
            manager,
            "ix_calls_org_time",
            Calls::Table,
            vec![
                Calls::OrgId.into_iden(),
                Calls::OccurredAt.into_iden(),
                Calls::Id.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "ix_calls_agent_time",
            Calls::Table,
            vec![
                Calls::AgentId.into_iden(),
                Calls::OccurredAt.into_iden(),
                Calls::Id.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "ix_calls_team_time",
            Calls::Table,
            vec![
                Calls::TeamId.into_iden(),
                Calls::OccurredAt.into_iden(),
                Calls::Id.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Reviews::Table)
                    .col(pk_auto(Reviews::Id))
                    .col(integer(Reviews::OrgId))
                    .col(integer(Reviews::CallId))
                    .col(integer(Reviews::AgentId))
                    .col(integer(Reviews::TeamId))
                    .col(integer(Reviews::CoachId))
                    .col(integer(Reviews::FrameworkId))
                    .col(string_len(Reviews::Status, 16))
                    .col(double_null(Reviews::Score))
                    .col(double_null(Reviews::RawScore))
                    .col(boolean(Reviews::CriticalFail).default(false))
                    .col(text(Reviews::Strengths))
                    .col(text(Reviews::Development))
                    .col(timestamp_with_time_zone(Reviews::CreatedAt))
                    .col(timestamp_with_time_zone(Reviews::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Reviews::SubmittedAt))
                    .col(timestamp_with_time_zone_null(Reviews::AcknowledgedAt))
                    .col(text_null(Reviews::DisputeReason))
                    .col(timestamp_with_time_zone_null(Reviews::DisputedAt))
                    .col(string_len_null(Reviews::Resolution, 16))
                    .col(text_null(Reviews::ResolutionNote))
                    .col(integer_null(Reviews::ResolvedBy))
                    .col(timestamp_with_time_zone_null(Reviews::ResolvedAt))
                    .foreign_key(&mut fk(
                        Reviews::Table,
                        Reviews::OrgId,
                        Organizations::Table,
                        Organizations::Id,
                    ))
                    .foreign_key(&mut fk(
                        Reviews::Table,
                        Reviews::CallId,
                        Calls::Table,
                        Calls::Id,
                    ))
                    .foreign_key(&mut fk(
                        Reviews::Table,
                        Reviews::FrameworkId,
                        Frameworks::Table,
                        Frameworks::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_reviews_call_coach",
            Reviews::Table,
            vec![Reviews::CallId.into_iden(), Reviews::CoachId.into_iden()],
            true,
        )
        .await?;
        index(
            manager,
            "ix_reviews_agent",
            Reviews::Table,
            vec![
                Reviews::AgentId.into_iden(),
                Reviews::SubmittedAt.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "ix_reviews_org_status",
            Reviews::Table,
            vec![Reviews::OrgId.into_iden(), Reviews::Status.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ReviewRatings::Table)
                    .col(pk_auto(ReviewRatings::Id))
                    .col(integer(ReviewRatings::ReviewId))
                    .col(integer(ReviewRatings::BehaviourId))
                    .col(small_integer(ReviewRatings::Rating))
                    .foreign_key(&mut fk(
                        ReviewRatings::Table,
                        ReviewRatings::ReviewId,
                        Reviews::Table,
                        Reviews::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ux_review_ratings",
            ReviewRatings::Table,
            vec![
                ReviewRatings::ReviewId.into_iden(),
                ReviewRatings::BehaviourId.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ReviewEvidence::Table)
                    .col(pk_auto(ReviewEvidence::Id))
                    .col(integer(ReviewEvidence::ReviewId))
                    .col(integer_null(ReviewEvidence::BehaviourId))
                    .col(string_len(ReviewEvidence::Kind, 16))
                    .col(integer_null(ReviewEvidence::AtMs))
                    .col(integer_null(ReviewEvidence::CueIndex))
                    .col(text(ReviewEvidence::Note))
                    .col(timestamp_with_time_zone(ReviewEvidence::CreatedAt))
                    .foreign_key(&mut fk(
                        ReviewEvidence::Table,
                        ReviewEvidence::ReviewId,
                        Reviews::Table,
                        Reviews::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_review_evidence_review",
            ReviewEvidence::Table,
            vec![ReviewEvidence::ReviewId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(pk_auto(AuditLog::Id))
                    .col(integer(AuditLog::OrgId))
                    .col(integer(AuditLog::ActorId))
                    .col(string_len(AuditLog::Entity, 32))
                    .col(integer(AuditLog::EntityId))
                    .col(string_len(AuditLog::Action, 32))
                    .col(text_null(AuditLog::Before))
                    .col(text_null(AuditLog::After))
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .foreign_key(&mut fk(
                        AuditLog::Table,
                        AuditLog::OrgId,
                        Organizations::Table,
                        Organizations::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_audit_org_time",
            AuditLog::Table,
            vec![AuditLog::OrgId.into_iden(), AuditLog::At.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(pk_auto(Notifications::Id))
                    .col(integer(Notifications::OrgId))
                    .col(integer(Notifications::UserId))
                    .col(text(Notifications::Text))
                    .col(string_len(Notifications::Link, 200))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                    .foreign_key(&mut fk(
                        Notifications::Table,
                        Notifications::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "ix_notifications_user",
            Notifications::Table,
            vec![
                Notifications::UserId.into_iden(),
                Notifications::CreatedAt.into_iden(),
            ],
            false,
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Notifications::Table.into_iden(),
            AuditLog::Table.into_iden(),
            ReviewEvidence::Table.into_iden(),
            ReviewRatings::Table.into_iden(),
            Reviews::Table.into_iden(),
            Calls::Table.into_iden(),
            FrameworkBehaviours::Table.into_iden(),
            FrameworkClusters::Table.into_iden(),
            Frameworks::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
