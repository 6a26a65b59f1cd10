//! The failures the test server produces on purpose, for one path at a time.

use std::net::TcpStream;
use std::thread;
use std::time::{Duration, Instant};

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
    /// fetch) ends the wait; [`crate::server::Server::take_abandoned`] lists those paths.
    Stall(Duration),
    /// Answer 200 `application/json` with this body and no `Content-Length` (the end of the body
    /// is the end of the connection), so only the body's real length tells its size.
    Unsized(String),
}

/// Waits `delay`, checking every 50 ms whether the client closed the connection. Returns false
/// if it did (the request was aborted), true once the delay is over.
pub(crate) fn wait_unless_hung_up(stream: &TcpStream, delay: Duration) -> bool {
    let deadline = Instant::now() + delay;
    let _ = stream.set_nonblocking(true);
    let mut byte = [0u8; 1];
    let open = loop {
        match stream.peek(&mut byte) {
            Ok(0) => break false,
            Err(e) if e.kind() != std::io::ErrorKind::WouldBlock => break false,
            _ => {}
        }
        if Instant::now() >= deadline {
            break true;
        }
        thread::sleep(Duration::from_millis(50));
    };
    let _ = stream.set_nonblocking(false);
    open
}
