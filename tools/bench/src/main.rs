//! `make bench`: the performance harness of Pathways. See `docs/performance.md`.
//!
//! 1. Sizes of what a first visit downloads: raw, and the build's gzip (9) and brotli (11) copies.
//!    The bytes before the flagship article is readable: its prerendered HTML up to the end
//!    of the article, and its CSS.
//! 2. In headless Chromium, median of alternating cold loads: the flagship article's
//!    prerendered app page against the same page without its scripts, with the app's takeover
//!    of that page (when, layout shift, a glossary click), a route change inside the app
//!    against a static load of the second article; a second visit to the article with the
//!    service worker in charge against the first (`repeat_visit.rs`); a generated 500 × 40
//!    comparison in the app's windowed table against a hand-written vanilla-JS page with every
//!    row (opening, memory, a sort, a scroll), and a sort of the real comparison
//!    (`comparison.rs`).
//! 3. `target/bench/report.json` and a table with the budgets (`report.rs`, `table.rs`).
//!
//! Usage: `pathways-bench [--quick] [--runs N] [--dist DIR] [--out DIR] [--strict]`.

mod browser;
mod compare_plan;
mod compare_probe;
mod compare_results;
mod compare_scripts;
mod comparison;
mod measure;
mod measured;
mod repeat_visit;
mod report;
mod table;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use pathways::model::{Article, ContentIndex};
use pathways_testkit::server::{Server, Site};

use browser::Browser;
use compare_plan::SmallSort;
use comparison::Servers;
use pathways_bench::large::{self, Large};
use pathways_bench::{sizes, static_page};
use report::Results;

const FLAGSHIP: &str = "ketamine-vs-traditional";
/// Where the server puts the generated pages (static baselines, the vanilla sort page).
const PAGES: &str = "/__bench/";
const FULL_RUNS: usize = 15;
const QUICK_RUNS: usize = 3;

struct Options {
    runs: usize,
    quick: bool,
    dist: PathBuf,
    out: PathBuf,
    strict: bool,
}

fn usage() -> ! {
    eprintln!(
        "usage: pathways-bench [--quick] [--runs N] [--dist DIR] [--out DIR] [--strict]\n\
         --quick     {QUICK_RUNS} runs per measurement instead of {FULL_RUNS} (for the shape test)\n\
         --runs N    N runs per measurement\n\
         --dist DIR  the release build to measure (default: dist/)\n\
         --out DIR   where report.json and the generated pages go (default: target/bench/)\n\
         --strict    exit with status 2 when a budget is missed"
    );
    std::process::exit(64)
}

fn options() -> Options {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().unwrap_or(root);
    let mut o = Options {
        runs: FULL_RUNS,
        quick: false,
        dist: root.join("dist"),
        out: root.join("target/bench"),
        strict: false,
    };
    let mut runs = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => o.quick = true,
            "--strict" => o.strict = true,
            "--runs" => {
                runs = Some(
                    args.next()
                        .and_then(|n| n.parse().ok())
                        .unwrap_or_else(|| usage()),
                )
            }
            "--dist" => o.dist = args.next().map(PathBuf::from).unwrap_or_else(|| usage()),
            "--out" => o.out = args.next().map(PathBuf::from).unwrap_or_else(|| usage()),
            _ => usage(),
        }
    }
    o.runs = runs.unwrap_or(if o.quick { QUICK_RUNS } else { FULL_RUNS });
    if o.runs == 0 {
        usage();
    }
    o
}

fn main() {
    let o = options();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => fail(&format!("no async runtime: {e}")),
    };
    let results = match runtime.block_on(run(&o)) {
        Ok(r) => r,
        Err(e) => fail(&format!("{e:#}")),
    };
    let budgets = match pathways_bench::budget::all() {
        Ok(b) => b,
        Err(e) => fail(&e),
    };
    let json = report::to_json(&results, &budgets);
    let file = o.out.join("report.json");
    let text = serde_json::to_string_pretty(&json).unwrap_or_default();
    if let Err(e) = std::fs::write(&file, text + "\n") {
        fail(&format!("could not write {}: {e}", file.display()));
    }
    println!("{}", table::table(&results, &budgets));
    println!("report: {}", file.display());
    let missed = json["budgets_missed"].as_array().map_or(0, Vec::len);
    if o.strict && missed > 0 {
        std::process::exit(2);
    }
}

fn fail(message: &str) -> ! {
    eprintln!("bench: {message}");
    std::process::exit(1);
}

fn read_json<T: serde::de::DeserializeOwned>(file: &Path) -> anyhow::Result<T> {
    let text = std::fs::read_to_string(file).with_context(|| file.display().to_string())?;
    serde_json::from_str(&text).with_context(|| file.display().to_string())
}

fn write(file: &Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    }
    std::fs::write(file, text).with_context(|| file.display().to_string())
}

/// What the browser phases need.
struct Plan {
    flagship: Article,
    second: Article,
    large: Large,
    small: SmallSort,
}

