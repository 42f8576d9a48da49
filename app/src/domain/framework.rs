//! The behavioural framework as data (PRODUCT.md §2): clusters of
//! behaviours, each with indicators, a weight, a critical flag and a
//! five-level anchored scale. Also the default framework every new
//! organisation starts from, written for Rapport.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BehaviourDoc {
    pub key: String,
    pub name: String,
    pub definition: String,
    /// What good sounds like.
    pub positive: Vec<String>,
    /// What falls short.
    pub negative: Vec<String>,
    pub weight: u32,
    pub critical: bool,
    /// Descriptions of levels 1–5.
    pub anchors: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterDoc {
    pub name: String,
    pub description: String,
    pub behaviours: Vec<BehaviourDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkDoc {
    pub name: String,
    pub description: String,
    pub clusters: Vec<ClusterDoc>,
}

pub const MAX_WEIGHT: u32 = 10;

/// A problem with one field of a behaviour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocProblem {
    pub field: &'static str,
    pub message: String,
}

fn p(field: &'static str, message: impl Into<String>) -> DocProblem {
    DocProblem {
        field,
        message: message.into(),
    }
}

/// Splits a text area into indicator lines, dropping blanks and bullets.
pub fn indicator_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '•', '*'])
                .trim()
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Checks one behaviour. `other_keys` are the keys of the framework's other
/// behaviours, which must differ.
pub fn check_behaviour(b: &BehaviourDoc, other_keys: &[String]) -> Result<(), Vec<DocProblem>> {
    let mut problems = vec![];
    let key_ok = (2..=40).contains(&b.key.len())
        && b.key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && b.key.starts_with(|c: char| c.is_ascii_lowercase());
    if !key_ok {
        problems.push(p(
            "key",
            "A key is 2–40 lower-case letters, digits or underscores, starting with a letter (e.g. active_listening).",
        ));
    } else if other_keys.iter().any(|k| k == &b.key) {
        problems.push(p(
            "key",
            format!("Another behaviour already uses the key \"{}\".", b.key),
        ));
    }
    let name = b.name.trim();
    if name.chars().count() < 2 || name.chars().count() > 80 {
        problems.push(p("name", "A name is 2–80 characters."));
    }
    let def = b.definition.trim().chars().count();
    if !(10..=400).contains(&def) {
        problems.push(p(
            "definition",
            "A definition is one sentence of 10–400 characters.",
        ));
    }
    if !(1..=MAX_WEIGHT).contains(&b.weight) {
        problems.push(p("weight", format!("The weight must be 1–{MAX_WEIGHT}.")));
    }
    for (field, lines) in [("positive", &b.positive), ("negative", &b.negative)] {
        if lines.len() > 12 {
            problems.push(p(field, "List at most 12 indicators."));
        } else if lines.iter().any(|l| l.chars().count() > 200) {
            problems.push(p(field, "Each indicator can be at most 200 characters."));
        }
    }
    if b.positive.is_empty() {
        problems.push(p("positive", "List at least one thing good sounds like."));
    }
    const ANCHOR_FIELDS: [&str; 5] = ["anchor1", "anchor2", "anchor3", "anchor4", "anchor5"];
    if b.anchors.len() != 5 {
        problems.push(p("anchor1", "Describe all five levels."));
    } else {
        for (i, a) in b.anchors.iter().enumerate() {
            let n = a.trim().chars().count();
            if n == 0 {
                problems.push(p(
                    ANCHOR_FIELDS[i],
                    format!("Describe what level {} sounds like.", i + 1),
                ));
            } else if n > 300 {
                problems.push(p(
                    ANCHOR_FIELDS[i],
                    "A level description can be at most 300 characters.",
                ));
            }
        }
    }
    super::validation::all_clear(problems)
}

