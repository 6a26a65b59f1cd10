//! A small static file server for the bench, adapted from `tests/e2e/server.rs`: it hosts a
//! release build at the root with an SPA fallback (unknown paths get `index.html`), plus the
//! pages the bench generates under `/__bench/`. Every answer carries `Cache-Control: no-store`,
//! so each navigation downloads everything again: every measured load is a cold load.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;

use pathways_testkit::http::{read_request_path, Response};

/// The URL prefix of the generated pages.
pub const BENCH_PREFIX: &str = "/__bench/";

pub struct Server {
    pub origin: String,
}

struct Site {
    /// The build (`dist/` or a copy of it), served at `/`.
    root: PathBuf,
    /// The generated pages, served under [`BENCH_PREFIX`].
    pages: PathBuf,
}

impl Server {
    /// Serves `root` at `/` and `pages` under `/__bench/` on a free port of 127.0.0.1.
    pub fn start(root: &Path, pages: &Path) -> std::io::Result<Server> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let origin = format!("http://{}", listener.local_addr()?);
        let site = Arc::new(Site {
            root: root.to_owned(),
            pages: pages.to_owned(),
        });
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let site = site.clone();
                thread::spawn(move || {
                    let _ = site.answer(stream);
                });
            }
        });
        Ok(Server { origin })
    }

    /// The full URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.origin, path)
    }
}

impl Site {
    fn answer(&self, stream: TcpStream) -> std::io::Result<()> {
        let path = read_request_path(&stream)?;
        self.serve(&path).write_to(stream)
    }

    fn serve(&self, path: &str) -> Response {
        let (dir, rest) = match path.strip_prefix(BENCH_PREFIX) {
            Some(rest) => (&self.pages, rest),
            None => (&self.root, path.trim_start_matches('/')),
        };
        let relative = if rest.is_empty() || rest.ends_with('/') {
            format!("{rest}index.html")
        } else {
            rest.to_owned()
        };
        let safe = !relative.split('/').any(|part| part == "..");
        let file = dir.join(&relative);
        if safe && file.is_file() {
            return file_response(&file);
        }
        if dir == &self.pages {
            return Response::new(404, "text/plain", b"no such bench page".to_vec());
        }
        file_response(&self.root.join("index.html"))
    }
}

fn file_response(file: &Path) -> Response {
    Response::file(200, file)
}
