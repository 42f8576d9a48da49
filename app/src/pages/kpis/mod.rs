//! Service KPIs for leaders (the organisation) and coaches (their teams):
//! headline figures, the trend with its interval band, a table per period
//! and first response by channel. Filters live in the address.

mod coaching;
mod complaints;
mod figures;
mod filters;
mod insight;
mod quality;
mod trend;

pub use coaching::{agent_coaching_href, TargetChange};
pub use figures::KpiTiles;
pub use trend::{KpiTrend, Metric};

use crate::api::complaints::get_complaint_kpis;
use crate::api::kpi::get_kpis;
use crate::auth::use_auth;
use crate::components::feedback::{reloadable, EmptyState};
use crate::components::layout::{AppShell, PageHeader};
use crate::domain::access::{permits_any, Action};
use crate::domain::validation::day_label;
use crate::types::{ComplaintKpis, KpiFigures, KpiQuery};
use chrono::NaiveDate;
use figures::{ChannelTable, PeriodTable};
use filters::KpiFilters;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

pub const KPI_PATH: &str = "/kpis";

/// The address of the KPI page showing `q`, its trend following `metric`.
pub fn kpi_href(q: &KpiQuery, metric: Metric) -> String {
    format!("{KPI_PATH}?{}&metric={}", q.to_params(), metric.key())
}

/// The CSV of the table per period, for the same query.
pub fn kpi_csv_href(q: &KpiQuery) -> String {
    format!("/export/kpis.csv?{}", q.to_params())
}

/// The two dashboards of this page.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Service,
    Quality,
    Insight,
    Coaching,
}

/// Links between the service KPIs and the quality dashboards, keeping the
/// filters.
pub(crate) fn section_tabs(current: Section, q: &KpiQuery) -> impl IntoView {
    let tab = move |s: Section, href: String, label: &'static str| {
        view! {
            <a href=href class:active=current == s aria-current=(current == s).then_some("page")>{label}</a>
        }
    };
    // Insight compares many agents: coaches, leaders and admins only.
    let auth = use_auth();
    let sees_insight = move || {
        auth.me
            .get()
            .and_then(Result::ok)
            .flatten()
            .is_some_and(|m| permits_any(m.roles, Action::ViewInsight))
    };
    let (insight, coaching) = (
        insight::insight_href(&insight::year_to(q), crate::domain::insight::Outcome::Csat),
        coaching::coaching_href(q),
    );
    view! {
        <nav class="section-tabs" aria-label="Dashboards">
            {tab(Section::Service, kpi_href(q, Metric::Csat), "Service KPIs")}
            {tab(Section::Quality, quality::quality_href(q), "Quality")}
            {move || sees_insight().then(|| view! {
                {tab(Section::Insight, insight.clone(), "What drives satisfaction")}
                {tab(Section::Coaching, coaching.clone(), "Did coaching work?")}
            })}
        </nav>
    }
}

/// Service KPIs (`/kpis`) and the quality dashboards (`/kpis/quality`):
/// one route type, one chunk.
#[component]
pub fn KpisPage() -> impl IntoView {
    let path = use_location().pathname;
    // While the router leaves for another page, keep what was shown.
    let section = Memo::new(move |prev: Option<&Section>| {
        path.with(|p| {
            if p.starts_with(quality::QUALITY_PATH) {
                Section::Quality
            } else if p.starts_with(insight::INSIGHT_PATH) {
                Section::Insight
            } else if p.starts_with(coaching::COACHING_PATH) {
                Section::Coaching
            } else if p.starts_with(KPI_PATH) {
                Section::Service
            } else {
                prev.copied().unwrap_or(Section::Service)
            }
        })
    });
    view! {
        <AppShell title="KPIs">
            {move || match section.get() {
                Section::Service => view! { <Kpis /> }.into_any(),
                Section::Quality => view! { <quality::Quality /> }.into_any(),
                Section::Insight => view! { <insight::Insight /> }.into_any(),
                Section::Coaching => view! { <coaching::Coaching /> }.into_any(),
            }}
        </AppShell>
    }
}

