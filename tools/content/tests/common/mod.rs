//! Shared helpers for the compiler's tests: fixture paths and content sets.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use pathways_content::{SourceFile, Sources};

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn fixtures() -> PathBuf {
    workspace().join("tests/fixtures/authoring")
}

/// Files in `dir` ending in `ext`, sorted by name.
pub fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    v
}

pub fn stem(p: &Path) -> String {
    p.file_stem().expect("stem").to_string_lossy().into_owned()
}

/// An article source as the CLI would show it: `content/articles/<name>.md`.
pub fn article(p: &Path) -> SourceFile {
    let name = p.file_name().expect("name").to_string_lossy();
    SourceFile {
        path: format!("content/articles/{name}"),
        text: fs::read_to_string(p).expect("read"),
    }
}

/// The fixture catalogue and the `ok/` articles.
pub fn ok_set() -> Sources {
    let mut s = Sources::default();
    for p in files(&fixtures().join("catalog"), "json") {
        let name = p.file_name().expect("name").to_string_lossy().into_owned();
        let text = fs::read_to_string(&p).expect("read");
        s.data.insert(
            name.clone(),
            SourceFile {
                path: format!("content/{name}"),
                text,
            },
        );
    }
    s.articles = files(&fixtures().join("ok"), "md")
        .iter()
        .map(|p| article(p))
        .collect();
    s
}

/// Compares `got` with the file `expected`, or rewrites it when UPDATE_GOLDEN is set.
pub fn golden(expected: &Path, got: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(expected, got).expect("write golden file");
        return;
    }
    let want = fs::read_to_string(expected).unwrap_or_else(|_| {
        panic!(
            "{} is missing (UPDATE_GOLDEN=1 writes it)",
            expected.display()
        )
    });
    assert_eq!(got, want, "{} differs", expected.display());
}
