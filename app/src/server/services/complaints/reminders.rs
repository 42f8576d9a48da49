//! The complaints a person should act on, for their home page, and the
//! "now due" notification sent once when a complaint's next date comes.

use super::*;
use crate::domain::complaints::ComplaintStatus;
use crate::server::kernel::names::team_names;
use crate::server::kernel::notify::notify;
use crate::server::kernel::Ctx;
use crate::types::ComplaintReminders;
use sea_orm::sea_query::Expr;
use sea_orm::QuerySelect;

/// How many reminders the home page lists.
const SHOWN: usize = 8;

/// Open complaints the caller owns, or of the teams they coach, soonest
/// due first; the caller's own that have come due are notified once.
pub async fn reminders(cx: &Ctx) -> Result<ComplaintReminders, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let scope = Visibility::of(db, caller).await?;
    let mut whose = Condition::any().add(complaint::Column::OwnerId.eq(caller.id));
    if caller.may(Action::HandleComplaint, Relation::Coached) && !scope.teams.is_empty() {
        whose = whose.add(complaint::Column::TeamId.is_in(scope.teams.clone()));
    }
    let open = complaint::Entity::in_org(caller.org_id)
        .filter(complaint::Column::Status.ne(ComplaintStatus::Closed))
        .filter(whose)
        .limit(2000)
        .all(db)
        .await?;
    let today = caller.clock.today();
    for c in open.iter().filter(|c| c.owner_id == caller.id) {
        notify_if_due(db, c, today).await?;
    }
    let mut open = open;
    open.sort_by_key(|c| (next_of(c), c.id));
    let overdue = open
        .iter()
        .filter(|c| next_of(c).is_some_and(|d| d < today))
        .count();
    open.truncate(SHOWN);
    let people = names_of(
        db,
        caller.org_id,
        open.iter()
            .flat_map(|c| [Some(c.owner_id), c.agent_id])
            .flatten()
            .collect::<Vec<i32>>(),
    )
    .await?;
    let teams = team_names(db, caller.org_id).await?;
    Ok(ComplaintReminders {
        rows: open
            .iter()
            .map(|c| row_of(c, &people, &teams, &caller.clock))
            .collect(),
        overdue,
    })
}

/// Tells the owner once that the complaint's next step is due today (or
/// overdue): the stamp is set by a conditional update, so several servers
/// or tabs never send it twice.
async fn notify_if_due(
    db: &impl ConnectionTrait,
    c: &complaint::Model,
    today: NaiveDate,
) -> Result<(), AppError> {
    let Some(due) = next_of(c).filter(|d| *d <= today) else {
        return Ok(());
    };
    if c.due_notified_on == Some(due) {
        return Ok(());
    }
    let claimed = complaint::Entity::update_many()
        .col_expr(complaint::Column::DueNotifiedOn, Expr::value(due))
        .filter(complaint::Column::Id.eq(c.id))
        .filter(
            Condition::any()
                .add(complaint::Column::DueNotifiedOn.is_null())
                .add(complaint::Column::DueNotifiedOn.ne(due)),
        )
        .exec(db)
        .await?
        .rows_affected;
    if claimed == 1 {
        let what = if c.status == ComplaintStatus::FollowUpDue {
            "follow-up"
        } else {
            "next step"
        };
        let who = if c.customer.is_empty() {
            "a customer".to_string()
        } else {
            c.customer.clone()
        };
        let when = if due < today {
            format!("was due {}", date(due))
        } else {
            "is due today".to_string()
        };
        notify(
            db,
            c.org_id,
            c.owner_id,
            format!("The {what} of the complaint from {who} {when}."),
            format!("/complaints/{}", c.id),
        )
        .await?;
    }
    Ok(())
}
