//! Reading and writing Fluent (FTL) files without losing anything a translator wrote.
//!
//! fluent-syntax parses; this module adds what it lacks: byte spans for every entry (so a
//! file can be edited in place and Junk kept verbatim), line:column positions for errors,
//! the flattening of a message pattern into plain document text, and a writer that is safe
//! for any string (fluent-syntax's serializer escapes nothing; see DESIGN.md "Writing Fluent
//! safely").

use std::ops::Range;

use fluent_syntax::ast;

/// The comment prefix that records the English a translation was made from.
pub const STAMP: &str = "en: ";
/// The prefix of the stamp's continuation lines (English segments with line breaks).
pub const STAMP_CONT: &str = "en+ ";

/// A parsed FTL file: its text and its top-level entries with their spans.
#[derive(Debug, Clone)]
pub struct FtlFile {
    pub src: String,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// Byte range in `src`, attached comment included, trailing blank lines excluded.
    pub span: Range<usize>,
    pub kind: EntryKind,
}

#[derive(Debug, Clone)]
pub enum EntryKind {
    Message(Message),
    /// A standalone comment, a term, or anything else kept as it is.
    Other,
    /// Text the parser could not read, kept verbatim. `error` is an absolute byte range.
    Junk {
        error_at: usize,
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: String,
    /// The value as plain text (string-literal placeables unescaped).
    pub value: String,
    /// The English this translation was made from, if the message carries a stamp.
    pub stamp: Option<String>,
    /// Attached comment lines other than the stamp (translator notes), in order.
    pub notes: Vec<String>,
    /// True when the pattern holds placeables other than literals (variables, references,
    /// selectors): a document translation has no use for them and `check` reports them.
    pub complex: bool,
    /// Byte offset of the value's first character in the file (for diagnostics).
    pub value_start: usize,
}

impl FtlFile {
    /// Parses `src` (already checked for BOM, CR and NUL by the caller). Never fails: what
    /// does not parse becomes Junk.
    ///
    /// Takes the text by value when it can (`String`), so it is not copied.
    pub fn parse(src: impl Into<String>) -> FtlFile {
        Self::parse_with(src.into(), true)
    }

    /// `parse`; `fast` reads the common plain messages without the general parser.
    fn parse_with(src: String, fast: bool) -> FtlFile {
        let mut entries = Vec::new();
        for chunk in chunks(&src) {
            match fast.then(|| plain_message(&src, chunk.clone())).flatten() {
                Some(entry) => entries.push(entry),
                None => parse_chunk(&src, chunk, &mut entries),
            }
        }
        FtlFile { src, entries }
    }

    pub fn messages(&self) -> impl Iterator<Item = (&Entry, &Message)> {
        self.entries.iter().filter_map(|e| match &e.kind {
            EntryKind::Message(m) => Some((e, m)),
            _ => None,
        })
    }

    pub fn message(&self, id: &str) -> Option<&Message> {
        self.messages().map(|(_, m)| m).find(|m| m.id == id)
    }

