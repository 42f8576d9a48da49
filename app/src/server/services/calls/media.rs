//! A call's transcript and recording.

use super::*;
use crate::domain::access::Action;
use crate::domain::transcript;
use crate::error::AppError;
use crate::server::entities::call;
use crate::server::kernel::forms::field;
use crate::server::kernel::Ctx;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

pub async fn set_transcript(cx: &Ctx, call_id: i32, text: &str) -> Result<usize, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::AttachMedia)?;
    let (c, scope) = visible_call(db, caller, call_id).await?;
    if !can_edit(caller, &scope, &c) {
        return Err(AppError::Forbidden);
    }
    let cues = field("transcript", transcript::parse(text))?;
    let mut active: call::ActiveModel = c.into();
    active.transcript = Set(Some(text.to_string()).filter(|t| !t.trim().is_empty()));
    active.update(db).await?;
    Ok(cues.len())
}

/// Records where a call's uploaded recording is stored.
pub async fn attach_recording(
    db: &impl ConnectionTrait,
    c: call::Model,
    key: String,
    mime: &str,
    bytes: u64,
) -> Result<(), AppError> {
    let mut active: call::ActiveModel = c.into();
    active.recording_key = Set(Some(key));
    active.recording_mime = Set(Some(mime.to_string()));
    active.recording_bytes = Set(Some(bytes as i64));
    active.update(db).await?;
    Ok(())
}
