//! Teams and who is in them: agents belong to one team, coaches coach any
//! number of teams.

use crate::domain::access::Action;
use crate::domain::lifecycle::MembershipKind;
use crate::domain::validation::check_name;
use crate::error::AppError;
use crate::server::entities::{
    call, continuum_assessment, invitation, review, team, team_member, user,
};
use crate::server::kernel::forms::field;
use crate::server::kernel::is_unique_violation;
use crate::server::kernel::{Ctx, InOrg};
use crate::types::{PersonRef, TeamDetail};
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use std::collections::HashMap;

/// Teams with their people. `only` limits the result to the given team ids.
pub async fn team_details(
    db: &impl ConnectionTrait,
    org_id: i32,
    only: Option<&[i32]>,
) -> Result<Vec<TeamDetail>, AppError> {
    let mut query = team::Entity::find()
        .filter(team::Column::OrgId.eq(org_id))
        .order_by_asc(team::Column::Name);
    if let Some(ids) = only {
        // Most people coach no team or are an agent of none: asking would
        // take three statements to learn nothing.
        if ids.is_empty() {
            return Ok(vec![]);
        }
        query = query.filter(team::Column::Id.is_in(ids.to_vec()));
    }
    let teams = query.all(db).await?;
    if teams.is_empty() {
        return Ok(vec![]);
    }
    let ids: Vec<i32> = teams.iter().map(|t| t.id).collect();
    let members = team_member::Entity::find()
        .filter(team_member::Column::TeamId.is_in(ids))
        .all(db)
        .await?;
    let member_ids: Vec<i32> = members.iter().map(|m| m.user_id).collect();
    let people: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::OrgId.eq(org_id))
        .filter(user::Column::Id.is_in(member_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut out: Vec<TeamDetail> = teams
        .into_iter()
        .map(|t| TeamDetail {
            id: t.id,
            name: t.name,
            archived: t.archived_at.is_some(),
            agents: vec![],
            coaches: vec![],
        })
        .collect();
    let index: HashMap<i32, usize> = out.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    for m in members {
        let (Some(&i), Some(u)) = (index.get(&m.team_id), people.get(&m.user_id)) else {
            continue;
        };
        let p = PersonRef {
            id: u.id,
            name: u.name.clone(),
            email: u.email.clone(),
            active: u.active,
        };
        if m.role == MembershipKind::Agent {
            out[i].agents.push(p);
        } else {
            out[i].coaches.push(p);
        }
    }
    for t in &mut out {
        t.agents.sort_by(|a, b| a.name.cmp(&b.name));
        t.coaches.sort_by(|a, b| a.name.cmp(&b.name));
    }
    Ok(out)
}

pub async fn list_teams(cx: &Ctx) -> Result<Vec<TeamDetail>, AppError> {
    cx.caller.require(Action::ManageTeams)?;
    team_details(&cx.db, cx.org_id(), None).await
}

fn duplicate_team(name: &str) -> AppError {
    AppError::invalid(
        "name",
        format!("There is already a team called \"{name}\"."),
    )
}

async fn name_free(
    db: &impl ConnectionTrait,
    org_id: i32,
    name: &str,
    except: Option<i32>,
) -> Result<(), AppError> {
    let mut q = team::Entity::find()
        .filter(team::Column::OrgId.eq(org_id))
        .filter(team::Column::Name.eq(name));
    if let Some(id) = except {
        q = q.filter(team::Column::Id.ne(id));
    }
    if q.count(db).await? > 0 {
        return Err(duplicate_team(name));
    }
    Ok(())
}

pub async fn create_team(cx: &Ctx, name: &str) -> Result<TeamDetail, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManageTeams)?;
    let name = field("name", check_name(name, "a team name", 120))?;
    name_free(db, caller.org_id, &name, None).await?;
    let t = team::ActiveModel {
        org_id: Set(caller.org_id),
        name: Set(name.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            duplicate_team(&name)
        } else {
            AppError::from(e)
        }
    })?;
    Ok(TeamDetail {
        id: t.id,
        name: t.name,
        archived: false,
        agents: vec![],
        coaches: vec![],
    })
}

pub async fn rename_team(cx: &Ctx, team_id: i32, name: &str) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManageTeams)?;
    let name = field("name", check_name(name, "a team name", 120))?;
    let t = team::Entity::get_in_org(db, caller.org_id, team_id).await?;
    name_free(db, caller.org_id, &name, Some(t.id)).await?;
    let mut model: team::ActiveModel = t.into();
    model.name = Set(name);
    model.update(db).await?;
    Ok(())
}