    /// Replaces the spans of some entries (by index) with new text, leaving every other
    /// byte of the file as it is.
    pub fn edit(&self, replacements: &[(usize, String)]) -> String {
        let mut sorted: Vec<&(usize, String)> = replacements.iter().collect();
        sorted.sort_by_key(|(i, _)| self.entries[*i].span.start);
        let mut out = String::with_capacity(self.src.len() + 256);
        let mut pos = 0;
        for (i, text) in sorted {
            let span = &self.entries[*i].span;
            out.push_str(&self.src[pos..span.start]);
            out.push_str(text.trim_end_matches('\n'));
            pos = span.end;
        }
        out.push_str(&self.src[pos..]);
        out
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..floor_char_boundary(src, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Splits a file into top-level entry chunks the way Fluent's grammar does: an entry
/// starts at a line beginning with a letter, `-` or `#`; a `#` comment directly above a
/// message belongs to it. Returns byte ranges without trailing blank lines.
fn chunks(src: &str) -> Vec<Range<usize>> {
    #[derive(PartialEq, Clone, Copy)]
    enum Cur {
        None,
        Comment(usize),
        Entry,
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut cur = Cur::None;
    let mut start = 0;
    let mut end = 0; // end of the last non-blank line of the current chunk
    let mut prev_blank = true;
    let mut pos = 0;
    for line in crate::lines::split_inclusive(src) {
        let line_start = pos;
        pos += line.len();
        let content = line.trim_end_matches('\n');
        let blank = content.trim_matches(' ').is_empty();
        if blank {
            prev_blank = true;
            continue;
        }
        let first = content.as_bytes()[0];
        let new_chunk = match first {
            b'#' => {
                let level = content.bytes().take_while(|&b| b == b'#').count();
                cur != Cur::Comment(level) || prev_blank
            }
            b'-' | b'a'..=b'z' | b'A'..=b'Z' => cur != Cur::Comment(1) || prev_blank,
            _ => false,
        };
        if new_chunk || cur == Cur::None {
            if cur != Cur::None {
                out.push(start..end);
            }
            start = line_start;
        }
        cur = match first {
            b'#' if new_chunk || cur == Cur::None => {
                Cur::Comment(content.bytes().take_while(|&b| b == b'#').count())
            }
            b'#' => cur,
            b'-' | b'a'..=b'z' | b'A'..=b'Z' => Cur::Entry,
            _ if cur == Cur::None => Cur::Entry,
            _ => cur,
        };
        end = line_start + content.len();
        prev_blank = false;
    }
    if cur != Cur::None {
        out.push(start..end);
    }
    out
}

/// The common chunk, read without the general parser (which gives the same result for it,
/// as a test checks on random input): `#` comment lines, then one `id = value` line whose
/// value has no placeable and no white space or special character at either end. `None`
/// for anything else.
fn plain_message(src: &str, chunk: Range<usize>) -> Option<Entry> {
    let text = &src[chunk.clone()];
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        return None;
    }
    let (comments, line, line_start) = match memchr::memrchr(b'\n', text.as_bytes()) {
        Some(i) => (&text[..i], &text[i + 1..], i + 1),
        None => ("", text, 0),
    };
    let comment_lines = || crate::lines::split(comments).filter(|_| !comments.is_empty());
    if !comment_lines().all(|l| l == "#" || l.starts_with("# ")) {
        return None;
    }
    let bytes = line.as_bytes();
    let id_len = bytes
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(bytes.len());
    if id_len == 0 || !bytes[0].is_ascii_alphabetic() {
        return None;
    }
    let value = line[id_len..].strip_prefix(" = ")?;
    let first = value.chars().next()?;
    let last = value.chars().next_back()?;
    if first.is_whitespace()
        || last.is_whitespace()
        || matches!(first, '[' | '*' | '.' | '"' | '#' | '-')
        || memchr::memchr2(b'{', b'}', value.as_bytes()).is_some()
    {
        return None;
    }
    let (stamp, notes) = read_comment(comment_lines().map(|l| l.get(2..).unwrap_or("")));
    Some(Entry {
        span: chunk.clone(),
        kind: EntryKind::Message(Message {
            id: line[..id_len].to_string(),
            value: value.to_string(),
            stamp,
            notes,
            complex: false,
            value_start: chunk.start + line_start + id_len + 3,
        }),
    })
}

/// The stamp and the translator notes of a message's comment lines.
fn read_comment<'a>(lines: impl Iterator<Item = &'a str>) -> (Option<String>, Vec<String>) {
    let mut stamp: Option<String> = None;
    let mut notes = Vec::new();
    for line in lines {
        if let Some(rest) = line.strip_prefix(STAMP) {
            stamp = Some(rest.to_string());
        } else if let (Some(rest), Some(s)) = (line.strip_prefix(STAMP_CONT), stamp.as_mut()) {
            s.push('\n');
            s.push_str(rest);
        } else if line == STAMP.trim_end() {
            stamp = Some(String::new());
        } else {
            notes.push(line.to_string());
        }
    }
    (stamp, notes)
}

fn parse_chunk(src: &str, chunk: Range<usize>, entries: &mut Vec<Entry>) {
    let text = &src[chunk.clone()];
    if let Some(at) = too_deep(text) {
        // fluent-syntax reads nested placeables by recursion and would overflow the stack:
        // the entry is Junk, as a parser error would make it, and its comment a comment.
        let body = comment_lines_end(text);
        if body > 0 {
            let comment = text[..body].trim_end();
            entries.push(Entry {
                span: chunk.start..chunk.start + comment.len(),
                kind: EntryKind::Other,
            });
        }
        entries.push(Entry {
            span: chunk.start + body..chunk.end,
            kind: EntryKind::Junk {
                error_at: chunk.start + at,
                message: format!(
                    "placeables nested more than {MAX_DEPTH} deep (dossier reads {MAX_DEPTH} levels at most)"
                ),
            },
        });
        return;
    }
    // Byte for byte as long as `text`; only AST slices of Junk may differ from it, and of
    // those only offsets and lengths are used.
    let safe = guard_short_escapes(text);
    let (resource, errors) = match fluent_syntax::parser::parse(safe.as_ref()) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e),
    };
    let mut errors = errors.into_iter();
    // Consecutive non-Junk entries form one region (normally a single message with its
    // comment); Junk is located by its verbatim content.
    let mut cursor = 0usize;
    let mut pending: Vec<ast::Entry<&str>> = Vec::new();
    let flush = |pending: &mut Vec<ast::Entry<&str>>,
                 end: usize,
                 cursor: usize,
                 entries: &mut Vec<Entry>| {
        if pending.is_empty() || text[cursor..end].trim().is_empty() {
            pending.clear();
            return;
        }
        let messages = pending
            .iter()
            .filter(|e| matches!(e, ast::Entry::Message(_)))
            .count();
        let kind = match pending
            .drain(..)
            .find(|e| matches!(e, ast::Entry::Message(_)))
        {
            Some(ast::Entry::Message(m)) if messages == 1 => {
                EntryKind::Message(flatten(chunk.start, text, m))
            }
            _ => EntryKind::Other,
        };
        let region = &text[cursor..end];
        let lead = region.len() - region.trim_start().len();
        entries.push(Entry {
            span: chunk.start + cursor + lead..chunk.start + cursor + region.trim_end().len(),
            kind,
        });
    };
    for entry in resource.body {
        if let ast::Entry::Junk { content } = entry {
            // The parser's Junk is a slice of `text`: its address gives its place (a search
            // for its content could find the same text earlier, in a comment or a value).
            let at = offset_in(&safe, content)
                .filter(|&i| i >= cursor)
                .or_else(|| text[cursor..].find(content).map(|i| cursor + i))
                .unwrap_or(cursor);
            flush(&mut pending, at, cursor, entries);
            let (error_at, message) = match errors.next() {
                Some(e) => (chunk.start + e.pos.start, describe_error(&e)),
                None => (chunk.start + at, "unparseable text".to_string()),
            };
            entries.push(Entry {
                span: chunk.start + at..chunk.start + at + content.trim_end().len(),
                kind: EntryKind::Junk { error_at, message },
            });
            cursor = (at + content.len()).min(text.len());
        } else {
            pending.push(entry);
        }
    }
    flush(&mut pending, text.len(), cursor, entries);
}

/// How deep placeables (and call arguments in them) may nest. fluent-syntax 0.12 parses them
/// by recursion, several kilobytes of stack a level: 3,000 levels abort the process, 400
/// overflow a thread's 2 MiB. A document translation needs one level (`{ "{" }`); Fluent
/// software rarely more than three.
pub const MAX_DEPTH: usize = 32;

/// Where a chunk's placeables first nest deeper than `MAX_DEPTH`: the offset of the `{` or
/// `(` one level too deep. One pass over the bytes: braces count outside string literals
/// (a literal opens with `"` inside a placeable and ends at an unescaped `"` or the end of
/// its line), parentheses inside placeables; comment lines (the `#` lines a chunk starts
/// with) do not count.
fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // Cheap exit for the usual entry: fewer than MAX_DEPTH + 1 openers cannot nest that deep.
    let openers = memchr::memchr2_iter(b'{', b'(', bytes).count();
    if openers <= MAX_DEPTH {
        return None;
    }
    let mut braces = 0usize;
    let mut parens = 0usize;
    let mut in_string = false;
    let mut i = comment_lines_end(text);
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' | b'\n' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'{' => {
                braces += 1;
                if braces + parens > MAX_DEPTH {
                    return Some(i);
                }
            }
            b'}' => {
                braces = braces.saturating_sub(1);
                if braces == 0 {
                    parens = 0;
                }
            }
            b'(' if braces > 0 => {
                parens += 1;
                if braces + parens > MAX_DEPTH {
                    return Some(i);
                }
            }
            b')' if braces > 0 => parens = parens.saturating_sub(1),
            b'"' if braces > 0 => in_string = true,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The end of the `#` comment lines a chunk starts with (0 when it starts with an entry).
fn comment_lines_end(text: &str) -> usize {
    let mut end = 0;
    for line in crate::lines::split_inclusive(text) {
        if !line.starts_with('#') {
            break;
        }
        end += line.len();
    }
    end
}

/// fluent-syntax 0.12 panics on a string literal's `\u`/`\U` escape cut short by a
/// non-ASCII character (`{ "\ué" }`): its error message slices one byte past the escape,
/// inside the character (fluent-rs issue 389; found by fuzzing). So each such character is
/// replaced by as many `?` bytes before parsing. An escape the parser reads as one makes
/// its entry Junk (a failed attribute is read again as a Junk line), so where a `?`s lie in
/// Junk they stay (Junk is kept from the original text by its span), and every other such
/// character (in a message's plain text, a comment) is put back and the text parsed again,
/// so messages are read from their own text. The result has `text`'s length and line
/// structure, so every offset in it is an offset in `text`.
fn guard_short_escapes(text: &str) -> std::borrow::Cow<'_, str> {
    let mut spots = short_escapes(text);
    if spots.is_empty() {
        return text.into();
    }
    loop {
        let mut safe = text.to_string();
        for r in &spots {
            safe.replace_range(r.clone(), &"?".repeat(r.len()));
        }
        let junk: Vec<Range<usize>> = match fluent_syntax::parser::parse(safe.as_str()) {
            Ok(_) => Vec::new(),
            Err((resource, _)) => resource
                .body
                .iter()
                .filter_map(|e| match e {
                    ast::Entry::Junk { content } => {
                        offset_in(&safe, content).map(|i| i..i + content.len())
                    }
                    _ => None,
                })
                .collect(),
        };
        let before = spots.len();
        spots.retain(|r| junk.iter().any(|j| j.start <= r.start && r.end <= j.end));
        if spots.len() == before {
            return safe.into();
        }
    }
}

