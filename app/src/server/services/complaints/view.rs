//! One complaint: the case, its stamped steps, the call's recovery
//! ratings beside it, and what the caller may do next.

use super::*;
use crate::domain::complaints::amount_text;
use crate::domain::scoring::Rating;
use crate::server::entities::{
    call, complaint_step, framework_behaviour, idea, review, review_rating,
};
use crate::server::kernel::names::team_names;
use crate::server::kernel::{Clock, Ctx};
use crate::types::{Attachment, ComplaintStepRow, ComplaintView, IdeaRow, Recovery};

/// The framework's recovery behaviours (PRODUCT.md §2): complaint handling,
/// customer recovery and the apology. A reworded framework keeps its keys.
const RECOVERY_KEYS: [&str; 3] = [
    "complaint_handling",
    "customer_recovery",
    "courtesy_apology",
];

fn is_recovery(b: &framework_behaviour::Model) -> bool {
    RECOVERY_KEYS.contains(&b.key.as_str())
}

async fn recovery(
    db: &impl ConnectionTrait,
    caller: &AuthUser,
    scope: &Visibility,
    call_id: Option<i32>,
) -> Result<Recovery, AppError> {
    let Some(call_id) = call_id else {
        return Ok(Recovery::NoCall);
    };
    let c = call::Entity::get_in_org(db, caller.org_id, call_id).await?;
    let latest = review::ordinary()
        .filter(review::Column::CallId.eq(call_id))
        .filter(review::Column::SubmittedAt.is_not_null())
        .order_by_desc(review::Column::SubmittedAt)
        .one(db)
        .await?;
    let Some(r) = latest else {
        return Ok(Recovery::NotScored {
            call_id,
            may_score: caller.may(Action::ScoreCall, scope.call_relation(&c)),
        });
    };
    let behaviours: Vec<framework_behaviour::Model> = framework_behaviour::Entity::find()
        .filter(framework_behaviour::Column::FrameworkId.eq(r.framework_id))
        .order_by_asc(framework_behaviour::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .filter(is_recovery)
        .collect();
    let ratings: HashMap<i32, i16> = review_rating::Entity::find()
        .filter(review_rating::Column::ReviewId.eq(r.id))
        .all(db)
        .await?
        .into_iter()
        .map(|x| (x.behaviour_id, x.rating))
        .collect();
    let coach = names_of(db, caller.org_id, [r.coach_id]).await?;
    Ok(Recovery::Scored {
        call_id,
        review_id: r.id,
        coach: coach.get(&r.coach_id).cloned().unwrap_or_default(),
        ratings: behaviours
            .into_iter()
            .map(|b| {
                let rating = ratings
                    .get(&b.id)
                    .and_then(|code| Rating::from_code(*code))
                    .filter(|r| *r != Rating::NotApplicable);
                (b.name, rating.map(Rating::label))
            })
            .collect(),
    })
}

pub async fn view(cx: &Ctx, id: i32) -> Result<ComplaintView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    let (c, scope) = visible(db, caller, id).await?;
    let handles = may_handle(caller, &scope, &c);
    let steps = complaint_step::Entity::find()
        .filter(complaint_step::Column::ComplaintId.eq(c.id))
        .order_by_asc(complaint_step::Column::At)
        .order_by_asc(complaint_step::Column::Id)
        .all(db)
        .await?;
    let ideas = idea::Entity::in_org(caller.org_id)
        .filter(idea::Column::ComplaintId.eq(c.id))
        .order_by_asc(idea::Column::Id)
        .all(db)
        .await?;
    let mut ids: Vec<i32> = steps.iter().map(|s| s.actor_id).collect();
    ids.extend(ideas.iter().map(|i| i.created_by));
    ids.extend([c.owner_id]);
    ids.extend(c.agent_id);
    let people = names_of(db, caller.org_id, ids).await?;
    let teams = team_names(db, caller.org_id).await?;
    let today = caller.clock.today();
    let next = next_of(&c);
    let call_label = match c.call_id {
        Some(call_id) => {
            let k = call::Entity::get_in_org(db, caller.org_id, call_id).await?;
            Some(format!(
                "{} call on {}",
                k.channel.label(),
                date(caller.clock.day_of(k.occurred_at))
            ))
        }
        None => None,
    };
    let decides = caller.may(Action::DecideIdea, Relation::Organisation);
    Ok(ComplaintView {
        id: c.id,
        call_label,
        source: c.source,
        public: c.public,
        customer: c.customer.clone(),
        category: c.category,
        said: c.said.clone(),
        status: c.status,
        team: teams.get(&c.team_id).cloned().unwrap_or_default(),
        agent: c.agent_id.and_then(|a| people.get(&a).cloned()),
        owner_id: c.owner_id,
        owner: people.get(&c.owner_id).cloned().unwrap_or_default(),
        due_on: c.due_on.to_string(),
        next_due: next.map(date),
        overdue: next.is_some_and(|d| d < today),
        rectification: c.rectification,
        refund: c.refund_cents.map(amount_text),
        accepted: c.accepted,
        rectification_note: c.rectification_note.clone(),
        follow_up_on: c.follow_up_on.map(date),
        follow_up_note: c.follow_up_note.clone(),
        followed_up_on: c.followed_up_on.map(date),
        satisfied: c.satisfied,
        outcome_note: c.outcome_note.clone(),
        reopened: c.reopened,
        material_link: c.material_link.clone(),
        attachment: c.attachment_name.clone().map(|name| Attachment {
            name,
            bytes: c.attachment_bytes.unwrap_or(0),
            href: format!("/media/complaints/{}/material", c.id),
        }),
        steps: steps
            .into_iter()
            .map(|s| ComplaintStepRow {
                event: s.event,
                by: people.get(&s.actor_id).cloned().unwrap_or_default(),
                at: caller.clock.when(s.at),
                note: s.note,
            })
            .collect(),
        recovery: recovery(db, caller, &scope, c.call_id).await?,
        moves: if handles {
            c.status.moves().to_vec()
        } else {
            vec![]
        },
        may_handle: handles,
        owners: if handles {
            owners_of(db, caller.org_id, c.team_id).await?
        } else {
            vec![]
        },
        ideas: ideas
            .into_iter()
            .map(|i| idea_row(&i, &people, decides, &caller.clock))
            .collect(),
    })
}

/// A service idea as listed, with the moves a leader may make.
pub(crate) fn idea_row(
    i: &idea::Model,
    people: &HashMap<i32, String>,
    decides: bool,
    clock: &Clock,
) -> IdeaRow {
    IdeaRow {
        id: i.id,
        title: i.title.clone(),
        detail: i.detail.clone(),
        involves: i.involves.clone(),
        status: i.status,
        reason: i.reason.clone(),
        by: people.get(&i.created_by).cloned().unwrap_or_default(),
        logged_on: date(clock.day_of(i.created_at)),
        in_practice_on: i.in_practice_on.map(date),
        complaint_id: i.complaint_id,
        next: if decides {
            i.status.next().to_vec()
        } else {
            vec![]
        },
    }
}
