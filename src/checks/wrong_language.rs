//! `wrong-language`: a translation that is not in its locale's language.
//!
//! ## What it does
//! Removes URLs, markup, quotations (a French title quoted in a Kazakh message) and the
//! capitalised words the English segment also has (names), then: a message mostly in
//! another script is reported; a Latin-script message (fr) of five words or more is
//! identified with lingua between English and French, a Kazakh one with lingua between
//! Russian and Kazakh (only the models of the message's script load, on first use, only
//! when this check runs). Russian never uses ӘҒҚҢӨҰҮҺІ, so a Russian message with three
//! or more words containing them (a fifth of its words at least) reads as Kazakh. Kazakh
//! adds a heuristic lingua needs help with: a Kazakh message of eight Cyrillic words or
//! more without any of ӘҒҚҢӨҰҮҺІ is almost certainly Russian. The model is asked only
//! when the words leave a doubt: a French message whose function words (and accented words) are French
//! (`le`, `des`, `qui`…: three at least, and four times as many as English ones), a Kazakh
//! one whose words often carry ӘҒҚҢӨҰҮҺІ, are taken as what they are (a test compares
//! this shortcut with the model on every message of the repository's translations).
//!
//! Limits: a single Russian letter typed for a Kazakh one (Қазакстан) is caught only
//! through glossary terms (`glossary`) or this heuristic; short messages (under five
//! words) are not identified.
//!
//! ## Why it matters
//! Pasting the wrong column, or a Russian draft into the Kazakh file (kk falls back to
//! ru, so the two are easy to mix), produces a message that looks translated and is
//! counted as translated, but that the edition's readers cannot read.
//!
//! ## Example
//! ```ftl
//! # en: Mukhtar Ablyazov used to be a leading donor of the country's civil society and independent media.
//! donor = Мухтар Аблязов был одним из главных доноров гражданского общества и независимых СМИ страны.
//! ```
//! In `locales/kk/`: `error[wrong-language]: this Kazakh message has 13 words and none of
//! the letters ӘҒҚҢӨҰҮҺІ: it reads as Russian`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

use super::{Finding, Msg};
use crate::text::{is_cyrillic, is_latin, letter_runs};

const CODE: &str = "wrong-language";
const KAZAKH_LETTERS: &str = "ӘҒҚҢӨҰҮҺІәғқңөұүһі";

/// The detector for a script, built on first use with only the languages written in it:
/// the script test has already told Latin from Cyrillic, and fewer models load faster.
fn detector(latin: Option<bool>) -> &'static LanguageDetector {
    static LATIN: OnceLock<LanguageDetector> = OnceLock::new();
    static CYRILLIC: OnceLock<LanguageDetector> = OnceLock::new();
    static ALL: OnceLock<LanguageDetector> = OnceLock::new();
    let (cell, langs): (_, &[Language]) = match latin {
        Some(true) => (&LATIN, &[Language::English, Language::French]),
        Some(false) => (&CYRILLIC, &[Language::Russian, Language::Kazakh]),
        None => (
            &ALL,
            &[
                Language::English,
                Language::French,
                Language::Russian,
                Language::Kazakh,
            ],
        ),
    };
    cell.get_or_init(|| LanguageDetectorBuilder::from_languages(langs).build())
}

fn language_of(lang: &str) -> Option<Language> {
    Some(match lang {
        "en" => Language::English,
        "fr" => Language::French,
        "ru" => Language::Russian,
        "kk" => Language::Kazakh,
        _ => return None,
    })
}

fn name(l: Language) -> &'static str {
    match l {
        Language::English => "English",
        Language::French => "French",
        Language::Russian => "Russian",
        Language::Kazakh => "Kazakh",
    }
}

/// Expected script of a language: true for Latin, false for Cyrillic.
fn latin_script(lang: &str) -> Option<bool> {
    match lang {
        "fr" | "en" | "de" | "es" | "it" | "pt" | "nl" | "pl" | "cs" => Some(true),
        "ru" | "kk" | "uk" | "be" | "bg" | "sr" | "mk" => Some(false),
        _ => None,
    }
}

pub fn check(m: &Msg) -> Vec<Finding> {
    verdict(m, true).0
}