/// The non-ASCII characters that end a `\u` (4 hex digits) or `\U` (6) escape early.
fn short_escapes(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (i, _) in text.match_indices('\\') {
        let digits = match bytes.get(i + 1) {
            Some(b'u') => 4,
            Some(b'U') => 6,
            _ => continue,
        };
        let hex = bytes[i + 2..]
            .iter()
            .take(digits)
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        let at = i + 2 + hex;
        if hex < digits {
            if let Some(c) = text.get(at..).and_then(|t| t.chars().next()) {
                if !c.is_ascii() {
                    out.push(at..at + c.len_utf8());
                }
            }
        }
    }
    out
}

/// Where `inner`, a subslice of `outer`, starts in it.
fn offset_in(outer: &str, inner: &str) -> Option<usize> {
    let start = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    (start + inner.len() <= outer.len()).then_some(start)
}

fn describe_error(e: &fluent_syntax::parser::ParserError) -> String {
    let s = e.kind.to_string();
    if s.is_empty() {
        "syntax error".to_string()
    } else {
        s
    }
}

fn flatten(base: usize, text: &str, m: ast::Message<&str>) -> Message {
    let mut value = String::new();
    let mut complex = false;
    if let Some(p) = &m.value {
        for el in &p.elements {
            match el {
                ast::PatternElement::TextElement { value: v } => value.push_str(v),
                ast::PatternElement::Placeable { expression } => match expression {
                    ast::Expression::Inline(ast::InlineExpression::StringLiteral { value: v }) => {
                        value.push_str(&unescape(v))
                    }
                    ast::Expression::Inline(ast::InlineExpression::NumberLiteral { value: v }) => {
                        value.push_str(v)
                    }
                    _ => complex = true,
                },
            }
        }
    }
    let (stamp, notes) = match &m.comment {
        Some(c) => read_comment(c.content.iter().copied()),
        None => (None, Vec::new()),
    };
    let id = m.id.name;
    // The value starts after `id` and `=` on the message's line.
    let id_line = text
        .find(&format!("\n{id}"))
        .map_or(0, |i| i + 1)
        .min(text.len());
    let value_start = text[id_line..]
        .find('=')
        .map(|i| {
            let after = id_line + i + 1;
            after + text[after..].len() - text[after..].trim_start().len()
        })
        .unwrap_or(id_line);
    Message {
        id: id.to_string(),
        value,
        stamp,
        notes,
        complex,
        value_start: base + value_start,
    }
}

