//! `syntax`: text the Fluent parser cannot read, and placeables a document has no use for.
//!
//! ## What it does
//! Reports every entry the Fluent parser turned into Junk, at the exact line and column
//! where parsing failed, with the parser's reason. Also reports messages that hold
//! placeables other than string literals (`{ $name }`, `{ -term }`, selectors): a
//! translated document has no variables, so they would show up as errors in the edition.
//! Warns about a comment line placed between a message's `# en:` stamp and its id: a
//! message's notes (and `# dossier-ignore:` lines) go above the stamp, which is the last
//! comment before the id.
//!
//! ## Why it matters
//! Fluent recovers from errors by skipping the broken entry: the message silently
//! disappears from the edition and its English is shown instead. A translator sees no
//! error anywhere unless a checker points at the line.
//!
//! ## Example
//! ```ftl
//! # en: Opposition to regime
//! opposition-to-regime = Opposition au { régime
//! ```
//! `error[syntax]: Expected a closing brace` at the column of the unclosed placeable.
//! Write `{ "{" }` for a literal brace.

use std::ops::Range;

use crate::ftl::{EntryKind, FtlFile, Message};

/// Junk entries: (span of the error, message, the id the entry seems to define).
pub fn check_junk(file: &FtlFile) -> Vec<(Range<usize>, String, Option<String>)> {
    let mut out = Vec::new();
    for e in &file.entries {
        if let EntryKind::Junk { error_at, message } = &e.kind {
            let text = &file.src[e.span.clone()];
            let id = text
                .lines()
                .find(|l| !l.starts_with('#') && !l.trim().is_empty())
                .and_then(|l| l.split('=').next())
                .map(str::trim)
                .filter(|s| {
                    !s.is_empty()
                        && s.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                })
                .map(String::from);
            let mut at = (*error_at).min(file.src.len());
            while !file.src.is_char_boundary(at) {
                at -= 1;
            }
            let end = file.src[at..]
                .chars()
                .next()
                .map_or(at, |c| at + c.len_utf8());
            out.push((
                at..end,
                format!("Fluent cannot parse this entry: {message}; the message is dropped from the edition"),
                id,
            ));
        }
    }
    out
}

/// Comment lines between a message's `# en:` stamp and its id, as byte ranges of
/// `entry` (the entry's text): notes go above the stamp, which is the last comment
/// before the id (where `sync`, `accept` and `import` write it).
pub fn misplaced_comments(entry: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut stamped = false;
    let mut pos = 0;
    for line in entry.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let text = line.trim_end_matches('\n');
        if !text.starts_with('#') {
            break;
        }
        if text == "# en:" || text.starts_with("# en: ") {
            stamped = true;
        } else if stamped && !text.starts_with("# en+") {
            out.push(start..start + text.len());
        }
    }
    out
}

/// What the warning on a misplaced comment says.
pub const MISPLACED_COMMENT: &str = "a comment between the `# en:` stamp and the message id: \
     move it above the `# en:` line (the stamp is the last comment before the id)";

/// A message whose pattern holds variables, term references or selectors.
pub fn check_complex(m: &Message) -> Option<String> {
    m.complex.then(|| {
        "this message holds a placeable (variable, term reference or selector): \
         a document translation has none; write literal text (`{ \"{\" }` for a brace)"
            .to_string()
    })
}
