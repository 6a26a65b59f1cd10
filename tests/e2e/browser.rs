//! Headless Chromium through chromedriver (WebDriver), with helpers that find things the way a
//! reader does: by role and visible text.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use pathways_testkit::chrome::{self, Session, SessionPost};
use serde_json::{json, Map, Value};

pub type TestResult = Result<(), String>;

pub const WAIT: Duration = Duration::from_secs(20);

pub struct Browser {
    pub client: Client,
    session: Session,
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium that keeps its console log. A missing
    /// browser is an error, never a skip.
    pub async fn start() -> Result<Browser, String> {
        let mut caps = Map::new();
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let session = chrome::start("e2e", &[], caps).await?;
        Ok(Browser {
            client: session.client.clone(),
            session,
        })
    }

    pub async fn close(self) {
        self.session.close().await;
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
            .issue_cmd(SessionPost::browser_log())
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
