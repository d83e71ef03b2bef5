//! Translation memory: suggestions for stale and missing messages from what a locale has
//! already translated (obsolete messages included: that is how a split or rewritten
//! paragraph gets its old translation back), with a CAT-style fuzzy match percentage.

use std::collections::HashMap;

use serde::Serialize;

use crate::align::similarity;
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
        let mut scored: Vec<Suggestion> = short
            .into_iter()
            .filter(|(i, _)| self.units[*i].id != exclude)
            .map(|(i, _)| {
                let u = &self.units[i];
                let r = similarity(&u.english, english);
                Suggestion {
                    id: u.id.clone(),
                    percent: (r * 100.0).round().clamp(0.0, 100.0) as u8,
                    source: u.english.clone(),
                    translation: u.translation.clone(),
                }
            })
            .filter(|s| s.percent >= min)
            .collect();
        scored.sort_by(|a, b| b.percent.cmp(&a.percent).then(a.id.cmp(&b.id)));
        scored.dedup_by(|a, b| a.translation == b.translation);
        scored.truncate(n);
        scored
    }
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
        assert!(got[0].1 > 80 && got[0].1 < 100, "{got:?}");
        assert!(m
            .suggest("The court rejected the extradition request.", "a", 3, 0)
            .iter()
            .all(|s| s.id != "a"));
    }
}
