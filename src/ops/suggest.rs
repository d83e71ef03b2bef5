//! `suggest`: translation-memory matches for missing messages; `--fill` writes the best
//! ones, stamped with the English they were made from, so they show as stale for review.

use anyhow::Result;

use super::buffer::{Buffer, Edit, Session};
use crate::fsio::{Lock, Writer};
use crate::ftl;
use crate::paths;
use crate::plan::{self, Plan, State};
use crate::project::Project;
use crate::suggest::{Memory, Suggestion};

/// A missing message and its suggestions, best first.
#[derive(Debug)]
pub struct Missing<'a> {
    pub doc: &'a str,
    pub id: &'a str,
    pub suggestions: Vec<Suggestion>,
}

/// What `suggestions` found.
#[derive(Debug)]
pub struct Found<'a> {
    /// How many messages are missing.
    pub missing: usize,
    /// Those the memory has suggestions for, in document order.
    pub messages: Vec<Missing<'a>>,
}

/// The missing messages of `locale` that the memory has suggestions for (at least
/// `min` %, three at most), in document order.
pub fn suggestions<'a>(
    project: &Project,
    plan: &'a Plan,
    locale: &str,
    min: u8,
) -> Result<Found<'a>> {
    super::translation_locale(project, locale)?;
    let memory = Memory::of(&plan.docs, locale);
    let mut out = Vec::new();
    let mut missing = 0;
    for d in &plan.docs {
        let Some(lp) = d.locale(locale) else { continue };
        for (k, m) in d.messages.iter().enumerate() {
            if lp.states[k] != State::Missing {
                continue;
            }
            missing += 1;
            let best = memory.suggest(&m.text, &m.id, 3, min);
            if !best.is_empty() {
                out.push(Missing {
                    doc: &d.name,
                    id: &m.id,
                    suggestions: best,
                });
            }
        }
    }
    Ok(Found {
        missing,
        messages: out,
    })
}

/// A message `fill` wrote.
#[derive(Debug)]
pub struct Filled<'a> {
    pub doc: &'a str,
    pub id: &'a str,
    /// The message whose translation it took, and the match.
    pub from: String,
    pub percent: u8,
}

/// Writes the best suggestion scoring at least `min` % into each missing message of
/// `locale`, stamped with the English it was made from (so it shows as stale, with a diff
/// to the current English, until a translator accepts it), in document order.
pub fn fill<'a>(
    project: &Project,
    plan: &'a Plan,
    _lock: &Lock,
    locale: &str,
    min: u8,
    writer: &mut dyn Writer,
) -> Result<Vec<Filled<'a>>> {
    let mut filled = Vec::new();
    let mut writes = Vec::new();
    let found = suggestions(project, plan, locale, min)?.messages;
    for d in &plan.docs {
        let Some(lp) = d.locale(locale) else { continue };
        let new: Vec<(String, String)> = found
            .iter()
            .filter(|f| f.doc == d.name)
            .filter_map(|f| {
                let first = f.suggestions.first()?;
                filled.push(Filled {
                    doc: f.doc,
                    id: f.id,
                    from: first.id.clone(),
                    percent: first.percent,
                });
                let text =
                    ftl::write_message(f.id, &first.translation, &ftl::stamp_lines(&first.source));
                Some((f.id.to_string(), text))
            })
            .collect();
        if !new.is_empty() {
            let base = lp.text_to_extend(&d.name);
            let order: Vec<String> = d.messages.iter().map(|m| m.id.clone()).collect();
            writes.push((
                paths::locale_file(&project.root, locale, &d.name),
                plan::insert_messages(&base, &order, &new),
            ));
        }
    }
    super::write_files(writer, &writes)?;
    Ok(filled)
}

/// The translation memory of a buffer's locale: the project as on disk, with the buffer in
/// place of its document's file.
pub fn memory(session: &mut Session, buf: &Buffer) -> Memory {
    let plan = session.project_plan();
    let others = plan.docs.iter().filter(|d| d.name != buf.doc);
    Memory::of_docs(others.chain(std::iter::once(&buf.plan)), &buf.locale)
}

/// Up to `n` suggestions (at least [`super::SUGGEST_MIN`] %) for message `id` of a buffer
/// when it is stale or missing, best first, each with the edits that put it in: stamped
/// with the English the suggestion was made from, as `suggest --fill` writes it (so it
/// shows as stale, with a diff to the current English, until it is accepted). A stale
/// message keeps its translator notes; a missing one is inserted in document order.
/// `min`: the lowest match offered (the project's `[suggest] min`).
pub fn for_message(
    memory: &Memory,
    buf: &Buffer,
    id: &str,
    n: usize,
    buf_min: u8,
) -> Vec<(Suggestion, Vec<Edit>)> {
    let Some(&k) = buf.plan.index.get(id) else {
        return Vec::new();
    };
    let m = &buf.plan.messages[k];
    let stale = match buf.state(k) {
        Some(State::Stale { .. }) => true,
        Some(State::Missing) => false,
        _ => return Vec::new(),
    };
    let order: Vec<String> = buf.plan.messages.iter().map(|m| m.id.clone()).collect();
    memory
        .suggest(&m.text, id, n, buf_min)
        .into_iter()
        .filter_map(|s| {
            let edits = if stale {
                let at = buf.message(id)?;
                let mut comments = ftl::stamp_lines(&s.source);
                comments.extend(at.message.notes.iter().cloned());
                let span = buf.entry_span(at.entry);
                let new = ftl::write_message(id, &s.translation, &comments);
                vec![Edit::between(span.start, &buf.text()[span], &new)]
            } else {
                let text = ftl::write_message(id, &s.translation, &ftl::stamp_lines(&s.source));
                plan::insertions(buf.text(), &order, &[(id.to_string(), text)])
                    .into_iter()
                    .map(|(at, text)| Edit { span: at..at, text })
                    .collect()
            };
            Some((s, edits))
        })
        .collect()
}
