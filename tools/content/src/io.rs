//! The filesystem side: reading `content/`, writing `public/content/`, finding stale files.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::compile::{Output, SourceFile, Sources};
use crate::diagnostics::Diagnostic;
use crate::validate::DATA_FILES;

pub const SOURCE_DIR: &str = "content";
pub const OUTPUT_DIR: &str = "public/content";

/// Reads `content/articles/*.md` (sorted) and the catalogue files that exist. Unreadable files
/// are diagnostics, not failures.
pub fn load(root: &Path) -> (Sources, Vec<Diagnostic>) {
    let mut sources = Sources::default();
    let mut diags = Vec::new();
    let dir = root.join(SOURCE_DIR).join("articles");
    let mut paths: Vec<PathBuf> = match fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect(),
        Err(e) => {
            diags.push(Diagnostic::file(
                "content/articles",
                format!("cannot read the directory: {e}"),
            ));
            Vec::new()
        }
    };
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let shown = format!("{SOURCE_DIR}/articles/{name}");
        match fs::read_to_string(&p) {
            Ok(text) => sources.articles.push(SourceFile { path: shown, text }),
            Err(e) => diags.push(Diagnostic::file(&shown, format!("cannot read: {e}"))),
        }
    }
    for name in DATA_FILES {
        let p = root.join(SOURCE_DIR).join(name);
        let shown = format!("{SOURCE_DIR}/{name}");
        match fs::read_to_string(&p) {
            Ok(text) => drop(
                sources
                    .data
                    .insert(name.to_string(), SourceFile { path: shown, text }),
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => diags.push(Diagnostic::file(&shown, format!("cannot read: {e}"))),
        }
    }
    (sources, diags)
}

/// Article JSON files under `public/content/articles/` that the output does not have.
fn extra_articles(root: &Path, out: &Output) -> Vec<String> {
    let dir = root.join(OUTPUT_DIR).join("articles");
    let mut extra: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|n| n.ends_with(".json"))
                .map(|n| format!("articles/{n}"))
                .filter(|rel| !out.files.contains_key(rel))
                .collect()
        })
        .unwrap_or_default();
    extra.sort();
    extra
}

/// `public/content/…` files that differ from the compiled output, are missing, or should
/// not exist.
pub fn stale(root: &Path, out: &Output) -> Vec<String> {
    let out_dir = root.join(OUTPUT_DIR);
    let mut stale: Vec<String> = out
        .files
        .iter()
        .filter(|(rel, json)| {
            fs::read_to_string(out_dir.join(rel)).ok().as_deref() != Some(json.as_str())
        })
        .map(|(rel, _)| rel.clone())
        .collect();
    stale.extend(extra_articles(root, out));
    stale.sort();
    stale
        .into_iter()
        .map(|rel| format!("{OUTPUT_DIR}/{rel} is stale: run `make content`"))
        .collect()
}

/// What [`write`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    pub written: Vec<String>,
    pub unchanged: usize,
    pub removed: Vec<String>,
}

/// Writes every output file whose content changed and removes stale article files.
pub fn write(root: &Path, out: &Output) -> std::io::Result<Written> {
    let out_dir = root.join(OUTPUT_DIR);
    fs::create_dir_all(out_dir.join("articles"))?;
    let mut report = Written::default();
    for (rel, json) in &out.files {
        let p = out_dir.join(rel);
        if fs::read_to_string(&p).ok().as_deref() == Some(json.as_str()) {
            report.unchanged += 1;
        } else {
            fs::write(&p, json)?;
            report.written.push(format!("{OUTPUT_DIR}/{rel}"));
        }
    }
    for rel in extra_articles(root, out) {
        fs::remove_file(out_dir.join(&rel))?;
        report.removed.push(format!("{OUTPUT_DIR}/{rel}"));
    }
    Ok(report)
}

/// Every file under `content/` with its modification time and size, to notice edits.
pub fn fingerprint(root: &Path) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, Option<SystemTime>, u64)>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.filter_map(Result::ok) {
            let p = e.path();
            match e.metadata() {
                Ok(m) if m.is_dir() => walk(&p, out),
                Ok(m) => out.push((p, m.modified().ok(), m.len())),
                Err(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&root.join(SOURCE_DIR), &mut out);
    out.sort();
    out
}
