//! One day's submitted reviews, packed for the quality rollup: for each
//! review of a call that happened that day, the call, agent, team, channel,
//! score and every rating, so a year of an organisation's reviews reads as
//! a few hundred rows instead of a million ratings. Reviews of one call are
//! kept together (the pack is in call order), which lets a reader take a
//! call's value per behaviour in one pass.

use crate::domain::benchmark::level_value;
use crate::domain::calls::Channel;
use crate::domain::scoring::Rating;

/// One submitted review of a call.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewEntry {
    pub call_id: i32,
    pub agent_id: i32,
    pub team_id: i32,
    pub channel: Channel,
    /// `None` when nothing on the call could be scored.
    pub score: Option<f64>,
    /// The call's CSAT answer (1–5) and likelihood to recommend (0–10),
    /// for the insight figures.
    pub csat: Option<i16>,
    pub likelihood: Option<i16>,
    /// (behaviour id, rating code: 1–5 a level, 0 Missed, -1 N/A).
    pub ratings: Vec<(i32, i16)>,
}

const HEADER: usize = 4 + 4 + 4 + 1 + 8 + 1 + 1 + 2;
const NO_ANSWER: u8 = u8::MAX;
const RATING: usize = 5;

fn channel_code(c: Channel) -> u8 {
    Channel::ALL
        .iter()
        .position(|x| *x == c)
        .unwrap_or_default() as u8
}

fn channel_of(code: u8) -> Option<Channel> {
    Channel::ALL.get(usize::from(code)).copied()
}

/// Answers are 0–10; anything else cannot be stored and is refused by the
/// call checks long before it gets here.
fn answer_code(v: Option<i16>) -> u8 {
    v.and_then(|v| u8::try_from(v).ok())
        .filter(|v| *v != NO_ANSWER)
        .unwrap_or(NO_ANSWER)
}

fn answer_of(code: u8) -> Option<i16> {
    (code != NO_ANSWER).then_some(i16::from(code))
}

/// The entries as bytes, in the order given (callers sort by call).
pub fn encode(entries: &[ReviewEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        out.extend_from_slice(&e.call_id.to_le_bytes());
        out.extend_from_slice(&e.agent_id.to_le_bytes());
        out.extend_from_slice(&e.team_id.to_le_bytes());
        out.push(channel_code(e.channel));
        out.extend_from_slice(&e.score.unwrap_or(f64::NAN).to_le_bytes());
        out.push(answer_code(e.csat));
        out.push(answer_code(e.likelihood));
        out.extend_from_slice(&(e.ratings.len() as u16).to_le_bytes());
        for (behaviour, code) in &e.ratings {
            out.extend_from_slice(&behaviour.to_le_bytes());
            out.push(*code as i8 as u8);
        }
    }
    out
}

/// The entries back; the ratings only of entries `keep` accepts (by agent
/// and team), the rest with none, so a narrow view skips most of the work.
/// `None` if the bytes are not a pack.
pub fn decode(bytes: &[u8], keep: impl Fn(i32, i32) -> bool) -> Option<Vec<ReviewEntry>> {
    let int = |b: &[u8]| i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let h = bytes.get(at..at + HEADER)?;
        let (call_id, agent_id, team_id) = (int(&h[0..4]), int(&h[4..8]), int(&h[8..12]));
        let channel = channel_of(h[12])?;
        let score = f64::from_le_bytes(h[13..21].try_into().ok()?);
        let (csat, likelihood) = (answer_of(h[21]), answer_of(h[22]));
        let n = usize::from(u16::from_le_bytes([h[23], h[24]]));
        at += HEADER;
        let body = bytes.get(at..at + n * RATING)?;
        at += n * RATING;
        let ratings = if keep(agent_id, team_id) {
            body.chunks_exact(RATING)
                .map(|r| (int(&r[0..4]), i16::from(r[4] as i8)))
                .collect()
        } else {
            vec![]
        };
        out.push(ReviewEntry {
            call_id,
            agent_id,
            team_id,
            channel,
            score: (!score.is_nan()).then_some(score),
            csat,
            likelihood,
            ratings,
        });
    }
    Some(out)
}

