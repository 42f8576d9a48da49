//! Data that crosses between server and browser.

mod calibration;
mod calls;
mod continuum;
mod development;
mod frameworks;
mod people;
mod reviews;

pub use calibration::*;
pub use calls::*;
pub use continuum::*;
pub use development::*;
pub use frameworks::*;
pub use people::*;
pub use reviews::*;
