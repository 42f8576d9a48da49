//! Opening a complaint: from a call, or logged for a contact that came
//! another way (a letter, a post, a visit).

use super::*;
use crate::domain::complaints::{
    check_link, optional_text, ComplaintEvent, ComplaintSource, ComplaintStatus,
    DEFAULT_DAYS_TO_ACT,
};
use crate::server::entities::{call, team};
use crate::server::kernel::complaint_register::{default_owners, stamp, tell_owner};
use crate::server::kernel::dates::{date, parse_optional_day};
use crate::server::kernel::forms::field;
use crate::server::kernel::visibility::teams_of;
use crate::server::kernel::{kpi_rollup, Ctx};
use crate::types::{ComplaintForm, NewComplaint, TeamCoaches};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set, TransactionTrait};

/// The teams the caller may log complaints for.
async fn loggable_teams(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    scope: &Visibility,
) -> Result<Vec<team::Model>, AppError> {
    let teams = team::Entity::in_org(caller.org_id)
        .filter(team::Column::ArchivedAt.is_null())
        .order_by_asc(team::Column::Name)
        .all(db)
        .await?;
    let own_team: Vec<i32> = if scope.own.is_some() {
        teams_of(db, caller.id, MembershipKind::Agent).await?
    } else {
        vec![]
    };
    Ok(teams
        .into_iter()
        .filter(|t| {
            caller.may(Action::LogComplaint, scope.team_relation(t.id))
                || (own_team.contains(&t.id) && caller.may(Action::LogComplaint, Relation::Own))
        })
        .collect())
}

/// What the form for a new complaint offers; `call_id` when opened from a
/// call.
pub async fn form(cx: &Ctx, call_id: Option<i32>) -> Result<ComplaintForm, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::LogComplaint)?;
    let scope = Visibility::of(db, caller).await?;
    let teams = loggable_teams(db, caller, &scope).await?;
    let team_ids: Vec<i32> = teams.iter().map(|t| t.id).collect();
    let members = team_member::Entity::find()
        .filter(team_member::Column::TeamId.is_in(team_ids.clone()))
        .filter(team_member::Column::Role.eq(MembershipKind::Agent))
        .all(db)
        .await?;
    // A coach or leader logs for any agent of their teams; an agent for themself.
    let for_anyone = caller.may(Action::LogComplaint, Relation::Coached)
        || caller.may(Action::LogComplaint, Relation::Organisation);
    let agent_ids: Vec<i32> = members
        .iter()
        .map(|m| m.user_id)
        .filter(|a| for_anyone || scope.own == Some(*a))
        .collect();
    let names = names_of(db, caller.org_id, agent_ids.iter().copied()).await?;
    let mut agents: Vec<(PickOption, i32)> = members
        .iter()
        .filter(|m| names.contains_key(&m.user_id))
        .map(|m| {
            (
                PickOption {
                    id: m.user_id,
                    label: names[&m.user_id].clone(),
                },
                m.team_id,
            )
        })
        .collect();
    agents.sort_by(|a, b| a.0.label.cmp(&b.0.label));
    let mut owners = vec![];
    for t in &teams {
        owners.push(TeamCoaches {
            team_id: t.id,
            coaches: owners_of(db, caller.org_id, t.id).await?,
        });
    }
    let (call, existing) = match call_id {
        Some(id) => {
            let c = loggable_call(db, caller, &scope, id).await?;
            let existing = complaint::Entity::find()
                .filter(complaint::Column::CallId.eq(c.id))
                .one(db)
                .await?
                .map(|e| e.id);
            let agent = names_of(db, caller.org_id, [c.agent_id]).await?;
            let label = format!(
                "{} call with {} on {}",
                c.channel.label(),
                agent.get(&c.agent_id).cloned().unwrap_or_default(),
                date(caller.clock.day_of(c.occurred_at))
            );
            (Some((c.id, label, c.team_id, c.agent_id)), existing)
        }
        None => (None, None),
    };
    Ok(ComplaintForm {
        teams: teams
            .into_iter()
            .map(|t| PickOption {
                id: t.id,
                label: t.name,
            })
            .collect(),
        agents,
        owners,
        call,
        existing,
        default_due: (caller.clock.today() + Duration::days(DEFAULT_DAYS_TO_ACT)).to_string(),
    })
}

/// A call the caller may open a complaint from.
async fn loggable_call(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    scope: &Visibility,
    id: i32,
) -> Result<call::Model, AppError> {
    let c = call::Entity::get_in_org(db, caller.org_id, id).await?;
    if !scope.sees_call(&c) {
        return Err(AppError::not_found(call::Entity::WHAT));
    }
    caller.require_on(Action::LogComplaint, scope.call_relation(&c))?;
    Ok(c)
}

