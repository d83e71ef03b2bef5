//! The merge driver for locale files: the command on the fixtures of
//! `tests/data/merge`, and real `git merge`s of two branches through it, set up by
//! `dossier init-git`.

use std::path::Path;
use std::process::Command;

use crate::{repo_root, Project};

/// Runs git in the project with a clean configuration, `dossier` on the PATH (the driver's
/// command names it); returns (exit code, stdout + stderr).
fn git(p: &Project, args: &[&str]) -> (i32, String) {
    let bin = Path::new(env!("CARGO_BIN_EXE_dossier"))
        .parent()
        .expect("bin dir")
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let out = Command::new("git")
        .args(args)
        .current_dir(p.dir.path())
        .env("PATH", path)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Translator")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "Translator")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .expect("run git");
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[track_caller]
fn git_ok(p: &Project, args: &[&str]) -> String {
    let (code, out) = git(p, args);
    assert_eq!(code, 0, "git {args:?}: {out}");
    out
}

/// The command itself, on each fixture: the result written over ours, exit 0 when clean
/// and 1 with the conflicting ids named.
#[test]
fn the_driver_merges_each_fixture_into_ours() {
    let dir = repo_root().join("tests/data/merge");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/merge")
        .map(|e| e.expect("entry").path())
        .filter(|c| !c.join("order.txt").exists())
        .collect();
    cases.sort();
    assert!(cases.len() >= 8);
    let p = Project::new("# Title\n");
    for case in cases {
        let read = |f: &str| std::fs::read_to_string(case.join(f)).expect("fixture");
        for f in ["base", "ours", "theirs"] {
            p.write(&format!("{f}.ftl"), &read(&format!("{f}.ftl")));
        }
        let merged = read("merged.ftl");
        let o = p.run(&["merge-driver", "base.ftl", "ours.ftl", "theirs.ftl"]);
        let conflict = merged.contains("<<<<<<< ours");
        assert_eq!(
            o.code,
            i32::from(conflict),
            "{}: {}{}",
            case.display(),
            o.stdout,
            o.stderr
        );
        assert_eq!(p.read("ours.ftl"), merged, "{}", case.display());
        if conflict {
            assert!(
                o.stdout.contains("conflict in 1 message(s): one"),
                "{}",
                o.stdout
            );
        }
    }
}

/// A side that is not text: exit 2 with its position, ours untouched.
#[test]
fn unreadable_input_leaves_ours_as_it_was() {
    let p = Project::new("# Title\n");
    p.write("ours.ftl", "a = A\n");
    p.write("theirs.ftl", "a = B\n");
    p.write_bytes("base.ftl", b"a = \xff\n");
    let o = p.run(&[
        "merge-driver",
        "base.ftl",
        "ours.ftl",
        "theirs.ftl",
        "locales/fr/doc.ftl",
    ]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stderr.contains("base.ftl:1:5: invalid UTF-8"),
        "{}",
        o.stderr
    );
    assert_eq!(p.read("ours.ftl"), "a = A\n");
}

const SOURCE: &str = "# Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n";

const FR: &str = "# en: Title\ntitle = Titre\n\n# en: One.\ntitle-p1 = Un.\n\n# en: Two.\ntitle-p2 = Deux.\n\n# en: Three.\ntitle-p3 = Trois.\n";

/// Two translators' branches merged by git through the driver: adjacent messages changed
/// on each side, blank lines a platform removed on one side, new messages inserted at the
/// same place by both; then the same message changed on both sides, a conflict confined
/// to it.
#[test]
fn git_merges_two_branches_through_the_driver() {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    p.write("locales/fr/doc.ftl", FR);
    p.write(".gitignore", ".dossier-cache/\n.dossier.lock\nbuild/\n");
    git_ok(&p, &["init", "-q", "-b", "main"]);
    let out = p.ok(&["init-git"]);
    assert!(out.contains("merge.dossier.driver"), "{out}");
    assert_eq!(
        git_ok(&p, &["config", "merge.dossier.driver"]).trim(),
        "dossier merge-driver %O %A %B %P"
    );
    assert_eq!(p.read(".gitattributes"), "locales/*/*.ftl merge=dossier\n");
    // Run again, it adds nothing.
    p.ok(&["init-git"]);
    assert_eq!(p.read(".gitattributes"), "locales/*/*.ftl merge=dossier\n");
    git_ok(&p, &["add", "."]);
    git_ok(&p, &["commit", "-q", "-m", "base"]);

    // One translator corrects "One" and translates "Four" (after "Three").
    git_ok(&p, &["checkout", "-q", "-b", "ana"]);
    p.write(
        "locales/fr/doc.ftl",
        &FR.replace("title-p1 = Un.", "title-p1 = Un !").replace(
            "title-p3 = Trois.\n",
            "title-p3 = Trois.\n\n# en: Four.\ntitle-p4 = Quatre.\n",
        ),
    );
    git_ok(&p, &["commit", "-q", "-am", "ana"]);

    // A platform rewrites the file without blank lines, corrects "Two" (adjacent to "One")
    // and translates "Four" as well, differently.
    git_ok(&p, &["checkout", "-q", "main"]);
    p.write(
        "locales/fr/doc.ftl",
        "# en: Title\ntitle = Titre\n# en: One.\ntitle-p1 = Un.\n# en: Two.\ntitle-p2 = Deux !\n# en: Three.\ntitle-p3 = Trois.\n",
    );
    git_ok(&p, &["commit", "-q", "-am", "platform"]);
    let (code, out) = git(&p, &["merge", "-q", "--no-edit", "ana"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        p.read("locales/fr/doc.ftl"),
        "# en: Title\ntitle = Titre\n\n# en: One.\ntitle-p1 = Un !\n\n# en: Two.\ntitle-p2 = Deux !\n\n# en: Three.\ntitle-p3 = Trois.\n\n# en: Four.\ntitle-p4 = Quatre.\n"
    );
    p.ok(&["sync", "--check"]);

    // Both change "Three" (one re-stamped against new English), and each something else.
    git_ok(&p, &["checkout", "-q", "-b", "boris"]);
    let merged = p.read("locales/fr/doc.ftl");
    p.write(
        "locales/fr/doc.ftl",
        &merged
            .replace("title-p3 = Trois.", "title-p3 = Trois, selon Boris.")
            .replace("title = Titre", "title = Le titre"),
    );
    git_ok(&p, &["commit", "-q", "-am", "boris"]);
    git_ok(&p, &["checkout", "-q", "main"]);
    p.write(
        "locales/fr/doc.ftl",
        &merged
            .replace(
                "# en: Three.\ntitle-p3 = Trois.",
                "# en: Three!\ntitle-p3 = Trois !",
            )
            .replace("title-p4 = Quatre.", "title-p4 = Quatre !"),
    );
    git_ok(&p, &["commit", "-q", "-am", "main"]);
    let (code, out) = git(&p, &["merge", "--no-edit", "boris"]);
    assert_ne!(code, 0, "{out}");
    assert!(out.contains("conflict in 1 message(s): title-p3"), "{out}");
    assert_eq!(
        p.read("locales/fr/doc.ftl"),
        "# en: Title\ntitle = Le titre\n\n# en: One.\ntitle-p1 = Un !\n\n# en: Two.\ntitle-p2 = Deux !\n\n\
         <<<<<<< ours\n# en: Three!\ntitle-p3 = Trois !\n=======\n# en: Three.\ntitle-p3 = Trois, selon Boris.\n>>>>>>> theirs\n\n\
         # en: Four.\ntitle-p4 = Quatre !\n"
    );
    let (_, status) = git(&p, &["status", "--porcelain"]);
    assert!(status.contains("UU locales/fr/doc.ftl"), "{status}");
}
