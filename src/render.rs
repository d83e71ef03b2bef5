//! Editions: a document in one locale, as Markdown and as a standalone HTML page.
//!
//! The localized Markdown is the source skeleton with each segment replaced by its
//! translation (or fallback). The HTML is rendered from that Markdown with pulldown-cmark.
//! Text that came from a locale file is untrusted: anything in it that would be markup the
//! English did not have (raw HTML, event handlers, `javascript:`/`data:` links, images the
//! English does not show) becomes inert text, and the page's Content-Security-Policy forbids
//! scripts and network requests besides.
//!
//! Derived editions ([`DERIVED`], e.g. `kk-Latn`) take another locale's translations and
//! transform them; they have no locale file and are never edited by hand.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::config::{Config, StalePolicy, REFERENCE};
use crate::escape::html;
use crate::plan::{DocPlan, State};
use crate::segment::Events;
use crate::translit::Names;
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
    /// Reader editions: passages shown in another language, per language (in order of
    /// first use).
    pub other_languages: Vec<(String, usize)>,
}

/// An edition computed from another locale's translations.
pub struct Derived {
    pub locale: &'static str,
    /// The locale whose translations it transforms.
    pub base: &'static str,
    /// Applied to each translation's Markdown text, with the names it writes in their own
    /// spelling (from glossary.csv, read by the operation), and to the page's interface
    /// strings (with none).
    pub transform: fn(&str, &Names) -> String,
}

/// The derived editions `build` writes whenever their base locale is a project locale.
pub const DERIVED: &[Derived] = &[Derived {
    locale: "kk-Latn",
    base: "kk",
    transform: crate::translit::kk_latn_markdown_with,
}];

pub fn derived(locale: &str) -> Option<&'static Derived> {
    DERIVED.iter().find(|d| d.locale == locale)
}

/// Every edition of a project in switcher order: English, then each translation followed
/// by the editions derived from it.
pub fn edition_locales(config: &Config) -> Vec<String> {
    let mut out = vec![REFERENCE.to_string()];
    for l in &config.locales {
        out.push(l.clone());
        for d in DERIVED.iter().filter(|d| d.base == l) {
            if !config.locales.iter().any(|x| x == d.locale) {
                out.push(d.locale.to_string());
            }
        }
    }
    out
}

/// A composed edition: Markdown text plus what the HTML renderer must know about it.
#[derive(Debug, Clone)]
pub struct Edition {
    pub locale: String,
    pub markdown: String,
    /// Byte ranges of `markdown` that hold text from a locale file (not trusted), in order.
    pub untrusted: Vec<Range<usize>>,
    /// For each heading segment: its range in `markdown` and its id.
    pub anchors: Vec<(Range<usize>, String)>,
    /// Inline HTML the English segments contain (allowed in translations too).
    pub allowed_html: Vec<String>,
    /// Image destinations the English shows (a translation may show these and no others).
    pub allowed_images: Vec<String>,
    /// The English's link destinations (a translation may link to these, whatever their
    /// scheme, besides web and mail addresses and relative paths).
    pub english_links: EnglishLinks,
    pub counts: EditionCounts,
    /// An edition for readers (`build --publish`): no workflow markers or status line.
    pub reader: bool,
}

/// The link destinations of a document's English, found when first asked for: a
/// translation's link is looked up in them only when it is not a web or mail address or
/// a relative path, which is rare.
#[derive(Debug, Clone, Default)]
pub struct EnglishLinks(std::sync::Arc<(String, std::sync::OnceLock<Vec<String>>)>);

impl EnglishLinks {
    pub fn of(source: &str) -> EnglishLinks {
        EnglishLinks(std::sync::Arc::new((
            source.to_string(),
            std::sync::OnceLock::new(),
        )))
    }

    /// True when the English links to `url`.
    pub fn contains(&self, url: &str) -> bool {
        let (src, urls) = &*self.0;
        urls.get_or_init(|| link_urls(src)).iter().any(|u| u == url)
    }
}

/// What compose writes around fallback passages and markers; `body_html` recognises them.
const FALLBACK_OPEN: &str = "<span class=\"fallback\" lang=\"";
/// A reader edition's passage in another language: its `lang`, no highlight, no marker.
const OTHER_LANG_OPEN: &str = "<span class=\"other-lang\" lang=\"";
const MARK_OPEN: &str = "<sup class=\"mark ";

/// What every edition of a document shares, computed once for all of them: the inline
/// HTML its English segments hold and the images it shows.
#[derive(Debug, Clone)]
pub struct Shared {
    allowed_html: Vec<String>,
    allowed_images: Vec<String>,
    english_links: EnglishLinks,
}

impl Shared {
    pub fn of(doc: &DocPlan) -> Shared {
        let mut allowed_html = Vec::new();
        for (i, seg) in doc.document.segments.iter().enumerate() {
            if doc.seg_ids[i].is_some() {
                collect_inline_html(&seg.text, &mut allowed_html);
            }
        }
        Shared {
            allowed_html,
            allowed_images: image_urls(&doc.document.src),
            english_links: EnglishLinks::of(&doc.document.src),
        }
    }
}

/// Composes the edition of `doc` in `locale` (`en` reproduces the source byte for byte).
pub fn compose(doc: &DocPlan, locale: &str, config: &Config) -> Edition {
    compose_shared(doc, locale, config, &Shared::of(doc), &Names::default())
}

