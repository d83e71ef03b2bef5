//! `review`: a translation a reviewer rejected, or, when the project requires review, one
//! nobody has approved.
//!
//! ## What it does
//! Reports each message whose rejection holds (a `# review: rejected …` line made on
//! exactly its English stamp and translation), with the reviewer's note, as a warning.
//! With `[review] required = true` in dossier.toml, also reports each up-to-date
//! translation without an approval that holds (never approved, or approved before its
//! English or translation changed), with the severity `[review] severity` gives
//! (`error` by default, or `warning`). `dossier review LOCALE ID --approve` records an
//! approval.
//!
//! ## Why it matters
//! An advocacy text about a political prisoner cannot publish a legal term nobody checked:
//! a project that requires a second pair of eyes makes `check` (and CI) say which
//! translations have not had it.
//!
//! ## Example
//! ```ftl
//! # review: rejected by Anna on 2026-12-07 (0e5c2a45b3a0d6a1): "régime" needs its article
//! # en: Opposition to regime
//! opposition-to-regime = Opposition régime
//! ```
//! `warning[review]: rejected by Anna on 2026-12-07: "régime" needs its article`.

use super::Severity;
use crate::approval::{self, Verdict};
use crate::ftl::Message;

/// What the project asks of reviews (dossier.toml `[review]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Policy {
    /// Unreviewed up-to-date translations are findings, of this severity.
    pub required: Option<Severity>,
}

/// The finding on one message, if any: (severity, message). `english` is the reference's
/// current English.
pub fn check(m: &Message, english: &str, policy: Policy) -> Option<(Severity, String)> {
    let holding = approval::current(m);
    if let Some(r) = &holding {
        if r.verdict == Verdict::Rejected {
            let why = r.note.as_deref().unwrap_or("no reason given");
            return Some((
                Severity::Warning,
                format!("rejected by {} on {}: {why}", r.by, r.date),
            ));
        }
    }
    let required = policy.required?;
    let up_to_date = m.stamp.as_deref() == Some(english);
    (up_to_date && holding.is_none()).then(|| {
        (
            required,
            "not reviewed: the project requires an approval (`dossier review LOCALE ID --approve`)"
                .to_string(),
        )
    })
}
