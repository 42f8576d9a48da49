//! A submitted assessment as CSV: the placement, every statement with the
//! combined answer, then the action plan. Rows differ in length (a report
//! with heading rows); the one CSV writer neutralises formulas people typed.

use super::assessments::view;
use crate::error::AppError;
use crate::server::entities::continuum_assessment;
use crate::server::kernel::csv::{slug, CsvTable};
use crate::server::kernel::{Ctx, InOrg};
use crate::types::{ContinuumAssessmentView, ContinuumResult};

/// Refuses what the assessment page would refuse, and an assessment that is
/// still open (its answers are not final).
pub async fn assessment_csv(cx: &Ctx, id: i32) -> Result<CsvTable, AppError> {
    let a = view(cx, id).await?;
    let Some(r) = a.result.as_ref().filter(|_| a.submitted) else {
        return Err(AppError::Conflict(
            "This assessment is still open: close it to download its results.".into(),
        ));
    };
    let submitted = continuum_assessment::Entity::get_in_org(&cx.db, cx.caller.org_id, id)
        .await?
        .submitted_at
        .map(|t| cx.caller.clock.day_of(t).to_string())
        .unwrap_or_default();
    let mut rows = report(&a, r);
    let header = rows.remove(0);
    Ok(CsvTable {
        file_name: format!("rapport-continuum-{}-{}.csv", slug(&a.title), submitted),
        header,
        rows,
    })
}

/// One row per statement with the combined answer, then the action plan.
fn report(a: &ContinuumAssessmentView, r: &ContinuumResult) -> Vec<Vec<String>> {
    let (title, unit, model_version, cells, actions) =
        (&a.title, &a.unit, a.model_version, &a.cells, &a.actions);
    use crate::domain::placement::stage_name;
    // Header, component and action rows have fewer fields than statement
    // rows; the one CSV writer neutralises formulas people typed.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |fields: &[&str]| rows.push(fields.iter().map(|f| f.to_string()).collect());
    row(&[
        "assessment",
        title,
        unit,
        "overall stage",
        stage_name(r.overall),
        "model version",
        &model_version.to_string(),
    ]);
    for (c, s) in &r.components {
        row(&["component", c.label(), "", "stage", stage_name(*s)]);
    }
    row(&[
        "component",
        "stage",
        "statement",
        "answer",
        "respondents differ",
        "next step",
    ]);
    for cell in cells {
        for s in &cell.statements {
            let answer = r
                .combined
                .iter()
                .find(|(id, _)| *id == s.id)
                .map_or("unanswered", |(_, a)| a.label());
            row(&[
                cell.component.label(),
                stage_name(cell.stage),
                &s.text,
                answer,
                if r.disagreements.contains(&s.id) {
                    "yes"
                } else {
                    "no"
                },
                if r.next_steps.contains(&s.id) {
                    "yes"
                } else {
                    "no"
                },
            ]);
        }
    }
    row(&["action", "owner", "due", "status", "", ""]);
    for a in actions {
        row(&[
            &a.title,
            a.owner.as_deref().unwrap_or(""),
            a.due_on.as_deref().unwrap_or(""),
            a.status.key(),
            "",
            "",
        ]);
    }
    rows
}
