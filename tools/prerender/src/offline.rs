//! The service worker's version (see `public/sw.js` and docs/architecture.md, "Offline").
//!
//! After the pages are written, [`finish`] computes this build's version, a hash of every file
//! of the build, and writes it with the list of shell files into `sw.js`, replacing the
//! placeholder line `const BUILD = null;`. So `sw.js` changes exactly when any file of the
//! site changes, and the browser installs a new version only as a whole; an unchanged rebuild
//! writes the same bytes, and readers download nothing new.

use std::path::Path;

use sha2::{Digest, Sha256};

/// The line of `public/sw.js` that the build replaces.
pub const PLACEHOLDER: &str = "const BUILD = null;";
/// The worker's file, at the root of the build.
pub const WORKER: &str = "sw.js";
/// The content file every page needs, kept with the shell.
const INDEX: &str = "content/index.json";
/// Files at the root of the build that belong to the shell, by extension.
const SHELL_EXTENSIONS: [&str; 5] = ["js", "wasm", "css", "svg", "webmanifest"];

/// What the worker needs to know about its build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Build {
    /// 16 hex digits of the SHA-256 over every file's path and bytes.
    pub version: String,
    /// Paths relative to the base, `""` (the home page) first.
    pub shell: Vec<String>,
    /// This build's hashed scripts (the two bundles' JS and the whole app's loader): every
    /// page of this build names one of them.
    pub scripts: Vec<String>,
}

impl Build {
    /// From the build's files (path relative to the build, bytes), in any order. `sw.js` and
    /// pre-compressed copies do not count.
    pub fn of(files: &[(String, Vec<u8>)]) -> Result<Build, String> {
        let mut files: Vec<&(String, Vec<u8>)> = files
            .iter()
            .filter(|(path, _)| path != WORKER && !path.ends_with(".br") && !path.ends_with(".gz"))
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut hash = Sha256::new();
        for (path, bytes) in &files {
            hash.update((path.len() as u64).to_le_bytes());
            hash.update(path.as_bytes());
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(bytes);
        }
        let version: String = hash
            .finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        let mut shell = vec![String::new()];
        let mut scripts = Vec::new();
        for (path, _) in &files {
            let root_file = !path.contains('/');
            let extension = path.rsplit_once('.').map(|(_, e)| e).unwrap_or_default();
            if root_file && SHELL_EXTENSIONS.contains(&extension) {
                shell.push(path.clone());
                if extension == "js" {
                    scripts.push(path.clone());
                }
            }
        }
        if !files.iter().any(|(path, _)| path == INDEX) {
            return Err(format!("the build has no {INDEX}"));
        }
        shell.push(INDEX.into());
        if scripts.is_empty() {
            return Err("the build has no .js file at its root".into());
        }
        Ok(Build {
            version,
            shell,
            scripts,
        })
    }

    /// The line that replaces [`PLACEHOLDER`].
    pub fn line(&self) -> String {
        let quoted = |s: &str| serde_json::Value::from(s).to_string();
        let shell: Vec<String> = self.shell.iter().map(|s| quoted(s)).collect();
        let scripts: Vec<String> = self.scripts.iter().map(|s| quoted(s)).collect();
        format!(
            "const BUILD = {{ version: {}, scripts: [{}], shell: [{}] }};",
            quoted(&self.version),
            scripts.join(", "),
            shell.join(", ")
        )
    }
}

/// `worker` (the text of `sw.js`) with its placeholder replaced by `build`.
pub fn fill(worker: &str, build: &Build) -> Result<String, String> {
    match worker.matches(PLACEHOLDER).count() {
        1 => Ok(worker.replacen(PLACEHOLDER, &build.line(), 1)),
        0 => Err(format!(
            "{WORKER} has no line `{PLACEHOLDER}` (is it already filled in, or not public/sw.js?)"
        )),
        _ => Err(format!("{WORKER} has `{PLACEHOLDER}` more than once")),
    }
}

/// Every file under `dir`, by its path relative to `dir` with `/` between parts.
fn read_all(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    crate::files::walk(dir)?
        .into_iter()
        .map(|(path, relative)| {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((relative, bytes))
        })
        .collect()
}

