//! Pieces reused across pages.

pub mod article_body;
pub mod compare;
pub mod embeds;
pub mod glossary_term;
pub mod layout;
pub mod offline;
pub mod page_meta;
pub mod references;
pub mod status;
