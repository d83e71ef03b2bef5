//! The syntax of a Fluent file for highlighting, so that editors without a Fluent grammar
//! (most of them) colour a locale file: message and term ids, attributes, `=`, comments
//! and the `# en:` stamps, placeables (braces, string and number literals, variables,
//! references, functions), and the Markdown inline marks of values (footnote references,
//! links, inline code, emphasis). Tokens never cross a line and never overlap, in order.

use std::ops::Range;

use crate::checks::text::{protected, Protected};
use crate::ftl::{EntryKind, FtlFile, STAMP, STAMP_CONT};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    MessageId,
    TermId,
    Attribute,
    /// `=`, and the braces of a placeable.
    Operator,
    Comment,
    /// A `# en:` line: the English a translation was made from.
    Stamp,
    String,
    Number,
    Variable,
    /// A message or term referenced inside a placeable.
    Reference,
    Function,
    FootnoteRef,
    Link,
    Code,
    /// `*`, `_`, `**`, `~~` around emphasis.
    Emphasis,
}

/// One token: bytes of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub kind: Kind,
}

/// The tokens of a file, in order.
pub fn tokens(file: &FtlFile) -> Vec<Token> {
    let src = file.src.as_str();
    let mut out = Vec::new();
    for entry in &file.entries {
        let text = &src[entry.span.clone()];
        let mut pos = entry.span.start;
        let is_entry = !matches!(entry.kind, EntryKind::Junk { .. });
        // Lines after the id line (`in_value`) continue its pattern.
        let mut in_value = false;
        for line in text.split_inclusive('\n') {
            let start = pos;
            pos += line.len();
            let line = line.trim_end_matches('\n');
            if line.starts_with('#') {
                let body = line.trim_start_matches('#').strip_prefix(' ').unwrap_or("");
                let stamp = line.starts_with("# ")
                    && (body.starts_with(STAMP) || body.starts_with(STAMP_CONT) || body == "en:");
                let kind = if stamp { Kind::Stamp } else { Kind::Comment };
                out.push(Token {
                    span: start..start + line.len(),
                    kind,
                });
                continue;
            }
            if !is_entry {
                continue;
            }
            let first = line.as_bytes().first().copied();
            if matches!(first, Some(b'a'..=b'z' | b'A'..=b'Z' | b'-')) {
                let (kind, body) = match line.strip_prefix('-') {
                    Some(rest) => (Kind::TermId, rest),
                    None => (Kind::MessageId, line),
                };
                let id_len = line.len() - body.len()
                    + body
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                        .unwrap_or(body.len());
                out.push(Token {
                    span: start..start + id_len,
                    kind,
                });
                if let Some(eq) = line[id_len..].find('=') {
                    let eq = id_len + eq;
                    out.push(Token {
                        span: start + eq..start + eq + 1,
                        kind: Kind::Operator,
                    });
                    value(src, start + eq + 1, start + line.len(), &mut out);
                }
                in_value = true;
                continue;
            }
            if !in_value {
                continue;
            }
            let indent = line.len() - line.trim_start_matches(' ').len();
            let rest = &line[indent..];
            if let Some(attr) = rest.strip_prefix('.') {
                let name = attr
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                    .unwrap_or(attr.len());
                let at = start + indent;
                out.push(Token {
                    span: at..at + 1 + name,
                    kind: Kind::Attribute,
                });
                if let Some(eq) = attr[name..].find('=') {
                    let eq = at + 1 + name + eq;
                    out.push(Token {
                        span: eq..eq + 1,
                        kind: Kind::Operator,
                    });
                    value(src, eq + 1, start + line.len(), &mut out);
                }
                continue;
            }
            value(src, start + indent, start + line.len(), &mut out);
        }
    }
    out
}

/// The tokens of one line of a pattern, `src[from..to]`: placeables, and Markdown marks
/// in the text between them.
fn value(src: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let line = &src[from..to];
    let mut text_from = 0;
    let mut i = 0;
    let b = line.as_bytes();
    while i < b.len() {
        if b[i] != b'{' {
            i += 1;
            continue;
        }
        markdown(src, from + text_from, from + i, out);
        let end = placeable(line, i).unwrap_or(line.len());
        placeable_tokens(src, from + i, from + end, out);
        i = end;
        text_from = end;
    }
    markdown(src, from + text_from, to, out);
}