/// The post-build step on the finished build in `dir`: fills in `sw.js`. Returns a summary.
pub fn finish(dir: &Path) -> Result<String, String> {
    let path = dir.join(WORKER);
    let worker = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (index.html must copy public/sw.js with <link data-trunk rel=\"copy-file\">)",
            path.display()
        )
    })?;
    let build = Build::of(&read_all(dir)?)?;
    std::fs::write(&path, fill(&worker, &build)?)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(format!(
        "sw.js is version {} with {} shell files",
        build.version,
        build.shell.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(String, Vec<u8>)> {
        [
            ("index.html", "<html>"),
            ("pathways-1a2b.js", "js"),
            ("pathways-1a2b_bg.wasm", "wasm"),
            ("base-9f.css", "css"),
            ("favicon.svg", "<svg>"),
            ("manifest.webmanifest", "{}"),
            ("content/index.json", "{}"),
            ("content/articles/a.json", "{}"),
            ("articles/a.html", "<html>"),
            ("sw.js", PLACEHOLDER),
            ("pathways-1a2b_bg.wasm.br", "packed"),
        ]
        .into_iter()
        .map(|(p, b)| (p.to_owned(), b.as_bytes().to_vec()))
        .collect()
    }

    #[test]
    fn the_shell_is_the_home_page_the_root_assets_and_the_index() {
        let build = Build::of(&files()).unwrap();
        assert_eq!(
            build.shell,
            [
                "",
                "base-9f.css",
                "favicon.svg",
                "manifest.webmanifest",
                "pathways-1a2b.js",
                "pathways-1a2b_bg.wasm",
                "content/index.json"
            ]
        );
        assert_eq!(build.scripts, ["pathways-1a2b.js"]);
        assert_eq!(build.version.len(), 16);
    }

    #[test]
    fn every_root_script_can_name_a_page_of_this_build() {
        let mut files = files();
        files.push(("pathways-full-loader-5e6f.js".into(), b"js".to_vec()));
        let build = Build::of(&files).unwrap();
        assert_eq!(
            build.scripts,
            ["pathways-1a2b.js", "pathways-full-loader-5e6f.js"]
        );
    }

    #[test]
    fn the_version_changes_with_any_file_but_not_with_the_worker_or_copies() {
        let version = |files: &[(String, Vec<u8>)]| Build::of(files).unwrap().version;
        let base = version(&files());
        let mut reordered = files();
        reordered.reverse();
        assert_eq!(version(&reordered), base);
        for changed in ["content/articles/a.json", "articles/a.html", "base-9f.css"] {
            let mut other = files();
            other
                .iter_mut()
                .find(|(p, _)| p == changed)
                .unwrap()
                .1
                .push(b' ');
            assert_ne!(version(&other), base, "{changed}");
        }
        for ignored in ["sw.js", "pathways-1a2b_bg.wasm.br"] {
            let mut other = files();
            other
                .iter_mut()
                .find(|(p, _)| p == ignored)
                .unwrap()
                .1
                .push(b' ');
            assert_eq!(version(&other), base, "{ignored}");
        }
        // A renamed file is a change, even with the same bytes.
        let mut renamed = files();
        renamed[8].0 = "articles/b.html".into();
        assert_ne!(version(&renamed), base);
    }

    #[test]
    fn fill_replaces_the_one_placeholder() {
        let build = Build::of(&files()).unwrap();
        let worker = format!("// head\n{PLACEHOLDER}\nconst X = 1;\n");
        let filled = fill(&worker, &build).unwrap();
        assert!(filled.starts_with("// head\nconst BUILD = { version: \""));
        assert!(filled.contains("scripts: [\"pathways-1a2b.js\"], shell: [\"\", \"base-9f.css\""));
        assert!(filled.ends_with("\nconst X = 1;\n"));
        assert!(fill(&filled, &build).unwrap_err().contains("no line"));
        let twice = format!("{PLACEHOLDER}{PLACEHOLDER}");
        assert!(fill(&twice, &build).unwrap_err().contains("more than once"));
    }

    #[test]
    fn refuses_a_build_without_its_script_or_index() {
        let without = |gone: &str| {
            let files: Vec<_> = files().into_iter().filter(|(p, _)| p != gone).collect();
            Build::of(&files).unwrap_err()
        };
        assert!(without("pathways-1a2b.js").contains(".js"));
        assert!(without("content/index.json").contains("content/index.json"));
    }
}
