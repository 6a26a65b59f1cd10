//! The test server over real loopback connections: each hosting mode, `x.html` for `/x`, a mounted
//! folder, the faults the browser tests inject, the embedded content a fault takes out of a page, and
//! the list of what was sent.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

use pathways_testkit::server::{Fault, Hosting, Served, Server, Site};

/// The page `about.html` of [`build`]: prerendered, carrying `content/a.json` and
/// `content/b.json`.
const ABOUT: &str = "<p>about</p>\n\
    <script type=\"application/json\" data-content=\"content/a.json\">{}</script>\n\
    <script type=\"application/json\" data-content=\"content/b.json\">[]</script>\n";

/// A throwaway build: `index.html`, `404.html`, `about.html`, `articles/x.html`,
/// `content/a.json`, and a folder of extra pages.
fn build(name: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("testkit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let dist = dir.join("dist");
    let pages = dir.join("pages");
    std::fs::create_dir_all(dist.join("content")).unwrap();
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::write(dist.join("index.html"), "the app").unwrap();
    std::fs::write(dist.join("404.html"), "not found page").unwrap();
    std::fs::write(dist.join("content/a.json"), "{}").unwrap();
    std::fs::write(dist.join("about.html"), ABOUT).unwrap();
    std::fs::create_dir_all(dist.join("articles")).unwrap();
    std::fs::write(dist.join("articles/x.html"), "article x").unwrap();
    std::fs::write(pages.join("sort.html"), "a bench page").unwrap();
    std::fs::write(dir.join("secret.txt"), "outside").unwrap();
    (dist, pages)
}

/// Status, head and body of a GET of `path`.
fn get(server: &Server, path: &str) -> (u16, String, String) {
    let address = server.origin.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, head.to_owned(), body.to_owned())
}

#[test]
fn fallback_hosting_answers_unknown_paths_with_the_app() {
    let (dist, _) = build("fallback");
    let server = Site::new(&dist).start().unwrap();
    let (status, head, body) = get(&server, "/content/a.json?x=1");
    assert_eq!((status, body.as_str()), (200, "{}"));
    assert!(head.contains("Content-Type: application/json"), "{head}");
    assert!(head.contains("Cache-Control: no-store"), "{head}");
    assert_eq!(get(&server, "/").2, "the app");
    assert_eq!(get(&server, "/articles/y").0, 200);
    assert_eq!(get(&server, "/articles/y").2, "the app");
    assert_eq!(get(&server, "/content/missing.json").2, "the app");
    // `..` never leaves the build.
    assert_eq!(get(&server, "/../secret.txt").2, "the app");
}

#[test]
fn not_found_page_hosting_answers_404_html_with_404() {
    let (dist, _) = build("pages");
    let server = Site::new(&dist)
        .hosting(Hosting::NotFoundPage)
        .start()
        .unwrap();
    assert_eq!(get(&server, "/deep/link").0, 404);
    assert_eq!(get(&server, "/deep/link").2, "not found page");
    assert_eq!(get(&server, "/").2, "the app");
}

#[test]
fn a_sub_path_site_serves_only_under_its_prefix() {
    let (dist, _) = build("sub");
    let server = Site::new(&dist).under("/pathways/").start().unwrap();
    assert_eq!(get(&server, "/pathways/").2, "the app");
    assert_eq!(get(&server, "/pathways/content/a.json").2, "{}");
    assert_eq!(get(&server, "/pathways/no-such-page").2, "the app");
    assert_eq!(get(&server, "/content/a.json").0, 404);
}

#[test]
fn a_mounted_folder_has_no_fallback() {
    let (dist, pages) = build("mount");
    let server = Site::new(&dist).mount("/__bench/", &pages).start().unwrap();
    assert_eq!(get(&server, "/__bench/sort.html").2, "a bench page");
    assert_eq!(get(&server, "/__bench/nothing.html").0, 404);
    assert_eq!(get(&server, "/anything").2, "the app");
}

#[test]
fn injected_faults_answer_until_cleared() {
    let (dist, _) = build("faults");
    let server = Site::new(&dist).start().unwrap();
    let path = "/content/a.json";
    server.inject(path, Fault::Status(503));
    assert_eq!(get(&server, path).0, 503);
    server.inject(path, Fault::Html);
    assert_eq!(get(&server, path).2, "the app");
    server.inject(path, Fault::Body("[1]".into()));
    assert_eq!(get(&server, path).2, "[1]");
    server.inject(path, Fault::Unsized("[2]".into()));
    let (status, head, body) = get(&server, path);
    assert_eq!((status, body.as_str()), (200, "[2]"));
    assert!(!head.contains("Content-Length"), "{head}");
    server.clear_faults();
    assert_eq!(get(&server, path).2, "{}");
}

