//! The same project gives the same files and the same output whatever the number of
//! threads: documents and locales are planned, and editions built, in parallel.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use super::{repo_root, Project};

/// A project of several documents made from the repository's dossier and translations:
/// some unchanged, some with paragraphs edited, one moved around, one new, so sync has to
/// align, stamp and write, and the editions have stale and missing messages.
fn project() -> Project {
    let root = repo_root();
    let read = |rel: &str| std::fs::read_to_string(root.join(rel)).expect("repository file");
    let source = read("source/dossier.md");
    let p = Project::new(&source);
    std::fs::remove_file(p.path("source/doc.md")).expect("remove");
    let paragraphs: Vec<&str> = source.split("\n\n").collect();
    for (k, name) in ["a", "b", "c", "d", "e", "f", "g"].iter().enumerate() {
        let mut parts = paragraphs.clone();
        let edited;
        match k % 4 {
            1 => {
                edited = format!("{} Edited in document {name}.", parts[4]);
                parts[4] = &edited;
            }
            2 => parts.swap(5, 9),
            3 => parts.truncate(parts.len() - 3),
            _ => {}
        }
        p.write(&format!("source/{name}.md"), &parts.join("\n\n"));
        if *name != "g" {
            p.write(
                &format!("locales/en/{name}.ftl"),
                &read("locales/en/dossier.ftl"),
            );
            for l in ["fr", "ru", "kk"] {
                p.write(
                    &format!("locales/{l}/{name}.ftl"),
                    &read(&format!("locales/{l}/dossier.ftl")),
                );
            }
        }
    }
    p
}

fn run(dir: &Path, threads: usize, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("RAYON_NUM_THREADS", threads.to_string())
        .output()
        .expect("run dossier");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The two projects live in different temporary directories.
    let text = text.replace(&dir.display().to_string(), "<project>");
    (out.status.code().unwrap_or(-1), text)
}

/// Every file under `dir`, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let path = e.path();
            // The cache (check's findings, editions' spares) is named after the
            // project's own path, the lock file holds its last holder's pid: not outputs
            // to compare.
            if e.file_name() == ".dossier-cache" || e.file_name() == ".dossier.lock" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("prefix")
                    .display()
                    .to_string();
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

#[test]
fn one_thread_and_several_give_the_same_files_and_output() {
    let one = project();
    let many = project();
    for args in [
        &["sync"][..],
        &["status", "--json"],
        &["diff", "fr", "--json"],
        &["build"],
        &["build", "kk"],
    ] {
        let a = run(one.dir.path(), 1, args);
        let b = run(many.dir.path(), 4, args);
        assert_eq!(a.0, 0, "dossier {args:?}: {}", a.1);
        assert_eq!(a, b, "dossier {args:?} differs with 4 threads");
    }
    // check's findings (it may find some: its exit code is 1 then) come in the same order.
    let a = run(one.dir.path(), 1, &["check", "--json"]);
    let b = run(many.dir.path(), 4, &["check", "--json"]);
    assert!(a.0 == 0 || a.0 == 1, "dossier check: {}", a.1);
    assert_eq!(a, b, "dossier check differs with 4 threads");
    let (a, b) = (files(one.dir.path()), files(many.dir.path()));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &a {
        assert!(b[path] == *bytes, "{path} differs with 4 threads");
    }
    // The project really exercised alignment, stamping and the editions' states.
    assert!(a.contains_key("locales/en/g.ftl"));
    assert!(a.contains_key("build/kk-Latn/b.html"));
    let status = run(one.dir.path(), 1, &["status"]).1;
    assert!(status.contains("stale by change"), "{status}");
}
