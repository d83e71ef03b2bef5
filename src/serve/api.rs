//! The workspace's JSON API (docs/workspace.md): each route turns a request into a call
//! of an operation, on a blocking thread, and its result into JSON.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use super::{error, App};
use crate::approval::Verdict;
use crate::ops;
use crate::ops::messages::{Filter, Refusal};

pub(crate) fn router(_: Arc<App>) -> Router<Arc<App>> {
    Router::new()
        .route("/api/status", get(status))
        .route("/api/messages", get(messages))
        .route("/api/messages/{locale}/{doc}/{id}", get(message).put(save))
        .route("/api/check/{locale}/{doc}/{id}", post(check))
        .route("/api/accept/{locale}/{doc}/{id}", post(accept))
        .route("/api/review/{locale}/{doc}/{id}", post(review))
        .route("/api/preview/{locale}/{doc}/{id}", post(preview))
        .route("/api/changes", get(changes))
}

/// Runs `f` on a blocking thread (operations read and write files) and answers its result
/// as JSON, or the error with its status.
async fn blocking<T: serde::Serialize + Send + 'static>(
    f: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
) -> Response {
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(v)) => Json(v).into_response(),
        Ok(Err(e)) => refusal(e),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "the request failed"),
    }
}

fn refusal(e: anyhow::Error) -> Response {
    match e.downcast::<Refusal>() {
        Ok(Refusal::NotFound(m)) => error(StatusCode::NOT_FOUND, &m),
        Ok(Refusal::Invalid(m)) => error(StatusCode::BAD_REQUEST, &m),
        Ok(Refusal::Conflict(now)) => (
            StatusCode::CONFLICT,
            Json(serde_json::json!({
                "error": format!("{} changed on disk since it was loaded", now.id),
                "message": now,
            })),
        )
            .into_response(),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &format!("{e:#}")),
    }
}

/// A JSON body, or 400.
fn body<T: for<'de> Deserialize<'de>>(bytes: &Bytes) -> Result<T, Response> {
    serde_json::from_slice(bytes).map_err(|e| {
        error(
            StatusCode::BAD_REQUEST,
            &format!("malformed request body: {e}"),
        )
    })
}

async fn status(State(app): State<Arc<App>>) -> Response {
    blocking(move || {
        let all = ops::status::status(&app.project, &[], false)?;
        Ok(serde_json::json!({ "locales": all }))
    })
    .await
}

async fn messages(
    State(app): State<Arc<App>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (Some(locale), Some(doc)) = (q.get("locale").cloned(), q.get("doc").cloned()) else {
        return error(StatusCode::BAD_REQUEST, "give ?locale=L&doc=D");
    };
    let filter = match q.get("state").map(String::as_str) {
        None => Filter::All,
        Some(s) => match Filter::parse(s) {
            Some(f) => f,
            None => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "state is one of all, work, translated, reviewed, rejected, stale, missing",
                )
            }
        },
    };
    blocking(move || {
        let g = app.glossary.get(&app.project)?;
        let list = ops::messages::list(&app.project, &locale, &doc, filter, g.as_deref())?;
        Ok(serde_json::json!({ "messages": list }))
    })
    .await
}

async fn message(
    State(app): State<Arc<App>>,
    Path((locale, doc, id)): Path<(String, String, String)>,
) -> Response {
    blocking(move || {
        let g = app.glossary.get(&app.project)?;
        ops::messages::get(&app.project, &locale, &doc, &id, g.as_deref())
    })
    .await
}

#[derive(Deserialize)]
struct SaveBody {
    translation: String,
    version: String,
}

async fn save(
    State(app): State<Arc<App>>,
    Path((locale, doc, id)): Path<(String, String, String)>,
    bytes: Bytes,
) -> Response {
    let b: SaveBody = match body(&bytes) {
        Ok(b) => b,
        Err(r) => return r,
    };
    blocking(move || {
        let g = app.glossary.get(&app.project)?;
        let m = ops::messages::save(
            &app.project,
            &locale,
            &doc,
            &id,
            &b.translation,
            &b.version,
            g.as_deref(),
        )?;
        Ok(serde_json::json!({
            "state": m.state,
            "diagnostics": m.diagnostics,
            "version": m.version,
            "message": m,
        }))
    })
    .await
}

