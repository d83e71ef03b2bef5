//! Editions: a document in one locale, as Markdown and as a standalone HTML page.
//!
//! The localized Markdown is the source skeleton with each segment replaced by its
//! translation (or fallback). The HTML is rendered from that Markdown with pulldown-cmark;
//! anything inside a translation's text that would be markup the English did not have (raw
//! HTML, `javascript:`/`data:` links) is turned into inert text.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};

use crate::config::{Config, StalePolicy, REFERENCE};
use crate::plan::{DocPlan, State};
use crate::ui;

/// How one segment was filled in an edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    Source,
    Translated,
    Stale,
    Fallback,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct EditionCounts {
    pub translated: usize,
    pub stale: usize,
    pub fallback: usize,
    pub total: usize,
}

/// A composed edition: Markdown text plus what the HTML renderer must know about it.
#[derive(Debug, Clone)]
pub struct Edition {
    pub locale: String,
    pub markdown: String,
    /// Byte ranges of `markdown` that hold text from a locale file (not trusted).
    pub untrusted: Vec<Range<usize>>,
    /// For each heading segment: its range in `markdown` and its id.
    pub anchors: Vec<(Range<usize>, String)>,
    /// Inline HTML the English segments contain (allowed in translations too).
    pub allowed_html: Vec<String>,
    pub counts: EditionCounts,
}

/// Composes the edition of `doc` in `locale` (`en` reproduces the source byte for byte).
pub fn compose(doc: &DocPlan, locale: &str, config: &Config) -> Edition {
    let src = &doc.document.src;
    let lp = doc.locale(locale);
    let chain = config.fallback_chain(locale);
    let mut md = String::with_capacity(src.len() + src.len() / 2);
    let mut untrusted = Vec::new();
    let mut anchors = Vec::new();
    let mut allowed_html = Vec::new();
    let mut counts = EditionCounts::default();
    let mut pos = 0;
    for (i, seg) in doc.document.segments.iter().enumerate() {
        md.push_str(&src[pos..seg.span.start]);
        pos = seg.span.end;
        let start = md.len();
        let Some(id) = &doc.seg_ids[i] else {
            md.push_str(&src[seg.span.clone()]);
            continue;
        };
        collect_inline_html(&seg.text, &mut allowed_html);
        let k = doc.index[id];
        counts.total += 1;
        let (fill, text, lang) = if locale == REFERENCE {
            (Fill::Source, None, None)
        } else {
            choose(doc, k, locale, &chain, config, lp.map(|l| &l.states[k]))
        };
        let is_heading = matches!(seg.kind, crate::segment::Kind::Heading(_));
        match fill {
            Fill::Source => md.push_str(&src[seg.span.clone()]),
            Fill::Translated | Fill::Stale => {
                let t0 = md.len();
                push_lines(&mut md, text.unwrap_or_default(), &seg.line_prefix);
                untrusted.push(t0..md.len());
                if fill == Fill::Stale {
                    counts.stale += 1;
                    let _ = write!(
                        md,
                        " <sup class=\"mark stale\" title=\"{}\">{}</sup>",
                        ui::text(locale, "stale-title"),
                        ui::text(locale, "stale-mark")
                    );
                } else {
                    counts.translated += 1;
                }
            }
            Fill::Fallback => {
                counts.fallback += 1;
                let lang = lang.unwrap_or(REFERENCE);
                let _ = write!(md, "<span class=\"fallback\" lang=\"{lang}\">");
                let t0 = md.len();
                match text {
                    Some(t) => {
                        push_lines(&mut md, t, &seg.line_prefix);
                        untrusted.push(t0..md.len());
                    }
                    None => md.push_str(&src[seg.span.clone()]),
                }
                let _ = write!(
                    md,
                    "</span> <sup class=\"mark fallback\" title=\"{}\">{lang}</sup>",
                    ui::text(locale, "fallback-title")
                );
            }
        }
        if is_heading {
            anchors.push((start..md.len(), id.clone()));
        }
    }
    md.push_str(&src[pos..]);
    Edition {
        locale: locale.to_string(),
        markdown: md,
        untrusted,
        anchors,
        allowed_html,
        counts,
    }
}

