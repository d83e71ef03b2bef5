//! `diff --since REV`: every message whose translation changed since a git revision, for
//! an editor reviewing a translator's work.

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
}

/// The translations of `locale` (only `ids` when given) that differ from revision `rev`,
/// in document order, then ids only the locale file has.
pub fn since<'a>(
    project: &Project,
    plan: &'a Plan,
    locale: &'a str,
    ids: &[String],
    rev: &str,
) -> Result<Vec<Changed<'a>>> {
    super::selected(project, &[locale.to_string()])?;
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
            items.push(Changed {
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
