//! What a first visit downloads, raw and compressed as a static host would serve it.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context};

/// gzip level (the highest; what `gzip -9` and most pre-compressing hosts use).
pub const GZIP_LEVEL: u32 = 9;
/// Brotli quality (the highest, as for pre-compressed static files) and window (the library's
/// default, 4 MiB).
pub const BROTLI_QUALITY: u32 = 11;
pub const BROTLI_WINDOW: u32 = 22;

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
            let bytes = std::fs::read(&file).with_context(|| file.display().to_string())?;
            Ok(FileSize {
                kind,
                path,
                raw: bytes.len() as u64,
                gzip: gzip_len(&bytes)?,
                brotli: brotli_len(&bytes)?,
            })
        })
        .collect()
}

pub fn gzip_len(bytes: &[u8]) -> anyhow::Result<u64> {
    let mut encoder =
        flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(GZIP_LEVEL));
    encoder.write_all(bytes)?;
    let out = encoder.finish()?;
    Ok(out.len() as u64)
}

pub fn brotli_len(bytes: &[u8]) -> anyhow::Result<u64> {
    let mut out = Vec::new();
    {
        let mut writer =
            brotli::CompressorWriter::new(&mut out, 64 * 1024, BROTLI_QUALITY, BROTLI_WINDOW);
        writer.write_all(bytes)?;
        writer.flush()?;
    }
    Ok(out.len() as u64)
}

/// The sum of one measure over the files of one kind (all kinds for `None`).
pub fn total(files: &[FileSize], kind: Option<&str>, measure: fn(&FileSize) -> u64) -> u64 {
    files
        .iter()
        .filter(|f| kind.is_none_or(|k| f.kind == k))
        .map(measure)
        .sum()
}