/// Opens a complaint and returns its id.
pub async fn log(cx: &Ctx, input: NewComplaint) -> Result<i32, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::LogComplaint)?;
    let scope = Visibility::of(db, caller).await?;
    let today = caller.clock.today();
    // Where it came from decides its team and agent.
    let (call, team_id, agent_id, source) = match input.call_id {
        Some(id) => {
            let c = loggable_call(db, caller, &scope, id).await?;
            if let Some(e) = complaint::Entity::find()
                .filter(complaint::Column::CallId.eq(c.id))
                .one(db)
                .await?
            {
                return Err(AppError::Conflict(format!(
                    "This call's complaint is already in the register as complaint #{}.",
                    e.id
                )));
            }
            let (t, a) = (c.team_id, Some(c.agent_id));
            (Some(c), t, a, ComplaintSource::Call)
        }
        None => {
            let source = match input.source {
                None => {
                    return Err(AppError::invalid(
                        "source",
                        "Say how the complaint came in.",
                    ))
                }
                Some(ComplaintSource::Call) => {
                    return Err(AppError::invalid(
                        "source",
                        "A complaint made on a call is opened from that call's page.",
                    ))
                }
                Some(s) => s,
            };
            let teams = loggable_teams(db, caller, &scope).await?;
            let team_id = input
                .team_id
                .filter(|t| teams.iter().any(|x| x.id == *t))
                .ok_or_else(|| {
                    AppError::invalid("team_id", "Choose one of your teams for the complaint.")
                })?;
            let may_for_team = caller.may(Action::LogComplaint, scope.team_relation(team_id));
            let agent_id = match input.agent_id {
                None if !may_for_team => Some(caller.id),
                None => None,
                Some(a) => {
                    let in_team = team_member::Entity::find()
                        .filter(team_member::Column::TeamId.eq(team_id))
                        .filter(team_member::Column::UserId.eq(a))
                        .filter(team_member::Column::Role.eq(MembershipKind::Agent))
                        .one(db)
                        .await?
                        .is_some();
                    if !in_team || (!may_for_team && a != caller.id) {
                        return Err(AppError::invalid(
                            "agent_id",
                            "Choose an agent of that team, or nobody.",
                        ));
                    }
                    Some(a)
                }
            };
            (None, team_id, agent_id, source)
        }
    };
    let customer =
        field("customer", optional_text(&input.customer, "the customer"))?.unwrap_or_default();
    if customer.chars().count() > 200 {
        return Err(AppError::invalid(
            "customer",
            "Keep the customer's name or reference to 200 characters.",
        ));
    }
    let said = field("said", optional_text(&input.said, "what the customer said"))?;
    if said.is_some() != input.category.is_some() {
        return Err(match said {
            None => AppError::invalid(
                "said",
                "Write what the customer said, or leave the category for when it is recorded.",
            ),
            Some(_) => AppError::invalid(
                "category",
                "Choose what the complaint is about, or leave what was said for when it is recorded.",
            ),
        });
    }
    let link = field("material_link", check_link(&input.material_link))?;
    let due_on = parse_optional_day(Some(&input.due_on), "due_on")?
        .unwrap_or(today + Duration::days(DEFAULT_DAYS_TO_ACT));
    if due_on < today {
        return Err(AppError::invalid(
            "due_on",
            "The due date has passed: choose today or a later day.",
        ));
    }
    let owners = owners_of(db, caller.org_id, team_id).await?;
    let owner_id = match input.owner_id {
        Some(o) if owners.iter().any(|p| p.id == o) => o,
        Some(_) => {
            return Err(AppError::invalid(
                "owner_id",
                "The owner must be a coach of the team or a leader.",
            ))
        }
        None => default_owners(db, caller.org_id, &[team_id], caller.id).await?[&team_id],
    };
    let recorded = said.is_some();
    let txn = db.begin().await?;
    let model = complaint::ActiveModel {
        org_id: Set(caller.org_id),
        team_id: Set(team_id),
        agent_id: Set(agent_id),
        call_id: Set(call.as_ref().map(|c| c.id)),
        source: Set(source),
        public: Set(input.public),
        customer: Set(customer),
        category: Set(input.category),
        said: Set(said.unwrap_or_default()),
        status: Set(if recorded {
            ComplaintStatus::Recorded
        } else {
            ComplaintStatus::Received
        }),
        owner_id: Set(owner_id),
        due_on: Set(due_on),
        reopened: Set(0),
        material_link: Set(link),
        created_by: Set(caller.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    stamp(
        &txn,
        caller,
        model.id,
        ComplaintEvent::Opened,
        None,
        None,
        Some(ComplaintStatus::Received),
    )
    .await?;
    if recorded {
        stamp(
            &txn,
            caller,
            model.id,
            ComplaintEvent::Recorded,
            None,
            Some(ComplaintStatus::Received),
            Some(ComplaintStatus::Recorded),
        )
        .await?;
    }
    // A call opened as a complaint is flagged, so the service KPIs count it.
    if let Some(c) = call.filter(|c| !c.complaint) {
        let day = caller.clock.day_of(c.occurred_at);
        let mut flag = c.into_active_model();
        flag.complaint = Set(true);
        flag.update(&txn).await?;
        kpi_rollup::refresh(&txn, caller.org_id, [day]).await?;
    }
    tell_owner(&txn, caller, &model, "gave").await?;
    txn.commit().await?;
    Ok(model.id)
}
