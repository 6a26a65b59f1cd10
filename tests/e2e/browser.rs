//! Headless Chromium through chromedriver (WebDriver), with helpers that act the way a reader
//! does: find things by role and visible text, click, type, press keys, go back; then wait until
//! the page shows what it should. Scenarios use these, never the driver itself.
//!
//! Values reach scripts as arguments (`arguments[0]`), and text reaches XPath only through
//! [`xpath::literal`]: neither JavaScript nor XPath reads Rust's `{:?}` escaping.

use std::fmt;
use std::future::Future;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use pathways_testkit::chrome::{self, Session, SessionPost};
use pathways_testkit::xpath;
use serde_json::{json, Map, Value};

pub type TestResult = anyhow::Result<()>;

/// Longest wait for anything a scenario waits for.
pub const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(50);

pub struct Browser {
    client: Client,
    session: Session,
}

/// What the address's query string (`location.search`, `?` included) must be.
#[derive(Debug, Clone, Copy)]
pub enum Query<'a> {
    /// Exactly this (`""` for no query).
    Is(&'a str),
    /// Contains this.
    Has(&'a str),
    /// Does not contain this.
    Lacks(&'a str),
}

impl Query<'_> {
    fn matches(self, search: &str) -> bool {
        match self {
            Query::Is(expected) => search == expected,
            Query::Has(part) => search.contains(part),
            Query::Lacks(part) => !search.contains(part),
        }
    }
}

impl fmt::Display for Query<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Query::Is(expected) => write!(f, "location.search is {expected:?}"),
            Query::Has(part) => write!(f, "location.search has {part:?}"),
            Query::Lacks(part) => write!(f, "location.search lacks {part:?}"),
        }
    }
}

/// Calls `check` every 50 ms until it says `true`, for at most `timeout`. An error from `check`
/// ends the wait at once.
pub async fn poll_until<F, Fut>(what: &str, timeout: Duration, mut check: F) -> TestResult
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<bool>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if check().await? {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("{what}: still not so after {timeout:?}");
        }
        tokio::time::sleep(POLL).await;
    }
}

