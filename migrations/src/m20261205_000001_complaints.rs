//! Complaints as a workflow (issue 16): the register with each complaint's
//! owner, due date and every step's record; the stamped steps; and service
//! ideas. Calls already flagged as complaints get their register entries.

use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};
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
enum Complaints {
    Table,
    Id,
    OrgId,
    TeamId,
    AgentId,
    CallId,
    Source,
    Public,
    Customer,
    Category,
    Said,
    Status,
    OwnerId,
    DueOn,
    Rectification,
    RefundCents,
    Accepted,
    RectificationNote,
    FollowUpOn,
    FollowUpNote,
    FollowedUpOn,
    Satisfied,
    OutcomeNote,
    ClosedAt,
    Reopened,
    MaterialLink,
    AttachmentKey,
    AttachmentName,
    AttachmentMime,
    AttachmentBytes,
    DueNotifiedOn,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ComplaintSteps {
    Table,
    Id,
    OrgId,
    ComplaintId,
    Event,
    ActorId,
    At,
    Note,
}

#[derive(DeriveIden)]
enum Ideas {
    Table,
    Id,
    OrgId,
    Title,
    Detail,
    Involves,
    ComplaintId,
    Status,
    Reason,
    CreatedBy,
    CreatedAt,
    DecidedBy,
    DecidedAt,
    InPracticeOn,
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
                    .table(Complaints::Table)
                    .col(pk_auto(Complaints::Id))
                    .col(integer(Complaints::OrgId))
                    .col(integer(Complaints::TeamId))
                    .col(integer_null(Complaints::AgentId))
                    .col(integer_null(Complaints::CallId))
                    .col(string_len(Complaints::Source, 16))
                    .col(boolean(Complaints::Public))
                    .col(string_len(Complaints::Customer, 200))
                    .col(string_len_null(Complaints::Category, 16))
                    .col(text(Complaints::Said))
                    .col(string_len(Complaints::Status, 32))
                    .col(integer(Complaints::OwnerId))
                    .col(date(Complaints::DueOn))
                    .col(string_len_null(Complaints::Rectification, 16))
                    .col(big_integer_null(Complaints::RefundCents))
                    .col(boolean_null(Complaints::Accepted))
                    .col(text_null(Complaints::RectificationNote))
                    .col(date_null(Complaints::FollowUpOn))
                    .col(text_null(Complaints::FollowUpNote))
                    .col(date_null(Complaints::FollowedUpOn))
                    .col(boolean_null(Complaints::Satisfied))
                    .col(text_null(Complaints::OutcomeNote))
                    .col(timestamp_with_time_zone_null(Complaints::ClosedAt))
                    .col(integer(Complaints::Reopened).default(0))
                    .col(string_len_null(Complaints::MaterialLink, 500))
                    .col(string_len_null(Complaints::AttachmentKey, 200))
                    .col(string_len_null(Complaints::AttachmentName, 200))
                    .col(string_len_null(Complaints::AttachmentMime, 64))
                    .col(big_integer_null(Complaints::AttachmentBytes))
                    // The date whose "now due" notification went out, so
                    // it goes out once however many servers look.
                    .col(date_null(Complaints::DueNotifiedOn))
                    .col(integer(Complaints::CreatedBy))
                    .col(timestamp_with_time_zone(Complaints::CreatedAt))
                    .foreign_key(&mut fk(
                        (Complaints::Table, Complaints::OrgId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Complaints::Table, Complaints::TeamId),
                        (Teams::Table, Teams::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Complaints::Table, Complaints::AgentId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Complaints::Table, Complaints::OwnerId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Complaints::Table, Complaints::CallId),
                        (Calls::Table, Calls::Id),
                    ))
                    // One register entry per call.
                    .index(
                        Index::create()
                            .name("ux_complaints_call")
                            .col(Complaints::CallId)
                            .unique(),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "ix_complaints_org_created",
                vec![Complaints::OrgId, Complaints::CreatedAt],
            ),
            (
                "ix_complaints_owner",
                vec![Complaints::OwnerId, Complaints::Status],
            ),
            (
                "ix_complaints_team",
                vec![Complaints::TeamId, Complaints::Status],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(Complaints::Table);
            for c in cols {
                index.col(c);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ComplaintSteps::Table)
                    .col(pk_auto(ComplaintSteps::Id))
                    .col(integer(ComplaintSteps::OrgId))
                    .col(integer(ComplaintSteps::ComplaintId))
                    .col(string_len(ComplaintSteps::Event, 32))
                    .col(integer(ComplaintSteps::ActorId))
                    .col(timestamp_with_time_zone(ComplaintSteps::At))
                    .col(text_null(ComplaintSteps::Note))
                    .foreign_key(&mut fk(
                        (ComplaintSteps::Table, ComplaintSteps::ComplaintId),
                        (Complaints::Table, Complaints::Id),
                    ))
                    .foreign_key(&mut fk(
                        (ComplaintSteps::Table, ComplaintSteps::ActorId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_complaint_steps_complaint")
                    .table(ComplaintSteps::Table)
                    .col(ComplaintSteps::ComplaintId)
                    .col(ComplaintSteps::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Ideas::Table)
                    .col(pk_auto(Ideas::Id))
                    .col(integer(Ideas::OrgId))
                    .col(string_len(Ideas::Title, 200))
                    .col(text(Ideas::Detail))
                    // The internal teams the idea needs (billing, logistics…).
                    .col(string_len(Ideas::Involves, 200))
                    .col(integer_null(Ideas::ComplaintId))
                    .col(string_len(Ideas::Status, 16))
                    .col(text_null(Ideas::Reason))
                    .col(integer(Ideas::CreatedBy))
                    .col(timestamp_with_time_zone(Ideas::CreatedAt))
                    .col(integer_null(Ideas::DecidedBy))
                    .col(timestamp_with_time_zone_null(Ideas::DecidedAt))
                    .col(date_null(Ideas::InPracticeOn))
                    .foreign_key(&mut fk(
                        (Ideas::Table, Ideas::OrgId),
                        (Organizations::Table, Organizations::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Ideas::Table, Ideas::ComplaintId),
                        (Complaints::Table, Complaints::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Ideas::Table, Ideas::CreatedBy),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_ideas_org")
                    .table(Ideas::Table)
                    .col(Ideas::OrgId)
                    .col(Ideas::CreatedAt)
                    .to_owned(),
            )
            .await?;
        backfill(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Ideas::Table.into_iden(),
            ComplaintSteps::Table.into_iden(),
            Complaints::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Calls flagged as complaints before the register existed get an entry at
/// the step their call data shows, owned by whoever added the call (or its
/// agent), due on their follow-up date or five days after the call.
async fn backfill(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT id, org_id, team_id, agent_id, occurred_at, rectification, follow_up_on, created_by \
             FROM calls WHERE complaint",
        ))
        .await?;
    for row in rows {
        let id: i32 = row.try_get("", "id")?;
        let org_id: i32 = row.try_get("", "org_id")?;
        let team_id: i32 = row.try_get("", "team_id")?;
        let agent_id: i32 = row.try_get("", "agent_id")?;
        let occurred: chrono::DateTime<chrono::Utc> = row.try_get("", "occurred_at")?;
        let rectification: Option<String> = row.try_get("", "rectification")?;
        let follow_up: Option<chrono::NaiveDate> = row.try_get("", "follow_up_on")?;
        let created_by: Option<i32> = row.try_get("", "created_by")?;
        let status = match (&rectification, follow_up) {
            (Some(_), Some(_)) => "follow_up_due",
            (Some(_), None) => "rectification_offered",
            _ => "received",
        };
        let due = follow_up.unwrap_or(occurred.date_naive() + chrono::Duration::days(5));
        let insert = Query::insert()
            .into_table(Complaints::Table)
            .columns([
                Complaints::OrgId,
                Complaints::TeamId,
                Complaints::AgentId,
                Complaints::CallId,
                Complaints::Source,
                Complaints::Public,
                Complaints::Customer,
                Complaints::Said,
                Complaints::Status,
                Complaints::OwnerId,
                Complaints::DueOn,
                Complaints::Rectification,
                Complaints::FollowUpOn,
                Complaints::Reopened,
                Complaints::CreatedBy,
                Complaints::CreatedAt,
            ])
            .values_panic([
                org_id.into(),
                team_id.into(),
                agent_id.into(),
                id.into(),
                "call".into(),
                false.into(),
                "".into(),
                "".into(),
                status.into(),
                created_by.unwrap_or(agent_id).into(),
                due.into(),
                rectification.into(),
                follow_up.into(),
                0.into(),
                created_by.unwrap_or(agent_id).into(),
                occurred.into(),
            ])
            .to_owned();
        manager.exec_stmt(insert).await?;
    }
    Ok(())
}
