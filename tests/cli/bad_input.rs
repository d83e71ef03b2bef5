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

/// `build` stops at the first document with bad input: the editions of the documents
/// before it are written, none after it.
#[test]
fn build_stops_at_the_bad_document() {
    let p = Project::new(SRC);
    for d in ["a", "b", "c"] {
        p.write(&format!("source/{d}.md"), &format!("# {d}\n\nText {d}.\n"));
    }
    p.ok(&["sync"]);
    std::fs::remove_dir_all(p.path("build")).ok();
    p.write("source/b.md", "");
    fails_with(&p, &["build"], "source/b.md: the source file is empty");
    assert!(p.path("build/fr/a.html").is_file());
    assert!(p.path("build/en/a.md").is_file());
    assert!(!p.path("build/fr/b.html").exists());
    assert!(!p.path("build/fr/c.html").exists());
    assert!(!p.path("build/fr/doc.html").exists());
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

/// Issue 17 item 6: a locale file with ~3,000 nested placeables or selects aborted every
/// reading command (stack overflow, exit 134, no file named). Now the entry is Junk: a
/// warning at its file:line:column, the rest of the file read, the text kept verbatim.
#[test]
fn placeables_nested_3000_deep_are_a_syntax_error_not_a_crash() {
    let n = 3_000;
    let placeables = format!("{}\"x\"{}", "{ ".repeat(n), " }".repeat(n));
    let selects = format!("{}x{}", "{ $x ->\n *[a] ".repeat(n), "\n }".repeat(n));
    // Where the `{` opening level 33 is.
    for (deep, at) in [(placeables, "4:74"), (selects, "36:7")] {
        let p = synced();
        let fr = format!("# en: Title\ntitle = Titre\n\nbroken = {deep}\n\n# en: Text here.\ntitle-p1 = Texte ici.\n");
        p.write("locales/fr/doc.ftl", &fr);
        let warning = format!("locales/fr/doc.ftl:{at}: placeables nested more than 32 deep");
        for args in [
            &["status", "fr"][..],
            &["diff", "fr"],
            &["export", "fr", "--format", "po"],
            &["build", "fr"],
            &["sync"],
        ] {
            let o = p.run(args);
            assert_eq!(o.code, 0, "{args:?}: {}", o.stderr);
            // status counts without warnings; the others say where the Junk is.
            assert!(
                args[0] == "status" || o.stderr.contains(&warning),
                "{args:?}: {}",
                o.stderr
            );
        }
        // The rest of the file is read: both messages translated.
        assert_eq!(p.status_json("fr")["translated"].as_u64(), Some(2));
        assert!(p.read("build/fr/doc.md").contains("Texte ici."));
        let o = p.run(&["check", "fr"]);
        assert_eq!(o.code, 1, "{}", o.stderr);
        assert!(
            o.stdout.contains(&format!("locales/fr/doc.ftl:{at}")) && o.stdout.contains("[syntax]"),
            "{}",
            o.stdout
        );
        // sync kept the Junk byte for byte.
        assert_eq!(p.read("locales/fr/doc.ftl"), fr);
    }
}

#[test]
fn empty_source_and_source_without_segments() {
    let p = synced();
    p.write("source/doc.md", "");
    fails_with(&p, &["sync"], "source/doc.md: the source file is empty");
    p.write(
        "source/doc.md",
        "```\ncode only\n```\n\n<https://example.org>\n",
    );
    fails_with(
        &p,
        &["status"],
        "source/doc.md: the source has no text to translate",
    );
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
