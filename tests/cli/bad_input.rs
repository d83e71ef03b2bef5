//! Bad input gets one clear message naming the file (and line:column where there is one)
//! and exit 2: never a panic, a hang, or a half-written file. docs/reliability.md lists
//! each case with the test that holds it.

use crate::Project;

const SRC: &str = "# Title\n\nText here.\n";

#[track_caller]
fn fails_with(p: &Project, args: &[&str], expected: &str) {
    let o = p.run(args);
    assert_eq!(o.code, 2, "{args:?}: {}{}", o.stdout, o.stderr);
    assert!(
        o.stderr.contains(expected),
        "{args:?}: expected {expected:?} in\n{}",
        o.stderr
    );
    assert!(!o.stderr.contains("panicked"), "{}", o.stderr);
}

fn synced() -> Project {
    let p = Project::new(SRC);
    p.ok(&["sync"]);
    p
}

#[test]
fn lone_carriage_return() {
    let p = synced();
    p.write("source/doc.md", "# Title\rText\n");
    fails_with(&p, &["sync"], "source/doc.md:1:8: carriage return");
}

#[test]
fn ten_megabyte_single_line() {
    let p = synced();
    let line = format!("# Title\n\n{}\n", "word ".repeat(2_100_000));
    p.write("source/doc.md", &line);
    p.ok(&["sync"]);
    p.ok(&["build", "fr"]);
    assert_eq!(p.read("build/en/doc.md"), line);
}

/// Every unreadable document is named in one run, each with its line:column, then exit 2;
/// `build` writes the editions of the other documents.
#[test]
fn every_unreadable_document_is_named_in_one_run() {
    let p = Project::new(SRC);
    for d in ["a", "b", "c", "d"] {
        p.write(&format!("source/{d}.md"), &format!("# {d}\n\nText {d}.\n"));
    }
    p.ok(&["sync"]);
    std::fs::remove_dir_all(p.path("build")).ok();
    p.write_bytes("source/b.md", b"# b\n\nText \xff.\n");
    p.write_bytes("locales/fr/d.ftl", b"d = D \xfe\n");
    let b = "source/b.md:3:6: invalid UTF-8";
    let d = "locales/fr/d.ftl:1:7: invalid UTF-8";
    for args in [
        &["sync"][..],
        &["status"],
        &["check"],
        &["diff", "fr"],
        &["build"],
    ] {
        fails_with(&p, args, b);
        fails_with(&p, args, d);
        let o = p.run(args);
        assert_eq!(
            o.stderr.matches("error: ").count(),
            2,
            "{args:?}: {}",
            o.stderr
        );
    }
    assert!(p.path("build/fr/a.html").is_file());
    assert!(p.path("build/en/c.md").is_file());
    assert!(p.path("build/fr/doc.html").is_file());
    assert!(!p.path("build/fr/b.html").exists());
    assert!(!p.path("build/fr/d.html").exists());
}

#[test]
fn deeply_nested_markdown() {
    let p = synced();
    p.write(
        "source/doc.md",
        &format!("# Title\n\n{}deep\n", "> ".repeat(10_000)),
    );
    p.ok(&["sync"]);
    p.ok(&["build"]);
}

/// A document with nothing to translate (empty, only code, HTML or links) is valid: its
/// reference has no messages, every command handles it, and its editions are the source
/// in every language. A translation of text it no longer has stays, obsolete.
#[test]
fn documents_with_nothing_to_translate() {
    let p = synced();
    p.write("locales/fr/doc.ftl", "title = Titre\n");
    p.ok(&["sync"]);
    let code = "```\ncode only\n```\n\n<https://example.org>\n\n<div>\nHTML\n</div>\n";
    p.write("source/doc.md", code);
    p.write("source/empty.md", "");
    p.write("source/other.md", "# Other\n\nText.\n");
    let out = p.ok(&["sync"]);
    assert!(out.contains("doc: 0 messages"), "{out}");
    assert!(out.contains("empty: 0 messages"), "{out}");
    let reference = p.read("locales/en/doc.ftl");
    assert!(!reference.lines().any(|l| l.contains(" = ")), "{reference}");
    assert!(reference.contains("### retired:"), "{reference}");
    assert_eq!(p.read("locales/fr/doc.ftl"), "# en: Title\ntitle = Titre\n");
    let s = p.status_json("fr");
    assert_eq!(
        (s["total"].as_u64(), s["obsolete"].as_u64()),
        (Some(2), Some(1)),
        "{s}"
    );
    p.ok(&["status"]);
    p.ok(&["sync", "--check"]);
    let o = p.run(&["check", "fr"]);
    assert!(!o.stderr.contains("error"), "{}", o.stderr);
    p.ok(&["diff", "fr"]);
    p.ok(&["export", "fr", "--format", "po"]);
    p.ok(&["build"]);
    for l in ["en", "fr", "ru", "kk", "kk-Latn"] {
        assert_eq!(p.read(&format!("build/{l}/doc.md")), code, "{l}");
        assert_eq!(p.read(&format!("build/{l}/empty.md")), "", "{l}");
        let html = p.read(&format!("build/{l}/doc.html"));
        assert!(
            html.contains("<pre><code>code only\n</code></pre>"),
            "{html}"
        );
    }
}

