//! The review page of `dossier diff LOCALE --html FILE`: every stale and missing message
//! side by side — the English as it was translated → the English now as a word diff, and
//! the current translation. Standalone, no scripts, the editions' design.

use std::fmt::Write as _;

use crate::change::Piece;
use crate::escape::html;
use crate::render;

/// One message to review.
pub struct Item<'a> {
    pub doc: &'a str,
    pub id: &'a str,
    /// "stale", "missing" or "rejected".
    pub state: &'a str,
    pub class: Option<&'a str>,
    /// The English the translation was made from (stale messages).
    pub source_before: Option<&'a str>,
    pub source_now: &'a str,
    pub translation: Option<&'a str>,
    /// Word diff from `source_before` to `source_now` (changed runs already grouped).
    pub diff: &'a [Piece],
    /// Translation-memory matches, best first.
    pub suggestions: &'a [crate::suggest::Suggestion],
    /// A reviewer's reason for rejecting the translation (state "rejected").
    pub note: Option<&'a str>,
}

const CSS: &str = include_str!("assets/review.css");

/// The page; texts are shown as written (Markdown source), escaped.
pub fn page(locale: &str, items: &[Item]) -> String {
    let stale = items.iter().filter(|i| i.state == "stale").count();
    let missing = items.len() - stale;
    let name = crate::ui::display_name(locale);
    let title = format!("Review: {name} ({locale})");
    let mut out = render::head("en", &title, "", &[render::CSS, CSS]);
    out.push_str("<body class=\"review\">\n<header class=\"masthead\">\n<div class=\"wrap\">\n");
    let _ = writeln!(
        out,
        "<p class=\"status\"><strong>dossier diff</strong> · {} · {} to review: {stale} stale, {missing} missing</p>",
        html(locale),
        items.len()
    );
    out.push_str("</div>\n</header>\n<main class=\"wrap\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", html(&title));
    if items.is_empty() {
        out.push_str(
            "<p class=\"empty\">Nothing to review: every message is translated and current.</p>\n",
        );
    } else {
        out.push_str(
            "<p class=\"legend\">Left, the English: what the translation was made from → what it \
             says now, <del>removed words</del> and <ins>added words</ins> marked. Right, the \
             current translation.</p>\n",
        );
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
        item(&mut out, locale, it);
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

fn item(out: &mut String, locale: &str, it: &Item) {
    let _ = writeln!(
        out,
        "<article class=\"item {}\" id=\"{}\">",
        html(it.state),
        anchor(it)
    );
    let _ = writeln!(out, "<h3>{}</h3>", label(it));
    out.push_str("<div class=\"cols\">\n<div class=\"col en\" lang=\"en\">\n");
    match it.source_before {
        Some(_) => {
            out.push_str("<h4>English: as translated → now</h4>\n<p class=\"text diff\">");
            for p in it.diff {
                match p.op {
                    "delete" => {
                        let _ = write!(out, "<del>{}</del>", html(&p.text));
                    }
                    "insert" => {
                        let _ = write!(out, "<ins>{}</ins>", html(&p.text));
                    }
                    _ => out.push_str(&html(&p.text)),
                }
            }
            out.push_str("</p>\n");
        }
        None => {
            let _ = writeln!(
                out,
                "<h4>English</h4>\n<p class=\"text\">{}</p>",
                html(it.source_now)
            );
        }
    }
    let _ = writeln!(
        out,
        "</div>\n<div class=\"col tr\" lang=\"{}\">",
        html(locale)
    );
    let _ = writeln!(
        out,
        "<h4 lang=\"en\">{} translation</h4>",
        html(crate::ui::display_name(locale))
    );
    match it.translation {
        Some(t) => {
            let _ = writeln!(out, "<p class=\"text\">{}</p>", html(t));
            if let Some(note) = it.note {
                let _ = writeln!(
                    out,
                    "<p class=\"review-note\" lang=\"en\"><strong>Rejected:</strong> {}</p>",
                    html(note)
                );
            }
        }
        None => out.push_str("<p class=\"text none\" lang=\"en\">Not translated yet.</p>\n"),
    }
    if !it.suggestions.is_empty() {
        out.push_str("<h4 lang=\"en\">Suggestions from the translation memory</h4>\n<ul class=\"suggestions\">\n");
        for sug in it.suggestions {
            let _ = writeln!(
                out,
                "<li><span class=\"badge class\" lang=\"en\">{}% · {}</span> {}</li>",
                sug.percent,
                html(&sug.id),
                html(&sug.translation)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n</div>\n</article>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::change::word_diff;

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
            Item {
                doc: "doc",
                id: "p1",
                state: "stale",
                class: Some("wording"),
                source_before: Some("The court ruled."),
                source_now: "The <b>high</b> court ruled.",
                translation: Some("La cour <script>alert(1)</script> a statué."),
                diff: &diff,
                suggestions: &[],
                note: None,
            },
            Item {
                doc: "doc",
                id: "p2",
                state: "missing",
                class: None,
                source_before: None,
                source_now: "New \" onmouseover=\"x",
                translation: None,
                diff: &[],
                suggestions: &sugg,
                note: None,
            },
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
    }
}
