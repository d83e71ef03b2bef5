//! Classifying how an English segment changed, and word-level diffs for people.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    Whitespace,
    Punctuation,
    /// Only the letter case of words changed ("Second paragraph" → "Second Paragraph").
    Case,
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
            Class::Case => "case",
            Class::Numbers => "numbers",
            Class::Links => "links",
            Class::Footnotes => "footnotes",
            Class::Wording => "wording",
        }
    }

    /// Changes that cannot affect a translation's meaning, carried over by `sync`; a change
    /// of letter case only when `case` says so (`[sync] carry_over_case` in dossier.toml):
    /// case can carry meaning ("US" and "us", "Polish" and "polish", a proper name).
    pub fn carries_over(self, case: bool) -> bool {
        match self {
            Class::Whitespace | Class::Punctuation => true,
            Class::Case => case,
            _ => false,
        }
    }
}

/// How `before` became `now`.
pub fn classify(before: &str, now: &str) -> Class {
    if before.split_whitespace().eq(now.split_whitespace()) {
        return Class::Whitespace;
    }
    // Most changes change words: that is decided without collecting the rest.
    let (wb, wn) = (words(before), words(now));
    if wb.len() != wn.len() || wb.iter().zip(&wn).any(|(a, b)| !same_word(a, b)) {
        return Class::Wording;
    }
    let case = wb != wn;
    let (b, n) = (Tokens::of(before), Tokens::of(now));
    if b.numbers == n.numbers && b.urls == n.urls && b.refs == n.refs {
        return if case {
            Class::Case
        } else {
            Class::Punctuation
        };
    }
    if case {
        // Letter case and numbers, links or footnotes at once: more than one kind of change.
        return Class::Wording;
    }
    if b.numbers == n.numbers && b.urls == n.urls {
        return Class::Footnotes;
    }
    if b.numbers == n.numbers && b.refs == n.refs {
        return Class::Links;
    }
    if b.urls == n.urls && b.refs == n.refs {
        return Class::Numbers;
    }
    Class::Wording
}

/// The words of `text` as written (see `Tokens::of`).
fn words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    scan(text, &mut |t| {
        if let Token::Word(w) = t {
            words.push(w);
        }
    });
    words
}

/// Whether two words are the same word but for letter case, as `Tokens` compares them
/// (lowercased).
fn same_word(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
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
    /// Footnote references `[^…]` and URLs are taken out (each leaves a space behind);
    /// what remains splits into alphanumeric runs, where a `.` or `,` between two digits
    /// belongs to the number (11.5). Runs with a digit are numbers, the others words
    /// (lowercased).
    pub fn of(text: &str) -> Tokens {
        let mut t = Tokens::default();
        scan(text, &mut |token| match token {
            Token::Ref(r) => t.refs.push(r.to_string()),
            Token::Url(u) => t.urls.push(u.to_string()),
            Token::Number(n) => t.numbers.push(n.to_string()),
            Token::Word(w) => t.words.push(w.to_lowercase()),
        });
        t
    }
}

