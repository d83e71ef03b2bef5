//! Every operation called as a library function, the way the workspace server and the
//! language server call them: a project in a temporary directory, plain arguments, values
//! back (nothing printed), files written under the lock.

use std::path::{Path, PathBuf};

use dossier::ops;
use dossier::project::Project;

const SOURCE: &str = "# Title\n\n## Opposition to regime\n\nFirst paragraph about 2001.[^1]\n\nSecond paragraph.\n\n[^1]: A note with words.\n";

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    /// A project with fr and ru, synced once; fr translates the title.
    fn new() -> Fixture {
        let f = Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        f.write(
            "l10n.toml",
            "basepath = \".\"\nlocales = [\"fr\", \"ru\"]\n\n[[paths]]\nreference = \"locales/en/*.ftl\"\nl10n = \"locales/{locale}/*.ftl\"\n",
        );
        f.write("source/doc.md", SOURCE);
        f.write("locales/fr/doc.ftl", "title = Titre\n");
        ops::sync::sync(&f.project(), ops::sync::Options::default()).expect("sync");
        f
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    fn project(&self) -> Project {
        Project::open(self.root()).expect("open")
    }

    fn status(&self, locale: &str) -> dossier::plan::Counts {
        let all =
            ops::status::status(&self.project(), &[locale.to_string()], true).expect("status");
        all[0].counts.clone()
    }
}

#[test]
fn sync_writes_the_reference_and_stamps() {
    let f = Fixture::new();
    assert!(f
        .read("locales/en/doc.ftl")
        .contains("opposition-to-regime-p1 = First paragraph about 2001.[^1]"));
    assert_eq!(f.read("locales/fr/doc.ftl"), "# en: Title\ntitle = Titre\n");
    // Nothing left to do: a check run reports no file to write.
    let r = ops::sync::sync(
        &f.project(),
        ops::sync::Options {
            check: true,
            apply_safe: false,
        },
    )
    .expect("sync --check");
    assert!(r.writes.is_empty());
    assert_eq!(r.docs[0].messages, 5);
    // An English change: the reference is rewritten, fr becomes stale.
    f.write("source/doc.md", &SOURCE.replace("# Title", "# New title"));
    let r = ops::sync::sync(&f.project(), ops::sync::Options::default()).expect("sync");
    assert_eq!(r.docs[0].modified, 1);
    assert_eq!(r.writes, vec![f.path("locales/en/doc.ftl")]);
    assert_eq!(f.status("fr").stale, 1);
}

#[test]
fn status_counts_each_locale() {
    let f = Fixture::new();
    let all = ops::status::status(&f.project(), &[], false).expect("status");
    let names: Vec<&str> = all.iter().map(|s| s.locale.as_str()).collect();
    assert_eq!(names, ["fr", "ru"]);
    assert_eq!((all[0].counts.translated, all[0].counts.missing), (1, 4));
    assert_eq!((all[1].counts.translated, all[1].counts.missing), (0, 5));
    let e = ops::status::status(&f.project(), &["de".into()], false).err();
    assert!(e.is_some_and(|e| e.to_string().contains("unknown locale `de`")));
}

