//! Text helpers shared by the checks: the parts of a segment that are not prose (URLs,
//! link destinations, footnote references, inline code, HTML tags) and their masking, so
//! that no check reads a URL as words, numbers or punctuation.

use std::ops::Range;

use crate::text::is_alnum;

/// A part of a segment that is markup or an address, not prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Protected {
    /// A bare URL or the inside of an autolink `<…>`.
    Url(String),
    /// The destination of an inline link `[text](dest)`.
    LinkDest(String),
    /// `[^label]`.
    FootnoteRef(String),
    /// The content of an inline code span.
    Code(String),
    /// A raw HTML tag, as written.
    Html(String),
}

/// The protected spans of `text`, in order, not overlapping. Only the positions where one
/// can start are looked at: a backtick, `[`, `]`, `<`, and the beginnings of bare URLs
/// (found from their rare `://` and `www.`); a property test holds this to the scan of
/// every position.
pub fn protected(text: &str) -> Vec<(Range<usize>, Protected)> {
    let b = text.as_bytes();
    let urls = url_starts(text);
    let mut next_url = urls.iter().copied().peekable();
    let mut out = Vec::new();
    // The bytes a span can start at.
    let opening = |x: u8| (x == b'`') | (x == b'[') | (x == b']') | (x == b'<');
    let mut i = 0;
    while i < b.len() {
        while next_url.next_if(|&u| u < i).is_some() {}
        let limit = next_url.peek().copied().unwrap_or(b.len());
        match crate::text::find_byte(&b[..limit], i, opening) {
            Some(at) => i = at,
            None if limit < b.len() => i = limit,
            None => break,
        }
        match span_at(text, i) {
            Ok((r, p, next)) => {
                i = next;
                out.push((r, p));
            }
            Err(skip) => i += skip,
        }
    }
    out
}

/// Where bare URLs can start: `http://`, `https://`, `ftp://` or `www.` (any case) after
/// something that is not a letter or digit.
fn url_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for q in memchr::memmem::find_iter(b, b"://") {
        for scheme in ["https", "http", "ftp"] {
            if q >= scheme.len() && b[q - scheme.len()..q].eq_ignore_ascii_case(scheme.as_bytes()) {
                out.push(q - scheme.len());
                break;
            }
        }
    }
    for w in memchr::memchr2_iter(b'w', b'W', b) {
        if b.len() >= w + 4 && b[w..w + 4].eq_ignore_ascii_case(b"www.") {
            out.push(w);
        }
    }
    out.retain(|&p| starts_url(text, p));
    out.sort_unstable();
    out.dedup();
    out
}

/// The protected span starting at byte `i` and where the scan goes on after it; else how
/// far to skip (past a run of backticks that closes nowhere, else one byte).
fn span_at(text: &str, i: usize) -> Result<(Range<usize>, Protected, usize), usize> {
    let b = text.as_bytes();
    let rest = &text[i..];
    // Inline code: a run of n backticks up to the next run of exactly n.
    if b[i] == b'`' {
        let n = rest.bytes().take_while(|&c| c == b'`').count();
        let fence = &rest[..n];
        let mut j = i + n;
        while let Some(k) = text[j..].find(fence) {
            let at = j + k;
            let run = text[at..].bytes().take_while(|&c| c == b'`').count();
            if run == n {
                let r = i..at + n;
                return Ok((
                    r.clone(),
                    Protected::Code(text[i + n..at].to_string()),
                    r.end,
                ));
            }
            j = at + run;
        }
        return Err(n);
    }
    if let Some(after) = rest.strip_prefix("[^") {
        if let Some(end) = after.find(']') {
            let label = &after[..end];
            if !label.is_empty() && !label.contains(char::is_whitespace) {
                let r = i..i + 2 + end + 1;
                return Ok((r.clone(), Protected::FootnoteRef(label.to_string()), r.end));
            }
        }
    }
    if let Some(after) = rest.strip_prefix("](") {
        if let Some(end) = after.find(')') {
            let inner = after[..end].trim();
            let dest = inner.split_whitespace().next().unwrap_or("");
            let dest = dest.trim_start_matches('<').trim_end_matches('>');
            // The span is the destination; the scan goes on after the `)`.
            return Ok((
                i + 2..i + 2 + end,
                Protected::LinkDest(dest.to_string()),
                i + 2 + end + 1,
            ));
        }
    }
    if b[i] == b'<' {
        if let Some(end) = rest.find('>') {
            let inner = &rest[1..end];
            if is_autolink(inner) {
                return Ok((
                    i..i + end + 1,
                    Protected::Url(inner.to_string()),
                    i + end + 1,
                ));
            }
            if is_html_tag(inner) {
                let html = Protected::Html(rest[..end + 1].to_string());
                return Ok((i..i + end + 1, html, i + end + 1));
            }
        }
    }
    if starts_url(text, i) {
        let end = url_end(text, i);
        return Ok((i..end, Protected::Url(text[i..end].to_string()), end));
    }
    Err(1)
}

fn is_autolink(inner: &str) -> bool {
    let Some(colon) = inner.find(':') else {
        return false;
    };
    let scheme = &inner[..colon];
    !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && !inner.contains(|c: char| c.is_whitespace() || c == '<')
}

fn is_html_tag(inner: &str) -> bool {
    let s = inner.strip_prefix('/').unwrap_or(inner);
    let name_len = s
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-')
        .count();
    (name_len > 0
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s[name_len..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c == '/'))
        || inner.starts_with("!--")
}

