//! The review pages: `dossier diff LOCALE --html FILE` (every stale and missing message
//! side by side — the English as it was translated → the English now as a word diff, and
//! the current translation) and `dossier diff LOCALE --since REV --html FILE` (every
//! translation changed since a revision: the English, and the translation then → now).
//! Each message's Markdown is shown formatted (emphasis, links, footnote marks), with its
//! place in the locale file. Standalone, no scripts, the editions' design.

use std::fmt::Write as _;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::change::Piece;
use crate::escape::html;
use crate::render;

/// A text shown on the page: as it is, or as a word diff.
#[derive(Debug, Clone, Copy)]
pub enum Text<'a> {
    Plain(&'a str),
    /// Changed runs already grouped (`change::word_diff`).
    Diff(&'a [Piece]),
}

/// One message to review.
pub struct Item<'a> {
    pub doc: &'a str,
    pub id: &'a str,
    /// "stale", "missing", "rejected"; "changed", "added", "removed" (since a revision).
    pub state: &'a str,
    pub class: Option<&'a str>,
    /// Where the message is: `locales/<l>/<doc>.ftl:LINE` (the file alone when the
    /// message is not in it).
    pub location: String,
    /// The English (none for an id the reference no longer has).
    pub english: Option<Text<'a>>,
    pub translation: Option<Text<'a>>,
    /// Translation-memory matches, best first.
    pub suggestions: &'a [crate::suggest::Suggestion],
    /// A reviewer's reason for rejecting the translation (state "rejected").
    pub note: Option<&'a str>,
}

/// What a page is about: its title, the line under the masthead, the legend over the
/// messages, and what it says when there is nothing to review.
pub struct Heading<'a> {
    pub title: String,
    pub status: String,
    pub legend: &'a str,
    pub empty: &'a str,
    /// The heading over the English column when it is a diff.
    pub english_diff: &'a str,
    /// The heading over the translation column when it is a diff.
    pub translation_diff: &'a str,
}

const CSS: &str = include_str!("assets/review.css");

/// The `diff --html` page of `locale`.
pub fn page(locale: &str, items: &[Item]) -> String {
    let stale = items.iter().filter(|i| i.state == "stale").count();
    let missing = items.len() - stale;
    let name = crate::ui::display_name(locale);
    let heading = Heading {
        title: format!("Review: {name} ({locale})"),
        status: format!(
            "<strong>dossier diff</strong> · {} · {} to review: {stale} stale, {missing} missing",
            html(locale),
            items.len()
        ),
        legend: "Left, the English: what the translation was made from → what it says now, \
                 <del>removed words</del> and <ins>added words</ins> marked. Right, the \
                 current translation.",
        empty: "Nothing to review: every message is translated and current.",
        english_diff: "English: as translated → now",
        translation_diff: "translation",
    };
    page_with(locale, &heading, items)
}

/// The `diff --since REV --html` page of `locale`.
pub fn since_page(locale: &str, rev: &str, items: &[Item]) -> String {
    let name = crate::ui::display_name(locale);
    let heading = Heading {
        title: format!("Changed since {rev}: {name} ({locale})"),
        status: format!(
            "<strong>dossier diff --since {}</strong> · {} · {} translation(s) changed",
            html(rev),
            html(locale),
            items.len()
        ),
        legend: "Left, the English now. Right, the translation: as it was at the revision → \
                 now, <del>removed words</del> and <ins>added words</ins> marked.",
        empty: "No translation changed since this revision.",
        english_diff: "English",
        translation_diff: "translation: then → now",
    };
    page_with(locale, &heading, items)
}

