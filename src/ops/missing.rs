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

/// The id of the placeholder whose commented-out message `# id = …` is `line`, if it is
/// one.
fn placeholder_id(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("# ")?;
    let end = rest.find([' ', '='])?;
    rest[end..]
        .trim_start_matches(' ')
        .starts_with('=')
        .then(|| &rest[..end])
}

/// A text's lines (their bytes without the line end), and the line of each placeholder
/// it holds by message id (the first, if one is there twice): read once for every
/// message a writer looks for.
struct Lines<'t> {
    text: &'t str,
    ranges: Vec<std::ops::Range<usize>>,
    placeholders: rustc_hash::FxHashMap<&'t str, usize>,
}

impl<'t> Lines<'t> {
    fn of(text: &'t str) -> Lines<'t> {
        let mut ranges = Vec::new();
        let mut placeholders = rustc_hash::FxHashMap::default();
        let mut at = 0;
        for l in crate::lines::split_inclusive(text) {
            let body = l.strip_suffix('\n').unwrap_or(l);
            let body = body.strip_suffix('\r').unwrap_or(body);
            if let Some(id) = placeholder_id(body) {
                placeholders.entry(id).or_insert(ranges.len());
            }
            ranges.push(at..at + body.len());
            at += l.len();
        }
        Lines {
            text,
            ranges,
            placeholders,
        }
    }

    fn line(&self, k: usize) -> &'t str {
        &self.text[self.ranges[k].clone()]
    }
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
/// after the nearest earlier message of the document the file has, and rewriting the
/// untouched placeholders of an earlier English with the current one (as `write` does).
/// With a placeholder to rewrite, the changes are one edit (the smallest that turns the
/// buffer into its new text): an insertion where a rewritten placeholder starts would
/// be two edits at one place, which a client may apply in either order.
pub fn add_placeholders(buf: &Buffer) -> Vec<Edit> {
    let text = buf.text();
    let missing: Vec<(&str, &str)> = buf
        .plan
        .messages
        .iter()
        .enumerate()
        .filter(|(k, _)| buf.state(*k) == Some(&State::Missing))
        .map(|(_, m)| (m.id.as_str(), m.text.as_str()))
        .collect();
    let order: Vec<String> = buf.plan.messages.iter().map(|m| m.id.clone()).collect();
    let p = placeholders(text, &missing);
    let new = p.new_owned();
    match p.text {
        None => plan::insertions(text, &order, &new)
            .into_iter()
            .map(|(at, text)| Edit { span: at..at, text })
            .collect(),
        Some(base) => {
            let full = if new.is_empty() {
                base
            } else {
                plan::insert_messages(&base, &order, &new)
            };
            vec![Edit::between(0, text, &full)]
        }
    }
}

/// What the placeholders of a file's missing messages change in its text.
struct Placeholders<'m> {
    /// The text with the untouched placeholders of an earlier English rewritten; `None`
    /// when there is none.
    text: Option<String>,
    /// The messages whose placeholder was rewritten, last in the text first.
    refreshed: Vec<&'m str>,
    /// The placeholders still to insert (id, placeholder), in document order.
    new: Vec<(&'m str, String)>,
}

impl Placeholders<'_> {
    fn new_owned(&self) -> Vec<(String, String)> {
        self.new
            .iter()
            .map(|(id, p)| (id.to_string(), p.clone()))
            .collect()
    }
}

/// The placeholders of the `missing` messages (id, current English) in `text`.
fn placeholders<'m>(text: &str, missing: &[(&'m str, &'m str)]) -> Placeholders<'m> {
    let lines = Lines::of(text);
    let mut stale: Vec<(std::ops::Range<usize>, &'m str, &'m str)> = missing
        .iter()
        .filter_map(|&(id, en)| outdated_placeholder(&lines, id, en).map(|r| (r, id, en)))
        .collect();
    // Replaced where they stand, last first.
    stale.sort_by_key(|(r, _, _)| std::cmp::Reverse(r.start));
    let refreshed_text = (!stale.is_empty()).then(|| {
        let mut base = text.to_string();
        for (r, id, en) in &stale {
            base.replace_range(r.clone(), &placeholder(id, en));
        }
        base
    });
    // A rewritten placeholder is one for the same message: the messages with a
    // placeholder are those of the text as it was.
    let new = missing
        .iter()
        .filter(|(id, _)| !lines.placeholders.contains_key(id))
        .map(|&(id, en)| (id, placeholder(id, en)))
        .collect();
    Placeholders {
        refreshed: stale.iter().map(|(_, id, _)| *id).collect(),
        text: refreshed_text,
        new,
    }
}

/// A placeholder `write` put in a file.
#[derive(Debug, serde::Serialize)]
pub struct Placed<'a> {
    pub doc: &'a str,
    pub id: &'a str,
    /// It replaced the placeholder of an earlier English.
    pub refreshed: bool,
}

/// Where an untouched placeholder of message `id` stands in a text when it holds another
/// English than `english` (the English changed since it was written): the bytes of its
/// lines. A block of comment lines that is not exactly a placeholder — a translator's
/// note above it, a line edited — is left alone.
fn outdated_placeholder(lines: &Lines, id: &str, english: &str) -> Option<std::ops::Range<usize>> {
    let line = |k: usize| lines.line(k);
    let k = *lines.placeholders.get(id)?;
    let comment = |k: usize| line(k).starts_with('#');
    let mut first = k;
    while first > 0 && comment(first - 1) {
        first -= 1;
    }
    let mut last = k;
    while last + 1 < lines.ranges.len() && comment(last + 1) {
        last += 1;
    }
    // The English of the stamp above the commented message, as the parser reads it.
    let stamp: Vec<&str> = (first..k).map(line).collect();
    let probe = ftl::FtlFile::parse(format!("{}\nprobe = x\n", stamp.join("\n")));
    let old = probe.messages().next()?.1.stamp.clone()?;
    let block: Vec<&str> = (first..=last).map(line).collect();
    (old != english && block.join("\n") == placeholder(id, &old))
        .then(|| lines.ranges[first].start..lines.ranges[last].end)
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
        let base = lp.text_to_extend(&d.name);
        let missing: Vec<(&str, &str)> = d
            .messages
            .iter()
            .enumerate()
            .filter(|(k, _)| lp.states[*k] == State::Missing)
            .map(|(_, m)| (m.id.as_str(), m.text.as_str()))
            .collect();
        let p = placeholders(&base, &missing);
        for (id, refreshed) in p
            .refreshed
            .iter()
            .map(|id| (*id, true))
            .chain(p.new.iter().map(|(id, _)| (*id, false)))
        {
            placed.push(Placed {
                doc: &d.name,
                id,
                refreshed,
            });
        }
        let new = p.new_owned();
        let path = paths::locale_file(&project.root, locale, &d.name);
        match (p.text, new.is_empty()) {
            (None, true) => {}
            (Some(base), true) => writes.push((path, base)),
            (text, false) => {
                let base = text.unwrap_or(base);
                let order: Vec<String> = d.messages.iter().map(|m| m.id.clone()).collect();
                writes.push((path, plan::insert_messages(&base, &order, &new)));
            }
        }
    }
    super::write_files(writer, &writes)?;
    Ok(placed)
}
