//! `outline`: a buffer's messages grouped under the headings of the document, each with
//! its state, for an editor's outline and symbol search.

use std::ops::Range;

use crate::ftl::EntryKind;
use crate::segment::Kind;

use super::buffer::Buffer;

/// A message in the outline; a heading holds the messages of its section.
#[derive(Debug, Clone, PartialEq)]
pub struct Symbol {
    pub id: String,
    /// `translated`, `stale (CLASS)`, `obsolete`, or `reference` in the reference file.
    pub state: String,
    /// The value's beginning.
    pub excerpt: String,
    pub heading: bool,
    /// The message's entry (a heading's: to the end of its section).
    pub span: Range<usize>,
    /// Its id.
    pub id_span: Range<usize>,
    pub children: Vec<Symbol>,
}

/// The buffer's messages in file order, under their headings (nested by level).
pub fn outline(buf: &Buffer) -> Vec<Symbol> {
    let mut roots: Vec<Symbol> = Vec::new();
    // Open sections, outermost first, with their heading levels.
    let mut open: Vec<(u8, Symbol)> = Vec::new();
    fn close(open: &mut Vec<(u8, Symbol)>, roots: &mut Vec<Symbol>) {
        if let Some((_, mut s)) = open.pop() {
            if let Some(last) = s.children.last() {
                s.span.end = s.span.end.max(last.span.end);
            }
            match open.last_mut() {
                Some((_, parent)) => parent.children.push(s),
                None => roots.push(s),
            }
        }
    }
    for (e, entry) in buf.file.entries.iter().enumerate() {
        let EntryKind::Message(m) = &entry.kind else {
            continue;
        };
        let Some(at) = buf.message_at(entry.span.start).filter(|a| a.entry == e) else {
            continue;
        };
        let k = at.k;
        let state = match k {
            None => "obsolete".to_string(),
            Some(_) if buf.is_reference() => "reference".to_string(),
            Some(k) => match buf.state(k) {
                Some(crate::plan::State::Stale { class, .. }) => {
                    format!("stale ({})", class.name())
                }
                Some(s) => s.name().to_string(),
                None => "missing".to_string(),
            },
        };
        let level = k
            .and_then(|k| buf.plan.document.segments.get(buf.plan.messages[k].seg))
            .and_then(|s| match s.kind {
                Kind::Heading(l) => Some(l),
                _ => None,
            });
        let mut excerpt: String = m.value.chars().take(60).collect();
        if excerpt.len() < m.value.len() {
            excerpt.push('…');
        }
        let symbol = Symbol {
            id: m.id.clone(),
            state,
            excerpt,
            heading: level.is_some(),
            span: entry.span.clone(),
            id_span: at.id_span,
            children: Vec::new(),
        };
        match level {
            Some(l) => {
                while open.last().is_some_and(|(o, _)| *o >= l) {
                    close(&mut open, &mut roots);
                }
                open.push((l, symbol));
            }
            None => match open.last_mut() {
                Some((_, s)) => s.children.push(symbol),
                None => roots.push(symbol),
            },
        }
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    roots
}
