//! What a first visit downloads, raw and compressed as a static host would serve it: the
//! compressed sizes are those of the `.br` and `.gz` copies the build ships beside each file
//! (tools/prerender/src/compress.rs: brotli 11, gzip 9), so the bench measures what is served.
//! A file the build left without a copy (compressing would not make it smaller) is served raw.

use std::path::Path;

use anyhow::{bail, Context};

/// One file of the first load.
#[derive(Debug, Clone)]
pub struct FileSize {
    /// `wasm`, `js`, `css`, `html` or `json`.
    pub kind: &'static str,
    /// Path inside the build, e.g. `content/index.json`.
    pub path: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Sizes of everything a first visit to the home page downloads: the wasm, the JS glue, the
/// CSS, `index.html` and `content/index.json` (the favicon is left out: browsers fetch it
/// after the page is usable, and it is 166 bytes).
pub fn first_load(dist: &Path) -> anyhow::Result<Vec<FileSize>> {
    let mut files: Vec<(&'static str, String)> = Vec::new();
    let entries = std::fs::read_dir(dist).with_context(|| dist.display().to_string())?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    for name in names {
        let kind = match name.rsplit('.').next().unwrap_or("") {
            "wasm" => "wasm",
            "js" => "js",
            "css" => "css",
            _ => continue,
        };
        files.push((kind, name));
    }
    for kind in ["wasm", "js"] {
        let count = files.iter().filter(|(k, _)| *k == kind).count();
        if count != 1 {
            bail!(
                "{} has {count} .{kind} files, expected exactly one: rebuild it with `make build`",
                dist.display()
            );
        }
    }
    if !files.iter().any(|(k, _)| *k == "css") {
        bail!("{} has no .css file", dist.display());
    }
    files.push(("html", "index.html".to_owned()));
    files.push(("json", "content/index.json".to_owned()));
    files
        .into_iter()
        .map(|(kind, path)| {
            let file = dist.join(&path);
            let raw = len(&file)?;
            Ok(FileSize {
                kind,
                path,
                raw,
                gzip: served_len(&file, "gz", raw)?,
                brotli: served_len(&file, "br", raw)?,
            })
        })
        .collect()
}

fn len(file: &Path) -> anyhow::Result<u64> {
    Ok(std::fs::metadata(file)
        .with_context(|| file.display().to_string())?
        .len())
}

/// The size of the `NAME.suffix` copy, or `raw` when the build wrote none. The wasm always
/// compresses, so a wasm without its copies is a build from before pre-compression.
fn served_len(file: &Path, suffix: &str, raw: u64) -> anyhow::Result<u64> {
    let mut copy = file.as_os_str().to_owned();
    copy.push(".");
    copy.push(suffix);
    let copy = Path::new(&copy);
    if copy.exists() {
        return len(copy);
    }
    if file.extension().is_some_and(|e| e == "wasm") {
        bail!(
            "{} has no .{suffix} copy: rebuild with `make build`, which writes them",
            file.display()
        );
    }
    Ok(raw)
}

/// The sum of one measure over the files of one kind (all kinds for `None`).
pub fn total(files: &[FileSize], kind: Option<&str>, measure: fn(&FileSize) -> u64) -> u64 {
    files
        .iter()
        .filter(|f| kind.is_none_or(|k| f.kind == k))
        .map(measure)
        .sum()
}
