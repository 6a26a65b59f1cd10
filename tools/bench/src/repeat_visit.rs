//! Offline reading (issue 16) seen as speed: the flagship article opened a second time, cold
//! but for what the service worker keeps, against the first visit of the same run. The test
//! server counts what it sent, so the bytes of the repeat visit are what really crossed the
//! network, whoever asked for them (the page or the worker).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::bail;
use pathways_testkit::server::{Served, Server};
use serde_json::{json, Map, Value};

use crate::browser::{origin_of, Browser, WAIT};
use crate::measure::visible;
use crate::measured::{samples_json, Measured, Series};

/// The network counts as done when the server has sent nothing for this long.
pub const QUIET: Duration = Duration::from_secs(2);

/// How long the repeat visits' server waits before each answer: a round trip of a fair mobile
/// connection. Over loopback the network costs nothing, so without it a page from the worker's
/// cache could only be slower than one from the network, which is not what readers meet.
pub const LATENCY: Duration = Duration::from_millis(150);

/// What the repeat visits found.
#[derive(Default)]
pub struct RepeatResults {
    /// The article visible on the first visit (no worker yet), per run.
    pub first: Series,
    /// The same on the second visit, with the worker in charge.
    pub repeat: Series,
    /// Bytes the server sent for the first visit (the worker's precache included).
    pub first_bytes: Series,
    pub repeat_bytes: Series,
    /// What the repeat visits asked the network for: path → (runs, status, bytes per run).
    pub repeat_paths: BTreeMap<String, (usize, u16, u64)>,
    /// Requests of the first visit, per run.
    pub first_requests: Vec<usize>,
}

/// One run: both visits' times and what each downloaded.
struct Run {
    first: f64,
    repeat: f64,
    first_served: Vec<Served>,
    repeat_served: Vec<Served>,
}

