//! What the product's own data says beside the statements it can check.

use crate::domain::continuum::DataCheck;
use crate::domain::lifecycle::MembershipKind;
use crate::error::AppError;
use crate::server::entities::{call, complaint, practice_session, review, target, user};
use crate::server::kernel::Clock;
use crate::types::EvidenceFigure;
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashSet;

/// What the product's own data says, for the statements it can check.
pub async fn evidence(
    db: &impl ConnectionTrait,
    org_id: i32,
    team_id: Option<i32>,
    clock: &Clock,
) -> Result<Vec<EvidenceFigure>, AppError> {
    let since = Utc::now() - Duration::days(30);
    let mut calls_q = call::Entity::find()
        .filter(call::Column::OrgId.eq(org_id))
        .filter(call::Column::OccurredAt.gte(since));
    if let Some(t) = team_id {
        calls_q = calls_q.filter(call::Column::TeamId.eq(t));
    }
    let calls = calls_q.all(db).await?;
    let agents: Vec<i32> = match team_id {
        Some(t) => crate::server::entities::team_member::Entity::find()
            .filter(crate::server::entities::team_member::Column::TeamId.eq(t))
            .filter(crate::server::entities::team_member::Column::Role.eq(MembershipKind::Agent))
            .all(db)
            .await?
            .into_iter()
            .map(|m| m.user_id)
            .collect(),
        None => user::Entity::find()
            .filter(user::Column::OrgId.eq(org_id))
            .filter(user::Column::IsAgent.eq(true))
            .filter(user::Column::Active.eq(true))
            .all(db)
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect(),
    };
    let share = |n: usize, of: usize| (of > 0).then(|| n as f64 / of as f64);
    let n = calls.len();
    let answered = calls.iter().filter(|c| !c.abandoned).count();
    // Complaints received in the window, from the register: followed up
    // means the follow-up was done (the complaint was closed after it).
    let mut register = complaint::Entity::find()
        .filter(complaint::Column::OrgId.eq(org_id))
        .filter(complaint::Column::CreatedAt.gte(since));
    if let Some(t) = team_id {
        register = register.filter(complaint::Column::TeamId.eq(t));
    }
    let complaints = register.all(db).await?;
    let reviewed: HashSet<i32> = review::ordinary()
        .filter(review::Column::OrgId.eq(org_id))
        .filter(review::Column::AgentId.is_in(agents.clone()))
        .filter(review::Column::SubmittedAt.gte(since))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.agent_id)
        .collect();
    let today = clock.today();
    let with_target: HashSet<i32> = target::Entity::find()
        .filter(target::Column::OrgId.eq(org_id))
        .filter(target::Column::AgentId.is_in(agents.clone()))
        .filter(target::Column::DueOn.gte(today))
        .filter(target::not_achieved())
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.agent_id)
        .collect();
    let practising: HashSet<i32> = practice_session::Entity::find()
        .filter(practice_session::Column::OrgId.eq(org_id))
        .filter(practice_session::Column::AgentId.is_in(agents.clone()))
        .filter(practice_session::Column::PractisedOn.gte(clock.day_of(since)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.agent_id)
        .collect();
    let a = agents.len();
    let figure = |check: DataCheck, value: Option<f64>, of: String| EvidenceFigure {
        check,
        share: value,
        basis: of,
    };
    Ok(vec![
        figure(
            DataCheck::CsatRecorded,
            share(calls.iter().filter(|c| c.csat.is_some()).count(), answered),
            format!("of {answered} answered calls in the last 30 days have a CSAT answer"),
        ),
        figure(
            DataCheck::NpsRecorded,
            share(calls.iter().filter(|c| c.likelihood_to_recommend.is_some()).count(), answered),
            format!("of {answered} answered calls in the last 30 days have a likelihood-to-recommend answer"),
        ),
        figure(
            DataCheck::TimesRecorded,
            share(
                calls
                    .iter()
                    .filter(|c| c.first_response_seconds.is_some() && (c.resolved != Some(true) || c.resolution_minutes.is_some()))
                    .count(),
                n,
            ),
            format!("of {n} calls in the last 30 days have first-response and resolution times"),
        ),
        figure(
            DataCheck::AgentsReviewed,
            share(reviewed.len(), a),
            format!("of {a} agents had a review submitted in the last 30 days"),
        ),
        figure(
            DataCheck::AgentsWithTarget,
            share(with_target.len(), a),
            format!("of {a} agents are working on a behavioural target (not yet achieved, due today or later)"),
        ),
        figure(
            DataCheck::AgentsPractising,
            share(practising.len(), a),
            format!("of {a} agents logged practice in the last 30 days"),
        ),
        figure(
            DataCheck::ComplaintsFollowedUp,
            share(
                complaints
                    .iter()
                    .filter(|c| c.followed_up_on.is_some())
                    .count(),
                complaints.len(),
            ),
            format!(
                "of {} complaints received in the last 30 days have been followed up and closed",
                complaints.len()
            ),
        ),
    ])
}
