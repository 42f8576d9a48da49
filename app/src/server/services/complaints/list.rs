//! The register: filtered, newest first, a page at a time by cursor, and
//! the same selection as CSV.

use super::*;
use crate::domain::complaints::{amount_text, ComplaintStatus};
use crate::server::kernel::csv::{slug, CsvTable};
use crate::server::kernel::names::team_names;
use crate::server::kernel::Ctx;
use crate::types::{ComplaintList, ComplaintQuery, COMPLAINT_PAGE};
use sea_orm::QuerySelect;

/// The most rows one export holds.
pub const MAX_COMPLAINT_EXPORT: u64 = 100_000;

/// The query's filters over what the caller sees.
fn filtered(
    caller: &AuthUser,
    scope: &Visibility,
    q: &ComplaintQuery,
    today: NaiveDate,
) -> sea_orm::Select<complaint::Entity> {
    let mut s = complaint::Entity::find().filter(visible_condition(caller, scope));
    if q.open {
        s = s.filter(complaint::Column::Status.ne(ComplaintStatus::Closed));
    } else if let Some(st) = q.status {
        s = s.filter(complaint::Column::Status.eq(st));
    }
    if let Some(t) = q.team_id {
        s = s.filter(complaint::Column::TeamId.eq(t));
    }
    if let Some(a) = q.agent_id {
        s = s.filter(complaint::Column::AgentId.eq(a));
    }
    if let Some(c) = q.category {
        s = s.filter(complaint::Column::Category.eq(c));
    }
    if let Some(r) = q.rectification {
        s = s.filter(complaint::Column::Rectification.eq(r));
    }
    if q.overdue {
        // The rule of `next_due`, in SQL.
        s = s.filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(complaint::Column::Status.eq(ComplaintStatus::FollowUpDue))
                        .add(complaint::Column::FollowUpOn.lt(today)),
                )
                .add(
                    Condition::all()
                        .add(
                            complaint::Column::Status
                                .is_not_in([ComplaintStatus::FollowUpDue, ComplaintStatus::Closed]),
                        )
                        .add(complaint::Column::DueOn.lt(today)),
                ),
        );
    }
    s
}

pub async fn list(cx: &Ctx, q: ComplaintQuery) -> Result<ComplaintList, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ViewComplaints)?;
    let scope = Visibility::of(db, caller).await?;
    let today = caller.clock.today();
    let mut s = filtered(caller, &scope, &q, today);
    if let Some(b) = q.before {
        s = s.filter(complaint::Column::Id.lt(b));
    }
    let mut found = s
        .order_by_desc(complaint::Column::Id)
        .limit(COMPLAINT_PAGE + 1)
        .all(db)
        .await?;
    let next = (found.len() as u64 > COMPLAINT_PAGE).then(|| {
        found.truncate(COMPLAINT_PAGE as usize);
        found.last().map(|c| c.id).unwrap_or_default()
    });
    let teams_named = team_names(db, caller.org_id).await?;
    // The filters offer the teams and agents the caller reaches.
    let team_ids: Vec<i32> = if scope.whole_org {
        teams_named.keys().copied().collect()
    } else {
        scope.teams.clone()
    };
    let members = team_member::Entity::find()
        .filter(team_member::Column::TeamId.is_in(team_ids.clone()))
        .filter(team_member::Column::Role.eq(MembershipKind::Agent))
        .all(db)
        .await?;
    let mut ids: Vec<i32> = found
        .iter()
        .flat_map(|c| [Some(c.owner_id), c.agent_id])
        .flatten()
        .collect();
    ids.extend(members.iter().map(|m| m.user_id));
    let people = names_of(db, caller.org_id, ids).await?;
    let mut teams: Vec<PickOption> = team_ids
        .iter()
        .filter_map(|t| {
            teams_named.get(t).map(|n| PickOption {
                id: *t,
                label: n.clone(),
            })
        })
        .collect();
    teams.sort_by(|a, b| a.label.cmp(&b.label));
    let mut agents: Vec<(PickOption, i32)> = members
        .iter()
        .map(|m| {
            (
                PickOption {
                    id: m.user_id,
                    label: people.get(&m.user_id).cloned().unwrap_or_default(),
                },
                m.team_id,
            )
        })
        .collect();
    agents.sort_by(|a, b| a.0.label.cmp(&b.0.label));
    Ok(ComplaintList {
        rows: found
            .iter()
            .map(|c| row_of(c, &people, &teams_named, &caller.clock))
            .collect(),
        next,
        teams,
        agents,
        may_log: access::permits_any(caller.roles, Action::LogComplaint),
        query: q,
    })
}

/// The register's selection as CSV, every step's fields in columns.
pub async fn complaints_csv(cx: &Ctx, q: ComplaintQuery) -> Result<CsvTable, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::ViewComplaints)?;
    let scope = Visibility::of(db, caller).await?;
    let today = caller.clock.today();
    let found = filtered(caller, &scope, &q, today)
        .order_by_desc(complaint::Column::Id)
        .limit(MAX_COMPLAINT_EXPORT)
        .all(db)
        .await?;
    let teams = team_names(db, caller.org_id).await?;
    let people = names_of(
        db,
        caller.org_id,
        found
            .iter()
            .flat_map(|c| [Some(c.owner_id), c.agent_id])
            .flatten()
            .collect::<Vec<i32>>(),
    )
    .await?;
    let yes_no = |b: Option<bool>| match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    let rows = found
        .iter()
        .map(|c| {
            let r = row_of(c, &people, &teams, &caller.clock);
            vec![
                c.id.to_string(),
                caller.clock.day_of(c.created_at).to_string(),
                c.customer.clone(),
                c.source.label().to_string(),
                if c.public { "yes" } else { "no" }.into(),
                c.category.map(|k| k.label()).unwrap_or_default().into(),
                c.said.clone(),
                c.status.label().into(),
                r.team,
                r.agent.unwrap_or_default(),
                r.owner,
                c.due_on.to_string(),
                next_of(c).map(|d| d.to_string()).unwrap_or_default(),
                if r.overdue { "yes" } else { "no" }.into(),
                c.rectification
                    .map(|k| k.label())
                    .unwrap_or_default()
                    .into(),
                c.refund_cents.map(amount_text).unwrap_or_default(),
                yes_no(c.accepted).into(),
                c.follow_up_on.map(|d| d.to_string()).unwrap_or_default(),
                c.followed_up_on.map(|d| d.to_string()).unwrap_or_default(),
                yes_no(c.satisfied).into(),
                c.closed_at
                    .map(|d| caller.clock.day_of(d).to_string())
                    .unwrap_or_default(),
                c.reopened.to_string(),
                c.call_id.map(|i| i.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    let what = match q.team_id.and_then(|t| teams.get(&t)) {
        Some(name) => slug(name),
        None if scope.whole_org => "organisation".into(),
        None => "yours".into(),
    };
    Ok(CsvTable {
        file_name: format!("rapport-complaints-{what}-{today}.csv"),
        header: [
            "Complaint",
            "Received",
            "Customer",
            "Came by",
            "Public",
            "Category",
            "What the customer said",
            "Status",
            "Team",
            "Agent",
            "Owner",
            "Due",
            "Next step due",
            "Overdue",
            "Rectification",
            "Refund",
            "Accepted",
            "Follow-up on",
            "Followed up on",
            "Satisfied",
            "Closed",
            "Times reopened",
            "Call",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect(),
        rows,
    })
}
