//! `missing`: the messages a buffer lacks, put in as placeholders for the translator to
//! replace: each in document order, its `# en:` stamp, then the message with the English
//! as its value, commented out. Until the translator writes the translation in its place
//! (and uncomments the line), the message stays missing: `status` does not count a
//! placeholder as translated, and `build` fills it from the fallback chain.
//!
//! ```ftl
//! # en: Grave risks
//! # grave-risks = Grave risks
//! ```
//!
//! The language server offers them as a code action on a buffer (`add_placeholders`);
//! `dossier suggest LOCALE --placeholders` writes them into the files (`write`), as
//! gettext's `msginit`/`msgmerge` give a translator every entry to fill in.

use anyhow::Result;

use crate::fsio::{Lock, Writer};
use crate::ftl;
use crate::paths;
use crate::plan::{self, Plan, State};
use crate::project::Project;

use super::buffer::{Buffer, Edit};

/// The placeholder of a missing message: its stamp, and the message commented out.
pub fn placeholder(id: &str, english: &str) -> String {
    let mut out = String::new();
    for line in ftl::stamp_lines(english) {
        out.push_str("# ");
        out.push_str(&line);
        out.push('\n');
    }
    let message = ftl::write_message(id, english, &[]);
    for (i, line) in message.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.is_empty() {
            out.push('#');
        } else {
            out.push_str("# ");
            out.push_str(line);
        }
    }
    out
}

/// Whether the buffer already holds the placeholder of message `id` (a comment line
/// `# id =`).
fn has_placeholder(buf: &Buffer, id: &str) -> bool {
    has_placeholder_in(buf.text(), id)
}

fn has_placeholder_in(text: &str, id: &str) -> bool {
    crate::lines::split(text).any(|l| is_placeholder_line(l, id))
}

/// Whether `line` is the commented-out message `# id = …` of a placeholder.
fn is_placeholder_line(line: &str, id: &str) -> bool {
    line.strip_prefix("# ")
        .and_then(|l| l.strip_prefix(id))
        .is_some_and(|rest| rest.trim_start_matches(' ').starts_with('='))
}

/// The ids of the buffer's missing messages, in document order.
pub fn missing(buf: &Buffer) -> Vec<&str> {
    buf.plan
        .messages
        .iter()
        .enumerate()
        .filter(|(k, _)| buf.state(*k) == Some(&State::Missing))
        .map(|(_, m)| m.id.as_str())
        .collect()
}

/// The edits inserting a placeholder for every missing message that has none yet, each
/// after the nearest earlier message of the document the file has.
pub fn add_placeholders(buf: &Buffer) -> Vec<Edit> {
    let new: Vec<(String, String)> = buf
        .plan
        .messages
        .iter()
        .enumerate()
        .filter(|(k, m)| buf.state(*k) == Some(&State::Missing) && !has_placeholder(buf, &m.id))
        .map(|(_, m)| (m.id.clone(), placeholder(&m.id, &m.text)))
        .collect();
    if new.is_empty() {
        return Vec::new();
    }
    let order: Vec<String> = buf.plan.messages.iter().map(|m| m.id.clone()).collect();
    plan::insertions(buf.text(), &order, &new)
        .into_iter()
        .map(|(at, text)| Edit { span: at..at, text })
        .collect()
}

/// A placeholder `write` put in a file.
#[derive(Debug, serde::Serialize)]
pub struct Placed<'a> {
    pub doc: &'a str,
    pub id: &'a str,
    /// It replaced the placeholder of an earlier English.
    pub refreshed: bool,
}

/// Where an untouched placeholder of message `id` stands in `text` when it holds another
/// English than `english` (the English changed since it was written): the bytes of its
/// lines. A block of comment lines that is not exactly a placeholder — a translator's
/// note above it, a line edited — is left alone.
fn outdated_placeholder(text: &str, id: &str, english: &str) -> Option<std::ops::Range<usize>> {
    let mut lines: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = 0;
    for l in crate::lines::split_inclusive(text) {
        let body = l.strip_suffix('\n').unwrap_or(l);
        let body = body.strip_suffix('\r').unwrap_or(body);
        lines.push(at..at + body.len());
        at += l.len();
    }
    let line = |k: usize| &text[lines[k].clone()];
    let k = (0..lines.len()).find(|&k| is_placeholder_line(line(k), id))?;
    let comment = |k: usize| line(k).starts_with('#');
    let mut first = k;
    while first > 0 && comment(first - 1) {
        first -= 1;
    }
    let mut last = k;
    while last + 1 < lines.len() && comment(last + 1) {
        last += 1;
    }
    // The English of the stamp above the commented message, as the parser reads it.
    let stamp: Vec<&str> = (first..k).map(line).collect();
    let probe = ftl::FtlFile::parse(format!("{}\nprobe = x\n", stamp.join("\n")));
    let old = probe.messages().next()?.1.stamp.clone()?;
    let block: Vec<&str> = (first..=last).map(line).collect();
    (old != english && block.join("\n") == placeholder(id, &old))
        .then(|| lines[first].start..lines[last].end)
}

/// Writes a placeholder for every missing message of `locale` that has none yet, into
/// each document's locale file (created when it does not exist), in document order, and
/// rewrites the untouched placeholders of an earlier English with the current one; the
/// rest of each file is kept byte for byte. Held under the project lock.
pub fn write<'a>(
    project: &Project,
    plan: &'a Plan,
    _lock: &Lock,
    locale: &str,
    writer: &mut dyn Writer,
) -> Result<Vec<Placed<'a>>> {
    super::translation_locale(project, locale)?;
    let mut placed = Vec::new();
    let mut writes = Vec::new();
    for d in &plan.docs {
        let Some(lp) = d.locale(locale) else { continue };
        let mut base = lp.text_to_extend(&d.name);
        let missing: Vec<&plan::RefMessage> = d
            .messages
            .iter()
            .enumerate()
            .filter(|(k, _)| lp.states[*k] == State::Missing)
            .map(|(_, m)| m)
            .collect();
        // Placeholders of an earlier English, replaced where they stand (last first).
        let mut stale: Vec<(std::ops::Range<usize>, &plan::RefMessage)> = missing
            .iter()
            .filter_map(|m| outdated_placeholder(&base, &m.id, &m.text).map(|r| (r, *m)))
            .collect();
        stale.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
        let refreshed = !stale.is_empty();
        for (r, m) in stale {
            base.replace_range(r, &placeholder(&m.id, &m.text));
            placed.push(Placed {
                doc: &d.name,
                id: &m.id,
                refreshed: true,
            });
        }
        let new: Vec<(String, String)> = missing
            .iter()
            .filter(|m| !has_placeholder_in(&base, &m.id))
            .map(|m| {
                placed.push(Placed {
                    doc: &d.name,
                    id: &m.id,
                    refreshed: false,
                });
                (m.id.clone(), placeholder(&m.id, &m.text))
            })
            .collect();
        if new.is_empty() {
            if refreshed {
                writes.push((paths::locale_file(&project.root, locale, &d.name), base));
            }
            continue;
        }
        let order: Vec<String> = d.messages.iter().map(|m| m.id.clone()).collect();
        writes.push((
            paths::locale_file(&project.root, locale, &d.name),
            plan::insert_messages(&base, &order, &new),
        ));
    }
    super::write_files(writer, &writes)?;
    Ok(placed)
}
