//! A small static file server for the end-to-end tests, able to host `dist/` the three ways a
//! real static host does, and to misbehave on purpose.

use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use pathways_testkit::http::{read_request_path, Response};

/// How the host answers a path that has no file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hosting {
    /// Netlify-style SPA fallback: `index.html` with status 200 (for `.json` too).
    Fallback,
    /// GitHub-Pages-style: `404.html` with status 404.
    NotFoundPage,
}

/// A deliberate failure for one path.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answer with this status and a short plain-text body.
    Status(u16),
    /// Answer with the site's `index.html`, as a fallback host does.
    Html,
    /// Answer 200 `application/json` with this body.
    Body(String),
    /// Wait this long before answering normally. A client that hangs up meanwhile (an aborted
    /// fetch) ends the wait; [`Server::take_abandoned`] lists those paths.
    Stall(Duration),
    /// Answer 200 `application/json` with this body and no `Content-Length` (the end of the body
    /// is the end of the connection), so only the body's real length tells its size.
    Unsized(String),
}

pub struct Server {
    pub origin: String,
    faults: Arc<Mutex<HashMap<String, Fault>>>,
    abandoned: Arc<Mutex<Vec<String>>>,
}

struct Site {
    root: PathBuf,
    /// URL prefix the site is mounted under, e.g. `/pathways` (empty at the root).
    prefix: String,
    hosting: Hosting,
    faults: Arc<Mutex<HashMap<String, Fault>>>,
    abandoned: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Serves `root` under `prefix` on a free port of 127.0.0.1.
    pub fn start(root: &Path, prefix: &str, hosting: Hosting) -> std::io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let origin = format!("http://{}", listener.local_addr()?);
        let faults = Arc::new(Mutex::new(HashMap::new()));
        let abandoned = Arc::new(Mutex::new(Vec::new()));
        let site = Arc::new(Site {
            root: root.to_owned(),
            prefix: prefix.trim_end_matches('/').to_owned(),
            hosting,
            faults: faults.clone(),
            abandoned: abandoned.clone(),
        });
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let site = site.clone();
                thread::spawn(move || {
                    let _ = site.answer(stream);
                });
            }
        });
        Ok(Server {
            origin,
            faults,
            abandoned,
        })
    }

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

    pub fn clear_faults(&self) {
        self.faults.lock().expect("fault table").clear();
    }

    /// Paths of stalled requests whose client hung up before the answer, since the last call.
    pub fn take_abandoned(&self) -> Vec<String> {
        std::mem::take(&mut *self.abandoned.lock().expect("abandoned list"))
    }
}

impl Site {
    fn answer(&self, stream: TcpStream) -> std::io::Result<()> {
        let path = read_request_path(&stream)?;

        let fault = self.faults.lock().expect("fault table").get(&path).cloned();
        let response = match fault {
            Some(Fault::Status(status)) => {
                Response::new(status, "text/plain", b"injected failure".to_vec())
            }
            Some(Fault::Html) => self.file_response(200, "index.html"),
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
        response.write_to(stream)
    }

    fn serve(&self, path: &str) -> Response {
        let Some(rest) = path.strip_prefix(self.prefix.as_str()) else {
            return Response::new(404, "text/plain", b"outside the site".to_vec());
        };
        let rest = rest.trim_start_matches('/');
        let relative = if rest.is_empty() || rest.ends_with('/') {
            format!("{rest}index.html")
        } else {
            rest.to_owned()
        };
        let safe = !relative.split('/').any(|part| part == "..");
        // As static hosts do: `/articles/x` is answered with `articles/x.html` when it exists.
        for candidate in [relative.clone(), format!("{relative}.html")] {
            if safe && self.root.join(&candidate).is_file() {
                return self.file_response(200, &candidate);
            }
        }
        match self.hosting {
            Hosting::Fallback => self.file_response(200, "index.html"),
            Hosting::NotFoundPage => self.file_response(404, "404.html"),
        }
    }

    fn file_response(&self, status: u16, relative: &str) -> Response {
        let file = self.root.join(relative);
        if !relative.ends_with(".html") {
            return Response::file(status, &file);
        }
        // A prerendered page carries the content files its first view needs. A fault on one of
        // them also takes it out of the page, so the app must fetch it and meet the fault, as
        // it would on a page that does not carry it.
        let Ok(mut html) = std::fs::read_to_string(&file) else {
            return Response::file(status, &file);
        };
        let faulty: Vec<String> = self
            .faults
            .lock()
            .expect("fault table")
            .keys()
            .cloned()
            .collect();
        for path in faulty {
            let Some(rest) = path.strip_prefix(self.prefix.as_str()) else {
                continue;
            };
            let marker = format!(
                "<script type=\"application/json\" data-content=\"{}\">",
                rest.trim_start_matches('/')
            );
            if let Some(start) = html.find(&marker) {
                if let Some(len) = html[start..].find("</script>") {
                    html.replace_range(start..start + len + "</script>".len(), "");
                }
            }
        }
        Response::new(status, "text/html; charset=utf-8", html.into_bytes())
    }
}

/// Waits `delay`, checking every 50 ms whether the client closed the connection. Returns false
/// if it did (the request was aborted), true once the delay is over.
fn wait_unless_hung_up(stream: &TcpStream, delay: Duration) -> bool {
    let deadline = std::time::Instant::now() + delay;
    let _ = stream.set_nonblocking(true);
    let mut byte = [0u8; 1];
    let open = loop {
        match stream.peek(&mut byte) {
            Ok(0) => break false,
            Err(e) if e.kind() != std::io::ErrorKind::WouldBlock => break false,
            _ => {}
        }
        if std::time::Instant::now() >= deadline {
            break true;
        }
        thread::sleep(Duration::from_millis(50));
    };
    let _ = stream.set_nonblocking(false);
    open
}