/// `compose`, with what the document's editions share already computed, and the names a
/// derived edition writes in their own spelling (`Names::from_glossary`).
pub fn compose_shared(
    doc: &DocPlan,
    locale: &str,
    config: &Config,
    shared: &Shared,
    names: &Names,
) -> Edition {
    let derived = derived(locale);
    let text_locale = derived.map_or(locale, |d| d.base);
    let src = &doc.document.src;
    let lp = doc.locale(text_locale);
    let chain = config.fallback_chain(text_locale);
    // Room for Cyrillic, two bytes a letter: grown, the text would be copied again.
    let mut md = String::with_capacity(2 * src.len());
    let mut untrusted = Vec::new();
    let mut anchors = Vec::new();
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
        let Some(&k) = doc.index.get(id) else {
            md.push_str(&src[seg.span.clone()]);
            continue;
        };
        counts.total += 1;
        let (fill, text, lang) = if locale == REFERENCE {
            (Fill::Source, None, None)
        } else {
            choose(
                doc,
                k,
                text_locale,
                &chain,
                config,
                lp.map(|l| &l.states[k]),
            )
        };
        let is_heading = matches!(seg.kind, crate::segment::Kind::Heading(_));
        match fill {
            Fill::Source => md.push_str(&src[seg.span.clone()]),
            Fill::Translated | Fill::Stale => {
                let own = text.unwrap_or_default();
                let own: Cow<str> = match derived {
                    Some(d) => Cow::Owned((d.transform)(own, names)),
                    None => Cow::Borrowed(own),
                };
                let t0 = md.len();
                push_lines(&mut md, &own, &seg.line_prefix);
                untrusted.push(t0..md.len());
                if fill == Fill::Stale {
                    counts.stale += 1;
                    let _ = write!(
                        md,
                        " {MARK_OPEN}stale\" title=\"{}\">{}</sup>",
                        html(&label(locale, "stale-title")),
                        html(&label(locale, "stale-mark"))
                    );
                } else {
                    counts.translated += 1;
                }
            }
            Fill::Fallback => {
                counts.fallback += 1;
                let lang = lang.unwrap_or(REFERENCE);
                let open = if config.publishing {
                    match counts.other_languages.iter_mut().find(|(l, _)| l == lang) {
                        Some((_, n)) => *n += 1,
                        None => counts.other_languages.push((lang.to_string(), 1)),
                    }
                    OTHER_LANG_OPEN
                } else {
                    FALLBACK_OPEN
                };
                let _ = write!(md, "{open}{}\">", html(lang));
                let t0 = md.len();
                match text {
                    Some(t) => {
                        push_lines(&mut md, t, &seg.line_prefix);
                        untrusted.push(t0..md.len());
                    }
                    None => md.push_str(&src[seg.span.clone()]),
                }
                if config.publishing {
                    md.push_str("</span>");
                } else {
                    let _ = write!(
                        md,
                        "</span> {MARK_OPEN}fallback\" title=\"{}\">{}</sup>",
                        html(&label(locale, "fallback-title")),
                        html(lang)
                    );
                }
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
        allowed_html: shared.allowed_html.clone(),
        allowed_images: shared.allowed_images.clone(),
        english_links: shared.english_links.clone(),
        counts,
        reader: config.publishing,
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
    if config.publishing {
        let mine = doc.locale(locale);
        if mine.is_some_and(|lp| publishable(lp, k, config))
            || (config.publish.as_is && own.is_some())
        {
            return (Fill::Translated, own, None);
        }
    } else {
        match state {
            Some(State::Translated) => return (Fill::Translated, own, None),
            Some(State::Stale { .. }) if config.stale == StalePolicy::Mark => {
                return (Fill::Stale, own, None)
            }
            _ => {}
        }
    }
    for fb in chain {
        if fb == REFERENCE {
            break;
        }
        if let Some(lp) = doc.locale(fb) {
            let usable = if config.publishing {
                publishable(lp, k, config)
            } else {
                lp.states[k] == State::Translated
            };
            if usable {
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

/// True when message `k` of a locale may be shown to readers: up to date, not rejected,
/// and approved when the project publishes reviewed translations only.
fn publishable(lp: &crate::plan::LocalePlan, k: usize, config: &Config) -> bool {
    if lp.states[k] != State::Translated {
        return false;
    }
    match lp.review(k).map(|r| r.verdict) {
        Some(crate::approval::Verdict::Rejected) => false,
        Some(crate::approval::Verdict::Approved) => true,
        None => !config.publish.require_reviewed,
    }
}

fn push_lines(md: &mut String, text: &str, prefix: &str) {
    if prefix.is_empty() {
        md.push_str(text);
        return;
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            md.push('\n');
            md.push_str(prefix);
        }
        md.push_str(line);
    }
}

fn collect_inline_html(text: &str, out: &mut Vec<String>) {
    if !text.contains('<') {
        return; // no HTML without a `<`: no need to parse
    }
    for (ev, _) in Parser::new_ext(text, crate::segment::options()).into_offset_iter() {
        if let Event::InlineHtml(h) = ev {
            if !out.iter().any(|x| x == h.as_ref()) {
                out.push(h.to_string());
            }
        }
    }
}

/// Every link destination of a document, in order, each once.
fn link_urls(src: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for ev in Parser::new_ext(src, crate::segment::options()) {
        if let Event::Start(Tag::Link { dest_url, .. }) = ev {
            if !out.iter().any(|x| x == dest_url.as_ref()) {
                out.push(dest_url.to_string());
            }
        }
    }
    out
}

fn image_urls(src: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !src.contains("![") {
        return out; // every image starts with `![`: no need to parse
    }
    for ev in Parser::new_ext(src, crate::segment::options()) {
        if let Event::Start(Tag::Image { dest_url, .. }) = ev {
            if !out.iter().any(|x| x == dest_url.as_ref()) {
                out.push(dest_url.to_string());
            }
        }
    }
    out
}

/// An interface string in an edition's language; a derived edition transforms its base's.
pub fn label(locale: &str, key: &str) -> String {
    match derived(locale) {
        Some(d) => (d.transform)(&ui_text(d.base, key), &Names::default()),
        None => ui_text(locale, key).into_owned(),
    }
}

/// `ui::text`, plus the few strings only the HTML pages need.
fn ui_text(locale: &str, key: &str) -> Cow<'static, str> {
    let lang = locale.split('-').next().unwrap_or(locale);
    let s = match (lang, key) {
        ("fr", "back") => "Retour au texte",
        ("ru", "back") => "Назад к тексту",
        ("kk", "back") => "Мәтінге оралу",
        (_, "back") => "Back to text",
        ("kk", "derived-note") => {
            "Бұл нұсқа қазақша кирилл мәтінінен 2021 жылғы латын әліпбиіне автоматты түрде \
             көшірілген; оны қолмен өңдемейді. Түпнұсқасы:"
        }
        (_, "derived-note") => {
            "This edition is derived automatically from another edition; it is never edited \
             by hand. Original:"
        }
        _ => return Cow::Borrowed(ui::text(locale, key)),
    };
    Cow::Borrowed(s)
}

/// A heading of the edition, for the table of contents.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// The language of a heading shown from a fallback locale.
    pub lang: Option<String>,
}

/// An edition's body as HTML.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// The document's title: its first block, when that is a level-1 heading.
    pub title: String,
    /// Everything after the title.
    pub html: String,
    pub headings: Vec<Heading>,
    /// The notes as list items of an `<ol>`, in the order of their first reference.
    pub notes: String,
}

/// One passage (a message's Markdown) as HTML by the editions' rules: the text is a
/// translator's, so it cannot add markup, scripts, links or images the English passage
/// does not have (for previews in the workspace).
pub fn passage_html(markdown: &str, english: &str) -> String {
    let mut allowed_html = Vec::new();
    collect_inline_html(english, &mut allowed_html);
    let ed = Edition {
        locale: String::new(),
        markdown: markdown.to_string(),
        untrusted: std::iter::once(0..markdown.len()).collect(),
        anchors: Vec::new(),
        allowed_html,
        allowed_images: image_urls(english),
        english_links: EnglishLinks::of(english),
        counts: EditionCounts::default(),
        reader: true,
    };
    let b = body_html(&ed);
    let mut out = b.title;
    out.push_str(&b.html);
    out
}

/// Renders the edition's body HTML, its headings and its footnotes.
pub fn body_html(ed: &Edition) -> Body {
    let events = Parser::new_ext(&ed.markdown, crate::segment::options()).into_offset_iter();
    body_html_from(ed, events)
}

/// `body_html` from the parser's events for `ed.markdown`, parsed already.
fn body_html_from<'a>(
    ed: &'a Edition,
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
) -> Body {
    let touches_untrusted = |r: &Range<usize>| {
        let i = ed.untrusted.partition_point(|u| u.end <= r.start);
        ed.untrusted
            .get(i)
            .is_some_and(|u| u.start < r.end.max(r.start + 1))
    };
    let mut used_ids: HashSet<String> = ed.anchors.iter().map(|(_, id)| id.clone()).collect();
    let mut note_ids: HashMap<String, String> = HashMap::default();
    let mut note_id = |label: &str, used: &mut HashSet<String>| -> String {
        if let Some(id) = note_ids.get(label) {
            return id.clone();
        }
        let base = crate::segment::label_id(label);
        let mut id = base.clone();
        let mut n = 1;
        while !used.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        note_ids.insert(label.to_string(), id.clone());
        id
    };
    // About one event for every 90 bytes of Markdown (prose): room enough not to grow.
    let mut body: Vec<Event> = Vec::with_capacity(ed.markdown.len() / 64);
    let mut title_end: Option<usize> = None;
    let mut notes: Vec<(String, Vec<Event>)> = Vec::new();
    let mut in_note: Option<(String, Vec<Event>)> = None;
    let mut note_numbers: HashMap<String, usize> = HashMap::default();
    let mut ref_counts: HashMap<String, usize> = HashMap::default();
    let mut headings = Vec::new();
    let mut heading: Option<(Heading, usize)> = None;
    let mut dropped: Vec<bool> = Vec::new();
    let mut in_mark = 0usize;
    let mut auto_ids = 0usize;
    let mut after_ref = false;
    for (ev, range) in events {
        // Asked only of the events it changes (HTML, links, images): most are text.
        let untrusted = || touches_untrusted(&range);
        let ev = match ev {
            Event::Html(h) | Event::InlineHtml(h)
                if untrusted() && !ed.allowed_html.iter().any(|a| a.as_str() == h.as_ref()) =>
            {
                Event::Text(h)
            }
            Event::InlineHtml(h) => {
                if h.starts_with(MARK_OPEN) {
                    in_mark += 1;
                } else if in_mark > 0 && h.as_ref() == "</sup>" {
                    in_mark -= 1;
                } else if let (Some(rest), Some((hd, _))) = (
                    h.strip_prefix(FALLBACK_OPEN)
                        .or_else(|| h.strip_prefix(OTHER_LANG_OPEN)),
                    heading.as_mut(),
                ) {
                    hd.lang = rest.split('"').next().map(str::to_string);
                }
                Event::InlineHtml(h)
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                // A translation keeps every link the English has, and may link to web and
                // mail addresses and relative paths; never to a script or data.
                let ok = !script_url(&dest_url)
                    && (!untrusted()
                        || allowed_url(&dest_url)
                        || ed.english_links.contains(&dest_url));
                dropped.push(!ok);
                if !ok {
                    continue;
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let ok = if untrusted() {
                    ed.allowed_images.iter().any(|u| u == dest_url.as_ref())
                        && !script_url(&dest_url)
                } else {
                    !script_url(&dest_url)
                };
                dropped.push(!ok);
                if !ok {
                    continue;
                }
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image)
                if dropped.pop().unwrap_or(false) =>
            {
                continue;
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
                        auto_ids += 1;
                        let id = format!("_h{auto_ids}");
                        used_ids.insert(id.clone());
                        id
                    });
                if in_note.is_none() {
                    heading = Some((
                        Heading {
                            level: level as u8,
                            id: id.clone(),
                            text: String::new(),
                            lang: None,
                        },
                        body.len(),
                    ));
                }
                Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(l)) => {
                if let Some((mut h, start)) = heading.take() {
                    h.text = h.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if start == 0 && l == HeadingLevel::H1 && title_end.is_none() {
                        title_end = Some(body.len() + 1);
                    }
                    headings.push(h);
                }
                Event::End(TagEnd::Heading(l))
            }
            Event::FootnoteReference(label) => {
                // Two references in a row read as one number without a separator.
                let sep = if after_ref {
                    "<span class=\"sep\">,</span>"
                } else {
                    ""
                };
                // Looked up before a key is made: most labels have been seen.
                let n = match note_numbers.get(label.as_ref()) {
                    Some(&n) => n,
                    None => {
                        let n = note_numbers.len() + 1;
                        note_numbers.insert(label.as_ref().to_owned(), n);
                        n
                    }
                };
                let c = match ref_counts.get_mut(label.as_ref()) {
                    Some(c) => {
                        *c += 1;
                        *c
                    }
                    None => {
                        ref_counts.insert(label.as_ref().to_owned(), 1);
                        1
                    }
                };
                let id = note_id(&label, &mut used_ids);
                let mut num = itoa::Buffer::new();
                // `<sup class="fnref" id="_ref-{id}-{c}">{sep}<a href="#{id}"
                // role="doc-noteref">{n}</a></sup>`, built by pieces (no formatting
                // machinery for a few strings).
                let mut sup = String::with_capacity(96 + 2 * id.len() + sep.len());
                sup.push_str("<sup class=\"fnref\" id=\"_ref-");
                sup.push_str(&id);
                sup.push('-');
                sup.push_str(num.format(c));
                sup.push_str("\">");
                sup.push_str(sep);
                sup.push_str("<a href=\"#");
                sup.push_str(&id);
                sup.push_str("\" role=\"doc-noteref\">");
                sup.push_str(num.format(n));
                sup.push_str("</a></sup>");
                Event::InlineHtml(CowStr::from(sup))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                in_note = Some((label.as_ref().to_owned(), Vec::new()));
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
        after_ref = matches!(&ev, Event::InlineHtml(h) if h.starts_with("<sup class=\"fnref\""));
        if let (Some((h, _)), Event::Text(t) | Event::Code(t)) = (heading.as_mut(), &ev) {
            if in_mark == 0 {
                h.text.push_str(t);
            }
        }
        if let (Some((h, _)), Event::SoftBreak | Event::HardBreak) = (heading.as_mut(), &ev) {
            h.text.push(' ');
        }
        match in_note.as_mut() {
            Some((_, evs)) => evs.push(ev),
            None => body.push(ev),
        }
    }
    // The title's events, then the rest, taken from the one list (not copied apart).
    let mut events = body.into_iter();
    let title_events: Vec<Event> = events.by_ref().take(title_end.unwrap_or(0)).collect();
    let mut title = String::new();
    pulldown_cmark::html::push_html(&mut title, linkify_all(title_events).into_iter());
    let mut html = String::with_capacity(ed.markdown.len() + ed.markdown.len() / 4);
    pulldown_cmark::html::push_html(&mut html, linkify_all(events).into_iter());
    // Notes in the order of their first reference, then unreferenced ones.
    notes.sort_by_key(|(label, _)| note_numbers.get(label).copied().unwrap_or(usize::MAX));
    let back = crate::escape::html(&label(&ed.locale, "back")).into_owned();
    let mut foot = String::with_capacity(ed.markdown.len() / 4);
    let mut inner = String::new();
    for (label, evs) in notes {
        let id = note_id(&label, &mut used_ids);
        inner.clear();
        pulldown_cmark::html::push_html(&mut inner, linkify_all(evs).into_iter());
        let refs = ref_counts.get(&label).copied().unwrap_or(0);
        // `<li id="{id}" value="{n}">{text}{back links}</p></li>`: the back links go inside
        // the note's last paragraph.
        foot.push_str("<li id=\"");
        foot.push_str(&id);
        foot.push('"');
        let mut num = itoa::Buffer::new();
        if let Some(&n) = note_numbers.get(&label) {
            foot.push_str(" value=\"");
            foot.push_str(num.format(n));
            foot.push('"');
        }
        foot.push('>');
        let text = inner.trim_end();
        let (text, close) = match text.strip_suffix("</p>") {
            Some(s) => (s, "</p>"),
            None => (text, ""),
        };
        foot.push_str(text);
        for c in 1..=refs {
            foot.push_str("<a class=\"backref\" href=\"#_ref-");
            foot.push_str(&id);
            foot.push('-');
            foot.push_str(num.format(c));
            foot.push_str("\" role=\"doc-backlink\" aria-label=\"");
            foot.push_str(&back);
            foot.push_str("\">↩");
            if refs > 1 {
                foot.push_str("<sup>");
                foot.push_str(num.format(c));
                foot.push_str("</sup>");
            }
            foot.push_str("</a>");
        }
        foot.push_str(close);
        foot.push_str("</li>\n");
    }
    Body {
        title,
        html,
        headings,
        notes: foot,
    }
}

/// The events with adjacent text joined (the parser splits text at characters that might
/// be markup) and bare URLs outside links and code made links.
fn linkify_all<'a>(events: impl IntoIterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let events = events.into_iter();
    // As many events out as in, and a few more where bare URLs become links.
    let mut out: Vec<Event<'a>> = Vec::with_capacity(events.size_hint().0 + 16);
    let (mut in_link, mut in_code) = (0usize, 0usize);
    // The text events of the current run: one is passed on as it is (no copy), several
    // are joined so that a URL split across them is found whole.
    let mut run: Vec<CowStr<'a>> = Vec::new();
    let flush = |run: &mut Vec<CowStr<'a>>, out: &mut Vec<Event<'a>>| match run.len() {
        0 => {}
        1 => {
            if let Some(t) = run.pop() {
                push_linkified(t, out);
            }
        }
        _ => {
            let joined: String = run.drain(..).map(|t| t.into_string()).collect();
            push_linkified(CowStr::from(joined), out);
        }
    };
    for ev in events {
        let ev = match ev {
            Event::Text(t) if in_link == 0 && in_code == 0 => {
                run.push(t);
                continue;
            }
            other => other,
        };
        flush(&mut run, &mut out);
        match &ev {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            _ => {}
        }
        out.push(ev);
    }
    flush(&mut run, &mut out);
    out
}

/// `linkify`, handing text with no URL over as it is.
fn push_linkified<'a>(text: CowStr<'a>, out: &mut Vec<Event<'a>>) {
    if first_http(&text).is_some() {
        linkify(&text, out);
    } else {
        out.push(Event::Text(text));
    }
}