/// Picks the text for message `k`: the translation, or the first fallback that has one.
fn choose<'a>(
    doc: &'a DocPlan,
    k: usize,
    locale: &str,
    chain: &[String],
    config: &Config,
    state: Option<&State>,
) -> (Fill, Option<&'a str>, Option<&'a str>) {
    let own = doc
        .locale(locale)
        .and_then(|l| l.translation(k))
        .map(|m| m.value.as_str());
    match state {
        Some(State::Translated) => return (Fill::Translated, own, None),
        Some(State::Stale { .. }) if config.stale == StalePolicy::Mark => {
            return (Fill::Stale, own, None)
        }
        _ => {}
    }
    for fb in chain {
        if fb == REFERENCE {
            break;
        }
        if let Some(lp) = doc.locale(fb) {
            if lp.states[k] == State::Translated {
                if let Some(m) = lp.translation(k) {
                    return (
                        Fill::Fallback,
                        Some(m.value.as_str()),
                        Some(lp.locale.as_str()),
                    );
                }
            }
        }
    }
    (Fill::Fallback, None, Some(REFERENCE))
}

fn push_lines(md: &mut String, text: &str, prefix: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            md.push('\n');
            md.push_str(prefix);
        }
        md.push_str(line);
    }
}

fn collect_inline_html(text: &str, out: &mut Vec<String>) {
    for (ev, _) in Parser::new_ext(text, crate::segment::options()).into_offset_iter() {
        if let Event::InlineHtml(h) = ev {
            if !out.iter().any(|x| x == h.as_ref()) {
                out.push(h.to_string());
            }
        }
    }
}