/// Checks a whole framework before it is published.
pub fn check_publishable(doc: &FrameworkDoc) -> Result<(), String> {
    let behaviours: Vec<&BehaviourDoc> = doc.clusters.iter().flat_map(|c| &c.behaviours).collect();
    if behaviours.is_empty() {
        return Err("A framework needs at least one behaviour before it can be published.".into());
    }
    if let Some(c) = doc.clusters.iter().find(|c| c.behaviours.is_empty()) {
        return Err(format!(
            "The cluster \"{}\" has no behaviours: add one or remove the cluster.",
            c.name
        ));
    }
    for (i, b) in behaviours.iter().enumerate() {
        let others: Vec<String> = behaviours
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, o)| o.key.clone())
            .collect();
        if let Err(problems) = check_behaviour(b, &others) {
            return Err(format!("\"{}\": {}", b.name, problems[0].message));
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn b(
    key: &str,
    name: &str,
    weight: u32,
    critical: bool,
    definition: &str,
    positive: &[&str],
    negative: &[&str],
    anchors: [&str; 5],
) -> BehaviourDoc {
    BehaviourDoc {
        key: key.into(),
        name: name.into(),
        definition: definition.into(),
        positive: positive.iter().map(|s| s.to_string()).collect(),
        negative: negative.iter().map(|s| s.to_string()).collect(),
        weight,
        critical,
        anchors: anchors.iter().map(|s| s.to_string()).collect(),
    }
}

/// The framework every organisation starts with.
pub fn default_framework() -> FrameworkDoc {
    FrameworkDoc {
        name: "Rapport service behaviours".into(),
        description: "Fourteen behaviours of a great service conversation, from the first words to the follow-up.".into(),
        clusters: vec![
            ClusterDoc {
                name: "Connect".into(),
                description: "Opening the conversation so the customer feels welcome and taken seriously.".into(),
                behaviours: vec![
                    b("greeting_ownership", "Greeting and ownership", 1, false,
                      "Opens warmly, gives their name and makes it clear they will own the enquiry.",
                      &["Greets promptly and names themself", "Uses the customer's name naturally", "Says \"I'll take care of this\" or similar"],
                      &["Launches into security questions without a greeting", "Sounds rushed or scripted"],
                      ["No greeting, or a curt one; the customer is left unsure who they are talking to.",
                       "A greeting is given but sounds flat or scripted; no sense of ownership.",
                       "A friendly greeting with their name; offers to help.",
                       "Warm, personal opening that sets a confident tone and states ownership.",
                       "Instantly puts the customer at ease and makes ownership unmistakable, adapting to their mood."]),
                    b("courtesy_apology", "Courtesy and sincere apology", 2, false,
                      "Stays polite throughout and apologises sincerely and specifically when something has gone wrong.",
                      &["Apologises for the specific inconvenience, not in general", "Thanks the customer for their patience or information", "Keeps a courteous tone when the customer is frustrated"],
                      &["Apologises by rote (\"sorry for any inconvenience\")", "Blames the customer or another department", "No apology where one was clearly due"],
                      ["Discourteous or dismissive; no apology where one was due.",
                       "Polite in places; any apology is generic or sounds forced.",
                       "Consistently polite; apologises for what went wrong.",
                       "Courteous and sincere; the apology names the problem and its effect on the customer.",
                       "Courtesy that disarms frustration; the apology is personal, specific and clearly meant."]),
                    b("professionalism", "Professional manner", 2, true,
                      "Keeps a calm, respectful, confidential manner: no jargon, gossip, or disclosure of data the caller is not entitled to.",
                      &["Verifies identity before discussing the account", "Explains terms in plain words", "Stays calm under pressure"],
                      &["Shares account details before verification", "Argues with or talks over the customer", "Criticises colleagues or the company"],
                      ["Unprofessional: argues, discloses data without verification or speaks badly of others.",
                       "Mostly professional but slips: jargon, impatience or a careless remark.",
                       "Professional and respectful throughout; follows verification.",
                       "Composed and clear, even when challenged; language fits the customer.",
                       "A model of composure and discretion that builds the customer's trust in the company."]),
                ],
            },
            ClusterDoc {
                name: "Understand".into(),
                description: "Finding out what the customer really needs before acting.".into(),
                behaviours: vec![
                    b("listening", "Listening and testing understanding", 3, false,
                      "Lets the customer explain, then plays back what they heard to confirm it before acting.",
                      &["Lets the customer finish without interrupting", "Paraphrases the need (\"So what you need is…\")", "Picks up on details the customer mentions in passing"],
                      &["Interrupts or finishes the customer's sentences", "Acts on an assumption and has to backtrack", "Asks for information already given"],
                      ["Does not listen: interrupts, misses the point, asks for things already said.",
                       "Listens in part; understanding is assumed rather than checked.",
                       "Listens without interrupting and confirms the main need.",
                       "Plays back the need and the feeling behind it; nothing has to be repeated.",
                       "Hears what is unsaid too, and confirms it so precisely the customer feels fully understood."]),
                    b("questioning", "Questioning to uncover the need", 2, false,
                      "Uses open and closed questions in a sensible order to find the real need and its cause.",
                      &["Starts open, then narrows with closed questions", "Asks why the customer is calling now", "Checks for other needs before closing"],
                      &["Fires a list of closed questions", "Asks questions the system already answers"],
                      ["Few or no questions; the real need is never found.",
                       "Questions are scattered or repetitive; parts of the need are missed.",
                       "Questions find the need and its main cause.",
                       "A clear questioning path that reaches the root cause quickly.",
                       "Questions uncover needs the customer had not voiced and prevent a repeat contact."]),
                    b("empathy", "Acknowledging feelings", 2, false,
                      "Recognises how the situation affects the customer and says so in their own words.",
                      &["Names the feeling (\"that must be worrying\")", "Adjusts pace and tone to the customer", "Shows understanding before moving to process"],
                      &["Ignores clear distress or anger", "Uses empathy phrases that sound scripted"],
                      ["Ignores the customer's feelings or dismisses them.",
                       "Acknowledges feelings only in a stock phrase.",
                       "Recognises the customer's feelings and responds kindly.",
                       "Genuine, well-timed acknowledgement that calms the conversation.",
                       "Reads and responds to feelings so well that the customer's tone visibly changes."]),
                ],
            },
            ClusterDoc {
                name: "Resolve".into(),
                description: "Putting things right with care, clarity and sound judgement.".into(),
                behaviours: vec![
                    b("diligence", "Diligence and accuracy", 3, true,
                      "Gets the facts right, checks before confirming, and records what was done accurately.",
                      &["Checks the account before answering", "Gives correct information first time", "Writes a clear, complete note of the contact"],
                      &["Gives wrong or unchecked information", "Leaves the record incomplete", "Promises something policy does not allow"],
                      ["Inaccurate: wrong information given or a required step skipped.",
                       "Mostly accurate, with gaps: an unchecked answer or a thin record.",
                       "Accurate answers and a complete record.",
                       "Thorough: checks, double-checks and anticipates related issues.",
                       "Meticulous and proactive; fixes underlying errors the customer had not noticed."]),
                    b("managing_expectations", "Managing expectations", 2, false,
                      "Says clearly what will happen, when, and what the customer needs to do, and never over-promises.",
                      &["Gives a realistic timescale", "Explains each party's next step", "Flags what could change the outcome"],
                      &["Vague promises (\"it should be sorted soon\")", "Commits to timescales outside their control"],
                      ["No expectations set, or promises that cannot be kept.",
                       "Some expectations set but vague or optimistic.",
                       "Clear, realistic expectations about what happens next.",
                       "Expectations set precisely, including what could change them.",
                       "Expectations set so well the customer could explain them to someone else."]),
                    b("message_framing", "Explaining the why", 2, false,
                      "When a policy or limit applies, explains the reason behind it and what can be done instead.",
                      &["Gives the reason for a policy in customer terms", "Leads with what can be done", "Offers an alternative when the answer is no"],
                      &["\"It's just our policy\"", "Leads with what cannot be done"],
                      ["Hides behind policy; no reason and no alternative.",
                       "States the policy with a thin reason.",
                       "Explains the reason and offers what can be done.",
                       "Frames the message positively; the customer accepts the outcome.",
                       "Turns a no into a result the customer is pleased with, reason understood."]),
                    b("judgement", "Using judgement and authority", 2, false,
                      "Uses the authority they have to solve the problem on the call, and escalates only when it helps the customer.",
                      &["Makes a decision within their authority", "Bends process where it plainly helps the customer and is allowed", "Escalates with a warm hand-over"],
                      &["Passes the customer on for something they could decide", "Applies a rule rigidly against the customer's obvious interest"],
                      ["Avoids decisions: passes the customer on or applies rules blindly.",
                       "Decides only when pushed; escalates more than needed.",
                       "Uses their authority sensibly to resolve the issue.",
                       "Confident, well-judged decisions that resolve the issue first time.",
                       "Exemplary judgement: fair to the customer and the company, and explained clearly."]),
                ],
            },
            ClusterDoc {
                name: "Recover".into(),
                description: "Turning a failure or complaint into renewed confidence.".into(),
                behaviours: vec![
                    b("customer_recovery", "Customer recovery", 2, false,
                      "After a service failure, goes beyond the fix to restore the customer's confidence.",
                      &["Acknowledges the failure openly", "Offers a gesture proportionate to the impact", "Checks the customer is satisfied with the remedy"],
                      &["Fixes the problem but ignores the impact", "Minimises the failure"],
                      ["The failure is denied or minimised; confidence is lost.",
                       "The problem is fixed but the impact on the customer is ignored.",
                       "Fixes the problem and acknowledges its impact.",
                       "Restores confidence with a fitting gesture and a clear remedy.",
                       "The customer ends the call more loyal than before the failure."]),
                    b("complaint_handling", "Complaint handling", 3, true,
                      "Handles a complaint fully: listens, records it, rectifies it (repair, replacement or refund) and arranges the follow-up.",
                      &["Lets the customer state the complaint in full", "Records the complaint formally", "Agrees the rectification and a follow-up date"],
                      &["Treats a complaint as a routine query", "No record or no follow-up arranged", "Argues about whether it is a complaint"],
                      ["The complaint is ignored, argued with or not recorded.",
                       "Recorded, but the rectification or follow-up is missing.",
                       "Listened to, recorded and rectified, with a follow-up arranged.",
                       "All four steps done well; the customer knows exactly what happens next.",
                       "Handled so well the complainant becomes an advocate; the cause is fed back to fix it for others."]),
                ],
            },
            ClusterDoc {
                name: "Close".into(),
                description: "Ending the contact with clarity and nothing left hanging.".into(),
                behaviours: vec![
                    b("summarising", "Summarising and next steps", 2, false,
                      "Summarises what was agreed and the next steps, and checks nothing else is needed.",
                      &["Recaps the outcome in a sentence or two", "Confirms next steps and who owns them", "Asks if there is anything else"],
                      &["Ends abruptly", "The customer has to ask what happens next"],
                      ["No summary; the customer is unsure of the outcome.",
                       "A partial summary; next steps unclear.",
                       "A clear summary and next steps.",
                       "A concise, complete summary the customer confirms.",
                       "A summary so clear there is no reason to call back, with a warm close."]),
                    b("follow_through", "Following through", 1, false,
                      "Does what they said they would, when they said they would, and tells the customer.",
                      &["Calls or writes back at the agreed time", "Updates the customer before they have to chase", "Closes the loop on every promise"],
                      &["Missed call-backs", "The customer has to chase for an update"],
                      ["Commitments are not kept.",
                       "Commitments kept late or only after chasing.",
                       "Commitments kept on time.",
                       "Commitments kept early with a proactive update.",
                       "Every promise kept and confirmed; the customer never has to chase."]),
                ],
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_framework_is_complete_and_publishable() {
        let doc = default_framework();
        let behaviours: Vec<&BehaviourDoc> =
            doc.clusters.iter().flat_map(|c| &c.behaviours).collect();
        assert!(behaviours.len() >= 12);
        // The description states the count.
        assert!(doc.description.starts_with("Fourteen behaviours"));
        assert_eq!(behaviours.len(), 14);
        assert!(behaviours.iter().all(|b| b.anchors.len() == 5));
        assert!(behaviours.iter().any(|b| b.critical));
        check_publishable(&doc).unwrap();
    }

    #[test]
    fn behaviour_problems_name_the_field() {
        let mut bad = default_framework().clusters[0].behaviours[0].clone();
        bad.key = "Bad Key".into();
        bad.weight = 0;
        bad.anchors[2] = " ".into();
        let fields: Vec<&str> = check_behaviour(&bad, &[])
            .unwrap_err()
            .iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, vec!["key", "weight", "anchor3"]);
    }

    #[test]
    fn keys_must_be_unique() {
        let b = default_framework().clusters[0].behaviours[0].clone();
        let problems = check_behaviour(&b, std::slice::from_ref(&b.key)).unwrap_err();
        assert!(problems[0].message.contains("already uses"));
    }

    #[test]
    fn an_empty_cluster_blocks_publishing() {
        let mut doc = default_framework();
        doc.clusters[1].behaviours.clear();
        assert!(check_publishable(&doc).unwrap_err().contains("Understand"));
    }

    #[test]
    fn indicator_lines_drop_bullets_and_blanks() {
        assert_eq!(
            indicator_lines("- one\n\n• two\n  three  "),
            vec!["one", "two", "three"]
        );
    }
}