/// Refuses while the team still has people: they are moved first, so an
/// archived or deleted team never has members.
async fn must_be_empty(
    db: &impl ConnectionTrait,
    t: &team::Model,
    to: &str,
) -> Result<(), AppError> {
    let members = team_member::Entity::find()
        .filter(team_member::Column::TeamId.eq(t.id))
        .count(db)
        .await?;
    if members > 0 {
        return Err(AppError::Conflict(format!(
            "\"{}\" still has {members} member{}. Move or remove them before {to} the team.",
            t.name,
            if members == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Deletes a team that never had history. A team with calls, reviews or
/// continuum assessments is archived instead, so nothing is lost.
pub async fn delete_team(cx: &Ctx, team_id: i32) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManageTeams)?;
    let t = team::Entity::get_in_org(db, caller.org_id, team_id).await?;
    must_be_empty(db, &t, "deleting").await?;
    let calls = call::Entity::find()
        .filter(call::Column::TeamId.eq(t.id))
        .count(db)
        .await?;
    let reviews = review::Entity::find()
        .filter(review::Column::TeamId.eq(t.id))
        .count(db)
        .await?;
    let assessments = continuum_assessment::Entity::find()
        .filter(continuum_assessment::Column::TeamId.eq(t.id))
        .count(db)
        .await?;
    if calls + reviews + assessments > 0 {
        let mut history = vec![];
        for (n, one, many) in [
            (calls, "call", "calls"),
            (reviews, "review", "reviews"),
            (assessments, "continuum assessment", "continuum assessments"),
        ] {
            if n > 0 {
                history.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        }
        return Err(AppError::Conflict(format!(
            "\"{}\" has history ({}). Archive it instead: its history stays and it leaves pickers and filters.",
            t.name,
            history.join(", ")
        )));
    }
    let txn = db.begin().await?;
    // Invitations to it still join the organisation, in no team.
    invitation::Entity::update_many()
        .col_expr(invitation::Column::TeamId, Expr::value(Option::<i32>::None))
        .filter(invitation::Column::TeamId.eq(t.id))
        .exec(&txn)
        .await?;
    team::Entity::delete_by_id(t.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Archives a team (it keeps its calls, reviews and audit, and leaves
/// pickers and filters) or restores it.
pub async fn archive_team(cx: &Ctx, team_id: i32, archived: bool) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManageTeams)?;
    let t = team::Entity::get_in_org(db, caller.org_id, team_id).await?;
    if archived {
        must_be_empty(db, &t, "archiving").await?;
    }
    if archived == t.archived_at.is_some() {
        return Ok(());
    }
    let mut active: team::ActiveModel = t.into();
    active.archived_at = Set(archived.then(Utc::now));
    active.update(db).await?;
    Ok(())
}

/// Refuses work for an archived team with a message saying how to go on.
pub fn must_be_active(t: &team::Model) -> Result<(), AppError> {
    match t.archived_at {
        Some(_) => Err(AppError::Conflict(format!(
            "\"{}\" is archived. Restore it on the Teams page first.",
            t.name
        ))),
        None => Ok(()),
    }
}

/// Adds or removes a person as agent or coach of a team. Adding an agent
/// moves them out of any other team: an agent has one team.
pub async fn set_membership(
    cx: &Ctx,
    team_id: i32,
    user_id: i32,
    kind: MembershipKind,
    member: bool,
) -> Result<(), AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ManageTeams)?;
    let t = team::Entity::get_in_org(db, caller.org_id, team_id).await?;
    let u = user::Entity::get_in_org(db, caller.org_id, user_id).await?;
    let existing = team_member::Entity::find()
        .filter(team_member::Column::TeamId.eq(t.id))
        .filter(team_member::Column::UserId.eq(u.id))
        .filter(team_member::Column::Role.eq(kind))
        .one(db)
        .await?;
    if !member {
        if let Some(m) = existing {
            team_member::Entity::delete_by_id(m.id).exec(db).await?;
        }
        return Ok(());
    }
    if existing.is_some() {
        return Ok(());
    }
    must_be_active(&t)?;
    let roles = u.roles();
    if kind == MembershipKind::Agent && !u.is_agent {
        return Err(AppError::invalid(
            "user_id",
            format!(
                "{} is not an agent. Give them the agent role first.",
                u.name
            ),
        ));
    }
    if kind == MembershipKind::Coach && !roles.can_coach() {
        return Err(AppError::invalid(
            "user_id",
            format!(
                "{} is not a coach or leader. Give them the coach role first.",
                u.name
            ),
        ));
    }
    let txn = db.begin().await?;
    if kind == MembershipKind::Agent {
        team_member::Entity::delete_many()
            .filter(team_member::Column::UserId.eq(u.id))
            .filter(team_member::Column::Role.eq(MembershipKind::Agent))
            .exec(&txn)
            .await?;
    }
    team_member::ActiveModel {
        team_id: Set(t.id),
        user_id: Set(u.id),
        role: Set(kind),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(())
}
