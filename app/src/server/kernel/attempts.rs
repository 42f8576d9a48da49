//! Attempts counted for throttling (`domain::throttle`), kept in the
//! `login_failures` table: a key (an account's email, a password change,
//! sign-ups) and the address they came from.

use crate::domain::throttle::{describe_wait, ThrottlePolicy};
use crate::error::AppError;
use crate::server::entities::login_failure;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, Set,
};

/// Keys of attempts other than logins, which are keyed by email.
pub fn password_change_key(user_id: i32) -> String {
    format!("password:{user_id}")
}

pub fn sign_up_key(address: &str) -> String {
    format!("sign-up:{address}")
}

fn is_scoped(key: &str) -> bool {
    key.starts_with("password:") || key.starts_with("sign-up:")
}

/// What to count an attempt against.
pub struct Limits<'a> {
    pub key: &'a str,
    pub per_key: Option<ThrottlePolicy>,
    pub address: &'a str,
    pub per_address: Option<ThrottlePolicy>,
}

/// Refuses with "try again in …" while either limit is reached.
pub async fn check(
    db: &impl ConnectionTrait,
    limits: &Limits<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let longest = [limits.per_key, limits.per_address]
        .into_iter()
        .flatten()
        .map(|p| p.window)
        .max()
        .unwrap_or_else(Duration::zero);
    let recent = login_failure::Entity::find()
        .filter(login_failure::Column::At.gt(now - longest))
        .filter(
            Condition::any()
                .add(login_failure::Column::AccountKey.eq(limits.key))
                .add(login_failure::Column::Address.eq(limits.address)),
        )
        .limit(200)
        .all(db)
        .await?;
    let by_key: Vec<DateTime<Utc>> = recent
        .iter()
        .filter(|f| f.account_key == limits.key)
        .map(|f| f.at)
        .collect();
    // Failed logins of every account count against their address; other
    // kinds of attempt have keys of their own and count only there.
    let by_address: Vec<DateTime<Utc>> = recent
        .iter()
        .filter(|f| f.address == limits.address && !is_scoped(&f.account_key))
        .map(|f| f.at)
        .collect();
    let wait = [
        limits.per_key.and_then(|p| p.wait(&by_key, now)),
        limits.per_address.and_then(|p| p.wait(&by_address, now)),
    ]
    .into_iter()
    .flatten()
    .max();
    match wait {
        Some(wait) => {
            tracing::warn!(key = %limits.key, address = %limits.address, "throttled");
            Err(AppError::Throttled {
                wait: describe_wait(wait),
            })
        }
        None => Ok(()),
    }
}

/// Counts one attempt.
pub async fn record(
    db: &impl ConnectionTrait,
    limits: &Limits<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    login_failure::ActiveModel {
        account_key: Set(limits.key.to_string()),
        address: Set(limits.address.to_string()),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    // Old rows only slow the look-up above; a day is far past any window.
    login_failure::Entity::delete_many()
        .filter(login_failure::Column::At.lt(now - Duration::days(1)))
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets the attempts against a key (after a success).
pub async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), AppError> {
    login_failure::Entity::delete_many()
        .filter(login_failure::Column::AccountKey.eq(key))
        .exec(db)
        .await?;
    Ok(())
}
