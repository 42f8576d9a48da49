//! Random sampling of calls for review (PRODUCT.md §3): N unreviewed calls
//! per agent for a period, drawn reproducibly from a kept seed, then
//! assigned to coaches round robin within each team.
//!
//! The draw uses ChaCha8, whose output for a seed is fixed by its
//! specification, so a kept seed redraws the same calls on any build.

use super::calls::Channel;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

/// A call that might be drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub call_id: i32,
    pub agent_id: i32,
    pub team_id: i32,
    pub channel: Channel,
    pub duration_seconds: Option<i32>,
    pub complaint: bool,
    /// Already has a submitted review.
    pub reviewed: bool,
    /// Already in another sample.
    pub assigned: bool,
}

/// What the person asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct Rules {
    pub per_agent: usize,
    /// Complaints are drawn first, whatever their length or channel.
    pub include_complaints: bool,
    /// Leave out calls shorter than this.
    pub min_seconds: Option<i32>,
    /// Only these channels; empty means all.
    pub channels: Vec<Channel>,
}

/// One drawn call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub call_id: i32,
    pub agent_id: i32,
    pub team_id: i32,
    pub complaint: bool,
}

impl Rules {
    fn admits(&self, c: &Candidate) -> bool {
        if c.reviewed || c.assigned {
            return false;
        }
        if self.include_complaints && c.complaint {
            return true;
        }
        let long_enough = match (self.min_seconds, c.duration_seconds) {
            (Some(min), Some(d)) => d >= min,
            // A call of unknown length is not known to be short.
            _ => true,
        };
        long_enough && (self.channels.is_empty() || self.channels.contains(&c.channel))
    }
}

