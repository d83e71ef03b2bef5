//! `markup`: the translation must carry the English segment's footnote references, link
//! targets, inline code and emphasis, and no markup of its own.
//!
//! ## What it does
//! Compares, between the English segment and its translation: footnote references
//! (`[^12]`), link targets (autolinks `<https://…>`, bare URLs, `[text](target)`), inline
//! code spans, and the number of emphasis (`*…*`) and strong (`**…**`) spans. A missing
//! or changed item is an error (an autolink written as a bare URL too: it is no longer a
//! link), and so is an unbalanced `*` left as literal text. Raw HTML
//! that the English does not have, and links to `javascript:`, `vbscript:` or `data:`
//! addresses, are errors too; so is a link the English does not have to anything but a
//! web or mail address or a relative path (the edition shows it as text). Every link the
//! English has is kept in the edition, whatever its target (`foo\bar`, `irc:`).
//! A message is one block of the edition: a blank line typed inside it, a line indented
//! four spaces where a block would start, or a line starting with a block marker (`- `,
//! `# `, `> `, `1. `) is an error too, with the fix (remove the blank line or the spaces,
//! escape the marker).
//!
//! Emphasis that is a typographic convention rather than the author's is not counted:
//! English italics on a term glossary.csv marks `foreign` (`*Conseil d'État*`,
//! `*de facto*`) may be kept or dropped, and a translation may set in italics words it
//! keeps verbatim from the English (a newspaper's title, an English term quoted as such:
//! `*common law*`) or a foreign term's accepted form (`*Le Canard enchaîné*`). The
//! author's emphasis on any other words is still required, and footnotes and links are
//! compared in every message.
//!
//! ## Why it matters
//! A dropped `[^12]` loses a source the reader was promised; a changed URL sends them
//! elsewhere; a broken `**` prints asterisks in the edition. A translation must never be
//! able to inject markup or script into the published page.
//!
//! ## Example
//! ```ftl
//! # en: European Parliament,[^2][^3] Members of PACE.[^4]
//! bodies = le Parlement européen,[^2] des membres de l’APCE.[^4]
//! ```
//! `error[markup]: footnote reference [^3] is missing`.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

use super::text::Protected;
use super::{Finding, Msg};
use crate::segment::{is_inline, is_inline_end};

const CODE: &str = "markup";

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Footnote,
    Link,
    Code,
}

impl Kind {
    fn show(self, s: &str) -> String {
        match self {
            Kind::Footnote => format!("footnote reference [^{s}]"),
            Kind::Link => format!("link target {s}"),
            Kind::Code => format!("inline code `{s}`"),
        }
    }
}

/// The footnote references, links and code of a text (its `protected` spans).
fn items(text: &str, protected: &[(Range<usize>, Protected)]) -> Vec<(Kind, String, Range<usize>)> {
    protected
        .iter()
        .filter_map(|(r, p)| {
            let r = r.clone();
            match p {
                Protected::FootnoteRef(l) => Some((Kind::Footnote, l.clone(), r)),
                // An autolink stays an autolink: a bare URL is not a link in the edition.
                Protected::Url(u) if text[r.clone()].starts_with('<') => {
                    Some((Kind::Link, format!("<{u}>"), r))
                }
                Protected::Url(u) | Protected::LinkDest(u) => Some((Kind::Link, u.clone(), r)),
                Protected::Code(c) => Some((Kind::Code, c.clone(), r)),
                Protected::Html(_) => None,
            }
        })
        .collect()
}

fn html_tags(protected: &[(Range<usize>, Protected)]) -> Vec<(String, Range<usize>)> {
    protected
        .iter()
        .filter_map(|(r, p)| match p {
            Protected::Html(h) => Some((tag_name(h), r.clone())),
            _ => None,
        })
        .collect()
}

fn tag_name(h: &str) -> String {
    h.trim_start_matches('<')
        .trim_start_matches('/')
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn dangerous(url: &str) -> bool {
    let clean: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| clean.starts_with(s))
}

pub(super) struct Spans {
    emphasis: Vec<Range<usize>>,
    strong: Vec<Range<usize>>,
    /// Literal `*` left in the text (an unbalanced emphasis marker).
    stars: Vec<usize>,
    /// Where each block of the text, read alone, starts; true for indented code.
    blocks: Vec<(usize, bool)>,
    /// Of an English text: `english_emphasis`, once.
    english_emphasis: std::sync::OnceLock<Vec<EnglishSpan>>,
}

