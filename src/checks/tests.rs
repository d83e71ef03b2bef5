//! Fixture tests: `tests/data/checks/<code>.ftl` for every check code.
//!
//! A fixture is a Fluent file in sections, each opened by a group comment
//! `## locale: xx`. Every message carries its English as its stamp (`# en: …`), which is
//! what the check compares it with; the reference is the set of stamped ids (plus the
//! ids of `### retired:` lines), so a message without a stamp is unknown. A faulty
//! message says what it must produce with a comment `# expect: CODE` (several codes
//! separated by commas; `CODE@+N` for a finding N lines below the message's first line,
//! `CODE@-N` N lines above it, on its comments) on a line of its own above the message.
//! The test asserts that each expected finding is reported with its code on its line,
//! and that the check under test reports nothing else: every other message is a case it
//! must leave alone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::{check_file, Reference, Severity, Target, CODES};
use crate::ftl::FtlFile;
use crate::glossary::Glossary;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/checks")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(data(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn glossary() -> Glossary {
    Glossary::parse(&read("glossary.csv")).unwrap_or_else(|e| panic!("glossary.csv: {e}"))
}

/// The fixture's text for one locale: the other sections blanked line for line, so line
/// numbers stay those of the file.
fn section(src: &str, locale: &str) -> String {
    let mut current: Option<String> = None;
    let mut out = Vec::new();
    for line in src.split('\n') {
        if let Some(l) = line.strip_prefix("## locale:") {
            current = Some(l.trim().to_string());
            out.push("");
            continue;
        }
        let keep = current.is_none() || current.as_deref() == Some(locale);
        out.push(if keep { line } else { "" });
    }
    out.join("\n")
}

fn locales_of(src: &str) -> Vec<String> {
    src.lines()
        .filter_map(|l| l.strip_prefix("## locale:"))
        .map(|l| l.trim().to_string())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// (code, line) of every finding a fixture expects: `# expect: …` comment lines apply
/// to the next line that is not a comment (the message's id line, or the broken line).
fn expected(text: &str) -> BTreeSet<(String, usize)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = BTreeSet::new();
    for (i, l) in lines.iter().enumerate() {
        let Some(list) = l.strip_prefix("# expect:") else {
            continue;
        };
        let target = (i + 1..lines.len())
            .find(|&j| !lines[j].starts_with('#') && !lines[j].trim().is_empty())
            .map_or(i + 1, |j| j + 1);
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (code, line) = if let Some((c, n)) = item.split_once("@+") {
                (c, target + n.parse::<usize>().unwrap_or(0))
            } else if let Some((c, n)) = item.split_once("@-") {
                (c, target - n.parse::<usize>().unwrap_or(0))
            } else {
                (item, target)
            };
            assert!(
                CODES.contains(&code),
                "unknown code {code} in an expect comment"
            );
            out.insert((code.to_string(), line));
        }
    }
    out
}

fn reference(file: &FtlFile) -> Reference {
    let mut english = std::collections::HashMap::new();
    for (_, m) in file.messages() {
        if let Some(s) = &m.stamp {
            english.entry(m.id.clone()).or_insert_with(|| s.clone());
        }
    }
    Reference {
        english,
        retired: crate::plan::retired_ids(&file.src),
    }
}

/// The target of a locale file's text `src` in `locale`, its reference made from the
/// stamps, with the default review policy.
fn target(locale: &str, src: &str) -> Target {
    let file = FtlFile::parse(src);
    Target {
        locale: locale.into(),
        path: "x.ftl".into(),
        reference: reference(&file),
        file,
        review: Default::default(),
    }
}

