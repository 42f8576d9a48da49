//! Taking a complaint through the procedure, giving it to someone, and its
//! material. Each change is stamped and audited; a step taken on a
//! complaint someone else has just moved is refused, not applied twice.

use super::*;
use crate::domain::calls::Rectification;
use crate::domain::complaints::{
    check_link, optional_text, parse_amount, required_text, ComplaintEvent, ComplaintStatus, Move,
};
use crate::server::kernel::complaint_register::{stamp, tell_owner};
use crate::server::kernel::dates::parse_field_day;
use crate::server::kernel::forms::field;
use crate::server::kernel::notify::notify;
use crate::server::kernel::Ctx;
use crate::types::StepInput;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set, TransactionTrait};

/// A complaint the caller may change.
async fn handled(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<complaint::Model, AppError> {
    let (c, scope) = visible(db, caller, id).await?;
    if !may_handle(caller, &scope, &c) {
        return Err(AppError::Forbidden);
    }
    Ok(c)
}

/// Takes the next step of the procedure.
pub async fn take_step(cx: &Ctx, id: i32, input: StepInput) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let c = handled(db, caller, id).await?;
    let before = c.status;
    let after = before.after(input.step).map_err(AppError::Conflict)?;
    let today = caller.clock.today();
    let note = field("note", optional_text(&input.note, "the note"))?;
    let mut m = c.clone().into_active_model();
    m.status = Set(after);
    match input.step {
        Move::Record => {
            m.said = Set(field(
                "said",
                required_text(&input.said, "what the customer said"),
            )?);
            m.category = Set(Some(input.category.ok_or_else(|| {
                AppError::invalid("category", "Choose what the complaint is about.")
            })?));
        }
        Move::OfferRectification => {
            let kind = input.rectification.ok_or_else(|| {
                AppError::invalid(
                    "rectification",
                    "Choose the rectification offered: repair, replacement, refund or other.",
                )
            })?;
            m.rectification = Set(Some(kind));
            m.refund_cents = Set(match kind {
                Rectification::Refund => Some(field("amount", parse_amount(&input.amount))?),
                _ => None,
            });
            if kind == Rectification::Other && note.is_none() {
                return Err(AppError::invalid(
                    "note",
                    "Say what was offered: \"other\" needs a few words.",
                ));
            }
            m.accepted = Set(input.accepted);
            m.rectification_note = Set(note.clone());
        }
        Move::ArrangeFollowUp => {
            let on = parse_field_day(&input.follow_up_on, "follow_up_on")?;
            if on < today {
                return Err(AppError::invalid(
                    "follow_up_on",
                    "The follow-up date has passed: choose today or a later day.",
                ));
            }
            if input.accepted.is_some() {
                m.accepted = Set(input.accepted);
            }
            // A new follow-up (after a reopening) is the one measured.
            m.follow_up_on = Set(Some(on));
            m.followed_up_on = Set(None);
            m.follow_up_note = Set(note.clone());
            m.due_notified_on = Set(None);
        }
        Move::Close => {
            let satisfied = input.satisfied.ok_or_else(|| {
                AppError::invalid("satisfied", "Say whether the customer is now satisfied.")
            })?;
            m.satisfied = Set(Some(satisfied));
            m.outcome_note = Set(note.clone());
            m.closed_at = Set(Some(Utc::now()));
            m.followed_up_on = Set(Some(today));
        }
        Move::Reopen => {
            if note.is_none() {
                return Err(AppError::invalid(
                    "note",
                    "Say why the complaint is reopened.",
                ));
            }
            m.reopened = Set(c.reopened + 1);
            m.satisfied = Set(None);
            m.closed_at = Set(None);
            m.rectification = Set(None);
            m.refund_cents = Set(None);
            m.accepted = Set(None);
            // The follow-up done stays on record (and in the figures) until
            // a new one is arranged.
            m.due_notified_on = Set(None);
            if c.due_on < today {
                m.due_on = Set(today + chrono::Duration::days(2));
            }
        }
    }
    let txn = db.begin().await?;
    // Only if nobody moved it meanwhile: the update matches its old status.
    let saved = match complaint::Entity::update(m)
        .validate()?
        .filter(complaint::Column::Status.eq(before))
        .exec(&txn)
        .await
    {
        Ok(saved) => saved,
        Err(sea_orm::DbErr::RecordNotUpdated) => {
            return Err(AppError::Conflict(
                "Someone else moved this complaint on while you were writing: reload to see where it is now.".into(),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    stamp(
        &txn,
        caller,
        c.id,
        ComplaintEvent::of(input.step),
        note,
        Some(before),
        Some(after),
    )
    .await?;
    if input.step == Move::Reopen && saved.owner_id != caller.id {
        notify(
            &txn,
            saved.org_id,
            saved.owner_id,
            format!(
                "{} reopened the complaint from {}: it is due {}.",
                caller.name,
                if saved.customer.is_empty() {
                    "a customer"
                } else {
                    &saved.customer
                },
                saved.due_on.format("%-d %b %Y")
            ),
            format!("/complaints/{}", saved.id),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Gives the complaint to another owner and or sets its due date.
pub async fn reassign(cx: &Ctx, id: i32, owner_id: i32, due_on: &str) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let c = handled(db, caller, id).await?;
    if c.status == ComplaintStatus::Closed {
        return Err(AppError::Conflict(
            "This complaint is closed: reopen it to give it to someone.".into(),
        ));
    }
    let owners = owners_of(db, caller.org_id, c.team_id).await?;
    if !owners.iter().any(|o| o.id == owner_id) {
        return Err(AppError::invalid(
            "owner_id",
            "The owner must be a coach of the team or a leader.",
        ));
    }
    let due = parse_field_day(due_on, "due_on")?;
    if due < caller.clock.today() && due != c.due_on {
        return Err(AppError::invalid(
            "due_on",
            "The due date has passed: choose today or a later day.",
        ));
    }
    if owner_id == c.owner_id && due == c.due_on {
        return Ok(());
    }
    let names = names_of(db, caller.org_id, [owner_id]).await?;
    let txn = db.begin().await?;
    let mut m = c.clone().into_active_model();
    m.owner_id = Set(owner_id);
    m.due_on = Set(due);
    m.due_notified_on = Set(None);
    let saved = m.update(&txn).await?;
    stamp(
        &txn,
        caller,
        c.id,
        ComplaintEvent::Assigned,
        Some(format!(
            "Owner {}, due {}.",
            names.get(&owner_id).cloned().unwrap_or_default(),
            due.format("%-d %b %Y")
        )),
        Some(c.status),
        Some(c.status),
    )
    .await?;
    if owner_id != c.owner_id {
        tell_owner(&txn, caller, &saved, "gave").await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Keeps a link to material held elsewhere (a post, a shared document).
pub async fn set_material_link(cx: &Ctx, id: i32, link: &str) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let c = handled(db, caller, id).await?;
    let link = field("material_link", check_link(link))?;
    let txn = db.begin().await?;
    let mut m = c.clone().into_active_model();
    m.material_link = Set(link.clone());
    m.update(&txn).await?;
    stamp(
        &txn,
        caller,
        c.id,
        ComplaintEvent::MaterialAdded,
        Some(link.unwrap_or_else(|| "Link removed.".into())),
        Some(c.status),
        Some(c.status),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The complaint a file may be attached to by this caller.
pub async fn material_target(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<complaint::Model, AppError> {
    handled(db, caller, id).await
}

/// Records a stored file as the complaint's material.
pub async fn attach_material(
    db: &sea_orm::DatabaseConnection,
    caller: &AuthUser,
    c: complaint::Model,
    key: String,
    name: String,
    mime: &str,
    bytes: u64,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let status = c.status;
    let id = c.id;
    let mut m = c.into_active_model();
    m.attachment_key = Set(Some(key));
    m.attachment_name = Set(Some(name.clone()));
    m.attachment_mime = Set(Some(mime.to_string()));
    m.attachment_bytes = Set(Some(bytes as i64));
    m.update(&txn).await?;
    stamp(
        &txn,
        caller,
        id,
        ComplaintEvent::MaterialAdded,
        Some(name),
        Some(status),
        Some(status),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The complaint whose attachment the caller may download.
pub async fn material_of(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    id: i32,
) -> Result<complaint::Model, AppError> {
    Ok(visible(db, caller, id).await?.0)
}