/// Where the first `http://` or `https://` in `s` starts.
fn first_http(s: &str) -> Option<usize> {
    // `://` is rare in prose, where `http` is not (every "https" of a sentence about the
    // web, every "h" of English a candidate for a two-letter searcher): found first, then
    // the scheme before it.
    static SEP: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("://"));
    SEP.find_iter(s.as_bytes()).find_map(|i| {
        let before = &s.as_bytes()[..i];
        if before.ends_with(b"https") {
            Some(i - 5)
        } else if before.ends_with(b"http") {
            Some(i - 4)
        } else {
            None
        }
    })
}

/// Pushes `text` as text events with each bare `http(s)://` URL in it made a link (the
/// source's bare-URL footnotes are then as clickable as its `<…>` ones). Trailing sentence
/// punctuation stays outside the link; a closing parenthesis only when unmatched.
fn linkify<'a>(text: &str, out: &mut Vec<Event<'a>>) {
    let mut rest = text;
    while let Some(at) = first_http(rest) {
        let url_part = &rest[at..];
        let mut end = url_part
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»'))
            .unwrap_or(url_part.len());
        while let Some(c) = url_part[..end].chars().last() {
            let unmatched_paren = c == ')'
                && url_part[..end].matches('(').count() < url_part[..end].matches(')').count();
            if ".,;:!?'’”".contains(c) || unmatched_paren {
                end -= c.len_utf8();
            } else {
                break;
            }
        }
        let url = &url_part[..end];
        if url.len() <= "https://".len() {
            out.push(Event::Text(CowStr::from(
                rest[..at + end.max(1)].to_string(),
            )));
            rest = &rest[at + end.max(1)..];
            continue;
        }
        if at > 0 {
            out.push(Event::Text(CowStr::from(rest[..at].to_string())));
        }
        out.push(Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Autolink,
            dest_url: CowStr::from(url.to_string()),
            title: CowStr::from(""),
            id: CowStr::from(""),
        }));
        out.push(Event::Text(CowStr::from(url.to_string())));
        out.push(Event::End(TagEnd::Link));
        rest = &url_part[end..];
    }
    if !rest.is_empty() {
        out.push(Event::Text(CowStr::from(rest.to_string())));
    }
}

