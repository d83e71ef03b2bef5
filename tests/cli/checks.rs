//! `dossier check`: exit codes, the text and JSON reports, --fix, suppression, the
//! glossary's errors, and no error on the repository's own translations.

use crate::{repo_root, Project};

const SOURCE: &str = "# Title\n\n## Grave risks\n\nWill the homeland of human rights stop being a playground for dictators?\n\nIn 2022, Kazakhstan exported 11.5 tonnes of gunpowder.[^1]\n\n[^1]: <https://example.org/a>\n";

/// A synced project whose French translation is `fr`.
fn project(fr: &str) -> Project {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    p.write("locales/fr/doc.ftl", fr);
    p.ok(&["sync"]);
    p
}

const GOOD: &str = "title = Titre\n\ngrave-risks = Des risques graves\n\ngrave-risks-p1 = La patrie des droits de l’homme cessera-t-elle d’être un terrain de jeu pour les dictateurs\u{202F}?\n\ngrave-risks-p2 = En 2022, le Kazakhstan a exporté 11,5\u{A0}tonnes de poudre.[^1]\n";

fn json(p: &Project, args: &[&str]) -> (i32, Vec<serde_json::Value>) {
    let o = p.run(args);
    let v: serde_json::Value = serde_json::from_str(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", o.stdout, o.stderr));
    let list = v["diagnostics"].as_array().cloned().unwrap_or_default();
    (o.code, list)
}

#[test]
fn a_clean_translation_exits_0() {
    let p = project(GOOD);
    let o = p.run(&["check", "fr"]);
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("no problems found"), "{}", o.stdout);
}

#[test]
fn findings_are_rustc_style_with_line_caret_and_fix() {
    let p = project(&GOOD.replace("dictateurs\u{202F}?", "dictateurs ?"));
    let o = p.run(&["check", "fr"]);
    assert_eq!(o.code, 1, "{}", o.stdout);
    let line = p
        .read("locales/fr/doc.ftl")
        .lines()
        .position(|l| l.starts_with("grave-risks-p1"))
        .map(|i| i + 1)
        .unwrap_or(0);
    let col = "grave-risks-p1 = La patrie des droits de l’homme cessera-t-elle d’être un terrain de jeu pour les dictateurs"
        .chars()
        .count()
        + 1;
    let head = format!(
        "locales/fr/doc.ftl:{line}:{col}: error[typography]: a plain space before \"?\": French uses a no-break space"
    );
    assert!(o.stdout.contains(&head), "{}", o.stdout);
    assert!(
        o.stdout.contains(" | …"),
        "a window of the long line: {}",
        o.stdout
    );
    assert!(o.stdout.contains("^^"), "{}", o.stdout);
    assert!(
        o.stdout
            .contains("= fix: write U+202F NARROW NO-BREAK SPACE before \"?\""),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("1 error(s), 0 warning(s)"),
        "{}",
        o.stdout
    );
}

#[test]
fn json_has_the_documented_keys() {
    let p = project(&GOOD.replace("11,5", "11.5"));
    let (code, list) = json(&p, &["check", "fr", "--json"]);
    assert_eq!(code, 1);
    assert_eq!(list.len(), 1, "{list:?}");
    let d = &list[0];
    let keys: Vec<&str> = d
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let mut want = [
        "code", "severity", "locale", "file", "line", "column", "id", "message", "fix",
    ];
    want.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, want);
    assert_eq!(d["code"], "number");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["locale"], "fr");
    assert_eq!(d["file"], "locales/fr/doc.ftl");
    assert_eq!(d["id"], "grave-risks-p2");
    assert_eq!(d["fix"]["replacement"], "11,5");
    assert_eq!(d["fix"]["automatic"], false);
}

#[test]
fn fix_applies_only_safe_fixes_atomically_and_reports_each() {
    let p = project(
        &GOOD
            .replace("dictateurs\u{202F}?", "dictateurs ?")
            .replace("l’homme", "l'homme")
            .replace("11,5", "11.5"),
    );
    let o = p.run(&["check", "fr", "--fix"]);
    assert_eq!(
        o.code, 1,
        "the decimal point is left for a person: {}",
        o.stdout
    );
    assert!(
        o.stdout.contains("fixed locales/fr/doc.ftl:"),
        "{}",
        o.stdout
    );
    assert_eq!(
        o.stdout.matches("fixed locales/fr/doc.ftl:").count(),
        2,
        "{}",
        o.stdout
    );
    let text = p.read("locales/fr/doc.ftl");
    assert!(text.contains("l’homme"), "{text}");
    assert!(text.contains("dictateurs\u{202F}?"), "{text}");
    assert!(text.contains("11.5"), "{text}");
    // Stamps and everything else are untouched.
    assert!(text.contains("# en: Will the homeland"), "{text}");
    let again = p.run(&["check", "fr", "--fix"]);
    assert!(!again.stdout.contains("fixed "), "{}", again.stdout);
}

