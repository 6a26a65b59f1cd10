//! End-to-end tests: the release `dist/` in headless Chromium, hosted three ways.
//!
//! This is a plain binary (`harness = false`): one Chromium session runs every scenario in turn,
//! which is several times faster than a browser per test on a two-core machine. Any failure,
//! including a missing browser or a missing build, makes the run fail; nothing is skipped.
//!
//! Needs `dist/` (built with `--public-url /`) and `target/e2e/dist-pathways/` (built with
//! `--public-url /pathways/`): `make test` builds both first.

mod browser;
mod compare;
mod compare_large;
mod hardening;
mod large_keys;
mod large_table;
mod offline;
mod prerender;
mod reading;
mod shell;
mod split;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::Instant;

use anyhow::{bail, Context};
use browser::{Browser, TestResult};
use pathways_testkit::server::{Hosting, Server, Site};

/// Everything a scenario may use.
pub struct Ctx {
    pub browser: Browser,
    /// `dist/` at the root of a host with an SPA fallback.
    pub root: Server,
    /// The `/pathways/` build under that sub-path, with an SPA fallback.
    pub sub: Server,
    /// `dist/` on a host that answers unknown paths with `404.html`.
    pub pages: Server,
    pub dist: PathBuf,
    /// The `/pathways/` build.
    pub sub_dist: PathBuf,
}

type Scenario = for<'a> fn(&'a Ctx) -> Pin<Box<dyn Future<Output = TestResult> + 'a>>;

/// `scenarios!(a, b)` declares `SCENARIOS`, the async fns `a` and `b` of a module, by name.
#[macro_export]
macro_rules! scenarios {
    ($($name:ident),* $(,)?) => {
        pub const SCENARIOS: &[(&str, $crate::Scenario)] = &[
            $((stringify!($name), |ctx| Box::pin($name(ctx)) as std::pin::Pin<Box<dyn std::future::Future<Output = $crate::browser::TestResult> + '_>>)),*
        ];
    };
}

impl Ctx {
    /// A content file of the build under test, parsed with the app's own model types.
    pub fn content<T: serde::de::DeserializeOwned>(&self, path: &str) -> anyhow::Result<T> {
        let file = self.dist.join("content").join(path);
        let text = std::fs::read_to_string(&file).with_context(|| file.display().to_string())?;
        serde_json::from_str(&text).with_context(|| file.display().to_string())
    }
}

pub fn expect_eq<T: PartialEq + std::fmt::Debug>(actual: T, expected: T, what: &str) -> TestResult {
    if actual != expected {
        bail!("{what}: expected {expected:?}, got {actual:?}");
    }
    Ok(())
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => fail(&format!("no async runtime: {e}")),
    };
    let code = runtime.block_on(run(filter));
    std::process::exit(code);
}

fn fail(message: &str) -> ! {
    eprintln!("e2e: {message}");
    std::process::exit(1);
}

async fn run(filter: Option<String>) -> i32 {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dist = manifest.join("dist");
    let sub_dist = manifest.join("target/e2e/dist-pathways");
    for (dir, how) in [(&dist, "make build"), (&sub_dist, "make build-subpath")] {
        if !dir.join("index.html").is_file() || !dir.join("404.html").is_file() {
            fail(&format!(
                "{} has no release build (index.html + 404.html): run `{how}` (or `make test`)",
                dir.display()
            ));
        }
    }
    let start = |site: Site| match site.start() {
        Ok(server) => server,
        Err(e) => fail(&format!("could not start the test server: {e}")),
    };
    let browser = match Browser::start().await {
        Ok(b) => b,
        Err(e) => fail(&format!("{e:#}")),
    };
    // These three hosts turn the service worker off, so each scenario meets the network (and
    // the faults it injects) directly; the offline scenarios start hosts with the worker on.
    let ctx = Ctx {
        browser,
        root: start(Site::new(&dist).without_service_worker()),
        sub: start(
            Site::new(&sub_dist)
                .under("/pathways")
                .without_service_worker(),
        ),
        pages: start(
            Site::new(&dist)
                .hosting(Hosting::NotFoundPage)
                .without_service_worker(),
        ),
        dist,
        sub_dist,
    };

    let scenarios: Vec<(&str, Scenario)> = [
        shell::SCENARIOS,
        reading::SCENARIOS,
        compare::SCENARIOS,
        compare_large::SCENARIOS,
        large_keys::SCENARIOS,
        hardening::SCENARIOS,
        prerender::SCENARIOS,
        offline::SCENARIOS,
        split::SCENARIOS,
    ]
    .concat();
    let (mut passed, mut failed) = (0, Vec::new());
    for (name, scenario) in scenarios {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        ctx.root.clear_faults();
        ctx.sub.clear_faults();
        ctx.pages.clear_faults();
        // Drain the console so each scenario sees only its own messages.
        let _ = ctx.browser.console().await;
        let started = Instant::now();
        let result = scenario(&ctx).await;
        let ms = started.elapsed().as_millis();
        match result {
            Ok(()) => {
                passed += 1;
                println!("test {name} ... ok ({ms} ms)");
            }
            Err(e) => {
                println!("test {name} ... FAILED ({ms} ms)\n    {e:#}");
                failed.push(name);
            }
        }
    }
    ctx.browser.close().await;
    println!("\ne2e: {passed} passed, {} failed", failed.len());
    if passed == 0 && failed.is_empty() {
        println!("e2e: no scenario matched the filter");
        return 1;
    }
    i32::from(!failed.is_empty())
}