/// Normalised for a scheme check the way browsers read URLs: no whitespace or control
/// characters, lowercase.
fn url_key(url: &str) -> Cow<'_, str> {
    // The usual URL is already its key: printable ASCII, lowercase.
    if url
        .bytes()
        .all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase())
    {
        return Cow::Borrowed(url);
    }
    Cow::Owned(
        url.chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase(),
    )
}

/// A URL that runs code or carries a document: never rendered, even from the English.
fn script_url(url: &str) -> bool {
    // The usual targets, as they are, cannot become a script scheme: no key to compute.
    if ["https://", "http://", "#", "mailto:"]
        .iter()
        .any(|p| url.starts_with(p))
    {
        return false;
    }
    let u = url_key(url);
    u.starts_with("javascript:") || u.starts_with("vbscript:") || u.starts_with("data:")
}

/// What a translation may link to besides the English's own targets: web and mail
/// addresses, and relative links (a backslash in a path is a character of it: browsers
/// read it as `/` in web addresses, never as a scheme).
fn allowed_url(url: &str) -> bool {
    let u = url_key(url);
    let scheme_end = u.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)));
    match scheme_end {
        Some(i) if u[i..].starts_with(':') => {
            matches!(&u[..i], "http" | "https" | "mailto" | "tel")
        }
        _ => !u.starts_with("&#"),
    }
}