#[test]
fn a_justified_exception_is_suppressed_on_its_message() {
    let p = project(&GOOD.replace(
        "grave-risks = Des risques graves",
        "# dossier-ignore: untranslated the heading quotes the English title\ngrave-risks = Grave risks",
    ));
    let o = p.run(&["check", "fr"]);
    assert_eq!(o.code, 0, "{}", o.stdout);
    let p = project(&GOOD.replace(
        "grave-risks = Des risques graves",
        "grave-risks = Grave risks",
    ));
    let (code, list) = json(&p, &["check", "fr", "--json"]);
    assert_eq!(code, 1);
    assert_eq!(list[0]["code"], "untranslated");
}

#[test]
fn structure_errors_syntax_duplicate_and_unknown_ids() {
    // Written after the last sync: sync refuses a file with a duplicate id, check reports it.
    let p = project(GOOD);
    p.write(
        "locales/fr/doc.ftl",
        &format!("{GOOD}\ngrave-risks = Risques graves\n\ngrave-risk-p1 = Une faute de frappe\n\nbroken = {{ oops\n"),
    );
    let (code, list) = json(&p, &["check", "fr", "--json"]);
    assert_eq!(code, 1);
    let codes: Vec<(&str, u64)> = list
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or(""),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let text = p.read("locales/fr/doc.ftl");
    let line_of = |prefix: &str| {
        text.lines()
            .enumerate()
            .filter(|(_, l)| l.starts_with(prefix))
            .map(|(i, _)| i as u64 + 1)
            .last()
            .unwrap_or(0)
    };
    assert!(
        codes.contains(&("duplicate-id", line_of("grave-risks ="))),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("unknown-id", line_of("grave-risk-p1"))),
        "{codes:?}"
    );
    assert!(codes.contains(&("syntax", line_of("broken"))), "{codes:?}");
}

#[test]
fn a_broken_glossary_fails_with_its_line() {
    let p = project(GOOD);
    p.write(
        "glossary.csv",
        "en,fr,ru,kk,note,fr_allowed,ru_allowed,kk_allowed,fr_forbidden,ru_forbidden,kk_forbidden,dnt\nGrave risks,risques graves,,,,,,,,,,\nBTA,BTA\n",
    );
    let o = p.run(&["check"]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stderr
            .contains("glossary.csv:3: this row has 2 field(s), the header has 12"),
        "{}",
        o.stderr
    );
    p.write(
        "glossary.csv",
        "en,fr,ru,kk,note,fr_allowed,ru_allowed,kk_allowed,fr_forbidden,ru_forbidden,kk_forbidden,dnt\nBTA,BTA,BTA,BTA,,,,,,,,yes\n\"Grave risks,risques graves,,,,,,,,,,\nX,Y,,,,,,,,,,\n",
    );
    let o = p.run(&["check"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("glossary.csv:3: a quoted field is never closed"),
        "{}",
        o.stderr
    );
    p.write("glossary.csv", "en,fr,xx-bad-column\n");
    let o = p.run(&["check"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .contains("glossary.csv:1: unknown column `xx-bad-column`"),
        "{}",
        o.stderr
    );
}

#[test]
fn the_glossary_is_read_from_the_project() {
    let p = project(&GOOD.replace("Kazakhstan", "Kazakstan"));
    p.write(
        "glossary.csv",
        "en,fr,ru,kk,note,fr_allowed,ru_allowed,kk_allowed,fr_forbidden,ru_forbidden,kk_forbidden,dnt\nKazakhstan,Kazakhstan,Казахстан,Қазақстан,,,,,Kazakstan,,,\n",
    );
    let (code, list) = json(&p, &["check", "fr", "--json"]);
    assert_eq!(code, 1);
    assert_eq!(list[0]["code"], "glossary", "{list:?}");
}

/// Real errors found in the repository's translations, reported to their owners rather
/// than edited here (see the checks' report): (file, line, code).
const KNOWN: &[(&str, u64, &str)] = &[("locales/kk/dossier.ftl", 154, "number")];

#[test]
fn the_repository_translations_have_no_errors() {
    let root = repo_root().to_string_lossy().into_owned();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["--root", &root, "check", "--json"])
        .output()
        .expect("run dossier");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let errors: Vec<String> = v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["severity"] == "error")
        .filter(|d| {
            !KNOWN.iter().any(|(f, l, c)| {
                d["file"] == *f && d["line"].as_u64() == Some(*l) && d["code"] == *c
            })
        })
        .map(|d| {
            format!(
                "{}:{}: {} {}",
                d["file"], d["line"], d["code"], d["message"]
            )
        })
        .collect();
    assert!(errors.is_empty(), "false positives:\n{}", errors.join("\n"));
}

/// What `check` found, as (file, line, code, message) lines.
fn findings(p: &Project, args: &[&str]) -> Vec<String> {
    let (_, list) = json(p, args);
    list.iter()
        .map(|d| format!("{} {} {} {}", d["file"], d["line"], d["code"], d["message"]))
        .collect()
}