#[test]
fn diff_accept_and_since() {
    let f = Fixture::new();
    f.write("source/doc.md", &SOURCE.replace("# Title", "# The title"));
    ops::sync::sync(&f.project(), ops::sync::Options::default()).expect("sync");
    let project = f.project();
    let loaded = ops::load(&project).expect("load");
    let items = ops::diff::diff(&project, &loaded.plan, "fr", &[]).expect("diff");
    let title = items
        .iter()
        .find(|i| i.id == "title")
        .expect("title is stale");
    assert_eq!((title.state, title.class), ("stale", Some("wording")));
    assert_eq!(title.source_before, Some("Title"));
    assert_eq!(items.len(), 5);
    let page = f.path("review.html");
    ops::diff::write_review_page(&page, "fr", &items).expect("review page");
    assert!(f.read("review.html").contains("The title"));
    // Accept under the lock: the stamp becomes the current English.
    let lock = ops::lock(&project).expect("lock");
    let sel = ops::accept::Selection {
        ids: vec!["title".into(), "opposition-to-regime".into()],
        ..Default::default()
    };
    let done = ops::accept::accept(
        &project,
        &loaded.plan,
        &lock,
        "fr",
        &sel,
        &mut ops::writer(&project),
    )
    .expect("accept");
    assert_eq!(done[0].outcome, ops::accept::Outcome::Accepted);
    assert_eq!(done[1].outcome, ops::accept::Outcome::NotStale("missing"));
    drop(lock);
    assert_eq!(
        f.read("locales/fr/doc.ftl"),
        "# en: The title\ntitle = Titre\n"
    );
    // Unknown ids refuse the call and write nothing.
    let lock = ops::lock(&project).expect("lock");
    let loaded = ops::load(&project).expect("load");
    let sel = ops::accept::Selection {
        ids: vec!["no-such-id".into()],
        ..Default::default()
    };
    let e = ops::accept::accept(
        &project,
        &loaded.plan,
        &lock,
        "fr",
        &sel,
        &mut ops::writer(&project),
    );
    assert!(e.is_err());
    drop(lock);
    // `since`: what changed since a git revision.
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .args(args)
            .current_dir(f.root())
            .output()
            .expect("git")
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@t",
        "commit",
        "-qm",
        "x",
    ]);
    f.write("locales/fr/doc.ftl", "# en: The title\ntitle = Le titre\n");
    let loaded = ops::load(&project).expect("load");
    let changed = ops::since::since(&project, &loaded.plan, "fr", &[], "HEAD").expect("since");
    assert_eq!(changed.len(), 1);
    assert_eq!(
        (changed[0].id.as_str(), changed[0].change),
        ("title", "changed")
    );
    assert_eq!(changed[0].translation_now.as_deref(), Some("Le titre"));
}

#[test]
fn suggest_and_fill_from_the_memory() {
    let f = Fixture::new();
    // The second paragraph's translation is close to a new third paragraph.
    f.write(
        "locales/fr/doc.ftl",
        "# en: Title\ntitle = Titre\n\n# en: Second paragraph.\nopposition-to-regime-p2 = Deuxième paragraphe.\n",
    );
    f.write(
        "source/doc.md",
        &SOURCE.replace(
            "Second paragraph.\n",
            "Second paragraph.\n\nSecond paragraph here.\n",
        ),
    );
    ops::sync::sync(&f.project(), ops::sync::Options::default()).expect("sync");
    let project = f.project();
    let loaded = ops::load(&project).expect("load");
    let found = ops::suggest::suggestions(&project, &loaded.plan, "fr", 50).expect("suggest");
    let new = found
        .messages
        .iter()
        .find(|m| m.id == "opposition-to-regime-p3")
        .expect("a suggestion");
    assert_eq!(new.suggestions[0].translation, "Deuxième paragraphe.");
    let lock = ops::lock(&project).expect("lock");
    let filled = ops::suggest::fill(
        &project,
        &loaded.plan,
        &lock,
        "fr",
        50,
        &mut ops::writer(&project),
    )
    .expect("fill");
    drop(lock);
    assert!(filled
        .iter()
        .any(|x| x.id == "opposition-to-regime-p3" && x.from == "opposition-to-regime-p2"));
    // Filled messages are stamped with the English they came from: stale until accepted.
    let loaded = ops::load(&project).expect("load");
    let items = ops::diff::diff(
        &project,
        &loaded.plan,
        "fr",
        &["opposition-to-regime-p3".into()],
    )
    .expect("diff");
    assert_eq!(items[0].state, "stale");
}

#[test]
fn check_finds_and_fixes() {
    let f = Fixture::new();
    f.write("locales/fr/doc.ftl", "# en: Title\ntitle = Titre...\n");
    let opts = ops::check::Options {
        locales: vec!["fr".into()],
        ..Default::default()
    };
    let r = ops::check::check(&f.project(), &opts).expect("check");
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "typography")
        .expect("an ellipsis finding");
    assert_eq!((d.file.as_str(), d.line), ("locales/fr/doc.ftl", 2));
    let fix = ops::check::Options { fix: true, ..opts };
    let r = ops::check::check(&f.project(), &fix).expect("check --fix");
    assert!(!r.fixed.is_empty());
    assert_eq!(
        f.read("locales/fr/doc.ftl"),
        "# en: Title\ntitle = Titre…\n"
    );
}

