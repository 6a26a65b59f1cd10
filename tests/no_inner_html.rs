//! Content reaches the page only as text: no code in `src/` may write HTML markup into the
//! document, and none may set an inline `style` attribute, which the Content-Security-Policy
//! (`style-src 'self'`) refuses. See `docs/security.md`.
//!
//! Runs with `cargo test -p pathways --test no_inner_html`, part of `make test`.

use std::path::{Path, PathBuf};

/// Ways to turn a string into markup, lowercase without `_`: Leptos' `inner_html` attribute,
/// the `web_sys` setters, the DOM names (through `js_sys::Reflect` or inline JS), and
/// `document.write`.
const RAW_HTML: [&str; 5] = [
    "innerhtml",
    "outerhtml",
    "insertadjacenthtml",
    "createcontextualfragment",
    "document.write",
];

fn writes_raw_html(code: &str) -> bool {
    let code = code.to_ascii_lowercase().replace('_', "");
    RAW_HTML.iter().any(|needle| code.contains(needle))
}

/// Whether `code` sets a `style` attribute (`style=`, `attr:style=`), as opposed to one CSS
/// property through the CSSOM (`style:width=`), which the policy allows.
fn sets_style_attribute(code: &str) -> bool {
    code.match_indices("style=").any(|(at, _)| {
        let before = code[..at].chars().next_back();
        !matches!(before, Some(c) if c.is_alphanumeric() || c == '_' || c == '-')
    })
}

/// The repository root: the directory above this file's crate that holds `Trunk.toml`.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|dir| dir.join("Trunk.toml").is_file() && dir.join("src/lib.rs").is_file())
        .expect("the Pathways repository root")
        .to_owned()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `(file:line, line)` for every non-comment line of `src/` that `hit` flags.
fn find(hit: impl Fn(&str) -> bool) -> Vec<String> {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files.len() > 10,
        "found only {} files in {}",
        files.len(),
        src.display()
    );
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        for (i, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if hit(code) {
                found.push(format!("{}:{}: {}", file.display(), i + 1, code));
            }
        }
    }
    found
}

#[test]
fn no_code_writes_raw_html() {
    let found = find(writes_raw_html);
    assert!(
        found.is_empty(),
        "content must reach the page as text nodes, never as markup:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_inline_style_attributes() {
    let found = find(sets_style_attribute);
    assert!(
        found.is_empty(),
        "inline style attributes are blocked by the Content-Security-Policy (use a class, or \
         `style:property=`):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scans_catch_offenders_and_only_them() {
    for offender in [
        "<div inner_html=text/>",
        "el.set_inner_html(&text);",
        "Reflect::set(&el, &\"innerHTML\".into(), &v)",
        "el.insert_adjacent_html(\"beforeend\", &t)",
        "document.write(x)",
    ] {
        assert!(writes_raw_html(offender), "{offender}");
    }
    assert!(!writes_raw_html(
        "el.set_text_content(Some(&text)); el.inner_text()"
    ));
    for offender in [
        "<p style=\"color: red\">",
        "<p attr:style=s>",
        "<p style=s>",
    ] {
        assert!(sets_style_attribute(offender), "{offender}");
    }
    for fine in [
        "<p style:width=w>",
        "<p data-style=x>",
        "<p class=\"style\">",
    ] {
        assert!(!sets_style_attribute(fine), "{fine}");
    }
}
