//! In-app notifications: a line of text and the page it leads to.

use crate::error::AppError;
use crate::server::entities::notification;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

pub async fn notify(
    db: &impl ConnectionTrait,
    org_id: i32,
    user_id: i32,
    text: String,
    link: String,
) -> Result<(), AppError> {
    notification::ActiveModel {
        org_id: Set(org_id),
        user_id: Set(user_id),
        text: Set(text),
        link: Set(link),
        created_at: Set(Utc::now()),
        read_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