/// True when a link a translation adds (one the English does not have) is rendered as a
/// link: a web or mail address or a relative path, never a script or data (`check` says
/// when it is not).
pub fn translation_may_link(url: &str) -> bool {
    !script_url(url) && allowed_url(url)
}

/// Everything a page needs besides its own edition.
pub struct PageContext<'a> {
    pub doc_name: &'a str,
    /// Every locale with an edition of this document, for the switcher.
    pub locales: &'a [String],
}

/// The stylesheet of editions (and of the review page, which adds its own rules).
pub const CSS: &str = include_str!("assets/edition.css");

/// No scripts, no requests: styles are inline, images may only come from the edition's own
/// directory tree (or be inline data the English has).
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; \
                       base-uri 'none'; form-action 'none'";

/// The script a page built by `build --watch` loads (`<out>/.dossier-live.js`): it loads
/// `<out>/.dossier-built.js` every second, which names the last rebuild, and reloads the
/// page when that changes. Normal builds have no script at all.
pub const LIVE_SCRIPT: &str = include_str!("assets/live.js");

/// The file [`LIVE_SCRIPT`] is written to, and the one each rebuild rewrites, under the
/// output directory.
pub const LIVE_FILES: [&str; 2] = [".dossier-live.js", ".dossier-built.js"];