/// Each call's value per column (PRODUCT.md §4: the mean level of its
/// reviews, Missed 0, N/A left out; `None` when no review rated it), with
/// the call's reviews: `each` runs once a call, in pack order. The reviews
/// of a call lie together in a pack, so nothing is kept per call.
pub fn for_each_call<'a>(
    entries: impl IntoIterator<Item = &'a ReviewEntry>,
    column_of: &[Option<usize>],
    columns: usize,
    mut each: impl FnMut(&[&'a ReviewEntry], &[Option<f64>]),
) {
    let mut sums = vec![(0.0, 0usize); columns];
    let mut values = vec![None; columns];
    let mut reviews: Vec<&'a ReviewEntry> = Vec::new();
    let mut flush = |reviews: &mut Vec<&'a ReviewEntry>, sums: &mut [(f64, usize)]| {
        for (value, (sum, n)) in values.iter_mut().zip(sums.iter_mut()) {
            *value = (*n > 0).then(|| *sum / *n as f64);
            (*sum, *n) = (0.0, 0);
        }
        each(reviews, &values);
        reviews.clear();
    };
    for e in entries {
        if reviews.first().is_some_and(|r| r.call_id != e.call_id) {
            flush(&mut reviews, &mut sums);
        }
        reviews.push(e);
        for (behaviour, code) in &e.ratings {
            let col = usize::try_from(*behaviour)
                .ok()
                .and_then(|b| column_of.get(b).copied().flatten());
            let (Some(col), Some(level)) = (col, Rating::from_code(*code).and_then(level_value))
            else {
                continue;
            };
            sums[col].0 += level;
            sums[col].1 += 1;
        }
    }
    if !reviews.is_empty() {
        flush(&mut reviews, &mut sums);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<ReviewEntry> {
        vec![
            ReviewEntry {
                call_id: 7,
                agent_id: 3,
                team_id: 1,
                channel: Channel::Email,
                score: Some(72.5),
                csat: Some(4),
                likelihood: Some(0),
                ratings: vec![(11, 5), (12, 0), (13, -1)],
            },
            ReviewEntry {
                call_id: 7,
                agent_id: 3,
                team_id: 1,
                channel: Channel::Email,
                score: None,
                csat: Some(4),
                likelihood: Some(0),
                ratings: vec![],
            },
            ReviewEntry {
                call_id: 9,
                agent_id: 4,
                team_id: 2,
                channel: Channel::Chat,
                score: Some(0.1 + 0.2),
                csat: None,
                likelihood: Some(10),
                ratings: vec![(11, 1)],
            },
        ]
    }

    #[test]
    fn every_review_comes_back_as_it_went_in() {
        let all = entries();
        assert_eq!(decode(&encode(&all), |_, _| true).unwrap(), all);
        assert_eq!(decode(&[], |_, _| true).unwrap(), vec![]);
    }

    #[test]
    fn ratings_of_entries_left_out_are_skipped() {
        let got = decode(&encode(&entries()), |_, team| team == 2).unwrap();
        assert!(got[0].ratings.is_empty());
        assert_eq!(got[0].score, Some(72.5));
        assert_eq!(got[2].ratings, vec![(11, 1)]);
    }

    #[test]
    fn bytes_that_are_not_a_pack_are_refused() {
        let bytes = encode(&entries());
        assert!(decode(&bytes[..bytes.len() - 2], |_, _| true).is_none());
        let mut bad = bytes.clone();
        bad[12] = 200;
        assert!(decode(&bad, |_, _| true).is_none());
    }

    #[test]
    fn each_call_gets_the_mean_of_its_reviews_per_column() {
        // Behaviour 11 is column 0, 12 column 1, 13 has no column.
        let column_of = [
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            Some(0),
            Some(1),
        ];
        let mut all = entries();
        all[1].ratings = vec![(11, 2), (12, -1)];
        let mut got = Vec::new();
        for_each_call(&all, &column_of, 2, |reviews, values| {
            got.push((reviews[0].call_id, reviews.len(), values.to_vec()))
        });
        // Call 7: (5 + 2) / 2 and Missed alone (N/A left out); call 9: 1.
        assert_eq!(
            got,
            vec![
                (7, 2, vec![Some(3.5), Some(0.0)]),
                (9, 1, vec![Some(1.0), None])
            ]
        );
    }
}
