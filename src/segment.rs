//! Splitting a Markdown document into translatable segments.
//!
//! A segment is the inline content of one leaf block (heading, paragraph, list item,
//! table cell, footnote definition paragraph), as a byte range of the source. Everything
//! between segments is the skeleton, copied through untouched, so rendering the English
//! from its segments reproduces the source byte for byte.

use std::ops::Range;

use memchr::memmem;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Heading(u8),
    Paragraph,
    ListItem,
    TableCell,
    /// A paragraph of a footnote definition: its label and its index in the definition.
    Footnote(String, usize),
}

#[derive(Debug, Clone)]
pub struct Segment {
    pub kind: Kind,
    /// Byte range of the segment in the source.
    pub span: Range<usize>,
    /// The text translators see: the span with container prefixes (`> `, list indentation)
    /// removed from continuation lines.
    pub text: String,
    /// What goes before each continuation line when a translation is put back.
    pub line_prefix: String,
    /// False for segments with no words outside URLs (a bare link footnote, a number):
    /// they are copied through and never sent to translators.
    pub translatable: bool,
    /// Index (in `segments`) of the nearest heading before this segment.
    pub heading: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub src: String,
    pub segments: Vec<Segment>,
}

/// The Markdown the tool reads: CommonMark with what documentation projects use beyond it
/// (GitHub's tables, strikethrough, task lists, footnotes and `> [!NOTE]` admonitions, and
/// YAML front matter, which is copied through untranslated).
pub fn options() -> Options {
    Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_GFM
}

/// An HTML comment that keeps the block after it untranslated: its segments are copied
/// through and never sent to translators (`<!-- dossier: do not translate -->`; case,
/// spaces and the colon do not matter).
pub const DO_NOT_TRANSLATE: &str = "<!-- dossier: do not translate -->";

/// True when an HTML block is the do-not-translate marker.
fn is_marker(html: &str) -> bool {
    let Some(inner) = html
        .trim()
        .strip_prefix("<!--")
        .and_then(|h| h.strip_suffix("-->"))
    else {
        return false;
    };
    let words: Vec<String> = inner
        .split(|c: char| c.is_whitespace() || c == ':')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words == ["dossier", "do", "not", "translate"]
}

#[derive(Debug)]
enum Container {
    Heading(u8),
    Paragraph,
    Item,
    Cell,
    Footnote(String, usize),
    Quote,
    Other,
}

/// Segments a Markdown document. Never fails: any text is valid Markdown.
///
/// Takes the text by value when it can (`String`), so it is not copied.
pub fn segment(src: impl Into<String>) -> Document {
    segment_keeping_events(src, false).0
}

