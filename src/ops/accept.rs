//! `accept`: a translator says a stale message is updated against the current English;
//! its `# en:` stamp is rewritten to that English (nothing else in the file changes).

use std::collections::BTreeSet;

use anyhow::{bail, Result};

use super::buffer::{Buffer, Edit};
use crate::fsio::{Lock, Writer};
use crate::ftl::{EntryKind, FtlFile};
use crate::paths;
use crate::plan::{self, Plan, State};
use crate::project::Project;

/// Which messages to accept.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub ids: Vec<String>,
    /// Every stale message (of `doc` when given).
    pub all: bool,
    pub doc: Option<String>,
}

/// What happened to one message asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Accepted,
    /// Not stale: nothing to accept; its state.
    NotStale(&'static str),
}

/// One message, in document order.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub doc: String,
    pub id: String,
    pub outcome: Outcome,
}

/// Restamps the selected stale messages of `locale`; unknown ids or document refuse the
/// whole call (nothing written).
pub fn accept(
    project: &Project,
    plan: &Plan,
    _lock: &Lock,
    locale: &str,
    sel: &Selection,
    writer: &mut dyn Writer,
) -> Result<Vec<Accepted>> {
    super::translation_locale(project, locale)?;
    let Selection { ids, all, doc } = sel;
    if !all && ids.is_empty() {
        bail!("name the message ids to accept, or use --all (with --doc DOC when the project has several documents)");
    }
    let docs = super::documents(plan, doc.as_deref(), *all)?;
    super::known_ids(plan, locale, ids)?;
    let mut found = BTreeSet::new();
    let mut report = Vec::new();
    let mut writes = Vec::new();
    for d in &plan.docs {
        if !docs.contains(&d.name) {
            continue;
        }
        let Some(lp) = d.locale(locale) else { continue };
        let Some(file) = &lp.file else { continue };
        let mut edits = Vec::new();
        for (k, m) in d.messages.iter().enumerate() {
            let wanted = *all || ids.contains(&m.id);
            if !wanted {
                continue;
            }
            let outcome = if let (State::Stale { .. }, Some(e)) = (&lp.states[k], lp.entry[k]) {
                let EntryKind::Message(msg) = &file.entries[e].kind else {
                    continue;
                };
                let text = &file.src[file.entries[e].span.clone()];
                edits.push((e, plan::restamp(text, msg, &m.text)));
                Outcome::Accepted
            } else if ids.contains(&m.id) {
                Outcome::NotStale(lp.states[k].name())
            } else {
                continue;
            };
            found.insert(m.id.clone());
            report.push(Accepted {
                doc: d.name.clone(),
                id: m.id.clone(),
                outcome,
            });
        }
        if !edits.is_empty() {
            // Applied on top of what sync would write, so stamps it adds are kept too.
            let base = FtlFile::parse(lp.new_text.as_deref().unwrap_or(&file.src));
            let base_edits = super::review::remap(&base, file, &edits);
            writes.push((
                paths::locale_file(&project.root, locale, &d.name),
                base.edit(&base_edits),
            ));
        }
    }
    let unknown: Vec<&str> = ids
        .iter()
        .filter(|i| !found.contains(*i))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        bail!("unknown message id(s) in {locale}: {}", unknown.join(", "));
    }
    super::write_files(writer, &writes)?;
    Ok(report)
}

/// The edit `accept` makes to stale message `id` of an editor's buffer: its entry with the
/// stamp rewritten to the current English, as `plan::restamp` writes it for
/// `dossier accept`; `None` when the buffer has no such stale message.
pub fn edit(buf: &Buffer, id: &str) -> Option<Edit> {
    let at = buf.message(id)?;
    let k = at.k?;
    let State::Stale { .. } = buf.state(k)? else {
        return None;
    };
    let span = buf.entry_span(at.entry);
    let old = &buf.text()[span.clone()];
    let new = plan::restamp(old, at.message, &buf.plan.messages[k].text);
    Some(Edit::between(span.start, old, &new))
}

/// The edits accepting every stale message of the buffer (`accept --all --doc`).
pub fn edit_all(buf: &Buffer) -> Vec<Edit> {
    buf.plan
        .messages
        .iter()
        .filter_map(|m| edit(buf, &m.id))
        .collect()
}
