//! The KPI page's complaint figures (PRODUCT.md §6) by team or agent, read
//! from the register, and the service ideas put into practice.

use super::reach::Reach;
use crate::domain::complaints::{next_due, ComplaintFacts, ComplaintFigures};
use crate::domain::ideas::IdeaStatus;
use crate::error::AppError;
use crate::server::entities::{complaint, idea};
use crate::server::kernel::dates::{end_of_day, start_of_day};
use crate::server::kernel::names::{names_of, team_names};
use crate::server::kernel::{Ctx, InOrg};
use crate::types::{ComplaintFigureRow, ComplaintKpis, KpiQuery};
use chrono::Utc;
use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
use std::collections::BTreeMap;

fn facts_of(c: &complaint::Model) -> ComplaintFacts {
    ComplaintFacts {
        opened_on: c.created_at.date_naive(),
        status: c.status,
        rectification: c.rectification,
        follow_up_on: c.follow_up_on,
        followed_up_on: c.followed_up_on,
        closed_on: c.closed_at.map(|t| t.date_naive()),
        reopened: c.reopened,
        next_due: next_due(c.status, c.due_on, c.follow_up_on),
    }
}

/// Complaints received in the period, in the reach of the query.
pub async fn complaint_kpis(cx: &Ctx, q: KpiQuery) -> Result<ComplaintKpis, AppError> {
    let reach = Reach::of(cx, &q).await?;
    let (db, caller) = (&cx.db, &cx.caller);
    let today = Utc::now().date_naive();
    let found: Vec<complaint::Model> = complaint::Entity::in_org(caller.org_id)
        .filter(complaint::Column::CreatedAt.gte(start_of_day(reach.from)))
        .filter(complaint::Column::CreatedAt.lt(end_of_day(reach.to)))
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
        groups.entry(key).or_default().push(facts_of(c));
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
    let all: Vec<ComplaintFacts> = found.iter().map(facts_of).collect();
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
