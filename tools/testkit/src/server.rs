//! A small static file server for the browser tests and the bench. It hosts a release build the
//! ways a real static host does (at the root or under a sub-path, `/x` answered with `x.html`,
//! with an SPA fallback or a `404.html`), can serve extra folders beside it, and misbehaves on
//! purpose when told to.
//! The served build can be swapped for another while the server runs ([`Server::set_root`]), as
//! a deploy does, and its service worker can be replaced by one that does nothing
//! ([`Site::without_service_worker`]), as a host that turns offline reading off does.
//! Every answer carries `Cache-Control: no-store` (see [`crate::http`]), so every load is cold.
//! The server notes what it sent ([`Server::take_served`]), so a test or the bench can count
//! what a page really downloaded, whoever asked for it (the page or its service worker).

use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

use crate::fault::wait_unless_hung_up;
pub use crate::fault::Fault;
use crate::http::{content_type, read_request_path, Response};

/// How the host answers a path that has no file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hosting {
    /// Netlify-style SPA fallback: `index.html` with status 200 (for `.json` too).
    Fallback,
    /// GitHub-Pages-style: `404.html` with status 404.
    NotFoundPage,
}

/// What to serve, and how: `Site::new(dist).under("/pathways").start()`.
#[derive(Debug, Clone)]
pub struct Site {
    root: PathBuf,
    /// URL prefix the build is mounted under, e.g. `/pathways` (empty at the root).
    prefix: String,
    hosting: Hosting,
    /// Extra folders by URL prefix (ending in `/`), served without any fallback.
    mounts: Vec<(String, PathBuf)>,
    /// Whether `sw.js` is the build's own, or [`NO_OP_WORKER`].
    service_worker: bool,
    /// Whether `/x` is answered with `x.html` when there is no `x`.
    html_lookup: bool,
    /// How long each answer waits before it is sent ([`Site::latency`]).
    latency: std::time::Duration,
}

/// The `sw.js` of a site served [`Site::without_service_worker`]: it installs, and answers
/// nothing, so every request goes to the network as if there were no worker.
pub const NO_OP_WORKER: &str = "// Offline reading is turned off on this host.\n";

impl Site {
    /// The build in `root`, at `/`, with an SPA fallback.
    pub fn new(root: &Path) -> Site {
        Site {
            root: root.to_owned(),
            prefix: String::new(),
            hosting: Hosting::Fallback,
            mounts: Vec::new(),
            service_worker: true,
            html_lookup: true,
            latency: std::time::Duration::ZERO,
        }
    }

    /// Waits `latency` before each answer, as a network between reader and host would: the
    /// bench's repeat visits need one, since over loopback the network costs nothing and a
    /// service worker's cache could only add time. Answers on different connections wait at the
    /// same time, as requests in flight do.
    pub fn latency(mut self, latency: std::time::Duration) -> Site {
        self.latency = latency;
        self
    }

    /// Serves files by their exact names only, as a host whose fallback is its only rule does
    /// (nginx `try_files $uri /index.html`): `/compare` is not answered with `compare.html`.
    pub fn without_html_lookup(mut self) -> Site {
        self.html_lookup = false;
        self
    }

    /// Serves [`NO_OP_WORKER`] as `sw.js` instead of the build's worker.
    pub fn without_service_worker(mut self) -> Site {
        self.service_worker = false;
        self
    }

    /// Hosts the build under `prefix` (e.g. `/pathways`) instead of at the root.
    pub fn under(mut self, prefix: &str) -> Site {
        self.prefix = prefix.trim_end_matches('/').to_owned();
        self
    }

    pub fn hosting(mut self, hosting: Hosting) -> Site {
        self.hosting = hosting;
        self
    }

    /// Also serves the files of `dir` under `prefix` (e.g. `/__bench/`); a missing file there
    /// is a plain 404, never the build's fallback.
    pub fn mount(mut self, prefix: &str, dir: &Path) -> Site {
        let prefix = format!("{}/", prefix.trim_end_matches('/'));
        self.mounts.push((prefix, dir.to_owned()));
        self
    }

