//! The workspace's pages, rendered on the server: the home page (each locale's counts and
//! documents) and a locale's queue (what needs work, filterable). The message editor is
//! `assets/app.js` over the JSON API. Every value from a file is escaped (`escape::html`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use super::{error, App};
use crate::escape::html;
use crate::ops;
use crate::ops::messages::Filter;

const APP_JS: &str = include_str!("assets/app.js");
const APP_CSS: &str = include_str!("assets/app.css");

/// Documents a home page lists at a time.
const PAGE: usize = 50;

pub(crate) fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(home))
        .route("/l/{locale}", get(queue))
        .route(
            "/assets/app.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    APP_JS,
                )
            }),
        )
        .route(
            "/assets/app.css",
            get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], APP_CSS) }),
        )
}

fn head(out: &mut String, title: &str, token: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<meta name=\"dossier-token\" content=\"{}\">\n\
         <link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/assets/app.css\">\n\
         <script src=\"/assets/app.js\" defer></script>\n</head>\n",
        html(title),
        html(token)
    );
}

fn percent(part: usize, whole: usize) -> usize {
    (100 * part).checked_div(whole).unwrap_or(100)
}

async fn home(State(app): State<Arc<App>>, Query(q): Query<HashMap<String, String>>) -> Response {
    let page: usize = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(0);
    let work = tokio::task::spawn_blocking(move || -> anyhow::Result<String> {
        let status = ops::status::status(&app.project, &[], false)?;
        let mut out = String::new();
        head(&mut out, "Translation workspace — dossier", &app.token);
        out.push_str("<body>\n<header class=\"bar\"><p class=\"brand\">dossier</p>\n<nav aria-label=\"Workspace\"><a href=\"/\" aria-current=\"page\">Home</a></nav></header>\n<main>\n<h1>Translation workspace</h1>\n");
        out.push_str("<table class=\"locales\">\n<caption>Each language: how many messages are translated, reviewed, and still need work</caption>\n<thead><tr><th scope=\"col\">Language</th><th scope=\"col\">Progress</th><th scope=\"col\">Translated</th><th scope=\"col\">Reviewed</th><th scope=\"col\">Rejected</th><th scope=\"col\">Stale</th><th scope=\"col\">Missing</th></tr></thead>\n<tbody>\n");
        for s in &status {
            let c = &s.counts;
            let done = percent(c.translated, c.total);
            let name = crate::ui::display_name(&s.locale);
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\"><a href=\"/l/{l}\"><span lang=\"{l}\">{name}</span> ({l})</a></th>\
                 <td><progress max=\"100\" value=\"{done}\" aria-label=\"{name}: {done} % translated\">{done} %</progress> {done} %</td>\
                 <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                c.translated,
                c.reviewed,
                c.rejected,
                c.stale,
                c.missing,
                l = html(&s.locale),
                name = html(name),
            );
        }
        out.push_str("</tbody>\n</table>\n");
        // The documents, a page at a time.
        let docs: Vec<&ops::status::DocStatus> = status
            .first()
            .map(|s| s.documents.iter().collect())
            .unwrap_or_default();
        let pages = docs.len().div_ceil(PAGE).max(1);
        let page = page.min(pages - 1);
        let _ = writeln!(out, "<h2>Documents ({})</h2>\n<table class=\"docs\">\n<thead><tr><th scope=\"col\">Document</th>", docs.len());
        for s in &status {
            let _ = write!(out, "<th scope=\"col\">{}</th>", html(&s.locale));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for (i, d) in docs.iter().enumerate().skip(page * PAGE).take(PAGE) {
            let _ = write!(out, "<tr><th scope=\"row\">{}</th>", html(&d.doc));
            for s in &status {
                if let Some(x) = s.documents.get(i) {
                    let left = x.counts.stale + x.counts.missing + x.counts.rejected;
                    let _ = write!(
                        out,
                        "<td><a href=\"/l/{l}?doc={doc}\">{left} to do</a></td>",
                        l = html(&s.locale),
                        doc = html(&x.doc)
                    );
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        if pages > 1 {
            out.push_str("<nav class=\"pages\" aria-label=\"Pages of documents\">");
            for p in 0..pages {
                if p == page {
                    let _ = write!(out, " <strong aria-current=\"page\">{}</strong>", p + 1);
                } else {
                    let _ = write!(out, " <a href=\"/?page={p}\">{}</a>", p + 1);
                }
            }
            out.push_str("</nav>\n");
        }
        out.push_str("</main>\n</body>\n</html>\n");
        Ok(out)
    })
    .await;
    page_or_error(work)
}

fn page_or_error(r: Result<anyhow::Result<String>, tokio::task::JoinError>) -> Response {
    match r {
        Ok(Ok(page)) => Html(page).into_response(),
        Ok(Err(e)) => match e.downcast_ref::<ops::messages::Refusal>() {
            Some(ops::messages::Refusal::NotFound(m)) => error(StatusCode::NOT_FOUND, m),
            _ => error(StatusCode::INTERNAL_SERVER_ERROR, &format!("{e:#}")),
        },
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "the request failed"),
    }
}

/// The states and change classes a queue filters by.
const STATES: &[(&str, &str)] = &[
    ("work", "needs work (stale, missing, rejected)"),
    ("stale", "stale"),
    ("missing", "missing"),
    ("rejected", "rejected"),
    ("translated", "translated, not reviewed"),
    ("reviewed", "reviewed"),
    ("all", "all"),
];
const CLASSES: &[&str] = &[
    "wording",
    "numbers",
    "links",
    "footnotes",
    "punctuation",
    "whitespace",
];

async fn queue(
    State(app): State<Arc<App>>,
    Path(locale): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let work = tokio::task::spawn_blocking(move || -> anyhow::Result<String> {
        let project = &app.project;
        if !project.config.locales.contains(&locale) {
            return Err(ops::messages::Refusal::NotFound(format!("unknown locale `{locale}`")).into());
        }
        let docs = crate::project::source_names(&project.root)?;
        let doc = match q.get("doc") {
            Some(d) if docs.contains(d) => d.clone(),
            Some(d) => {
                return Err(ops::messages::Refusal::NotFound(format!("unknown document `{d}`")).into())
            }
            None => docs.first().cloned().unwrap_or_default(),
        };
        let state = q.get("state").map_or("work", String::as_str);
        let filter = Filter::parse(state).unwrap_or(Filter::Work);
        let class = q.get("class").filter(|c| CLASSES.contains(&c.as_str()));
        let text = q.get("q").map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty());
        let items: Vec<ops::messages::Summary> = ops::messages::summaries(project, &locale, &doc, filter)?
            .into_iter()
            .filter(|m| class.is_none_or(|c| m.class == Some(c.as_str())))
            .filter(|m| {
                text.as_ref().is_none_or(|t| {
                    m.english.to_lowercase().contains(t)
                        || m.id.contains(t.as_str())
                        || m.translation.as_ref().is_some_and(|x| x.to_lowercase().contains(t))
                })
            })
            .collect();
        let name = crate::ui::display_name(&locale);
        let mut out = String::new();
        head(&mut out, &format!("{name} ({locale}) — {doc} — dossier"), &app.token);
        let _ = writeln!(
            out,
            "<body data-locale=\"{l}\" data-doc=\"{d}\">\n<header class=\"bar\"><p class=\"brand\">dossier</p>\n\
             <nav aria-label=\"Workspace\"><a href=\"/\">Home</a> › <span lang=\"{l}\">{n}</span> › {d}</nav></header>\n<main class=\"workspace\">",
            l = html(&locale),
            d = html(&doc),
            n = html(name)
        );
        // Filters: a plain form, so the queue works and can be bookmarked without script.
        let _ = write!(
            out,
            "<section class=\"queue\" aria-labelledby=\"queue-title\">\n<h1 id=\"queue-title\">{}: {} left</h1>\n\
             <form class=\"filters\" method=\"get\" action=\"/l/{}\">\n",
            html(&doc),
            items.len(),
            html(&locale)
        );
        if docs.len() > 1 {
            out.push_str("<label>Document <select name=\"doc\">");
            for d in &docs {
                let sel = if *d == doc { " selected" } else { "" };
                let _ = write!(out, "<option{sel}>{}</option>", html(d));
            }
            out.push_str("</select></label>\n");
        } else {
            let _ = write!(out, "<input type=\"hidden\" name=\"doc\" value=\"{}\">", html(&doc));
        }
        out.push_str("<label>State <select name=\"state\">");
        for (v, label) in STATES {
            let sel = if *v == state { " selected" } else { "" };
            let _ = write!(out, "<option value=\"{v}\"{sel}>{label}</option>");
        }
        out.push_str("</select></label>\n<label>Change <select name=\"class\"><option value=\"\">any</option>");
        for c in CLASSES {
            let sel = if class.is_some_and(|x| x == c) { " selected" } else { "" };
            let _ = write!(out, "<option{sel}>{c}</option>");
        }
        let _ = write!(
            out,
            "</select></label>\n<label>Search <input type=\"search\" name=\"q\" value=\"{}\"></label>\n\
             <button type=\"submit\">Filter</button>\n</form>\n<ol id=\"queue\" class=\"items\">\n",
            html(q.get("q").map_or("", String::as_str))
        );
        for m in &items {
            let short: String = m.english.chars().take(90).collect();
            let more = if m.english.chars().count() > 90 { "…" } else { "" };
            let _ = writeln!(
                out,
                "<li><a href=\"#{id}\" data-id=\"{id}\" class=\"item {state}\"><span class=\"badge {state}\">{state}</span>{cls} \
                 <code>{id}</code> <span class=\"en\" lang=\"en\">{short}{more}</span></a></li>",
                id = html(&m.id),
                state = m.state,
                cls = m
                    .class
                    .map(|c| format!(" <span class=\"badge class\">{c}</span>"))
                    .unwrap_or_default(),
                short = html(&short),
            );
        }
        if items.is_empty() {
            out.push_str("<li class=\"empty\">Nothing left here.</li>\n");
        }
        out.push_str("</ol>\n</section>\n<section id=\"editor\" class=\"editor\" aria-label=\"Message editor\" tabindex=\"-1\">\n<p class=\"hint\">Pick a message in the queue. Keys: Ctrl+Enter saves, Alt+↓ / Alt+↑ go to the next / previous message.</p>\n</section>\n</main>\n<p id=\"live\" class=\"visually-hidden\" role=\"status\" aria-live=\"polite\"></p>\n</body>\n</html>\n");
        Ok(out)
    })
    .await;
    page_or_error(work)
}
