//! Indexes for lookups that otherwise read a whole table at scale (issue
//! 18): a review's audit entries, the reviews of a framework version, an
//! organisation's reviews by when they were submitted, and the practice
//! sessions of a behaviour.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    OrgId,
    Entity,
    EntityId,
}

#[derive(DeriveIden)]
enum Reviews {
    Table,
    OrgId,
    FrameworkId,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum PracticeBehaviours {
    Table,
    Lineage,
}

fn indexes() -> Vec<(&'static str, TableRef, Vec<DynIden>)> {
    vec![
        (
            "ix_audit_entity",
            AuditLog::Table.into_table_ref(),
            vec![
                AuditLog::OrgId.into_iden(),
                AuditLog::Entity.into_iden(),
                AuditLog::EntityId.into_iden(),
            ],
        ),
        (
            "ix_reviews_framework",
            Reviews::Table.into_table_ref(),
            vec![Reviews::FrameworkId.into_iden()],
        ),
        (
            "ix_reviews_org_submitted",
            Reviews::Table.into_table_ref(),
            vec![Reviews::OrgId.into_iden(), Reviews::SubmittedAt.into_iden()],
        ),
        (
            "ix_practice_behaviours_lineage",
            PracticeBehaviours::Table.into_table_ref(),
            vec![PracticeBehaviours::Lineage.into_iden()],
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, cols) in indexes() {
            let mut index = Index::create();
            index.name(name).table(table);
            for c in cols {
                index.col(c);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in indexes() {
            manager
                .drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
