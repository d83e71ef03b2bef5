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
    // Sequential runs from scratch give the same files.
    let q = Project::new(&p.read("source/doc.md"));
    q.write("locales/fr/doc.ftl", "title = Titre\n");
    q.ok(&["sync"]);
    q.ok(&["sync"]);
    assert_eq!(q.read("locales/en/doc.ftl"), reference);
    assert_eq!(q.read("locales/fr/doc.ftl"), fr);
}

/// A locale file that is a symbolic link (inside the project) is written through: the file
/// it points to is replaced atomically, the link stays a link.
#[test]
fn a_symlinked_locale_file_is_written_through() {
    let p = synced();
    p.write("shared/fr.ftl", "title = Titre\n");
    std::fs::create_dir_all(p.path("locales/fr")).expect("mkdir");
    std::os::unix::fs::symlink("../../shared/fr.ftl", p.path("locales/fr/doc.ftl"))
        .expect("symlink");
    p.ok(&["sync"]);
    let meta = std::fs::symlink_metadata(p.path("locales/fr/doc.ftl")).expect("meta");
    assert!(meta.file_type().is_symlink());
    assert_eq!(p.read("shared/fr.ftl"), "# en: Title\ntitle = Titre\n");
    p.write("source/doc.md", "# The title\n\nText here.\n");
    p.ok(&["sync"]);
    p.ok(&["accept", "fr", "title"]);
    assert!(std::fs::symlink_metadata(p.path("locales/fr/doc.ftl"))
        .expect("meta")
        .file_type()
        .is_symlink());
    assert_eq!(p.read("shared/fr.ftl"), "# en: The title\ntitle = Titre\n");
    // No temporary file or spare left next to the target.
    let left: Vec<String> = std::fs::read_dir(p.path("shared"))
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["fr.ftl"]);
}

/// Nothing outside the project is read through a link, and so nothing outside is published.
#[test]
fn files_linked_outside_the_project_are_refused() {
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(outside.path().join("secret.md"), "# Secret\n\nroot:x:0:0\n").expect("write");
    std::fs::write(outside.path().join("fr.ftl"), "title = Secret\n").expect("write");
    let p = synced();
    std::os::unix::fs::symlink(outside.path().join("secret.md"), p.path("source/p.md"))
        .expect("symlink");
    fails_with(
        &p,
        &["build"],
        "source/p.md: a symbolic link leading outside the project",
    );
    fails_with(
        &p,
        &["status"],
        "source/p.md: a symbolic link leading outside the project",
    );
    assert!(!p.path("build/en/p.html").exists());
    std::fs::remove_file(p.path("source/p.md")).expect("rm");
    std::fs::create_dir_all(p.path("locales/fr")).expect("mkdir");
    std::os::unix::fs::symlink(outside.path().join("fr.ftl"), p.path("locales/fr/doc.ftl"))
        .expect("symlink");
    fails_with(
        &p,
        &["status"],
        "locales/fr/doc.ftl: a symbolic link leading outside the project",
    );
    fails_with(
        &p,
        &["check"],
        "locales/fr/doc.ftl: a symbolic link leading outside the project",
    );
    std::fs::remove_file(p.path("locales/fr/doc.ftl")).expect("rm");
    std::os::unix::fs::symlink(outside.path().join("fr.ftl"), p.path("glossary.csv"))
        .expect("symlink");
    fails_with(
        &p,
        &["check"],
        "glossary.csv: a symbolic link leading outside the project",
    );
}

/// FIFOs and devices are not files to read: an error naming the path, at once (a FIFO
/// would block the reader, `/dev/zero` never end).
#[test]
fn special_files_and_huge_files_are_refused() {
    let p = synced();
    let fifo = p.path("source/fifo.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    fails_with(
        &p,
        &["status"],
        "source/fifo.md: a FIFO, not a regular file",
    );
    std::fs::remove_file(&fifo).expect("rm");
    std::fs::create_dir_all(p.path("locales/fr")).expect("mkdir");
    std::os::unix::fs::symlink("/dev/zero", p.path("locales/fr/doc.ftl")).expect("symlink");
    // /dev/zero is outside the project too; the device is refused either way.
    fails_with(&p, &["status"], "locales/fr/doc.ftl");
    std::fs::remove_file(p.path("locales/fr/doc.ftl")).expect("rm");
    // A size limit, configurable.
    p.write("dossier.toml", "[limits]\nfile_size_mib = 1\n");
    p.write(
        "locales/fr/doc.ftl",
        &format!("title = {}\n", "x".repeat(1 << 20)),
    );
    fails_with(
        &p,
        &["status"],
        "locales/fr/doc.ftl: the file is larger than the limit of 1 MiB",
    );
}

