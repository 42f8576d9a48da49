//! The KPI page's complaint figures (PRODUCT.md §6) by team or agent, read
//! from the register, and the service ideas put into practice.

use super::reach::Reach;
use crate::domain::complaints::{next_due, ComplaintFacts, ComplaintFigures};
use crate::domain::ideas::IdeaStatus;
use crate::error::AppError;
use crate::server::entities::{complaint, idea};
use crate::server::kernel::names::{names_of, team_names};
use crate::server::kernel::{Clock, Ctx, InOrg};
use crate::types::{ComplaintFigureRow, ComplaintKpis, KpiQuery};
use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
use std::collections::BTreeMap;

fn facts_of(c: &complaint::Model, clock: &Clock) -> ComplaintFacts {
    ComplaintFacts {
        opened_on: clock.day_of(c.created_at),
        status: c.status,
        rectification: c.rectification,
        follow_up_on: c.follow_up_on,
        followed_up_on: c.followed_up_on,
        closed_on: c.closed_at.map(|t| clock.day_of(t)),
        reopened: c.reopened,
        next_due: next_due(c.status, c.due_on, c.follow_up_on),
    }
}

/// Complaints received in the period, in the reach of the query.
pub async fn complaint_kpis(cx: &Ctx, q: KpiQuery) -> Result<ComplaintKpis, AppError> {
    let reach = Reach::of(cx, &q).await?;
    let (db, caller) = (&cx.db, &cx.caller);
    let today = caller.clock.today();
    let found: Vec<complaint::Model> = complaint::Entity::in_org(caller.org_id)
        .filter(complaint::Column::CreatedAt.gte(caller.clock.start_of_day(reach.from)))
        .filter(complaint::Column::CreatedAt.lt(caller.clock.end_of_day(reach.to)))
        .all(db)
        .await?
        .into_iter()
        .filter(|c| reach.admits_complaint(c.agent_id, c.team_id))
        .collect();
    let by_agent = reach.is_narrow();
    let mut groups: BTreeMap<Option<i32>, Vec<ComplaintFacts>> = BTreeMap::new();
    for c in &found {
        let key = if by_agent {
            c.agent_id
        } else {
            Some(c.team_id)
        };
        groups
            .entry(key)
            .or_default()
            .push(facts_of(c, &caller.clock));
    }
    let labels = if by_agent {
        let ids: Vec<i32> = groups.keys().flatten().copied().collect();
        names_of(db, caller.org_id, ids).await?
    } else {
        team_names(db, caller.org_id).await?
    };
    let mut rows: Vec<ComplaintFigureRow> = groups
        .into_iter()
        .map(|(key, facts)| ComplaintFigureRow {
            label: match key {
                Some(id) => labels.get(&id).cloned().unwrap_or_default(),
                None => "Taken by nobody in particular".into(),
            },
            figures: ComplaintFigures::of(&facts, today),
        })
        .collect();
    rows.sort_by(|a, b| {
        b.figures
            .count
            .cmp(&a.figures.count)
            .then(a.label.cmp(&b.label))
    });
    let all: Vec<ComplaintFacts> = found.iter().map(|c| facts_of(c, &caller.clock)).collect();
    // Ideas belong to the organisation, not to a team: counted for everyone.
    let ideas_in_practice = idea::Entity::in_org(caller.org_id)
        .filter(idea::Column::Status.eq(IdeaStatus::InPractice))
        .filter(idea::Column::InPracticeOn.gte(reach.from))
        .filter(idea::Column::InPracticeOn.lte(reach.to))
        .count(db)
        .await? as usize;
    Ok(ComplaintKpis {
        total: ComplaintFigures::of(&all, today),
        rows,
        rows_are: if by_agent { "Agent" } else { "Team" }.into(),
        ideas_in_practice,
    })
}