#[test]
fn duplicate_ids_in_a_locale_file() {
    let p = synced();
    p.write(
        "locales/fr/doc.ftl",
        "title = Titre\n\n# note\ntitle = Encore\n",
    );
    fails_with(
        &p,
        &["sync"],
        "locales/fr/doc.ftl:4:1: message `title` is defined twice",
    );
    assert_eq!(
        p.read("locales/fr/doc.ftl"),
        "title = Titre\n\n# note\ntitle = Encore\n"
    );
}

#[test]
fn locale_directory_symlinked_outside_the_project() {
    let p = synced();
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(outside.path().join("doc.ftl"), "title = Titre\n").expect("write");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.path(), p.path("locales/fr")).expect("symlink");
        fails_with(&p, &["sync"], "points outside the project");
        fails_with(&p, &["build"], "points outside the project");
    }
}

#[test]
fn read_only_locale_file_is_named_and_nothing_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let p = synced();
    p.write("locales/fr/doc.ftl", "title = Titre\n");
    p.write("locales/ru/doc.ftl", "title = Заголовок\n");
    let ro = p.path("locales/ru/doc.ftl");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let reference = p.read("locales/en/doc.ftl");
    p.write("source/doc.md", "# Title\n\nText here, changed.\n");
    fails_with(
        &p,
        &["sync"],
        "locales/ru/doc.ftl: the file is read-only: nothing was written",
    );
    assert_eq!(p.read("locales/fr/doc.ftl"), "title = Titre\n");
    assert_eq!(p.read("locales/en/doc.ftl"), reference);
}

#[test]
fn invalid_utf8_in_a_locale_file() {
    let p = synced();
    p.write_bytes("locales/kk/doc.ftl", b"title = \xd2\n");
    fails_with(&p, &["status"], "locales/kk/doc.ftl:1:9: invalid UTF-8");
}

#[test]
fn broken_config_files() {
    let p = synced();
    p.write("dossier.toml", "[fallback]\nkk = \"ru\"\n");
    fails_with(&p, &["status"], "dossier.toml");
    let p = synced();
    p.write("l10n.toml", "locales = [\"fr\"\n");
    fails_with(&p, &["status"], "l10n.toml");
}

/// Promise 5: two syncs at once give the result of one after the other.
#[test]
fn concurrent_syncs() {
    let p = Project::new(&format!(
        "# Title\n\n{}",
        (0..300)
            .map(|i| format!("Paragraph number {i} of the text.\n\n"))
            .collect::<String>()
    ));
    p.write("locales/fr/doc.ftl", "title = Titre\n");
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("sync")
            .current_dir(p.dir.path())
            .output()
            .expect("spawn")
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(spawn);
        let b = s.spawn(spawn);
        (a.join().expect("a"), b.join().expect("b"))
    });
    assert!(a.status.success() && b.status.success(), "{a:?} {b:?}");
    let reference = p.read("locales/en/doc.ftl");
    let fr = p.read("locales/fr/doc.ftl");
    assert!(!p.path(".dossier.lock").exists());
    // Sequential runs from scratch give the same files.
    let q = Project::new(&p.read("source/doc.md"));
    q.write("locales/fr/doc.ftl", "title = Titre\n");
    q.ok(&["sync"]);
    q.ok(&["sync"]);
    assert_eq!(q.read("locales/en/doc.ftl"), reference);
    assert_eq!(q.read("locales/fr/doc.ftl"), fr);
}

#[test]
fn a_stale_lock_from_a_dead_process_is_taken_over() {
    let p = synced();
    p.write(".dossier.lock", "999999999\n");
    p.ok(&["sync"]);
}