/// A page as `build --watch` writes it: the live-reload script added and allowed (the
/// Content-Security-Policy lets scripts of the build directory run, nothing else; it stays
/// `default-src 'none'` for everything else).
pub fn live(page: &str) -> String {
    let csp = CSP.replacen(
        "default-src 'none';",
        "default-src 'none'; script-src 'self' file:;",
        1,
    );
    page.replacen(CSP, &csp, 1).replacen(
        "</head>",
        "<script src=\"../.dossier-live.js\"></script>\n</head>",
        1,
    )
}

/// The `<head>` every page shares; `lang` and `title` are escaped here.
pub fn head(lang: &str, title: &str, extra: &str, css: &[&str]) -> String {
    let mut out = String::new();
    push_head(&mut out, lang, title, extra, css);
    out
}

/// `head`, appended to `out`.
fn push_head(out: &mut String, lang: &str, title: &str, extra: &str, css: &[&str]) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"generator\" content=\"dossier\">\n<title>{}</title>\n{extra}<style>\n",
        html(lang),
        html(title),
    );
    for c in css {
        out.push_str(c);
    }
    out.push_str("</style>\n</head>\n");
}

/// A standalone HTML page: no scripts, no network requests.
pub fn page(ed: &Edition, ctx: &PageContext) -> String {
    page_of(ed, ctx, body_html(ed))
}

/// `page`, from the events `segment::segment_keeping_events` read from a text: the
/// English edition's Markdown is its source, already parsed to segment it. `None` when
/// `ed.markdown` is not that text.
pub fn page_parsed(ed: &Edition, ctx: &PageContext, text: &str, events: Events) -> Option<String> {
    (ed.markdown == text).then(|| page_of(ed, ctx, body_html_from(ed, events.into_iter())))
}