/// Processes the escapes of a Fluent string literal: `\\`, `\"`, `\uXXXX`, `\UXXXXXX`.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => push_hex(&mut out, &mut chars, 4),
            Some('U') => push_hex(&mut out, &mut chars, 6),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn push_hex(out: &mut String, chars: &mut std::str::Chars, n: usize) {
    let hex: String = chars.by_ref().take(n).collect();
    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
        Some(c) => out.push(c),
        None => out.push('\u{FFFD}'),
    }
}

/// Writes a message (comment lines, then `id = value`) so that any value parses back
/// identical. No trailing newline.
pub fn write_message(id: &str, value: &str, comments: &[String]) -> String {
    let mut out = String::new();
    for c in comments {
        if c.is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str("# ");
            out.push_str(c);
            out.push('\n');
        }
    }
    out.push_str(id);
    out.push_str(" =");
    out.push_str(&write_value(value));
    out
}

/// The comment lines that stamp a translation with the English it was made from.
pub fn stamp_lines(english: &str) -> Vec<String> {
    english
        .split('\n')
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{STAMP}{l}")
            } else {
                format!("{STAMP_CONT}{l}")
            }
        })
        .collect()
}

/// The text after `id =`: ` value` on one line, or an indented block for several lines.
pub fn write_value(value: &str) -> String {
    if value.is_empty() {
        return " { \"\" }".to_string();
    }
    let lines: Vec<&str> = value.split('\n').collect();
    if lines.len() == 1 {
        let mut out = String::with_capacity(value.len() + 1);
        out.push(' ');
        write_line(&mut out, lines[0], true);
        return out;
    }
    let mut out = String::with_capacity(value.len() + 8 * lines.len());
    for line in lines {
        out.push_str("\n    ");
        write_line(&mut out, line, false);
    }
    out
}