#[track_caller]
fn run_fixture(code: &str) {
    let name = format!("{code}.ftl");
    let src = read(&name);
    let locales = locales_of(&src);
    assert!(!locales.is_empty(), "{name}: no `## locale: xx` section");
    let g = glossary();
    let mut want: BTreeSet<(String, usize)> = BTreeSet::new();
    let mut got: BTreeSet<(String, usize)> = BTreeSet::new();
    let mut report: BTreeMap<(String, usize), String> = BTreeMap::new();
    for locale in &locales {
        let text = section(&src, locale);
        let file = FtlFile::parse(&text);
        let exp = expected(&text);
        let target = Target {
            locale: locale.clone(),
            path: format!("tests/data/checks/{name}"),
            reference: reference(&file),
            file,
            review: Default::default(),
        };
        for d in check_file(&target, Some(&g)) {
            let key = (d.code.to_string(), d.line);
            // The check under test must report exactly what is expected; other checks
            // only where the fixture expects them too.
            if d.code == code || exp.contains(&key) {
                report.insert(key.clone(), format!("{locale}: {}", d.message));
                got.insert(key);
            }
        }
        want.extend(exp);
    }
    let missing: Vec<_> = want.difference(&got).collect();
    let unexpected: Vec<String> = got
        .difference(&want)
        .map(|k| format!("{k:?} {}", report.get(k).map_or("", String::as_str)))
        .collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "{name}:\n  expected but not reported: {missing:?}\n  reported but not expected:\n    {}",
        unexpected.join("\n    ")
    );
    assert!(
        want.iter().any(|(c, _)| c == code),
        "{name}: the fixture expects no `{code}` finding"
    );
}

#[test]
fn every_code_has_a_fixture_and_a_documented_file() {
    for code in CODES {
        assert!(
            data(&format!("{code}.ftl")).is_file(),
            "no fixture for {code}"
        );
        let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("src/checks")
            .join(format!("{}.rs", code.replace('-', "_")));
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            text.starts_with(&format!("//! `{code}`:")),
            "{}: must start with //! `{code}`: …",
            file.display()
        );
        for section in ["## What it does", "## Why it matters", "## Example"] {
            assert!(
                text.contains(&format!("//! {section}")),
                "{code}: no {section}"
            );
        }
    }
}

#[test]
fn fixture_syntax() {
    run_fixture("syntax");
}

#[test]
fn fixture_review() {
    run_fixture("review");
}

/// With `[review] required`, up-to-date translations without an approval that holds are
/// findings of the configured severity; approved, stale and rejected ones are not (the
/// rejection is its own warning).
#[test]
fn required_review_reports_unapproved_translations() {
    let src = section(&read("review.ftl"), "fr");
    let file = FtlFile::parse(&src);
    let target = Target {
        locale: "fr".into(),
        path: "x.ftl".into(),
        reference: reference(&file),
        file,
        review: super::review::Policy {
            required: Some(Severity::Error),
        },
    };
    let found: Vec<(String, Severity)> = check_file(&target, None)
        .into_iter()
        .filter(|d| d.code == "review")
        .map(|d| (d.id.unwrap_or_default(), d.severity))
        .collect();
    assert_eq!(
        found,
        [
            ("opposition-to-regime".to_string(), Severity::Warning),
            ("opposition-to-regime-2".to_string(), Severity::Error),
            ("opposition-to-regime-p2".to_string(), Severity::Error),
        ]
    );
}

#[test]
fn fixture_duplicate_id() {
    run_fixture("duplicate-id");
}

#[test]
fn fixture_unknown_id() {
    run_fixture("unknown-id");
}

#[test]
fn fixture_markup() {
    run_fixture("markup");
}

#[test]
fn fixture_number() {
    run_fixture("number");
}

#[test]
fn fixture_glossary() {
    run_fixture("glossary");
}

#[test]
fn fixture_typography() {
    run_fixture("typography");
}

#[test]
fn fixture_mixed_script() {
    run_fixture("mixed-script");
}

#[test]
fn fixture_invisible() {
    run_fixture("invisible");
}

#[test]
fn fixture_wrong_language() {
    run_fixture("wrong-language");
}

#[test]
fn fixture_untranslated() {
    run_fixture("untranslated");
}

#[test]
fn fixture_length() {
    run_fixture("length");
}

#[test]
fn suppression_needs_a_known_code_and_a_reason() {
    let src = "# dossier-ignore: untranslated the heading is a quotation\n# en: Grave risks\ngrave-risks = Grave risks\n\n# dossier-ignore: untranslated\n# en: Opposition to regime\nopposition = Opposition to regime\n\n# dossier-ignore: nonsense why\n# en: Europe\neurope = Europe\n";
    let target = target("fr", src);
    let found: Vec<(String, usize)> = check_file(&target, None)
        .into_iter()
        .map(|d| (d.code.to_string(), d.line))
        .collect();
    assert_eq!(
        found,
        [("syntax".to_string(), 5), ("syntax".to_string(), 9)],
        "the first is suppressed with a reason; the others are reported as malformed"
    );
}