#[test]
fn build_tells_each_edition() {
    let f = Fixture::new();
    let out = f.path("out");
    let opts = ops::build::Options {
        out: Some(out.clone()),
        ..Default::default()
    };
    let mut editions = Vec::new();
    let r = ops::build::build(&f.project(), &opts, &mut |e| {
        if let ops::build::Event::Edition { locale, counts, .. } = e {
            editions.push((locale.to_string(), counts.translated));
        }
    })
    .expect("build");
    assert!(r.incomplete);
    assert_eq!(editions, [("fr".to_string(), 1), ("ru".to_string(), 0)]);
    assert!(std::fs::read_to_string(out.join("fr/doc.html"))
        .expect("html")
        .contains("Titre"));
    assert_eq!(
        std::fs::read_to_string(out.join("en/doc.md")).expect("md"),
        SOURCE
    );
}

#[test]
fn export_then_import_round_trips() {
    let f = Fixture::new();
    let project = f.project();
    let loaded = ops::load(&project).expect("load");
    let opts = ops::export::Options {
        locale: "fr".into(),
        doc: None,
        format: "po".into(),
        only: vec![],
    };
    let (po, format) = ops::export::export(&project, &loaded.plan, &opts).expect("export");
    assert_eq!(format.name(), "PO");
    let po = po.replacen(
        "msgctxt \"opposition-to-regime\"\nmsgid \"Opposition to regime\"\nmsgstr \"\"",
        "msgctxt \"opposition-to-regime\"\nmsgid \"Opposition to regime\"\nmsgstr \"Opposition au régime\"",
        1,
    );
    assert!(po.contains("Opposition au régime"), "{po}");
    let file = f.path("fr.po");
    ops::export::write(&file, &po).expect("write");
    // A dry run (no lock) writes nothing.
    let r = ops::import::import(
        &project,
        &loaded.plan,
        None,
        "fr",
        &file,
        None,
        &mut ops::writer(&project),
    )
    .expect("dry run");
    assert_eq!(r.writes, vec![f.path("locales/fr/doc.ftl")]);
    assert!(!f.read("locales/fr/doc.ftl").contains("régime"));
    let lock = ops::lock(&project).expect("lock");
    ops::import::import(
        &project,
        &loaded.plan,
        Some(&lock),
        "fr",
        &file,
        None,
        &mut ops::writer(&project),
    )
    .expect("import");
    drop(lock);
    assert!(f
        .read("locales/fr/doc.ftl")
        .contains("opposition-to-regime = Opposition au régime"));
}

#[test]
fn add_locale_creates_files_and_config() {
    let f = Fixture::new();
    let r = ops::add_locale::add_locale(&f.project(), "uk").expect("add-locale");
    assert_eq!(r.tag, "uk");
    assert_eq!(r.created, vec![f.path("locales/uk/doc.ftl")]);
    assert!(f.read("l10n.toml").contains("\"uk\""));
    assert_eq!(f.status("uk").missing, 5);
    assert!(ops::add_locale::add_locale(&f.project(), "en").is_err());
    // A derived edition's tag is not a locale: its edition would be overwritten.
    let e = ops::add_locale::add_locale(&f.project(), "kk-Latn").err();
    assert!(e.is_some_and(|e| e.to_string().contains("derived from `kk`")));
    assert!(!f.read("l10n.toml").contains("kk-Latn"));
}