fn starts_url(text: &str, i: usize) -> bool {
    let rest = &text[i..];
    (starts_with_ci(rest, "http://")
        || starts_with_ci(rest, "https://")
        || starts_with_ci(rest, "ftp://")
        || starts_with_ci(rest, "www."))
        && text[..i].chars().next_back().is_none_or(|c| !is_alnum(c))
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// The end of a bare URL: up to white space or a character that cannot be in one, less
/// trailing punctuation (a closing parenthesis stays when the URL opened one).
fn url_end(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    let mut end = rest
        .find(|c: char| c.is_whitespace() || "<>\"«»“”„`".contains(c))
        .unwrap_or(rest.len());
    loop {
        let s = &rest[..end];
        let Some(last) = s.chars().next_back() else {
            break;
        };
        let strip = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | '*' | '_' | ']' => true,
            ')' => s.matches('(').count() < s.matches(')').count(),
            _ => false,
        };
        if !strip {
            break;
        }
        end -= last.len_utf8();
    }
    i + end
}

/// `text` with every protected span replaced by spaces, byte for byte, so offsets stay
/// the same.
pub fn mask(text: &str) -> String {
    mask_spans(text, protected(text).into_iter().map(|(r, _)| r))
}

/// `text` with the given byte ranges replaced by spaces.
/// Built piece by piece, so the result needs no UTF-8 check (a span that does not start
/// and end on character boundaries is left as it is).
pub fn mask_spans(text: &str, spans: impl Iterator<Item = Range<usize>>) -> String {
    let mut spans: Vec<Range<usize>> = spans.collect();
    spans.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for r in spans {
        let start = r.start.max(pos);
        let end = r.end.min(text.len());
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&text[pos..start]);
        out.extend(std::iter::repeat_n(' ', end - start));
        pos = end;
    }
    out.push_str(&text[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `protected` as first written: every position of the text looked at in turn.
    /// The protected spans of `text`, in order, not overlapping.
    fn protected_by_definition(text: &str) -> Vec<(Range<usize>, Protected)> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let rest = &text[i..];
            // Inline code: a run of n backticks up to the next run of exactly n.
            if b[i] == b'`' {
                let n = rest.bytes().take_while(|&c| c == b'`').count();
                let fence = &rest[..n];
                let mut j = i + n;
                let mut found = None;
                while let Some(k) = text[j..].find(fence) {
                    let at = j + k;
                    let run = text[at..].bytes().take_while(|&c| c == b'`').count();
                    if run == n {
                        found = Some(at);
                        break;
                    }
                    j = at + run;
                }
                if let Some(end) = found {
                    out.push((i..end + n, Protected::Code(text[i + n..end].to_string())));
                    i = end + n;
                    continue;
                }
                i += n;
                continue;
            }
            if let Some(after) = rest.strip_prefix("[^") {
                if let Some(end) = after.find(']') {
                    let label = &after[..end];
                    if !label.is_empty() && !label.contains(char::is_whitespace) {
                        out.push((
                            i..i + 2 + end + 1,
                            Protected::FootnoteRef(label.to_string()),
                        ));
                        i += 2 + end + 1;
                        continue;
                    }
                }
            }
            if let Some(after) = rest.strip_prefix("](") {
                if let Some(end) = after.find(')') {
                    let inner = after[..end].trim();
                    let dest = inner.split_whitespace().next().unwrap_or("");
                    let dest = dest.trim_start_matches('<').trim_end_matches('>');
                    out.push((i + 2..i + 2 + end, Protected::LinkDest(dest.to_string())));
                    i += 2 + end + 1;
                    continue;
                }
            }
            if b[i] == b'<' {
                if let Some(end) = rest.find('>') {
                    let inner = &rest[1..end];
                    if is_autolink(inner) {
                        out.push((i..i + end + 1, Protected::Url(inner.to_string())));
                        i += end + 1;
                        continue;
                    }
                    if is_html_tag(inner) {
                        out.push((i..i + end + 1, Protected::Html(rest[..end + 1].to_string())));
                        i += end + 1;
                        continue;
                    }
                }
            }
            if starts_url(text, i) {
                let end = url_end(text, i);
                out.push((i..end, Protected::Url(text[i..end].to_string())));
                i = end;
                continue;
            }
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn protected_is_as_defined(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "é", "Қ", " ", "`", "``", "[", "]", "(", ")", "<", ">", "^", "[^1]",
                "](", "http://x.org", "HTTPS://y", "ftp://z", "www.w.kz", "Www.", "://", "w",
                "h", "xhttp://q", "<b>", "</i>", "<http://a>", "<!--", "x", ".", ",", "\n",
            ]), 0..16)
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(protected(&text), protected_by_definition(&text), "{:?}", text);
        }
    }

    #[test]
    fn spans_are_masked_in_any_order_and_overlap() {
        assert_eq!(mask_spans("abcdef", [3..5, 1..4].into_iter()), "a    f");
        assert_eq!(mask_spans("aжb", std::iter::once(1..3)), "a  b");
        assert_eq!(
            mask_spans("aжb", std::iter::once(2..3)),
            "aжb",
            "not a boundary: kept"
        );
    }

    #[test]
    fn urls_code_and_footnotes_are_protected() {
        let t = "See <https://a.org/x?y=1>, https://b.org/p_(q). and [site](https://c.org \"t\") `a: b`[^12] <b>x</b>.";
        let p: Vec<Protected> = protected(t).into_iter().map(|(_, p)| p).collect();
        assert_eq!(
            p,
            [
                Protected::Url("https://a.org/x?y=1".into()),
                Protected::Url("https://b.org/p_(q)".into()),
                Protected::LinkDest("https://c.org".into()),
                Protected::Code("a: b".into()),
                Protected::FootnoteRef("12".into()),
                Protected::Html("<b>".into()),
                Protected::Html("</b>".into()),
            ]
        );
        let m = mask(t);
        assert_eq!(m.len(), t.len());
        assert!(!m.contains("https"));
    }
}
