//! Headless Chromium through chromedriver (WebDriver), with helpers that find things the way a
//! reader does: by role and visible text.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

pub type TestResult = Result<(), String>;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const INSTALL_HINT: &str =
    "install them with `make setup` (Debian: `apt-get install chromium chromium-driver`)";
pub const WAIT: Duration = Duration::from_secs(20);

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: TempDir,
}

struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium. A missing browser is an error, never a skip.
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
        let profile = TempDir(
            std::env::temp_dir().join(format!("pathways-e2e-{}-{port}", std::process::id())),
        );
        let caps = json!({
            "browserName": "chrome",
            "goog:loggingPrefs": { "browser": "ALL" },
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.0.display()),
                ]
            }
        });
        let caps = match caps {
            Value::Object(map) => map,
            _ => unreachable!("capabilities are an object"),
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
                    return Err(format!(
                        "could not open a Chromium session through chromedriver: {e}"
                    ))
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        Ok(Browser {
            client,
            driver,
            _profile: profile,
        })
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }

    pub async fn goto(&self, url: &str) -> TestResult {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("could not open {url}: {e}"))
    }

    /// Waits until an element matching `xpath` exists, and returns it.
    pub async fn wait_xpath(&self, xpath: &str, what: &str) -> Result<Element, String> {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::XPath(xpath))
            .await
            .map_err(|e| format!("{what} did not appear within {WAIT:?} ({e})"))
    }

    /// Waits for a heading of any level whose text is exactly `text`.
    pub async fn heading(&self, text: &str) -> Result<Element, String> {
        let xpath = format!(
            "//*[self::h1 or self::h2 or self::h3][normalize-space()={}]",
            xpath_literal(text)
        );
        self.wait_xpath(&xpath, &format!("heading {text:?}")).await
    }

    /// Waits for a link whose visible text is exactly `text`.
    pub async fn link(&self, text: &str) -> Result<Element, String> {
        let xpath = format!("//a[normalize-space()={}]", xpath_literal(text));
        self.wait_xpath(&xpath, &format!("link {text:?}")).await
    }

    /// Waits for a button whose visible text is exactly `text`.
    pub async fn button(&self, text: &str) -> Result<Element, String> {
        let xpath = format!("//button[normalize-space()={}]", xpath_literal(text));
        self.wait_xpath(&xpath, &format!("button {text:?}")).await
    }

    /// Waits until the page's visible text contains `text`.
    pub async fn text(&self, text: &str) -> TestResult {
        let xpath = format!(
            "//body[contains(normalize-space(), {})]",
            xpath_literal(text)
        );
        self.wait_xpath(&xpath, &format!("text {text:?}"))
            .await
            .map(|_| ())
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its result.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client
            .execute(script, args)
            .await
            .map_err(|e| format!("script failed: {e}"))
    }

    /// Polls `script` until it returns `true`.
    pub async fn wait_js(&self, script: &str, what: &str) -> TestResult {
        let deadline = Instant::now() + WAIT;
        loop {
            if self.js(script, vec![]).await? == Value::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("{what}: still false after {WAIT:?}: {script}"));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Marks the current document; `assert_same_document` fails after a full page load.
    pub async fn mark_document(&self) -> TestResult {
        self.js("window.__pathwaysMark = 'kept'; return true;", vec![])
            .await
            .map(|_| ())
    }

    pub async fn assert_same_document(&self) -> TestResult {
        match self
            .js("return window.__pathwaysMark || null;", vec![])
            .await?
        {
            Value::String(s) if s == "kept" => Ok(()),
            _ => Err("the page was reloaded: navigation should stay inside the app".into()),
        }
    }

    pub async fn path_and_query(&self) -> Result<String, String> {
        let url = self.client.current_url().await.map_err(|e| e.to_string())?;
        Ok(match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        })
    }

    pub async fn path(&self) -> Result<String, String> {
        let url = self.client.current_url().await.map_err(|e| e.to_string())?;
        Ok(url.path().to_owned())
    }

    /// Console entries since the last call, as (level, message).
    pub async fn console(&self) -> Result<Vec<(String, String)>, String> {
        let logs = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .map_err(|e| format!("reading the console: {e}"))?;
        Ok(logs
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| {
                        let field = |k: &str| {
                            e.get(k)
                                .and_then(Value::as_str)
                                .unwrap_or_default()
                                .to_owned()
                        };
                        (field("level"), field("message"))
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Fails if the console holds an error other than those `allowed` (substrings).
    pub async fn assert_console_clean(&self, allowed: &[&str]) -> TestResult {
        let errors: Vec<String> = self
            .console()
            .await?
            .into_iter()
            .filter(|(level, message)| {
                level == "SEVERE" && !allowed.iter().any(|a| message.contains(a))
            })
            .map(|(_, message)| message)
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(format!("console errors: {errors:#?}"))
        }
    }
}

/// An XPath string literal for `s` (XPath 1.0 has no escapes; `concat` handles both quotes).
pub fn xpath_literal(s: &str) -> String {
    if !s.contains('"') {
        format!("\"{s}\"")
    } else if !s.contains('\'') {
        format!("'{s}'")
    } else {
        let parts: Vec<String> = s.split('"').map(|p| format!("\"{p}\"")).collect();
        format!("concat({})", parts.join(", '\"', "))
    }
}

/// chromedriver's log endpoint (not part of W3C WebDriver, but the only way to read the console).
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}