#[test]
fn review_and_report() {
    let f = Fixture::new();
    let project = f.project();
    let loaded = ops::load(&project).expect("load");
    let lock = ops::lock(&project).expect("lock");
    let opts = ops::review::Options {
        locale: "fr".into(),
        ids: vec!["title".into()],
        all: false,
        doc: None,
        verdict: dossier::approval::Verdict::Approved,
        note: None,
        by: "Anna".into(),
        date: "2026-12-07".into(),
    };
    let done = ops::review::review(
        &project,
        &loaded.plan,
        &lock,
        &opts,
        &mut ops::writer(&project),
    )
    .expect("review");
    drop(lock);
    assert_eq!(done.len(), 1);
    assert!(f
        .read("locales/fr/doc.ftl")
        .contains("# review: approved by Anna on 2026-12-07 ("));
    assert_eq!(f.status("fr").reviewed, 1);
    let loaded = ops::load(&project).expect("load");
    let r = ops::report::report(&project, &loaded.plan, &["fr".into()]).expect("report");
    assert_eq!(r[0].total.segments, 4);
    assert_eq!(
        r[0].bands["no-match"].segments
            + r[0].bands["50-74"].segments
            + r[0].bands["75-84"].segments,
        4
    );
}

/// The merge driver as a function: the result written over ours, in the document's order
/// (the reference's) when the file's path is a locale file of the project.
#[test]
fn merge_driver_merges_into_ours_in_document_order() {
    let f = Fixture::new();
    f.write("base.ftl", "title = Titre\n");
    // Each side translated a different paragraph, in an order of its own.
    f.write(
        "ours.ftl",
        "opposition-to-regime-p2 = Deuxième paragraphe.\n\ntitle = Titre\n",
    );
    f.write(
        "theirs.ftl",
        "title = Le titre\n\nopposition-to-regime = Opposition au régime\n",
    );
    let r = ops::merge_driver::merge_driver(
        Some(f.root()),
        &f.path("base.ftl"),
        &f.path("ours.ftl"),
        &f.path("theirs.ftl"),
        Some(Path::new("locales/fr/doc.ftl")),
    )
    .expect("merge");
    assert!(r.conflicts.is_empty());
    assert_eq!(
        f.read("ours.ftl"),
        "title = Le titre\n\nopposition-to-regime = Opposition au régime\n\n\
         opposition-to-regime-p2 = Deuxième paragraphe.\n"
    );
}

#[test]
fn init_git_configures_the_driver() {
    let f = Fixture::new();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(f.root())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .expect("git")
    };
    assert!(git(&["init", "-q"]).status.success());
    let r = ops::init_git::init_git(f.root()).expect("init-git");
    assert!(r.attributes_added);
    assert_eq!(f.read(".gitattributes"), "locales/*/*.ftl merge=dossier\n");
    let out = git(&["config", "merge.dossier.driver"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "dossier merge-driver %O %A %B %P"
    );
    let again = ops::init_git::init_git(f.root()).expect("init-git");
    assert!(!again.attributes_added);
}

