//! Every URL the app fetches and the one way it fetches them.
//!
//! URLs are relative (`content/index.json`), so the browser resolves them against the page's
//! `<base href>`: the same build works at the root of a host and under a sub-path.
//!
//! Every fetch is bounded: it is aborted after [`TIMEOUT`], a file over [`MAX_BYTES`] or nested
//! deeper than [`MAX_DEPTH`] is refused before it is parsed, and a request whose reactive owner
//! is cleaned up (see `store.rs`: a file no page needs any more) is aborted. Each refusal is an
//! [`ApiError`] whose `Display` is a sentence for readers.

use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use thiserror::Error;

use crate::model::{Versioned, SCHEMA_VERSION};

/// The largest content file the app reads. The biggest real file is a few tens of kilobytes; a
/// catalogue of 500 treatments (what `make bench` sorts) is about 1 MB, so 2 MiB leaves room
/// while still refusing a runaway file before it is parsed.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// The deepest nesting of arrays and objects a content file may have. The model itself needs 7
/// (an article: object, `blocks`, block, `items`, item, run, `refs`); the margin leaves room for
/// fields a newer content version may add. serde_json's own limit (128) stays as a backstop.
pub const MAX_DEPTH: usize = 32;

/// How long a fetch may take, body included, before it is aborted.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Why a content file could not be shown, as a sentence a reader understands.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiError {
    #[error(
        "Pathways could not reach the server. Check your internet connection, then try again."
    )]
    Network,
    #[error("The server took too long to answer. Check your internet connection, then try again.")]
    Timeout { path: String },
    /// The request was stopped because no page needs it any more; readers rarely see this.
    #[error("Loading was stopped before it finished. Please try again.")]
    Aborted { path: String },
    #[error("The page you asked for was not found ({path}). It may have been moved or renamed.")]
    NotFound { path: String },
    #[error(
        "The server had a problem sending {path} (HTTP {status}). Please try again in a moment."
    )]
    Server { path: String, status: u16 },
    #[error("The content file {path} is damaged and could not be read. Please try again later.")]
    Malformed { path: String, detail: String },
    #[error("The content file {path} is too large to be a Pathways file (over {} MB), so it was not read. Please try again later.", MAX_BYTES / (1024 * 1024))]
    TooLarge { path: String, bytes: u64 },
    #[error("This content was written for a newer version of Pathways. Reload the page to get the latest version.")]
    NewerSchema { path: String, found: u32 },
}

/// The part of an HTTP answer that decides how it is read.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    pub status: u16,
    pub content_type: Option<&'a str>,
    pub body: &'a str,
}

/// What can be decided from the status line and headers alone, before the body is downloaded:
/// the status, an HTML answer (static hosts with an SPA fallback answer missing files with
/// `index.html` and a 200, so it counts as "not found"), and a declared `Content-Length` over
/// [`MAX_BYTES`] (a compressed length is smaller than the text, which [`decode`] checks again).
pub fn check_head(
    path: &str,
    status: u16,
    content_type: Option<&str>,
    content_length: Option<&str>,
) -> Result<(), ApiError> {
    let path = || path.to_owned();
    match status {
        200..=299 => {}
        404 | 410 => return Err(ApiError::NotFound { path: path() }),
        status => {
            return Err(ApiError::Server {
                path: path(),
                status,
            })
        }
    }
    if content_type.is_some_and(|ct| {
        ct.trim_start()
            .to_ascii_lowercase()
            .starts_with("text/html")
    }) {
        return Err(ApiError::NotFound { path: path() });
    }
    match content_length.and_then(|n| n.trim().parse::<u64>().ok()) {
        Some(bytes) if bytes > MAX_BYTES as u64 => Err(ApiError::TooLarge {
            path: path(),
            bytes,
        }),
        _ => Ok(()),
    }
}

