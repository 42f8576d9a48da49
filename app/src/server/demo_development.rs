//! Demo development data: self-assessments (the first agent shows a clear
//! blind spot, a gap that is not clear yet and a hidden strength; one agent
//! has not self-assessed), targets in every status, check-ins and practice
//! sessions.
//!
//! Gaps and targets are chosen against the seeded reviews, so each one
//! really shows what it is meant to when computed the normal way.

use super::demo_calls::DemoAgent;
use super::entities::{
    practice_behaviour, practice_session, self_assessment, self_rating, target, target_checkin,
};
use super::services::development::{lineage_map, profile_of, progress_of, scored_ratings, Scored};
use super::services::frameworks::{current, view_of};
use crate::domain::benchmark::{gap, CoachRating, Gap, DEFAULT_WINDOW_DAYS};
use crate::domain::practice::PracticeKind;
use crate::domain::targets::TargetStatus;
use crate::types::FrameworkView;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set};

fn err(e: impl std::fmt::Display) -> DbErr {
    DbErr::Custom(e.to_string())
}

/// How far each demo agent over- or under-rates themself against their
/// coaches (`None`: has not self-assessed yet).
const SELF_BIAS: [Option<f64>; 6] = [Some(0.6), Some(1.6), Some(-0.9), Some(0.0), Some(1.1), None];

struct DemoTarget {
    /// The agent it is for, or the next one whose calls allow `want`.
    agent: usize,
    want: TargetStatus,
    set_days_ago: i64,
    due_in_days: i64,
    agreed: bool,
    plan: &'static str,
}

const TARGETS: &[DemoTarget] = &[
    DemoTarget {
        agent: 0,
        want: TargetStatus::Achieved,
        set_days_ago: 75,
        due_in_days: -20,
        agreed: true,
        plan: "Listen back to one of my calls every Friday and mark where I could have done this; one role-play a week with Chloé.",
    },
    DemoTarget {
        agent: 0,
        want: TargetStatus::OnTrack,
        set_days_ago: 45,
        due_in_days: 30,
        agreed: true,
        plan: "Use the checklist card on every call this month; role-play the hardest scenario from the week with a peer on Thursdays.",
    },
    DemoTarget {
        agent: 0,
        want: TargetStatus::NotEnoughCalls,
        set_days_ago: 1,
        due_in_days: 60,
        agreed: false,
        plan: "Two role-plays a week with a peer on billing disputes.",
    },
    DemoTarget {
        agent: 1,
        want: TargetStatus::Missed,
        set_days_ago: 80,
        due_in_days: -10,
        agreed: true,
        plan: "Shadow Ana for two calls a week and write down the phrases she uses.",
    },
    DemoTarget {
        agent: 1,
        want: TargetStatus::AtRisk,
        set_days_ago: 50,
        due_in_days: 20,
        agreed: true,
        plan: "Pause and summarise before moving to the solution on every call; ask for feedback on two calls a week.",
    },
    DemoTarget {
        agent: 3,
        want: TargetStatus::Achieved,
        set_days_ago: 70,
        due_in_days: -5,
        agreed: true,
        plan: "Practise the explanation of each common policy out loud until it takes under thirty seconds.",
    },
    DemoTarget {
        agent: 4,
        want: TargetStatus::OnTrack,
        set_days_ago: 40,
        due_in_days: 25,
        agreed: true,
        plan: "Pause and summarise before moving to the solution on every call; ask Priya for feedback on two calls.",
    },
];

/// Adjusts the fewest self ratings needed for the benchmark to show each
/// kind of gap it can (a clear blind spot, a hidden strength and a gap that
/// is not clear yet), where the coach ratings allow it.
fn show_every_gap(profile: &[Option<CoachRating>], levels: &mut [i16]) {
    let wanted = [
        Gap::BlindSpot,
        Gap::HiddenStrength,
        Gap::NotClearYet { more_calls: None },
    ];
    let gap_at = |j: usize, level: i16| gap(Some(level as u8), profile[j].as_ref());
    let mut kept: Vec<usize> = vec![];
    for want in wanted {
        let is = |g: Gap| std::mem::discriminant(&g) == std::mem::discriminant(&want);
        if let Some(j) = (0..levels.len()).find(|&j| !kept.contains(&j) && is(gap_at(j, levels[j])))
        {
            kept.push(j);
            continue;
        }
        let found = (0..levels.len())
            .filter(|j| !kept.contains(j))
            // The level nearest the coaches that still shows the gap.
            .find_map(|j| {
                let mut levels: Vec<i16> = (1..=5).collect();
                if want == Gap::HiddenStrength {
                    levels.reverse();
                }
                levels
                    .into_iter()
                    .find(|&l| is(gap_at(j, l)))
                    .map(|l| (j, l))
            });
        if let Some((j, l)) = found {
            levels[j] = l;
            kept.push(j);
        }
    }
}