/// Up to `per_agent` calls per agent: complaints first when asked, the rest
/// at random. The same candidates, rules and seed give the same draw.
pub fn draw(candidates: &[Candidate], rules: &Rules, seed: u64) -> Vec<Drawn> {
    let mut by_agent: BTreeMap<i32, Vec<&Candidate>> = BTreeMap::new();
    for c in candidates.iter().filter(|c| rules.admits(c)) {
        by_agent.entry(c.agent_id).or_default().push(c);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out = vec![];
    for (_, mut calls) in by_agent {
        // The order the database returned them in must not matter.
        calls.sort_by_key(|c| c.call_id);
        let (mut first, mut rest): (Vec<&Candidate>, Vec<&Candidate>) = calls
            .into_iter()
            .partition(|c| rules.include_complaints && c.complaint);
        rest.shuffle(&mut rng);
        let room = rules.per_agent.saturating_sub(first.len());
        first.extend(rest.into_iter().take(room));
        let mut picked: Vec<Drawn> = first
            .into_iter()
            .map(|c| Drawn {
                call_id: c.call_id,
                agent_id: c.agent_id,
                team_id: c.team_id,
                complaint: c.complaint,
            })
            .collect();
        picked.sort_by_key(|d| d.call_id);
        out.extend(picked);
    }
    out
}

/// Assigns drawn calls to the coaches of each call's team in turn, passing
/// over a coach whose own call it is (nobody scores their own call); a call
/// no coach can take stays unassigned, for a person to assign.
pub fn round_robin(drawn: &[Drawn], coaches: &BTreeMap<i32, Vec<i32>>) -> Vec<(i32, Option<i32>)> {
    let mut turn: BTreeMap<i32, usize> = BTreeMap::new();
    drawn
        .iter()
        .map(|d| {
            let team = coaches.get(&d.team_id).map(Vec::as_slice).unwrap_or(&[]);
            let t = turn.entry(d.team_id).or_default();
            let coach = (0..team.len())
                .map(|k| (*t + k) % team.len())
                .find(|&i| team[i] != d.agent_id)
                .map(|i| {
                    *t = i + 1;
                    team[i]
                });
            (d.call_id, coach)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(agent: i32, team: i32, from: i32, n: i32) -> Vec<Candidate> {
        (from..from + n)
            .map(|id| Candidate {
                call_id: id,
                agent_id: agent,
                team_id: team,
                channel: if id % 2 == 0 {
                    Channel::Phone
                } else {
                    Channel::Chat
                },
                duration_seconds: Some(60 + id * 10),
                complaint: false,
                reviewed: false,
                assigned: false,
            })
            .collect()
    }

    fn rules(n: usize) -> Rules {
        Rules {
            per_agent: n,
            include_complaints: false,
            min_seconds: None,
            channels: vec![],
        }
    }

    #[test]
    fn the_same_seed_draws_the_same_calls_in_any_order_and_another_seed_differs() {
        let mut pool = calls(1, 10, 1, 10);
        pool.extend(calls(2, 10, 100, 10));
        let a = draw(&pool, &rules(3), 42);
        let mut shuffled = pool.clone();
        shuffled.reverse();
        assert_eq!(draw(&shuffled, &rules(3), 42), a);
        assert_eq!(a.len(), 6);
        assert_eq!(a.iter().filter(|d| d.agent_id == 1).count(), 3);
        let others: Vec<Vec<Drawn>> = (0..20).map(|s| draw(&pool, &rules(3), s)).collect();
        assert!(others.iter().any(|o| *o != a), "seeds make a difference");
    }

    #[test]
    fn reviewed_and_assigned_calls_are_never_drawn() {
        let mut pool = calls(1, 10, 1, 10);
        for c in pool.iter_mut().take(4) {
            c.reviewed = true;
        }
        for c in pool.iter_mut().skip(4).take(3) {
            c.assigned = true;
        }
        for seed in 0..50 {
            let d = draw(&pool, &rules(10), seed);
            let ids: Vec<i32> = d.iter().map(|x| x.call_id).collect();
            assert_eq!(ids, vec![8, 9, 10], "seed {seed}");
        }
    }

    #[test]
    fn complaints_come_first_and_filters_apply_to_the_rest() {
        let mut pool = calls(1, 10, 1, 10);
        pool[0].complaint = true; // call 1: chat, 70 s
        let r = Rules {
            per_agent: 3,
            include_complaints: true,
            min_seconds: Some(120),
            channels: vec![Channel::Phone],
        };
        for seed in 0..30 {
            let d = draw(&pool, &r, seed);
            assert_eq!(d.len(), 3);
            assert!(d.iter().any(|x| x.call_id == 1 && x.complaint));
            for x in d.iter().filter(|x| x.call_id != 1) {
                let c = &pool[(x.call_id - 1) as usize];
                assert_eq!(c.channel, Channel::Phone);
                assert!(c.duration_seconds.unwrap() >= 120);
            }
        }
        // Without the option a short chat complaint is filtered like any call.
        let plain = Rules {
            include_complaints: false,
            ..r
        };
        assert!(draw(&pool, &plain, 7).iter().all(|x| x.call_id != 1));
    }

    #[test]
    fn an_agent_with_fewer_calls_gives_what_there_is() {
        let pool = calls(1, 10, 1, 2);
        assert_eq!(draw(&pool, &rules(3), 1).len(), 2);
        assert!(draw(&[], &rules(3), 1).is_empty());
    }

    #[test]
    fn round_robin_takes_turns_within_each_team() {
        let mut pool = calls(1, 10, 1, 3);
        pool.extend(calls(2, 20, 100, 2));
        pool.extend(calls(3, 30, 200, 1));
        let d = draw(&pool, &rules(3), 5);
        let coaches = BTreeMap::from([(10, vec![7, 8]), (20, vec![9]), (30, vec![])]);
        let a = round_robin(&d, &coaches);
        let team10: Vec<Option<i32>> = a.iter().take(3).map(|(_, c)| *c).collect();
        assert_eq!(team10, vec![Some(7), Some(8), Some(7)]);
        assert_eq!(a[3].1, Some(9));
        assert_eq!(a[4].1, Some(9));
        assert_eq!(a[5].1, None);
    }

    #[test]
    fn a_coach_is_never_given_their_own_call() {
        // Agent 7 is also one of the team's two coaches.
        let pool = calls(7, 10, 1, 4);
        let d = draw(&pool, &rules(4), 3);
        let a = round_robin(&d, &BTreeMap::from([(10, vec![7, 8])]));
        assert!(a.iter().all(|(_, c)| *c == Some(8)));
        let alone = round_robin(&d, &BTreeMap::from([(10, vec![7])]));
        assert!(alone.iter().all(|(_, c)| c.is_none()));
    }
}
