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
//! addresses, are errors too.
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

use pulldown_cmark::{Event, Parser, Tag};

use super::text::{protected, Protected};
use super::{Finding, Msg};

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

fn items(text: &str) -> Vec<(Kind, String, Range<usize>)> {
    protected(text)
        .into_iter()
        .filter_map(|(r, p)| match p {
            Protected::FootnoteRef(l) => Some((Kind::Footnote, l, r)),
            // An autolink stays an autolink: a bare URL is not a link in the edition.
            Protected::Url(u) if text[r.clone()].starts_with('<') => {
                Some((Kind::Link, format!("<{u}>"), r))
            }
            Protected::Url(u) | Protected::LinkDest(u) => Some((Kind::Link, u, r)),
            Protected::Code(c) => Some((Kind::Code, c, r)),
            Protected::Html(_) => None,
        })
        .collect()
}

fn html_tags(text: &str) -> Vec<(String, Range<usize>)> {
    protected(text)
        .into_iter()
        .filter_map(|(r, p)| match p {
            Protected::Html(h) => Some((tag_name(&h), r)),
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

struct Spans {
    emphasis: Vec<Range<usize>>,
    strong: Vec<Range<usize>>,
    /// Literal `*` left in the text (an unbalanced emphasis marker).
    stars: Vec<usize>,
}

fn spans(text: &str) -> Spans {
    let mut s = Spans {
        emphasis: Vec::new(),
        strong: Vec::new(),
        stars: Vec::new(),
    };
    for (ev, r) in Parser::new_ext(text, crate::segment::options()).into_offset_iter() {
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

pub fn check(m: &Msg) -> Vec<Finding> {
    let mut out = Vec::new();
    let first = 0..m.text.chars().next().map_or(0, char::len_utf8);

    // Footnotes, links and code: as multisets.
    let en = items(m.english);
    let tr = items(m.text);
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
    for (t, _) in html_tags(m.english) {
        *en_tags.entry(t).or_default() += 1;
    }
    for (t, r) in html_tags(m.text) {
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

    // Emphasis and strong spans.
    let se = spans(m.english);
    let st = spans(m.text);
    if st.stars.len() > se.stars.len() {
        let at = st.stars[se.stars.len()];
        out.push(Finding::error(
            CODE,
            at..at + 1,
            "a literal `*`: an emphasis marker without its pair",
        ));
    }
    for (name, e, t) in [
        ("emphasis (*…*)", &se.emphasis, &st.emphasis),
        ("strong (**…**)", &se.strong, &st.strong),
    ] {
        if t.len() > e.len() {
            let r = t[e.len()].clone();
            out.push(Finding::error(
                CODE,
                r.start..r.start + 1,
                format!("{} {name} span(s), the English has {}", t.len(), e.len()),
            ));
        } else if t.len() < e.len() && st.stars.len() <= se.stars.len() {
            out.push(Finding::error(
                CODE,
                first.clone(),
                format!("{} {name} span(s), the English has {}", t.len(), e.len()),
            ));
        }
    }
    out
}

fn original(k: Kind, s: &str) -> String {
    match k {
        Kind::Footnote => format!("[^{s}]"),
        Kind::Link => s.to_string(),
        Kind::Code => format!("`{s}`"),
    }
}
