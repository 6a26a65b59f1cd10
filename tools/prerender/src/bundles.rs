//! The second bundle (see `src/split.rs`): Trunk writes the whole app as `pathways-full.js` and
//! `pathways-full_bg.wasm`, without a loader and without a hash in their names (it builds it as
//! a "worker"). [`finish`] gives both a content hash in their names, as Trunk does for the
//! reading app, so hosts and the service worker may keep them for good, and writes a loader
//! module for them. [`template`] turns the built `index.html` into the catalogue pages'
//! template, with that loader in place of Trunk's.
//!
//! The loader is a file, not an inline script, so the Content-Security-Policy needs nothing new:
//! `script-src 'self'` covers it.

use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha256, Sha384};

/// The second bundle's name, as Trunk writes it (the Cargo binary's name).
pub const NAME: &str = "pathways-full";

/// The second bundle's files, by their names at the root of the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullBundle {
    pub js: String,
    pub wasm: String,
    pub loader: String,
    /// `sha384-…` of the JS glue and of the wasm, for the preload links.
    pub js_integrity: String,
    pub wasm_integrity: String,
}

fn hex16(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn sha384(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// The loader module: what Trunk's inline loader does for the reading app, for the full one.
pub fn loader(js: &str, wasm: &str) -> String {
    format!(
        "// The whole app's loader (tools/prerender/src/bundles.rs), for the catalogue's pages.\n\
         import init, * as bindings from \"./{js}\";\n\
         const wasm = await init({{ module_or_path: new URL(\"./{wasm}\", import.meta.url) }});\n\
         window.wasmBindings = bindings;\n\
         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }}));\n"
    )
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Renames the second bundle's files in `dir` to hashed names and writes its loader.
pub fn finish(dir: &Path) -> Result<FullBundle, String> {
    let js_path = dir.join(format!("{NAME}.js"));
    let wasm_path = dir.join(format!("{NAME}_bg.wasm"));
    let (js, wasm) = match (read(&js_path), read(&wasm_path)) {
        (Ok(js), Ok(wasm)) => (js, wasm),
        (Err(e), _) | (_, Err(e)) => {
            return Err(format!(
                "{e} (index.html must build the whole app with \
                 <link data-trunk rel=\"rust\" data-type=\"worker\" data-bin=\"{NAME}\" …>)"
            ))
        }
    };
    // Like Trunk: one hash, of the wasm, names both files.
    let hashed = format!("{NAME}-{}", hex16(&wasm));
    let bundle_js = format!("{hashed}.js");
    let bundle_wasm = format!("{hashed}_bg.wasm");
    let text = loader(&bundle_js, &bundle_wasm);
    let loader_name = format!("{NAME}-loader-{}.js", hex16(text.as_bytes()));
    let rename = |from: &Path, to: &str| {
        std::fs::rename(from, dir.join(to)).map_err(|e| format!("{}: {e}", from.display()))
    };
    rename(&js_path, &bundle_js)?;
    rename(&wasm_path, &bundle_wasm)?;
    let loader_path = dir.join(&loader_name);
    std::fs::write(&loader_path, &text).map_err(|e| format!("{}: {e}", loader_path.display()))?;
    Ok(FullBundle {
        js_integrity: sha384(&js),
        wasm_integrity: sha384(&wasm),
        js: bundle_js,
        wasm: bundle_wasm,
        loader: loader_name,
    })
}

/// `page` (the built `index.html`, whose base is `base`) with Trunk's inline loader and its
/// two preload links replaced by the full bundle's loader and preload links.
pub fn template(page: &str, base: &str, bundle: &FullBundle) -> Result<String, String> {
    let start = page
        .find("<script type=\"module\">")
        .ok_or("the page has no inline loader <script type=\"module\">")?;
    let script_end = page[start..]
        .find("</script>")
        .map(|i| start + i + "</script>".len())
        .ok_or("the loader <script> is not closed")?;
    let head_end = page.find("</head>").ok_or("the page has no </head>")?;
    if head_end < script_end {
        return Err("expected the loader inside <head>".into());
    }
    // Trunk writes its preload links right after the loader, up to `</head>`.
    let links = &page[script_end..head_end];
    if links.matches("<link rel=\"modulepreload\"").count() != 1
        || links.matches("<link rel=\"preload\"").count() != 1
        || links.contains("<script")
    {
        return Err("expected exactly Trunk's two preload links after its loader".into());
    }
    let tags = format!(
        "<script type=\"module\" src=\"{base}{loader}\"></script>\n  \
         <link rel=\"modulepreload\" href=\"{base}{js}\" crossorigin=\"anonymous\" integrity=\"{ji}\">\
         <link rel=\"preload\" href=\"{base}{wasm}\" crossorigin=\"anonymous\" integrity=\"{wi}\" as=\"fetch\" type=\"application/wasm\">\n",
        loader = bundle.loader,
        js = bundle.js,
        wasm = bundle.wasm,
        ji = bundle.js_integrity,
        wi = bundle.wasm_integrity,
    );
    Ok(format!("{}{tags}{}", &page[..start], &page[head_end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><base href=\"/p/\" />\n\
        <link rel=\"stylesheet\" href=\"/p/a.css\"/>\n\
        <script type=\"module\">\nimport init from '/p/pathways-1.js';\n</script>\n  \
        <link rel=\"modulepreload\" href=\"/p/pathways-1.js\"><link rel=\"preload\" href=\"/p/pathways-1_bg.wasm\" as=\"fetch\"></head>\n\
        <body><noscript></noscript></body></html>";

    fn bundle() -> FullBundle {
        FullBundle {
            js: "pathways-full-00112233445566aa.js".into(),
            wasm: "pathways-full-00112233445566aa_bg.wasm".into(),
            loader: "pathways-full-loader-ffeeddccbbaa9988.js".into(),
            js_integrity: "sha384-j".into(),
            wasm_integrity: "sha384-w".into(),
        }
    }

    #[test]
    fn the_template_loads_only_the_full_bundle() {
        let page = template(PAGE, "/p/", &bundle()).unwrap();
        assert!(!page.contains("pathways-1"), "{page}");
        assert!(!page.contains("<script type=\"module\">"), "{page}");
        assert!(page.contains(
            "<script type=\"module\" src=\"/p/pathways-full-loader-ffeeddccbbaa9988.js\"></script>"
        ));
        assert!(page.contains("href=\"/p/pathways-full-00112233445566aa.js\""));
        assert!(page.contains("href=\"/p/pathways-full-00112233445566aa_bg.wasm\""));
        assert!(page.contains("<link rel=\"stylesheet\" href=\"/p/a.css\"/>"));
        assert!(page.ends_with("</head>\n<body><noscript></noscript></body></html>"));
    }

    #[test]
    fn an_unexpected_page_is_refused() {
        assert!(template("<html><head></head></html>", "/", &bundle()).is_err());
        let extra = PAGE.replace("</head>", "<script src=\"/x.js\"></script></head>");
        assert!(template(&extra, "/", &bundle()).is_err());
    }

    #[test]
    fn the_loader_imports_its_files_relative_to_itself() {
        let text = loader("a-1.js", "a-1_bg.wasm");
        assert!(text.contains("from \"./a-1.js\""));
        assert!(text.contains("new URL(\"./a-1_bg.wasm\", import.meta.url)"));
        assert!(text.contains("TrunkApplicationStarted"));
    }

    #[test]
    fn finish_names_the_files_by_their_content() {
        let dir = std::env::temp_dir().join(format!("bundles-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("pathways-full.js"), "glue").unwrap();
        std::fs::write(dir.join("pathways-full_bg.wasm"), "wasm").unwrap();
        let b = finish(&dir).unwrap();
        assert_eq!(b.js, format!("pathways-full-{}.js", hex16(b"wasm")));
        assert_eq!(b.wasm, format!("pathways-full-{}_bg.wasm", hex16(b"wasm")));
        assert!(dir.join(&b.js).is_file() && dir.join(&b.wasm).is_file());
        assert!(!dir.join("pathways-full.js").exists());
        let text = std::fs::read_to_string(dir.join(&b.loader)).unwrap();
        assert!(text.contains(&b.js) && text.contains(&b.wasm));
        assert_eq!(b.js_integrity, sha384(b"glue"));
        let missing = finish(&dir).unwrap_err();
        assert!(missing.contains("data-type=\"worker\""), "{missing}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