/// The deepest nesting of arrays and objects in `json`, counting brackets outside strings only.
/// Stops counting past `limit`, so a hostile file costs one pass at most.
pub fn nesting_depth(json: &str, limit: usize) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for byte in json.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
                if deepest > limit {
                    break;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Turns an HTTP answer for the JSON file at `path` into a typed value or a readable error.
///
/// Everything [`check_head`] checks comes first, then the body: HTML counts as "not found",
/// then its size and nesting are checked before anything is parsed. Never panics.
pub fn decode<T: DeserializeOwned + Versioned>(
    path: &str,
    answer: Answer<'_>,
) -> Result<T, ApiError> {
    check_body(path, &answer)?;
    parse(path, answer.body)
}

/// Parses a body that passed every check into a typed value, or a readable error: a newer
/// `schema` than this build knows is named as such.
pub fn parse<T: DeserializeOwned + Versioned>(path: &str, body: &str) -> Result<T, ApiError> {
    match serde_json::from_str::<T>(body) {
        Ok(value) if value.schema() > SCHEMA_VERSION => Err(ApiError::NewerSchema {
            path: path.to_owned(),
            found: value.schema(),
        }),
        Ok(value) => Ok(value),
        Err(err) => Err(unreadable(path, body, err)),
    }
}

// The checks and the error below are not generic, so the wasm bundle holds them once rather
// than once per content type.

fn check_body(path: &str, answer: &Answer<'_>) -> Result<(), ApiError> {
    check_head(path, answer.status, answer.content_type, None)?;
    let path = path.to_owned();
    if answer.body.trim_start().starts_with('<') {
        return Err(ApiError::NotFound { path });
    }
    if answer.body.len() > MAX_BYTES {
        return Err(ApiError::TooLarge {
            path,
            bytes: answer.body.len() as u64,
        });
    }
    if nesting_depth(answer.body, MAX_DEPTH) > MAX_DEPTH {
        return Err(ApiError::Malformed {
            path,
            detail: format!("nested deeper than {MAX_DEPTH} levels"),
        });
    }
    Ok(())
}

/// A body that did not parse: a newer schema may have changed the shape itself, so say so
/// rather than "damaged" when the `schema` number is readable.
fn unreadable(path: &str, body: &str, err: serde_json::Error) -> ApiError {
    #[derive(Deserialize)]
    struct SchemaOnly {
        schema: u32,
    }
    let path = path.to_owned();
    match serde_json::from_str::<SchemaOnly>(body) {
        Ok(SchemaOnly { schema }) if schema > SCHEMA_VERSION => ApiError::NewerSchema {
            path,
            found: schema,
        },
        _ => ApiError::Malformed {
            path,
            detail: err.to_string(),
        },
    }
}

/// An answer as it came over the network.
struct Fetched {
    status: u16,
    content_type: Option<String>,
    body: String,
}

/// Aborts the request when dropped, and stops its timer. Aborting a finished request does
/// nothing; aborting one whose body is still arriving (an early refusal) stops the download.
#[cfg(target_arch = "wasm32")]
struct InFlight {
    controller: web_sys::AbortController,
    timer: Option<leptos::prelude::TimeoutHandle>,
}

#[cfg(target_arch = "wasm32")]
impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        self.controller.abort();
    }
}

/// Fetches one content file, within [`TIMEOUT`]; refuses what [`check_head`] refuses before
/// the body is downloaded.
///
/// The request is aborted when the reactive owner that polls this future is cleaned up: a
/// `LocalResource` polls its fetch under its own owner, which the store cleans up when it drops
/// a file that is still loading and that no page uses any more (the reader navigated away).
#[cfg(target_arch = "wasm32")]
async fn fetch(path: &str) -> Result<Fetched, ApiError> {
    use std::cell::Cell;
    use std::rc::Rc;

    use leptos::prelude::*;

    let controller = web_sys::AbortController::new().map_err(|_| ApiError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = set_timeout_with_handle(
        {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            move || {
                timed_out.set(true);
                controller.abort();
            }
        },
        TIMEOUT,
    )
    .ok();
    let _in_flight = InFlight {
        controller: controller.clone(),
        timer,
    };
    // `on_cleanup` needs `Send`: keep the controller in the owner's arena and hand it a key.
    let stored = StoredValue::new_local(controller.clone());
    on_cleanup(move || {
        stored.try_with_value(|c| c.abort());
    });

    let signal = controller.signal();
    let failed = || {
        let path = path.to_owned();
        if timed_out.get() {
            ApiError::Timeout { path }
        } else if signal.aborted() {
            ApiError::Aborted { path }
        } else {
            ApiError::Network
        }
    };
    let response = browser_fetch(path, &signal).await.map_err(|_| failed())?;
    let headers = response.headers();
    let content_type = headers.get("content-type").ok().flatten();
    let status = response.status();
    check_head(
        path,
        status,
        content_type.as_deref(),
        headers.get("content-length").ok().flatten().as_deref(),
    )?;
    let body = body_text(&response).await.map_err(|_| failed())?;
    Ok(Fetched {
        status,
        content_type,
        body,
    })
}

/// The browser's `fetch`, straight through web-sys (a wrapper crate cost more wasm than these
/// lines). `Err` is whatever the browser rejected with; the caller says why in words.
#[cfg(target_arch = "wasm32")]
async fn browser_fetch(
    path: &str,
    signal: &web_sys::AbortSignal,
) -> Result<web_sys::Response, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;

    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_signal(Some(signal));
    let window = web_sys::window().ok_or(wasm_bindgen::JsValue::NULL)?;
    let answer =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(path, &init)).await?;
    answer.dyn_into()
}

