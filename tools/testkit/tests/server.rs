//! The test server over real loopback connections: each hosting mode, a mounted folder, and the
//! faults the browser tests inject.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

use pathways_testkit::server::{Fault, Hosting, Server, Site};

/// A throwaway build: `index.html`, `404.html`, `content/a.json`, and a folder of extra pages.
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
    assert_eq!(get(&server, "/articles/x").0, 200);
    assert_eq!(get(&server, "/articles/x").2, "the app");
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
