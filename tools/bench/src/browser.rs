//! Headless Chromium through chromedriver, as in `tests/e2e/browser.rs`, plus the one
//! chromedriver extension the bench needs: a DevTools command to install the measuring script
//! in every new document before any of the page's own scripts run.

use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use fantoccini::Client;
use pathways_testkit::chrome::{self, Session, SessionPost, CHROMIUM};
use serde_json::{json, Map, Value};

/// Longest wait for anything the bench waits for.
pub const WAIT: Duration = Duration::from_secs(30);

/// Flags beyond the shared ones: `--enable-precise-memory-info` makes `performance.memory`
/// exact instead of rounded to coarse buckets.
pub const EXTRA_FLAGS: &[&str] = &["--enable-precise-memory-info"];

pub struct Browser {
    pub client: Client,
    session: Session,
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium with a new, empty profile. A missing
    /// browser is an error with the command that installs it.
    pub async fn start() -> anyhow::Result<Browser> {
        let session = chrome::start("bench", EXTRA_FLAGS, Map::new()).await?;
        Ok(Browser {
            client: session.client.clone(),
            session,
        })
    }

    pub async fn close(self) {
        self.session.close().await;
    }

    /// Chromium's version string, e.g. `Chromium 142.0.7444.175`.
    pub fn version() -> String {
        Command::new(CHROMIUM)
            .arg("--version")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| s.trim().to_owned())
            .unwrap_or_else(|| "unknown".to_owned())
    }

    /// Runs `source` at the start of every document from now on, before the page's scripts.
    pub async fn on_new_document(&self, source: &str) -> anyhow::Result<()> {
        self.client
            .issue_cmd(SessionPost::cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": source }),
            ))
            .await
            .map(|_| ())
            .context("could not install the measuring script")
    }

    /// A full garbage collection of the page's JavaScript heap (DevTools
    /// `HeapProfiler.collectGarbage`), so a heap size counts live objects only.
    pub async fn collect_garbage(&self) -> anyhow::Result<()> {
        self.client
            .issue_cmd(SessionPost::cdp("HeapProfiler.collectGarbage", json!({})))
            .await
            .map(|_| ())
            .context("could not collect garbage")
    }

    /// Forgets everything `origin` (`http://127.0.0.1:1234`) stored: its service worker
    /// registrations, Cache Storage and other site data (DevTools `Storage.clearDataForOrigin`),
    /// so the next load of a page there is a first visit again.
    pub async fn clear_origin(&self, origin: &str) -> anyhow::Result<()> {
        self.client
            .issue_cmd(SessionPost::cdp(
                "Storage.clearDataForOrigin",
                json!({ "origin": origin, "storageTypes": "all" }),
            ))
            .await
            .map(|_| ())
            .with_context(|| format!("could not clear the site data of {origin}"))
    }

    /// A first visit to `url`: from `about:blank` (so the page before is gone, with its hold
    /// on a service worker), with its origin's site data cleared. The HTTP cache needs no
    /// clearing: every answer of the test server says `no-store`.
    pub async fn cold_goto(&self, url: &str) -> anyhow::Result<()> {
        self.goto("about:blank").await?;
        self.clear_origin(origin_of(url)).await?;
        self.goto(url).await
    }

    pub async fn goto(&self, url: &str) -> anyhow::Result<()> {
        self.client
            .goto(url)
            .await
            .with_context(|| format!("could not open {url}"))
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its result.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> anyhow::Result<Value> {
        self.client
            .execute(script, args)
            .await
            .context("script failed")
    }

    /// Runs an asynchronous `script`: it calls its last argument with the result.
    pub async fn js_async(&self, script: &str, args: Vec<Value>) -> anyhow::Result<Value> {
        self.client
            .execute_async(script, args)
            .await
            .context("script failed")
    }

    /// Polls `script` until it returns something other than `null` or `false`, and returns it.
    pub async fn wait_for(&self, script: &str, what: &str) -> anyhow::Result<Value> {
        let deadline = Instant::now() + WAIT;
        loop {
            match self.js(script, vec![]).await? {
                Value::Null | Value::Bool(false) => {}
                value => return Ok(value),
            }
            if Instant::now() > deadline {
                bail!("{what}: not seen within {WAIT:?}");
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

/// `http://127.0.0.1:1234` of `http://127.0.0.1:1234/some/path?query`.
pub fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    match url[after_scheme..].find('/') {
        Some(i) => &url[..after_scheme + i],
        None => url,
    }
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn the_origin_is_scheme_host_and_port() {
        assert_eq!(
            origin_of("http://127.0.0.1:1234/articles/x?y=1"),
            "http://127.0.0.1:1234"
        );
        assert_eq!(origin_of("http://127.0.0.1:1234"), "http://127.0.0.1:1234");
        assert_eq!(origin_of("http://h:1/"), "http://h:1");
    }
}