fn page_with(locale: &str, h: &Heading, items: &[Item]) -> String {
    let mut out = render::head("en", &h.title, "", &[render::CSS, CSS]);
    out.push_str("<body class=\"review\">\n<header class=\"masthead\">\n<div class=\"wrap\">\n");
    let _ = writeln!(out, "<p class=\"status\">{}</p>", h.status);
    out.push_str("</div>\n</header>\n<main class=\"wrap\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", html(&h.title));
    if items.is_empty() {
        let _ = writeln!(out, "<p class=\"empty\">{}</p>", html(h.empty));
    } else {
        let _ = writeln!(out, "<p class=\"legend\">{}</p>", h.legend);
        out.push_str(
            "<nav class=\"toc\" aria-labelledby=\"_toc\">\n<h2 id=\"_toc\">Messages</h2>\n<ol>\n",
        );
        for it in items {
            let _ = writeln!(out, "<li>{}</li>", label(it));
        }
        out.push_str("</ol>\n</nav>\n");
    }
    let mut doc = "";
    for it in items {
        if it.doc != doc {
            if !doc.is_empty() {
                out.push_str("</section>\n");
            }
            doc = it.doc;
            let _ = writeln!(
                out,
                "<section class=\"doc\">\n<h2>{}</h2>",
                html(&format!("{}.md", it.doc))
            );
        }
        item(&mut out, locale, h, it);
    }
    if !doc.is_empty() {
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The message's id linking to its entry, its state and change class as badges.
fn label(it: &Item) -> String {
    format!(
        "<a href=\"#{}\"><code>{}</code></a> <span class=\"badge {}\">{}</span>{}",
        anchor(it),
        html(it.id),
        html(it.state),
        html(it.state),
        it.class
            .map(|c| format!(" <span class=\"badge class\">{}</span>", html(c)))
            .unwrap_or_default()
    )
}

fn anchor(it: &Item) -> String {
    html(&format!("{}--{}", it.doc, it.id)).into_owned()
}

fn item(out: &mut String, locale: &str, h: &Heading, it: &Item) {
    let _ = writeln!(
        out,
        "<article class=\"item {}\" id=\"{}\">",
        html(it.state),
        anchor(it)
    );
    let _ = writeln!(
        out,
        "<h3>{} <span class=\"where\"><code>{}</code></span></h3>",
        label(it),
        html(&it.location)
    );
    out.push_str("<div class=\"cols\">\n<div class=\"col en\" lang=\"en\">\n");
    match it.english {
        Some(Text::Diff(d)) => {
            let _ = writeln!(
                out,
                "<h4>{}</h4>\n<p class=\"text diff\">{}</p>",
                html(h.english_diff),
                inline_diff(d)
            );
        }
        Some(Text::Plain(t)) => {
            let _ = writeln!(
                out,
                "<h4>English</h4>\n<p class=\"text\">{}</p>",
                inline_html(t)
            );
        }
        None => out.push_str(
            "<h4>English</h4>\n<p class=\"text none\">No longer in the English (an obsolete message).</p>\n",
        ),
    }
    let _ = writeln!(
        out,
        "</div>\n<div class=\"col tr\" lang=\"{}\">",
        html(locale)
    );
    let name = crate::ui::display_name(locale);
    match it.translation {
        Some(Text::Diff(d)) => {
            let _ = writeln!(
                out,
                "<h4 lang=\"en\">{} {}</h4>\n<p class=\"text diff\">{}</p>",
                html(name),
                html(h.translation_diff),
                inline_diff(d)
            );
        }
        Some(Text::Plain(t)) => {
            let _ = writeln!(
                out,
                "<h4 lang=\"en\">{} translation</h4>\n<p class=\"text\">{}</p>",
                html(name),
                inline_html(t)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "<h4 lang=\"en\">{} translation</h4>\n<p class=\"text none\" lang=\"en\">Not translated yet.</p>",
                html(name)
            );
        }
    }
    if let Some(note) = it.note {
        let _ = writeln!(
            out,
            "<p class=\"review-note\" lang=\"en\"><strong>Rejected:</strong> {}</p>",
            html(note)
        );
    }
    if !it.suggestions.is_empty() {
        out.push_str("<h4 lang=\"en\">Suggestions from the translation memory</h4>\n<ul class=\"suggestions\">\n");
        for sug in it.suggestions {
            let _ = writeln!(
                out,
                "<li><span class=\"badge class\" lang=\"en\">{}% · {}</span> {}</li>",
                sug.percent,
                html(&sug.id),
                inline_html(&sug.translation)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n</div>\n</article>\n");
}

// Where deleted and inserted runs start and end, inside the Markdown of a diff: private-use
// characters, which Markdown treats as text (any such character in a message is shown as
// U+FFFD instead).
const DEL_OPEN: char = '\u{E000}';
const DEL_CLOSE: char = '\u{E001}';
const INS_OPEN: char = '\u{E002}';
const INS_CLOSE: char = '\u{E003}';

fn is_marker(c: char) -> bool {
    matches!(c, DEL_OPEN | DEL_CLOSE | INS_OPEN | INS_CLOSE)
}

/// A message's Markdown as formatted inline HTML: emphasis, code, strike-through, links
/// (web, mail and relative addresses only; others show as their text), footnote marks as
/// superscript labels; raw HTML, images and everything else shown as text. Nothing from
/// the message becomes markup of its own.
pub fn inline_html(markdown: &str) -> String {
    render_inline(&markdown.replace(is_marker, "\u{FFFD}"))
}

/// A word diff as formatted inline HTML: the pieces' Markdown read as one text (the
/// English or translation as it was, with what was inserted), removed runs in `<del>`,
/// inserted ones in `<ins>`, each closed and reopened around the formatting it crosses so
/// the HTML nests.
pub fn inline_diff(pieces: &[Piece]) -> String {
    let mut md = String::new();
    for p in pieces {
        let text = p.text.replace(is_marker, "\u{FFFD}");
        match p.op {
            "delete" => {
                md.push(DEL_OPEN);
                md.push_str(&text);
                md.push(DEL_CLOSE);
            }
            "insert" => {
                md.push(INS_OPEN);
                md.push_str(&text);
                md.push(INS_CLOSE);
            }
            _ => md.push_str(&text),
        }
    }
    render_inline(&md)
}

/// Renders inline Markdown (with diff markers) as HTML; see [`inline_html`].
fn render_inline(md: &str) -> String {
    // A footnote mark renders only when its note is defined: define each one the text
    // refers to (the definitions themselves are not shown).
    let mut text = md.to_string();
    let labels = footnote_labels(md);
    if !labels.is_empty() {
        text.push_str("\n\n");
        for l in &labels {
            let _ = writeln!(text, "[^{l}]: .");
        }
    }
    let mut out = String::new();
    // The diff mark open at this point ("del" or "ins"), reopened after each tag.
    let mut mark: Option<&str> = None;
    let mut in_note = 0usize;
    let mut paragraphs = 0usize;
    // What closes each open link: `</a>`, or `</span>` for one shown as its text.
    let mut links: Vec<&str> = Vec::new();
    let tag = |out: &mut String, mark: Option<&str>, t: &str| {
        if let Some(m) = mark {
            let _ = write!(out, "</{m}>{t}<{m}>");
        } else {
            out.push_str(t);
        }
    };
    for ev in Parser::new_ext(&text, crate::segment::options()) {
        if in_note > 0 {
            match ev {
                Event::Start(Tag::FootnoteDefinition(_)) => in_note += 1,
                Event::End(TagEnd::FootnoteDefinition) => in_note -= 1,
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Start(Tag::FootnoteDefinition(_)) => in_note = 1,
            Event::Text(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t) => push_marked(&mut out, &mut mark, &t),
            Event::Code(t) => {
                tag(&mut out, mark, "<code>");
                push_marked(&mut out, &mut mark, &t);
                tag(&mut out, mark, "</code>");
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => tag(&mut out, mark, "<br>"),
            Event::FootnoteReference(l) => {
                let shown = html(&l).into_owned();
                tag(
                    &mut out,
                    mark,
                    &format!("<sup class=\"fnref\" title=\"note {shown}\">{shown}</sup>"),
                );
            }
            Event::Start(Tag::Paragraph) => {
                paragraphs += 1;
                if paragraphs > 1 {
                    tag(&mut out, mark, "<br><br>");
                }
            }
            Event::Start(Tag::Emphasis) => tag(&mut out, mark, "<em>"),
            Event::End(TagEnd::Emphasis) => tag(&mut out, mark, "</em>"),
            Event::Start(Tag::Strong) => tag(&mut out, mark, "<strong>"),
            Event::End(TagEnd::Strong) => tag(&mut out, mark, "</strong>"),
            Event::Start(Tag::Strikethrough) => tag(&mut out, mark, "<s>"),
            Event::End(TagEnd::Strikethrough) => tag(&mut out, mark, "</s>"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url: String = dest_url.chars().filter(|c| !is_marker(*c)).collect();
                if render::translation_may_link(&url) {
                    let open = format!("<a href=\"{}\">", html(&url));
                    tag(&mut out, mark, &open);
                    links.push("</a>");
                } else {
                    tag(&mut out, mark, "<span class=\"link\">");
                    links.push("</span>");
                }
            }
            Event::End(TagEnd::Link) => {
                let close = links.pop().unwrap_or("</a>");
                tag(&mut out, mark, close);
            }
            // An image shows as its alt text (the text events inside it).
            _ => {}
        }
    }
    // An unclosed mark (the diff cannot leave one, but text may hold a marker) is closed.
    if let Some(m) = mark {
        let _ = write!(out, "</{m}>");
    }
    out
}

/// Text with diff markers: escaped, the markers turned into `<del>`/`<ins>` tags.
fn push_marked(out: &mut String, mark: &mut Option<&str>, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(is_marker) {
        out.push_str(&html(&rest[..i]));
        let c = rest[i..].chars().next().unwrap_or(DEL_OPEN);
        match (c, *mark) {
            (DEL_OPEN, None) => {
                out.push_str("<del>");
                *mark = Some("del");
            }
            (INS_OPEN, None) => {
                out.push_str("<ins>");
                *mark = Some("ins");
            }
            (DEL_CLOSE | INS_CLOSE, Some(m)) => {
                let _ = write!(out, "</{m}>");
                *mark = None;
            }
            _ => {}
        }
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(&html(rest));
}

/// The labels of the footnote marks (`[^13]`) in a text, each once.
fn footnote_labels(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("[^") {
        let after = &rest[i + 2..];
        match after.find(']') {
            Some(end)
                if end > 0
                    && !after[..end]
                        .chars()
                        .any(|c| c.is_whitespace() || c == '[' || is_marker(c)) =>
            {
                let l = after[..end].to_string();
                if !out.contains(&l) {
                    out.push(l);
                }
                rest = &after[end..];
            }
            _ => rest = after,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::word_diff;

    fn item<'a>(
        id: &'a str,
        state: &'a str,
        english: Option<Text<'a>>,
        translation: Option<Text<'a>>,
        suggestions: &'a [crate::suggest::Suggestion],
    ) -> Item<'a> {
        Item {
            doc: "doc",
            id,
            state,
            class: (state == "stale").then_some("wording"),
            location: format!("locales/fr/doc.ftl:{}", id.len()),
            english,
            translation,
            suggestions,
            note: None,
        }
    }

    #[test]
    fn review_page_marks_changes_and_escapes_everything() {
        let diff = word_diff("The court ruled.", "The <b>high</b> court ruled.");
        let sugg = [crate::suggest::Suggestion {
            id: "p9".into(),
            percent: 72,
            source: "The court.".into(),
            translation: "La cour <i>".into(),
        }];
        let items = [
            item(
                "p1",
                "stale",
                Some(Text::Diff(&diff)),
                Some(Text::Plain("La cour <script>alert(1)</script> a statué.")),
                &[],
            ),
            item(
                "p2",
                "missing",
                Some(Text::Plain("New \" onmouseover=\"x")),
                None,
                &sugg,
            ),
        ];
        let html = page("fr", &items);
        assert!(
            html.contains(
                "<span class=\"badge class\" lang=\"en\">72% · p9</span> La cour &lt;i&gt;"
            ),
            "{html}"
        );
        assert!(
            html.contains("<ins>&lt;b&gt;high&lt;/b&gt; </ins>"),
            "{html}"
        );
        assert!(html.contains("La cour &lt;script&gt;alert(1)&lt;/script&gt; a statué."));
        assert!(html.contains("New &quot; onmouseover=&quot;x"));
        assert!(!html.contains("<script"));
        assert!(html.contains("<div class=\"col tr\" lang=\"fr\">"));
        assert!(html.contains("1 stale, 1 missing"));
        assert!(html.contains("id=\"doc--p2\""));
        assert!(html.contains("<code>locales/fr/doc.ftl:2</code>"), "{html}");
    }

    #[test]
    fn markdown_is_shown_formatted_and_never_as_markup_of_its_own() {
        assert_eq!(
            inline_html("Le *Conseil d'État* a statué.[^13]"),
            "Le <em>Conseil d&#39;État</em> a statué.<sup class=\"fnref\" title=\"note 13\">13</sup>"
        );
        assert_eq!(
            inline_html("**HRW** [report](https://hrw.org/a \"t\") and `code`"),
            "<strong>HRW</strong> <a href=\"https://hrw.org/a\">report</a> and <code>code</code>"
        );
        // Script links show as text; raw HTML is text; an image is its alt text.
        let bad = inline_html("[x](javascript:alert(1)) <img src=x onerror=y> ![a](data:x)");
        assert!(!bad.contains("<a "), "{bad}");
        assert!(!bad.contains("<img"), "{bad}");
        assert!(bad.contains("&lt;img src=x onerror=y&gt;"), "{bad}");
        // A marker character in the text is not taken for a diff mark.
        assert_eq!(inline_html("a\u{E000}b"), "a\u{FFFD}b");
    }

    #[test]
    fn a_diff_keeps_its_marks_nested_inside_formatting() {
        let d = word_diff(
            "the *Conseil d'État* ruled",
            "the *Conseil* ruled in 2019[^4]",
        );
        let h = inline_diff(&d);
        assert!(h.starts_with("the <em>Conseil"), "{h}");
        assert!(h.contains("<del>"), "{h}");
        assert!(h.contains("<ins>"), "{h}");
        assert!(
            h.contains("<sup class=\"fnref\" title=\"note 4\">4</sup>"),
            "{h}"
        );
        // Every opened mark is closed, in order.
        let opens = h.matches("<del>").count() + h.matches("<ins>").count();
        let closes = h.matches("</del>").count() + h.matches("</ins>").count();
        assert_eq!(opens, closes, "{h}");
        assert!(nests(&h), "{h}");
    }

    /// True when every tag of `h` (but `<br>`) is closed in the order opened.
    fn nests(h: &str) -> bool {
        let mut open: Vec<&str> = Vec::new();
        for piece in h.split('<').skip(1) {
            let tag = &piece[..piece.find('>').unwrap_or(piece.len())];
            let name = tag.split_whitespace().next().unwrap_or("");
            if name == "br" {
                continue;
            }
            match name.strip_prefix('/') {
                Some(closing) => {
                    if open.pop() != Some(closing) {
                        return false;
                    }
                }
                None => open.push(name),
            }
        }
        open.is_empty()
    }
}
