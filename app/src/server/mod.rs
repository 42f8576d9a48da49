//! Server-only code of the app: state, entities, the authorisation guard and
//! the services behind the server functions. Compiled with the `ssr` feature.

pub mod demo;
pub mod demo_calibration;
pub mod demo_calls;
pub mod demo_complaints;
pub mod demo_continuum;
pub mod demo_development;
pub mod demo_insight;
pub mod demo_kpis;
pub mod demo_sampling;
pub mod entities;
pub mod guard;
pub mod kernel;
pub mod passwords;
pub mod services;
pub mod state;
pub mod tokens;

pub use guard::respond;
pub use kernel::AuthUser;
pub use state::{provide_request_context, AppState, CspNonce, OrgToday, PageCaller, Settings};
