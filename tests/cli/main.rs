//! The command line, end to end: one test binary, each test a project in a temporary
//! directory driven through the real `dossier` executable.

mod bad_input;
mod browser;
mod checks;
mod commandline;
mod editions;
mod interop;
mod line_ends;
mod locking;
mod lsp;
mod markdown;
mod merge;
mod nvim;
mod review;
mod signoff;
mod spec_examples;
mod sync_cases;
mod threads;
mod workflows;
mod workspace;

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Project {
    pub dir: tempfile::TempDir,
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Project {
    /// A project with l10n.toml for fr, ru, kk (kk falls back to ru) and the given source.
    pub fn new(source: &str) -> Project {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = Project { dir };
        p.write(
            "l10n.toml",
            "basepath = \".\"\nlocales = [\"fr\", \"ru\", \"kk\"]\n\n[[paths]]\nreference = \"locales/en/*.ftl\"\nl10n = \"locales/{locale}/*.ftl\"\n",
        );
        p.write("dossier.toml", "[fallback]\nkk = [\"ru\"]\n");
        p.write("source/doc.md", source);
        p
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("write");
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    #[track_caller]
    pub fn run(&self, args: &[&str]) -> Output {
        let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("run dossier");
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs a command that must succeed; returns stdout.
    #[track_caller]
    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert_eq!(
            o.code, 0,
            "dossier {args:?} failed:\n{}\n{}",
            o.stdout, o.stderr
        );
        o.stdout
    }

    pub fn status_json(&self, locale: &str) -> serde_json::Value {
        let v: serde_json::Value =
            serde_json::from_str(&self.ok(&["status", locale, "--json"])).expect("json");
        v["locales"][0].clone()
    }

    /// `(id, state, class)` of every stale and missing message, from `diff --json`.
    pub fn diff_states(&self, locale: &str) -> Vec<(String, String, String)> {
        let v: serde_json::Value =
            serde_json::from_str(&self.ok(&["diff", locale, "--json"])).expect("json");
        v.as_array()
            .expect("array")
            .iter()
            .map(|d| {
                (
                    d["id"].as_str().unwrap_or("").to_string(),
                    d["state"].as_str().unwrap_or("").to_string(),
                    d["class"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    }
}

pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the repository's own project: its source, reference, translations and
/// glossary.
pub fn repository() -> Project {
    let p = Project::new("x\n");
    std::fs::remove_file(p.path("source/doc.md")).expect("rm");
    for file in ["l10n.toml", "dossier.toml", "glossary.csv"] {
        p.write(
            file,
            &std::fs::read_to_string(repo_root().join(file)).expect(file),
        );
    }
    for dir in [
        "source",
        "locales/en",
        "locales/fr",
        "locales/ru",
        "locales/kk",
    ] {
        for e in std::fs::read_dir(repo_root().join(dir))
            .expect(dir)
            .flatten()
        {
            let name = e.file_name().to_string_lossy().into_owned();
            p.write(
                &format!("{dir}/{name}"),
                &std::fs::read_to_string(e.path()).expect("read"),
            );
        }
    }
    p
}

const SOURCE: &str = "# Title\n\n## Opposition to regime\n\nFirst paragraph about 2001.[^1]\n\nSecond paragraph.\n\n## Grave risks\n\nThird one.\n\n[^1]: <https://example.org/a>\n";

fn synced() -> Project {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    p
}

#[test]
fn sync_writes_the_reference_with_readable_ids_and_is_idempotent() {
    let p = synced();
    let reference = p.read("locales/en/doc.ftl");
    let ids: Vec<&str> = reference
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .map(|l| l.split(" =").next().unwrap_or(""))
        .collect();
    assert_eq!(
        ids,
        [
            "title",
            "opposition-to-regime",
            "opposition-to-regime-p1",
            "opposition-to-regime-p2",
            "grave-risks",
            "grave-risks-p1"
        ]
    );
    // The bare-URL footnote is not sent to translators.
    assert!(!reference.contains("example.org"));
    let again = p.run(&["sync", "--check"]);
    assert_eq!(again.code, 0, "{}", again.stdout);
    assert_eq!(p.read("locales/en/doc.ftl"), reference);
}

#[test]
fn sync_check_exits_1_when_something_would_change() {
    let p = Project::new(SOURCE);
    let o = p.run(&["sync", "--check"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stdout.contains("would write locales/en/doc.ftl"),
        "{}",
        o.stdout
    );
    assert!(!p.path("locales/en/doc.ftl").exists());
}

#[test]
fn unstamped_translations_are_stamped_and_notes_kept() {
    let p = synced();
    p.write(
        "locales/fr/doc.ftl",
        "# Translator: keep it short\ntitle = Titre\n",
    );
    let out = p.ok(&["sync"]);
    assert!(out.contains("fr: 1 stamped"), "{out}");
    assert_eq!(
        p.read("locales/fr/doc.ftl"),
        "# Translator: keep it short\n# en: Title\ntitle = Titre\n"
    );
}

#[test]
fn every_state_shows_in_status_and_editions() {
    let p = synced();
    p.write(
        "locales/fr/doc.ftl",
        "title = Titre\n\nopposition-to-regime = Opposition au régime\n\nopposition-to-regime-p1 = Premier paragraphe sur 2001.[^1]\n\ngrave-risks-p1 = Troisième.\n",
    );
    p.ok(&["sync"]);
    // The English changes: one paragraph reworded, one removed.
    p.write(
        "source/doc.md",
        "# Title\n\n## Opposition to regime\n\nFirst paragraph about 2001 and after.[^1]\n\nSecond paragraph.\n\n## Grave risks\n\n[^1]: <https://example.org/a>\n",
    );
    let s = p.status_json("fr");
    assert_eq!(
        (
            s["total"].as_u64(),
            s["translated"].as_u64(),
            s["stale"].as_u64(),
            s["missing"].as_u64(),
            s["obsolete"].as_u64()
        ),
        (Some(5), Some(2), Some(1), Some(2), Some(1)),
        "{s}"
    );
    // Read-only commands wrote nothing.
    assert!(!p.read("locales/en/doc.ftl").contains("and after"));
    p.ok(&["sync"]);
    // The removed paragraph's translation is kept (obsolete), byte for byte.
    assert!(p
        .read("locales/fr/doc.ftl")
        .contains("grave-risks-p1 = Troisième."));
    assert!(p
        .read("locales/en/doc.ftl")
        .contains("### retired: grave-risks-p1"));
    let out = p.ok(&["build"]);
    assert!(
        out.contains("fr/doc: 2 translated, 1 stale, 2 fallback of 5"),
        "{out}"
    );
    let html = p.read("build/fr/doc.html");
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(
        html.contains("<span class=\"fallback\" lang=\"en\">Second paragraph.</span>"),
        "{html}"
    );
    assert!(html.contains("class=\"mark stale\""));
    let strict = p.run(&["build", "--strict"]);
    assert_eq!(strict.code, 1);
    // kk has nothing: it falls back to ru, then en.
    p.write("locales/ru/doc.ftl", "title = Заголовок\n");
    p.ok(&["build"]);
    let kk = p.read("build/kk/doc.md");
    assert!(
        kk.contains("<span class=\"fallback\" lang=\"ru\">Заголовок</span>"),
        "{kk}"
    );
}

/// Dates `.dossier-cache/status` a moment later, as when a run outlasts a clock tick:
/// entries for files written in the cache's own tick are not trusted, and a test runs
/// faster than a tick.
pub fn settle_status_cache(p: &Project) {
    settle_cache(p, "status");
}

/// `settle_status_cache` for any record under `.dossier-cache/` that dates the files it
/// trusts (`status`, `check-clean`).
pub fn settle_cache(p: &Project, file: &str) {
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::File::options()
        .write(true)
        .open(p.path(&format!(".dossier-cache/{file}")))
        .and_then(|f| f.set_modified(std::time::SystemTime::now()))
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    std::thread::sleep(std::time::Duration::from_millis(20));
}

/// With the status cache trusted, an edit of a translation or of the English still shows
/// at once in `status` and `check` (the cache never answers for a changed file).
#[test]
fn status_and_check_see_every_edit_after_the_cache() {
    let p = synced();
    p.write(
        "locales/fr/doc.ftl",
        "title = Titre\n\nopposition-to-regime = Opposition au régime\n",
    );
    p.ok(&["sync"]);
    settle_status_cache(&p);
    assert_eq!(p.status_json("fr")["translated"].as_u64(), Some(2));
    let clean = p.run(&["check", "fr", "--json"]);
    // A translation added: counted, and checked (a number the English does not have).
    let fr = p.read("locales/fr/doc.ftl");
    p.write(
        "locales/fr/doc.ftl",
        &format!("{fr}\nopposition-to-regime-p1 = Premier paragraphe sur 1999.\n"),
    );
    assert_eq!(p.status_json("fr")["translated"].as_u64(), Some(3));
    let found = p.run(&["check", "fr", "--json"]);
    assert_ne!(found.stdout, clean.stdout);
    assert!(found.stdout.contains("1999"), "{}", found.stdout);
    assert_eq!(
        found.stdout,
        p.run(&["check", "fr", "--json", "--no-cache"]).stdout
    );
    // The English changed without a sync: the title's translation is stale.
    let src = p.read("source/doc.md");
    p.write("source/doc.md", &src.replacen("# Title", "# New title", 1));
    let s = p.status_json("fr");
    assert_eq!(
        (s["stale"].as_u64(), s["translated"].as_u64()),
        (Some(1), Some(2)),
        "{s}"
    );
    assert_eq!(
        p.ok(&["status", "--json"]),
        p.ok(&["status", "--json", "--no-cache"])
    );
}

#[test]
fn english_edition_reproduces_every_repository_source() {
    let p = Project::new("x\n");
    let sources = std::fs::read_dir(repo_root().join("source")).expect("source/");
    for e in sources {
        let path = e.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        p.write("source/doc.md", &text);
        p.ok(&["build", "fr"]);
        assert_eq!(p.read("build/en/doc.md"), text, "{}", path.display());
    }
}

#[test]
fn junk_in_a_translation_survives_sync_and_is_reported() {
    let p = synced();
    let broken =
        "title = Titre\n\nopposition-to-regime = { broken\n\ngrave-risks = Risques graves\n";
    p.write("locales/fr/doc.ftl", broken);
    let o = p.run(&["sync"]);
    assert_eq!(o.code, 0);
    assert!(
        o.stderr.contains("warning: locales/fr/doc.ftl:3:32: "),
        "{}",
        o.stderr
    );
    let after = p.read("locales/fr/doc.ftl");
    assert!(
        after.contains("\nopposition-to-regime = { broken\n"),
        "{after}"
    );
    let s = p.status_json("fr");
    assert_eq!(s["translated"].as_u64(), Some(2), "{s}");
    let b = p.ok(&["build", "fr"]);
    assert!(b.contains("2 translated"), "{b}");
}

#[test]
fn bad_input_gets_a_clear_message_and_exit_2() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "source/doc.md",
            b"ok\n\xff\xfe bad\n".to_vec(),
            "source/doc.md:2:1: invalid UTF-8",
        ),
        (
            "source/doc.md",
            b"a\0b\n".to_vec(),
            "source/doc.md:1:2: NUL byte",
        ),
    ];
    for (file, bytes, expected) in cases {
        let p = synced();
        p.write_bytes(file, &bytes);
        for cmd in [&["sync"][..], &["status"][..], &["build"][..]] {
            let o = p.run(cmd);
            assert_eq!(o.code, 2, "{cmd:?} on {file}: {}", o.stderr);
            assert!(
                o.stderr.contains(expected),
                "{cmd:?}: expected {expected:?} in {}",
                o.stderr
            );
            assert!(!o.stderr.contains("panicked"));
        }
    }
}

#[test]
fn missing_source_directory_and_unknown_locale() {
    let p = synced();
    std::fs::remove_dir_all(p.path("source")).expect("rm");
    let o = p.run(&["status"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("source: cannot read the source directory"),
        "{}",
        o.stderr
    );
    let p = synced();
    let o = p.run(&["status", "de"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("unknown locale `de`"), "{}", o.stderr);
    let o = p.run(&["status", "../../etc"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("not a valid locale tag"), "{}", o.stderr);
}

#[test]
fn locale_tags_in_l10n_toml_are_never_paths() {
    for tag in ["../../etc", "fr/../.."] {
        let p = synced();
        p.write("l10n.toml", &format!("locales = [\"{tag}\"]\n"));
        let o = p.run(&["sync"]);
        assert_eq!(o.code, 2, "{tag}");
        assert!(o.stderr.contains("l10n.toml"), "{}", o.stderr);
    }
}

#[test]
fn add_locale_creates_files_with_every_message_missing() {
    let p = synced();
    let out = p.ok(&["add-locale", "uk"]);
    assert!(out.contains("added uk to l10n.toml"), "{out}");
    assert!(p
        .read("l10n.toml")
        .contains("locales = [\"fr\", \"ru\", \"kk\", \"uk\"]"));
    let s = p.status_json("uk");
    assert_eq!(
        (s["total"].as_u64(), s["missing"].as_u64()),
        (Some(6), Some(6))
    );
    let o = p.run(&["add-locale", "uk"]);
    assert_eq!(o.code, 2);
    let o = p.run(&["add-locale", "not a tag"]);
    assert_eq!(o.code, 2);
}

#[test]
fn accept_restamps_stale_messages() {
    let p = synced();
    p.write("locales/fr/doc.ftl", "grave-risks-p1 = Troisième.\n");
    p.ok(&["sync"]);
    p.write(
        "source/doc.md",
        &SOURCE.replace("Third one.", "Third one, reworded."),
    );
    assert_eq!(
        p.diff_states("fr")
            .iter()
            .filter(|d| d.1 == "stale")
            .count(),
        1
    );
    // (`accept --all` without --doc: tests/cli/workflows.rs.)
    let out = p.ok(&["accept", "fr", "grave-risks-p1"]);
    assert!(out.contains("accepted fr/doc grave-risks-p1"), "{out}");
    assert!(p
        .read("locales/fr/doc.ftl")
        .contains("# en: Third one, reworded.\ngrave-risks-p1 = Troisième."));
    assert_eq!(
        p.diff_states("fr")
            .iter()
            .filter(|d| d.1 == "stale")
            .count(),
        0
    );
}

#[test]
fn help_and_version() {
    let p = synced();
    for args in [
        &["--help"][..],
        &["--version"][..],
        &["sync", "--help"][..],
        &["build", "--help"][..],
    ] {
        p.ok(args);
    }
    assert_eq!(p.run(&["no-such-command"]).code, 2);
}

/// Every FTL file the tool writes, and every one in the repository, parses with python
/// fluent.syntax without Junk (a second parser's opinion).
#[test]
fn python_fluent_syntax_parses_every_ftl_file() {
    let p = synced();
    p.write(
        "locales/fr/doc.ftl",
        "title = { \"  \" }Titre { \"{\" }x{ \"}\" }\n",
    );
    p.ok(&["sync"]);
    let mut files = vec![p.path("locales/en/doc.ftl"), p.path("locales/fr/doc.ftl")];
    for l in ["en", "fr", "ru", "kk"] {
        let dir = repo_root().join("locales").join(l);
        for e in std::fs::read_dir(&dir).expect("locales dir").flatten() {
            files.push(e.path());
        }
    }
    let script = "import sys\nfrom fluent.syntax import parse, ast\nbad = 0\nfor f in sys.argv[1:]:\n    r = parse(open(f, encoding='utf-8').read())\n    for e in r.body:\n        if isinstance(e, ast.Junk):\n            bad += 1\n            print(f, e.content[:60])\nsys.exit(1 if bad else 0)\n";
    let out = python(&["-c", script], &files);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs python3 with fluent.syntax, installing it first if needed.
pub fn python(args: &[&str], files: &[PathBuf]) -> std::process::Output {
    let has = Command::new("python3")
        .args(["-c", "import fluent.syntax"])
        .status()
        .is_ok_and(|s| s.success());
    if !has {
        let _ = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "fluent.syntax"])
            .status();
    }
    Command::new("python3")
        .args(args)
        .args(files)
        .output()
        .expect("python3 is needed for this test")
}
