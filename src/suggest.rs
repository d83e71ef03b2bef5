//! Translation memory: suggestions for stale and missing messages from what a locale has
//! already translated (obsolete messages included: that is how a split or rewritten
//! paragraph gets its old translation back), with a CAT-style fuzzy match percentage.
//!
//! The match is measured as CAT tools measure it: the texts are cut into words, numbers,
//! footnote references and URLs become placeholders (a changed number is a small edit, not
//! a new word), and the word-level edit distance is taken over the longer text's length:
//! `100 × (1 − distance / longer)`, rounded down. Texts equal word for word but differing
//! in a placeable, in case or in punctuation match 99 %; 100 % is the same text.

use std::collections::HashMap;

use serde::Serialize;

use crate::ftl::EntryKind;
use crate::plan::{DocPlan, LocalePlan, State};

/// One remembered pair: the English a translation was made from, and the translation.
#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub english: String,
    pub translation: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Suggestion {
    /// The id of the message the suggestion comes from.
    pub id: String,
    /// Fuzzy match, 0–100.
    #[serde(rename = "match")]
    pub percent: u8,
    pub source: String,
    pub translation: String,
}

/// An index over a locale's translation units: words → units, to shortlist candidates so
/// that a query costs what its words cost, not the size of the memory.
pub struct Memory {
    units: Vec<Unit>,
    words: HashMap<String, Vec<usize>>,
}

/// How many shortlisted candidates get an exact similarity score.
const SHORTLIST: usize = 24;
/// Words in more units than this are too common to shortlist by.
const COMMON: usize = 64;

fn words(text: &str) -> Vec<String> {
    let mut w: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_lowercase)
        .collect();
    w.sort();
    w.dedup();
    w
}

impl Memory {
    /// The memory of `locale` over every document: every message with a translation and a
    /// known English (its stamp), live or obsolete.
    pub fn of(docs: &[DocPlan], locale: &str) -> Memory {
        Memory::of_docs(docs, locale)
    }

    /// `of` over documents taken from several places (an editor's unsaved file in place
    /// of its document on disk).
    pub fn of_docs<'a>(docs: impl IntoIterator<Item = &'a DocPlan>, locale: &str) -> Memory {
        let mut units = Vec::new();
        for d in docs {
            let Some(lp) = d.locale(locale) else { continue };
            collect(d, lp, &mut units);
        }
        let mut words_index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            for w in words(&u.english) {
                words_index.entry(w).or_default().push(i);
            }
        }
        Memory {
            units,
            words: words_index,
        }
    }

    /// Up to `n` suggestions for `english`, best first, at least `min` percent, never from
    /// message `exclude` itself.
    pub fn suggest(&self, english: &str, exclude: &str, n: usize, min: u8) -> Vec<Suggestion> {
        let mut votes: HashMap<usize, usize> = HashMap::new();
        for w in words(english) {
            if let Some(list) = self.words.get(&w) {
                if list.len() <= COMMON {
                    for &i in list {
                        *votes.entry(i).or_insert(0) += 1;
                    }
                }
            }
        }
        let mut short: Vec<(usize, usize)> = votes.into_iter().collect();
        short.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        short.truncate(SHORTLIST);
        let query = Tokens::of(english);
        let mut scored: Vec<Suggestion> = short
            .into_iter()
            .filter(|(i, _)| self.units[*i].id != exclude)
            .filter_map(|(i, _)| {
                let u = &self.units[i];
                let percent = query.percent(&Tokens::of(&u.english));
                (percent >= min).then(|| Suggestion {
                    id: u.id.clone(),
                    percent,
                    source: u.english.clone(),
                    translation: u.translation.clone(),
                })
            })
            .collect();
        scored.sort_by(|a, b| b.percent.cmp(&a.percent).then(a.id.cmp(&b.id)));
        scored.dedup_by(|a, b| a.translation == b.translation);
        scored.truncate(n);
        scored
    }

    /// The best match for `english` (see `suggest`), none below 1 %.
    pub fn best(&self, english: &str, exclude: &str) -> Option<Suggestion> {
        self.suggest(english, exclude, 1, 1).into_iter().next()
    }
}

/// A text as the match measure reads it: its words (lowercase; numbers, footnote
/// references and URLs as placeholders), and the text itself.
pub struct Tokens<'a> {
    raw: &'a str,
    words: Vec<String>,
}