#[cfg(target_arch = "wasm32")]
async fn body_text(response: &web_sys::Response) -> Result<String, wasm_bindgen::JsValue> {
    let text = wasm_bindgen_futures::JsFuture::from(response.text()?).await?;
    text.as_string().ok_or(wasm_bindgen::JsValue::NULL)
}

// Native builds (tests, the content tool) never fetch; the signature stays the same so the
// crate type-checks everywhere.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch(_path: &str) -> Result<Fetched, ApiError> {
    Err(ApiError::Network)
}

/// The text of the content file at `path`, after every check of [`decode`] but the parse: the
/// one fetch path of the app, shared by every content type.
pub async fn fetch_text(path: &str) -> Result<String, ApiError> {
    let fetched = fetch(path).await?;
    check_body(
        path,
        &Answer {
            status: fetched.status,
            content_type: fetched.content_type.as_deref(),
            body: &fetched.body,
        },
    )?;
    Ok(fetched.body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ContentIndex};

    fn answer(
        status: u16,
        content_type: Option<&'static str>,
        body: &'static str,
    ) -> Answer<'static> {
        Answer {
            status,
            content_type,
            body,
        }
    }

    const INDEX: &str = r#"{"schema":1,"articles":[]}"#;

    #[test]
    fn ok_json_is_parsed() {
        let index: ContentIndex = decode(
            "content/index.json",
            answer(200, Some("application/json"), INDEX),
        )
        .unwrap();
        assert!(index.articles.is_empty());
    }

    #[test]
    fn status_is_checked_before_parsing() {
        let err = decode::<ContentIndex>(
            "content/index.json",
            answer(500, Some("application/json"), INDEX),
        )
        .unwrap_err();
        assert_eq!(
            err,
            ApiError::Server {
                path: "content/index.json".into(),
                status: 500
            }
        );
        let err = decode::<ContentIndex>("content/index.json", answer(404, None, "")).unwrap_err();
        assert!(matches!(err, ApiError::NotFound { .. }));
    }

    #[test]
    fn html_fallback_reads_as_not_found() {
        let err = decode::<ContentIndex>(
            "content/x.json",
            answer(200, Some("text/html; charset=utf-8"), "<!DOCTYPE html>"),
        )
        .unwrap_err();
        assert!(matches!(err, ApiError::NotFound { .. }));
        // Some hosts send no content type at all.
        let err =
            decode::<ContentIndex>("content/x.json", answer(200, None, "  <html>")).unwrap_err();
        assert!(matches!(err, ApiError::NotFound { .. }));
    }

    #[test]
    fn malformed_and_truncated_json() {
        let err = decode::<ContentIndex>(
            "content/index.json",
            answer(200, None, r#"{"schema":1,"arti"#),
        )
        .unwrap_err();
        assert!(matches!(err, ApiError::Malformed { .. }));
        assert!(err.to_string().contains("damaged"));
    }

    #[test]
    fn newer_schema_is_named_even_when_shape_changed() {
        let newer = SCHEMA_VERSION + 1;
        let body = format!(r#"{{"schema":{newer},"articles":[]}}"#);
        let newer_answer = Answer {
            status: 200,
            content_type: None,
            body: &body,
        };
        let err = decode::<ContentIndex>("content/index.json", newer_answer).unwrap_err();
        assert!(matches!(err, ApiError::NewerSchema { found, .. } if found == newer));
        let err = decode::<ContentIndex>(
            "content/index.json",
            answer(200, None, r#"{"schema":7,"items":{}}"#),
        )
        .unwrap_err();
        assert!(matches!(err, ApiError::NewerSchema { found: 7, .. }));
    }

    #[test]
    fn oversized_files_are_refused_before_parsing() {
        // Valid JSON, padded past the limit: refused by size, not parsed.
        let big = format!(r#"{{"schema":1,"articles":[]{}}}"#, " ".repeat(MAX_BYTES));
        let err = decode::<ContentIndex>(
            "content/index.json",
            Answer {
                status: 200,
                content_type: Some("application/json"),
                body: &big,
            },
        )
        .unwrap_err();
        assert!(matches!(err, ApiError::TooLarge { .. }), "{err:?}");
        assert!(err.to_string().contains("too large"));
        // Exactly at the limit is fine.
        let at_limit = format!(
            r#"{{"schema":1,"articles":[]}}{}"#,
            " ".repeat(MAX_BYTES - INDEX.len())
        );
        assert_eq!(at_limit.len(), MAX_BYTES);
        assert!(decode::<ContentIndex>(
            "content/index.json",
            Answer {
                status: 200,
                content_type: None,
                body: &at_limit,
            }
        )
        .is_ok());
    }

    #[test]
    fn declared_length_is_checked_before_the_body_is_read() {
        let over = (MAX_BYTES + 1).to_string();
        let err = check_head("content/glossary.json", 200, None, Some(&over)).unwrap_err();
        assert_eq!(
            err,
            ApiError::TooLarge {
                path: "content/glossary.json".into(),
                bytes: MAX_BYTES as u64 + 1
            }
        );
        let at = MAX_BYTES.to_string();
        assert!(check_head("x.json", 200, None, Some(&at)).is_ok());
        // A missing or nonsensical length leaves the decision to the body's real length.
        for odd in [
            None,
            Some(""),
            Some("-1"),
            Some("lots"),
            Some("99999999999999999999999"),
        ] {
            assert!(check_head("x.json", 200, None, odd).is_ok(), "{odd:?}");
        }
        // Status and HTML come first, whatever the length.
        assert!(matches!(
            check_head("x.json", 500, None, Some(&over)),
            Err(ApiError::Server { status: 500, .. })
        ));
        assert!(matches!(
            check_head("x.json", 200, Some(" TEXT/HTML"), None),
            Err(ApiError::NotFound { .. })
        ));
    }

    #[test]
    fn nesting_depth_counts_brackets_outside_strings() {
        assert_eq!(nesting_depth("", MAX_DEPTH), 0);
        assert_eq!(nesting_depth(r#"{"a":[1,{"b":[]}]}"#, MAX_DEPTH), 4);
        assert_eq!(nesting_depth(r#"{"a":"[[[{{{"}"#, MAX_DEPTH), 1);
        assert_eq!(nesting_depth(r#"{"a":"\"[[[\\"}"#, MAX_DEPTH), 1);
        assert_eq!(nesting_depth("]]]}}}[", MAX_DEPTH), 1);
        // It stops counting just past the limit.
        assert_eq!(nesting_depth(&"[".repeat(100_000), 5), 6);
    }

    #[test]
    fn too_deep_nesting_is_refused_readably() {
        for depth in [MAX_DEPTH + 1, 127, 128, 129, 100_000] {
            let body = format!(
                r#"{{"schema":1,"articles":[],"extra":{}{}}}"#,
                "[".repeat(depth),
                "]".repeat(depth)
            );
            let err = decode::<ContentIndex>(
                "content/index.json",
                Answer {
                    status: 200,
                    content_type: None,
                    body: &body,
                },
            )
            .unwrap_err();
            assert!(
                matches!(err, ApiError::Malformed { .. }),
                "{depth}: {err:?}"
            );
            assert!(err.to_string().contains("is damaged"), "{depth}");
        }
        // Unclosed, as a truncated hostile file would be.
        let body = format!(r#"{{"schema":1,"articles":{}"#, "{\"a\":".repeat(50_000));
        assert!(matches!(
            decode::<Article>(
                "content/articles/x.json",
                Answer {
                    status: 200,
                    content_type: None,
                    body: &body,
                }
            ),
            Err(ApiError::Malformed { .. })
        ));
    }

    #[test]
    fn real_content_fits_every_limit() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/content");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .chain(std::fs::read_dir(dir.join("articles")).unwrap())
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        assert!(files.len() > 5);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(
                text.len() <= MAX_BYTES / 4,
                "{} is close to the limit",
                file.display()
            );
            assert!(nesting_depth(&text, MAX_DEPTH) <= 8, "{}", file.display());
        }
    }

    #[test]
    fn every_error_reads_as_a_sentence() {
        let path = || "content/glossary.json".to_string();
        let errors = [
            ApiError::Network,
            ApiError::Timeout { path: path() },
            ApiError::Aborted { path: path() },
            ApiError::NotFound { path: path() },
            ApiError::Server {
                path: path(),
                status: 502,
            },
            ApiError::Malformed {
                path: path(),
                detail: "x".into(),
            },
            ApiError::TooLarge {
                path: path(),
                bytes: 1 << 20,
            },
            ApiError::NewerSchema {
                path: path(),
                found: 9,
            },
        ];
        for err in errors {
            let text = err.to_string();
            assert!(
                text.starts_with(char::is_uppercase) && text.ends_with('.'),
                "{text}"
            );
            assert!(!text.contains('{') && !text.contains("Error"), "{text}");
        }
        assert!(ApiError::Timeout { path: path() }
            .to_string()
            .starts_with("The server took too long to answer."));
    }

    #[test]
    fn unknown_fields_are_tolerated_at_run_time() {
        let index: ContentIndex = decode(
            "content/index.json",
            answer(200, None, r#"{"schema":1,"articles":[],"extra":true}"#),
        )
        .unwrap();
        assert!(index.articles.is_empty());
    }
}
