//! One target with its progress, scored calls, check-ins and practice.

use super::*;
use crate::domain::access::Action;
use crate::error::AppError;
use crate::server::entities::{practice_behaviour, practice_session, target_checkin};
use crate::server::kernel::names::names_of;
use crate::server::kernel::Ctx;
use crate::server::kernel::Visibility;
use crate::server::services::development::{
    agent_refs, behaviour_name, current_framework, lineage_map, practice_views, progress_of,
    scored_ratings, since_for, summary_with,
};
use crate::server::services::kpi;
use crate::types::{CheckinView, EvidenceCall, TargetView};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

pub async fn view(cx: &Ctx, id: i32) -> Result<TargetView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let vis = Visibility::of(db, caller).await?;
    let (t, agent) = target_in_reach(db, caller, &vis, id).await?;
    let now = Utc::now();
    let fw = current_framework(db, caller.org_id).await?;
    let all = lineage_map(db, caller.org_id).await?;
    let scored = scored_ratings(
        db,
        caller.org_id,
        &[agent.id],
        since_for(std::slice::from_ref(&t), now),
        &all,
    )
    .await?;
    let (progress, evidence) = progress_of(&t, &scored, now, caller.clock.org_zone());
    let days_from_start =
        |at: chrono::DateTime<Utc>| (at - t.created_at).num_seconds() as f64 / 86_400.0;
    let due_end = caller.clock.end_of_day(t.due_on);
    let current = fw.behaviours().find(|b| b.lineage == t.lineage).cloned();
    let checkins = target_checkin::Entity::find()
        .filter(target_checkin::Column::TargetId.eq(t.id))
        .order_by_asc(target_checkin::Column::CreatedAt)
        .order_by_asc(target_checkin::Column::Id)
        .all(db)
        .await?;
    // Practice that served this target: its behaviour, since it was set.
    let sessions: Vec<i32> = practice_behaviour::Entity::find()
        .filter(practice_behaviour::Column::Lineage.eq(t.lineage.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|b| b.session_id)
        .collect();
    let practice = practice_session::Entity::find()
        .filter(practice_session::Column::OrgId.eq(caller.org_id))
        .filter(practice_session::Column::AgentId.eq(agent.id))
        .filter(practice_session::Column::Id.is_in(sessions))
        .filter(practice_session::Column::PractisedOn.gte(caller.clock.day_of(t.created_at)))
        .order_by_desc(practice_session::Column::PractisedOn)
        .all(db)
        .await?;
    let named = [t.created_by]
        .into_iter()
        .chain(t.agreed_by)
        .chain(
            evidence
                .iter()
                .flat_map(|c| c.reviews.iter().map(|s| s.coach_id)),
        )
        .chain(checkins.iter().map(|c| c.author_id))
        .collect::<Vec<i32>>();
    let people = names_of(db, caller.org_id, named).await?;
    let name_of = |id: i32| people.get(&id).cloned().unwrap_or_else(|| "Someone".into());
    let name = behaviour_name(&fw, &all, &t.lineage);
    let (coaching_windows, coaching) =
        kpi::target_change(db, &t, name.clone(), &caller.clock).await?;
    Ok(TargetView {
        coaching,
        coaching_windows,
        summary: summary_with(&t, name, &progress),
        agent: agent_refs(db, caller.org_id, std::slice::from_ref(&agent))
            .await?
            .remove(0),
        behaviour_definition: current
            .as_ref()
            .map(|b| b.definition.clone())
            .unwrap_or_default(),
        target_anchor: current
            .as_ref()
            .and_then(|b| b.anchors.get(t.level.clamp(1, 5) as usize - 1).cloned())
            .unwrap_or_default(),
        baseline_calls: t.baseline_calls,
        plan: t.plan.clone(),
        set_on: caller.clock.day(t.created_at),
        set_by: name_of(t.created_by),
        agreed_by: t.agreed_by.map(name_of),
        agreed_on: t.agreed_at.map(|t| caller.clock.day(t)),
        progress,
        horizon_days: days_from_start(due_end),
        today_day: days_from_start(now),
        evidence: evidence
            .iter()
            .map(|c| EvidenceCall {
                call_on: caller.clock.day(c.call_at),
                reviews: c
                    .reviews
                    .iter()
                    .map(|s| {
                        (
                            s.review_id,
                            name_of(s.coach_id),
                            s.rating.label(),
                            caller.clock.day(s.scored_at),
                        )
                    })
                    .collect(),
                day: days_from_start(c.call_at),
                level: c.level,
                counted: c.call_at < due_end,
            })
            .collect(),
        checkins: checkins
            .into_iter()
            .map(|c| CheckinView {
                author: name_of(c.author_id),
                when: caller.clock.when(c.created_at),
                note: c.note,
            })
            .collect(),
        practice: practice_views(db, practice, &fw, &all).await?,
        can_agree: caller.may(Action::AgreeTarget, vis.agent_relation(agent.id))
            && t.agreed_by.is_none(),
        can_check_in: caller.may(Action::SetTarget, vis.agent_relation(agent.id)),
    })
}