/// The WebDriver text of one key press.
fn key_text(key: Key) -> String {
    String::from(char::from(key))
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium that keeps its console log. A missing
    /// browser is an error, never a skip.
    pub async fn start() -> anyhow::Result<Browser> {
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

    // Finding. Each waits up to `WAIT` for its element to exist.

    /// Waits until an element matching `xpath` exists, and returns it.
    pub async fn find(&self, xpath: &str, what: &str) -> anyhow::Result<Element> {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::XPath(xpath))
            .await
            .with_context(|| format!("{what} did not appear within {WAIT:?}"))
    }

    /// Waits for an element matching `xpath` whose visible text is exactly `text`.
    pub async fn find_by_text(
        &self,
        xpath: &str,
        text: &str,
        what: &str,
    ) -> anyhow::Result<Element> {
        let xpath = format!("{xpath}[normalize-space()={}]", xpath::literal(text));
        self.find(&xpath, what).await
    }

    /// Waits for a heading of any level whose text is exactly `text`.
    pub async fn heading(&self, text: &str) -> anyhow::Result<Element> {
        let what = format!("heading {text:?}");
        self.find_by_text("//*[self::h1 or self::h2 or self::h3]", text, &what)
            .await
    }

    /// Waits for a link whose visible text is exactly `text`.
    pub async fn link(&self, text: &str) -> anyhow::Result<Element> {
        self.find_by_text("//a", text, &format!("link {text:?}"))
            .await
    }

    /// Waits for a button named `name`: its visible text, or its `aria-label` (as for an icon
    /// button such as "Remove Opioids").
    pub async fn button(&self, name: &str) -> anyhow::Result<Element> {
        let name_literal = xpath::literal(name);
        let xpath =
            format!("//button[normalize-space()={name_literal} or @aria-label={name_literal}]");
        self.find(&xpath, &format!("button {name:?}")).await
    }

    /// Waits until the page's visible text contains `text`.
    pub async fn text(&self, text: &str) -> TestResult {
        let xpath = format!(
            "//body[contains(normalize-space(), {})]",
            xpath::literal(text)
        );
        self.find(&xpath, &format!("text {text:?}"))
            .await
            .map(|_| ())
    }

    /// The value of `element`'s attribute `name`; its absence is an error.
    pub async fn attribute(&self, element: &Element, name: &str) -> anyhow::Result<String> {
        element
            .attr(name)
            .await
            .with_context(|| format!("reading the attribute {name}"))?
            .with_context(|| format!("no {name} attribute"))
    }

    // Acting.

    pub async fn goto(&self, url: &str) -> TestResult {
        self.client
            .goto(url)
            .await
            .with_context(|| format!("could not open {url}"))
    }

    /// The browser's Back button.
    pub async fn back(&self) -> TestResult {
        self.client.back().await.context("could not go back")
    }

    /// The browser's Forward button.
    pub async fn forward(&self) -> TestResult {
        self.client.forward().await.context("could not go forward")
    }

    /// Reloads the page.
    pub async fn reload(&self) -> TestResult {
        self.client.refresh().await.context("could not reload")
    }

    pub async fn click(&self, element: &Element) -> TestResult {
        element.click().await.context("click failed")
    }

    /// Clicks `element` from a script, as a tap would, without first scrolling it into view
    /// (WebDriver's click does; that would move the page a scenario is measuring).
    pub async fn click_in_place(&self, element: &Element) -> TestResult {
        let element = serde_json::to_value(element).context("passing an element to a script")?;
        self.js("arguments[0].click(); return true;", vec![element])
            .await
            .map(|_| ())
    }

    /// Clicks "Download CSV" and returns the file's text, BOM included, as the browser made it:
    /// the page's `URL.createObjectURL` is wrapped to read the blob it is given.
    pub async fn download_csv(&self) -> anyhow::Result<String> {
        self.js(
            "window.__csv = null; const create = URL.createObjectURL; \
             URL.createObjectURL = function (blob) { blob.arrayBuffer().then(b => { window.__csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(b); }); return create.call(URL, blob); }; return true;",
            vec![],
        )
        .await?;
        self.click_button("Download CSV").await?;
        self.wait_js("return typeof window.__csv === 'string';", "CSV captured")
            .await?;
        let csv = self.js("return window.__csv;", vec![]).await?;
        csv.as_str().map(str::to_owned).context("CSV text")
    }

    /// Waits for the button named `name` (see [`Browser::button`]) and clicks it.
    pub async fn click_button(&self, name: &str) -> TestResult {
        self.click(&self.button(name).await?).await
    }

    /// Waits for the link whose text is `text` and clicks it.
    pub async fn click_link(&self, text: &str) -> TestResult {
        self.click(&self.link(text).await?).await
    }

    /// Types `text` into `element` (which gets the focus).
    pub async fn type_text(&self, element: &Element, text: &str) -> TestResult {
        element.send_keys(text).await.context("typing failed")
    }

    /// Presses `key` `times` times in a row on `element`.
    pub async fn press_times(&self, element: &Element, key: Key, times: usize) -> TestResult {
        self.type_text(element, &key_text(key).repeat(times)).await
    }

    /// Presses `key` on `element`, e.g. Enter on a button.
    pub async fn press(&self, element: &Element, key: Key) -> TestResult {
        self.press_times(element, key, 1).await
    }

    /// Presses `key` on whatever has the focus now.
    pub async fn press_on_focus(&self, key: Key) -> TestResult {
        let focused = self
            .client
            .active_element()
            .await
            .context("no focused element")?;
        self.press(&focused, key).await
    }

    /// Empties a text field.
    pub async fn clear(&self, element: &Element) -> TestResult {
        element.clear().await.context("clearing the field failed")
    }

    /// Chooses the option whose value is `value` in a `<select>`.
    pub async fn select(&self, element: &Element, value: &str) -> TestResult {
        element
            .select_by_value(value)
            .await
            .with_context(|| format!("could not choose {value:?}"))
    }

    /// Turns JavaScript off (`false`) or back on for the pages that load next, as a reader with
    /// scripts disabled has it.
    pub async fn set_javascript(&self, enabled: bool) -> TestResult {
        self.cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": !enabled }),
        )
        .await
        .with_context(|| {
            format!(
                "could not turn JavaScript {}",
                if enabled { "on" } else { "off" }
            )
        })
    }

    /// Shows the page as `media` (`"print"`) until called with `""` (the screen again).
    pub async fn emulate_media(&self, media: &str) -> TestResult {
        self.cdp("Emulation.setEmulatedMedia", json!({ "media": media }))
            .await
            .with_context(|| format!("could not emulate the media {media:?}"))
    }

    /// Cuts the page off the network (`true`), or reconnects it, as DevTools' "Offline" does.
    pub async fn set_offline(&self, offline: bool) -> TestResult {
        self.cdp("Network.enable", json!({})).await?;
        self.cdp(
            "Network.emulateNetworkConditions",
            json!({
                "offline": offline,
                "latency": 0,
                "downloadThroughput": -1,
                "uploadThroughput": -1,
            }),
        )
        .await
        .with_context(|| {
            format!(
                "could not go {}",
                if offline { "offline" } else { "online" }
            )
        })
    }

    /// With `PATHWAYS_SCREENSHOTS=<dir>` set, saves what the window shows as `<dir>/<name>.png`
    /// (for a person to look at; nothing checks it). Otherwise does nothing.
    pub async fn screenshot_for_review(&self, name: &str) -> TestResult {
        let Some(dir) = std::env::var_os("PATHWAYS_SCREENSHOTS") else {
            return Ok(());
        };
        let png = self.client.screenshot().await.context("screenshot")?;
        let path = std::path::Path::new(&dir).join(format!("{name}.png"));
        std::fs::write(&path, png).with_context(|| path.display().to_string())
    }

    /// Sends one Chrome DevTools Protocol command.
    async fn cdp(&self, command: &str, params: Value) -> TestResult {
        self.client
            .issue_cmd(SessionPost::cdp(command, params))
            .await
            .map(|_| ())
            .with_context(|| format!("DevTools command {command}"))
    }

    pub async fn set_window_size(&self, width: u32, height: u32) -> TestResult {
        self.client
            .set_window_size(width, height)
            .await
            .with_context(|| format!("could not resize the window to {width} × {height}"))
    }

    // Checking.

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

    /// Polls `script` until it returns `true`.
    pub async fn wait_js(&self, script: &str, what: &str) -> TestResult {
        self.wait_js_with(script, vec![], what).await
    }

    /// Polls `script`, given `args` as `arguments`, until it returns `true`.
    pub async fn wait_js_with(&self, script: &str, args: Vec<Value>, what: &str) -> TestResult {
        let shown = if args.is_empty() {
            format!("{what} ({script})")
        } else {
            format!(
                "{what} ({script} with arguments {})",
                Value::from(args.clone())
            )
        };
        poll_until(&shown, WAIT, || {
            let args = args.clone();
            async move { Ok(self.js(script, args).await? == Value::Bool(true)) }
        })
        .await
    }

    /// Waits until the address's query string is as `query` says.
    pub async fn wait_for_query(&self, query: Query<'_>, what: &str) -> TestResult {
        poll_until(&format!("{what} ({query})"), WAIT, || async move {
            let search = self.js("return location.search;", vec![]).await?;
            Ok(query.matches(search.as_str().unwrap_or_default()))
        })
        .await
    }

    /// Waits until the element with this `id` has the focus.
    pub async fn wait_for_focus(&self, id: &str, what: &str) -> TestResult {
        self.wait_js_with(
            "return !!document.activeElement && document.activeElement.id === arguments[0];",
            vec![json!(id)],
            what,
        )
        .await
    }

    /// Waits until the focused element matches the CSS `selector`.
    pub async fn wait_for_focus_matching(&self, selector: &str, what: &str) -> TestResult {
        self.wait_js_with(
            "return !!document.activeElement && document.activeElement.matches(arguments[0]);",
            vec![json!(selector)],
            what,
        )
        .await
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
            _ => bail!("the page was reloaded: navigation should stay inside the app"),
        }
    }

    pub async fn path_and_query(&self) -> anyhow::Result<String> {
        let url = self.client.current_url().await.context("reading the URL")?;
        Ok(match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        })
    }

    pub async fn path(&self) -> anyhow::Result<String> {
        let url = self.client.current_url().await.context("reading the URL")?;
        Ok(url.path().to_owned())
    }

    /// Console entries since the last call, as (level, message).
    pub async fn console(&self) -> anyhow::Result<Vec<(String, String)>> {
        let logs = self
            .client
            .issue_cmd(SessionPost::browser_log())
            .await
            .context("reading the console")?;
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
            bail!("console errors: {errors:#?}")
        }
    }
}