#[derive(Deserialize)]
struct TextBody {
    translation: String,
}

async fn check(
    State(app): State<Arc<App>>,
    Path((locale, doc, id)): Path<(String, String, String)>,
    bytes: Bytes,
) -> Response {
    let b: TextBody = match body(&bytes) {
        Ok(b) => b,
        Err(r) => return r,
    };
    blocking(move || {
        let g = app.glossary.get(&app.project)?;
        let d = ops::messages::check(
            &app.project,
            &locale,
            &doc,
            &id,
            &b.translation,
            g.as_deref(),
        )?;
        Ok(serde_json::json!({ "diagnostics": d }))
    })
    .await
}

async fn preview(
    State(app): State<Arc<App>>,
    Path((locale, doc, id)): Path<(String, String, String)>,
    bytes: Bytes,
) -> Response {
    let b: TextBody = match body(&bytes) {
        Ok(b) => b,
        Err(r) => return r,
    };
    blocking(move || {
        let m = ops::messages::get(&app.project, &locale, &doc, &id, None)?;
        let html = crate::render::passage_html(&b.translation, &m.english);
        Ok(serde_json::json!({ "html": html }))
    })
    .await
}

#[derive(Deserialize)]
struct VersionBody {
    version: String,
}

async fn accept(
    State(app): State<Arc<App>>,
    Path((locale, doc, id)): Path<(String, String, String)>,
    bytes: Bytes,
) -> Response {
    let b: VersionBody = match body(&bytes) {
        Ok(b) => b,
        Err(r) => return r,
    };
    blocking(move || {
        let g = app.glossary.get(&app.project)?;
        let m = ops::messages::accept(&app.project, &locale, &doc, &id, &b.version, g.as_deref())?;
        Ok(serde_json::json!({ "state": m.state, "version": m.version, "message": m }))
    })
    .await
}

#[derive(Deserialize)]
struct ReviewBody {
    verdict: String,
    #[serde(default)]
    note: Option<String>,
    /// The version shown (optional: without it, the message as it is now).
    #[serde(default)]
    version: Option<String>,
}

async fn review(
    State(app): State<Arc<App>>,
    Path((locale, doc, id)): Path<(String, String, String)>,
    bytes: Bytes,
) -> Response {
    let b: ReviewBody = match body(&bytes) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let verdict = match b.verdict.as_str() {
        "approve" => Verdict::Approved,
        "reject" => Verdict::Rejected,
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "verdict is \"approve\" or \"reject\"",
            )
        }
    };
    blocking(move || {
        let g = app.glossary.get(&app.project)?;
        let version = match b.version {
            Some(v) => v,
            None => ops::messages::get(&app.project, &locale, &doc, &id, None)?.version,
        };
        let m = ops::messages::review(
            &app.project,
            &locale,
            &doc,
            &id,
            &version,
            verdict,
            b.note.as_deref(),
            &app.reviewer,
            &ops::review::today(),
            g.as_deref(),
        )?;
        Ok(serde_json::json!({ "state": m.state, "version": m.version, "message": m }))
    })
    .await
}

/// `{"generation": N}`: waits up to 25 s for a change after `since` (long polling), so the
/// app learns of a `git pull`, an editor's save or a `sync` within a moment.
async fn changes(
    State(app): State<Arc<App>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut rx = app.changes.subscribe();
    let since: Option<u64> = q.get("since").and_then(|s| s.parse().ok());
    if since.is_some_and(|s| s == *rx.borrow()) {
        let _ = tokio::time::timeout(std::time::Duration::from_secs(25), rx.changed()).await;
    }
    let generation = *rx.borrow();
    Json(serde_json::json!({ "generation": generation })).into_response()
}
