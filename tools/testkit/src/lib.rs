//! Shared by `tests/e2e` and `tools/bench`: starting headless Chromium through chromedriver, and
//! the bare HTTP/1.1 their small local servers speak. Each keeps its own routing.

pub mod chrome;
pub mod http;