/// The operations on an editor's buffer: a locale file's unsaved text, planned against its
/// document; nothing written.
#[test]
fn operations_on_an_unsaved_buffer() {
    use ops::buffer::{Edit, Session};
    let f = Fixture::new();
    let path = f.path("locales/fr/doc.ftl");
    let on_disk = f.read("locales/fr/doc.ftl");
    let mut s = Session::open(f.root()).expect("session");
    // Files that are no locale file of a document are not buffers.
    for other in [
        "locales/fr/other.ftl",
        "locales/de/doc.ftl",
        "source/doc.md",
        "doc.ftl",
    ] {
        assert!(
            s.buffer(&f.path(other), "a = b\n")
                .expect("buffer")
                .is_none(),
            "{other}"
        );
    }
    let text = "# en: The title\ntitle = Titre\n\nopposition-to-regime-p1 = Premier paragraphe sur 2001...[^1]\n";
    let buf = s
        .buffer(&path, text)
        .expect("buffer")
        .expect("a locale file");
    let items = ops::lint::lint(&mut s, &buf);
    let got: Vec<(&str, &str)> = items
        .iter()
        .map(|i| (i.code, &text[i.span.clone()]))
        .collect();
    assert_eq!(
        got,
        [
            ("missing", "# en: The title"),
            ("stale", "title"),
            ("typography", "..."),
        ]
    );
    assert_eq!(
        items[0].message,
        "3 of the 5 messages of source/doc.md are missing here: `opposition-to-regime`, `opposition-to-regime-p2`, `fn-1`"
    );
    // Accept: the stamp only.
    let accept = ops::accept::edit(&buf, "title").expect("stale");
    // "The title" → "Title": "he t" goes.
    assert_eq!(
        accept,
        Edit {
            span: 7..11,
            text: String::new()
        }
    );
    assert_eq!(ops::accept::edit(&buf, "opposition-to-regime-p1"), None);
    // Placeholders for the missing messages, in document order.
    let added = Edit::apply(text, &ops::missing::add_placeholders(&buf));
    assert_eq!(
        added,
        "# en: The title\ntitle = Titre\n\n# en: Opposition to regime\n# opposition-to-regime = Opposition to regime\n\nopposition-to-regime-p1 = Premier paragraphe sur 2001...[^1]\n\n# en: Second paragraph.\n# opposition-to-regime-p2 = Second paragraph.\n\n# en: A note with words.\n# fn-1 = A note with words.\n"
    );
    // A placeholder of an earlier English is rewritten with the current one, in the
    // same one edit as the placeholders added; then nothing is left to add.
    let outdated = "# en: The title\ntitle = Titre\n\nopposition-to-regime-p1 = Premier paragraphe sur 2001...[^1]\n\n# en: Second paragraph, before.\n# opposition-to-regime-p2 = Second paragraph, before.\n";
    let old_buf = s
        .buffer(&path, outdated)
        .expect("buffer")
        .expect("a locale file");
    let edits = ops::missing::add_placeholders(&old_buf);
    assert_eq!(edits.len(), 1, "{edits:?}");
    let refreshed = Edit::apply(outdated, &edits);
    assert!(
        refreshed
            .contains("# en: Second paragraph.\n# opposition-to-regime-p2 = Second paragraph.\n"),
        "{refreshed}"
    );
    assert!(!refreshed.contains("before"), "{refreshed}");
    for id in ["opposition-to-regime", "fn-1"] {
        assert!(
            refreshed.contains(&format!("\n# {id} = ")),
            "{id}: {refreshed}"
        );
    }
    assert!(
        refreshed.starts_with("# en: The title\ntitle = Titre\n"),
        "{refreshed}"
    );
    let again = s
        .buffer(&path, &refreshed)
        .expect("buffer")
        .expect("a locale file");
    assert!(ops::missing::add_placeholders(&again).is_empty());
    // What hover, outline and definition know.
    let about = ops::about::about(&buf, "title").expect("about");
    assert_eq!(
        (
            about.state,
            about.english.as_deref(),
            about.before.as_deref(),
            about.class
        ),
        ("stale", Some("Title"), Some("The title"), Some("wording"))
    );
    assert_eq!(about.review, None);
    let outline: Vec<(String, String, usize)> = ops::outline::outline(&buf)
        .into_iter()
        .map(|s| (s.id, s.state, s.children.len()))
        .collect();
    assert_eq!(
        outline,
        [("title".to_string(), "stale (wording)".to_string(), 1)]
    );
    let def = ops::locate::definition(&s, &buf, "opposition-to-regime-p1").expect("definition");
    assert_eq!(
        &def.text[def.span.clone()],
        "First paragraph about 2001.[^1]"
    );
    // Completion in the value: the English's footnote reference, `[^` already typed.
    let at = text.find("[^1]").expect("ref") + 2;
    let items = ops::complete::complete(&mut s, &buf, at);
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0].label.as_str(), items[0].edit.span.clone()),
        ("[^1]", at - 2..at)
    );
    // Nothing was written.
    assert_eq!(f.read("locales/fr/doc.ftl"), on_disk);
}

