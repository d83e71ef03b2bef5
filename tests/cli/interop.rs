//! Export to and import from CAT tools and platforms (XLIFF 2.0, PO, TMX), checked by the
//! tools themselves: xmllint against the OASIS XLIFF 2.0 schema, msgfmt --check,
//! compare-locales and python fluent.syntax.
//!
//! tests/data/interop/states/ holds a project whose French has every state (old.md, the
//! French made from it, new.md) and the expected exports; tests/data/interop/bad/ holds
//! broken files to import, each with the whole expected error output (NAME.expected).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{repo_root, repository, Project};

fn data(rel: &str) -> PathBuf {
    repo_root().join("tests/data/interop").join(rel)
}

fn read_data(rel: &str) -> String {
    std::fs::read_to_string(data(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The states project: up to date (title, grave-risks, a two-line paragraph with braces),
/// stale (its English reworded with markup characters), missing (the rest).
fn states() -> Project {
    states_with(&read_data("states/fr.ftl"))
}

fn states_with(fr: &str) -> Project {
    let p = Project::new(&read_data("states/old.md"));
    p.ok(&["sync"]);
    p.write("locales/fr/doc.ftl", fr);
    p.ok(&["sync"]);
    p.write("source/doc.md", &read_data("states/new.md"));
    p.ok(&["sync"]);
    p
}

/// Every file under locales/, path → content.
fn snapshot(p: &Project) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for l in ["en", "fr", "ru", "kk"] {
        let dir = p.path(&format!("locales/{l}"));
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            out.push((
                format!("{l}/{}", e.file_name().to_string_lossy()),
                std::fs::read_to_string(e.path()).expect("read"),
            ));
        }
    }
    out.sort();
    out
}

fn tool(cmd: &str, args: &[&str]) -> std::process::Output {
    Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} is needed for this test (see .ci/run): {e}"))
}

