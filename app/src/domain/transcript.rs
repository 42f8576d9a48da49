//! Transcripts: WebVTT with cue times (and optional `<v Speaker>` voices), or
//! plain text, one line per utterance, optionally "Speaker: words".

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// Start in milliseconds; `None` for plain-text transcripts.
    pub start_ms: Option<u32>,
    pub speaker: Option<String>,
    pub text: String,
}

pub const MAX_TRANSCRIPT_BYTES: usize = 1024 * 1024;

fn parse_time(raw: &str) -> Option<u32> {
    let (clock, millis) = raw.trim().split_once('.')?;
    let parts: Vec<&str> = clock.split(':').collect();
    let (h, m, s) = match parts.as_slice() {
        [h, m, s] => (
            h.parse::<u32>().ok()?,
            m.parse::<u32>().ok()?,
            s.parse::<u32>().ok()?,
        ),
        [m, s] => (0, m.parse::<u32>().ok()?, s.parse::<u32>().ok()?),
        _ => return None,
    };
    if m > 59 || s > 59 || millis.len() != 3 {
        return None;
    }
    let ms: u32 = millis.parse().ok()?;
    Some(((h * 60 + m) * 60 + s) * 1000 + ms)
}

fn split_speaker(text: &str) -> (Option<String>, String) {
    if let Some(rest) = text.strip_prefix("<v ") {
        if let Some((who, words)) = rest.split_once('>') {
            let words = words.replace("</v>", "");
            return (Some(who.trim().to_string()), words.trim().to_string());
        }
    }
    (None, text.trim().to_string())
}

/// Parses a transcript. WebVTT is recognised by its `WEBVTT` first line.
pub fn parse(text: &str) -> Result<Vec<Cue>, String> {
    if text.len() > MAX_TRANSCRIPT_BYTES {
        return Err("The transcript is larger than 1 MB.".into());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Ok(vec![]);
    }
    let lines: Vec<&str> = text.lines().collect();
    if lines[0].trim_start().starts_with("WEBVTT") {
        parse_vtt(&lines)
    } else {
        Ok(lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let l = l.trim();
                match l.split_once(": ") {
                    // A short label before ": " is a speaker; a long one is
                    // just a sentence with a colon in it.
                    Some((who, words))
                        if !who.is_empty() && who.len() <= 40 && who.split(' ').count() <= 3 =>
                    {
                        Cue {
                            start_ms: None,
                            speaker: Some(who.to_string()),
                            text: words.trim().to_string(),
                        }
                    }
                    _ => Cue {
                        start_ms: None,
                        speaker: None,
                        text: l.to_string(),
                    },
                }
            })
            .collect())
    }
}

fn parse_vtt(lines: &[&str]) -> Result<Vec<Cue>, String> {
    let mut cues = vec![];
    let mut i = 1;
    let mut last_start = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if let Some((start, end)) = line.split_once("-->") {
            let end = end.split_whitespace().next().unwrap_or("");
            let s = parse_time(start).ok_or_else(|| {
                format!(
                    "Line {}: \"{}\" is not a cue time such as 00:01:02.500.",
                    i + 1,
                    start.trim()
                )
            })?;
            let e = parse_time(end).ok_or_else(|| {
                format!(
                    "Line {}: \"{}\" is not a cue time such as 00:01:02.500.",
                    i + 1,
                    end.trim()
                )
            })?;
            if e < s {
                return Err(format!("Line {}: the cue ends before it starts.", i + 1));
            }
            if s < last_start {
                return Err(format!("Line {}: cues must be in time order.", i + 1));
            }
            last_start = s;
            let mut words = vec![];
            i += 1;
            while i < lines.len() && !lines[i].trim().is_empty() {
                words.push(lines[i].trim());
                i += 1;
            }
            let (speaker, text) = split_speaker(&words.join(" "));
            if !text.is_empty() {
                cues.push(Cue {
                    start_ms: Some(s),
                    speaker,
                    text,
                });
            }
        }
        i += 1;
    }
    if cues.is_empty() {
        return Err("The WebVTT file has no cues.".into());
    }
    Ok(cues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webvtt_cues_keep_their_times_and_voices() {
        let vtt = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Agent>Thanks for calling, this is Ana.</v>\n\n00:05.500 --> 00:08.000 align:start\n<v Customer>My bill is wrong\nagain.\n";
        let cues = parse(vtt).unwrap();
        assert_eq!(cues.len(), 2);
        assert_eq!(cues[0].start_ms, Some(1000));
        assert_eq!(cues[0].speaker.as_deref(), Some("Agent"));
        assert_eq!(cues[0].text, "Thanks for calling, this is Ana.");
        assert_eq!(cues[1].start_ms, Some(5500));
        assert_eq!(cues[1].text, "My bill is wrong again.");
    }

    #[test]
    fn bad_cue_times_name_the_line() {
        let err = parse("WEBVTT\n\n00:00:01 --> 00:00:04.000\nhello\n").unwrap_err();
        assert!(err.starts_with("Line 3:"), "{err}");
        let err = parse("WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nhello\n").unwrap_err();
        assert!(err.contains("ends before it starts"), "{err}");
        assert!(parse("WEBVTT\n\nNOTE nothing here\n")
            .unwrap_err()
            .contains("no cues"));
    }

    #[test]
    fn plain_text_lines_become_untimed_cues_with_speakers() {
        let cues = parse("Agent: Hello, how can I help?\n\nCustomer: My meter reading is off.\nA line without a speaker\n").unwrap();
        assert_eq!(cues.len(), 3);
        assert_eq!(cues[0].speaker.as_deref(), Some("Agent"));
        assert_eq!(cues[1].text, "My meter reading is off.");
        assert_eq!(cues[2].speaker, None);
        assert!(cues.iter().all(|c| c.start_ms.is_none()));
    }
}
