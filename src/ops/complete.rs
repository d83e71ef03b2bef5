//! `complete`: what an editor offers while a translator types a message's value: the
//! glossary's forms of the terms its English holds (the term, then the allowed
//! variants), and the footnote references and link addresses of its English.

use crate::checks::text::{protected, Protected};

use super::buffer::{Buffer, Edit, GlossaryRef, Session};

/// What a completion is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A glossary term (or a do-not-translate term as it is).
    Term,
    /// A variant the glossary allows for a term.
    Variant,
    Footnote,
    Link,
}

/// One completion: its text, what it is, and the edit that puts it in (replacing what is
/// already typed of it before the cursor).
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub label: String,
    pub kind: Kind,
    pub detail: String,
    pub documentation: Option<String>,
    pub edit: Edit,
}

/// The completions at byte `offset` of `buf`, when it is inside the value of a message
/// the reference has; glossary forms first, in the order of the English.
pub fn complete(session: &mut Session, buf: &Buffer, offset: usize) -> Vec<Completion> {
    let Some(at) = buf.message_at(offset) else {
        return Vec::new();
    };
    let (Some(k), false) = (at.k, buf.is_reference()) else {
        return Vec::new();
    };
    if offset < buf.value_from(&at) {
        return Vec::new();
    }
    let english = &buf.plan.messages[k].text;
    let mut found: Vec<(String, Kind, String, Option<String>)> = Vec::new();
    if let GlossaryRef::Read(g) = session.glossary() {
        let lang = buf.locale.split('-').next().unwrap_or(&buf.locale);
        let mut seen = Vec::new();
        for (e, _) in g.find_english(&crate::checks::text::mask(english)) {
            if seen.contains(&e) {
                continue;
            }
            seen.push(e);
            let entry = &g.entries[e];
            let en = entry.en.first().cloned().unwrap_or_default();
            let note = Some(entry.note.clone()).filter(|n| !n.trim().is_empty());
            match g.forms(e, &buf.locale).or_else(|| g.forms(e, lang)) {
                Some(forms) => {
                    for t in &forms.term {
                        found.push((
                            t.clone(),
                            Kind::Term,
                            format!("glossary: {en}"),
                            note.clone(),
                        ));
                    }
                    for t in &forms.allowed {
                        let detail = format!("glossary: {en} (allowed variant)");
                        found.push((t.clone(), Kind::Variant, detail, note.clone()));
                    }
                }
                None if entry.dnt => {
                    let detail = format!("glossary: {en} (do not translate)");
                    found.push((en.clone(), Kind::Term, detail, note));
                }
                None => {}
            }
        }
    }
    for (_, p) in protected(english) {
        let (text, kind, detail) = match p {
            Protected::FootnoteRef(label) => (
                format!("[^{label}]"),
                Kind::Footnote,
                "footnote reference of the English",
            ),
            Protected::LinkDest(d) | Protected::Url(d) => (d, Kind::Link, "link of the English"),
            _ => continue,
        };
        found.push((text, kind, detail.to_string(), None));
    }
    let mut out: Vec<Completion> = Vec::new();
    for (label, kind, detail, documentation) in found {
        if out.iter().any(|c| c.label == label) {
            continue;
        }
        let typed = typed_prefix(buf.text(), buf.value_from(&at), offset, &label);
        out.push(Completion {
            edit: Edit {
                span: offset - typed..offset,
                text: label.clone(),
            },
            label,
            kind,
            detail,
            documentation,
        });
    }
    out
}

/// How many bytes before `offset` (on its line, inside the value) are already the
/// beginning of `label`, ignoring case: the longest such text.
fn typed_prefix(text: &str, value_from: usize, offset: usize, label: &str) -> usize {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start.max(value_from).min(offset)..offset];
    let label = label.to_lowercase();
    before
        .char_indices()
        .map(|(i, _)| &before[i..])
        .find(|s| label.starts_with(&s.to_lowercase()))
        .map_or(0, str::len)
}
