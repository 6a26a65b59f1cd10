//! Headless Chromium through chromedriver, as in `tests/e2e/browser.rs`, plus the one
//! chromedriver extension the bench needs: a DevTools command to install the measuring script
//! in every new document before any of the page's own scripts run.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const INSTALL_HINT: &str =
    "install them with `make setup` (Debian: `apt-get install chromium chromium-driver`)";
/// Longest wait for anything the bench waits for.
pub const WAIT: Duration = Duration::from_secs(30);

/// The flags of every bench session. `--enable-precise-memory-info` makes
/// `performance.memory` exact instead of rounded to coarse buckets.
pub const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
    "--enable-precise-memory-info",
    "--window-size=1280,900",
];

pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: std::path::PathBuf,
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium with a new, empty profile. A missing
    /// browser is an error with the command that installs it.
    pub async fn start() -> Result<Browser, String> {
        for (path, what) in [(CHROMIUM, "Chromium"), (CHROMEDRIVER, "chromedriver")] {
            if !std::path::Path::new(path).exists() {
                return Err(format!("{what} not found at {path}: {INSTALL_HINT}"));
            }
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port for chromedriver: {e}"))?
            .port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start {CHROMEDRIVER}: {e}; {INSTALL_HINT}"))?;
        let profile =
            std::env::temp_dir().join(format!("pathways-bench-{}-{port}", std::process::id()));
        let mut args: Vec<String> = FLAGS.iter().map(|f| f.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args }
        });
        let Value::Object(caps) = caps else {
            unreachable!("capabilities are an object")
        };
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(e) if Instant::now() > deadline => {
                    let mut driver = driver;
                    let _ = driver.kill();
                    let _ = driver.wait();
                    return Err(format!(
                        "could not open a Chromium session through chromedriver: {e}"
                    ));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        Ok(Browser {
            client,
            driver,
            profile,
        })
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
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
    pub async fn on_new_document(&self, source: &str) -> Result<(), String> {
        self.client
            .issue_cmd(Cdp {
                cmd: "Page.addScriptToEvaluateOnNewDocument",
                params: json!({ "source": source }),
            })
            .await
            .map(|_| ())
            .map_err(|e| format!("could not install the measuring script: {e}"))
    }

    /// A full garbage collection of the page's JavaScript heap (DevTools
    /// `HeapProfiler.collectGarbage`), so a heap size counts live objects only.
    pub async fn collect_garbage(&self) -> Result<(), String> {
        self.client
            .issue_cmd(Cdp {
                cmd: "HeapProfiler.collectGarbage",
                params: json!({}),
            })
            .await
            .map(|_| ())
            .map_err(|e| format!("could not collect garbage: {e}"))
    }

    pub async fn goto(&self, url: &str) -> Result<(), String> {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("could not open {url}: {e}"))
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its result.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client
            .execute(script, args)
            .await
            .map_err(|e| format!("script failed: {e}"))
    }

    /// Runs an asynchronous `script`: it calls its last argument with the result.
    pub async fn js_async(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client
            .execute_async(script, args)
            .await
            .map_err(|e| format!("script failed: {e}"))
    }

    /// Polls `script` until it returns something other than `null` or `false`, and returns it.
    pub async fn wait_for(&self, script: &str, what: &str) -> Result<Value, String> {
        let deadline = Instant::now() + WAIT;
        loop {
            match self.js(script, vec![]).await? {
                Value::Null | Value::Bool(false) => {}
                value => return Ok(value),
            }
            if Instant::now() > deadline {
                return Err(format!("{what}: not seen within {WAIT:?}"));
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

/// chromedriver's DevTools passthrough (`/goog/cdp/execute`; not W3C WebDriver).
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()),
        )
    }
}