#[component]
fn Kpis() -> impl IntoView {
    let params = use_query_map();
    let today = crate::auth::today();
    let query = Memo::new(move |_| params.with(|p| KpiQuery::from_params(|k| p.get(k), today)));
    let metric =
        Memo::new(move |_| params.with(|p| Metric::parse(&p.get("metric").unwrap_or_default())));
    let figures = Resource::new(move || query.get(), get_kpis);
    // Made here, outside the suspense that renders the body: a resource
    // made while it renders gets new ids on hydration and the page no
    // longer matches the server's.
    let complaints = Resource::new(move || query.get(), get_complaint_kpis);
    view! { {reloadable(figures, move |f| view! { <KpiBody f=f metric=metric complaints=complaints /> }.into_any())} }
}

pub(crate) fn range_label(q: &KpiQuery) -> String {
    match (q.from.parse::<NaiveDate>(), q.to.parse::<NaiveDate>()) {
        (Ok(f), Ok(t)) => format!("{} to {}", day_label(f), day_label(t)),
        _ => format!("{} to {}", q.from, q.to),
    }
}

#[component]
fn KpiBody(
    f: KpiFigures,
    metric: Memo<Metric>,
    complaints: Resource<Result<ComplaintKpis, crate::error::AppError>>,
) -> impl IntoView {
    let navigate = use_navigate();
    let q = f.query.clone();
    let go = Callback::new({
        let navigate = navigate.clone();
        move |next: KpiQuery| {
            navigate(
                &kpi_href(&next, metric.get_untracked()),
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            )
        }
    });
    let pick = {
        let q = q.clone();
        move |m: Metric| {
            navigate(
                &kpi_href(&q, m),
                NavigateOptions {
                    scroll: false,
                    replace: true,
                    ..Default::default()
                },
            )
        }
    };
    let csv = kpi_csv_href(&q);
    let periods = f.periods.clone();
    let grouping = q.grouping;
    let empty = f.total.enquiries == 0;
    view! {
        <PageHeader
            title="Service KPIs"
            lede=format!("What customers said and how quickly they were served: {}, {}.", f.reach, range_label(&q))
        >
            {(!empty).then(|| view! {
                <a class="button" href=csv download="" rel="external">"Download CSV"</a>
            })}
        </PageHeader>
        {section_tabs(Section::Service, &q)}
        <KpiFilters q=q.clone() scope=f.scope.clone() go=go abandons=true />
        {if empty {
            view! {
                <EmptyState title="No enquiries in this period" body="Nothing was recorded for this choice of period, team, agent and channel. Widen the period or choose all channels." />
            }.into_any()
        } else {
            view! {
                <KpiTiles total=f.total.clone() />
                <div class="kpi-layout">
                    <section class="card" aria-labelledby="kpi-trend-title">
                        <div class="card-title-row flush-x">
                            <h2 id="kpi-trend-title" class="card-title">{move || format!("{} {}", metric.get().label(), grouping.title().replacen("By", "by", 1))}</h2>
                        </div>
                        <div class="metric-switch" role="group" aria-label="Figure shown">
                            {Metric::ALL.into_iter().map(|m| {
                                let pick = pick.clone();
                                view! {
                                    <button type="button" aria-pressed=move || (metric.get() == m).to_string() on:click=move |_| pick(m)>{m.label()}</button>
                                }
                            }).collect_view()}
                        </div>
                        {move || view! { <KpiTrend rows=periods.clone() metric=metric.get() /> }}
                    </section>
                    <section class="card card-flush" aria-labelledby="kpi-table-title">
                        <div class="card-title-row">
                            <h2 id="kpi-table-title" class="card-title">{grouping.title()}</h2>
                        </div>
                        <PeriodTable periods=f.periods.clone() />
                        <p class="hint pad">"NPS with its 95% margin; CSAT is the share answering 4 or 5; each figure needs 10 answers in its period."</p>
                    </section>
                </div>
                <section class="card card-flush" aria-labelledby="kpi-channel-title">
                    <div class="card-title-row">
                        <h2 id="kpi-channel-title" class="card-title">"First response by channel"</h2>
                    </div>
                    <ChannelTable rows=f.first_response_by_channel.clone() />
                    <p class="hint pad">"Read by channel: email is answered in hours and chat in seconds, so one mean over both would describe neither."</p>
                </section>
            }.into_any()
        }}
        <complaints::ComplaintFiguresCard figures=complaints />
    }
}