/// The emphasis and strong spans of `text`, its literal stars and its blocks. One line
/// without `*` or `_` and not indented has none of them but its one block, and is not
/// parsed.
pub(super) fn spans(text: &str) -> Spans {
    let mut s = Spans {
        emphasis: Vec::new(),
        strong: Vec::new(),
        stars: Vec::new(),
        blocks: Vec::new(),
        english_emphasis: std::sync::OnceLock::new(),
    };
    // One line with no emphasis marker and no indent is one plain block: nothing to find.
    let b = text.as_bytes();
    if memchr::memchr3(b'*', b'_', b'\n', b).is_none() && !matches!(b.first(), Some(b' ' | b'\t')) {
        return s;
    }
    let mut depth = 0usize;
    for (ev, r) in Parser::new_ext(text, crate::segment::options()).into_offset_iter() {
        match &ev {
            Event::Start(tag) if !is_inline(tag) => {
                if depth == 0 {
                    let code = matches!(tag, Tag::CodeBlock(CodeBlockKind::Indented));
                    s.blocks.push((r.start, code));
                }
                depth += 1;
            }
            Event::End(end) if !is_inline_end(end) => depth = depth.saturating_sub(1),
            Event::Html(_) | Event::Rule if depth == 0 => s.blocks.push((r.start, false)),
            _ => {}
        }
        match ev {
            Event::Start(Tag::Emphasis) => s.emphasis.push(r),
            Event::Start(Tag::Strong) => s.strong.push(r),
            Event::Text(t) if t.contains('*') => {
                if let Some(i) = text.get(r.clone()).and_then(|x| x.find('*')) {
                    s.stars.push(r.start + i);
                }
            }
            _ => {}
        }
    }
    s
}

/// Lines of the translation that break its block in the edition: a blank line (the
/// paragraph becomes two), a line indented four spaces where a block starts (it becomes
/// code), a line that starts another block (a list item, a heading, a quote). The English
/// read alone has `en` blocks, the first indented code or not; the translation `tr`.
fn broken_blocks(text: &str, en: &[(usize, bool)], tr: &[(usize, bool)]) -> Vec<Finding> {
    let mut out = Vec::new();
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent = |from: usize| {
        from..from
            + text[from..]
                .bytes()
                .take_while(|b| *b == b' ' || *b == b'\t')
                .count()
    };
    let en_code = en.first().is_some_and(|b| b.1);
    if let (Some(&(at, true)), false) = (tr.first(), en_code) {
        let r = indent(line_start(at));
        out.push(
            Finding::error(
                CODE,
                r.clone(),
                "the message starts with four spaces: the edition shows it as code",
            )
            .suggest("", "remove the spaces at the start"),
        );
    }
    if tr.len() <= en.len().max(1) {
        return out;
    }
    for &(at, code) in &tr[en.len().max(1)..] {
        let start = line_start(at);
        // The blank lines before the block's line, if any.
        let before = text[..start].trim_end_matches(['\n', ' ', '\t']);
        let blank = before.len() + 1 < start && text[before.len()..start].matches('\n').count() > 1;
        let finding = if blank {
            let first_blank = before.len() + 1;
            Finding::error(
                CODE,
                first_blank..start,
                "a blank line inside the message: the edition ends the paragraph here and \
                 starts another",
            )
            .suggest("", "remove the blank line (a message is one block)")
        } else if code {
            Finding::error(
                CODE,
                indent(start),
                "a line indented four spaces: the edition shows it as code",
            )
            .suggest("", "remove the spaces at the start of the line")
        } else {
            // The marker that starts the block (`-`, `#`, `>`, the `.` of `1.`): escaped,
            // it is text.
            let line = &text[start..];
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let k = start + digits.min(line.len().saturating_sub(1));
            let c = text[k..].chars().next().unwrap_or(' ');
            let r = k..k + c.len_utf8();
            Finding::error(
                CODE,
                r,
                format!(
                    "this line starts another block in the edition (a list item, a heading, a \
                     quote): `{}` at the start of a line is Markdown",
                    &text[start..k + c.len_utf8()]
                ),
            )
            .suggest(
                format!("\\{c}"),
                "escape it with a backslash, or join the line to the one before",
            )
        };
        out.push(finding);
    }
    out
}

