//! The `pathways-content` binary on a scratch copy of the fixture content.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{files, fixtures};

/// A fresh root with the fixture catalogue and `ok/` articles under `content/`.
fn scratch(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("pathways-content-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    fs::create_dir_all(root.join("content/articles")).expect("mkdir");
    for p in files(&fixtures().join("catalog"), "json") {
        fs::copy(&p, root.join("content").join(p.file_name().expect("name"))).expect("copy");
    }
    for p in files(&fixtures().join("ok"), "md") {
        fs::copy(
            &p,
            root.join("content/articles")
                .join(p.file_name().expect("name")),
        )
        .expect("copy");
    }
    root
}

fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pathways-content"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn build_writes_everything_and_check_agrees() {
    let root = scratch("build");
    let o = run(&root, &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for f in [
        "index.json",
        "treatments.json",
        "attributes.json",
        "glossary.json",
        "references.json",
    ] {
        assert!(root.join("public/content").join(f).is_file(), "{f}");
    }
    let golden = fs::read_to_string(fixtures().join("ok/inline-marks.json")).expect("golden");
    let built =
        fs::read_to_string(root.join("public/content/articles/inline-marks.json")).expect("built");
    assert_eq!(built, golden);
    // The build reports coverage and reading grades for the editors.
    let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(stdout.contains("\ncoverage: "), "{stdout}");
    assert!(stdout.contains("\n  all "), "{stdout}");
    assert!(
        stdout.contains("\nreading grade (Flesch–Kincaid"),
        "{stdout}"
    );
    let o = run(&root, &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A second build changes nothing.
    let o = run(&root, &["build"]);
    let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        stdout.contains("pathways-content: 8 files (0 written, 8 unchanged, 0 removed)"),
        "{stdout}"
    );
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn check_lists_stale_files_and_build_fixes_them() {
    let root = scratch("stale");
    assert!(run(&root, &["build"]).status.success());
    fs::write(root.join("public/content/glossary.json"), "{}\n").expect("write");
    fs::write(root.join("public/content/articles/old.json"), "{}\n").expect("write");
    fs::remove_file(root.join("public/content/articles/inline-marks.json")).expect("rm");
    let o = run(&root, &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "public/content/articles/inline-marks.json is stale: run `make content`\n\
         public/content/articles/old.json is stale: run `make content`\n\
         public/content/glossary.json is stale: run `make content`\n"
    );
    let o = run(&root, &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!root.join("public/content/articles/old.json").exists());
    assert!(run(&root, &["check"]).status.success());
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn errors_exit_1_and_write_nothing() {
    let root = scratch("errors");
    fs::copy(
        fixtures().join("errors/unknown-citation.md"),
        root.join("content/articles/unknown-citation.md"),
    )
    .expect("copy");
    let o = run(&root, &["build"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/articles/unknown-citation.md:10:31: unknown citation \"lee-2012\" (did you mean lee-2011?)\n"),
        "{err}"
    );
    assert!(err.ends_with("pathways-content: 2 error(s)\n"), "{err}");
    assert!(!root.join("public/content").exists());
    assert_eq!(run(&root, &["check"]).status.code(), Some(1));
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn usage_errors_exit_2() {
    let root = scratch("usage");
    assert_eq!(run(&root, &[]).status.code(), Some(2));
    assert_eq!(run(&root, &["publish"]).status.code(), Some(2));
    assert_eq!(run(&root, &["check", "--watch"]).status.code(), Some(2));
    let _ = fs::remove_dir_all(&root);
}