/// One token of a segment, as `Tokens` sorts them (words as written, not lowercased).
enum Token<'a> {
    Ref(&'a str),
    Url(&'a str),
    Number(&'a str),
    Word(&'a str),
}

/// The tokens of `text` in order (see `Tokens::of`).
fn scan<'a>(text: &'a str, f: &mut dyn FnMut(Token<'a>)) {
    let b = text.as_bytes();
    // Where the last `]` search stopped: searches resume there (linear time).
    let mut bracket: Option<Option<usize>> = None;
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        // Only ASCII bytes start a reference or a URL, and those are char boundaries.
        let cut = match b[i] {
            b'[' if b.get(i + 1) == Some(&b'^') => {
                let stale = bracket.is_some_and(|f| f.is_some_and(|e| e < i + 2));
                if bracket.is_none() || stale {
                    bracket = Some(
                        b[i + 2..]
                            .iter()
                            .position(|&c| c == b']')
                            .map(|k| i + 2 + k),
                    );
                }
                bracket
                    .flatten()
                    .map(|e| (Token::Ref(&text[i + 2..e]), e + 1))
            }
            b'h' | b'm' | b'w' => url_at(&text[i..]).map(|url| (Token::Url(url), i + url.len())),
            _ => None,
        };
        match cut {
            Some((token, resume)) => {
                runs(&text[start..i], f);
                f(token);
                (start, i) = (resume, resume);
            }
            None => i += 1,
        }
    }
    runs(&text[start..], f);
}

/// The words and numbers of a piece of text with no reference or URL in it.
fn runs<'a>(piece: &'a str, f: &mut dyn FnMut(Token<'a>)) {
    let b = piece.as_bytes();
    // The character at byte `i` (a boundary) and its length: ASCII without decoding.
    let at = |i: usize| -> (char, usize) {
        if b[i].is_ascii() {
            (char::from(b[i]), 1)
        } else {
            let c = piece[i..].chars().next().unwrap_or('\0');
            (c, c.len_utf8())
        }
    };
    let alnum = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        }
    };
    let mut i = 0;
    while i < b.len() {
        let (c, n) = at(i);
        if !alnum(c) {
            i += n;
            continue;
        }
        let start = i;
        let (mut prev, mut digits) = (c, c.is_ascii_digit());
        i += n;
        while i < b.len() {
            let (d, m) = at(i);
            // A `.` or `,` (one byte) between two digits belongs to the number.
            let in_number = (d == '.' || d == ',')
                && prev.is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(alnum(d) || in_number) {
                break;
            }
            digits |= d.is_ascii_digit();
            prev = d;
            i += m;
        }
        let w = &piece[start..i];
        if digits {
            f(Token::Number(w));
        } else {
            f(Token::Word(w));
        }
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
    if before.len() + now.len() > HUGE {
        return coarse_diff(before, now);
    }
    let diff = TextDiff::configure().diff_unicode_words(before, now);
    let changes: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let mut out: Vec<Piece> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |out: &mut Vec<Piece>, del: &mut String, ins: &mut String| {
        for (op, buf) in [("delete", del), ("insert", ins)] {
            if !buf.is_empty() {
                out.push(Piece {
                    op,
                    text: std::mem::take(buf),
                });
            }
        }
    };
    for (i, (tag, value)) in changes.iter().enumerate() {
        match tag {
            ChangeTag::Delete => del.push_str(value),
            ChangeTag::Insert => ins.push_str(value),
            ChangeTag::Equal => {
                // Spaces between two changes join them, so a reader sees one phrase replaced.
                let in_run = !(del.is_empty() && ins.is_empty());
                let more = changes[i + 1..]
                    .iter()
                    .find(|(t, v)| !(*t == ChangeTag::Equal && v.trim().is_empty()))
                    .is_some_and(|(t, _)| *t != ChangeTag::Equal);
                if in_run && value.trim().is_empty() && more {
                    del.push_str(value);
                    ins.push_str(value);
                    continue;
                }
                flush(&mut out, &mut del, &mut ins);
                match out.last_mut() {
                    Some(last) if last.op == "equal" => last.text.push_str(value),
                    _ => out.push(Piece {
                        op: "equal",
                        text: value.to_string(),
                    }),
                }
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

/// A word diff for a terminal: `[-old-]{+new+}` (wdiff style), or red and green when
/// `color` is true.
pub fn render_pieces(pieces: &[Piece], color: bool) -> String {
    let mut line = String::new();
    for p in pieces {
        let p = Piece {
            op: p.op,
            text: crate::text::for_terminal(&p.text).into_owned(),
        };
        match (p.op, color) {
            ("equal", _) => line.push_str(&p.text),
            ("delete", true) => line.push_str(&format!("\x1b[31;9m{}\x1b[0m", p.text)),
            ("insert", true) => line.push_str(&format!("\x1b[32;4m{}\x1b[0m", p.text)),
            ("delete", false) => line.push_str(&format!("[-{}-]", p.text)),
            _ => line.push_str(&format!("{{+{}+}}", p.text)),
        }
    }
    line
}

/// Above this many bytes a word diff could take quadratic time: show the common start and
/// end, and the middle as one replacement.
const HUGE: usize = 200_000;

fn coarse_diff(before: &str, now: &str) -> Vec<Piece> {
    let prefix = before
        .char_indices()
        .zip(now.chars())
        .find(|((_, a), b)| a != b)
        .map_or(before.len().min(now.len()), |((i, _), _)| i);
    let prefix = before[..prefix]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let (b, n) = (&before[prefix..], &now[prefix..]);
    let suffix = b
        .chars()
        .rev()
        .zip(n.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>()
        .min(b.len())
        .min(n.len());
    let mut out = Vec::new();
    for (op, text) in [
        ("equal", &before[..prefix]),
        ("delete", &b[..b.len() - suffix]),
        ("insert", &n[..n.len() - suffix]),
        ("equal", &b[b.len() - suffix..]),
    ] {
        if !text.is_empty() {
            out.push(Piece {
                op,
                text: text.to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Tokens::of` as first written: one character at a time through a copy of the text.
    fn tokens_by_definition(text: &str) -> Tokens {
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
        let chars: Vec<char> = plain.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || ((chars[i] == '.' || chars[i] == ',')
                        && i > start
                        && chars[i - 1].is_ascii_digit()
                        && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
            {
                i += 1;
            }
            let w: String = chars[start..i].iter().collect();
            if w.chars().any(|c| c.is_ascii_digit()) {
                t.numbers.push(w);
            } else {
                t.words.push(w.to_lowercase());
            }
        }
        t
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn tokens_are_read_as_defined(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "[^", "]", "[", "^", "1", "2", ".", ",", " ", "a", "Ж", "É", "ß", "İ",
                "https://x.org/a", "http://", "mailto:", "www.", "<", ">", ")", "h", "m", "w",
                "\n", "7.62", "x1",
            ]), 0..20)
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(Tokens::of(&text), tokens_by_definition(&text));
        }
    }

    /// `classify` as first written: every token list of both texts compared.
    fn class_by_definition(before: &str, now: &str) -> Class {
        let ws = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        if ws(before) == ws(now) {
            return Class::Whitespace;
        }
        let (b, n) = (tokens_by_definition(before), tokens_by_definition(now));
        let same = |x: bool, y: bool, z: bool| b.words == n.words && x && y && z;
        let (numbers, urls, refs) = (b.numbers == n.numbers, b.urls == n.urls, b.refs == n.refs);
        // Words as written (not lowercased), in order.
        let written = |s: &str| {
            let mut w = Vec::new();
            scan(s, &mut |t| {
                if let Token::Word(x) = t {
                    w.push(x.to_string())
                }
            });
            w
        };
        let case = written(before) != written(now);
        if same(numbers, urls, refs) && case {
            Class::Case
        } else if case && b.words == n.words {
            Class::Wording
        } else if same(numbers, urls, refs) {
            Class::Punctuation
        } else if same(numbers, urls, true) {
            Class::Footnotes
        } else if same(numbers, refs, true) {
            Class::Links
        } else if same(urls, refs, true) {
            Class::Numbers
        } else {
            Class::Wording
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Words compared first, as written, give the class every token list gives.
        #[test]
        fn classes_are_as_defined(
            base in proptest::collection::vec(proptest::sample::select(CLASS_PIECES.to_vec()), 0..12),
            edits in proptest::collection::vec((0usize..12, proptest::sample::select(CLASS_PIECES.to_vec())), 0..3),
        ) {
            let before = base.concat();
            let mut now = base.clone();
            for (at, piece) in edits {
                if now.is_empty() {
                    now.push(piece);
                } else {
                    let at = at % now.len();
                    now[at] = piece;
                }
            }
            let now = now.concat();
            proptest::prop_assert_eq!(classify(&before, &now), class_by_definition(&before, &now));
        }
    }

    /// Words in two cases, numbers, references, URLs, punctuation and spaces.
    const CLASS_PIECES: &[&str] = &[
        "the",
        "The",
        "THE",
        "court",
        "Court",
        "ÉTAT",
        "état",
        "Straße",
        "STRASSE",
        "İz",
        "iz",
        " ",
        "  ",
        "\n",
        ".",
        ",",
        "!",
        "2013",
        "2014",
        "7.62",
        "[^4]",
        "[^5]",
        "https://a.org/x",
        "https://b.org/y",
        "*",
        "Суд",
        "СУД",
    ];

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
                "In 2013 the *court* ruled.[^4] See <https://a.org/x>.",
                Class::Case,
            ),
            (
                "IN 2013 THE *COURT* RULED![^4] See <https://a.org/x>.",
                Class::Case,
            ),
            (
                "In 2014 the *court* ruled.[^4] See <https://a.org/x>.",
                Class::Wording,
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
    fn huge_texts_get_a_coarse_diff() {
        let a = format!("start {} end", "x ".repeat(200_000));
        let b = format!("start {} end", "y ".repeat(200_000));
        let d = word_diff(&a, &b);
        assert_eq!(
            d.iter().map(|p| p.op).collect::<Vec<_>>(),
            ["equal", "delete", "insert", "equal"]
        );
        assert_eq!(
            d.iter()
                .filter(|p| p.op != "insert")
                .map(|p| p.text.as_str())
                .collect::<String>(),
            a
        );
    }

    #[test]
    fn numbers_keep_their_decimal_part() {
        assert_eq!(
            Tokens::of("11.5 tonnes, 437,000 USD and 7.62×54mm").numbers,
            ["11.5", "437,000", "7.62", "54mm"]
        );
    }

    #[test]
    fn adjacent_changed_words_form_one_phrase() {
        let d = word_diff(
            "rejected as politically motivated here",
            "rejected for political motives here",
        );
        let ops: Vec<(&str, &str)> = d.iter().map(|p| (p.op, p.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                ("equal", "rejected "),
                ("delete", "as politically motivated"),
                ("insert", "for political motives"),
                ("equal", " here")
            ]
        );
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
