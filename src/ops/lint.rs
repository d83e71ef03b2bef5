//! `lint`: what an editor shows on a locale file as it is typed: every finding of `check`
//! on the buffer's text (the same checks, the same positions), each stale message, and
//! how many messages the file is missing; on the reference, that it is written by `sync`.

use std::ops::Range;

use crate::change::Piece;
use crate::checks::{self, Finding, Fix, Key, Memo, Reference, Severity, Target};
use crate::plan::State;

use super::buffer::{Buffer, GlossaryRef, Session};

/// How much an item matters, as editors show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Error,
    Warning,
    Information,
    Hint,
}

/// One thing to show on the buffer.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// A check's code, or `stale`, `missing`, `reference`, `glossary-file`.
    pub code: &'static str,
    pub level: Level,
    /// Bytes of the buffer's text.
    pub span: Range<usize>,
    pub message: String,
    /// The message it is about.
    pub id: Option<String>,
    /// A check's fix: its replacement for `span`.
    pub fix: Option<Fix>,
}

/// The memory of a session's findings, read while a file is checked.
struct Remembered<'a>(&'a rustc_hash::FxHashMap<Key, Vec<Finding>>);

impl Memo for Remembered<'_> {
    fn get(&self, key: Key) -> Option<&[Finding]> {
        self.0.get(&key).map(Vec::as_slice)
    }
    fn is_on(&self) -> bool {
        true
    }
}

/// Everything to show on `buf`, in the order of the text. Messages checked before in the
/// session are not checked again (their findings depend only on the message, its
/// English and the glossary, which the session watches).
pub fn lint(session: &mut Session, buf: &Buffer) -> Vec<Item> {
    let mut items = Vec::new();
    let first_line = 0..buf.text().find('\n').unwrap_or(buf.text().len());
    if buf.is_reference() {
        items.push(Item {
            code: "reference",
            level: Level::Information,
            span: first_line,
            message: format!(
                "this file is written by `dossier sync` from source/{}.md: edit the English there; changes made here are replaced by the next sync",
                buf.doc
            ),
            id: None,
            fix: None,
        });
        return items;
    }
    let glossary = match session.glossary() {
        GlossaryRef::Read(g) => Some(g),
        GlossaryRef::Absent => None,
        GlossaryRef::Bad(e) => {
            items.push(Item {
                code: "glossary-file",
                level: Level::Warning,
                span: first_line.clone(),
                message: format!("{e}; the glossary check is off until it is fixed"),
                id: None,
                fix: None,
            });
            None
        }
    };
    let target = Target {
        locale: buf.locale.clone(),
        path: format!("locales/{}/{}.ftl", buf.locale, buf.doc),
        file: buf.file.clone(),
        reference: Reference {
            english: buf
                .plan
                .messages
                .iter()
                .map(|m| (m.id.clone(), m.text.clone()))
                .collect(),
            retired: buf.plan.retired.clone(),
        },
        review: review_policy(&session.project.config),
    };
    let g = glossary.as_deref();
    let (found, used) = checks::check_file_cached(&target, &|| g, &Remembered(session.findings()));
    session.remember(used);
    items.extend(found.into_iter().map(|d| Item {
        code: d.code,
        level: match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Hint => Level::Hint,
        },
        span: d.span,
        message: d.message,
        id: d.id,
        fix: d.fix,
    }));
    let mut missing = Vec::new();
    for (k, m) in buf.plan.messages.iter().enumerate() {
        match buf.state(k) {
            Some(State::Stale { before, class }) => {
                let Some(at) = buf.message(&m.id) else {
                    continue;
                };
                items.push(Item {
                    code: "stale",
                    level: Level::Information,
                    span: at.id_span,
                    message: format!(
                        "stale ({}): the English changed since this translation: {}",
                        class.name(),
                        compact_diff(&crate::change::word_diff(before, &m.text))
                    ),
                    id: Some(m.id.clone()),
                    fix: None,
                });
            }
            Some(State::Missing) => missing.push(m.id.as_str()),
            _ => {}
        }
    }
    if !missing.is_empty() {
        let shown: Vec<String> = missing.iter().take(5).map(|id| format!("`{id}`")).collect();
        let more = match missing.len() - shown.len() {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        items.push(Item {
            code: "missing",
            level: Level::Hint,
            span: first_line,
            message: format!(
                "{} of the {} messages of source/{}.md {} missing here: {}{more}",
                missing.len(),
                buf.plan.messages.len(),
                buf.doc,
                if missing.len() == 1 { "is" } else { "are" },
                shown.join(", "),
            ),
            id: None,
            fix: None,
        });
    }
    items.sort_by_key(|i| (i.span.start, i.level));
    items
}

/// A word diff in one line, `[-old-]{+new+}`, long unchanged runs shortened to their
/// words next to a change.
pub fn compact_diff(pieces: &[Piece]) -> String {
    const KEEP: usize = 4;
    let mut out = String::new();
    for (i, p) in pieces.iter().enumerate() {
        match p.op {
            "equal" => {
                let words: Vec<&str> = p.text.split_whitespace().collect();
                if words.len() <= 2 * KEEP + 1 {
                    out.push_str(&p.text);
                    continue;
                }
                let lead = p.text.starts_with(char::is_whitespace);
                let trail = p.text.ends_with(char::is_whitespace);
                let (first, last) = (i == 0, i + 1 == pieces.len());
                if first && last {
                    out.push_str(&p.text);
                    continue;
                }
                if first {
                    out.push('…');
                } else {
                    if lead {
                        out.push(' ');
                    }
                    out.push_str(&words[..KEEP].join(" "));
                }
                out.push_str(if first || last { "" } else { " …" });
                if last {
                    out.push_str(" …");
                } else {
                    out.push(' ');
                    out.push_str(&words[words.len() - KEEP..].join(" "));
                    if trail {
                        out.push(' ');
                    }
                }
            }
            "delete" => {
                out.push_str("[-");
                out.push_str(&p.text);
                out.push_str("-]");
            }
            _ => {
                out.push_str("{+");
                out.push_str(&p.text);
                out.push_str("+}");
            }
        }
    }
    out
}

/// The project's review policy, as `check` applies it.
fn review_policy(config: &crate::config::Config) -> checks::review::Policy {
    checks::review::Policy {
        required: config.review_required.map(|error| {
            if error {
                checks::Severity::Error
            } else {
                checks::Severity::Warning
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_unchanged_runs_are_shortened_next_to_the_change() {
        let pieces = crate::change::word_diff(
            "one two three four five six seven eight nine ten was arrested in 2013 and then one two three four five six seven eight nine ten",
            "one two three four five six seven eight nine ten was detained in 2013 and then one two three four five six seven eight nine ten",
        );
        assert_eq!(
            compact_diff(&pieces),
            "… eight nine ten was [-arrested-]{+detained+} in 2013 and then …"
        );
        let short = crate::change::word_diff("The court ruled.", "The court decided.");
        assert_eq!(compact_diff(&short), "The court [-ruled-]{+decided+}.");
    }
}
