//! `pathways-content`: compiles the Markdown articles and JSON catalogue under `content/` into
//! the JSON the app fetches from `public/content/`, and validates the result. See
//! `docs/authoring.md` for the format.
//!
//! The pipeline is pure ([`compile`]: sources in memory -> output files and diagnostics); only
//! [`io`] touches the filesystem.

pub mod article;
pub mod compile;
pub mod diagnostics;
mod events;
mod fenced;
pub mod frontmatter;
mod inline;
pub mod io;
pub mod markdown;
mod merged;
pub mod readability;
pub mod report;
pub mod resolve;
mod tidy;
pub mod validate;

pub use compile::{compile, to_json, Output, SourceFile, Sources};
pub use diagnostics::Diagnostic;
