//! What "Save for offline" saves and what it tells the reader: pure, tested natively.
//!
//! Paths are relative to the site's base (`articles/x`, `content/index.json`; `""` is the home
//! page), exactly as the service worker (`public/sw.js`) resolves them against its scope.

use crate::model::{
    Article, Attributes, ContentFile, ContentIndex, Glossary, References, Treatments,
};

/// What a reader asked to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every article, with the pages around them (home, treatments, comparison, glossary).
    Everything,
    /// One article: its page and the files it reads.
    Article(String),
}

impl Scope {
    /// A short name for the scope: `*` for everything, else the article's slug.
    pub fn key(&self) -> String {
        match self {
            Scope::Everything => "*".into(),
            Scope::Article(slug) => slug.clone(),
        }
    }
}

/// The content files every article page may read besides its own.
fn shared_files() -> [String; 5] {
    [
        ContentIndex::PATH,
        Glossary::PATH,
        References::PATH,
        Treatments::PATH,
        Attributes::PATH,
    ]
    .map(|path| format!("content/{path}"))
}

fn article_files(slug: &str) -> [String; 2] {
    [
        format!("articles/{slug}"),
        format!("content/{}", Article::path(slug)),
    ]
}

/// Every path `scope` needs, each once, pages before the files they read. An article that the
/// index does not list saves nothing of its own.
pub fn paths(index: &ContentIndex, scope: &Scope) -> Vec<String> {
    let mut wanted: Vec<String> = Vec::new();
    match scope {
        Scope::Article(slug) => {
            if index.get(slug).is_some() {
                wanted.extend(article_files(slug));
            }
        }
        Scope::Everything => {
            wanted.extend(["", "treatments", "compare", "glossary", "about"].map(String::from));
            for article in &index.articles {
                wanted.extend(article_files(&article.slug));
            }
            let mut treatments: Vec<&String> =
                index.articles.iter().flat_map(|a| &a.treatments).collect();
            treatments.sort();
            wanted.extend(treatments.into_iter().map(|id| format!("treatments/{id}")));
        }
    }
    if !wanted.is_empty() {
        wanted.extend(shared_files());
    }
    let mut out: Vec<String> = Vec::with_capacity(wanted.len());
    for path in wanted {
        if !out.contains(&path) {
            out.push(path);
        }
    }
    out
}

/// Bytes as a reader reads them: `850 bytes`, `12 KB`, `1.4 MB` (1 KB = 1000 bytes, as
/// browsers' storage settings count).
pub fn format_bytes(bytes: u64) -> String {
    const KB: u64 = 1000;
    const MB: u64 = KB * KB;
    // Printed as `u32`s: the app prints no other 64-bit number, and a second integer printer
    // would cost bytes in the wasm.
    let small = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    match bytes {
        0..KB => format!("{} bytes", small(bytes)),
        KB..MB => format!("{} KB", small((bytes + KB / 2) / KB)),
        _ => {
            let tenths = (bytes + MB / 20) / (MB / 10);
            format!("{}.{} MB", small(tenths / 10), small(tenths % 10))
        }
    }
}

/// Why saving stopped. Each is a sentence with what to do ([`SaveError::sentence`]), kept as
/// plain text rather than formatted, which keeps the wasm small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    Unavailable,
    Offline,
    StorageFull,
    /// The host did not send a file (a missing file, a server error).
    Missing,
    Outdated,
    Failed,
}

impl SaveError {
    /// The error the service worker names (see `save` in `public/sw.js`).
    pub fn from_worker(code: &str) -> SaveError {
        match code {
            "offline" => SaveError::Offline,
            "full" => SaveError::StorageFull,
            "outdated" => SaveError::Outdated,
            "missing" => SaveError::Missing,
            _ => SaveError::Failed,
        }
    }

    pub fn sentence(self) -> &'static str {
        match self {
            SaveError::Unavailable => {
                "Saving for offline does not work in this browser, or it is turned off on this site."
            }
            SaveError::Offline => {
                "You are offline, so nothing more could be saved. Connect to the internet, then try again."
            }
            SaveError::StorageFull => {
                "Your device's storage is full, so nothing more could be saved. Free some space, then try again."
            }
            SaveError::Missing => {
                "The site did not send a file that is needed, so not everything was saved. Try again later."
            }
            SaveError::Outdated => "A new version of Pathways is ready. Reload the page, then save again.",
            SaveError::Failed => "Something went wrong while saving. Try again.",
        }
    }
}

/// Where a save stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveState {
    #[default]
    Idle,
    Saving {
        done: u32,
        total: u32,
    },
    /// Every file is saved; `usage` is the site's storage in bytes, if the browser says.
    Saved {
        total: u32,
        usage: Option<u64>,
    },
    Failed(SaveError),
}

