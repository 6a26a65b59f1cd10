//! `make bench`: the performance harness of Pathways. See `docs/performance.md`.
//!
//! 1. Sizes of what a first visit downloads: raw, and the build's gzip (9) and brotli (11) copies.
//!    The bytes before the flagship article is readable: its prerendered HTML up to the end
//!    of the article, and its CSS.
//! 2. In headless Chromium, median of alternating cold loads: the flagship article's
//!    prerendered app page against the same page without its scripts, with the app's takeover
//!    of that page (when, layout shift, a glossary click), a route change inside the app
//!    against a static load of the second article, and sorting a generated 500 × 40
//!    comparison in the app against a hand-written vanilla-JS page; memory after opening that
//!    comparison.
//! 3. `target/bench/report.json` and a table with the budgets.
//!
//! Usage: `pathways-bench [--quick] [--runs N] [--dist DIR] [--out DIR] [--strict]`.

mod browser;
mod measure;
mod report;
mod sizes;
mod static_page;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use pathways::model::{Article, ContentIndex};
use pathways_testkit::server::{Server, Site};

use browser::Browser;
use measure::Probe;
use pathways_bench::large::{self, Large};
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
    println!("{}", report::table(&results, &budgets));
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

    let large = large::generate();
    let large_dist = o.out.join("dist-large");
    let large_json_bytes = large.write_build(dist, &large_dist)?;

    let server = Site::new(dist)
        .mount(PAGES, &pages)
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
        sort_app: vec![],
        sort_app_dom: vec![],
        sort_app_paint: vec![],
        sort_vanilla: vec![],
        sort_vanilla_dom: vec![],
        sort_vanilla_paint: vec![],
        large_treatments_json_bytes: large_json_bytes,
        sort_missing: None,
        sort_attribute: large.sort_attribute.label.clone(),
        large_rows_shown: 0,
        wasm_memory: vec![],
        js_heap: vec![],
        wasm_memory_missing: None,
        js_heap_missing: None,
        wasm_memory_source: None,
        memory_note: String::new(),
    };
    let plan = Plan {
        flagship,
        second,
        large,
    };

    let browser = Browser::start().await?;
    let outcome = browse(
        &browser,
        o.runs,
        &plan,
        &server,
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
    large_server: &Server,
    r: &mut Results,
) -> anyhow::Result<()> {
    b.on_new_document(measure::INSTRUMENT).await?;
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

    // The large comparison.
    let large = &plan.large;
    let label = large.sort_attribute.label.as_str();
    let want = large::TREATMENTS as u64;
    let app_url = large_server.url(&large.compare_path());
    let vanilla_url = large_server.url("/__bench/sort.html");
    let n = large.sorted_names.len();
    let json_bytes = r.large_treatments_json_bytes;
    let mut checks: Vec<(usize, String)> = (0..n)
        .step_by(50)
        .map(|i| (i, large.sorted_names[i].clone()))
        .collect();
    checks.push((n - 1, large.sorted_names[n - 1].clone()));

    eprintln!(
        "bench: large comparison ({} × {})",
        large::TREATMENTS,
        large::ATTRIBUTES
    );
    let probe = measure::open_table(b, &app_url, label, want).await?;
    r.large_rows_shown = probe.rows;
    let supported = probe.rows >= want && probe.sortable;
    if !supported {
        r.sort_missing = Some(unsupported_reason(
            &probe,
            label,
            r.large_treatments_json_bytes,
        ));
        // Memory of a page that does not show the table would read as the table's memory:
        // report it only in the reason.
        take_memory(b, r).await;
        let shown = |v: Option<f64>| v.map_or("?".to_owned(), |v| format!("{v:.0} B"));
        let (wasm, heap) = (shown(r.wasm_memory.pop()), shown(r.js_heap.pop()));
        let reason = format!(
            "not measured: the app did not show the {want}-row comparison (see sort_ms); \
             the page it showed instead used {wasm} of wasm memory and {heap} of JS heap"
        );
        r.wasm_memory_missing.get_or_insert(reason.clone());
        r.js_heap_missing.get_or_insert(reason);
    }
    let vanilla = measure::open_table(b, &vanilla_url, label, want).await?;
    if vanilla.rows < want || !vanilla.sortable {
        bail!(
            "the vanilla sort page showed {} rows (sortable header: {}): the bench page is broken",
            vanilla.rows,
            vanilla.sortable
        );
    }
    for i in 0..runs {
        let app = async {
            if !supported {
                return Ok::<_, anyhow::Error>(None);
            }
            let probe = measure::open_table(b, &app_url, label, want).await?;
            if probe.rows < want || !probe.sortable {
                bail!(unsupported_reason(&probe, label, json_bytes));
            }
            take_memory(b, r).await;
            measure::settle(b).await?;
            Ok(Some(measure::sort_click(b, label, &checks).await?))
        };
        let vanilla = async {
            measure::open_table(b, &vanilla_url, label, want).await?;
            measure::settle(b).await?;
            measure::sort_click(b, label, &checks).await
        };
        let (app, vanilla) = if i % 2 == 0 {
            let x = app.await;
            (x, vanilla.await?)
        } else {
            let y = vanilla.await?;
            (app.await, y)
        };
        r.sort_vanilla.push(vanilla.ms);
        r.sort_vanilla_dom.push(vanilla.dom);
        r.sort_vanilla_paint.push(vanilla.paint);
        match app {
            Ok(Some(app)) => {
                r.sort_app.push(app.ms);
                r.sort_app_dom.push(app.dom);
                r.sort_app_paint.push(app.paint);
                eprintln!(
                    "  run {}: sort app {:.1} ms (frame {:.1}), vanilla {:.1} ms (frame {:.1})",
                    i + 1,
                    app.ms,
                    app.paint,
                    vanilla.ms,
                    vanilla.paint
                );
            }
            Ok(None) => eprintln!(
                "  run {}: sort vanilla {:.1} ms (DOM {:.1}, frame {:.1}); app not measured",
                i + 1,
                vanilla.ms,
                vanilla.dom,
                vanilla.paint
            ),
            Err(e) => {
                // The compare page is young: a failure there is reported, not fatal.
                r.sort_app.clear();
                r.sort_app_dom.clear();
                r.sort_app_paint.clear();
                r.sort_missing = Some(format!("not measured: the app's sort failed: {e:#}"));
                eprintln!("  run {}: app sort failed: {e:#}", i + 1);
                break;
            }
        }
    }
    r.memory_note = format!(
        "after opening /compare?all=1&view=rows ({} treatments) on the {} × {} catalogue (before sorting); \
         the app showed {} treatment rows{}",
        large::TREATMENTS,
        large::TREATMENTS,
        large::ATTRIBUTES,
        r.large_rows_shown,
        if r.large_rows_shown < want {
            ", so the memory metrics are not reported"
        } else {
            ""
        }
    );
    Ok(())
}

