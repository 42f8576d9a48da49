//! Admin: the people of the organisation, their roles and invitations.

mod add;
mod page;
mod table;

pub use add::*;
pub use page::*;
pub use table::*;