pub fn check(m: &Msg) -> Vec<Finding> {
    let mut out = Vec::new();
    let first = 0..m.text.chars().next().map_or(0, char::len_utf8);

    // Footnotes, links and code: as multisets.
    let en = items(m.english, m.english_protected());
    let tr = items(m.text, &m.protected);
    let mut want: BTreeMap<(Kind, &str), usize> = BTreeMap::new();
    for (k, s, _) in &en {
        *want.entry((*k, s.as_str())).or_default() += 1;
    }
    let mut extra: Vec<(Kind, &str, Range<usize>)> = Vec::new();
    for (k, s, r) in &tr {
        match want.get_mut(&(*k, s.as_str())) {
            Some(n) if *n > 0 => *n -= 1,
            _ => extra.push((*k, s.as_str(), r.clone())),
        }
    }
    let mut missing: Vec<(Kind, &str)> = want
        .iter()
        .flat_map(|((k, s), n)| std::iter::repeat_n((*k, *s), *n))
        .collect();
    for (k, s, r) in extra {
        if k == Kind::Link && dangerous(s.trim_start_matches('<')) {
            out.push(Finding::error(
                CODE,
                r,
                format!("a link to `{s}`: translations may not link to scripts or data"),
            ));
            continue;
        }
        let url = s.trim_start_matches('<').trim_end_matches('>');
        if k == Kind::Link && !crate::render::translation_may_link(url) {
            out.push(Finding::error(
                CODE,
                r,
                format!(
                    "a link to `{s}`, which the English does not have: the edition shows it \
                     as text (a translation may add links to web and mail addresses and \
                     relative paths only)"
                ),
            ));
            continue;
        }
        // An extra item where one of the same kind is missing: it was changed.
        if let Some(i) = missing.iter().position(|(mk, _)| *mk == k) {
            let (_, was) = missing.remove(i);
            out.push(
                Finding::error(
                    CODE,
                    r,
                    format!("{} here, the English has {}", k.show(s), k.show(was)),
                )
                .suggest(
                    original(k, was),
                    format!("write the English's {}", k.show(was)),
                ),
            );
        } else {
            out.push(Finding::error(
                CODE,
                r,
                format!("{} is not in the English", k.show(s)),
            ));
        }
    }
    for (k, s) in missing {
        out.push(Finding::error(
            CODE,
            first.clone(),
            format!("{} is missing (the English has it)", k.show(s)),
        ));
    }

    // Raw HTML the English does not have.
    let mut en_tags: BTreeMap<String, usize> = BTreeMap::new();
    for (t, _) in html_tags(m.english_protected()) {
        *en_tags.entry(t).or_default() += 1;
    }
    for (t, r) in html_tags(&m.protected) {
        match en_tags.get_mut(&t) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(Finding::error(
                CODE,
                r.clone(),
                format!(
                    "raw HTML `{}` that the English does not have",
                    m.text.get(r).unwrap_or("")
                ),
            )),
        }
    }

    // Emphasis and strong spans, and the blocks.
    let se = m.english_spans();
    let st = spans(m.text);
    out.extend(broken_blocks(m.text, &se.blocks, &st.blocks));
    if st.stars.len() > se.stars.len() {
        let at = st.stars[se.stars.len()];
        out.push(Finding::error(
            CODE,
            at..at + 1,
            "a literal `*`: an emphasis marker without its pair",
        ));
    }
    let emphasis = author_emphasis(m, se, &st.emphasis);
    let strong = Emphasis {
        english: se.strong.clone(),
        translation: st.strong.clone(),
        kept: 0,
        set_aside: false,
    };
    let unbalanced = st.stars.len() > se.stars.len();
    for (name, x) in [("emphasis (*…*)", emphasis), ("strong (**…**)", strong)] {
        let (e, t) = (&x.english, &x.translation);
        let note = if x.set_aside {
            " (not counting emphasis on foreign terms and on words kept from the English)"
        } else {
            ""
        };
        let counts = || {
            format!(
                "{} {name} span(s), the English has {}{note}",
                t.len() + x.kept,
                e.len() + x.kept
            )
        };
        if t.len() > e.len() {
            let r = t[e.len()].clone();
            out.push(Finding::error(CODE, r.start..r.start + 1, counts()));
        } else if t.len() < e.len() && !unbalanced {
            out.push(Finding::error(CODE, first.clone(), counts()));
        }
    }
    out
}

