use crate::domain::ideas::IdeaStatus;
use crate::error::AppError;
use crate::types::{
    ComplaintForm, ComplaintKpis, ComplaintList, ComplaintQuery, ComplaintReminders, ComplaintView,
    IdeaList, KpiQuery, NewComplaint, NewIdea, StepInput,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{
    guard, respond,
    services::{complaints, ideas, kpi},
};

/// The register: the complaints the caller sees, filtered, a page at a time.
#[server(endpoint = "complaints/list", input = Json)]
pub async fn list_complaints(query: ComplaintQuery) -> Result<ComplaintList, AppError> {
    respond(async { complaints::list(&guard::ctx().await?, query).await }.await)
}

#[server(endpoint = "complaints/get")]
pub async fn get_complaint(id: i32) -> Result<ComplaintView, AppError> {
    respond(async { complaints::view(&guard::ctx().await?, id).await }.await)
}

/// What the new-complaint form offers; `call_id` when opened from a call.
#[server(endpoint = "complaints/form")]
pub async fn new_complaint_form(call_id: Option<i32>) -> Result<ComplaintForm, AppError> {
    respond(async { complaints::form(&guard::ctx().await?, call_id).await }.await)
}

#[server(endpoint = "complaints/log", input = Json)]
pub async fn log_complaint(complaint: NewComplaint) -> Result<i32, AppError> {
    respond(async { complaints::log(&guard::ctx().await?, complaint).await }.await)
}

/// The next step of the procedure.
#[server(endpoint = "complaints/step", input = Json)]
pub async fn take_complaint_step(id: i32, step: StepInput) -> Result<(), AppError> {
    respond(async { complaints::take_step(&guard::ctx().await?, id, step).await }.await)
}

#[server(endpoint = "complaints/assign")]
pub async fn assign_complaint(id: i32, owner_id: i32, due_on: String) -> Result<(), AppError> {
    respond(async { complaints::reassign(&guard::ctx().await?, id, owner_id, &due_on).await }.await)
}

#[server(endpoint = "complaints/link")]
pub async fn set_complaint_link(id: i32, link: String) -> Result<(), AppError> {
    respond(async { complaints::set_material_link(&guard::ctx().await?, id, &link).await }.await)
}

/// The caller's complaints to act on, for the home page.
#[server(endpoint = "complaints/reminders", client = crate::ahead::DataClient)]
pub async fn my_complaint_reminders() -> Result<ComplaintReminders, AppError> {
    respond(async { complaints::reminders(&guard::ctx().await?).await }.await)
}

/// Complaint figures and ideas put into practice for the KPI page's query.
#[server(endpoint = "kpi/complaints", input = Json)]
pub async fn get_complaint_kpis(query: KpiQuery) -> Result<ComplaintKpis, AppError> {
    respond(async { kpi::complaint_kpis(&guard::ctx().await?, query).await }.await)
}

#[server(endpoint = "ideas/list")]
pub async fn list_ideas(status: Option<IdeaStatus>) -> Result<IdeaList, AppError> {
    respond(async { ideas::list(&guard::ctx().await?, status).await }.await)
}

#[server(endpoint = "ideas/log", input = Json)]
pub async fn log_idea(idea: NewIdea) -> Result<i32, AppError> {
    respond(async { ideas::log(&guard::ctx().await?, idea).await }.await)
}

/// A leader agrees, puts into practice or declines (with a reason) an idea.
#[server(endpoint = "ideas/decide")]
pub async fn decide_idea(id: i32, next: IdeaStatus, reason: String) -> Result<(), AppError> {
    respond(async { ideas::decide(&guard::ctx().await?, id, next, &reason).await }.await)
}
