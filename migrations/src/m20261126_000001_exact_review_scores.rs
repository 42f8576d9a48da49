//! Review scores were rounded from a float, so an exact half such as 51.25
//! could be stored as 51.2. This recomputes every stored score from its
//! ratings with the exact rule of PRODUCT.md §2 (in integers: tenths =
//! round-half-up of 200·Σ weight·level / Σ weight; Missed is level 0, N/A is
//! left out) and corrects the ones that differ. The rule is written out here
//! rather than shared with the app, so the migration keeps its meaning.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};
use std::collections::HashMap;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000001_exact_review_scores"
    }
}

#[derive(DeriveIden)]
enum Reviews {
    Table,
    Id,
    Score,
    RawScore,
}

fn exact(weighted_levels: i64, weights: i64) -> Option<f64> {
    (weights > 0).then(|| ((400 * weighted_levels + weights) / (2 * weights)) as f64 / 10.0)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let rows = db
            .query_all_raw(Statement::from_string(
                backend,
                "SELECT r.id, r.score, r.raw_score, r.critical_fail, rr.rating, fb.weight \
                 FROM reviews r \
                 JOIN review_ratings rr ON rr.review_id = r.id \
                 JOIN framework_behaviours fb ON fb.id = rr.behaviour_id \
                 WHERE r.raw_score IS NOT NULL",
            ))
            .await?;
        // id → (stored score, stored raw score, critical fail, Σ w·level, Σ w)
        let mut reviews: HashMap<i32, (Option<f64>, f64, bool, i64, i64)> = HashMap::new();
        for row in rows {
            let id: i32 = row.try_get("", "id")?;
            let rating: i16 = row.try_get("", "rating")?;
            let weight: i32 = row.try_get("", "weight")?;
            let entry = match reviews.get_mut(&id) {
                Some(e) => e,
                None => {
                    let score: Option<f64> = row.try_get("", "score")?;
                    let raw: f64 = row.try_get("", "raw_score")?;
                    let critical: bool = row.try_get("", "critical_fail")?;
                    reviews.entry(id).or_insert((score, raw, critical, 0, 0))
                }
            };
            if rating >= 0 {
                entry.3 += i64::from(weight) * i64::from(rating);
                entry.4 += i64::from(weight);
            }
        }
        for (id, (_, raw, critical, weighted, weights)) in reviews {
            let Some(corrected) = exact(weighted, weights) else {
                continue;
            };
            if (corrected - raw).abs() < 1e-9 {
                continue;
            }
            let score = if critical { 0.0 } else { corrected };
            manager
                .exec_stmt(
                    Query::update()
                        .table(Reviews::Table)
                        .value(Reviews::RawScore, corrected)
                        .value(Reviews::Score, score)
                        .and_where(Expr::col(Reviews::Id).eq(id))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // The corrected scores are right under either rule's reading; there
        // is nothing to undo.
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::exact;

    #[test]
    fn halves_round_up_in_integers() {
        assert_eq!(exact(41, 16), Some(51.3));
        assert_eq!(exact(0, 0), None);
        assert_eq!(exact(5, 1), Some(100.0));
    }
}
