//! Demo complaints and service ideas: a dozen complaints across the
//! procedure (two overdue, one public, one reopened), each step stamped by
//! the person who took it; and a handful of ideas, two from complaints and
//! one already in practice.

use super::demo_calls::DemoAgent;
use super::entities::{call, complaint, complaint_step, idea};
use crate::domain::calls::Rectification;
use crate::domain::complaints::{
    ComplaintCategory, ComplaintEvent, ComplaintSource, ComplaintStatus,
};
use crate::domain::ideas::IdeaStatus;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use std::collections::HashMap;

/// One demo complaint: how far it got and when, in days before today.
struct Case {
    customer: &'static str,
    category: ComplaintCategory,
    said: &'static str,
    /// Days ago it was received.
    age: i64,
    status: ComplaintStatus,
    /// Due in this many days (negative: overdue).
    due_in: i64,
    rectification: Option<(Rectification, Option<i64>, Option<bool>)>,
    /// The follow-up date, in days from today.
    follow_up_in: Option<i64>,
    /// Done this many days ago, and whether the customer was satisfied.
    closed: Option<(i64, bool)>,
    reopened: bool,
    by_leader: bool,
}

/// What a case has unless it says otherwise: no rectification, follow-up
/// or closing yet, never reopened, taken by a coach.
const PLAIN: Case = Case {
    customer: "",
    category: ComplaintCategory::Service,
    said: "",
    age: 0,
    status: ComplaintStatus::Received,
    due_in: 0,
    rectification: None,
    follow_up_in: None,
    closed: None,
    reopened: false,
    by_leader: false,
};

const CASES: &[Case] = &[
    Case {
        customer: "Mrs P. Adeyemi",
        category: ComplaintCategory::Delivery,
        said: "The engineer did not come on Tuesday and I took the day off work for nothing.",
        age: 1,
        status: ComplaintStatus::Received,
        due_in: 4,
        ..PLAIN
    },
    Case {
        customer: "Mr D. Novak",
        category: ComplaintCategory::Billing,
        said: "I was charged twice for October.",
        age: 9,
        status: ComplaintStatus::Received,
        due_in: -4,
        ..PLAIN
    },
    Case {
        customer: "Ms R. Kaur",
        category: ComplaintCategory::Service,
        said: "Three calls and nobody could tell me why my router keeps dropping out.",
        age: 3,
        status: ComplaintStatus::Recorded,
        due_in: 2,
        ..PLAIN
    },
    Case {
        customer: "J. Whitfield",
        category: ComplaintCategory::Staff,
        said: "The person I spoke to was short with me and ended the call.",
        age: 4,
        status: ComplaintStatus::Recorded,
        due_in: 1,
        by_leader: true,
        ..PLAIN
    },
    Case {
        customer: "Mr T. Osei",
        category: ComplaintCategory::Billing,
        said: "A late fee was added although I paid on the due date.",
        age: 6,
        status: ComplaintStatus::RectificationOffered,
        due_in: 3,
        rectification: Some((Rectification::Refund, Some(1250), Some(true))),
        ..PLAIN
    },
    Case {
        customer: "A. Lindqvist",
        category: ComplaintCategory::Product,
        said: "The replacement handset has the same fault as the first.",
        age: 5,
        status: ComplaintStatus::RectificationOffered,
        due_in: 2,
        rectification: Some((Rectification::Repair, None, None)),
        ..PLAIN
    },
    Case {
        customer: "Mrs K. Brennan",
        category: ComplaintCategory::Delivery,
        said: "My order arrived damaged and the box had clearly been dropped.",
        age: 10,
        status: ComplaintStatus::FollowUpDue,
        due_in: 0,
        rectification: Some((Rectification::Replacement, None, Some(true))),
        follow_up_in: Some(-2),
        ..PLAIN
    },
    Case {
        customer: "Mr L. Fontaine",
        category: ComplaintCategory::Billing,
        said: "I was promised a call back about my bill and it never came.",
        age: 8,
        status: ComplaintStatus::FollowUpDue,
        due_in: 0,
        rectification: Some((Rectification::Refund, Some(3000), Some(true))),
        follow_up_in: Some(0),
        ..PLAIN
    },
    Case {
        customer: "S. Murphy",
        category: ComplaintCategory::Service,
        said: "The outage lasted two days and nobody told us.",
        age: 7,
        status: ComplaintStatus::FollowUpDue,
        due_in: 0,
        rectification: Some((Rectification::Other, None, Some(true))),
        follow_up_in: Some(3),
        ..PLAIN
    },
    Case {
        customer: "Dr H. Ibrahim",
        category: ComplaintCategory::Product,
        said: "The new tariff is not what I was sold on the phone.",
        age: 20,
        status: ComplaintStatus::Closed,
        due_in: 0,
        rectification: Some((Rectification::Refund, Some(4599), Some(true))),
        follow_up_in: Some(-12),
        closed: Some((12, true)),
        ..PLAIN
    },
    Case {
        customer: "Ms C. Duarte",
        category: ComplaintCategory::Delivery,
        said: "The parcel was left outside in the rain.",
        age: 25,
        status: ComplaintStatus::Closed,
        due_in: 0,
        rectification: Some((Rectification::Replacement, None, Some(true))),
        follow_up_in: Some(-18),
        closed: Some((15, false)),
        by_leader: true,
        ..PLAIN
    },
    Case {
        customer: "Mr G. Haddad",
        category: ComplaintCategory::Service,
        said: "The fault came back a week after the engineer said it was fixed.",
        age: 18,
        status: ComplaintStatus::Recorded,
        due_in: 2,
        reopened: true,
        ..PLAIN
    },
];

