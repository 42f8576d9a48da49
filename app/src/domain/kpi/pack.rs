//! One day's enquiries of one channel, packed for the KPI rollup: the
//! fields the KPIs read, 16 bytes an enquiry, so a year of an
//! organisation's calls reads as about a thousand rows instead of a
//! hundred thousand. Packing keeps every value: figures from a pack are the
//! figures from the calls.

/// The fields of one call that the KPIs read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Enquiry {
    pub duration_seconds: i32,
    /// 1–5.
    pub csat: Option<i16>,
    /// Likelihood to recommend, 0–10.
    pub likelihood_to_recommend: Option<i16>,
    pub resolved: Option<bool>,
    pub resolution_minutes: Option<i32>,
    pub first_response_seconds: Option<i32>,
    pub abandoned: bool,
    pub complaint: bool,
}

const WIDTH: usize = 16;
const NONE: i32 = i32::MIN;
const NO_ANSWER: u8 = u8::MAX;

fn small(v: Option<i16>) -> u8 {
    v.and_then(|v| u8::try_from(v).ok())
        .filter(|v| *v != NO_ANSWER)
        .unwrap_or(NO_ANSWER)
}

fn wide(v: Option<i32>) -> i32 {
    v.unwrap_or(NONE)
}

/// The enquiries as bytes. Answers outside 0–254 cannot be stored and are
/// refused by the call checks long before they get here.
pub fn encode(enquiries: &[Enquiry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(enquiries.len() * WIDTH);
    for e in enquiries {
        out.extend_from_slice(&e.duration_seconds.to_le_bytes());
        out.extend_from_slice(&wide(e.resolution_minutes).to_le_bytes());
        out.extend_from_slice(&wide(e.first_response_seconds).to_le_bytes());
        out.push(small(e.csat));
        out.push(small(e.likelihood_to_recommend));
        out.push(match e.resolved {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        });
        out.push(u8::from(e.abandoned) | (u8::from(e.complaint) << 1));
    }
    out
}

/// The enquiries back; `None` if the bytes are not a pack.
pub fn decode(bytes: &[u8]) -> Option<Vec<Enquiry>> {
    if !bytes.len().is_multiple_of(WIDTH) {
        return None;
    }
    let int = |b: &[u8]| i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let opt = |v: i32| (v != NONE).then_some(v);
    let answer = |v: u8| (v != NO_ANSWER).then_some(i16::from(v));
    bytes
        .chunks_exact(WIDTH)
        .map(|c| {
            Some(Enquiry {
                duration_seconds: int(&c[0..4]),
                resolution_minutes: opt(int(&c[4..8])),
                first_response_seconds: opt(int(&c[8..12])),
                csat: answer(c[12]),
                likelihood_to_recommend: answer(c[13]),
                resolved: match c[14] {
                    0 => None,
                    1 => Some(false),
                    2 => Some(true),
                    _ => return None,
                },
                abandoned: c[15] & 1 != 0,
                complaint: c[15] & 2 != 0,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_shape() -> Vec<Enquiry> {
        let mut out = vec![];
        for (i, resolved) in [None, Some(false), Some(true)].into_iter().enumerate() {
            for abandoned in [false, true] {
                for complaint in [false, true] {
                    out.push(Enquiry {
                        duration_seconds: 37 * i as i32,
                        csat: [None, Some(1), Some(5)][i],
                        likelihood_to_recommend: [Some(0), None, Some(10)][i],
                        resolved,
                        resolution_minutes: [None, Some(0), Some(i32::MAX)][i],
                        first_response_seconds: [Some(-5), Some(86_400), None][i],
                        abandoned,
                        complaint,
                    });
                }
            }
        }
        out
    }

    #[test]
    fn every_field_comes_back_as_it_went_in() {
        let all = every_shape();
        let bytes = encode(&all);
        assert_eq!(bytes.len(), all.len() * WIDTH);
        assert_eq!(decode(&bytes).unwrap(), all);
        assert_eq!(decode(&[]).unwrap(), vec![]);
    }

    #[test]
    fn bytes_that_are_not_a_pack_are_refused() {
        let mut bytes = encode(&every_shape());
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
        bytes[14] = 9;
        assert!(decode(&bytes).is_none());
    }
}
