//! Headless Chromium through chromedriver. A missing browser is an error with the command that
//! installs it, never a skip.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Map, Value};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const INSTALL_HINT: &str =
    "install them with `make setup` (Debian: `apt-get install chromium chromium-driver`)";

/// The flags every session uses: headless, and no background traffic (this machine's network is
/// closed, and Chromium's own connections would otherwise fail noisily).
pub const BASE_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
];

/// A running chromedriver with one Chromium session on a fresh, empty profile.
pub struct Session {
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

/// Starts chromedriver and a session. `extra_flags` go after [`BASE_FLAGS`]; `extra_caps` are
/// merged into the capabilities (e.g. `goog:loggingPrefs`).
pub async fn start(
    name: &str,
    extra_flags: &[&str],
    extra_caps: Map<String, Value>,
) -> anyhow::Result<Session> {
    for (path, what) in [(CHROMIUM, "Chromium"), (CHROMEDRIVER, "chromedriver")] {
        if !std::path::Path::new(path).exists() {
            bail!("{what} not found at {path}: {INSTALL_HINT}");
        }
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .context("no free port for chromedriver")?
        .port();
    let driver = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("could not start {CHROMEDRIVER} ({INSTALL_HINT})"))?;
    let profile =
        std::env::temp_dir().join(format!("pathways-{name}-{}-{port}", std::process::id()));
    let mut args: Vec<String> = BASE_FLAGS
        .iter()
        .chain(extra_flags)
        .map(|f| f.to_string())
        .collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let mut caps = Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({ "binary": CHROMIUM, "args": args }),
    );
    caps.extend(extra_caps);
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
                return Err(e).context("could not open a Chromium session through chromedriver");
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    };
    Ok(Session {
        client,
        driver,
        profile,
    })
}

impl Session {
    /// Ends the session, stops chromedriver and removes the profile.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A chromedriver extension outside W3C WebDriver: a JSON `POST` to `session/<id>/<path>`, such
/// as `se/log` (the console) or `goog/cdp/execute` (a DevTools command).
#[derive(Debug)]
pub struct SessionPost {
    pub path: &'static str,
    pub body: Value,
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

impl SessionPost {
    /// Chromium's console entries since the last read.
    pub fn browser_log() -> SessionPost {
        SessionPost {
            path: "se/log",
            body: json!({ "type": "browser" }),
        }
    }

    /// A DevTools command through chromedriver's passthrough.
    pub fn cdp(cmd: &str, params: Value) -> SessionPost {
        SessionPost {
            path: "goog/cdp/execute",
            body: json!({ "cmd": cmd, "params": params }),
        }
    }
}
