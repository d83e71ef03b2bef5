//! `diff`: the stale and missing messages of a locale, with the word diff of the English,
//! the change class, the translation and suggestions from the translation memory; and the
//! side-by-side review page of the same.

use std::path::Path;

use anyhow::Result;

use crate::change::Piece;
use crate::plan::{Plan, State};
use crate::project::Project;
use crate::suggest::{Memory, Suggestion};

/// A message that needs work.
#[derive(Debug, serde::Serialize)]
pub struct Item<'a> {
    pub locale: &'a str,
    pub doc: &'a str,
    pub id: &'a str,
    pub state: &'static str,
    pub class: Option<&'static str>,
    pub source_before: Option<&'a str>,
    pub source_now: &'a str,
    pub translation: Option<&'a str>,
    pub diff: Vec<Piece>,
    pub suggestions: Vec<Suggestion>,
    /// The locale file (`locales/<l>/<doc>.ftl`) and the line of the message in it (none
    /// when it is missing).
    pub file: String,
    pub line: Option<usize>,
    /// Why a reviewer rejected the translation (state "rejected").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The stale and missing messages of `locale` (only `ids` when given), in document order.
/// An id no document has is refused, naming the close matches.
pub fn diff<'a>(
    project: &Project,
    plan: &'a Plan,
    locale: &'a str,
    ids: &[String],
) -> Result<Vec<Item<'a>>> {
    super::translation_locale(project, locale)?;
    super::known_ids(plan, locale, ids)?;
    let memory = Memory::of(&plan.docs, locale);
    let mut items = Vec::new();
    for d in &plan.docs {
        let Some(lp) = d.locale(locale) else { continue };
        for (k, m) in d.messages.iter().enumerate() {
            if !ids.is_empty() && !ids.contains(&m.id) {
                continue;
            }
            // A rejection holds until the translation changes: the message needs work.
            let rejected = lp
                .review(k)
                .filter(|r| r.verdict == crate::approval::Verdict::Rejected);
            let (before, class) = match &lp.states[k] {
                State::Translated if rejected.is_none() => continue,
                State::Translated => (None, None),
                State::Stale { before, class } => (Some(before.as_str()), Some(class.name())),
                State::Missing => (None, None),
            };
            let note = rejected.map(|r| r.note.unwrap_or_default());
            let (file, line) = super::location(project, d, lp, k);
            items.push(Item {
                file,
                line,
                locale,
                doc: &d.name,
                id: &m.id,
                state: if note.is_some() {
                    "rejected"
                } else {
                    lp.states[k].name()
                },
                class,
                source_before: before,
                source_now: &m.text,
                translation: lp.translation(k).map(|t| t.value.as_str()),
                diff: before
                    .map(|b| crate::change::word_diff(b, &m.text))
                    .unwrap_or_default(),
                suggestions: suggestions(
                    &memory,
                    lp,
                    k,
                    &m.text,
                    &m.id,
                    project.config.suggest_min,
                ),
                note,
            });
        }
    }
    Ok(items)
}

/// The suggestions for message `k`: its own translation first when it is stale, then the
/// memory's matches.
fn suggestions(
    memory: &Memory,
    lp: &crate::plan::LocalePlan,
    k: usize,
    english: &str,
    id: &str,
    min: u8,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    // A stale message's translation is the translator's work to update (a rejected one is
    // what the reviewer turned down: not a suggestion).
    let stale = matches!(lp.states[k], crate::plan::State::Stale { .. });
    if let Some(t) = lp.translation(k).filter(|_| stale) {
        let source = t.stamp.clone().unwrap_or_else(|| english.to_string());
        out.push(Suggestion {
            id: id.to_string(),
            percent: crate::suggest::percent(&source, english),
            source,
            translation: t.value.clone(),
        });
    }
    for s in memory.suggest(english, id, 3, min) {
        if out.len() < 3 && !out.iter().any(|o| o.translation == s.translation) {
            out.push(s);
        }
    }
    out
}

/// Writes the review page of `items` to `path` (a file the user named, written
/// atomically).
pub fn write_review_page(path: &Path, locale: &str, items: &[Item]) -> Result<()> {
    use crate::review::Text;
    let review: Vec<crate::review::Item> = items
        .iter()
        .map(|it| crate::review::Item {
            doc: it.doc,
            id: it.id,
            state: it.state,
            class: it.class,
            location: super::shown_location(&it.file, it.line),
            english: Some(match it.source_before {
                Some(_) => Text::Diff(&it.diff),
                None => Text::Plain(it.source_now),
            }),
            translation: it.translation.map(Text::Plain),
            suggestions: &it.suggestions,
            note: it.note.as_deref(),
        })
        .collect();
    crate::fsio::write_atomic(path, &crate::review::page(locale, &review))?;
    Ok(())
}
