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

use crate::ftl;
use crate::plan::{self, State};

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
    crate::lines::split(buf.text()).any(|l| {
        l.strip_prefix("# ")
            .and_then(|l| l.strip_prefix(id))
            .is_some_and(|rest| rest.trim_start_matches(' ').starts_with('='))
    })
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