#[test]
fn the_cache_gives_the_findings_a_full_check_gives() {
    let p = project(&GOOD.replace("11,5", "11.5"));
    let full = findings(&p, &["check", "--json", "--no-cache"]);
    assert_eq!(full.len(), 1, "{full:?}");
    assert!(
        !p.path(".dossier-cache/check-fr").exists(),
        "--no-cache writes nothing"
    );
    // Cold, then warm: the same findings.
    assert_eq!(findings(&p, &["check", "--json"]), full);
    assert!(p.path(".dossier-cache/check-fr").exists());
    assert_eq!(findings(&p, &["check", "--json"]), full);
    // An edited translation is checked again.
    p.write(
        "locales/fr/doc.ftl",
        &p.read("locales/fr/doc.ftl")
            .replace("exporté 11.5", "exporté 11,5"),
    );
    assert_eq!(findings(&p, &["check", "--json"]), Vec::<String>::new());
    // A new glossary is a new cache: its term is enforced on messages seen before.
    p.write(
        "glossary.csv",
        "en,fr,ru,kk,note,fr_allowed,ru_allowed,kk_allowed,fr_forbidden,ru_forbidden,kk_forbidden,dnt\ntonnes,tonnes métriques,,,,,,,,,,\n",
    );
    let with_term = findings(&p, &["check", "--json"]);
    assert_eq!(with_term, findings(&p, &["check", "--json", "--no-cache"]));
    assert!(
        with_term.iter().any(|f| f.contains("glossary")),
        "{with_term:?}"
    );
    // A damaged cache is no cache.
    p.write(".dossier-cache/check-fr", "not a cache");
    assert_eq!(findings(&p, &["check", "--json"]), with_term);
    assert_eq!(findings(&p, &["check", "--json"]), with_term);
    // A glossary broken after a warm run is reported, not skipped for the cache's sake.
    p.write("glossary.csv", "en,fr\n\"tonnes,tonnes\n");
    let o = p.run(&["check"]);
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert!(o.stderr.contains("glossary.csv:2:"), "{}", o.stderr);
}

/// Whatever the caches save, a cold run (a fresh clone: no `.dossier-cache/`), warm runs
/// and `--no-cache` report the same findings and counts, on a corpus of three documents
/// (the repository's, twice more with faults in every locale), before and after an
/// English edit and `sync`.
#[test]
fn cold_warm_and_no_cache_agree_on_a_corpus() {
    let p = crate::repository();
    let source = p.read("source/dossier.md");
    let reference = p.read("locales/en/dossier.ftl");
    let faults: [(&str, &str, &str, &str); 5] = [
        ("doc2", "fr", "11,5\u{A0}tonnes", "11,5 tonnes"),
        ("doc2", "ru", "Аблязова", "Аблязава"),
        ("doc3", "kk", "Әблязовтың", "Аблязовтың"),
        ("doc3", "fr", "l’Office", "l'Office"),
        ("doc3", "ru", "«", "\""),
    ];
    for doc in ["doc2", "doc3"] {
        p.write(&format!("source/{doc}.md"), &source);
        p.write(&format!("locales/en/{doc}.ftl"), &reference);
        for l in ["fr", "ru", "kk"] {
            let mut text = p.read(&format!("locales/{l}/dossier.ftl"));
            for (d, fl, from, to) in faults {
                if d == doc && fl == l {
                    assert!(text.contains(from), "{doc} {l}: no {from}");
                    text = text.replacen(from, to, 1);
                }
            }
            p.write(&format!("locales/{l}/{doc}.ftl"), &text);
        }
    }
    let agree = |p: &Project, when: &str| {
        let full = findings(p, &["check", "--json", "--no-cache"]);
        assert!(full.len() >= faults.len(), "{when}: {full:?}");
        let _ = std::fs::remove_dir_all(p.path(".dossier-cache"));
        assert_eq!(findings(p, &["check", "--json"]), full, "{when}: cold");
        assert_eq!(findings(p, &["check", "--json"]), full, "{when}: warm");
        assert_eq!(
            findings(p, &["check", "--json"]),
            full,
            "{when}: warm again"
        );
        let status = |args: &[&str]| -> String { p.ok(args) };
        let none = status(&["status", "--json", "--no-cache"]);
        assert_eq!(status(&["status", "--json"]), none, "{when}: status");
        assert_eq!(status(&["status", "--json"]), none, "{when}: status, warm");
    };
    agree(&p, "as written");
    // The English changes (a sentence added to a paragraph of two documents), `sync`
    // records its plan: the next runs take the references from it.
    for doc in ["dossier", "doc3"] {
        let text = p.read(&format!("source/{doc}.md"));
        let edited = text.replacen(
            "political asylum in France.",
            "political asylum in France. The court confirmed this again in 2024.",
            1,
        );
        assert_ne!(text, edited, "{doc}: nothing to edit");
        p.write(&format!("source/{doc}.md"), &edited);
    }
    p.ok(&["sync"]);
    let warm = findings(&p, &["check", "--json"]);
    agree(&p, "after an edit and sync");
    assert_eq!(warm, findings(&p, &["check", "--json", "--no-cache"]));
}