async fn run(o: &Options) -> anyhow::Result<Results> {
    let dist = &o.dist;
    if !dist.join("index.html").is_file() {
        bail!(
            "{} has no release build (no index.html): run `make build` first (`make bench` does)",
            dist.display()
        );
    }
    eprintln!("bench: sizes of {}", dist.display());
    let files = sizes::first_load(dist)?;
    let full_wasm = sizes::full_wasm(dist)?;
    let readable = sizes::readable(dist, FLAGSHIP)?;
    // The app's stylesheets, in the order its pages link them.
    let css_hrefs: Vec<String> = readable.css.iter().map(|(p, _)| format!("/{p}")).collect();

    // The static baselines: the build's own prerendered pages without their scripts.
    let content = dist.join("content");
    let index: ContentIndex = read_json(&content.join("index.json"))?;
    let flagship: Article = read_json(&content.join(format!("articles/{FLAGSHIP}.json")))?;
    let second_slug = flagship
        .meta
        .related
        .iter()
        .find(|slug| index.articles.iter().any(|a| &a.slug == *slug))
        .with_context(|| format!("{FLAGSHIP} lists no related article that is in the index"))?
        .clone();
    let second: Article = read_json(&content.join(format!("articles/{second_slug}.json")))?;
    let pages = o.out.join("pages");
    for article in [&flagship, &second] {
        let file = dist.join(format!("articles/{}.html", article.meta.slug));
        let page = std::fs::read_to_string(&file).with_context(|| {
            format!(
                "{}: the prerendered page of this article (`make build` writes it)",
                file.display()
            )
        })?;
        let page = static_page::without_scripts(&page)
            .with_context(|| format!("{}: taking its scripts out", file.display()))?;
        write(
            &pages.join(format!("articles/{}.html", article.meta.slug)),
            &page,
        )?;
    }
    write(&pages.join("sort.html"), &large::vanilla_page(&css_hrefs))?;

    let small = compare_plan::small_sort(dist)?;
    let large = large::generate();
    let large_dist = o.out.join("dist-large");
    let large_json_bytes = large.write_build(dist, &large_dist)?;

    let server = Site::new(dist)
        .mount(PAGES, &pages)
        .start()
        .context("test server")?;
    let repeat_server = Site::new(dist)
        .latency(repeat_visit::LATENCY)
        .start()
        .context("test server")?;
    let large_server = Site::new(&large_dist)
        .mount(PAGES, &pages)
        .start()
        .context("test server")?;

    let mut results = Results {
        mode: if o.quick { "quick" } else { "full" },
        runs: o.runs,
        chromium: Browser::version(),
        dist: dist.display().to_string(),
        flagship: flagship.meta.slug.clone(),
        second: second.meta.slug.clone(),
        files,
        full_wasm,
        readable,
        article_app: vec![],
        article_interactive: vec![],
        article_cls: vec![],
        article_swap_shift: vec![],
        takeover_missing: None,
        cls_missing: None,
        swap_shift_missing: None,
        swapped_before_paint: 0,
        article_static: vec![],
        route_app: vec![],
        route_static: vec![],
        compare: compare_results::CompareResults {
            large_treatments_json_bytes: large_json_bytes,
            ..Default::default()
        },
        repeat: Default::default(),
    };
    let plan = Plan {
        flagship,
        second,
        large,
        small,
    };

    let browser = Browser::start().await?;
    let outcome = browse(
        &browser,
        o.runs,
        &plan,
        &server,
        &repeat_server,
        &large_server,
        &mut results,
    )
    .await;
    browser.close().await;
    outcome?;
    Ok(results)
}

async fn browse(
    b: &Browser,
    runs: usize,
    plan: &Plan,
    server: &Server,
    repeat_server: &Server,
    large_server: &Server,
    r: &mut Results,
) -> anyhow::Result<()> {
    b.on_new_document(measure::INSTRUMENT).await?;
    b.on_new_document(compare_scripts::TABLE_SHOWN).await?;
    let app_article = server.url(&format!("/articles/{}", plan.flagship.meta.slug));
    let static_article = server.url(&format!(
        "/__bench/articles/{}.html",
        plan.flagship.meta.slug
    ));
    let static_second = server.url(&format!("/__bench/articles/{}.html", plan.second.meta.slug));

    // Articles and route change. One discarded warm-up of each page (the first navigation of
    // a fresh browser also starts its renderer), then alternating runs.
    eprintln!("bench: articles ({runs} runs of app, static, static)");
    measure::load_visible(b, &app_article).await?;
    measure::load_visible(b, &static_article).await?;
    for i in 0..runs {
        let app = async {
            let visible = measure::load_visible(b, &app_article).await?;
            let takeover = measure::takeover(b, &app_article).await;
            measure::settle(b).await?;
            let route = measure::route_change(b, &plan.second.meta.title).await?;
            Ok::<_, anyhow::Error>((visible, takeover, route))
        };
        let statics = async {
            let a = measure::load_visible(b, &static_article).await?;
            let s = measure::load_visible(b, &static_second).await?;
            Ok::<_, anyhow::Error>((a, s))
        };
        let ((visible, takeover, route), (a, s)) = if i % 2 == 0 {
            let x = app.await?;
            (x, statics.await?)
        } else {
            let y = statics.await?;
            (app.await?, y)
        };
        r.article_app.push(visible);
        r.route_app.push(route);
        r.article_static.push(a);
        r.route_static.push(s);
        eprintln!(
            "  run {}: article app {visible:.1} ms, static {a:.1} ms; {}; route change {route:.1} ms, static {s:.1} ms",
            i + 1,
            r.add_takeover(takeover)
        );
    }

    let flagship = format!("/articles/{}", plan.flagship.meta.slug);
    repeat_visit::measure(b, runs, repeat_server, &flagship, &mut r.repeat).await?;
    let servers = Servers {
        real: server,
        large: large_server,
    };
    comparison::measure(b, runs, &plan.large, &plan.small, servers, &mut r.compare).await
}
