//! What the KPI and quality rollups share: an organisation's rows of some
//! days made again from their source rows, one span of days at a time, so
//! one pass reads one span of calls.

use super::clock::{org_clock, Clock};
use super::dates::day_passes;
use crate::error::AppError;
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::BTreeSet;

/// Rows per insert: under SQLite's limit on bound parameters.
const ROWS_PER_INSERT: usize = 500;

/// One pass: its days, the first and last of them, and the organisation's
/// clock that cuts them.
pub struct Pass {
    pub clock: Clock,
    pub days: BTreeSet<NaiveDate>,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// Deletes the organisation's rows of `days` (`org` and `day` are the
/// rollup's columns) and stores what `make` builds for each pass of at most
/// `per_pass` days.
pub async fn remake<E, F, Fut>(
    db: &impl ConnectionTrait,
    org_id: i32,
    days: impl IntoIterator<Item = NaiveDate>,
    per_pass: usize,
    (org, day): (E::Column, E::Column),
    make: F,
) -> Result<(), AppError>
where
    E: EntityTrait,
    E::ActiveModel: Clone + Send,
    F: Fn(Pass) -> Fut,
    Fut: std::future::Future<Output = Result<Vec<E::ActiveModel>, AppError>>,
{
    let clock = org_clock(db, org_id).await?;
    for wanted in day_passes(days, per_pass) {
        let (Some(&first), Some(&last)) = (wanted.first(), wanted.last()) else {
            continue;
        };
        E::delete_many()
            .filter(org.eq(org_id))
            .filter(day.is_in(wanted.iter().copied()))
            .exec(db)
            .await?;
        let rows = make(Pass {
            clock,
            days: wanted,
            first,
            last,
        })
        .await?;
        for part in rows.chunks(ROWS_PER_INSERT) {
            E::insert_many(part.to_vec()).exec(db).await?;
        }
    }
    Ok(())
}