/// The parser's events for a whole text with their byte ranges, owning their strings.
pub type Events = Vec<(Event<'static>, Range<usize>)>;

/// `segment`; with `keep`, also the events segmenting read (the parser's, with the
/// options rendering uses: `render::page_parsed` renders the text from them instead of
/// parsing it a second time).
pub fn segment_keeping_events(src: impl Into<String>, keep: bool) -> (Document, Option<Events>) {
    let owned: String = src.into();
    // About one event for every 50 bytes of prose: room enough not to grow.
    let mut events = keep.then(|| Vec::with_capacity(owned.len() / 32));
    let segments = segments(&owned, events.as_mut());
    let document = Document {
        src: owned,
        segments,
    };
    (document, events)
}

fn segments(src: &str, mut kept: Option<&mut Events>) -> Vec<Segment> {
    let mut segments: Vec<Segment> = Vec::new();
    let mut stack: Vec<Container> = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let mut skip_depth = 0usize; // inside code blocks, HTML blocks, metadata
    let mut last_heading: Option<usize> = None;
    // After a do-not-translate marker: the next block is kept as it is. `Some(n)` while
    // inside it (it started when the stack held `n` containers).
    let mut marker_seen = false;
    let mut kept_block: Option<usize> = None;

    let close = |run: &mut Option<Range<usize>>,
                 stack: &[Container],
                 segments: &mut Vec<Segment>,
                 last_heading: &mut Option<usize>,
                 kept: bool| {
        let Some(r) = run.take() else { return };
        let raw = &src[r.clone()];
        if raw.trim().is_empty() {
            return;
        }
        let kind = kind_of(stack);
        let quoted = stack.iter().any(|c| matches!(c, Container::Quote));
        let (text, line_prefix) = strip_prefixes(src, r.clone(), quoted);
        let translatable = !kept && has_words(&text);
        let heading = *last_heading;
        if matches!(kind, Kind::Heading(_)) {
            *last_heading = Some(segments.len());
        }
        segments.push(Segment {
            kind,
            span: r,
            text,
            line_prefix,
            translatable,
            heading,
        });
    };

    for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
        if let Some(kept) = kept.as_mut() {
            kept.push((event.clone().into_static(), range.clone()));
        }
        match event {
            Event::Start(tag) => {
                if skip_depth == 0 && !is_inline(&tag) {
                    let copied = matches!(
                        tag,
                        Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)
                    );
                    if marker_seen && !copied {
                        kept_block.get_or_insert(stack.len());
                    }
                    marker_seen = matches!(tag, Tag::HtmlBlock) && is_marker(&src[range.clone()]);
                }
                if skip_depth > 0
                    || matches!(
                        tag,
                        Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)
                    )
                {
                    if !is_inline(&tag) {
                        close(
                            &mut run,
                            &stack,
                            &mut segments,
                            &mut last_heading,
                            kept_block.is_some(),
                        );
                    }
                    if skip_depth > 0 || !is_inline(&tag) {
                        skip_depth += 1;
                    }
                    continue;
                }
                if is_inline(&tag) {
                    extend(src, &mut run, range);
                    continue;
                }
                close(
                    &mut run,
                    &stack,
                    &mut segments,
                    &mut last_heading,
                    kept_block.is_some(),
                );
                // A footnote definition counts its paragraphs.
                if let (Tag::Paragraph, Some(Container::Footnote(_, n))) = (&tag, stack.last_mut())
                {
                    *n += 1;
                }
                let footnote = match stack.last() {
                    Some(Container::Footnote(label, n)) => {
                        Some(Container::Footnote(label.clone(), *n))
                    }
                    _ => None,
                };
                stack.push(match tag {
                    Tag::Heading { level, .. } => Container::Heading(level as u8),
                    Tag::Paragraph => footnote.unwrap_or(Container::Paragraph),
                    Tag::Item => Container::Item,
                    Tag::TableCell => Container::Cell,
                    Tag::FootnoteDefinition(label) => Container::Footnote(label.to_string(), 0),
                    Tag::BlockQuote(_) => Container::Quote,
                    _ => Container::Other,
                });
            }
            Event::End(end) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                if is_inline_end(&end) {
                    extend(src, &mut run, range);
                    continue;
                }
                close(
                    &mut run,
                    &stack,
                    &mut segments,
                    &mut last_heading,
                    kept_block.is_some(),
                );
                stack.pop();
                if kept_block.is_some_and(|n| stack.len() <= n) {
                    kept_block = None;
                }
            }
            Event::Text(_)
            | Event::Code(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {
                if skip_depth == 0 {
                    extend(src, &mut run, range);
                }
            }
            // A task's box (`[ ]`, `[x]`) stays in the skeleton: it is not for translators.
            Event::TaskListMarker(_) => {}
            Event::Html(_) | Event::Rule => {
                if skip_depth == 0 {
                    close(
                        &mut run,
                        &stack,
                        &mut segments,
                        &mut last_heading,
                        kept_block.is_some(),
                    );
                }
            }
        }
    }
    close(
        &mut run,
        &stack,
        &mut segments,
        &mut last_heading,
        kept_block.is_some(),
    );
    segments
}

/// Inline tags: their text belongs to the segment around them.
pub fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

pub fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Adds an event's range to the segment being collected. The parser leaves the backslash
/// of an escape (`\*`) out of the text it escapes: a segment starting with an escape takes
/// its backslash, so the message is the inline content exactly as written (a backslash
/// just before a segment's first character is always its escape: block markers hold none).
fn extend(src: &str, run: &mut Option<Range<usize>>, r: Range<usize>) {
    *run = Some(match run.take() {
        Some(cur) => cur.start.min(r.start)..cur.end.max(r.end),
        None => {
            let escaped = r.start > 0
                && src.as_bytes()[r.start - 1] == b'\\'
                && src
                    .as_bytes()
                    .get(r.start)
                    .is_some_and(u8::is_ascii_punctuation);
            if escaped {
                r.start - 1..r.end
            } else {
                r
            }
        }
    });
}

fn kind_of(stack: &[Container]) -> Kind {
    for c in stack.iter().rev() {
        match c {
            Container::Heading(l) => return Kind::Heading(*l),
            Container::Footnote(label, n) => return Kind::Footnote(label.clone(), (*n).max(1)),
            Container::Item => return Kind::ListItem,
            Container::Cell => return Kind::TableCell,
            Container::Paragraph | Container::Quote | Container::Other => {}
        }
    }
    Kind::Paragraph
}