/// A heading of the edition, for the table of contents.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// Renders the edition's body HTML, its headings and its footnotes section.
pub fn body_html(ed: &Edition) -> (String, Vec<Heading>, String) {
    let in_untrusted = |r: &Range<usize>| {
        let i = ed.untrusted.partition_point(|u| u.end <= r.start);
        ed.untrusted
            .get(i)
            .is_some_and(|u| u.start <= r.start && r.end <= u.end)
    };
    let events: Vec<(Event, Range<usize>)> =
        Parser::new_ext(&ed.markdown, crate::segment::options())
            .into_offset_iter()
            .collect();
    let mut body: Vec<Event> = Vec::with_capacity(events.len());
    let mut notes: Vec<(String, Vec<Event>)> = Vec::new();
    let mut in_note: Option<(String, Vec<Event>)> = None;
    let mut note_numbers: HashMap<String, usize> = HashMap::new();
    let mut ref_counts: HashMap<String, usize> = HashMap::new();
    let mut headings = Vec::new();
    let mut heading: Option<(u8, String, String)> = None;
    let mut dropped_links: Vec<bool> = Vec::new();
    let mut auto_ids: HashMap<String, usize> = HashMap::new();
    for (ev, range) in events {
        let ev = match ev {
            Event::Html(h) | Event::InlineHtml(h)
                if in_untrusted(&range)
                    && !ed.allowed_html.iter().any(|a| a.as_str() == h.as_ref()) =>
            {
                Event::Text(h)
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let bad = in_untrusted(&range) && unsafe_url(&dest_url);
                dropped_links.push(bad);
                if bad {
                    continue;
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link) => {
                if dropped_links.pop().unwrap_or(false) {
                    continue;
                }
                Event::End(TagEnd::Link)
            }
            Event::Start(Tag::Image { dest_url, .. })
                if in_untrusted(&range) && unsafe_url(&dest_url) =>
            {
                dropped_links.push(true);
                continue;
            }
            Event::End(TagEnd::Image) if dropped_links.last() == Some(&true) => {
                dropped_links.pop();
                continue;
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                dropped_links.push(false);
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Image) => {
                dropped_links.pop();
                Event::End(TagEnd::Image)
            }
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let id = ed
                    .anchors
                    .iter()
                    .find(|(r, _)| range.start <= r.start && r.start < range.end.max(r.start + 1))
                    .map(|(_, id)| id.clone())
                    .unwrap_or_else(|| {
                        let n = auto_ids.entry("h".into()).or_insert(0);
                        *n += 1;
                        format!("h-{n}")
                    });
                heading = Some((level as u8, id.clone(), String::new()));
                Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(l)) => {
                if let Some((level, id, text)) = heading.take() {
                    headings.push(Heading {
                        level,
                        id,
                        text: text.trim().to_string(),
                    });
                }
                Event::End(TagEnd::Heading(l))
            }
            Event::FootnoteReference(label) => {
                let next = note_numbers.len() + 1;
                let n = *note_numbers.entry(label.to_string()).or_insert(next);
                let c = ref_counts.entry(label.to_string()).or_insert(0);
                *c += 1;
                let l = attr(&label);
                Event::Html(CowStr::from(format!(
                    "<sup class=\"fnref\" id=\"fnref-{l}-{c}\"><a href=\"#fn-{l}\">{n}</a></sup>"
                )))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                in_note = Some((label.to_string(), Vec::new()));
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some(n) = in_note.take() {
                    notes.push(n);
                }
                continue;
            }
            other => other,
        };
        if let (Some((_, _, text)), Event::Text(t) | Event::Code(t)) = (heading.as_mut(), &ev) {
            if !matches!(ev, Event::Html(_)) {
                text.push_str(t);
            }
        }
        match in_note.as_mut() {
            Some((_, evs)) => evs.push(ev),
            None => body.push(ev),
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, body.into_iter());
    // Footnotes in the order of their first reference, then unreferenced ones.
    notes.sort_by_key(|(label, _)| note_numbers.get(label).copied().unwrap_or(usize::MAX));
    let mut foot = String::new();
    if !notes.is_empty() {
        foot.push_str("<ol class=\"notes\">\n");
        for (label, evs) in notes {
            let l = attr(&label);
            let mut inner = String::new();
            pulldown_cmark::html::push_html(&mut inner, evs.into_iter());
            let backs: String = (1..=ref_counts.get(&label).copied().unwrap_or(0))
                .map(|c| {
                    format!(
                        " <a class=\"backref\" href=\"#fnref-{l}-{c}\" aria-label=\"back\">↩</a>"
                    )
                })
                .collect();
            let inner = match inner.trim_end().strip_suffix("</p>") {
                Some(s) => format!("{s}{backs}</p>"),
                None => format!("{inner}{backs}"),
            };
            let value = note_numbers
                .get(&label)
                .map(|n| format!(" value=\"{n}\""))
                .unwrap_or_default();
            let _ = writeln!(foot, "<li id=\"fn-{l}\"{value}>{}</li>", inner.trim_end());
        }
        foot.push_str("</ol>\n");
    }
    (html, headings, foot)
}

fn unsafe_url(url: &str) -> bool {
    let u: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    u.starts_with("javascript:") || u.starts_with("data:") || u.starts_with("vbscript:")
}

/// Escapes text for an HTML attribute or element.
pub fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Everything a page needs besides its own edition.
pub struct PageContext<'a> {
    pub doc_name: &'a str,
    /// Every locale with an edition of this document, for the switcher.
    pub locales: &'a [String],
}

