//! Data that crosses between server and browser.

mod calibration;
mod calls;
mod complaints;
mod continuum;
mod development;
mod frameworks;
mod insight;
mod kpi;
mod people;
mod quality;
mod reviews;
mod sampling;

pub use calibration::*;
pub use calls::*;
pub use complaints::*;
pub use continuum::*;
pub use development::*;
pub use frameworks::*;
pub use insight::*;
pub use kpi::*;
pub use people::*;
pub use quality::*;
pub use reviews::*;
pub use sampling::*;
