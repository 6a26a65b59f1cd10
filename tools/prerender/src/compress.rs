//! Pre-compressed copies for static hosts that serve them (nginx `brotli_static` and
//! `gzip_static`, several CDNs): beside every text file and the wasm, `NAME.br` (brotli 11) and
//! `NAME.gz` (gzip 9), written only when smaller than the file. The copies are deterministic,
//! so a rebuild of the same source writes the same bytes, and `make test`'s size test reads the
//! wasm's `.br` (tools/bench/tests/wasm_budget.rs).

use std::io::Write;
use std::path::Path;

/// The highest settings: compression happens once, at build time.
pub const BROTLI_QUALITY: u32 = 11;
/// The brotli library's default window, 4 MiB.
pub const BROTLI_WINDOW: u32 = 22;
pub const GZIP_LEVEL: u32 = 9;

/// What a host may serve compressed. Images other than SVG are compressed already.
const EXTENSIONS: [&str; 9] = [
    "wasm",
    "js",
    "css",
    "html",
    "json",
    "svg",
    "xml",
    "txt",
    "webmanifest",
];

/// Writes the copies for every such file under `dir`; returns how many files it compressed.
pub fn precompress(dir: &Path) -> Result<usize, String> {
    let files = crate::files::walk(dir)?.into_iter().map(|(path, _)| path);
    let mut count = 0;
    for file in files.filter(|path| servable(path)) {
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut wrote = false;
        for (suffix, packed) in [("br", brotli(&bytes)?), ("gz", gzip(&bytes)?)] {
            if packed.len() < bytes.len() {
                let mut name = file.clone().into_os_string();
                name.push(".");
                name.push(suffix);
                std::fs::write(&name, packed)
                    .map_err(|e| format!("{}: {e}", Path::new(&name).display()))?;
                wrote = true;
            }
        }
        count += usize::from(wrote);
    }
    Ok(count)
}

fn servable(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut writer =
            brotli::CompressorWriter::new(&mut out, 64 * 1024, BROTLI_QUALITY, BROTLI_WINDOW);
        writer.write_all(bytes).map_err(|e| e.to_string())?;
        writer.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder =
        flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(GZIP_LEVEL));
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}