fn write_line(out: &mut String, line: &str, first: bool) {
    if line.is_empty() {
        // An empty line is lost at the start or end of a block; a placeable keeps it.
        out.push_str("{ \"\" }");
        return;
    }
    let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
    let trail_start = line.trim_end_matches(' ').len().max(lead);
    let (leading, rest) = line.split_at(lead);
    let (middle, trailing) = rest.split_at(trail_start - lead);
    if !leading.is_empty() {
        literal(out, leading);
    }
    let mut middle = middle;
    // `[`, `*` and `.` are special only at the start of a continuation line.
    if let Some(c @ ('[' | '*' | '.')) = middle.chars().next() {
        if leading.is_empty() && !first {
            out.push_str("{ \"");
            out.push(c);
            out.push_str("\" }");
            middle = &middle[1..];
        }
    }
    let mut start = 0;
    for i in memchr::memchr3_iter(b'{', b'}', b'\r', middle.as_bytes()) {
        let escaped = match middle.as_bytes()[i] {
            b'{' => "{ \"{\" }",
            b'}' => "{ \"}\" }",
            _ => "{ \"\\u000D\" }",
        };
        out.push_str(&middle[start..i]);
        out.push_str(escaped);
        start = i + 1;
    }
    out.push_str(&middle[start..]);
    if !trailing.is_empty() {
        literal(out, trailing);
    }
}