/// The findings, and whether the language model was asked; `shortcut` false always asks it
/// where `evident` would have answered (for the test that compares the two).
fn verdict(m: &Msg, shortcut: bool) -> (Vec<Finding>, bool) {
    let lang = m.lang();
    let whole = 0..m.text.len();
    // Kazakh letters heuristic, on the whole message.
    if lang == "kk" {
        let cyr_words = letter_runs(&m.masked)
            .iter()
            .filter(|(_, w)| w.chars().all(is_cyrillic))
            .count();
        if cyr_words >= 8 && !m.masked.contains(|c| KAZAKH_LETTERS.contains(c)) {
            return (
                vec![Finding::error(
                    CODE,
                    whole,
                    format!(
                    "this Kazakh message has {cyr_words} Cyrillic words and none of the letters \
                     ӘҒҚҢӨҰҮҺІ: it reads as Russian"
                ),
                )],
                false,
            );
        }
    }
    // Names and quotations say nothing of the message's language: leave out the words
    // inside quotes (a French title quoted in a Kazakh message) and the capitalised
    // words the English also has (names).
    let en_words: BTreeSet<String> = letter_runs(&m.english_masked)
        .into_iter()
        .map(|(_, w)| w.to_lowercase())
        .collect();
    let quoted = quoted_spans(&m.masked);
    let runs: Vec<&str> = letter_runs(&m.masked)
        .into_iter()
        .filter(|(r, _)| !quoted.iter().any(|q| q.start <= r.start && r.end <= q.end))
        .filter(|(_, w)| {
            !(en_words.contains(&w.to_lowercase())
                && w.chars().next().is_some_and(char::is_uppercase))
        })
        .map(|(_, w)| w)
        .collect();
    let latin = latin_script(lang);
    if let Some(latin) = latin {
        let own: String = runs.concat();
        let l = own.chars().filter(|c| is_latin(*c)).count();
        let c = own.chars().filter(|c| is_cyrillic(*c)).count();
        let (mine, other) = if latin { (l, c) } else { (c, l) };
        if other >= 25 && other > 2 * mine {
            return (
                vec![Finding::error(
                    CODE,
                    whole,
                    format!(
                        "this {lang} message is mostly in {} script",
                        if latin { "Cyrillic" } else { "Latin" }
                    ),
                )],
                false,
            );
        }
    }
    let sample: Vec<&str> = runs
        .into_iter()
        .filter(|w| match latin {
            // Only the words in the locale's script: the others are names or
            // quotations, in someone else's language.
            Some(true) => !w.chars().any(is_cyrillic),
            Some(false) => !w.chars().any(is_latin),
            None => true,
        })
        .collect();
    let letters: usize = sample.iter().map(|w| w.chars().count()).sum();
    if sample.len() < 5 || letters < 25 {
        return (Vec::new(), false);
    }
    let Some(expected) = language_of(lang) else {
        return (Vec::new(), false);
    };
    // Russian never uses ӘҒҚҢӨҰҮҺІ: several words with them in a Russian message are
    // Kazakh, without a model.
    if expected == Language::Russian {
        let kazakh = sample
            .iter()
            .filter(|w| w.contains(|c| KAZAKH_LETTERS.contains(c)))
            .count();
        if kazakh >= 3 && kazakh * 5 >= sample.len() {
            return (vec![Finding::error(
                CODE,
                whole,
                format!("this ru message has {kazakh} words with Kazakh letters (ӘҒҚҢӨҰҮҺІ): it reads as Kazakh"),
            )], false);
        }
        return (Vec::new(), false);
    }
    if shortcut && evident(expected, &sample) {
        return (Vec::new(), false);
    }
    let sample = sample.join(" ");
    let values = detector(latin).compute_language_confidence_values(sample);
    let Some((top, conf)) = values.first().copied() else {
        return (Vec::new(), true);
    };
    let mine = values
        .iter()
        .find(|(l, _)| *l == expected)
        .map_or(0.0, |(_, c)| *c);
    if top != expected && conf >= 0.5 && mine < 0.25 {
        return (
            vec![Finding::error(
                CODE,
                whole,
                format!(
                    "this {lang} message reads as {} (confidence {:.0} %, {} {:.0} %)",
                    name(top),
                    conf * 100.0,
                    name(expected),
                    mine * 100.0
                ),
            )],
            true,
        );
    }
    (Vec::new(), true)
}

/// Words only French writes often, and words only English writes often (none of them a
/// word of the other language: not "a", "an", "on", "as").
const FRENCH: &[&str] = &[
    "le", "la", "les", "l", "de", "des", "du", "d", "et", "à", "au", "aux", "un", "une", "dans",
    "pour", "par", "sur", "est", "sont", "qui", "que", "qu", "ne", "pas", "il", "elle", "ils",
    "se", "sa", "ses", "cette", "avec", "été", "ont", "était", "leur", "leurs", "après", "contre",
    "selon", "lors", "en", "ou", "où", "ces", "son", "ce", "mais", "dont", "lui",
];