fn unsupported_reason(probe: &Probe, label: &str, json_bytes: u64) -> String {
    let want = large::TREATMENTS as u64;
    let mut reason = format!(
        "not measured: the app's /compare?all=1&view=rows ({want} treatments) showed {} of {want} rows",
        probe.rows
    );
    if probe.rows > 0 && !probe.sortable {
        reason.push_str(&format!(
            " and no sortable header <th aria-sort><button>{label}</button>"
        ));
    }
    if let Some(first) = probe.notices.first() {
        reason.push_str(&format!("; the page says {first:?}"));
        if probe.notices.len() > 1 {
            reason.push_str(&format!(" (+{} more)", probe.notices.len() - 1));
        }
    }
    if probe.notices.iter().any(|n| n.contains("too large")) {
        reason.push_str(&format!(
            " (the generated treatments.json is {json_bytes} B; the app's limit is \
             api::MAX_BYTES = {} B)",
            pathways::api::MAX_BYTES
        ));
    }
    if probe.rows < want {
        reason.push_str(&format!(
            "; the compare URL state also keeps at most MAX_TREATMENTS = {} treatments",
            pathways::model::compare::MAX_TREATMENTS
        ));
    }
    reason
}

async fn take_memory(b: &Browser, r: &mut Results) {
    if let Err(e) = b.collect_garbage().await {
        r.js_heap_missing = Some(format!("not measured: {e:#}"));
        return;
    }
    match measure::memory(b).await {
        Ok(m) => {
            match m.js_heap {
                Some(v) => r.js_heap.push(v),
                None => {
                    r.js_heap_missing =
                        Some("not measured: performance.memory is not available".into())
                }
            }
            match m.wasm {
                Some(v) => {
                    r.wasm_memory.push(v);
                    r.wasm_memory_source = m.wasm_source;
                }
                None => {
                    r.wasm_memory_missing = Some(
                        "not measured: neither the TrunkApplicationStarted event nor \
                         window.wasmBindings exposed the wasm memory"
                            .into(),
                    )
                }
            }
        }
        Err(e) => {
            r.js_heap_missing = Some(format!("not measured: {e:#}"));
            r.wasm_memory_missing = Some(format!("not measured: {e:#}"));
        }
    }
}
