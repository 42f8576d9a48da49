//! The shared pieces every feature service stands on: the request context,
//! database-error mapping, organisation-scoped lookups, names, dates, audit
//! and notifications.
//!
//! The dependency rule: `kernel` uses only the domain, the entities and the
//! app error; feature services use the kernel and may use each other only
//! without cycles (checked by `services::layering` tests); nothing here uses
//! a feature service or Leptos context.

pub mod attempts;
pub mod audit;
pub mod calibration;
pub mod clock;
pub mod complaint_register;
pub mod context;
pub mod csv;
pub mod dates;
pub mod day_rollup;
pub mod errors;
pub mod forms;
pub mod kpi_rollup;
pub mod names;
pub mod notify;
pub mod quality_rollup;
pub mod ratings;
pub mod tenancy;
pub mod versions;
pub mod visibility;

/// Ids per `IN (…)` list when reading rows by many ids: well under every
/// database's limit on bound parameters (32,766 in SQLite, 65,535 in
/// PostgreSQL).
pub const IN_LIST_CHUNK: usize = 5_000;

pub use clock::Clock;
pub use context::{AuthUser, Ctx};
pub use errors::{internal, is_unique_violation};
pub use tenancy::InOrg;
pub use visibility::Visibility;