/// A standalone HTML page: no scripts, no network requests.
pub fn page(ed: &Edition, ctx: &PageContext) -> String {
    let (body, headings, notes) = body_html(ed);
    let lang = &ed.locale;
    let title = headings
        .first()
        .map(|h| h.text.clone())
        .unwrap_or_else(|| ctx.doc_name.to_string());
    let mut out = String::with_capacity(body.len() + 8192);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        attr(lang),
        attr(&title),
        CSS
    );
    out.push_str("<header class=\"bar\">\n<nav class=\"switcher\" aria-label=\"");
    out.push_str(&attr(ui::text(lang, "languages")));
    out.push_str("\">");
    for l in ctx.locales {
        if l == lang {
            let _ = write!(
                out,
                "<strong lang=\"{}\">{}</strong> ",
                attr(l),
                attr(ui::display_name(l))
            );
        } else {
            let _ = write!(
                out,
                "<a href=\"../{}/{}.html\" lang=\"{}\" hreflang=\"{}\">{}</a> ",
                attr(l),
                attr(ctx.doc_name),
                attr(l),
                attr(l),
                attr(ui::display_name(l))
            );
        }
    }
    out.push_str("</nav>\n");
    let c = &ed.counts;
    let _ = writeln!(
        out,
        "<p class=\"status\">{}</p>\n</header>",
        attr(&ui::status_line(
            lang,
            c.translated,
            c.stale,
            c.fallback,
            c.total
        ))
    );
    let toc: Vec<&Heading> = headings.iter().filter(|h| h.level >= 2).collect();
    if !toc.is_empty() {
        let _ = write!(
            out,
            "<nav class=\"toc\">\n<h2>{}</h2>\n<ol>\n",
            attr(ui::text(lang, "contents"))
        );
        for h in toc {
            let _ = writeln!(
                out,
                "<li class=\"l{}\"><a href=\"#{}\">{}</a></li>",
                h.level,
                attr(&h.id),
                attr(&h.text)
            );
        }
        out.push_str("</ol>\n</nav>\n");
    }
    out.push_str("<main>\n");
    out.push_str(&body);
    out.push_str("</main>\n");
    if !notes.is_empty() {
        let _ = write!(
            out,
            "<section class=\"footnotes\" aria-label=\"{0}\">\n<h2>{0}</h2>\n{1}</section>\n",
            attr(ui::text(lang, "notes")),
            notes
        );
    }
    out.push_str("</body>\n</html>\n");
    out
}

const CSS: &str = r#":root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --accent: #8a1c1c; }
html { font-size: 112.5%; }
body { margin: 0 auto; max-width: 42rem; padding: 1.5rem 1.25rem 4rem; color: var(--ink); background: #fff;
  font-family: Charter, "Bitstream Charter", "Noto Serif", "DejaVu Serif", "PT Serif", Georgia, Cambria, "Times New Roman", serif;
  line-height: 1.6; text-rendering: optimizeLegibility; hyphens: auto; overflow-wrap: break-word; }
h1, h2, h3, .bar, .toc, .footnotes h2 { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "PT Sans", Arial, sans-serif; }
h1 { font-size: 2rem; line-height: 1.2; margin: 1.5rem 0 1rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.2rem 0 .6rem; }
p { margin: 0 0 1rem; text-align: justify; }
a { color: var(--accent); }
a[href^="http"] { overflow-wrap: anywhere; }
.bar { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem; font-size: .8rem; color: var(--muted);
  border-bottom: 1px solid var(--rule); padding-bottom: .5rem; }
.switcher a, .switcher strong { margin-right: .6rem; }
.status { margin: 0; text-align: left; }
.toc { border: 1px solid var(--rule); border-radius: .4rem; padding: .4rem 1rem; margin: 1.5rem 0; font-size: .9rem; }
.toc h2 { font-size: 1rem; margin: .4rem 0; }
.toc ol { margin: 0 0 .5rem; padding-left: 1.2rem; }
sup.fnref a { text-decoration: none; padding: 0 .1em; }
.mark { font-family: system-ui, sans-serif; font-size: .7em; color: #fff; background: #b26b00; border-radius: .2em; padding: 0 .25em; }
.mark.fallback { background: #5f6368; }
.fallback { background: #f3f3f5; }
.footnotes { border-top: 1px solid var(--rule); margin-top: 3rem; font-size: .85rem; }
.footnotes p { text-align: left; margin: 0 0 .4rem; }
.backref { text-decoration: none; }
@media (max-width: 36rem) { html { font-size: 100%; } body { padding: 1rem .9rem 3rem; } p { text-align: left; } }
@media print {
  @page { size: A4; margin: 20mm 18mm 22mm; }
  html { font-size: 11pt; } body { max-width: none; padding: 0; }
  .switcher, .backref { display: none; }
  .bar { border: 0; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  .toc { break-after: page; border: 0; }
  .footnotes { font-size: 9pt; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_urls() {
        assert!(unsafe_url("javascript:alert(1)"));
        assert!(unsafe_url(" JaVa\tScRipt:x"));
        assert!(unsafe_url("data:text/html,x"));
        assert!(!unsafe_url("https://example.org"));
    }
}
