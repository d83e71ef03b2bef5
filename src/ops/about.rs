//! `about`: what dossier knows about one message of a buffer, for an editor's hover: the
//! current English, and for a stale message the English it was translated from, the word
//! diff to now and the change class.

use crate::change::Piece;
use crate::plan::State;

use super::buffer::Buffer;

/// One message, as a translator asks about it.
#[derive(Debug, Clone, PartialEq)]
pub struct About {
    pub id: String,
    /// The block of the English it translates (`heading`, `paragraph`, `footnote`, …).
    pub kind: Option<&'static str>,
    /// The current English; `None` when the reference no longer has the id (obsolete).
    pub english: Option<String>,
    /// `translated`, `stale`, `missing`, `obsolete`, or `reference` in the reference file.
    pub state: &'static str,
    /// For a stale message: the English it was translated from, the change class and the
    /// word diff from that English to the current one.
    pub before: Option<String>,
    pub class: Option<&'static str>,
    pub diff: Vec<Piece>,
    /// The review that holds on the message (`approval`), said in a line: "approved by …
    /// on …" or "rejected by … on …: note".
    pub review: Option<String>,
}

/// What is known about message `id` of `buf`; `None` when neither the buffer nor the
/// reference has it.
pub fn about(buf: &Buffer, id: &str) -> Option<About> {
    let k = buf.plan.index.get(id).copied();
    let m = k.map(|k| &buf.plan.messages[k]);
    let state = match (k, buf.is_reference()) {
        (None, _) => {
            buf.message(id)?;
            "obsolete"
        }
        (Some(_), true) => "reference",
        (Some(k), false) => buf.state(k).map_or("missing", State::name),
    };
    let (before, class) = match k.and_then(|k| buf.state(k)) {
        Some(State::Stale { before, class }) => (Some(before.clone()), Some(class.name())),
        _ => (None, None),
    };
    let diff = match (&before, m) {
        (Some(b), Some(m)) => crate::change::word_diff(b, &m.text),
        _ => Vec::new(),
    };
    Some(About {
        id: id.to_string(),
        kind: m.map(|m| m.class),
        english: m.map(|m| m.text.clone()),
        state,
        before,
        class,
        diff,
        review: k
            .and_then(|k| buf.plan.locale(&buf.locale).and_then(|lp| lp.review(k)))
            .map(|r| {
                let mut line = format!("{} by {} on {}", r.verdict.name(), r.by, r.date);
                if let Some(n) = r.note {
                    line.push_str(": ");
                    line.push_str(&n);
                }
                line
            }),
    })
}
