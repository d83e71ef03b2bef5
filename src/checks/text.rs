//! Text helpers shared by the checks: the parts of a segment that are not prose (URLs,
//! link destinations, footnote references, inline code, HTML tags) and their masking, so
//! that no check reads a URL as words, numbers or punctuation.

use std::ops::Range;

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

/// The protected spans of `text`, in order, not overlapping.
pub fn protected(text: &str) -> Vec<(Range<usize>, Protected)> {
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
pub fn mask_spans(text: &str, spans: impl Iterator<Item = Range<usize>>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for r in spans {
        for b in &mut bytes[r] {
            *b = b' ';
        }
    }
    // Only whole characters are replaced by ASCII spaces, so this stays valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// The letters of a text, and how many are Latin and Cyrillic.
pub fn script_counts(text: &str) -> (usize, usize, usize) {
    let mut letters = 0;
    let mut latin = 0;
    let mut cyrillic = 0;
    for c in text.chars().filter(|c| is_letter(*c)) {
        letters += 1;
        if is_latin(c) {
            latin += 1;
        } else if is_cyrillic(c) {
            cyrillic += 1;
        }
    }
    (letters, latin, cyrillic)
}

/// `char::is_alphabetic`, answered without the general Unicode table for the scripts the
/// checks read most (ASCII, Latin-1 and Latin Extended, Cyrillic, general punctuation):
/// the table lookup was a fifth of `check`'s time. Same answer for every character (tested).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x400..=0x481 | 0x48A..=0x52F => true,
        0x2000..=0x206F => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, with `is_letter`'s shortcuts (tested equal).
#[inline]
pub fn is_alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x400..=0x481 | 0x48A..=0x52F => true,
        0x482..=0x489 | 0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

/// `text` in NFC, borrowed when it already is (nearly always: the quick check is a scan).
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x0250..=0x02AF)
            && c != '×'
            && c != '÷'
}

pub fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F)
}

/// The words of a text (letters only, split at anything else), with byte ranges.
pub fn letter_runs(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let letter = is_letter(c) || matches!(c as u32, 0x0300..=0x036F);
        match (letter, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s..i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_shortcuts_answer_as_the_unicode_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
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
