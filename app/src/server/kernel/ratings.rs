//! The ratings of a set of reviews, for whatever reads reviews in bulk
//! (the development views, calibration agreement).

use super::IN_LIST_CHUNK;
use crate::error::AppError;
use crate::server::entities::review_rating;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Select};

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

/// Ratings as (review, behaviour, rating code), the three values that
/// readers of thousands of ratings use (the development views, target
/// progress, the quality rollup): filter, order, then `into_tuple`.
pub fn levels() -> Select<review_rating::Entity> {
    review_rating::Entity::find().select_only().columns([
        review_rating::Column::ReviewId,
        review_rating::Column::BehaviourId,
        review_rating::Column::Rating,
    ])
}

/// The [`levels`] of these reviews.
pub async fn levels_of(
    db: &impl ConnectionTrait,
    review_ids: &[i32],
) -> Result<Vec<(i32, i32, i16)>, AppError> {
    let mut ratings = Vec::new();
    for chunk in review_ids.chunks(IN_LIST_CHUNK) {
        ratings.extend(
            levels()
                .filter(review_rating::Column::ReviewId.is_in(chunk.to_vec()))
                .into_tuple::<(i32, i32, i16)>()
                .all(db)
                .await?,
        );
    }
    Ok(ratings)
}