/// The end (after its `}`) of the placeable opening at `open`, or `None` when it does
/// not close on this line.
fn placeable(line: &str, open: usize) -> Option<usize> {
    let b = line.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut i = open;
    while i < b.len() {
        match (b[i], in_string) {
            (b'\\', true) => i += 1,
            (b'"', _) => in_string = !in_string,
            (b'{', false) => depth += 1,
            (b'}', false) => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The tokens inside a placeable `src[from..to]`.
fn placeable_tokens(src: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let text = &src[from..to];
    let b = text.as_bytes();
    let mut i = 0;
    let push = |out: &mut Vec<Token>, r: Range<usize>, kind| {
        out.push(Token {
            span: from + r.start..from + r.end,
            kind,
        })
    };
    while i < b.len() {
        let c = b[i];
        match c {
            b'{' | b'}' => {
                push(out, i..i + 1, Kind::Operator);
                i += 1;
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let end = (j + 1).min(b.len());
                push(out, i..end, Kind::String);
                i = end;
            }
            b'$' | b'-' | b'a'..=b'z' | b'A'..=b'Z' => {
                let start = i;
                i += 1;
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b'_')
                {
                    i += 1;
                }
                if c == b'-' && i == start + 1 {
                    if b.get(i).is_some_and(u8::is_ascii_digit) {
                        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                            i += 1;
                        }
                        push(out, start..i, Kind::Number);
                    }
                    continue;
                }
                let kind = match c {
                    b'$' => Kind::Variable,
                    b'-' => Kind::Reference,
                    _ if b.get(i) == Some(&b'(') => Kind::Function,
                    _ => Kind::Reference,
                };
                push(out, start..i, kind);
            }
            b'0'..=b'9' => {
                let start = i;
                while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                    i += 1;
                }
                push(out, start..i, Kind::Number);
            }
            _ => i += 1,
        }
    }
}

/// The Markdown marks of plain text `src[from..to]`.
fn markdown(src: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    if from >= to {
        return;
    }
    let text = &src[from..to];
    let marks = protected(text);
    let mut pos = 0;
    for (r, p) in &marks {
        emphasis(text, pos, r.start, from, out);
        let kind = match p {
            Protected::FootnoteRef(_) => Some(Kind::FootnoteRef),
            Protected::Url(_) | Protected::LinkDest(_) => Some(Kind::Link),
            Protected::Code(_) => Some(Kind::Code),
            Protected::Html(_) => None,
        };
        if let Some(kind) = kind {
            out.push(Token {
                span: from + r.start..from + r.end,
                kind,
            });
        }
        pos = r.end;
    }
    emphasis(text, pos, text.len(), from, out);
}

/// Runs of `*`, `_` or `~` that open or close emphasis (next to a non-space on one side)
/// in `text[from..to]`.
fn emphasis(text: &str, from: usize, to: usize, base: usize, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let mut i = from;
    while i < to {
        let c = b[i];
        if !matches!(c, b'*' | b'_' | b'~') {
            i += 1;
            continue;
        }
        let start = i;
        while i < to && b[i] == c {
            i += 1;
        }
        let before = text[..start].chars().next_back();
        let after = text[i..].chars().next();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
        // `_` inside a word (snake_case) is not emphasis; a run between spaces is not either.
        let inner = c == b'_' && word(before) && word(after);
        let spaced = space(before) && space(after);
        if !(inner || spaced) && (c != b'~' || i - start == 2) {
            out.push(Token {
                span: base + start..base + i,
                kind: Kind::Emphasis,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(src: &str) -> Vec<(&str, Kind)> {
        let f = FtlFile::parse(src);
        tokens(&f)
            .into_iter()
            .map(|t| (&src[t.span], t.kind))
            .collect()
    }

    #[test]
    fn ids_stamps_placeables_and_markdown_marks() {
        use Kind::*;
        let src = "### Resource comment\n\n# en: The *court* ruled.[^1]\n# a note\nruling = Le *tribunal* a { \"{\" } statué.[^1] Voir [ici](https://x.org) et `code`.\n    Suite { $n } { -brand } { NUMBER(2) }\n    .title = Titre\n";
        assert_eq!(
            show(src),
            [
                ("### Resource comment", Comment),
                ("# en: The *court* ruled.[^1]", Stamp),
                ("# a note", Comment),
                ("ruling", MessageId),
                ("=", Operator),
                ("*", Emphasis),
                ("*", Emphasis),
                ("{", Operator),
                ("\"{\"", String),
                ("}", Operator),
                ("[^1]", FootnoteRef),
                ("https://x.org", Link),
                ("`code`", Code),
                ("{", Operator),
                ("$n", Variable),
                ("}", Operator),
                ("{", Operator),
                ("-brand", Reference),
                ("}", Operator),
                ("{", Operator),
                ("NUMBER", Function),
                ("2", Number),
                ("}", Operator),
                (".title", Attribute),
                ("=", Operator),
            ]
        );
    }

    #[test]
    fn junk_gets_no_tokens_and_snake_case_is_not_emphasis() {
        let src = "a = snake_case and 2 * 3\n\nb = { broken\n";
        let kinds: Vec<(&str, Kind)> = show(src);
        assert_eq!(kinds, [("a", Kind::MessageId), ("=", Kind::Operator)]);
    }
}