impl<'a> Tokens<'a> {
    pub fn of(text: &'a str) -> Tokens<'a> {
        let mut words = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("[^") {
                if let Some(end) = after.find(']') {
                    words.push("\u{1}ref".to_string());
                    rest = &after[end + 1..];
                    continue;
                }
            }
            if rest.starts_with("http://") || rest.starts_with("https://") {
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
                    .unwrap_or(rest.len());
                words.push("\u{1}url".to_string());
                rest = &rest[end..];
                continue;
            }
            let Some(c) = rest.chars().next() else { break };
            if c.is_alphanumeric() {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == ','))
                    .unwrap_or(rest.len());
                // A word ends before a trailing full stop or comma.
                let word = rest[..end].trim_end_matches(['.', ',']);
                let len = word.len().max(c.len_utf8());
                let word = &rest[..len];
                if word
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                {
                    words.push("\u{1}num".to_string());
                } else {
                    words.push(word.to_lowercase());
                }
                rest = &rest[len..];
            } else {
                rest = &rest[c.len_utf8()..];
            }
        }
        Tokens { raw: text, words }
    }

    /// The fuzzy match of two texts, 0–100 (see the module's comment).
    pub fn percent(&self, other: &Tokens) -> u8 {
        if self.raw == other.raw {
            return 100;
        }
        let longer = self.words.len().max(other.words.len());
        if longer == 0 {
            return 99;
        }
        let d = word_distance(&self.words, &other.words);
        if d == 0 {
            return 99;
        }
        let score = 100 * (longer - d.min(longer)) / longer;
        score.min(99) as u8
    }
}

/// The fuzzy match of two texts, 0–100 (`Tokens::percent`).
pub fn percent(a: &str, b: &str) -> u8 {
    Tokens::of(a).percent(&Tokens::of(b))
}

/// Levenshtein distance over words.
fn word_distance(a: &[String], b: &[String]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, wa) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, wb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if wa == wb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

fn collect(d: &DocPlan, lp: &LocalePlan, units: &mut Vec<Unit>) {
    let Some(file) = &lp.file else { return };
    for e in &file.entries {
        let EntryKind::Message(m) = &e.kind else {
            continue;
        };
        let english = match (&m.stamp, d.index.get(&m.id)) {
            (Some(s), _) => s.clone(),
            // Unstamped live messages were made from the current English.
            (None, Some(&k)) if lp.states[k] == State::Translated => d.messages[k].text.clone(),
            _ => continue,
        };
        if m.value.trim().is_empty() {
            continue;
        }
        units.push(Unit {
            id: m.id.clone(),
            english,
            translation: m.value.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory(units: &[(&str, &str, &str)]) -> Memory {
        let units: Vec<Unit> = units
            .iter()
            .map(|(id, en, tr)| Unit {
                id: id.to_string(),
                english: en.to_string(),
                translation: tr.to_string(),
            })
            .collect();
        let mut idx: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, u) in units.iter().enumerate() {
            for w in words(&u.english) {
                idx.entry(w).or_default().push(i);
            }
        }
        Memory { units, words: idx }
    }

    #[test]
    fn matches_are_measured_as_cat_tools_do() {
        assert_eq!(percent("The court ruled.", "The court ruled."), 100);
        // A number is a placeable: changed, the words still match.
        assert_eq!(percent("For almost 30 years.", "For almost 31 years."), 99);
        assert_eq!(percent("Second paragraph", "Second Paragraph"), 99);
        assert_eq!(percent("See [^12] here", "See [^13] here"), 99);
        // One word of four changed: 75 %; one of ten: 90 %.
        assert_eq!(
            percent("He was arrested today", "He was released today"),
            75
        );
        assert_eq!(
            percent(
                "one two three four five six seven eight nine ten",
                "one two three four five six seven eight nine eleven"
            ),
            90
        );
        // Unrelated text of the same length shares nothing.
        assert!(percent("The weather was fine", "Courts ruled against him") < 30);
        assert_eq!(percent("", "x"), 0);
    }

    #[test]
    fn best_matches_first_with_percentages() {
        let m = memory(&[
            (
                "a",
                "The court rejected the extradition request.",
                "La cour a rejeté la demande d’extradition.",
            ),
            ("b", "The weather was fine.", "Il faisait beau."),
            (
                "c",
                "The court rejected the request.",
                "La cour a rejeté la demande.",
            ),
        ]);
        let s = m.suggest(
            "The court rejected the extradition request in 2016.",
            "x",
            3,
            50,
        );
        let got: Vec<(&str, u8)> = s.iter().map(|s| (s.id.as_str(), s.percent)).collect();
        assert_eq!(got.first().map(|g| g.0), Some("a"));
        assert!(got.iter().all(|g| g.0 != "b"));
        // 6 words of 8 in common, in order: 75 %.
        assert_eq!(got[0].1, 75, "{got:?}");
        assert!(m
            .suggest("The court rejected the extradition request.", "a", 3, 0)
            .iter()
            .all(|s| s.id != "a"));
    }
}