#[test]
fn a_stall_answers_late_and_notices_a_client_that_hangs_up() {
    let (dist, _) = build("stall");
    let server = Site::new(&dist).start().unwrap();
    let path = "/content/a.json";
    server.inject(path, Fault::Stall(Duration::from_millis(200)));
    assert_eq!(get(&server, path).2, "{}");
    assert!(server.take_abandoned().is_empty());

    server.inject(path, Fault::Stall(Duration::from_secs(5)));
    let address = server.origin.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    drop(stream);
    let mut abandoned = Vec::new();
    for _ in 0..40 {
        abandoned = server.take_abandoned();
        if !abandoned.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(abandoned, [path]);
}

#[test]
fn a_path_without_a_file_is_answered_with_its_html_page() {
    let (dist, pages) = build("html");
    for server in [
        Site::new(&dist).start().unwrap(),
        Site::new(&dist)
            .hosting(Hosting::NotFoundPage)
            .start()
            .unwrap(),
    ] {
        let (status, head, body) = get(&server, "/articles/x");
        assert_eq!((status, body.as_str()), (200, "article x"));
        assert!(head.contains("Content-Type: text/html"), "{head}");
        assert_eq!(get(&server, "/articles/x?from=home").2, "article x");
        assert_eq!(get(&server, "/about").2, ABOUT);
        // A file of that very name comes first, and `x.html` is never looked for as `x.html.html`.
        assert_eq!(get(&server, "/content/a.json").2, "{}");
        assert_eq!(get(&server, "/articles/x.html").2, "article x");
    }
    let server = Site::new(&dist).under("/pathways").start().unwrap();
    assert_eq!(get(&server, "/pathways/articles/x").2, "article x");
    assert_eq!(get(&server, "/articles/x").0, 404);
    let server = Site::new(&dist)
        .hosting(Hosting::NotFoundPage)
        .start()
        .unwrap();
    assert_eq!(get(&server, "/articles/y").0, 404);
    assert_eq!(get(&server, "/articles/").0, 404);
    let server = Site::new(&dist).mount("/__bench/", &pages).start().unwrap();
    assert_eq!(get(&server, "/__bench/sort").2, "a bench page");
}

#[test]
fn without_html_lookup_only_exact_names_are_files() {
    let (dist, _) = build("exact");
    let server = Site::new(&dist).without_html_lookup().start().unwrap();
    let (status, _, body) = get(&server, "/articles/x");
    assert_eq!((status, body.as_str()), (200, "the app"));
    assert_eq!(get(&server, "/articles/x.html").2, "article x");
    assert_eq!(get(&server, "/about").2, "the app");
}

#[test]
fn a_fault_on_a_content_file_takes_it_out_of_every_page() {
    let (dist, _) = build("embedded");
    let server = Site::new(&dist).start().unwrap();
    server.inject("/content/a.json", Fault::Status(503));
    let without_a = ABOUT.replace(
        "<script type=\"application/json\" data-content=\"content/a.json\">{}</script>",
        "",
    );
    assert_eq!(get(&server, "/about").2, without_a);
    assert_eq!(get(&server, "/about.html").2, without_a);
    assert_eq!(get(&server, "/content/a.json").0, 503);
    // The fallback page for any path loses it too.
    std::fs::write(dist.join("index.html"), ABOUT).unwrap();
    assert_eq!(get(&server, "/treatments").2, without_a);
    server.clear_faults();
    assert_eq!(get(&server, "/about").2, ABOUT);

    // Under a sub-path, the fault names the file with the prefix.
    let server = Site::new(&dist).under("/pathways").start().unwrap();
    server.inject(
        "/pathways/content/b.json",
        Fault::Stall(Duration::from_millis(1)),
    );
    let (status, head, body) = get(&server, "/pathways/about");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/html"), "{head}");
    assert!(
        head.contains(&format!("Content-Length: {}", body.len())),
        "{head}"
    );
    assert_eq!(
        body,
        ABOUT.replace(
            "<script type=\"application/json\" data-content=\"content/b.json\">[]</script>",
            ""
        )
    );
    // A fault on a file no page carries leaves pages alone.
    server.clear_faults();
    server.inject("/pathways/content/c.json", Fault::Status(404));
    assert_eq!(get(&server, "/pathways/about").2, ABOUT);
}

#[test]
fn set_root_serves_another_build_from_then_on() {
    let (dist, _) = build("set-root");
    let next = dist.with_file_name("next");
    std::fs::create_dir_all(&next).unwrap();
    std::fs::write(next.join("index.html"), "the next app").unwrap();
    let server = Site::new(&dist).start().unwrap();
    assert_eq!(get(&server, "/").2, "the app");
    assert_eq!(get(&server, "/about").0, 200);
    server.set_root(&next);
    assert_eq!(get(&server, "/").2, "the next app");
    // Files only the old build had are gone: the fallback answers from the new one.
    assert_eq!(get(&server, "/about").2, "the next app");
    server.set_root(&dist);
    assert_eq!(get(&server, "/").2, "the app");
}

#[test]
fn without_service_worker_answers_sw_js_with_a_worker_that_does_nothing() {
    let (dist, _) = build("no-worker");
    std::fs::write(
        dist.join("sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .unwrap();
    let server = Site::new(&dist).start().unwrap();
    let (status, _, body) = get(&server, "/sw.js");
    assert_eq!(
        (status, body.as_str()),
        (200, "self.addEventListener('fetch', () => {});")
    );
    let server = Site::new(&dist)
        .under("/pathways")
        .without_service_worker()
        .start()
        .unwrap();
    let (status, head, body) = get(&server, "/pathways/sw.js");
    assert_eq!(
        (status, body.as_str()),
        (200, pathways_testkit::server::NO_OP_WORKER)
    );
    assert!(head.contains("text/javascript"), "{head}");
    // Everything else is the build's.
    assert_eq!(get(&server, "/pathways/about").0, 200);
}

#[test]
fn an_unreachable_server_closes_every_connection_unanswered() {
    let (dist, _) = build("unreachable");
    let server = Site::new(&dist).start().unwrap();
    server.set_unreachable(true);
    let address = server.origin.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    let _ = write!(stream, "GET / HTTP/1.1\r\nHost: {address}\r\n\r\n");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    assert!(
        answer.is_empty(),
        "answered: {}",
        String::from_utf8_lossy(&answer)
    );
    server.set_unreachable(false);
    assert_eq!(get(&server, "/").2, "the app");
}

#[test]
fn the_server_lists_what_it_sent_with_every_byte_counted() {
    let (dist, pages) = build("served");
    let server = Site::new(&dist).mount("/__bench/", &pages).start().unwrap();
    assert!(server.take_served().is_empty());
    let (_, head, body) = get(&server, "/content/a.json?fresh=1");
    let first = (head.len() + "\r\n\r\n".len() + body.len()) as u64;
    let (_, head, body) = get(&server, "/__bench/nothing.html");
    let second = (head.len() + "\r\n\r\n".len() + body.len()) as u64;
    assert_eq!(
        server.take_served(),
        [
            Served {
                path: "/content/a.json".into(),
                status: 200,
                bytes: first,
            },
            Served {
                path: "/__bench/nothing.html".into(),
                status: 404,
                bytes: second,
            },
        ]
    );
    // Taken means gone; a connection closed unanswered is not an answer.
    assert!(server.take_served().is_empty());
    server.set_unreachable(true);
    let address = server.origin.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    let _ = write!(stream, "GET / HTTP/1.1\r\nHost: {address}\r\n\r\n");
    let _ = stream.read_to_end(&mut Vec::new());
    server.set_unreachable(false);
    assert!(server.take_served().is_empty());
    assert_eq!(get(&server, "/").2, "the app");
    let served = server.take_served();
    assert_eq!(served.len(), 1);
    assert_eq!((served[0].path.as_str(), served[0].status), ("/", 200));
}

#[test]
fn with_latency_no_answer_comes_sooner() {
    let (dist, _) = build("latency");
    let latency = std::time::Duration::from_millis(150);
    let server = Site::new(&dist).latency(latency).start().unwrap();
    let started = std::time::Instant::now();
    assert_eq!(get(&server, "/articles/x").2, "article x");
    // A lower bound only: the server sleeps at least this long before it answers.
    assert!(started.elapsed() >= latency, "{:?}", started.elapsed());
}
