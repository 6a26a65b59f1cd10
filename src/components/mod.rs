//! Pieces reused across pages.

pub mod layout;
pub mod status;
