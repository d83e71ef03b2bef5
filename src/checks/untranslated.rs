//! `untranslated`: a translation identical to its English although it has words to
//! translate, or keeping an English quotation in English.
//!
//! ## What it does
//! Reports a message whose text is the English segment unchanged (white space aside)
//! when that English has ordinary words to translate: a lowercase word of three letters
//! or more. Names, acronyms, titles of organisations
//! (`Human Rights Watch`, `Amnesty International`), do-not-translate glossary terms,
//! numbers and URLs may stay as they are.
//!
//! A passage the English quotes (`"…"`, `“…”`, `«…»`) that is English — four words or
//! more, two of them English function words (`the`, `of`, `must`, …) — and that the
//! translation keeps word for word is a warning: a quotation left in English, which the
//! other checks spare because it is quoted. A title kept as published is a justified
//! `# dossier-ignore: untranslated …`; a quoted title in another language (French in the
//! English) is not English and never reported.
//!
//! ## Why it matters
//! Copying the English into the translation (to fill a gap, or by a tool's
//! "copy source" button) makes the message look translated: `status` counts it, and the
//! edition shows English in the middle of the French text.
//!
//! ## Example
//! ```ftl
//! # en: Grave risks
//! grave-risks = Grave risks
//! ```
//! `error[untranslated]: the translation is the English text`.

use super::{Finding, Msg};

const CODE: &str = "untranslated";

/// Whether the translation is the English in NFC, white space aside (runs of it compared
/// as one space), word by word without building either; texts already in NFC (nearly
/// always) are compared as they are.
fn same(m: &Msg) -> bool {
    if m.text.split_whitespace().eq(m.english.split_whitespace()) {
        return true;
    }
    if m.is_nfc() == (true, true) {
        return false;
    }
    let (a, b) = (crate::text::nfc(m.text), crate::text::nfc(m.english));
    a.split_whitespace().eq(b.split_whitespace())
}

/// True when the English has ordinary words (not names, acronyms or do-not-translate
/// terms) that a translation would change.
pub fn has_words_to_translate(m: &Msg) -> bool {
    let mut english = m.english_masked().to_string();
    if let Some(g) = m.glossary {
        let dnt: Vec<_> = m
            .english_terms()
            .iter()
            .filter(|(e, _)| g.entries[*e].dnt)
            .map(|(_, r)| r.clone())
            .collect();
        english = super::text::mask_spans(&english, dnt.into_iter());
    }
    let words = crate::text::letter_runs(&english);
    let lower = words
        .iter()
        .filter(|(_, w)| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_lowercase))
        .count();
    lower >= 1
}

pub fn check(m: &Msg) -> Vec<Finding> {
    if !same(m) || !has_words_to_translate(m) {
        return Vec::new();
    }
    vec![Finding::error(
        CODE,
        0..m.text.len(),
        format!(
            "the translation is the English text: translate it into {}",
            m.locale
        ),
    )]
}

/// English function words: a quoted passage with two of them is English, not a title
/// in another language quoted as published.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "can", "could", "for", "from", "had",
    "has", "have", "he", "her", "his", "in", "is", "it", "its", "must", "not", "of", "on", "or",
    "she", "should", "that", "the", "their", "they", "this", "to", "was", "were", "which", "who",
    "will", "with", "would",
];

/// The English quotations the translation keeps word for word (see the module
/// documentation): a warning on each copy.
pub fn kept_quotations(m: &Msg) -> Vec<Finding> {
    if m.lang() == "en" {
        return Vec::new();
    }
    let quoted = super::wrong_language::quoted_spans(m.english_masked());
    if quoted.is_empty() {
        return Vec::new();
    }
    let en = m.english_words();
    let mut out = Vec::new();
    for q in quoted {
        let inner: Vec<&str> = (0..en.len())
            .filter(|&i| {
                let r = en.range(i);
                q.start < r.start && r.end <= q.end
            })
            .map(|i| en.norm(i))
            .collect();
        let function = inner.iter().filter(|w| FUNCTION_WORDS.contains(w)).count();
        if inner.len() < 4 || function < 2 {
            continue;
        }
        let tr = m.words();
        if let Some(at) = (0..tr.len()).find(|&at| tr.norms_eq(at, &inner)) {
            let range = tr.range(at).start..tr.range(at + inner.len() - 1).end;
            out.push(Finding::warning(
                CODE,
                range,
                "a quotation kept in English: translate it (a title kept as published: say so with `# dossier-ignore: untranslated …`)",
            ));
        }
    }
    out
}