#[track_caller]
fn xmllint_schema(file: &Path) {
    let schema = repo_root().join("tests/data/xliff-schema/xliff_core_2.0.xsd");
    let out = tool(
        "xmllint",
        &[
            "--noout",
            "--nonet",
            "--schema",
            schema.to_str().expect("path"),
            file.to_str().expect("path"),
        ],
    );
    assert!(
        out.status.success(),
        "{} is not valid XLIFF 2.0:\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// msgfmt --check passes; its only remarks may be the header fields an export leaves at
/// gettext's "not revised yet" values (PO-Revision-Date, Last-Translator).
#[track_caller]
fn msgfmt_check(file: &Path) {
    let out = tool(
        "msgfmt",
        &["--check", "-o", "/dev/null", file.to_str().expect("path")],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{}: {stderr}", file.display());
    for line in stderr.lines() {
        assert!(
            line.ends_with("still has the initial default value")
                && (line.contains("'PO-Revision-Date'") || line.contains("'Last-Translator'")),
            "msgfmt: {line}"
        );
    }
}

#[test]
fn exports_of_every_state_match_the_expected_files() {
    let p = states();
    for (format, file) in [
        ("xliff", "expected.xlf"),
        ("po", "expected.po"),
        ("tmx", "expected.tmx"),
    ] {
        let out = p.ok(&["export", "fr", "--format", format]);
        assert_eq!(out, read_data(&format!("states/{file}")), "{format}");
    }
    let only = p.ok(&["export", "fr", "--format", "po", "--only", "stale"]);
    assert_eq!(only.matches("\nmsgctxt ").count(), 1, "{only}");
    let only = p.ok(&[
        "export",
        "fr",
        "--format",
        "xliff",
        "--only",
        "missing,stale",
    ]);
    assert_eq!(only.matches("<unit ").count(), 3, "{only}");
    // A translation memory holds up-to-date pairs only.
    let o = p.run(&["export", "fr", "--format", "tmx", "--only", "stale"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("--only does not apply to TMX"),
        "{}",
        o.stderr
    );
    let o = p.run(&["export", "fr", "--format", "po", "--doc", "nope"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("unknown document `nope`"), "{}", o.stderr);
    let o = p.run(&["export", "de", "--format", "po"]);
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("unknown locale `de`"), "{}", o.stderr);
}

#[test]
fn xliff_validates_against_the_oasis_schema() {
    let p = states();
    p.ok(&["export", "fr", "--format", "xliff", "-o", "fr.xlf"]);
    xmllint_schema(&p.path("fr.xlf"));
    xmllint_schema(&data("states/expected.xlf"));
    let r = repository();
    for l in ["fr", "ru", "kk"] {
        r.ok(&["export", l, "--format", "xliff", "-o", "out.xlf"]);
        xmllint_schema(&r.path("out.xlf"));
    }
}

#[test]
fn po_passes_msgfmt_check() {
    let p = states();
    p.ok(&["export", "fr", "--format", "po", "-o", "fr.po"]);
    msgfmt_check(&p.path("fr.po"));
    let r = repository();
    for l in ["fr", "ru", "kk"] {
        r.ok(&["export", l, "--format", "po", "-o", "out.po"]);
        msgfmt_check(&r.path("out.po"));
        let po = r.read("out.po");
        assert!(po.contains(&format!("\"Language: {l}\\n\"")), "{l}");
    }
    assert!(r
        .read("out.po")
        .contains("Plural-Forms: nplurals=2; plural=(n != 1);"));
}

#[test]
fn tmx_is_well_formed_and_holds_the_up_to_date_pairs() {
    let r = repository();
    r.ok(&["export", "ru", "--format", "tmx", "-o", "ru.tmx"]);
    let out = tool(
        "xmllint",
        &["--noout", r.path("ru.tmx").to_str().expect("path")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tmx = r.read("ru.tmx");
    let translated = r.status_json("ru")["translated"].as_u64();
    assert_eq!(Some(tmx.matches("<tu ").count() as u64), translated);
    let o = r.run(&["import", "ru", "ru.tmx"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("this is a TMX translation memory"),
        "{}",
        o.stderr
    );
}

/// Export then import with no edits changes no byte, in every format, on the
/// repository's real locales and on a project with every state.
#[test]
fn export_then_import_changes_nothing() {
    for p in [repository(), states()] {
        let before = snapshot(&p);
        for l in ["fr", "ru", "kk"] {
            for (format, file) in [("xliff", "x.xlf"), ("po", "x.po")] {
                p.ok(&["export", l, "--format", format, "-o", file]);
                let out = p.ok(&["import", l, file]);
                assert!(out.ends_with("nothing to change\n"), "{l} {format}: {out}");
                assert_eq!(snapshot(&p), before, "{l} {format}");
            }
        }
    }
}

/// The states project's French exported, as a translator sends it back: edits given as
/// (text to find, replacement) on the export.
fn returned(p: &Project, format: &str, edits: &[(&str, &str)]) -> String {
    let mut text = p.ok(&["export", "fr", "--format", format]);
    for (from, to) in edits {
        assert!(text.contains(from), "{from:?} not in the export:\n{text}");
        text = text.replacen(from, to, 1);
    }
    let name = format!("back.{format}");
    p.write(&name, &text);
    name
}

#[test]
fn xliff_import_applies_confirmed_work_in_place() {
    let p = states();
    let before = p.read("locales/fr/doc.ftl");
    let file = returned(
        &p,
        "xliff",
        &[
            // A missing message translated and confirmed.
            (
                "<segment state=\"initial\">\n        <source>Opposition to regime</source>",
                "<segment state=\"translated\">\n        <source>Opposition to regime</source>\n        <target>Opposition au régime</target>",
            ),
            // The stale one updated and confirmed against the English now.
            (
                "<segment state=\"initial\" subState=\"dossier:stale\">",
                "<segment state=\"reviewed\">",
            ),
            (
                "<target>Premier paragraphe sur 2001.[^1]</target>",
                "<target>Premier paragraphe sur 2001 et &lt;après&gt; &amp; « plus ».[^1]</target>",
            ),
            // A draft: not confirmed, not applied.
            (
                "<source>Third one.</source>",
                "<source>Third one.</source>\n        <target>Troisième.</target>",
            ),
        ],
    );
    let dry = p.ok(&["import", "fr", &file, "--dry-run"]);
    assert_eq!(
        dry,
        "fr/doc opposition-to-regime [added]\n  fr: {+Opposition au régime+}\n\
         fr/doc opposition-to-regime-p1 [updated]\n  fr: Premier paragraphe sur 2001{+ et <après> & « plus »+}.[^1]\n\
         fr/doc grave-risks-p1 [skipped, line 42: not confirmed by the translator (XLIFF state=\"initial\" or PO fuzzy): a draft is not applied]\n\
         6 unit(s) read: 1 added, 1 updated, 0 confirmed, 1 skipped\n\
         would write locales/fr/doc.ftl\ndry run: nothing written\n"
    );
    assert_eq!(p.read("locales/fr/doc.ftl"), before, "--dry-run wrote");
    p.ok(&["import", "fr", &file]);
    let after = p.read("locales/fr/doc.ftl");
    let expected = before
        .replace(
            "title = Titre\n",
            "title = Titre\n\n# en: Opposition to regime\nopposition-to-regime = Opposition au régime\n",
        )
        .replace(
            "# en: First paragraph about 2001.[^1]\nopposition-to-regime-p1 = Premier paragraphe sur 2001.[^1]",
            "# en: First paragraph about 2001 and <after> & \"more\".[^1]\nopposition-to-regime-p1 = Premier paragraphe sur 2001 et <après> & « plus ».[^1]",
        );
    assert_eq!(after, expected);
    let s = p.status_json("fr");
    assert_eq!(
        (
            s["translated"].as_u64(),
            s["stale"].as_u64(),
            s["missing"].as_u64()
        ),
        (Some(5), Some(0), Some(1)),
        "{s}"
    );
    // sync has nothing left to do: the import wrote what sync would.
    assert_eq!(p.run(&["sync", "--check"]).code, 0);
}

#[test]
fn a_translation_of_old_english_is_applied_as_stale() {
    for format in ["xliff", "po"] {
        let p = states();
        let file = if format == "xliff" {
            returned(
                &p,
                "xliff",
                &[(
                    "<segment state=\"initial\">\n        <source>Third one.</source>",
                    "<segment state=\"translated\">\n        <source>Third one.</source>\n        <target>Troisième.</target>",
                )],
            )
        } else {
            returned(
                &p,
                "po",
                &[(
                    "msgid \"Third one.\"\nmsgstr \"\"",
                    "msgid \"Third one.\"\nmsgstr \"Troisième.\"",
                )],
            )
        };
        // The English changes while the file is with the translator.
        p.write(
            "source/doc.md",
            &read_data("states/new.md").replace("Third one.", "Third one, reworded."),
        );
        let out = p.ok(&["import", "fr", &file]);
        assert!(
            out.contains("fr/doc grave-risks-p1 [added, stale: translated from English that has since changed]"),
            "{format}: {out}"
        );
        assert!(
            p.read("locales/fr/doc.ftl")
                .contains("# en: Third one.\ngrave-risks-p1 = Troisième.\n"),
            "{format}"
        );
        let stale: Vec<String> = p
            .diff_states("fr")
            .into_iter()
            .filter(|d| d.1 == "stale")
            .map(|d| d.0)
            .collect();
        assert_eq!(
            stale,
            ["opposition-to-regime-p1", "grave-risks-p1"],
            "{format}"
        );
    }
}

#[test]
fn po_import_keeps_fuzzy_work_stale_and_skips_bare_fuzzy() {
    let p = states();
    let file = returned(
        &p,
        "po",
        &[
            // Work on the stale entry, still fuzzy: applied, still stale.
            (
                "msgstr \"Premier paragraphe sur 2001.[^1]\"",
                "msgstr \"Premier paragraphe sur 2001, revu.[^1]\"",
            ),
            // A fuzzy guess for a missing entry: not applied.
            (
                "msgctxt \"grave-risks-p1\"\nmsgid \"Third one.\"\nmsgstr \"\"",
                "#, fuzzy\nmsgctxt \"grave-risks-p1\"\nmsgid \"Third one.\"\nmsgstr \"Troisième.\"",
            ),
            // A confirmed translation with a line break.
            (
                "msgid \"Opposition to regime\"\nmsgstr \"\"",
                "msgid \"Opposition to regime\"\nmsgstr \"\"\n\"Opposition\\n\"\n\"au régime\"",
            ),
        ],
    );
    let out = p.ok(&["import", "fr", &file]);
    assert!(
        out.contains("fr/doc opposition-to-regime-p1 [updated, stale"),
        "{out}"
    );
    assert!(out.contains("fr/doc grave-risks-p1 [skipped"), "{out}");
    let ftl = p.read("locales/fr/doc.ftl");
    assert!(
        ftl.contains("# en: First paragraph about 2001.[^1]\nopposition-to-regime-p1 = Premier paragraphe sur 2001, revu.[^1]\n"),
        "{ftl}"
    );
    assert!(
        ftl.contains("opposition-to-regime =\n    Opposition\n    au régime\n"),
        "{ftl}"
    );
    assert!(!ftl.contains("Troisième"));
    assert_eq!(p.status_json("fr")["stale"].as_u64(), Some(1));
}

#[test]
fn confirming_a_stale_translation_restamps_it_and_keeps_notes() {
    let p = states_with(&read_data("states/fr.ftl").replace(
        "opposition-to-regime-p1 =",
        "# Translator: check the date\nopposition-to-regime-p1 =",
    ));
    // The translator reviews the stale entry and removes the fuzzy flag.
    let file = returned(
        &p,
        "po",
        &[(
            "#, fuzzy\n#| msgid \"First paragraph about 2001.[^1]\"\n",
            "",
        )],
    );
    let out = p.ok(&["import", "fr", &file]);
    assert!(
        out.contains("fr/doc opposition-to-regime-p1 [confirmed]"),
        "{out}"
    );
    assert!(p.read("locales/fr/doc.ftl").contains(
        "# Translator: check the date\n# en: First paragraph about 2001 and <after> & \"more\".[^1]\nopposition-to-regime-p1 = Premier paragraphe sur 2001.[^1]\n"
    ));
    assert_eq!(p.status_json("fr")["stale"].as_u64(), Some(0));
}

#[test]
fn new_messages_go_in_reference_order() {
    let p = states();
    p.write(
        "locales/fr/doc.ftl",
        "### fr\n\n# en: Opposition to regime\nopposition-to-regime = Opposition au régime\n\n# en: Grave risks\ngrave-risks = Risques graves\n",
    );
    let file = returned(
        &p,
        "po",
        &[
            ("msgid \"Title\"\nmsgstr \"\"", "msgid \"Title\"\nmsgstr \"Titre\""),
            (
                "msgid \"Third one.\"\nmsgstr \"\"",
                "msgid \"Third one.\"\nmsgstr \"Troisième.\"",
            ),
            (
                "msgid \"First paragraph about 2001 and <after> & \\\"more\\\".[^1]\"\nmsgstr \"\"",
                "msgid \"First paragraph about 2001 and <after> & \\\"more\\\".[^1]\"\nmsgstr \"Premier { x }.\"",
            ),
        ],
    );
    p.ok(&["import", "fr", &file]);
    assert_eq!(
        p.read("locales/fr/doc.ftl"),
        "### fr\n\n# en: Title\ntitle = Titre\n\n# en: Opposition to regime\nopposition-to-regime = Opposition au régime\n\n# en: First paragraph about 2001 and <after> & \"more\".[^1]\nopposition-to-regime-p1 = Premier { \"{\" } x { \"}\" }.\n\n# en: Grave risks\ngrave-risks = Risques graves\n\n# en: Third one.\ngrave-risks-p1 = Troisième.\n"
    );
    // A locale with no file yet gets one.
    p.ok(&["export", "ru", "--format", "po", "-o", "ru.po"]);
    p.write(
        "ru.po",
        &p.read("ru.po").replace(
            "msgid \"Grave risks\"\nmsgstr \"\"",
            "msgid \"Grave risks\"\nmsgstr \"Серьёзные риски\"",
        ),
    );
    p.ok(&["import", "ru", "ru.po"]);
    let ru = p.read("locales/ru/doc.ftl");
    assert!(
        ru.starts_with("### ru translation of source/doc.md.\n\n"),
        "{ru}"
    );
    assert!(
        ru.contains("# en: Grave risks\ngrave-risks = Серьёзные риски\n"),
        "{ru}"
    );
}

/// Every file under tests/data/interop/bad/ is refused with exactly the report in its
/// .expected file, exit 2, and nothing written.
#[test]
fn bad_files_are_refused_with_positions() {
    let p = states();
    let before = snapshot(&p);
    let mut names: Vec<String> = std::fs::read_dir(data("bad"))
        .expect("bad/")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".expected"))
        .collect();
    names.sort();
    assert!(names.len() >= 12, "{names:?}");
    for name in names {
        let bytes = std::fs::read(data(&format!("bad/{name}"))).expect("read");
        p.write_bytes(&name, &bytes);
        for args in [
            &["import", "fr", &name][..],
            &["import", "fr", &name, "--dry-run"][..],
        ] {
            let o = p.run(args);
            assert_eq!(o.code, 2, "{name}: {}{}", o.stdout, o.stderr);
            assert_eq!(
                o.stderr,
                read_data(&format!("bad/{name}.expected")),
                "{name}"
            );
            assert!(o.stdout.is_empty(), "{name}: {}", o.stdout);
        }
        assert_eq!(snapshot(&p), before, "{name} changed a file");
    }
}

/// compare-locales reads the repository's l10n.toml and reports no errors for fr, ru, kk,
/// before and after an import inserted and rewrote messages.
#[test]
fn compare_locales_reports_no_errors() {
    let r = repository();
    check_compare_locales(&r);
    // Import over the real French: one message rewritten with characters Fluent escapes.
    r.ok(&["export", "fr", "--format", "po", "-o", "fr.po"]);
    let po = r.read("fr.po");
    // The heading's translation, whatever the translators made of it.
    let ftl = r.read("locales/fr/dossier.ftl");
    let heading = ftl
        .lines()
        .find_map(|l| l.strip_prefix("opposition-to-regime = "))
        .expect("the heading is translated");
    let from = format!("msgstr \"{heading}\"");
    assert!(po.contains(&from), "{from}");
    r.write(
        "fr.po",
        &po.replace(&from, &format!("msgstr \"  {{{heading}}} \"")),
    );
    r.ok(&["import", "fr", "fr.po"]);
    check_compare_locales(&r);
    fluent_syntax_has_no_junk(&r);
}

fn check_compare_locales(p: &Project) {
    let out = Command::new("compare-locales")
        .args(["--json", "-", "l10n.toml", ".", "fr", "ru", "kk"])
        .current_dir(p.dir.path())
        .output()
        .unwrap_or_else(|e| panic!("compare-locales is needed (pip install compare-locales): {e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "compare-locales output: {e}\n{text}{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    for l in ["fr", "ru", "kk"] {
        let s = &v[0]["summary"][l];
        assert_eq!(s["errors"].as_u64(), Some(0), "{l}: {text}");
        assert_eq!(s["missing"].as_u64(), Some(0), "{l}: {text}");
    }
}

fn fluent_syntax_has_no_junk(p: &Project) {
    let files: Vec<PathBuf> = snapshot(p)
        .into_iter()
        .map(|(rel, _)| p.path(&format!("locales/{rel}")))
        .collect();
    let script = "import sys\nfrom fluent.syntax import parse, ast\nbad = 0\nfor f in sys.argv[1:]:\n    for e in parse(open(f, encoding='utf-8').read()).body:\n        if isinstance(e, ast.Junk):\n            bad += 1\n            print(f, e.content[:60])\nsys.exit(1 if bad else 0)\n";
    let out = crate::python(&["-c", script], &files);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn imports_leave_files_python_fluent_syntax_reads_without_junk() {
    let p = states();
    let file = returned(
        &p,
        "xliff",
        &[(
            "<segment state=\"initial\">\n        <source>Opposition to regime</source>",
            "<segment state=\"translated\">\n        <source>Opposition to regime</source>\n        <target>\n[not a variant] {x} *star\n.dot\t</target>",
        )],
    );
    p.ok(&["import", "fr", &file]);
    fluent_syntax_has_no_junk(&p);
    // And the value reads back as written: a second export shows it unchanged.
    let again = p.ok(&["export", "fr", "--format", "xliff"]);
    assert!(
        again.contains("<target>\n[not a variant] {x} *star\n.dot\t</target>"),
        "{again}"
    );
}
