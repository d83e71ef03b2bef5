//! `diff --since REV`: every message whose translation changed since a git revision, for
//! an editor reviewing a translator's work.

use std::path::Path;

use anyhow::Result;

use crate::change::{word_diff, Piece};
use crate::ftl::FtlFile;
use crate::paths;
use crate::plan::Plan;
use crate::project::Project;

/// A translation that changed.
#[derive(Debug, serde::Serialize)]
pub struct Changed<'a> {
    pub locale: &'a str,
    pub doc: &'a str,
    pub id: String,
    /// "changed", "added" or "removed".
    pub change: &'static str,
    pub translation_before: Option<String>,
    pub translation_now: Option<String>,
    pub diff: Vec<Piece>,
    pub source_now: Option<&'a str>,
    pub state: Option<&'static str>,
    /// The locale file (`locales/<l>/<doc>.ftl`) and the line of the message in it now
    /// (none when it was removed).
    pub file: String,
    pub line: Option<usize>,
}

/// The translations of `locale` (only `ids` when given) that differ from revision `rev`,
/// in document order, then ids only the locale file has. An id neither the reference nor
/// the locale file has is refused, naming the close matches.
pub fn since<'a>(
    project: &Project,
    plan: &'a Plan,
    locale: &'a str,
    ids: &[String],
    rev: &str,
) -> Result<Vec<Changed<'a>>> {
    super::translation_locale(project, locale)?;
    let in_files: Vec<String> = ids
        .iter()
        .filter(|id| {
            !plan.docs.iter().any(|d| {
                d.locale(locale)
                    .and_then(|lp| lp.file.as_ref())
                    .is_some_and(|f| f.message(id).is_some())
            })
        })
        .cloned()
        .collect();
    super::known_ids(plan, locale, &in_files)?;
    let mut items = Vec::new();
    for d in &plan.docs {
        let Some(lp) = d.locale(locale) else { continue };
        let path = paths::locale_file(&project.root, locale, &d.name);
        let old = crate::git::show(&project.root, rev, &path)?.map(|t| FtlFile::parse(&t));
        let value_of = |f: &FtlFile| -> Vec<(String, String)> {
            f.messages()
                .map(|(_, m)| (m.id.clone(), m.value.clone()))
                .collect()
        };
        let before: Vec<(String, String)> = old.as_ref().map(value_of).unwrap_or_default();
        let now: Vec<(String, String)> = lp.file.as_ref().map(value_of).unwrap_or_default();
        let get = |v: &[(String, String)], id: &str| {
            v.iter().find(|(i, _)| i == id).map(|(_, t)| t.clone())
        };
        // Document order: the reference's, then ids only the locale file has.
        let mut order: Vec<String> = d.messages.iter().map(|m| m.id.clone()).collect();
        for (id, _) in now.iter().chain(before.iter()) {
            if !order.contains(id) {
                order.push(id.clone());
            }
        }
        for id in order {
            if !ids.is_empty() && !ids.contains(&id) {
                continue;
            }
            let (b, n) = (get(&before, &id), get(&now, &id));
            let change = match (&b, &n) {
                (Some(x), Some(y)) if x == y => continue,
                (None, None) => continue,
                (Some(_), Some(_)) => "changed",
                (None, Some(_)) => "added",
                (Some(_), None) => "removed",
            };
            let k = d.index.get(&id).copied();
            let file = paths::rel(&project.root, &path);
            let line = lp.file.as_ref().and_then(|f| {
                f.messages()
                    .find(|(_, m)| m.id == id)
                    .map(|(e, m)| super::message_line(&f.src, e, m))
            });
            items.push(Changed {
                file,
                line,
                locale,
                doc: &d.name,
                diff: word_diff(b.as_deref().unwrap_or(""), n.as_deref().unwrap_or("")),
                source_now: k.map(|k| d.messages[k].text.as_str()),
                state: k.map(|k| lp.states[k].name()),
                id,
                change,
                translation_before: b,
                translation_now: n,
            });
        }
    }
    Ok(items)
}

/// Writes the review page of what changed since `rev` to `path` (a file the user named,
/// written atomically).
pub fn write_review_page(path: &Path, locale: &str, rev: &str, items: &[Changed]) -> Result<()> {
    use crate::review::Text;
    let review: Vec<crate::review::Item> = items
        .iter()
        .map(|it| crate::review::Item {
            doc: it.doc,
            id: &it.id,
            state: it.change,
            class: it.state.filter(|s| *s != "translated"),
            location: super::shown_location(&it.file, it.line),
            english: it.source_now.map(Text::Plain),
            translation: Some(Text::Diff(&it.diff)),
            suggestions: &[],
            note: None,
        })
        .collect();
    crate::fsio::write_atomic(path, &crate::review::since_page(locale, rev, &review))?;
    Ok(())
}