    /// Serves the site on a free port of 127.0.0.1, one thread per connection.
    pub fn start(self) -> std::io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let origin = format!("http://{}", listener.local_addr()?);
        let faults = Arc::new(Mutex::new(HashMap::new()));
        let abandoned = Arc::new(Mutex::new(Vec::new()));
        let served = Arc::new(Mutex::new(Vec::new()));
        let root = Arc::new(Mutex::new(self.root.clone()));
        let unreachable = Arc::new(AtomicBool::new(false));
        let host = Arc::new(Host {
            site: self,
            root: root.clone(),
            unreachable: unreachable.clone(),
            faults: faults.clone(),
            abandoned: abandoned.clone(),
            served: served.clone(),
        });
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let host = host.clone();
                thread::spawn(move || {
                    let _ = host.answer(stream);
                });
            }
        });
        Ok(Server {
            origin,
            root,
            unreachable,
            faults,
            abandoned,
            served,
        })
    }
}

/// One answer the server sent in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    /// The URL path asked for, without query or fragment.
    pub path: String,
    pub status: u16,
    /// Everything written to the connection: the status line, the headers and the body (sent
    /// as stored: this server does not compress).
    pub bytes: u64,
}

/// A running [`Site`]. It serves until the process ends.
pub struct Server {
    pub origin: String,
    root: Arc<Mutex<PathBuf>>,
    unreachable: Arc<AtomicBool>,
    faults: Arc<Mutex<HashMap<String, Fault>>>,
    abandoned: Arc<Mutex<Vec<String>>>,
    served: Arc<Mutex<Vec<Served>>>,
}

impl Server {
    /// The full URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.origin, path)
    }

    /// Makes requests for `path` (the URL path, prefix included) fail with `fault`.
    pub fn inject(&self, path: &str, fault: Fault) {
        self.faults
            .lock()
            .expect("fault table")
            .insert(path.to_owned(), fault);
    }

    /// Serves the build in `dir` from now on, in place of the one before (a deploy). Requests
    /// already being answered finish from the build they started with.
    pub fn set_root(&self, dir: &Path) {
        *self.root.lock().expect("root") = dir.to_owned();
    }

    /// While `true`, every connection is closed without an answer, so every request fails as
    /// on a lost network, whoever makes it (a page, or a service worker, which the browser's
    /// own network emulation does not reach).
    pub fn set_unreachable(&self, unreachable: bool) {
        self.unreachable.store(unreachable, Ordering::SeqCst);
    }

    pub fn clear_faults(&self) {
        self.faults.lock().expect("fault table").clear();
    }

    /// Paths of stalled requests whose client hung up before the answer, since the last call.
    pub fn take_abandoned(&self) -> Vec<String> {
        std::mem::take(&mut *self.abandoned.lock().expect("abandoned list"))
    }

    /// Every answer sent in full since the last call, in the order they were finished. A
    /// connection closed unanswered ([`Server::set_unreachable`], an abandoned stall) or one
    /// the client hung up on during the answer is not listed.
    pub fn take_served(&self) -> Vec<Served> {
        std::mem::take(&mut *self.served.lock().expect("served list"))
    }
}

/// The serving side of a [`Server`]: the site and the state the tests change.
struct Host {
    site: Site,
    /// The build served now ([`Server::set_root`]).
    root: Arc<Mutex<PathBuf>>,
    unreachable: Arc<AtomicBool>,
    faults: Arc<Mutex<HashMap<String, Fault>>>,
    abandoned: Arc<Mutex<Vec<String>>>,
    served: Arc<Mutex<Vec<Served>>>,
}