fn page_of(ed: &Edition, ctx: &PageContext, body: Body) -> String {
    let lang = ed.locale.as_str();
    let title = body
        .headings
        .first()
        .map(|h| h.text.clone())
        .unwrap_or_else(|| ctx.doc_name.to_string());
    let name = html(ctx.doc_name);
    // `../{locale}/{name}.html`, built by pieces (no formatting machinery, as below).
    let push_href = |out: &mut String, l: &str| {
        out.push_str("../");
        out.push_str(&html(l));
        out.push('/');
        out.push_str(&name);
        out.push_str(".html");
    };
    let href = |l: &str| {
        let mut h = String::new();
        push_href(&mut h, l);
        h
    };
    let mut alternates = String::new();
    for l in ctx.locales.iter().filter(|l| *l != lang) {
        alternates.push_str("<link rel=\"alternate\" hreflang=\"");
        alternates.push_str(&html(l));
        alternates.push_str("\" href=\"");
        push_href(&mut alternates, l);
        alternates.push_str("\">\n");
    }
    // The page in one allocation: the head, the body, and room for the masthead and
    // contents.
    let mut out = String::with_capacity(
        CSS.len()
            + alternates.len()
            + body.title.len()
            + body.html.len()
            + body.notes.len()
            + 8 * 1024,
    );
    push_head(&mut out, lang, &title, &alternates, &[CSS]);
    out.push_str("<body>\n<header class=\"masthead\">\n<div class=\"wrap\">\n");
    let _ = write!(
        out,
        "<nav class=\"switcher\" aria-label=\"{}\"><ul>",
        html(&label(lang, "languages"))
    );
    for l in ctx.locales {
        let (code, shown) = (html(l), html(ui::display_name(l)));
        if l == lang {
            out.push_str("<li><strong lang=\"");
            out.push_str(&code);
            out.push_str("\" aria-current=\"page\">");
        } else {
            out.push_str("<li><a href=\"");
            push_href(&mut out, l);
            out.push_str("\" lang=\"");
            out.push_str(&code);
            out.push_str("\" hreflang=\"");
            out.push_str(&code);
            out.push_str("\">");
        }
        out.push_str(&shown);
        out.push_str(if l == lang {
            "</strong></li>"
        } else {
            "</a></li>"
        });
    }
    out.push_str("</ul></nav>\n");
    let c = &ed.counts;
    let text_lang = derived(lang).map_or(lang, |d| d.base);
    let in_script = |t: String| match derived(lang) {
        Some(d) => (d.transform)(&t, &Names::default()),
        None => t,
    };
    if ed.reader {
        // Readers see no workflow: only, when some passages are in another language, which.
        if !c.other_languages.is_empty() {
            let note = in_script(ui::other_languages_note(text_lang, &c.other_languages));
            let _ = writeln!(out, "<p class=\"status\">{}</p>", html(&note));
        }
        out.push_str("</div>\n</header>\n");
    } else {
        let status = in_script(ui::status_line(
            text_lang,
            c.translated,
            c.stale,
            c.fallback,
            c.total,
        ));
        let _ = writeln!(
            out,
            "<p class=\"status\">{}</p>\n</div>\n</header>",
            html(&status)
        );
    }
    out.push_str("<main class=\"wrap\">\n<article>\n");
    out.push_str(&body.title);
    if let Some(d) = derived(lang) {
        let _ = writeln!(
            out,
            "<p class=\"derived-note\">{} <a href=\"{}\" lang=\"{}\" hreflang=\"{}\">{}</a>. \
             <span class=\"mapping\" lang=\"en\">({})</span></p>",
            html(&label(lang, "derived-note")),
            href(d.base),
            html(d.base),
            html(d.base),
            html(ui::display_name(d.base)),
            html(crate::translit::MAPPING)
        );
    }
    let toc: Vec<&Heading> = body
        .headings
        .iter()
        .filter(|h| (2..=3).contains(&h.level))
        .collect();
    if !toc.is_empty() {
        let _ = write!(
            out,
            "<nav class=\"toc\" aria-labelledby=\"_toc\">\n<h2 id=\"_toc\">{}</h2>\n<ol>\n",
            html(&label(lang, "contents"))
        );
        let mut num = itoa::Buffer::new();
        for h in toc {
            out.push_str("<li class=\"l");
            out.push_str(num.format(h.level));
            out.push_str("\"><a href=\"#");
            out.push_str(&html(&h.id));
            out.push('"');
            if let Some(l) = h.lang.as_deref() {
                out.push_str(" lang=\"");
                out.push_str(&html(l));
                out.push('"');
            }
            out.push('>');
            out.push_str(&html(&h.text));
            out.push_str("</a></li>\n");
        }
        out.push_str("</ol>\n</nav>\n");
    }
    out.push_str(&body.html);
    if !body.notes.is_empty() {
        let _ = write!(
            out,
            "<section class=\"footnotes\" role=\"doc-endnotes\" aria-labelledby=\"_notes\">\n\
             <h2 id=\"_notes\">{}</h2>\n<ol>\n{}</ol>\n</section>\n",
            html(&label(lang, "notes")),
            body.notes
        );
    }
    out.push_str("</article>\n</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{self, DocInput};

    /// The page of `source` in `locale`, with the given locale files; kk falls back to ru.
    fn render(source: &str, locale: &str, files: &[(&str, &str)]) -> String {
        let config = Config::parse(
            "locales = [\"fr\", \"ru\", \"kk\"]\n",
            Some("[fallback]\nkk = [\"ru\"]\n"),
        )
        .expect("config");
        let input = DocInput {
            name: "doc".into(),
            source: source.into(),
            reference: None,
            locales: files
                .iter()
                .map(|(l, t)| (l.to_string(), Some(t.to_string())))
                .collect(),
            ..Default::default()
        };
        let plan = plan::plan(&config, &[input]);
        let ed = compose(&plan.docs[0], locale, &config);
        let locales = edition_locales(&config);
        page(
            &ed,
            &PageContext {
                doc_name: "doc",
                locales: &locales,
            },
        )
    }

    /// `first_http` as first written: every `http` followed by `://` or `s://`.
    fn first_http_by_definition(s: &str) -> Option<usize> {
        s.match_indices("http").map(|(i, _)| i).find(|&i| {
            let rest = &s[i + 4..];
            rest.starts_with("://") || rest.starts_with("s://")
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        #[test]
        fn the_first_url_is_found_as_defined(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "http", "https", "://", ":/", "//", ":", "/", "s", "h", "ttp", "x", " ", "é",
                "http://", "https://", "httphttps://", "hhttp://", ":///", "Ж",
            ]), 0..12)
        ) {
            let s = pieces.concat();
            proptest::prop_assert_eq!(first_http(&s), first_http_by_definition(&s), "{:?}", s);
        }
    }

    /// The English page rendered from the events segmenting read is the page rendered by
    /// parsing the source again: on the dossier, and on a document with every kind of
    /// block and inline the parser has (entities and escapes make owned strings).
    #[test]
    fn the_english_page_from_the_segmenting_events_is_the_parsed_one() {
        let dossier = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("source/dossier.md"),
        )
        .expect("source/dossier.md");
        let every_kind = "# Title &amp; more\n\nA *b* **c** ~~d~~ `e` <span>f</span> \\* \
             [g](http://g.org \"t\") ![h](i.png) <https://j.org> k[^1] [l][m] http://n.org/o_p\n\n\
             > quote\n> - item\n>\n> 1. one\n\n| a | b |\n|---|---|\n| c | d |\n\n\
             ```rust\nfn x() {}\n```\n\n    indented\n\n<div>\nblock\n</div>\n\n---\n\n\
             Setext\n===\n\n[^1]: Note with `code`.\n\n    More.\n\n[m]: http://m.org\n";
        let config = Config::parse("locales = [\"fr\"]\n", None).expect("config");
        let locales = edition_locales(&config);
        for source in [dossier.as_str(), every_kind] {
            let input = DocInput {
                name: "doc".into(),
                source: source.into(),
                ..Default::default()
            };
            let (doc, events) = plan::plan_one_keeping_events(&config, input);
            let ed = compose(&doc, REFERENCE, &config);
            let ctx = PageContext {
                doc_name: "doc",
                locales: &locales,
            };
            let parsed = page_parsed(&ed, &ctx, &doc.document.src, events);
            assert_eq!(parsed.as_deref(), Some(page(&ed, &ctx).as_str()));
            // Another text's events are refused.
            let fr = compose(&doc, "fr", &config);
            let (_, events) = plan::plan_one_keeping_events(
                &config,
                DocInput {
                    name: "doc".into(),
                    source: source.into(),
                    ..Default::default()
                },
            );
            let other = format!("{source}\nMore.\n");
            assert_eq!(page_parsed(&fr, &ctx, &other, events), None);
        }
    }

    #[test]
    fn title_first_then_contents_with_fallback_headings_in_their_language() {
        let html = render(
            "# Title\n\n## First part\n\nText.[^a]\n\n## Second part\n\n[^a]: A note.\n",
            "kk",
            &[
                ("ru", "second-part = Вторая часть\n"),
                ("kk", "title = Тақырып\n"),
            ],
        );
        let h1 = html.find("<h1 id=\"title\">Тақырып</h1>").expect("h1");
        let toc = html.find("<nav class=\"toc\"").expect("toc");
        assert!(h1 < toc);
        // The marker is not part of the entry; the entry has the passage's language.
        assert!(
            html.contains(
                "<li class=\"l2\"><a href=\"#second-part\" lang=\"ru\">Вторая часть</a></li>"
            ),
            "{html}"
        );
        assert!(html
            .contains("<li class=\"l2\"><a href=\"#first-part\" lang=\"en\">First part</a></li>"));
        assert!(html.contains("<title>Тақырып</title>"));
        // The note and its reference link to each other.
        assert!(html.contains("<a href=\"#fn-a\" role=\"doc-noteref\">1</a>"));
        assert!(html.contains("<li id=\"fn-a\" value=\"1\">"));
        assert!(html.contains("href=\"#_ref-fn-a-1\""));
    }

    /// Untrusted text that opens a tag the trusted markup after it would close is text.
    #[test]
    fn markup_across_the_trust_boundary_is_text() {
        let markdown = "Text <a title=\"x\">link</a>\n".to_string();
        let ed = Edition {
            locale: "fr".into(),
            untrusted: std::iter::once(0..15).collect(),
            markdown,
            anchors: Vec::new(),
            allowed_html: Vec::new(),
            allowed_images: Vec::new(),
            english_links: EnglishLinks::default(),
            counts: EditionCounts::default(),
            reader: false,
        };
        let body = body_html(&ed);
        assert!(
            body.html.contains("Text &lt;a title=\"x\"&gt;link"),
            "{}",
            body.html
        );
        assert!(!body.html.contains("<a "));
    }

    #[test]
    fn bare_urls_become_links_without_trailing_punctuation() {
        let mut events = Vec::new();
        linkify(
            "See https://a.org/x_(y). And (http://b.org/z), end.",
            &mut events,
        );
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        assert_eq!(
            html,
            "See <a href=\"https://a.org/x_(y)\">https://a.org/x_(y)</a>. And (<a href=\"http://b.org/z\">http://b.org/z</a>), end."
        );
    }

    /// A translation keeps every link the English has, a backslash in its path or another
    /// scheme (they were rendered as plain text); links to scripts and data never render.
    #[test]
    fn a_translation_keeps_the_english_links() {
        let source = "[link](foo\\bar) and [chat](irc://irc.example.org/x).\n\n[foo]\n\n\
                      [foo]: /url\\bar\\*baz \"t\"\n";
        let fr = "intro-p1 = [lien](foo\\bar) et [chat](irc://irc.example.org/x), \
                  [x](javascript:alert(1)), [y](ftp://example.org/f).\n\
                  intro-p2 = Ł [foo]\n";
        let html = render(source, "fr", &[("fr", fr)]);
        assert!(html.contains("<a href=\"foo%5Cbar\">lien</a>"), "{html}");
        assert!(html.contains("<a href=\"irc://irc.example.org/x\">chat</a>"));
        assert!(html.contains("Ł <a href=\"/url%5Cbar*baz\" title=\"t\">foo</a>"));
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("href=\"ftp:"), "{html}");
    }

    #[test]
    fn editions_in_switcher_order() {
        let c = Config::parse("locales = [\"kk\", \"fr\"]\n", None).expect("config");
        assert_eq!(edition_locales(&c), ["en", "kk", "kk-Latn", "fr"]);
        assert_eq!(label("kk-Latn", "contents"), "Mazmūny");
        assert_eq!(label("kk", "contents"), "Мазмұны");
    }

    #[test]
    fn dangerous_urls() {
        assert!(script_url("javascript:alert(1)"));
        assert!(script_url(" JaVa\tScRipt:x"));
        assert!(script_url("data:text/html,x"));
        assert!(!script_url("https://example.org"));
        for ok in [
            "https://example.org/x?y#z",
            "http://a.b",
            "mailto:a@b.org",
            "#fn-1",
            "../fr/doc.html",
            "page.html",
            "foo\\bar",
            "/url\\bar*baz",
        ] {
            assert!(allowed_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "java\nscript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:x",
            "file:///etc/passwd",
            "ftp://x",
            "\u{1}javascript:x",
        ] {
            assert!(!allowed_url(bad), "{bad:?}");
        }
    }
}
