//! The ratings of a set of reviews, for whatever reads reviews in bulk
//! (the development views, calibration agreement).

use super::IN_LIST_CHUNK;
use crate::error::AppError;
use crate::server::entities::review_rating;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

/// Every rating of these reviews.
pub async fn ratings_of(
    db: &impl ConnectionTrait,
    review_ids: &[i32],
) -> Result<Vec<review_rating::Model>, AppError> {
    let mut ratings = Vec::new();
    for chunk in review_ids.chunks(IN_LIST_CHUNK) {
        ratings.extend(
            review_rating::Entity::find()
                .filter(review_rating::Column::ReviewId.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
    }
    Ok(ratings)
}

/// The same ratings as (review, behaviour, rating code): the three values
/// the development views use of each, for the thousands they read.
pub async fn levels_of(
    db: &impl ConnectionTrait,
    review_ids: &[i32],
) -> Result<Vec<(i32, i32, i16)>, AppError> {
    let mut ratings = Vec::new();
    for chunk in review_ids.chunks(IN_LIST_CHUNK) {
        ratings.extend(
            review_rating::Entity::find()
                .select_only()
                .columns([
                    review_rating::Column::ReviewId,
                    review_rating::Column::BehaviourId,
                    review_rating::Column::Rating,
                ])
                .filter(review_rating::Column::ReviewId.is_in(chunk.to_vec()))
                .into_tuple::<(i32, i32, i16)>()
                .all(db)
                .await?,
        );
    }
    Ok(ratings)
}