fn literal(out: &mut String, s: &str) {
    out.push_str("{ \"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\u0009"),
            '\r' => out.push_str("\\u000D"),
            c => out.push(c),
        }
    }
    out.push_str("\" }");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry's kind as the tests name it.
    fn kind_name(kind: &EntryKind) -> &'static str {
        match kind {
            EntryKind::Message(_) => "message",
            EntryKind::Junk { .. } => "junk",
            EntryKind::Other => "other",
        }
    }

    fn round(v: &str) -> String {
        let src = format!("{}\n", write_message("m", v, &[]));
        let f = FtlFile::parse(&src);
        assert_eq!(f.entries.len(), 1, "{src:?} -> {:?}", f.entries);
        match &f.entries[0].kind {
            EntryKind::Message(m) => m.value.clone(),
            other => panic!("{src:?} gave {other:?}"),
        }
    }

    #[test]
    fn pitfalls_from_design_notes_round_trip() {
        let cases = [
            "a { b } c",                // 1
            "line\n[not a variant",     // 2
            "line\n*star\n.dot",        // 2
            "  leading and trailing  ", // 3
            "\ttab first",              // 4
            "a\n      deeper\n  less",  // 5
            "para\n\nnext",             // 6
            "para\n   \nnext",          // 6
            "",                         // 7
            "\nstarts with newline\n",  // 6
            "carriage\rreturn",         // 8
            "\"quotes\" and \\ backslash",
            "# not a comment\n- not a term",
            "Ablyazov’s «asile» — 11,5",
        ];
        for c in cases {
            assert_eq!(round(c), c, "value {c:?}");
        }
    }

    #[test]
    fn junk_is_kept_with_its_position() {
        let src = "a = ok\n\nb = { broken\n\n# note\nc = fine\n";
        let f = FtlFile::parse(src);
        let kinds: Vec<String> = f
            .entries
            .iter()
            .map(|e| match &e.kind {
                EntryKind::Message(m) => m.id.clone(),
                EntryKind::Junk { .. } => format!("junk:{}", &src[e.span.clone()]),
                EntryKind::Other => "other".into(),
            })
            .collect();
        assert_eq!(kinds, ["a", "junk:b = { broken", "c"]);
        let c = f.message("c").map(|m| m.notes.clone());
        assert_eq!(c, Some(vec!["note".to_string()]));
        if let EntryKind::Junk { error_at, .. } = &f.entries[1].kind {
            assert_eq!(line_col(src, *error_at).0, 3);
        }
    }

    /// Found by fuzzing (fuzz/fuzz_targets/ftl.rs): Junk was located by searching for its
    /// text, which found an earlier copy of it (in a comment, in a value) and left the real
    /// Junk outside every entry.
    #[test]
    fn junk_is_placed_where_it_is_not_where_its_text_first_occurs() {
        let spans = |src: &str| -> Vec<(String, &'static str)> {
            FtlFile::parse(src)
                .entries
                .iter()
                .map(|e| (src[e.span.clone()].to_string(), kind_name(&e.kind)))
                .collect()
        };
        let own = |v: &[(&str, &'static str)]| -> Vec<(String, &'static str)> {
            v.iter().map(|(t, k)| (t.to_string(), *k)).collect()
        };
        assert_eq!(spans("# é\né"), own(&[("# é", "other"), ("é", "junk")]));
        assert_eq!(
            spans("a = é\né\n"),
            own(&[("a = é", "message"), ("é", "junk")])
        );
        let f = FtlFile::parse("# é\né");
        if let EntryKind::Junk { error_at, .. } = &f.entries[1].kind {
            assert_eq!(line_col(&f.src, *error_at), (2, 1));
        }
    }

    /// Found by fuzzing: fluent-syntax panicked on `\u`/`\U` escapes cut short by a
    /// non-ASCII character. The entry is Junk; the same text outside a string literal is a
    /// message like any other, with its character.
    #[test]
    fn short_unicode_escapes_before_non_ascii_are_junk_not_a_panic() {
        for (src, line) in [
            ("s={\"\\U\u{6b9}", 1),
            ("a = ok\n\nb = { \"\\ué\" }\nc = fine\n", 3),
            ("b = x { \"\\u12қ\" } \\uә { \"\\U1ә\" }\n", 1),
            // A failed attribute is read again as Junk; the message before it stays.
            ("e=\n.a={\"\\Uй", 1),
            ("e = v\n    .a = { \"\\uй\" }\n", 2),
        ] {
            let f = FtlFile::parse(src);
            let junk: Vec<usize> = f
                .entries
                .iter()
                .filter_map(|e| match e.kind {
                    EntryKind::Junk { error_at, .. } => Some(line_col(src, error_at).0),
                    _ => None,
                })
                .collect();
            assert_eq!(junk, [line], "{src:?}: {:?}", f.entries);
        }
        let f = FtlFile::parse("a = ok\n\nb = { \"\\ué\" }\nc = fine\n");
        assert_eq!(f.message("c").map(|m| m.value.as_str()), Some("fine"));
        let f = FtlFile::parse("t = plain \\uә and \\U12қ { \"x\" }\n");
        assert_eq!(
            f.message("t").map(|m| m.value.as_str()),
            Some("plain \\uә and \\U12қ x")
        );
    }

    /// Issue 17 item 6: placeables, selects or call arguments nested 3,000 deep made
    /// fluent-syntax overflow the stack (SIGABRT in every reading command). The entry is
    /// Junk, verbatim, at the `{` one level too deep; the rest of the file is read.
    #[test]
    fn placeables_nested_too_deep_are_junk_not_a_stack_overflow() {
        let n = 3_000;
        let placeables = format!("{}\"x\"{}", "{ ".repeat(n), " }".repeat(n));
        let selects = format!("{}x{}", "{ $x ->\n *[a] ".repeat(n), "\n }".repeat(n));
        let calls = format!("{{ {}1{} }}", "F(".repeat(n), ")".repeat(n));
        for deep in [placeables, selects, calls] {
            let src = format!("a = ok\n\n# note\nbad = {deep}\n\nc = fine\n");
            // The parser runs on small thread stacks too (rayon's are 2 MiB).
            let f = std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || FtlFile::parse(src))
                .map(|h| h.join());
            let Ok(Ok(f)) = f else {
                panic!("parsing overflowed or failed: {}", &deep[..40]);
            };
            let kinds: Vec<(&str, &str)> = f
                .entries
                .iter()
                .map(|e| (&f.src[e.span.clone()], kind_name(&e.kind)))
                .collect();
            let bad = format!("bad = {deep}");
            assert_eq!(
                kinds,
                [
                    ("a = ok", "message"),
                    ("# note", "other"),
                    (bad.as_str(), "junk"),
                    ("c = fine", "message")
                ]
            );
            let EntryKind::Junk { error_at, message } = &f.entries[2].kind else {
                unreachable!()
            };
            // The `{` (or `(`) that opens level MAX_DEPTH + 1.
            assert!(matches!(&f.src[*error_at..*error_at + 1], "{" | "("));
            let before = &f.src[f.entries[2].span.start..*error_at];
            assert_eq!(before.matches(['{', '(']).count(), MAX_DEPTH, "{message}");
            assert!(message.contains("nested more than 32 deep"), "{message}");
        }
    }

    /// Up to MAX_DEPTH levels are the parser's to read; braces in string literals and
    /// comments are not levels.
    #[test]
    fn nesting_up_to_the_limit_is_parsed_as_usual() {
        let ok = |depth: usize| format!("m = {}\"x\"{}\n", "{ ".repeat(depth), " }".repeat(depth));
        // A message (nested placeables are `complex`: a document has no use for them).
        let f = FtlFile::parse(ok(MAX_DEPTH));
        assert_eq!(f.message("m").map(|m| m.complex), Some(true));
        assert!(matches!(
            FtlFile::parse(ok(MAX_DEPTH + 1)).entries[0].kind,
            EntryKind::Junk { .. }
        ));
        let braces = "{".repeat(100);
        let src = format!("# {braces}\nm = {{ \"{braces}\" }} {{ \"\\\"(((\" }}\n");
        let f = FtlFile::parse(src);
        let expected = format!("{braces} \"(((");
        assert_eq!(
            f.message("m").map(|m| m.value.as_str()),
            Some(expected.as_str())
        );
    }

    #[test]
    fn stamps_are_read_back() {
        let text = write_message("m", "x", &stamp_lines("first\nsecond"));
        let f = FtlFile::parse(&text);
        let m = f.message("m").cloned();
        assert_eq!(m.and_then(|m| m.stamp), Some("first\nsecond".to_string()));
    }

    /// The plain-message fast path reads exactly what the general parser reads.
    #[track_caller]
    fn same_both_ways(src: &str) {
        let fast = FtlFile::parse_with(src.to_string(), true);
        let general = FtlFile::parse_with(src.to_string(), false);
        assert_eq!(
            format!("{:?}", fast.entries),
            format!("{:?}", general.entries),
            "{src:?}"
        );
    }

    #[test]
    fn the_fast_path_reads_the_repository_files_as_the_parser_does() {
        for l in ["en", "fr", "ru", "kk"] {
            let path = format!("{}/locales/{l}/dossier.ftl", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).expect("locale file");
            same_both_ways(&text);
            let f = FtlFile::parse(text);
            assert!(f.messages().count() > 50, "{path}");
        }
    }

    fn line() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "a",
            "b",
            "Z",
            "é",
            "я",
            " ",
            "  ",
            "\t",
            "{",
            "}",
            "[",
            "*",
            ".",
            "\"",
            "#",
            "-",
            "=",
            "\\",
            "\u{a0}",
            "\u{202f}",
            "\r",
            "x y",
            "en:",
            "en+",
            ":",
            "{ \"{\" }",
            "0",
        ]);
        let text = prop::collection::vec(piece, 0..6).prop_map(|v| v.concat());
        let id = prop::sample::select(vec!["m", "m-1", "a_b", "-term", "1x", "Ab"]);
        let sep = prop::sample::select(vec![" = ", "=", " =", "= ", "  = "]);
        prop_oneof![
            (id.clone(), sep, text.clone()).prop_map(|(i, s, t)| format!("{i}{s}{t}")),
            (id, text.clone()).prop_map(|(i, t)| format!("{i} = {t}")),
            text.clone().prop_map(|t| format!("# {t}")),
            text.clone().prop_map(|t| format!("# en: {t}")),
            text.clone().prop_map(|t| format!("# en+ {t}")),
            text.clone().prop_map(|t| format!("    {t}")),
            text.prop_map(|t| format!("#{t}")),
            Just(String::new()),
            Just("#".to_string()),
            Just("## group".to_string()),
            Just("    .attr = x".to_string()),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn the_fast_path_reads_any_file_as_the_parser_does(
            lines in proptest::collection::vec(line(), 0..10)
        ) {
            same_both_ways(&lines.join("\n"));
            same_both_ways(&format!("{}\n", lines.join("\n")));
        }
    }
}
