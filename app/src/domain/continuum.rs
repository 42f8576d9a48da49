//! The customer-satisfaction practices continuum as data (PRODUCT.md §5):
//! five stages × three components, each cell with a short description and
//! concrete practice statements a leader can check. Written for Rapport from
//! the ideas in `seeds/`; organisations may reword it as a new model version.

use super::placement::Component;
use serde::{Deserialize, Serialize};

/// What the product's own data can say about a statement. Shown beside the
/// statement to inform the answer, never to replace it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DataCheck {
    /// Share of recent calls with a CSAT answer.
    CsatRecorded,
    /// Share of recent calls with a likelihood-to-recommend answer.
    NpsRecorded,
    /// Share of recent calls with resolution and first-response times.
    TimesRecorded,
    /// Share of agents with a submitted review in the last 30 days.
    AgentsReviewed,
    /// Share of agents with an open behavioural target.
    AgentsWithTarget,
    /// Share of agents who logged practice in the last 30 days.
    AgentsPractising,
    /// Share of recent complaints in the register that were followed up.
    ComplaintsFollowedUp,
}

impl DataCheck {
    pub const ALL: [DataCheck; 7] = [
        DataCheck::CsatRecorded,
        DataCheck::NpsRecorded,
        DataCheck::TimesRecorded,
        DataCheck::AgentsReviewed,
        DataCheck::AgentsWithTarget,
        DataCheck::AgentsPractising,
        DataCheck::ComplaintsFollowedUp,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DataCheck::CsatRecorded => "csat_recorded",
            DataCheck::NpsRecorded => "nps_recorded",
            DataCheck::TimesRecorded => "times_recorded",
            DataCheck::AgentsReviewed => "agents_reviewed",
            DataCheck::AgentsWithTarget => "agents_with_target",
            DataCheck::AgentsPractising => "agents_practising",
            DataCheck::ComplaintsFollowedUp => "complaints_followed_up",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }

    /// How the model editor names the check.
    pub fn label(self) -> &'static str {
        match self {
            DataCheck::CsatRecorded => "CSAT recorded on recent calls",
            DataCheck::NpsRecorded => "Likelihood to recommend recorded on recent calls",
            DataCheck::TimesRecorded => "Response and resolution times recorded",
            DataCheck::AgentsReviewed => "Agents reviewed in the last 30 days",
            DataCheck::AgentsWithTarget => "Agents with a behavioural target",
            DataCheck::AgentsPractising => "Agents who logged practice",
            DataCheck::ComplaintsFollowedUp => "Complaints followed up",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementDoc {
    /// Stable across model versions, so assessments stay comparable.
    pub key: String,
    pub text: String,
    pub check: Option<DataCheck>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellDoc {
    pub stage: u8,
    pub component: Component,
    pub description: String,
    pub statements: Vec<StatementDoc>,
}

/// At least this many statements per cell, so no stage hangs on one answer.
pub const MIN_STATEMENTS: usize = 3;
/// At most this many, so a cell stays answerable in one sitting.
pub const MAX_STATEMENTS: usize = 8;
pub const MAX_TEXT: usize = 400;
pub const MAX_DESCRIPTION: usize = 300;

/// What is wrong with an edited cell, and which field of the cell editor it
/// belongs to: `description`, `statements`, or `statement-N` (N from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellProblem {
    pub field: String,
    pub message: String,
}

impl CellProblem {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Checks one cell as an admin edits it: a description, three to eight
/// statements, each of sensible length.
pub fn check_cell(cell: &CellDoc) -> Result<(), CellProblem> {
    let described = cell.description.trim().chars().count();
    if described == 0 {
        return Err(CellProblem::new(
            "description",
            "Give the cell a short description of the stage.",
        ));
    }
    if described > MAX_DESCRIPTION {
        return Err(CellProblem::new(
            "description",
            format!("The description is {described} characters; keep it to {MAX_DESCRIPTION}."),
        ));
    }
    for (i, s) in cell.statements.iter().enumerate() {
        let len = s.text.trim().chars().count();
        let field = format!("statement-{}", i + 1);
        if len == 0 {
            return Err(CellProblem::new(
                field,
                format!("Statement {} is empty: write it or remove it.", i + 1),
            ));
        }
        if len > MAX_TEXT {
            return Err(CellProblem::new(
                field,
                format!(
                    "Statement {} is {len} characters; keep it to {MAX_TEXT}.",
                    i + 1
                ),
            ));
        }
    }
    if cell.statements.len() < MIN_STATEMENTS {
        return Err(CellProblem::new(
            "statements",
            format!(
                "A cell needs at least {MIN_STATEMENTS} practice statements, so no stage hangs on one answer."
            ),
        ));
    }
    if cell.statements.len() > MAX_STATEMENTS {
        return Err(CellProblem::new(
            "statements",
            format!("A cell can have at most {MAX_STATEMENTS} practice statements."),
        ));
    }
    Ok(())
}

/// Checks an edited model: all 15 cells, each valid by `check_cell`, and
/// unique statement keys. The error names the cell.
pub fn check_model(cells: &[CellDoc]) -> Result<(), String> {
    for stage in 1..=5u8 {
        for component in Component::ALL {
            let name = format!(
                "{} at stage {stage} ({})",
                component.label(),
                super::placement::stage_name(stage)
            );
            let found: Vec<&CellDoc> = cells
                .iter()
                .filter(|c| c.stage == stage && c.component == component)
                .collect();
            let [cell] = found.as_slice() else {
                return Err(format!("{name} must appear exactly once."));
            };
            check_cell(cell).map_err(|p| format!("{name}: {}", p.message))?;
        }
    }
    let mut keys: Vec<&str> = cells
        .iter()
        .flat_map(|c| c.statements.iter().map(|s| s.key.as_str()))
        .collect();
    keys.sort_unstable();
    if let Some(w) = keys.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!("The statement key \"{}\" is used twice.", w[0]));
    }
    Ok(())
}

/// A key for a statement an admin adds, unique among `taken`. Keys of
/// existing statements never change, so answers stay comparable across
/// model versions; an added statement starts its own history.
pub fn new_statement_key(component: Component, stage: u8, taken: &[&str]) -> String {
    let prefix = match component {
        Component::CustomerFocus => "cf",
        Component::Measurement => "m",
        Component::Environment => "e",
    };
    (1..)
        .map(|n| format!("{prefix}{stage}_added_{n}"))
        .find(|k| !taken.contains(&k.as_str()))
        .expect("an unbounded range always yields a free key")
}

fn cell(
    stage: u8,
    component: Component,
    description: &str,
    statements: &[(&str, &str, Option<DataCheck>)],
) -> CellDoc {
    CellDoc {
        stage,
        component,
        description: description.into(),
        statements: statements
            .iter()
            .map(|(key, text, check)| StatementDoc {
                key: (*key).into(),
                text: (*text).into(),
                check: *check,
            })
            .collect(),
    }
}

/// The default model every organisation starts with.
pub fn default_model() -> Vec<CellDoc> {
    use Component::*;
    use DataCheck::*;
    vec![
        // ---- Stage 1: Reactive ----
        cell(1, CustomerFocus,
            "Customers are served when they get in touch; problems are fixed one at a time as they come up.",
            &[
                ("cf1_channels_staffed", "Every contact channel we publish (phone, chat, email, social) is staffed during its advertised hours.", None),
                ("cf1_one_handoff", "A customer reaches someone who can help without being passed on more than once.", None),
                ("cf1_complaints_answered", "Every complaint gets an answer, even if handling differs from person to person.", None),
            ]),
        cell(1, Measurement,
            "Little is measured; problems come to light through complaints and escalations.",
            &[
                ("m1_contacts_counted", "Contact volumes are counted every day, per channel.", None),
                ("m1_complaints_counted", "The number of complaints each month is known.", None),
                ("m1_complaint_reasons", "The reason for each complaint is written down when it is answered.", None),
            ]),
        cell(1, Environment,
            "Service depends on individuals: people learn on the job and use whatever tools are at hand.",
            &[
                ("e1_induction", "New front-line staff get an induction on how to handle a customer contact before they work alone.", None),
                ("e1_who_to_ask", "Front-line staff know whom to go to when they cannot solve a problem themselves.", None),
                ("e1_history_visible", "Staff can see a customer's earlier contacts before they answer.", None),
            ]),
        // ---- Stage 2: Responsive ----
        cell(2, CustomerFocus,
            "The organisation answers promptly and courteously and publishes service standards customers can rely on.",
            &[
                ("cf2_standards_published", "Published service standards say how quickly each channel answers, and they are met most weeks.", None),
                ("cf2_next_steps", "Before a contact ends the customer is told what happens next and by when.", None),
                ("cf2_complaint_owner", "Complaints are acknowledged within one working day and the customer is told who owns theirs.", None),
            ]),
        cell(2, Measurement,
            "The basic service measures are counted and reported to managers every month.",
            &[
                ("m2_basic_kpis", "Abandonment rate and first response time are reported at least monthly.", Some(TimesRecorded)),
                ("m2_csat_asked", "Customers are asked how satisfied they were (CSAT) after at least some contacts.", Some(CsatRecorded)),
                ("m2_calls_sampled", "Team leaders listen to a sample of each agent's calls at least monthly.", Some(AgentsReviewed)),
            ]),
        cell(2, Environment,
            "Front-line staff are trained in courtesy and product knowledge; procedures set the standard.",
            &[
                ("e2_basics_trained", "Front-line staff are trained in courtesy, apology and product knowledge before taking contacts alone.", None),
                ("e2_monthly_feedback", "Every agent gets feedback on their own calls from a team leader or coach at least monthly.", Some(AgentsReviewed)),
                ("e2_escalation_open", "A customer can take a complaint to a manager without obstacles, and staff treat that as useful feedback.", None),
            ]),
        // ---- Stage 3: Managed ----
        cell(3, CustomerFocus,
            "Service is designed around what customers value; complaints follow one process and are followed up.",
            &[
                ("cf3_complaint_process", "Complaints follow one process: listen, record, put right (repair, replacement or refund) and follow up on an agreed date.", Some(ComplaintsFollowedUp)),
                ("cf3_recovery", "Customers who had a poor experience are contacted to win back their confidence.", None),
                ("cf3_expectations", "Promised response and delivery times are set so that they are usually beaten, not just met.", None),
            ]),
        cell(3, Measurement,
            "Resolution time, first response time and abandonment are tracked every week and reach front-line teams within days.",
            &[
                ("m3_weekly_kpis", "Resolution time, first response time and abandonment are reported every week.", Some(TimesRecorded)),
                ("m3_results_reach_front_line", "Each week's results reach front-line teams within three working days.", None),
                ("m3_framework_scoring", "Every agent has at least one call a month scored against the behavioural framework.", Some(AgentsReviewed)),
            ]),
        cell(3, Environment,
            "People are coached against a behavioural framework, and service is part of objectives and recognition.",
            &[
                ("e3_objectives", "Service behaviours are part of every front-line person's objectives and appraisal.", None),
                ("e3_targets", "Every agent works on a development target for at least one behaviour.", Some(AgentsWithTarget)),
                ("e3_evidence_feedback", "Coaches give feedback from recorded calls with evidence, not from impressions.", None),
            ]),
        // ---- Stage 4: Proactive ----
        cell(4, CustomerFocus,
            "The organisation anticipates needs, contacts customers before they have to ask, and learns from every failure.",
            &[
                ("cf4_warn_first", "Customers are told about delays or faults before they notice them.", None),
                ("cf4_personas", "Customer personas describe the main customer groups and are used in training and in designing changes.", None),
                ("cf4_lessons", "Failures, large and small, are reviewed and each review changes a process, a product or the training.", None),
            ]),
        cell(4, Measurement,
            "Customer-driven measures are linked to the behaviours that drive them and used to aim coaching.",
            &[
                ("m4_nps", "Likelihood to recommend (NPS) is collected and reported with its margin of error.", Some(NpsRecorded)),
                ("m4_drivers", "The behaviours that most affect satisfaction are found from scored calls and used to focus coaching.", None),
                ("m4_calibration", "Coaches calibrate their scoring together at least every quarter, and their agreement is tracked.", None),
            ]),
        cell(4, Environment,
            "Front-line staff have the authority to use their judgement, practise new skills safely, and their satisfaction matters.",
            &[
                ("e4_authority", "Front-line staff may settle common problems (credits or refunds up to a set amount) without asking a manager.", None),
                ("e4_practice", "New behaviours are practised in role-play before they are used on live calls.", Some(AgentsPractising)),
                ("e4_employee_satisfaction", "Employee satisfaction is surveyed at least twice a year and the results are acted on.", None),
            ]),
        // ---- Stage 5: Customer-centred ----
        cell(5, CustomerFocus,
            "Customer value drives decisions in every function; customers are relationships, not transactions.",
            &[
                ("cf5_advocates", "Named customer advocates can get products, processes or policies changed on customers' behalf.", None),
                ("cf5_back_office_goals", "Back-office functions (billing, logistics, IT) have service goals toward the front line and toward customers.", None),
                ("cf5_decisions", "Decisions about products and policies record their expected effect on customers before they are taken.", None),
            ]),
        cell(5, Measurement,
            "Measures cover the whole organisation and the life of the customer relationship, including ideas put into practice.",
            &[
                ("m5_loyalty", "Customer retention and loyalty are measured and linked to service results.", None),
                ("m5_internal_service", "Internal service providers are measured on the service they give to front-line colleagues.", None),
                ("m5_ideas", "The number of new service ideas put into practice is counted every quarter.", None),
            ]),
        cell(5, Environment,
            "Everyone, back office included, is trained in service; the culture respects customers and improvement comes from the front line.",
            &[
                ("e5_everyone_trained", "Back-office and support functions take part in service training.", None),
                ("e5_respect", "Talking disrespectfully about customers is challenged, by leaders and colleagues alike.", None),
                ("e5_ideas_answered", "Front-line improvement ideas are collected, answered and put into practice.", None),
            ]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_model_is_complete() {
        let model = default_model();
        assert_eq!(model.len(), 15);
        assert!(check_model(&model).is_ok(), "{:?}", check_model(&model));
        assert!(model
            .iter()
            .any(|c| c.statements.iter().any(|s| s.check.is_some())));
    }

    #[test]
    fn an_edited_model_is_checked_cell_by_cell() {
        let mut model = default_model();
        model[4].statements.pop();
        let e = check_model(&model).unwrap_err();
        assert!(e.contains("Measurement at stage 2 (Responsive)"), "{e}");
        let mut model = default_model();
        model[0].description = " ".into();
        assert!(check_model(&model).unwrap_err().contains("description"));
        let mut model = default_model();
        model[1].statements[0].key = model[0].statements[0].key.clone();
        assert!(check_model(&model).unwrap_err().contains("used twice"));
        let mut model = default_model();
        model.remove(14);
        assert!(check_model(&model).unwrap_err().contains("exactly once"));
    }

    #[test]
    fn a_cell_names_the_field_at_fault() {
        let base = default_model().remove(0);
        assert_eq!(check_cell(&base), Ok(()));
        let mut c = base.clone();
        c.description = "x".repeat(MAX_DESCRIPTION + 1);
        assert_eq!(check_cell(&c).unwrap_err().field, "description");
        let mut c = base.clone();
        c.statements[1].text = "  ".into();
        let p = check_cell(&c).unwrap_err();
        assert_eq!(p.field, "statement-2");
        assert!(p.message.contains("Statement 2 is empty"), "{}", p.message);
        let mut c = base.clone();
        c.statements[2].text = "y".repeat(MAX_TEXT + 1);
        assert_eq!(check_cell(&c).unwrap_err().field, "statement-3");
        let mut c = base.clone();
        c.statements[2].text = "y".repeat(MAX_TEXT);
        assert_eq!(check_cell(&c), Ok(()));
        let mut c = base.clone();
        c.statements.truncate(MIN_STATEMENTS - 1);
        assert_eq!(check_cell(&c).unwrap_err().field, "statements");
        let mut c = base.clone();
        let extra = c.statements[0].clone();
        c.statements.resize(MAX_STATEMENTS, extra.clone());
        assert_eq!(check_cell(&c), Ok(()));
        c.statements.push(extra);
        assert!(check_cell(&c).unwrap_err().message.contains("at most"));
    }

    #[test]
    fn added_statements_get_fresh_keys() {
        assert_eq!(
            new_statement_key(Component::Measurement, 3, &[]),
            "m3_added_1"
        );
        assert_eq!(
            new_statement_key(Component::CustomerFocus, 1, &["cf1_added_1", "cf1_added_2"]),
            "cf1_added_3"
        );
        let model = default_model();
        let keys: Vec<&str> = model
            .iter()
            .flat_map(|c| c.statements.iter().map(|s| s.key.as_str()))
            .collect();
        for c in &model {
            assert!(!keys.contains(&new_statement_key(c.component, c.stage, &keys).as_str()));
        }
    }

    #[test]
    fn data_check_keys_round_trip() {
        for d in DataCheck::ALL {
            assert_eq!(DataCheck::parse(d.key()), Some(d));
        }
    }
}