/// Notes for the closing and other steps, so the history reads like work.
fn notes(c: &Case) -> HashMap<ComplaintEvent, &'static str> {
    let mut n = HashMap::new();
    n.insert(
        ComplaintEvent::FollowUpArranged,
        "A call to check it is all sorted, and a letter of apology.",
    );
    if let Some((_, satisfied)) = c.closed {
        n.insert(
            ComplaintEvent::Closed,
            if satisfied {
                "Called back: the customer is happy with how it was put right."
            } else {
                "Called back: put right, but the customer is still unhappy about the wait."
            },
        );
    }
    if let Some((Rectification::Other, _, _)) = c.rectification {
        n.insert(
            ComplaintEvent::RectificationOffered,
            "A month's service credit.",
        );
    }
    n
}

/// Title, detail, teams involved, the case it came from, status, the
/// reason it was declined, who logged it.
type DemoIdea = (
    &'static str,
    &'static str,
    &'static str,
    Option<usize>,
    IdeaStatus,
    Option<&'static str>,
    i32,
);

#[allow(clippy::too_many_arguments)]
async fn step(
    db: &impl ConnectionTrait,
    org_id: i32,
    complaint_id: i32,
    event: ComplaintEvent,
    actor: i32,
    at: DateTime<Utc>,
    note: Option<&str>,
) -> Result<(), DbErr> {
    complaint_step::ActiveModel {
        org_id: Set(org_id),
        complaint_id: Set(complaint_id),
        event: Set(event),
        actor_id: Set(actor),
        at: Set(at),
        note: Set(note.map(str::to_string)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn seed(
    db: &impl ConnectionTrait,
    org_id: i32,
    agents: &[DemoAgent],
    leader: i32,
    admin: i32,
) -> Result<(), DbErr> {
    let now = Utc::now();
    let today = now.date_naive();
    // Recent calls flagged as complaints, newest first: the register opens
    // from them; the last two cases came another way.
    let flagged: Vec<call::Model> = call::Entity::find()
        .filter(call::Column::OrgId.eq(org_id))
        .filter(call::Column::Complaint.eq(true))
        .filter(call::Column::OccurredAt.lt(now))
        // Scored calls first, so the register shows recovery ratings.
        .order_by_desc(call::Column::Reviewed)
        .order_by_desc(call::Column::OccurredAt)
        .all(db)
        .await?;
    let coach_of: HashMap<i32, i32> = agents.iter().map(|a| (a.team_id, a.coach_id)).collect();
    let mut ids = vec![];
    for (i, c) in CASES.iter().enumerate() {
        let direct = i == 2 || i == 8;
        let from_call = if direct { None } else { flagged.get(i) };
        let (team_id, agent_id) = match from_call {
            Some(k) => (k.team_id, Some(k.agent_id)),
            None => (agents[i % agents.len()].team_id, None),
        };
        let owner = if c.by_leader {
            leader
        } else {
            coach_of[&team_id]
        };
        let received = now - Duration::days(c.age);
        let (source, public) = match (from_call, i) {
            (Some(_), _) => (ComplaintSource::Call, false),
            (None, 8) => (ComplaintSource::Social, true),
            (None, _) => (ComplaintSource::Letter, false),
        };
        let closed_at = c.closed.map(|(ago, _)| now - Duration::days(ago));
        let model = complaint::ActiveModel {
            org_id: Set(org_id),
            team_id: Set(team_id),
            agent_id: Set(agent_id),
            call_id: Set(from_call.map(|k| k.id)),
            source: Set(source),
            public: Set(public),
            customer: Set(c.customer.to_string()),
            category: Set((c.status != ComplaintStatus::Received).then_some(c.category)),
            said: Set(if c.status == ComplaintStatus::Received {
                String::new()
            } else {
                c.said.to_string()
            }),
            status: Set(c.status),
            owner_id: Set(owner),
            due_on: Set(today + Duration::days(c.due_in)),
            rectification: Set(c.rectification.map(|r| r.0)),
            refund_cents: Set(c.rectification.and_then(|r| r.1)),
            accepted: Set(c.rectification.and_then(|r| r.2)),
            rectification_note: Set(notes(c)
                .get(&ComplaintEvent::RectificationOffered)
                .map(|s| s.to_string())),
            follow_up_on: Set(c.follow_up_in.map(|d| today + Duration::days(d))),
            follow_up_note: Set(c
                .follow_up_in
                .map(|_| notes(c)[&ComplaintEvent::FollowUpArranged].to_string())),
            followed_up_on: Set(closed_at.map(|t| t.date_naive())),
            satisfied: Set(c.closed.map(|(_, s)| s)),
            outcome_note: Set(notes(c).get(&ComplaintEvent::Closed).map(|s| s.to_string())),
            closed_at: Set(closed_at),
            reopened: Set(i32::from(c.reopened)),
            material_link: Set(public.then(|| "https://social.example/posts/48213".to_string())),
            created_by: Set(owner),
            created_at: Set(received),
            ..Default::default()
        }
        .insert(db)
        .await?;
        // The steps, a day or two apart, up to where the case is.
        let mut at = received;
        let mut stamp = |event, days: i64| {
            at += Duration::hours(days * 20 + 3);
            (event, at.min(now))
        };
        let mut events = vec![stamp(ComplaintEvent::Opened, 0)];
        let order = [
            (ComplaintStatus::Recorded, ComplaintEvent::Recorded),
            (
                ComplaintStatus::RectificationOffered,
                ComplaintEvent::RectificationOffered,
            ),
            (
                ComplaintStatus::FollowUpDue,
                ComplaintEvent::FollowUpArranged,
            ),
            (ComplaintStatus::Closed, ComplaintEvent::Closed),
        ];
        let reached = |s: ComplaintStatus| {
            let rank = |x: ComplaintStatus| ComplaintStatus::ALL.iter().position(|y| *y == x);
            rank(c.status) >= rank(s)
        };
        if c.reopened {
            for (_, e) in order {
                events.push(stamp(e, 2));
            }
            events.push(stamp(ComplaintEvent::Reopened, 3));
        } else {
            for (s, e) in order {
                if reached(s) {
                    let (e, t) = stamp(e, 1);
                    events.push((
                        e,
                        closed_at
                            .filter(|_| e == ComplaintEvent::Closed)
                            .unwrap_or(t),
                    ));
                }
            }
        }
        let n = notes(c);
        for (e, t) in events {
            let note = match e {
                ComplaintEvent::Reopened => Some("The customer rang again: the fault is back."),
                _ => n.get(&e).copied(),
            };
            step(db, org_id, model.id, e, owner, t, note).await?;
        }
        ids.push(model.id);
    }
    let ideas: [DemoIdea; 5] = [
        ("Text customers when the engineer is 30 minutes away", "Most missed-appointment complaints are about waiting in all day. A text on the way lets people plan.", "Scheduling, Field operations", Some(0), IdeaStatus::InPractice, None, admin),
        ("One refund form for billing errors", "Agents fill in three different forms; a single one would halve the time to refund.", "Billing back office", Some(4), IdeaStatus::Agreed, None, leader),
        ("Proactive outage messages", "Tell affected customers before they call.", "Network operations", None, IdeaStatus::Proposed, None, agents[0].id),
        ("Weekend call-backs", "Customers who work weekdays ask for Saturday call-backs.", "Workforce planning", None, IdeaStatus::Proposed, None, agents[1].id),
        ("Free delivery on every order", "", "Logistics", None, IdeaStatus::Declined, Some("The cost is out of reach this year; we are fixing damaged deliveries at the courier first."), agents[2].id),
    ];
    for (k, (title, detail, involves, from, status, reason, by)) in ideas.into_iter().enumerate() {
        let created = now - Duration::days(40 - 6 * k as i64);
        idea::ActiveModel {
            org_id: Set(org_id),
            title: Set(title.into()),
            detail: Set(detail.into()),
            involves: Set(involves.into()),
            complaint_id: Set(from.map(|i| ids[i])),
            status: Set(status),
            reason: Set(reason.map(str::to_string)),
            created_by: Set(by),
            created_at: Set(created),
            decided_by: Set((status != IdeaStatus::Proposed).then_some(leader)),
            decided_at: Set((status != IdeaStatus::Proposed).then_some(created + Duration::days(5))),
            in_practice_on: Set((status == IdeaStatus::InPractice).then_some(today - Duration::days(10))),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}
