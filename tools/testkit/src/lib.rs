//! Shared by `tests/e2e` and `tools/bench`: starting headless Chromium through chromedriver, the
//! static file server both point it at (hosting modes, extra folders, injected faults), the bare
//! HTTP/1.1 that server speaks, and safe text in XPath.

pub mod chrome;
mod fault;
pub mod http;
pub mod server;
pub mod xpath;