impl Host {
    fn answer(&self, stream: TcpStream) -> std::io::Result<()> {
        let path = read_request_path(&stream)?;
        if !self.site.latency.is_zero() {
            thread::sleep(self.site.latency);
        }
        // Checked once the request is in: a browser opens connections ahead of its requests,
        // and one opened before the network went away must not answer after.
        if self.unreachable.load(Ordering::SeqCst) {
            return stream.shutdown(std::net::Shutdown::Both);
        }

        let fault = self.faults.lock().expect("fault table").get(&path).cloned();
        let response = match fault {
            Some(Fault::Status(status)) => {
                Response::new(status, "text/plain", b"injected failure".to_vec())
            }
            Some(Fault::Html) => {
                let root = self.root.lock().expect("root").clone();
                self.build_file(&root, 200, "index.html")
            }
            Some(Fault::Body(body)) => Response::new(200, "application/json", body.into_bytes()),
            Some(Fault::Unsized(body)) => {
                let mut response = Response::new(200, "application/json", body.into_bytes());
                response.sized = false;
                response
            }
            Some(Fault::Stall(delay)) => {
                if !wait_unless_hung_up(&stream, delay) {
                    self.abandoned
                        .lock()
                        .expect("abandoned list")
                        .push(path.clone());
                    return Ok(());
                }
                self.serve(&path)
            }
            None => self.serve(&path),
        };
        let status = response.status;
        let mut stream = stream;
        let bytes = response.write_to(&mut stream)?;
        // Noted before the connection closes, so a client that has read the whole answer
        // finds it listed.
        self.served.lock().expect("served list").push(Served {
            path,
            status,
            bytes,
        });
        drop(stream);
        Ok(())
    }

    fn serve(&self, path: &str) -> Response {
        for (prefix, dir) in &self.site.mounts {
            if let Some(rest) = path.strip_prefix(prefix.as_str()) {
                return match file_in(dir, rest, true) {
                    Some(relative) => Response::file(200, &dir.join(relative)),
                    None => Response::new(404, "text/plain", b"no such file".to_vec()),
                };
            }
        }
        let Some(rest) = path.strip_prefix(self.site.prefix.as_str()) else {
            return Response::new(404, "text/plain", b"outside the site".to_vec());
        };
        if !self.site.service_worker && rest == "/sw.js" {
            return Response::new(200, "text/javascript", NO_OP_WORKER.as_bytes().to_vec());
        }
        let root = self.root.lock().expect("root").clone();
        if let Some(relative) = file_in(&root, rest, self.site.html_lookup) {
            return self.build_file(&root, 200, &relative);
        }
        match self.site.hosting {
            Hosting::Fallback => self.build_file(&root, 200, "index.html"),
            Hosting::NotFoundPage => self.build_file(&root, 404, "404.html"),
        }
    }

    /// A file of the build. A prerendered page carries the content files its first view needs;
    /// a fault on one of them also takes it out of the page, so the app must fetch it and meet
    /// the fault, as it would on a page that does not carry it.
    fn build_file(&self, root: &Path, status: u16, relative: &str) -> Response {
        let file = root.join(relative);
        let html = match relative
            .ends_with(".html")
            .then(|| std::fs::read_to_string(&file))
        {
            Some(Ok(html)) => html,
            _ => return Response::file(status, &file),
        };
        let faulty: Vec<String> = self
            .faults
            .lock()
            .expect("fault table")
            .keys()
            .cloned()
            .collect();
        let html = faulty
            .iter()
            .filter_map(|path| path.strip_prefix(self.site.prefix.as_str()))
            .fold(html, |html, content| {
                without_embedded(html, content.trim_start_matches('/'))
            });
        Response::new(status, content_type(&file), html.into_bytes())
    }
}

/// The file `rest` (a URL path below `dir`'s mount point) names, relative to `dir`, if it
/// exists: a folder means its `index.html`, `x` means `x.html` when there is no `x` (as static
/// hosts such as GitHub Pages do; only with `html_lookup`), and `..` never leaves `dir`.
fn file_in(dir: &Path, rest: &str, html_lookup: bool) -> Option<String> {
    let rest = rest.trim_start_matches('/');
    let relative = if rest.is_empty() || rest.ends_with('/') {
        format!("{rest}index.html")
    } else {
        rest.to_owned()
    };
    if relative.split('/').any(|part| part == "..") {
        return None;
    }
    let html = html_lookup.then(|| format!("{relative}.html"));
    std::iter::once(relative)
        .chain(html)
        .find(|candidate| dir.join(candidate).is_file())
}

/// `html` without the `<script type="application/json" data-content="…">` block that embeds the
/// content file `path` (relative to the build, e.g. `content/index.json`), if it has one.
fn without_embedded(mut html: String, path: &str) -> String {
    let marker = format!("<script type=\"application/json\" data-content=\"{path}\">");
    if let Some(start) = html.find(&marker) {
        if let Some(len) = html[start..].find("</script>") {
            html.replace_range(start..start + len + "</script>".len(), "");
        }
    }
    html
}