fn coach_means(
    fw: &FrameworkView,
    scored: &[Scored],
    agent_id: i32,
    at: DateTime<Utc>,
) -> Vec<Option<f64>> {
    // The demo organisation keeps UTC days.
    profile_of(fw, scored, agent_id, at, DEFAULT_WINDOW_DAYS, Tz::UTC)
        .into_iter()
        .map(|c| c.map(|c| c.mean))
        .collect()
}

pub async fn seed(
    db: &impl ConnectionTrait,
    org_id: i32,
    agents: &[DemoAgent],
) -> Result<(), DbErr> {
    let now = Utc::now();
    let fw = view_of(db, current(db, org_id).await.map_err(err)?)
        .await
        .map_err(err)?;
    let ids: Vec<i32> = agents.iter().map(|a| a.id).collect();
    let all = lineage_map(db, org_id).await.map_err(err)?;
    let scored = scored_ratings(db, org_id, &ids, now - Duration::days(400), &all)
        .await
        .map_err(err)?;

    // Self-assessments: the first agent has two, so history shows movement.
    for (i, agent) in agents.iter().enumerate() {
        let Some(bias) = SELF_BIAS.get(i).copied().flatten() else {
            continue;
        };
        let mut rounds = vec![(8, bias)];
        if i == 0 {
            rounds.insert(0, (60, bias + 0.7));
        }
        let profile = profile_of(&fw, &scored, agent.id, now, DEFAULT_WINDOW_DAYS, Tz::UTC);
        let latest = rounds.len() - 1;
        for (round, (days_ago, bias)) in rounds.into_iter().enumerate() {
            let at = now - Duration::days(days_ago);
            let saved = self_assessment::ActiveModel {
                org_id: Set(org_id),
                agent_id: Set(agent.id),
                framework_id: Set(fw.id),
                created_at: Set(at),
                ..Default::default()
            }
            .insert(db)
            .await?;
            let mut levels: Vec<i16> = profile
                .iter()
                .enumerate()
                .map(|(j, coach)| {
                    // A little variety so not every gap is the same size.
                    let wobble = [0.0, 0.3, -0.3, 0.2, -0.2][j % 5];
                    (coach.as_ref().map_or(agent.skill, |c| c.mean) + bias + wobble)
                        .round()
                        .clamp(1.0, 5.0) as i16
                })
                .collect();
            if i == 0 && round == latest {
                show_every_gap(&profile, &mut levels);
            }
            let rows = fw
                .behaviours()
                .zip(levels)
                .enumerate()
                .map(|(j, (b, level))| self_rating::ActiveModel {
                    assessment_id: Set(saved.id),
                    behaviour_id: Set(b.id),
                    lineage: Set(b.lineage.clone()),
                    level: Set(level),
                    example: Set(if j == 0 && days_ago < 30 {
                        "Last week a customer thanked me for owning the problem from the start."
                            .into()
                    } else {
                        String::new()
                    }),
                    ..Default::default()
                });
            self_rating::Entity::insert_many(rows).exec(db).await?;
        }
    }

    // Targets, each on a behaviour where the seeded reviews give it the
    // status it is meant to show.
    let mut used: Vec<(usize, String)> = vec![];
    let mut open_targets: Vec<(usize, String)> = vec![];
    for spec in TARGETS {
        let start = now - Duration::days(spec.set_days_ago);
        let due = (now + Duration::days(spec.due_in_days)).date_naive();
        let mut chosen = None;
        // The agent named first, then the others in turn.
        let order = (0..agents.len()).map(|k| (spec.agent + k) % agents.len().max(1));
        'search: for a in order {
            let agent = &agents[a];
            let baselines = coach_means(&fw, &scored, agent.id, start);
            for (b, baseline) in fw.behaviours().zip(&baselines) {
                if used.iter().any(|(u, l)| *u == a && *l == b.lineage) {
                    continue;
                }
                let first = baseline.map_or(3, |m| (m.floor() as i16 + 1).max(3));
                // An achieved target shows the highest level reached; the
                // others the smallest step up.
                let levels: Vec<i16> = match spec.want {
                    TargetStatus::Achieved => (first..=5).rev().collect(),
                    _ => (first..=5).collect(),
                };
                for level in levels {
                    let candidate = target::Model {
                        id: 0,
                        org_id,
                        agent_id: agent.id,
                        behaviour_id: b.id,
                        lineage: b.lineage.clone(),
                        baseline: *baseline,
                        baseline_calls: 0,
                        level,
                        due_on: due,
                        plan: spec.plan.into(),
                        created_by: agent.id,
                        created_at: start,
                        agreed_by: None,
                        agreed_at: None,
                        status: None,
                        achieved_on: None,
                        progress_calls: None,
                        progress_mean: None,
                    };
                    let p = progress_of(&candidate, &scored, now, Tz::UTC).0;
                    if p.status == spec.want {
                        chosen = Some((
                            a,
                            agent,
                            target::Model {
                                status: Some(p.status),
                                achieved_on: p.achieved_on,
                                progress_calls: Some(p.calls as i32),
                                progress_mean: p.mean,
                                ..candidate
                            },
                        ));
                        break 'search;
                    }
                }
            }
        }
        let Some((index, agent, t)) = chosen else {
            continue;
        };
        used.push((index, t.lineage.clone()));
        let baseline_calls = scored
            .iter()
            .filter(|s| {
                s.agent_id == agent.id
                    && s.lineage == t.lineage
                    && s.call_at <= start
                    && s.call_at > start - Duration::days(DEFAULT_WINDOW_DAYS)
                    && crate::domain::benchmark::level_value(s.rating).is_some()
            })
            .count() as i32;
        let saved = target::ActiveModel {
            org_id: Set(org_id),
            agent_id: Set(agent.id),
            behaviour_id: Set(t.behaviour_id),
            lineage: Set(t.lineage.clone()),
            baseline: Set(t.baseline),
            baseline_calls: Set(baseline_calls),
            level: Set(t.level),
            due_on: Set(t.due_on),
            plan: Set(t.plan.clone()),
            created_by: Set(agent.id),
            created_at: Set(start),
            agreed_by: Set(spec.agreed.then_some(agent.coach_id)),
            agreed_at: Set(spec.agreed.then_some(start + Duration::hours(20))),
            status: Set(t.status),
            achieved_on: Set(t.achieved_on),
            progress_calls: Set(t.progress_calls),
            progress_mean: Set(t.progress_mean),
            ..Default::default()
        }
        .insert(db)
        .await?;
        if spec.want.is_open() {
            open_targets.push((index, t.lineage.clone()));
        }
        let notes: &[(i64, bool, &str)] = match spec.want {
            TargetStatus::OnTrack | TargetStatus::AtRisk if spec.agreed => &[
                (5, false, "Tried it on every call this week. Easier on billing calls than on complaints."),
                (4, true, "Good progress. Let's listen to one complaint call together on Tuesday."),
            ],
            TargetStatus::Missed => &[(12, true, "Not there yet: the last three calls slipped back under time pressure. Worth setting again with a smaller step.")],
            TargetStatus::Achieved => &[(25, true, "Consistent on the last few calls. Well done.")],
            _ => &[],
        };
        for (days_ago, by_coach, note) in notes {
            target_checkin::ActiveModel {
                target_id: Set(saved.id),
                author_id: Set(if *by_coach { agent.coach_id } else { agent.id }),
                note: Set(note.to_string()),
                created_at: Set(now - Duration::days(*days_ago)),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }

    // Practice for the open targets.
    const PRACTICE: &[(i64, PracticeKind, &str, &str, &str, i16, &str)] = &[
        (
            9,
            PracticeKind::RolePlay,
            "Customer disputes an estimated bill and wants a manager",
            "peer",
            "Chloé Martin",
            3,
            "Kept calm, but I jumped to the fix before checking I had understood.",
        ),
        (
            4,
            PracticeKind::SelfPractice,
            "Explaining the direct-debit review policy out loud",
            "self",
            "",
            4,
            "Under thirty seconds now, and it sounds less like a script.",
        ),
        (
            2,
            PracticeKind::RolePlay,
            "Engineer missed the appointment; customer took a day off work",
            "peer",
            "Ben Carter",
            4,
            "Apologised for the lost day first. Felt natural.",
        ),
    ];
    for (agent_index, lineage) in &open_targets {
        let Some(agent) = agents.get(*agent_index) else {
            continue;
        };
        let take = if *agent_index == 0 { 3 } else { 1 };
        for (days_ago, kind, scenario, rater, peer, rating, reflection) in
            PRACTICE.iter().take(take)
        {
            let saved = practice_session::ActiveModel {
                org_id: Set(org_id),
                agent_id: Set(agent.id),
                practised_on: Set((now - Duration::days(*days_ago)).date_naive()),
                kind: Set(*kind),
                scenario: Set(scenario.to_string()),
                rater: Set(rater.to_string()),
                peer_name: Set(peer.to_string()),
                rating: Set(*rating),
                reflection: Set(reflection.to_string()),
                created_at: Set(now - Duration::days(*days_ago)),
                ..Default::default()
            }
            .insert(db)
            .await?;
            practice_behaviour::ActiveModel {
                session_id: Set(saved.id),
                lineage: Set(lineage.clone()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}
