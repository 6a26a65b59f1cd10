//! The bare HTTP/1.1 of the local test servers: read a request's path, write a whole response.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;

/// Reads the request line and headers; returns the path without query or fragment.
pub fn read_request_path(stream: &TcpStream) -> std::io::Result<String> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    Ok(target.split(['?', '#']).next().unwrap_or("/").to_owned())
}

/// The `Content-Type` of a file the app ships, by extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

/// A whole answer. Every answer says `Cache-Control: no-store` (each load is a cold load) and
/// closes the connection.
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// `false` leaves out `Content-Length`: the end of the connection ends the body.
    pub sized: bool,
}

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Response {
        Response {
            status,
            content_type,
            body,
            sized: true,
        }
    }

    /// A file's bytes with its content type, or a plain 404 when it cannot be read.
    pub fn file(status: u16, file: &Path) -> Response {
        match std::fs::read(file) {
            Ok(body) => Response::new(status, content_type(file), body),
            Err(_) => Response::new(404, "text/plain", b"missing".to_vec()),
        }
    }

    /// Writes the answer; returns how many bytes were written (head and body). The connection
    /// closes when the caller drops `stream`.
    pub fn write_to(self, stream: &mut TcpStream) -> std::io::Result<u64> {
        let length = if self.sized {
            format!("Content-Length: {}\r\n", self.body.len())
        } else {
            String::new()
        };
        let head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\n{length}Cache-Control: no-store\r\nConnection: close\r\n\r\n",
            self.status,
            reason(self.status),
            self.content_type,
        );
        stream.write_all(head.as_bytes())?;
        stream.write_all(&self.body)?;
        stream.flush()?;
        Ok((head.len() + self.body.len()) as u64)
    }
}