/// Regression: the findings a session remembers were made with the glossary of their
/// time; when glossary.csv changes, a message is checked again against the new one.
#[test]
fn a_session_checks_again_when_the_glossary_changes() {
    use ops::buffer::Session;
    let f = Fixture::new();
    let path = f.path("locales/fr/doc.ftl");
    let text = "# en: Second paragraph.\nopposition-to-regime-p2 = Deuxième alinéa.\n";
    let mut s = Session::open(f.root()).expect("session");
    let codes = |s: &mut Session| -> Vec<&'static str> {
        let buf = s
            .buffer(&path, text)
            .expect("buffer")
            .expect("a locale file");
        ops::lint::lint(s, &buf)
            .iter()
            .map(|i| i.code)
            .filter(|c| *c != "missing")
            .collect()
    };
    assert_eq!(codes(&mut s), Vec::<&str>::new());
    f.write("glossary.csv", "en,fr,note\nparagraph,paragraphe,\n");
    assert_eq!(codes(&mut s), ["glossary"]);
}

/// The workspace's operations on one message: list, check a value, save (under the lock,
/// refused with the version of a message that changed), accept, review.
#[test]
fn one_message_at_a_time() {
    use ops::messages::{self, Filter, Refusal};
    let f = Fixture::new();
    let project = f.project();
    let work = messages::list(&project, "fr", "doc", Filter::Work, None).expect("list");
    let ids: Vec<&str> = work.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "opposition-to-regime",
            "opposition-to-regime-p1",
            "opposition-to-regime-p2",
            "fn-1"
        ]
    );
    let m = &work[0];
    assert_eq!(
        (m.state, m.english.as_str()),
        ("missing", "Opposition to regime")
    );
    let found = messages::check(
        &project,
        "fr",
        "doc",
        &m.id,
        "Opposition au régime...",
        None,
    )
    .expect("check");
    assert!(found.iter().any(|d| d.code == "typography"), "{found:?}");
    let saved = messages::save(
        &project,
        "fr",
        "doc",
        &m.id,
        "Opposition au régime",
        &m.version,
        None,
    )
    .expect("save");
    assert_eq!(saved.state, "translated");
    assert!(f
        .read("locales/fr/doc.ftl")
        .contains("# en: Opposition to regime\nopposition-to-regime = Opposition au régime\n"));
    // The version shown before the save is refused, with the message as it is now.
    let again = messages::save(&project, "fr", "doc", &m.id, "Autre", &m.version, None);
    match again.map_err(|e| e.downcast::<Refusal>()) {
        Err(Ok(Refusal::Conflict(now))) => {
            assert_eq!(now.translation.as_deref(), Some("Opposition au régime"))
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let r = messages::review(
        &project,
        "fr",
        "doc",
        &m.id,
        &saved.version,
        dossier::approval::Verdict::Approved,
        None,
        "Anna",
        "2026-12-07",
        None,
    )
    .expect("review");
    assert_eq!(r.state, "reviewed");
    // A stale message accepted unchanged.
    f.write("source/doc.md", &SOURCE.replace("# Title", "# The title"));
    ops::sync::sync(&f.project(), ops::sync::Options::default()).expect("sync");
    let t = messages::get(&project, "fr", "doc", "title", None).expect("get");
    assert_eq!(t.state, "stale");
    let a = messages::accept(&project, "fr", "doc", "title", &t.version, None).expect("accept");
    assert_eq!(a.state, "translated");
    assert!(matches!(
        messages::get(&project, "de", "doc", "title", None).map_err(|e| e.downcast::<Refusal>()),
        Err(Ok(Refusal::NotFound(_)))
    ));
}

/// `init` makes a project of an empty folder, and never overwrites one.
#[test]
fn init_makes_a_project_and_refuses_an_existing_one() {
    let dir = tempfile::tempdir().expect("tmp");
    let r = ops::init::init(dir.path(), &["fr".into(), "pt-BR".into()]).expect("init");
    assert_eq!(r.locales, ["fr", "pt-BR"]);
    assert!(dir.path().join("l10n.toml").is_file() && dir.path().join("locales/en").is_dir());
    let project = Project::open(dir.path()).expect("a project");
    assert_eq!(project.config.locales, ["fr", "pt-BR"]);
    assert!(ops::init::init(dir.path(), &["fr".into()]).is_err());
}