#[test]
fn automatic_fixes_replace_exactly_their_text() {
    let src = "# en: Will it stop? It's \"over\"...\nq = Cela cessera-t-il ? C'est « fini »...\n";
    let target = target("fr", src);
    let diags = check_file(&target, None);
    let (fixed, applied) = super::apply_fixes(src, &diags);
    assert_eq!(applied.len(), 5, "{diags:#?}");
    assert_eq!(
        fixed,
        "# en: Will it stop? It's \"over\"...\nq = Cela cessera-t-il\u{202F}? C’est «\u{A0}fini\u{A0}»…\n"
    );
}

#[test]
fn numbers_and_units_are_joined_by_a_no_break_space() {
    let fix = |locale: &str, en: &str, tr: &str| {
        let src = format!("# en: {en}\nm = {tr}\n");
        let target = target(locale, &src);
        let diags = check_file(&target, None);
        let (fixed, _) = super::apply_fixes(&src, &diags);
        fixed
            .trim_end()
            .rsplit("m = ")
            .next()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        fix(
            "fr",
            "1,000 dollars in 30 days",
            "1\u{202F}000 dollars en 30 jours en 2016 les"
        ),
        "1\u{202F}000\u{A0}dollars en 30\u{A0}jours en 2016 les"
    );
    assert_eq!(
        fix("ru", "11.5 t in 2001", "11,5 тонны в 2001 г. и в 2020 году"),
        "11,5\u{A0}тонны в 2001\u{A0}г. и в 2020 году"
    );
    assert_eq!(
        fix(
            "kk",
            "256 people in 2022 for 6 years",
            "256 адам 2022 ж. 6 жылға, 2020 жылғы"
        ),
        "256\u{A0}адам 2022\u{A0}ж. 6\u{A0}жылға, 2020 жылғы"
    );
}

/// Text after a URL with non-ASCII letters is checked like any other (the URL is masked
/// byte for byte; a masked Cyrillic letter is two spaces, which once shifted what
/// `typography` compared after it).
#[test]
fn text_after_a_non_ascii_url_is_checked() {
    let src = "# en: See https://ru.wikipedia.org/wiki/Казахстан and OFPRA's file.\nm = Voir https://ru.wikipedia.org/wiki/Казахстан et le dossier de l'Ofpra.\n";
    let target = target("fr", src);
    let found: Vec<(&str, String)> = check_file(&target, None)
        .iter()
        .map(|d| (d.code, d.message.clone()))
        .collect();
    assert_eq!(
        found,
        [(
            "typography",
            "straight apostrophe ': use ’ (U+2019)".to_string()
        )]
    );
}

#[test]
fn positions_are_exact_in_block_values_and_junk() {
    let src = "# en: First line.\n# en+ Second line with it's apostrophe.\ntwo =\n    Première ligne.\n    Deuxième ligne avec l'apostrophe.\n\n# en: Grave risks\nbroken = Des { risques\n";
    let target = target("fr", src);
    let found: Vec<(&str, usize, usize)> = check_file(&target, None)
        .iter()
        .map(|d| (d.code, d.line, d.column))
        .collect();
    let junk_col = "broken = Des { risques".len() + 1;
    assert_eq!(
        found,
        [("typography", 5, 26), ("syntax", 8, junk_col)],
        "the apostrophe on the value's second line; the parser's error position"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(100))]
    /// Any English and any translation: the checks never panic and every finding lies
    /// inside the file.
    #[test]
    fn checks_never_panic(
        en in "[a-zA-Zа-яәғқңөұүһіА-Я0-9 .,;:!?«»\"'’…*_\\[\\]^<>()\u{A0}\u{202F}\u{200B}\u{0301}-]{0,60}",
        tr in "[a-zA-Zа-яәғқңөұүһіА-Я0-9 .,;:!?«»\"'’…*_\\[\\]^<>()\u{A0}\u{202F}\u{200B}\u{0301}-]{0,60}",
        locale in "fr|ru|kk|uk",
    ) {
        let src = format!("{}\n", crate::ftl::write_message("m", &tr, &crate::ftl::stamp_lines(&en)));
        let target = target(&locale, &src);
        let g = glossary();
        for d in check_file(&target, Some(&g)) {
            proptest::prop_assert!(d.span.end <= src.len());
            proptest::prop_assert!(d.line >= 1 && d.column >= 1);
        }
    }
}
