//! Classifying how an English segment changed, and word-level diffs for people.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    Whitespace,
    Punctuation,
    Numbers,
    Links,
    Footnotes,
    Wording,
}

impl Class {
    pub fn name(self) -> &'static str {
        match self {
            Class::Whitespace => "whitespace",
            Class::Punctuation => "punctuation",
            Class::Numbers => "numbers",
            Class::Links => "links",
            Class::Footnotes => "footnotes",
            Class::Wording => "wording",
        }
    }

    /// Changes that cannot affect a translation's meaning, carried over by `sync`.
    pub fn carries_over(self) -> bool {
        matches!(self, Class::Whitespace | Class::Punctuation)
    }
}

/// How `before` became `now`.
pub fn classify(before: &str, now: &str) -> Class {
    let ws = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if ws(before) == ws(now) {
        return Class::Whitespace;
    }
    let (b, n) = (Tokens::of(before), Tokens::of(now));
    if b.words == n.words && b.numbers == n.numbers && b.urls == n.urls && b.refs == n.refs {
        return Class::Punctuation;
    }
    if b.words == n.words && b.numbers == n.numbers && b.urls == n.urls {
        return Class::Footnotes;
    }
    if b.words == n.words && b.numbers == n.numbers && b.refs == n.refs {
        return Class::Links;
    }
    if b.words == n.words && b.urls == n.urls && b.refs == n.refs {
        return Class::Numbers;
    }
    Class::Wording
}

/// The parts of a segment that a change class looks at.
#[derive(Debug, Default, PartialEq)]
pub struct Tokens {
    pub words: Vec<String>,
    pub numbers: Vec<String>,
    pub urls: Vec<String>,
    pub refs: Vec<String>,
}

impl Tokens {
    pub fn of(text: &str) -> Tokens {
        let mut t = Tokens::default();
        let mut rest = text;
        let mut plain = String::new();
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("[^") {
                if let Some(end) = after.find(']') {
                    t.refs.push(after[..end].to_string());
                    rest = &after[end + 1..];
                    plain.push(' ');
                    continue;
                }
            }
            if let Some(url) = url_at(rest) {
                t.urls.push(url.to_string());
                rest = &rest[url.len()..];
                plain.push(' ');
                continue;
            }
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                plain.push(c);
            }
            rest = chars.as_str();
        }
        for w in plain.split(|c: char| !c.is_alphanumeric()) {
            if w.is_empty() {
                continue;
            }
            if w.chars().any(|c| c.is_ascii_digit()) {
                t.numbers.push(w.to_string());
            } else {
                t.words.push(w.to_lowercase());
            }
        }
        t
    }
}

/// A URL starting at the beginning of `s`: an autolink's target, a link destination's, or
/// a bare http(s) URL.
fn url_at(s: &str) -> Option<&str> {
    for scheme in ["https://", "http://", "mailto:", "www."] {
        if s.starts_with(scheme) {
            let end = s
                .find(|c: char| c.is_whitespace() || c == '>' || c == ')' || c == '<')
                .unwrap_or(s.len());
            return Some(&s[..end]);
        }
    }
    None
}

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// "equal", "delete" or "insert".
    pub op: &'static str,
    pub text: String,
}

/// A word-level diff on Unicode word boundaries (Cyrillic and accented words stay whole).
pub fn word_diff(before: &str, now: &str) -> Vec<Piece> {
    let diff = TextDiff::configure().diff_unicode_words(before, now);
    let mut out: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(Piece {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let base = "In 2013 the *Court* ruled.[^4] See <https://a.org/x>.";
        let cases = [
            (
                "In 2013  the *Court*\nruled.[^4] See <https://a.org/x>.",
                Class::Whitespace,
            ),
            (
                "In 2013 the *Court* ruled.[^4] See <https://a.org/x>!",
                Class::Punctuation,
            ),
            (
                "In 2014 the *Court* ruled.[^4] See <https://a.org/x>.",
                Class::Numbers,
            ),
            (
                "In 2013 the *Court* ruled.[^4] See <https://b.org/y>.",
                Class::Links,
            ),
            (
                "In 2013 the *Court* ruled.[^5] See <https://a.org/x>.",
                Class::Footnotes,
            ),
            (
                "In 2013 the *Tribunal* ruled.[^4] See <https://a.org/x>.",
                Class::Wording,
            ),
        ];
        for (now, class) in cases {
            assert_eq!(classify(base, now), class, "{now}");
        }
    }

    #[test]
    fn word_diff_keeps_cyrillic_words_whole() {
        let d = word_diff("Суд отклонил жалобу", "Суд удовлетворил жалобу");
        let ops: Vec<(&str, &str)> = d.iter().map(|p| (p.op, p.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                ("equal", "Суд "),
                ("delete", "отклонил"),
                ("insert", "удовлетворил"),
                ("equal", " жалобу")
            ]
        );
    }
}
