//! `glossary`: the translation uses the glossary's term for every glossary term of its
//! English segment, in any inflected form, and none of the forbidden forms.
//!
//! ## What it does
//! Finds the glossary.csv terms in the English segment (whole words, case-insensitive,
//! `’` and `'` alike, never inside URLs; a term inside a longer one, like `BTA` inside
//! `BTA Bank`, counts once). For each, the translation must contain the locale's term or
//! one of its allowed forms, inflection-aware: Russian by Snowball stems with ё folded and
//! names by prefix (`Аблязова`, `Аблязову`), Kazakh by lemma plus suffix on the last
//! word (`Әблязовтың`) and a hyphen before the suffix of an acronym (`ҚДТ-ның`), French
//! with plural `s`/`x`. Do-not-translate entries (`dnt` = yes) must appear unchanged,
//! case for case. A forbidden form of such a term is an error where it stands, and so is
//! a word one letter off a name of the term (`Аблезов` for `Аблязов`). See
//! docs/glossary.md for the file format.
//!
//! ## Why it matters
//! Names and institutions spelt three ways across a document confuse readers and
//! courts, and a wrong transliteration (`Аблязав`) or a translated acronym (`БТА` for
//! `BTA`) is the error reviewers catch last. Exact-string glossary checks fail on
//! Russian and Kazakh, which inflect names and terms.
//!
//! ## Example
//! ```ftl
//! # en: In 2013, Kazakhstan's regime managed to bring about the arrest of Ablyazov in France.
//! arrest = В 2013 г. казахстанский режим добился ареста Аблязава во Франции.
//! ```
//! `error[glossary]: "Аблязава" is a forbidden form for "Ablyazov": write "Аблязов"
//! (inflected as needed)`.

use std::collections::BTreeSet;

use super::{Finding, Msg, Severity};
use crate::glossary::FormKind;

const CODE: &str = "glossary";

pub fn check(m: &Msg) -> Vec<Finding> {
    let Some(g) = m.glossary else {
        return Vec::new();
    };
    let lang = m.lang();
    let en_hits = m.english_terms();
    if en_hits.is_empty() {
        return Vec::new();
    }
    let words = m.words();
    let hits = m.terms_of_english();
    let first = 0..m.text.chars().next().map_or(0, char::len_utf8);
    let mut out = Vec::new();
    let mut done: BTreeSet<usize> = BTreeSet::new();
    let mut flagged: BTreeSet<(usize, usize)> = BTreeSet::new();
    // Names one letter off, for every entry of the English at once.
    let entries: Vec<usize> = {
        let mut seen = BTreeSet::new();
        en_hits
            .iter()
            .map(|(e, _)| *e)
            .filter(|e| seen.insert(*e))
            .collect()
    };
    let near = g.near_misses(lang, &entries, words);
    for (entry, en_range) in en_hits {
        if !done.insert(*entry) {
            continue;
        }
        let Some(forms) = g.forms(*entry, lang) else {
            continue;
        };
        let e = &g.entries[*entry];
        let en_text = m.english.get(en_range.clone()).unwrap_or_default();
        let expected = forms.term.join("\" or \"");
        let mine: Vec<_> = hits.iter().filter(|h| h.entry == *entry).collect();
        let good: Vec<_> = mine
            .iter()
            .filter(|h| matches!(h.kind, FormKind::Term | FormKind::Allowed))
            .collect();
        for h in mine.iter().filter(|h| h.kind == FormKind::Forbidden) {
            // Forbidden forms are explicit: an inflection of one that is also an accepted
            // form's inflection is accepted (`Штаттарында` of the forbidden
            // `Штаттар`, read as `Штаттары` + `нда`), the form itself never is.
            if !h.exact && good.iter().any(|g| g.range == h.range) {
                continue;
            }
            if !flagged.insert((h.range.start, h.range.end)) {
                continue;
            }
            let found = m.text.get(h.range.clone()).unwrap_or_default();
            out.push(Finding::error(
                CODE,
                h.range.clone(),
                format!(
                    "\"{found}\" is a forbidden form of \"{en_text}\" (glossary.csv line {}): write \"{expected}\"{}",
                    e.line,
                    if e.dnt { " unchanged" } else { " (inflected as needed)" }
                ),
            ));
        }
        for h in &good {
            if let Some(at) = h.missing_hyphen {
                let word = m.text.get(h.range.clone()).unwrap_or_default();
                let cut = at.saturating_sub(h.range.start);
                let fixed = match (word.get(..cut), word.get(cut..)) {
                    (Some(a), Some(b)) => format!("{a}-{b}"),
                    _ => word.to_string(),
                };
                out.push(
                    Finding::error(
                        CODE,
                        h.range.clone(),
                        format!("\"{word}\": in Kazakh the suffix of an acronym takes a hyphen: \"{fixed}\""),
                    )
                    .suggest(fixed.clone(), format!("write \"{fixed}\"")),
                );
            }
        }
        // A name one letter off: point at it.
        let mut near_here = false;
        for (r, name, _) in near.iter().filter(|n| n.2 == *entry) {
            near_here = true;
            if flagged.insert((r.start, r.end)) {
                let found = m.text.get(r.clone()).unwrap_or_default();
                out.push(Finding::error(
                    CODE,
                    r.clone(),
                    format!(
                        "\"{found}\" looks like a misspelling of \"{name}\" (\"{en_text}\", glossary.csv line {})",
                        e.line
                    ),
                ));
            }
        }
        let forbidden_here = mine.iter().any(|h| h.kind == FormKind::Forbidden);
        if good.is_empty() && !forbidden_here && !near_here {
            let allowed = if forms.allowed.is_empty() {
                String::new()
            } else {
                format!(" (also accepted: \"{}\")", forms.allowed.join("\", \""))
            };
            let how = if e.dnt {
                "unchanged"
            } else if matches!(lang, "ru" | "kk") {
                "in any inflected form"
            } else {
                ""
            };
            // Names, organisations and do-not-translate terms must be followed; for
            // common nouns a translator may rephrase, so a missing term is a warning.
            let proper = e.dnt || en_text.chars().any(char::is_uppercase);
            let severity = if proper {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.push(Finding {
                severity,
                ..Finding::error(
                CODE,
                first.clone(),
                format!(
                    "the English has \"{en_text}\" (glossary.csv line {}): the translation should have \"{expected}\" {how}{allowed}",
                    e.line
                )
                .replace("  ", " ")
                .trim_end()
                .to_string(),
            )});
        }
    }
    out
}