/// Letters French writes and English does not (outside borrowed names, which the sample
/// leaves out when the English has them too).
const FRENCH_LETTERS: &str = "éèêëàâçîïôûùœÉÈÊËÀÂÇÎÏÔÛÙŒ";
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "was", "that", "for", "with", "by", "at", "from", "his",
    "he", "it", "be", "has", "have", "were", "which", "are", "this", "not", "been", "who", "its",
    "their", "after", "against",
];

/// True when the sample is plainly in the expected language, so the statistical model
/// has nothing to decide: a French message whose function words and accented words are
/// French (three at least, a fifth of its words, and four times as many as English
/// function words), a Kazakh message
/// whose words often carry the letters Russian never uses (two at least, a sixth of its
/// words). Loading the models and scoring n-grams was most of `check`'s time, for
/// messages like these; a test compares this answer with the model's on every message of
/// the repository's translations.
fn evident(expected: Language, sample: &[&str]) -> bool {
    match expected {
        Language::French => {
            let (mut fr, mut en) = (0, 0);
            for w in sample {
                let w = w.to_lowercase();
                if FRENCH.contains(&w.as_str()) || w.contains(|c| FRENCH_LETTERS.contains(c)) {
                    fr += 1;
                } else if ENGLISH.contains(&w.as_str()) {
                    en += 1;
                }
            }
            fr >= 3 && fr * 5 >= sample.len() && fr >= 4 * en
        }
        Language::Kazakh => {
            let kazakh = sample
                .iter()
                .filter(|w| w.contains(|c| KAZAKH_LETTERS.contains(c)))
                .count();
            kazakh >= 2 && kazakh * 6 >= sample.len()
        }
        _ => false,
    }
}

/// The spans inside quotation marks: « », “ ”, „ “, and straight double quotes.
fn quoted_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        let close = match stack.last() {
            Some(('«', _)) => c == '»',
            Some(('“', _)) => c == '”',
            Some(('„', _)) => c == '“' || c == '”',
            Some(('"', _)) => c == '"',
            _ => false,
        };
        if close {
            if let Some((_, start)) = stack.pop() {
                if stack.is_empty() {
                    out.push(start..i);
                }
            }
        } else if matches!(c, '«' | '“' | '„' | '"') {
            stack.push((c, i));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ftl::FtlFile;

    fn file(locale: &str) -> FtlFile {
        let path = format!(
            "{}/locales/{locale}/dossier.ftl",
            env!("CARGO_MANIFEST_DIR")
        );
        FtlFile::parse(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
    }

    /// Every message of the repository's translations, checked as `as_locale` (its own
    /// locale, or another one to see a wrong language caught): the shortcut gives the
    /// model's answer, and spares the model for most messages.
    fn compare(text_locale: &str, as_locale: &str) -> (usize, usize, usize) {
        let english = file("en");
        let texts = file(text_locale);
        let (mut asked, mut spared, mut flagged) = (0, 0, 0);
        for (_, t) in texts.messages() {
            let Some(en) = english.message(&t.id) else {
                continue;
            };
            let m = Msg::new(as_locale, &t.id, &en.value, &t.value, None);
            let (fast, fast_asked) = verdict(&m, true);
            let (slow, slow_asked) = verdict(&m, false);
            assert_eq!(
                fast.iter().map(|f| &f.message).collect::<Vec<_>>(),
                slow.iter().map(|f| &f.message).collect::<Vec<_>>(),
                "{text_locale} as {as_locale}: {}",
                t.id
            );
            flagged += usize::from(!fast.is_empty());
            if slow_asked {
                if fast_asked {
                    asked += 1;
                } else {
                    spared += 1;
                }
            }
        }
        (asked, spared, flagged)
    }

    #[test]
    fn shortcut_agrees_with_the_model_on_real_translations() {
        for (text, as_locale) in [("fr", "fr"), ("kk", "kk")] {
            let (asked, spared, flagged) = compare(text, as_locale);
            assert_eq!(flagged, 0, "{text}");
            assert!(
                spared >= 9 * (asked + spared) / 10,
                "{text}: the model was still asked for {asked} of {} messages",
                asked + spared
            );
        }
        // Text in another language is still caught (the findings are the model's, as
        // compared above; English quoting French titles is French, for both).
        for (text, as_locale) in [("en", "fr"), ("ru", "kk"), ("fr", "kk"), ("kk", "fr")] {
            let (asked, spared, flagged) = compare(text, as_locale);
            assert!(
                flagged >= 30,
                "{text} checked as {as_locale}: {flagged} caught ({asked} asked, {spared} spared)"
            );
        }
    }
}
