//! Offline reading: the service worker's page side. The worker itself is `public/sw.js`; the
//! design is in docs/architecture.md ("Offline").
//!
//! `plan` decides what a save needs and what the reader is told (pure, tested natively);
//! `worker` registers the worker and talks to it (browser only; natively it does nothing).

pub mod plan;
pub mod worker;

pub use plan::{format_bytes, paths, SaveError, SaveState, Scope};
pub use worker::Offline;
