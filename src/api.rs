//! Every URL the app fetches and the one way it fetches them.
//!
//! URLs are relative (`content/index.json`), so the browser resolves them against the page's
//! `<base href>`: the same build works at the root of a host and under a sub-path.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use thiserror::Error;

use crate::model::{
    Article, Attributes, ContentIndex, Glossary, References, Treatments, Versioned, SCHEMA_VERSION,
};

/// Why a content file could not be shown, as a sentence a reader understands.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiError {
    #[error(
        "Pathways could not reach the server. Check your internet connection, then try again."
    )]
    Network,
    #[error("The page you asked for was not found ({path}). It may have been moved or renamed.")]
    NotFound { path: String },
    #[error(
        "The server had a problem sending {path} (HTTP {status}). Please try again in a moment."
    )]
    Server { path: String, status: u16 },
    #[error("The content file {path} is damaged and could not be read. Please try again later.")]
    Malformed { path: String, detail: String },
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

/// Turns an HTTP answer for the JSON file at `path` into a typed value or a readable error.
///
/// The status is checked before anything is parsed, and an HTML answer to a `.json` request
/// counts as "not found": static hosts with an SPA fallback answer missing files with
/// `index.html` and a 200.
pub fn decode<T: DeserializeOwned + Versioned>(
    path: &str,
    answer: Answer<'_>,
) -> Result<T, ApiError> {
    let path = path.to_owned();
    match answer.status {
        200..=299 => {}
        404 | 410 => return Err(ApiError::NotFound { path }),
        status => return Err(ApiError::Server { path, status }),
    }
    let is_html = answer
        .content_type
        .is_some_and(|ct| ct.to_ascii_lowercase().starts_with("text/html"))
        || answer.body.trim_start().starts_with('<');
    if is_html {
        return Err(ApiError::NotFound { path });
    }
    match serde_json::from_str::<T>(answer.body) {
        Ok(value) if value.schema() > SCHEMA_VERSION => Err(ApiError::NewerSchema {
            path,
            found: value.schema(),
        }),
        Ok(value) => Ok(value),
        Err(err) => {
            // A newer schema may have changed the shape itself: say so rather than "damaged".
            #[derive(Deserialize)]
            struct SchemaOnly {
                schema: u32,
            }
            match serde_json::from_str::<SchemaOnly>(answer.body) {
                Ok(SchemaOnly { schema }) if schema > SCHEMA_VERSION => {
                    Err(ApiError::NewerSchema {
                        path,
                        found: schema,
                    })
                }
                _ => Err(ApiError::Malformed {
                    path,
                    detail: err.to_string(),
                }),
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
async fn get<T: DeserializeOwned + Versioned>(path: &str) -> Result<T, ApiError> {
    let response = gloo_net::http::Request::get(path)
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    let content_type = response.headers().get("content-type");
    let status = response.status();
    let body = response.text().await.map_err(|_| ApiError::Network)?;
    decode(
        path,
        Answer {
            status,
            content_type: content_type.as_deref(),
            body: &body,
        },
    )
}

// Native builds (tests, the content tool) never fetch; the signature stays the same so the
// crate type-checks everywhere.
#[cfg(not(target_arch = "wasm32"))]
async fn get<T: DeserializeOwned + Versioned>(_path: &str) -> Result<T, ApiError> {
    Err(ApiError::Network)
}

pub async fn fetch_index() -> Result<ContentIndex, ApiError> {
    get("content/index.json").await
}

pub async fn fetch_article(slug: &str) -> Result<Article, ApiError> {
    get(&format!("content/articles/{slug}.json")).await
}

pub async fn fetch_treatments() -> Result<Treatments, ApiError> {
    get("content/treatments.json").await
}

pub async fn fetch_attributes() -> Result<Attributes, ApiError> {
    get("content/attributes.json").await
}

pub async fn fetch_glossary() -> Result<Glossary, ApiError> {
    get("content/glossary.json").await
}

pub async fn fetch_references() -> Result<References, ApiError> {
    get("content/references.json").await
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let err = decode::<ContentIndex>(
            "content/index.json",
            answer(200, None, r#"{"schema":2,"articles":[]}"#),
        )
        .unwrap_err();
        assert!(matches!(err, ApiError::NewerSchema { found: 2, .. }));
        let err = decode::<ContentIndex>(
            "content/index.json",
            answer(200, None, r#"{"schema":7,"items":{}}"#),
        )
        .unwrap_err();
        assert!(matches!(err, ApiError::NewerSchema { found: 7, .. }));
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
