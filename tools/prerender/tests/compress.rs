//! Pre-compressed copies: one `.br` and one `.gz` beside each file a host may serve compressed,
//! holding exactly that file, and nothing for files it should leave alone.

use std::io::Read;
use std::path::Path;

use pathways_prerender::compress::precompress;

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("valid brotli");
    out
}

fn ungzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pathways-compress-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("content/articles")).expect("scratch folder");
    dir
}

#[test]
fn every_servable_file_gets_copies_that_decompress_to_it() {
    let dir = scratch("copies");
    let page = "<p>Pain that lasts.</p>\n".repeat(200);
    let json = "{\"schema\":2,\"blocks\":[]}".repeat(100);
    let wasm: Vec<u8> = (0..20_000u32)
        .flat_map(|i| (i % 251).to_le_bytes())
        .collect();
    std::fs::write(dir.join("index.html"), &page).unwrap();
    std::fs::write(dir.join("content/articles/a.json"), &json).unwrap();
    std::fs::write(dir.join("app_bg.wasm"), &wasm).unwrap();
    // Left alone: not served compressed, or too small to gain from it.
    std::fs::write(
        dir.join("_headers"),
        "/*\n  X-Frame-Options: DENY\n".repeat(50),
    )
    .unwrap();
    std::fs::write(dir.join("icon.png"), vec![7u8; 4000]).unwrap();
    std::fs::write(dir.join("robots.txt"), "x").unwrap();

    assert_eq!(precompress(&dir).expect("compresses"), 3);

    let check = |file: &str, original: &[u8]| {
        let path = dir.join(file);
        let br = std::fs::read(format!("{}.br", path.display())).expect(".br written");
        let gz = std::fs::read(format!("{}.gz", path.display())).expect(".gz written");
        assert_eq!(unbrotli(&br), original, "{file}.br");
        assert_eq!(ungzip(&gz), original, "{file}.gz");
        assert!(br.len() < original.len() && gz.len() < original.len());
    };
    check("index.html", page.as_bytes());
    check("content/articles/a.json", json.as_bytes());
    check("app_bg.wasm", &wasm);
    for absent in [
        "_headers.br",
        "icon.png.br",
        "icon.png.gz",
        "robots.txt.br",
        "robots.txt.gz",
    ] {
        assert!(
            !Path::new(&dir.join(absent)).exists(),
            "{absent} should not exist"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_same_build_compresses_to_the_same_bytes() {
    let dir = scratch("same");
    std::fs::write(dir.join("a.css"), "body { margin: 0 }\n".repeat(300)).unwrap();
    precompress(&dir).expect("first");
    let first = (
        std::fs::read(dir.join("a.css.br")).unwrap(),
        std::fs::read(dir.join("a.css.gz")).unwrap(),
    );
    precompress(&dir).expect("second");
    assert_eq!(std::fs::read(dir.join("a.css.br")).unwrap(), first.0);
    assert_eq!(std::fs::read(dir.join("a.css.gz")).unwrap(), first.1);
    assert!(
        !dir.join("a.css.br.br").exists(),
        "copies are never compressed again"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_missing_folder_is_named() {
    let e = precompress(Path::new("/no/such/pathways/dist")).unwrap_err();
    assert!(e.contains("/no/such/pathways/dist"), "{e}");
}
