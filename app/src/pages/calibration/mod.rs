//! Calibration for coaches and leaders: the sessions, organising one, and
//! one session blind and revealed. One page component serves both routes,
//! so calibration is one wasm chunk.

mod agreement;
mod list;
mod page;
mod session;

pub use page::*;