/// The segment text without container prefixes on continuation lines, and the prefix to
/// put back when a translation with line breaks is rendered.
fn strip_prefixes(src: &str, r: Range<usize>, quoted: bool) -> (String, String) {
    let raw = &src[r.clone()];
    let line_start = src[..r.start].rfind('\n').map_or(0, |i| i + 1);
    let first_prefix: String = src[line_start..r.start]
        .chars()
        .map(|c| if c == '>' || c == ' ' { c } else { ' ' })
        .collect();
    if !raw.contains('\n') {
        return (raw.to_string(), first_prefix);
    }
    let mut text = String::with_capacity(raw.len());
    let mut prefix: Option<String> = None;
    for (i, line) in raw.split('\n').enumerate() {
        if i == 0 {
            text.push_str(line);
            continue;
        }
        text.push('\n');
        let cut = line
            .char_indices()
            .find(|&(_, c)| !(c == ' ' || (quoted && c == '>')))
            .map_or(line.len(), |(k, _)| k);
        if prefix.is_none() {
            prefix = Some(line[..cut].to_string());
        }
        text.push_str(&line[cut..]);
    }
    (text, prefix.unwrap_or(first_prefix))
}

/// True when the text has a letter outside URLs and link destinations.
pub fn has_words(text: &str) -> bool {
    // Usually a letter comes before anything that could start a removed part (`<`, `]`,
    // `[`, or a letter beginning a URL): then that letter is kept.
    let first = text
        .char_indices()
        .find(|&(_, c)| c.is_alphabetic() || "<[]".contains(c));
    if let Some((i, c)) = first {
        let rest = &text[i..];
        if c.is_alphabetic()
            && !(rest.starts_with("http://")
                || rest.starts_with("https://")
                || rest.starts_with("www."))
        {
            return true;
        }
    }
    let mut found = false;
    for_each_kept(text, |piece| {
        found = found || piece.chars().any(char::is_alphabetic)
    });
    found
}

/// The text with autolinks, bare URLs, link destinations and footnote references removed.
pub fn strip_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_kept(text, |piece| out.push_str(piece));
    out
}

/// Calls `keep` with the pieces of `text` that `strip_urls` keeps, in order: autolinks
/// `<scheme:…>` (no space inside), link destinations `](…)` (the `]` stays), footnote
/// references `[^…]` and bare URLs (`http://`, `https://`, `www.` up to whitespace) are left
/// out. Linear in the text: each search for a closing character resumes where the last
/// one stopped.
pub fn for_each_kept(text: &str, mut keep: impl FnMut(&str)) {
    let b = text.as_bytes();
    let after = |from: usize| b.get(from..).unwrap_or_default();
    let mut gt_or_space = Next::new(|from| memchr::memchr2(b'>', b' ', after(from)));
    let mut colon = Next::new(|from| memchr::memchr(b':', after(from)));
    let mut paren = Next::new(|from| memchr::memchr(b')', after(from)));
    let mut bracket = Next::new(|from| memchr::memchr(b']', after(from)));
    // Where something to remove can start: `<`, `]`, `[`, `http` or `www.` (SIMD searches,
    // so that the bytes between are not looked at one by one).
    let mut marks = Next::new(|from| memchr::memchr3(b'<', b']', b'[', after(from)));
    let mut https = Next::new(|from| HTTP.find(after(from)));
    let mut wwws = Next::new(|from| WWW.find(after(from)));
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let Some(at) = [marks.from(i), https.from(i), wwws.from(i)]
            .into_iter()
            .flatten()
            .min()
        else {
            break;
        };
        i = at;
        // Only ASCII bytes start something to remove, and those are character boundaries.
        let skip_to = match b[i] {
            b'<' => gt_or_space
                .from(i + 1)
                .filter(|&e| b[e] == b'>' && colon.from(i + 1).is_some_and(|c| c < e))
                .map(|e| (i, e + 1)),
            b']' if b.get(i + 1) == Some(&b'(') => paren.from(i + 2).map(|e| (i + 1, e + 1)),
            b'[' if b.get(i + 1) == Some(&b'^') => bracket.from(i + 2).map(|e| (i, e + 1)),
            b'h' | b'w'
                if text[i..].starts_with("http://")
                    || text[i..].starts_with("https://")
                    || text[i..].starts_with("www.") =>
            {
                let end = text[i..]
                    .find(char::is_whitespace)
                    .map_or(b.len(), |k| i + k);
                Some((i, end))
            }
            _ => None,
        };
        match skip_to {
            Some((cut, resume)) => {
                keep(&text[start..cut]);
                (start, i) = (resume, resume);
            }
            None => i += 1,
        }
    }
    keep(&text[start..]);
}