impl SaveState {
    /// What the progress line says.
    pub fn text(&self) -> String {
        match self {
            SaveState::Idle => String::new(),
            SaveState::Failed(error) => format!("Could not save for offline. {}", error.sentence()),
            SaveState::Saving { done, total } => format!("Saving… {done} of {total} files"),
            SaveState::Saved { total, usage } => {
                let files = if *total == 1 { "file" } else { "files" };
                match usage {
                    Some(bytes) => format!(
                        "Saved for offline: {total} {files}. Pathways uses {} on this device.",
                        format_bytes(*bytes)
                    ),
                    None => format!("Saved for offline: {total} {files}."),
                }
            }
        }
    }

    pub fn busy(&self) -> bool {
        matches!(self, SaveState::Saving { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> ContentIndex {
        let article = |slug: &str, treatments: &[&str]| {
            serde_json::json!({
                "slug": slug, "title": slug, "summary": "s", "reading_minutes": 3,
                "last_reviewed": "2025-01-01", "review_due": "2026-01-01",
                "treatments": treatments,
            })
        };
        serde_json::from_value(serde_json::json!({
            "schema": 2,
            "articles": [article("a", &["opioids", "nsaids"]), article("b", &["nsaids"])],
        }))
        .unwrap()
    }

    #[test]
    fn one_article_is_its_page_its_file_and_the_shared_files() {
        assert_eq!(
            paths(&index(), &Scope::Article("b".into())),
            [
                "articles/b",
                "content/articles/b.json",
                "content/index.json",
                "content/glossary.json",
                "content/references.json",
                "content/treatments.json",
                "content/attributes.json",
            ]
        );
        assert!(paths(&index(), &Scope::Article("nope".into())).is_empty());
    }

    #[test]
    fn everything_is_every_page_once_then_the_shared_files() {
        let all = paths(&index(), &Scope::Everything);
        assert_eq!(
            all[..11],
            [
                "",
                "treatments",
                "compare",
                "glossary",
                "about",
                "articles/a",
                "content/articles/a.json",
                "articles/b",
                "content/articles/b.json",
                "treatments/nsaids",
                "treatments/opioids",
            ]
        );
        assert_eq!(all.len(), 16);
        let mut unique = all.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), all.len());
    }

    #[test]
    fn scopes_have_distinct_keys() {
        assert_eq!(Scope::Everything.key(), "*");
        assert_eq!(Scope::Article("a".into()).key(), "a");
    }

    #[test]
    fn bytes_read_as_people_count_them() {
        assert_eq!(format_bytes(0), "0 bytes");
        assert_eq!(format_bytes(999), "999 bytes");
        assert_eq!(format_bytes(1000), "1 KB");
        assert_eq!(format_bytes(12_499), "12 KB");
        assert_eq!(format_bytes(999_499), "999 KB");
        assert_eq!(format_bytes(1_000_000), "1.0 MB");
        assert_eq!(format_bytes(1_449_999), "1.4 MB");
        assert_eq!(format_bytes(1_450_000), "1.5 MB");
        assert_eq!(format_bytes(4_294_967_295_000_000), "4294967295.0 MB");
    }

    #[test]
    fn progress_and_results_are_sentences() {
        assert_eq!(SaveState::Idle.text(), "");
        assert_eq!(
            SaveState::Saving {
                done: 12,
                total: 20
            }
            .text(),
            "Saving… 12 of 20 files"
        );
        assert_eq!(
            SaveState::Saved {
                total: 20,
                usage: Some(2_345_678)
            }
            .text(),
            "Saved for offline: 20 files. Pathways uses 2.3 MB on this device."
        );
        assert_eq!(
            SaveState::Saved {
                total: 1,
                usage: None
            }
            .text(),
            "Saved for offline: 1 file."
        );
        assert_eq!(
            SaveState::Failed(SaveError::Offline).text(),
            "Could not save for offline. You are offline, so nothing more could be saved. \
             Connect to the internet, then try again."
        );
        assert!(SaveState::Saving { done: 0, total: 1 }.busy());
        assert!(!SaveState::Failed(SaveError::Offline).busy());
    }

    #[test]
    fn worker_errors_become_sentences() {
        assert_eq!(SaveError::from_worker("offline"), SaveError::Offline);
        assert_eq!(SaveError::from_worker("full"), SaveError::StorageFull);
        assert_eq!(SaveError::from_worker("outdated"), SaveError::Outdated);
        assert_eq!(SaveError::from_worker("missing"), SaveError::Missing);
        assert_eq!(SaveError::from_worker("??"), SaveError::Failed);
        assert!(SaveError::StorageFull
            .sentence()
            .contains("storage is full"));
        assert!(SaveError::Unavailable
            .sentence()
            .ends_with("turned off on this site."));
        // Every error the reader can do something about says what: try again.
        for error in [
            SaveError::Offline,
            SaveError::StorageFull,
            SaveError::Missing,
            SaveError::Outdated,
            SaveError::Failed,
        ] {
            let sentence = error.sentence();
            assert!(sentence.ends_with('.'), "{sentence}");
            assert!(
                sentence.contains("again"),
                "every error says what to do: {sentence}"
            );
        }
    }
}
