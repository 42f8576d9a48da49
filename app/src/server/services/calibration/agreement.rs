//! Agreement over time: alpha per behaviour across a period's revealed
//! sessions (units = the calls), alpha per month, and each coach's leniency
//! per month, with each table as CSV.

use super::view::{scores_of, value};
use crate::domain::access::Action;
use crate::domain::agreement::{leniency, ordinal_alpha, Reading};
use crate::domain::lifecycle::CalibrationStatus;
use crate::error::AppError;
use crate::server::entities::calibration_session;
use crate::server::kernel::names::Names;
use crate::server::kernel::{Ctx, InOrg};
use crate::server::services::frameworks;
use crate::types::{AgreementView, BehaviourAlpha, CoachTrend, MonthAlpha};
use chrono::{Datelike, Duration, NaiveDate};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
use std::collections::BTreeMap;

/// A call × behaviour of a session: the session's month, the behaviour's
/// lineage, and each coach's value (`None` for N/A).
type Unit = (NaiveDate, String, Vec<(i32, Option<u8>)>);

/// Periods a person can choose, in months.
pub const PERIODS: [i64; 3] = [3, 6, 12];

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn csv_of(rows: &[Vec<String>]) -> Result<String, AppError> {
    crate::server::kernel::csv::write(rows)
}

fn figure(a: Option<f64>) -> String {
    a.map_or_else(String::new, |a| format!("{a:.3}"))
}

pub async fn agreement(cx: &Ctx, months_back: i64) -> Result<AgreementView, AppError> {
    let (db, caller) = (&cx.db, &cx.caller);
    caller.require(Action::JoinCalibration)?;
    if !PERIODS.contains(&months_back) {
        return Err(AppError::invalid(
            "months",
            "Choose the last 3, 6 or 12 months.",
        ));
    }
    let today = caller.clock.today();
    let first = month_start(today - Duration::days(30 * (months_back - 1)));
    let sessions: Vec<calibration_session::Model> = super::readable_sessions(
        cx,
        calibration_session::Entity::in_org(caller.org_id)
            .filter(calibration_session::Column::Status.eq(CalibrationStatus::Revealed))
            .order_by_asc(calibration_session::Column::CreatedAt),
    )
    .await?
    .0
    .into_iter()
    .filter(|s| caller.clock.day_of(s.created_at) >= first)
    .collect();
    let mut months: Vec<NaiveDate> = vec![];
    let mut m = first;
    while m <= today {
        months.push(m);
        m = month_start(m + Duration::days(32));
    }
    // One unit per call and behaviour: its month, lineage and each coach's value.
    let mut units: Vec<Unit> = vec![];
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let mut all = scores_of(db, &ids).await?;
    for s in &sessions {
        let month = month_start(caller.clock.day_of(s.created_at));
        let Some(scored) = all.remove(&s.id) else {
            continue;
        };
        for ((_, lineage), by_coach) in scored.by_unit {
            units.push((
                month,
                lineage,
                by_coach.into_iter().map(|(c, r)| (c, value(r))).collect(),
            ));
        }
    }
    let fw = frameworks::view_of(db, frameworks::current(db, caller.org_id).await?).await?;

    let behaviours: Vec<BehaviourAlpha> = fw
        .behaviours()
        .map(|b| {
            let of_b: Vec<Vec<Option<u8>>> = units
                .iter()
                .filter(|(_, l, _)| *l == b.lineage)
                .map(|(_, _, v)| v.iter().map(|(_, x)| *x).collect())
                .collect();
            let calls = of_b
                .iter()
                .filter(|u| u.iter().flatten().count() >= 2)
                .count();
            let (alpha, reading) = if calls < 2 {
                (None, "Needs several calls".to_string())
            } else {
                let a = ordinal_alpha(&of_b);
                (a, Reading::of(a).label().to_string())
            };
            BehaviourAlpha {
                name: b.name.clone(),
                calls,
                alpha,
                reading,
            }
        })
        .collect();

    let mut monthly = vec![];
    let mut coach_months: BTreeMap<i32, Vec<Option<f64>>> = BTreeMap::new();
    for (i, month) in months.iter().enumerate() {
        let of_month: Vec<&Vec<(i32, Option<u8>)>> = units
            .iter()
            .filter(|(m, _, _)| m == month)
            .map(|(_, _, v)| v)
            .collect();
        let alpha = ordinal_alpha(
            &of_month
                .iter()
                .map(|u| u.iter().map(|(_, x)| *x).collect())
                .collect::<Vec<_>>(),
        );
        let rated: Vec<Vec<(i32, u8)>> = of_month
            .iter()
            .map(|u| u.iter().filter_map(|(c, x)| x.map(|v| (*c, v))).collect())
            .collect();
        for (coach, l) in leniency(&rated) {
            coach_months
                .entry(coach)
                .or_insert_with(|| vec![None; months.len()])[i] = Some(l.mean);
        }
        monthly.push(MonthAlpha {
            month: month.format("%b %Y").to_string(),
            sessions: sessions
                .iter()
                .filter(|s| month_start(caller.clock.day_of(s.created_at)) == *month)
                .count(),
            alpha,
        });
    }
    let names = Names::of(db, caller.org_id, coach_months.keys().copied(), []).await?;
    let mut coaches: Vec<CoachTrend> = coach_months
        .into_iter()
        .map(|(c, by_month)| CoachTrend {
            name: names.person(c),
            by_month,
        })
        .collect();
    coaches.sort_by(|a, b| a.name.cmp(&b.name));
    let labels: Vec<String> = monthly.iter().map(|m| m.month.clone()).collect();

    let mut rows = vec![vec![
        "behaviour".into(),
        "calls rated by two or more coaches".into(),
        "alpha".into(),
        "reading".into(),
    ]];
    rows.extend(behaviours.iter().map(|b| {
        vec![
            b.name.clone(),
            b.calls.to_string(),
            figure(b.alpha),
            b.reading.clone(),
        ]
    }));
    let behaviours_csv = csv_of(&rows)?;
    let mut rows = vec![vec!["month".into(), "sessions".into(), "alpha".into()]];
    rows.extend(
        monthly
            .iter()
            .map(|m| vec![m.month.clone(), m.sessions.to_string(), figure(m.alpha)]),
    );
    let monthly_csv = csv_of(&rows)?;
    let mut rows = vec![std::iter::once("coach".to_string())
        .chain(labels.iter().cloned())
        .collect::<Vec<_>>()];
    rows.extend(coaches.iter().map(|c| {
        std::iter::once(c.name.clone())
            .chain(
                c.by_month
                    .iter()
                    .map(|l| l.map_or_else(String::new, |v| format!("{v:+.2}"))),
            )
            .collect()
    }));
    let coaches_csv = csv_of(&rows)?;
    Ok(AgreementView {
        months_back,
        sessions: sessions.len(),
        months: labels,
        behaviours,
        monthly,
        coaches,
        behaviours_csv,
        monthly_csv,
        coaches_csv,
    })
}