/// An edition path that is a directory is somebody's directory: build refuses, names it,
/// and moves nothing.
#[test]
fn a_directory_in_place_of_an_edition_is_refused() {
    let p = synced();
    p.write("build/fr/doc.html/keep.txt", "mine");
    fails_with(
        &p,
        &["build"],
        "build/fr/doc.html: a directory where the edition is to be written",
    );
    assert_eq!(p.read("build/fr/doc.html/keep.txt"), "mine");
    assert!(
        !p.path(".dossier-cache/spare").exists()
            || !std::fs::read_dir(p.path(".dossier-cache/spare"))
                .expect("ls")
                .any(|e| { e.expect("e").path().join("fr/doc.html/keep.txt").exists() })
    );
}

/// A read-only directory to write in is found before the first file is written.
#[test]
fn a_read_only_locale_directory_is_named_and_nothing_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let p = synced();
    p.write("locales/fr/doc.ftl", "title = Titre\n");
    let reference = p.read("locales/en/doc.ftl");
    p.write("source/doc.md", "# Title\n\nText here, changed.\n");
    std::fs::set_permissions(p.path("locales/fr"), std::fs::Permissions::from_mode(0o555))
        .expect("chmod");
    let o = p.run(&["sync"]);
    std::fs::set_permissions(p.path("locales/fr"), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("locales/fr: the directory is read-only: nothing was written"),
        "{}",
        o.stderr
    );
    assert_eq!(p.read("locales/en/doc.ftl"), reference);
    assert_eq!(p.read("locales/fr/doc.ftl"), "title = Titre\n");
}

/// `check --fix` writes like every other writer (the spare keeps the old version), and a
/// temporary file a killed writer left is removed by the next writer, under the lock.
#[test]
fn fixes_use_the_spare_and_orphaned_temporary_files_are_removed() {
    let p = synced();
    p.write("locales/fr/doc.ftl", "# en: Title\ntitle = Titre...\n");
    p.write(
        "locales/fr/.dossier-AbC123.tmp",
        "title = a killed writer's copy\n",
    );
    p.ok(&["check", "fr", "--fix"]);
    assert_eq!(
        p.read("locales/fr/doc.ftl"),
        "# en: Title\ntitle = Titre…\n"
    );
    assert_eq!(
        p.read(".dossier-cache/spare/project/locales/fr/doc.ftl"),
        "# en: Title\ntitle = Titre...\n"
    );
    assert!(!p.path("locales/fr/.dossier-AbC123.tmp").exists());
}

/// Text from a translator reaches the terminal inert: control sequences (a window title
/// change, a colour) and bidirectional overrides are shown, not obeyed.
#[test]
fn terminal_controls_in_translations_are_shown_not_obeyed() {
    let p = synced();
    p.write("source/doc.md", "# The title\n\nText here.\n");
    p.ok(&["sync"]);
    p.write(
        "locales/fr/doc.ftl",
        "# en: Title\ntitle = Ti\u{1b}]0;pwned\u{7}tre \u{202e}droite\n",
    );
    for args in [&["diff", "fr"][..], &["check", "fr"][..]] {
        let o = p.run(args);
        let all = format!("{}{}", o.stdout, o.stderr);
        assert!(
            !all.contains('\u{1b}') && !all.contains('\u{7}') && !all.contains('\u{202e}'),
            "{args:?}: {all:?}"
        );
    }
    let o = p.run(&["diff", "fr"]);
    assert!(
        o.stdout
            .contains("Ti\\u{1b}]0;pwned\\u{7}tre \\u{202e}droite"),
        "{}",
        o.stdout
    );
}

/// A derived edition's tag cannot become a locale (its edition would be overwritten).
#[test]
fn add_locale_refuses_a_derived_edition() {
    let p = synced();
    fails_with(
        &p,
        &["add-locale", "kk-Latn"],
        "`kk-Latn` is the edition derived from `kk`",
    );
    assert!(!p.read("l10n.toml").contains("kk-Latn"));
}