pub async fn measure(
    b: &Browser,
    runs: usize,
    server: &Server,
    path: &str,
    r: &mut RepeatResults,
) -> anyhow::Result<()> {
    let url = server.url(path);
    eprintln!("bench: repeat visits ({runs} runs of a first visit, then a second one)");
    for i in 0..runs {
        match one(b, server, &url).await {
            Ok(run) => {
                let bytes = |s: &[Served]| s.iter().map(|s| s.bytes).sum::<u64>();
                eprintln!(
                    "  run {}: first visit {:.1} ms ({} requests, {} B), repeat {:.1} ms \
                     ({} requests, {} B: {})",
                    i + 1,
                    run.first,
                    run.first_served.len(),
                    bytes(&run.first_served),
                    run.repeat,
                    run.repeat_served.len(),
                    bytes(&run.repeat_served),
                    run.repeat_served
                        .iter()
                        .map(|s| s.path.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                r.add(run);
            }
            Err(e) => {
                eprintln!("  run {}: {e:#}", i + 1);
                for s in [
                    &mut r.first,
                    &mut r.repeat,
                    &mut r.first_bytes,
                    &mut r.repeat_bytes,
                ] {
                    s.fail(format!("{e:#}"));
                }
                return Ok(());
            }
        }
    }
    Ok(())
}

/// A first visit with the origin's site data cleared, until the worker it registers is
/// active and in charge of the page (its install, which puts the shell in its cache, and its
/// activation, which keeps this page, are done); then a second navigation from `about:blank`.
async fn one(b: &Browser, server: &Server, url: &str) -> anyhow::Result<Run> {
    b.goto("about:blank").await?;
    b.clear_origin(origin_of(url)).await?;
    quiet(server).await?;
    b.goto(url).await?;
    let (first, controlled) = visible(b, url).await?;
    if controlled {
        bail!("a service worker answered the first visit, although the site data was cleared");
    }
    b.wait_for(
        "const c = navigator.serviceWorker && navigator.serviceWorker.controller; \
         return !!c && c.state === 'activated';",
        "the service worker active and in charge of the page after the first visit",
    )
    .await?;
    let first_served = quiet(server).await?;

    b.goto("about:blank").await?;
    quiet(server).await?;
    b.goto(url).await?;
    let (repeat, controlled) = visible(b, url).await?;
    if !controlled {
        bail!("the second visit was not answered by the service worker");
    }
    b.wait_for(
        "return !!window.__bench && window.__bench.takenOver !== null;",
        "the app taking over the article on the second visit",
    )
    .await?;
    let repeat_served = quiet(server).await?;
    Ok(Run {
        first,
        repeat,
        first_served,
        repeat_served,
    })
}

/// Everything the server sends from now until it has sent nothing for [`QUIET`].
async fn quiet(server: &Server) -> anyhow::Result<Vec<Served>> {
    let deadline = Instant::now() + WAIT;
    let mut all = Vec::new();
    let mut last = Instant::now();
    loop {
        let now = server.take_served();
        if !now.is_empty() {
            all.extend(now);
            last = Instant::now();
        }
        if last.elapsed() >= QUIET {
            return Ok(all);
        }
        if Instant::now() > deadline {
            bail!(
                "the network was still busy after {WAIT:?} ({} answers)",
                all.len()
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

impl RepeatResults {
    fn add(&mut self, run: Run) {
        let bytes = |s: &[Served]| s.iter().map(|s| s.bytes).sum::<u64>() as f64;
        self.first.add(Ok(run.first));
        self.repeat.add(Ok(run.repeat));
        self.first_bytes.add(Ok(bytes(&run.first_served)));
        self.repeat_bytes.add(Ok(bytes(&run.repeat_served)));
        self.first_requests.push(run.first_served.len());
        for s in run.repeat_served {
            let entry = self.repeat_paths.entry(s.path).or_insert((0, s.status, 0));
            entry.0 += 1;
            entry.2 = entry.2.max(s.bytes);
        }
    }

    /// `repeat_visit_first_ms`, `repeat_visit_article_ms`, `repeat_visit_ratio` and
    /// `repeat_visit_bytes` (the most of any run: a download in any run is a download).
    pub fn metrics(&self) -> Vec<(&'static str, Measured)> {
        let first = self.first.measured();
        let repeat = self.repeat.measured();
        let bytes = match &self.repeat_bytes.missing {
            Some(reason) => Measured::Missing(reason.clone()),
            None => Measured::max_of(&self.repeat_bytes.samples, None),
        };
        vec![
            ("repeat_visit_first_ms", first.clone()),
            ("repeat_visit_article_ms", repeat.clone()),
            ("repeat_visit_ratio", Measured::ratio(&repeat, &first)),
            ("repeat_visit_bytes", bytes),
        ]
    }

    pub fn samples(&self, samples: &mut Map<String, Value>) {
        let round = |s: &Series| samples_json(&s.samples);
        samples.insert("repeat_visit_first_ms".into(), round(&self.first));
        samples.insert("repeat_visit_article_ms".into(), round(&self.repeat));
        samples.insert("repeat_visit_bytes".into(), round(&self.repeat_bytes));
        samples.insert("first_visit_bytes".into(), round(&self.first_bytes));
    }

    pub fn pages(&self, flagship: &str, pages: &mut Map<String, Value>) {
        let paths: Vec<Value> = self
            .repeat_paths
            .iter()
            .map(|(path, (runs, status, bytes))| {
                json!({ "path": path, "status": status, "bytes": bytes, "runs": runs })
            })
            .collect();
        pages.insert(
            "repeat_visit".into(),
            json!({
                "page": format!("/articles/{flagship}"),
                "how": format!(
                    "a first visit with the origin's site data cleared, until the service \
                     worker is active and in charge; then about:blank and a second navigation; \
                     the server waits {} ms before each answer; bytes are what the test server \
                     sent (uncompressed, with headers) from each navigation until it had sent \
                     nothing for {} s",
                    LATENCY.as_millis(),
                    QUIET.as_secs()
                ),
                "latency_ms": LATENCY.as_millis() as u64,
                "repeat_paths": paths,
                "first_visit_bytes": self.first_bytes.measured().value().map(|v| v.round() as u64),
                "first_visit_requests": self.first_requests,
            }),
        );
    }

    pub fn lines(&self, v: impl Fn(&str) -> f64) -> Vec<(&'static str, String)> {
        let paths: Vec<String> = self
            .repeat_paths
            .iter()
            .map(|(path, (runs, _, bytes))| format!("{path} {bytes} B in {runs} runs"))
            .collect();
        vec![
            (
                "repeat_visit_first_ms",
                format!(
                    "{:.1} ms  first visit (no service worker yet)",
                    v("repeat_visit_first_ms")
                ),
            ),
            (
                "repeat_visit_article_ms",
                format!(
                    "{:.1} ms  second visit, the service worker in charge",
                    v("repeat_visit_article_ms")
                ),
            ),
            (
                "repeat_visit_ratio",
                format!("{:.2}", v("repeat_visit_ratio")),
            ),
            (
                "repeat_visit_bytes",
                format!(
                    "{} B  from the network on the second visit{}{} (first visit {} B)",
                    crate::table::group(v("repeat_visit_bytes") as u64),
                    if paths.is_empty() { "" } else { ": " },
                    paths.join(", "),
                    crate::table::group(self.first_bytes.measured().value().unwrap_or(0.0) as u64)
                ),
            ),
        ]
    }
}