/// Emphasis spans to compare: the English's and the translation's, less the spans the
/// translation keeps word for word (`kept`, counted apart) and those a typographic
/// convention sets aside.
struct Emphasis {
    english: Vec<Range<usize>>,
    translation: Vec<Range<usize>>,
    kept: usize,
    set_aside: bool,
}

/// The emphasis spans that are the author's, in the English and in the translation. Emphasis that is a convention is not
/// counted:
/// - in the English, emphasis on a term the glossary marks foreign to English
///   (`*Conseil d'État*`, `*de facto*`): a translation may keep it or drop it;
/// - in the translation, emphasis on words it keeps verbatim from the English (a
///   newspaper's title, an English term quoted as such: `*common law*`) or on an accepted
///   form of a foreign term (`*Le Canard enchaîné*` for `Canard`).
///
/// A translation span with the same words as an English span is that span, kept.
fn author_emphasis(m: &Msg, se: &Spans, translation: &[Range<usize>]) -> Emphasis {
    let english = &se.emphasis;
    let Some(g) = m
        .glossary
        .filter(|_| !english.is_empty() || !translation.is_empty())
    else {
        return Emphasis {
            english: english.to_vec(),
            translation: translation.to_vec(),
            kept: 0,
            set_aside: false,
        };
    };
    let en_words = m.english_words();
    let en = se.english_emphasis(m.english_masked(), g);
    let mut kept = vec![false; en.len()];
    let mut tr_author = Vec::new();
    let mut set_aside = false;
    for r in translation {
        let content = crate::glossary::words(inner(&m.masked, r));
        let ws: Vec<&str> = content.iter().map(|w| w.norm).collect();
        if let Some(i) = (0..en.len()).find(|&i| !kept[i] && !ws.is_empty() && en[i].1 == ws) {
            kept[i] = true;
            continue;
        }
        let verbatim = !ws.is_empty() && (0..en_words.len()).any(|at| en_words.norms_eq(at, &ws));
        if verbatim || g.is_foreign_form_in(m.lang(), &content) {
            set_aside = true;
            continue;
        }
        tr_author.push(r.clone());
    }
    let mut en_author = Vec::new();
    for (i, (r, _, foreign)) in en.iter().enumerate() {
        if kept[i] {
            continue;
        }
        if *foreign {
            set_aside = true;
        } else {
            en_author.push(r.clone());
        }
    }
    Emphasis {
        english: en_author,
        translation: tr_author,
        kept: kept.iter().filter(|k| **k).count(),
        set_aside,
    }
}

/// The inside of an emphasis span: without its markers.
fn inner<'t>(text: &'t str, r: &Range<usize>) -> &'t str {
    let s = text.get(r.clone()).unwrap_or("");
    let s = s.strip_prefix(['*', '_']).unwrap_or(s);
    s.strip_suffix(['*', '_']).unwrap_or(s)
}

impl Spans {
    /// The English's emphasis spans: each one's range, its words (normalised) and
    /// whether it is a term the glossary marks foreign; computed once per English.
    fn english_emphasis(&self, masked: &str, g: &crate::glossary::Glossary) -> &[EnglishSpan] {
        self.english_emphasis.get_or_init(|| {
            self.emphasis
                .iter()
                .map(|r| {
                    let ws = crate::glossary::words(inner(masked, r));
                    let norms = ws.iter().map(|w| w.norm.to_string()).collect();
                    (r.clone(), norms, g.is_foreign_english_in(&ws))
                })
                .collect()
        })
    }
}

/// An English emphasis span: range, normalised words, foreign term or not.
type EnglishSpan = (Range<usize>, Vec<String>, bool);

fn original(k: Kind, s: &str) -> String {
    match k {
        Kind::Footnote => format!("[^{s}]"),
        Kind::Link => s.to_string(),
        Kind::Code => format!("`{s}`"),
    }
}
