//! Calls by their reference in the organisation: a review-history import
//! finds the calls its rows name by reference, 500 at a time, and without
//! this index each batch read every call of the organisation.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Calls {
    Table,
    OrgId,
    Reference,
}

const INDEX: &str = "ix_calls_org_reference";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(Calls::Table)
                    .col(Calls::OrgId)
                    .col(Calls::Reference)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(INDEX).table(Calls::Table).to_owned())
            .await
    }
}