/// Searchers built once (building one costs more than searching a short text).
static HTTP: std::sync::LazyLock<memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memmem::Finder::new("http"));
static WWW: std::sync::LazyLock<memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memmem::Finder::new("www."));

/// The first position at or after a given one where `find` finds something (`find` is
/// given the position and answers relative to it), remembering the last answer: asked
/// for growing positions, it never scans a byte twice.
struct Next<F> {
    find: F,
    from: usize,
    found: Option<usize>,
}

impl<F: Fn(usize) -> Option<usize>> Next<F> {
    fn new(find: F) -> Self {
        Next {
            find,
            from: usize::MAX,
            found: None,
        }
    }

    fn from(&mut self, from: usize) -> Option<usize> {
        let still_valid = from >= self.from && self.found.is_none_or(|f| f >= from);
        if !still_valid {
            self.from = from;
            self.found = (self.find)(from).map(|k| from + k);
        }
        self.found
    }
}

/// A readable Fluent identifier from heading text: ASCII letters and digits, hyphens.
pub fn slug(text: &str) -> String {
    let plain = strip_urls(text).replace(['\'', '’'], "");
    let mut out = String::new();
    for word in plain
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() && out.len() + 1 + word.len() > MAX_SLUG {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out.truncate(MAX_SLUG.max(out.find('-').unwrap_or(MAX_SLUG)));
    match out.chars().next() {
        None => "section".to_string(),
        Some(c) if c.is_ascii_digit() => format!("s-{out}"),
        _ => out,
    }
}

/// Heading ids stop at a whole word before this length.
const MAX_SLUG: usize = 40;

/// Makes a Fluent identifier from a footnote label.
pub fn label_id(label: &str) -> String {
    let clean: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let clean = clean.trim_matches('-');
    let mut id = String::with_capacity(3 + clean.len());
    id.push_str("fn-");
    id.push_str(clean);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<(Kind, String, bool)> {
        segment(src)
            .segments
            .into_iter()
            .map(|s| (s.kind, s.text, s.translatable))
            .collect()
    }

    #[test]
    fn blocks_become_segments_with_inline_markup_inside() {
        let src = "# Title\n\nA *b* [^1] c.\n\n- one\n- two **x**\n\n> quoted\n> more\n\n```\ncode\n```\n\n[^1]: <https://x.org/a>\n\n[^2]: Text note.\n";
        assert_eq!(
            texts(src),
            vec![
                (Kind::Heading(1), "Title".into(), true),
                (Kind::Paragraph, "A *b* [^1] c.".into(), true),
                (Kind::ListItem, "one".into(), true),
                (Kind::ListItem, "two **x**".into(), true),
                (Kind::Paragraph, "quoted\nmore".into(), true),
                (
                    Kind::Footnote("1".into(), 1),
                    "<https://x.org/a>".into(),
                    false
                ),
                (Kind::Footnote("2".into(), 1), "Text note.".into(), true),
            ]
        );
    }

    /// The backslash of an escape at the start of a block stays in the segment (it was
    /// left in the skeleton: `\*x*` translated as `T *x*` rendered `\T <em>x</em>`).
    #[test]
    fn an_escape_at_the_start_of_a_segment_is_part_of_it() {
        for (src, text) in [
            ("\\*not emphasized*\n", "\\*not emphasized*"),
            ("\\\\*emphasis*\n", "\\\\*emphasis*"),
            ("\\[foo]\n\n[foo]: /url \"title\"\n", "\\[foo]"),
            ("# \\# not a heading\n", "\\# not a heading"),
            ("- \\* item\n", "\\* item"),
            ("> \\> quoted\n", "\\> quoted"),
            ("| \\| a |\n|---|\n| b |\n", "\\| a"),
            ("Text \\*x*\n", "Text \\*x*"),
        ] {
            let d = segment(src);
            assert_eq!(d.segments[0].text, text, "{src:?}");
            let r = &d.segments[0].span;
            assert_eq!(&d.src[r.clone()], text, "{src:?}");
        }
    }

    /// What documentation projects write beyond CommonMark: front matter and HTML comments
    /// are copied through, task boxes and admonition tags stay in the skeleton, and the
    /// block after a do-not-translate marker is not sent to translators.
    #[test]
    fn documentation_markdown_beyond_commonmark() {
        let src = "---\ntitle: A chapter\ntags: [a, b]\n---\n\n# Chapter\n\n\
                   <!-- a comment for editors -->\n\n\
                   - [ ] open task\n- [x] done task\n\n\
                   > [!NOTE]\n> Read this first.\n\n\
                   | Name | ~~Old~~ |\n|---|---|\n| cell | text |\n\n\
                   <!-- Dossier: do not translate -->\n\
                   | Command | Effect |\n|---|---|\n| `ls` | lists files |\n\n\
                   After the table.\n\n\
                   <!-- dossier: do not translate -->\n\n\
                   - kept\n  - kept too\n\n\
                   Translated again.\n";
        let got: Vec<(String, bool)> = segment(src)
            .segments
            .into_iter()
            .map(|s| (s.text, s.translatable))
            .collect();
        let want: Vec<(String, bool)> = [
            ("Chapter", true),
            ("open task", true),
            ("done task", true),
            ("Read this first.", true),
            ("Name", true),
            ("~~Old~~", true),
            ("cell", true),
            ("text", true),
            ("Command", false),
            ("Effect", false),
            ("`ls`", false),
            ("lists files", false),
            ("After the table.", true),
            ("kept", false),
            ("kept too", false),
            ("Translated again.", true),
        ]
        .into_iter()
        .map(|(t, b)| (t.to_string(), b))
        .collect();
        assert_eq!(got, want);
        // A marker before code or HTML, which are copied anyway, keeps nothing else.
        let d = segment("<!-- dossier: do not translate -->\n```\ncode\n```\n\nText.\n");
        assert!(d.segments[0].translatable);
        assert!(is_marker("<!--dossier:do not translate-->\n"));
        assert!(!is_marker("<!-- dossier: translate -->"));
    }

    #[test]
    fn slugs_are_identifiers() {
        assert_eq!(slug("Opposition to regime"), "opposition-to-regime");
        assert_eq!(slug("2023: a year"), "s-2023-a-year");
        assert_eq!(
            slug("Dismissals of prosecution in other national jurisdictions"),
            "dismissals-of-prosecution-in-other"
        );
        assert_eq!(slug("Nazarbayev's regime"), "nazarbayevs-regime");
        assert_eq!(slug("Кириллица"), "section");
        assert_eq!(label_id("12"), "fn-12");
    }

    /// The straightforward definition `strip_urls` keeps to (the scan is linear instead).
    fn strip_urls_by_definition(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('<') {
                if let Some(end) = after.find('>') {
                    if after[..end].contains(':') && !after[..end].contains(' ') {
                        rest = &after[end + 1..];
                        continue;
                    }
                }
            }
            if let Some(after) = rest.strip_prefix("](") {
                if let Some(end) = after.find(')') {
                    out.push(']');
                    rest = &after[end + 1..];
                    continue;
                }
            }
            if let Some(after) = rest.strip_prefix("[^") {
                if let Some(end) = after.find(']') {
                    rest = &after[end + 1..];
                    continue;
                }
            }
            if rest.starts_with("http://")
                || rest.starts_with("https://")
                || rest.starts_with("www.")
            {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                rest = &rest[end..];
                continue;
            }
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                out.push(c);
            }
            rest = chars.as_str();
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn urls_are_stripped_as_defined(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "<", ">", ":", " ", "](", ")", "]", "[^", "[", "^", "http://", "https://", "www.",
                "h", "w", "a", "é", "Ж", "1", "\n", "\t", "x.org", "<https://a.b/c>", "\u{a0}",
            ]), 0..24)
        ) {
            let text = pieces.concat();
            let expected = strip_urls_by_definition(&text);
            proptest::prop_assert_eq!(&strip_urls(&text), &expected);
            proptest::prop_assert_eq!(has_words(&text), expected.chars().any(char::is_alphabetic));
        }
    }

    /// Unclosed openers, each of which once searched the rest of the text again (minutes
    /// for this size); the scan is linear now.
    #[test]
    fn hostile_text_is_stripped_in_one_pass() {
        for unit in ["<", "<:", "](", "[^", "< x>"] {
            let text = unit.repeat(200_000);
            assert_eq!(strip_urls(&text), text, "{unit}");
        }
        assert_eq!(strip_urls(&"http://x".repeat(200_000)), "");
        assert!(!has_words(&"<a:b>".repeat(200_000)));
    }
}
