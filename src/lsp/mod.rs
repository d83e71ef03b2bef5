//! `dossier lsp`: the Language Server Protocol over standard input and output, one more
//! front end over the operations (`ops::buffer` and the operations on a buffer).
//!
//! rust-analyzer's `lsp-server` gives a synchronous loop over a channel of messages; the
//! server keeps the editor's open files (their unsaved text, kept in step with full or
//! incremental changes) and one `ops::buffer::Session` per project, and answers each
//! request with a plain function of those (`handlers`). Diagnostics are published a
//! moment after the last change (debounced), at once on open and save. The server never
//! writes a file: every change it offers is a `WorkspaceEdit` the editor applies.
//!
//! A file belongs to the project of its nearest ancestor holding l10n.toml, or else to
//! the workspace root's (the `--root` option, then the client's workspace folders); only
//! `locales/<locale>/<doc>.ftl` files of a project get answers.

mod convert;
mod handlers;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use anyhow::{anyhow, Result};
use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::{notification::Notification as _, Uri};

use crate::ops::buffer::{Buffer, Session};

pub use convert::{Encoding, LineIndex};

/// How long after the last change the diagnostics of a file are computed, unless the
/// client sets `initializationOptions.debounceMs`.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Runs the server on standard input and output until the client says `exit`; the exit
/// code is 0 after `shutdown` then `exit`, 1 when the client left without `shutdown`.
pub fn run(root: Option<PathBuf>) -> Result<i32> {
    let (connection, io_threads) = Connection::stdio();
    let code = serve(&connection, root)?;
    drop(connection);
    io_threads.join()?;
    Ok(code)
}

/// The server on a connection (standard input and output, or a test's channels).
pub fn serve(conn: &Connection, root: Option<PathBuf>) -> Result<i32> {
    let (id, params) = conn.initialize_start()?;
    let init: lsp_types::InitializeParams = serde_json::from_value(params.clone())?;
    let enc = negotiate(&init, &params);
    let debounce = init
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("debounceMs"))
        .and_then(serde_json::Value::as_u64)
        .map_or(DEBOUNCE, Duration::from_millis);
    let mut roots: Vec<PathBuf> = root.into_iter().collect();
    for f in init.workspace_folders.iter().flatten() {
        roots.extend(convert::path_of(&f.uri));
    }
    #[allow(deprecated)]
    if let Some(uri) = &init.root_uri {
        roots.extend(convert::path_of(uri));
    }
    let mut result = serde_json::json!({
        "capabilities": handlers::capabilities(enc),
        "serverInfo": { "name": "dossier", "version": env!("CARGO_PKG_VERSION") },
    });
    if params["capabilities"]["offsetEncoding"].is_array() {
        result["offsetEncoding"] = enc.name().into();
    }
    conn.initialize_finish(id, result)?;
    let watch = init
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    if watch {
        conn.sender.send(handlers::watch_files().into())?;
    }
    let mut server = Server {
        enc,
        debounce,
        roots,
        docs: HashMap::new(),
        sessions: HashMap::new(),
        due: BTreeMap::new(),
    };
    server.main_loop(conn)
}

/// UTF-8 when the client offers it, else UTF-16 (the protocol's default).
fn negotiate(init: &lsp_types::InitializeParams, raw: &serde_json::Value) -> Encoding {
    let offered = init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&lsp_types::PositionEncodingKind::UTF8));
    let clangd = raw["capabilities"]["offsetEncoding"]
        .as_array()
        .is_some_and(|a| a.iter().any(|e| e == "utf-8"));
    if offered || clangd {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

/// An open file.
pub(crate) struct Doc {
    pub uri: Uri,
    pub path: Option<PathBuf>,
    pub text: String,
    pub version: i32,
    pub index: LineIndex,
    /// The buffer planned from this text, kept until the text or the project's files
    /// change.
    buffer: Option<Rc<Buffer>>,
}

/// A project the server answers for, or why it cannot.
enum Slot {
    Open(Box<Session>),
    Broken(String),
}

struct Server {
    enc: Encoding,
    debounce: Duration,
    roots: Vec<PathBuf>,
    /// Open files, by URI.
    docs: HashMap<String, Doc>,
    /// Projects, by root.
    sessions: HashMap<PathBuf, Slot>,
    /// Files whose diagnostics are due, and when.
    due: BTreeMap<String, Instant>,
}

/// What a handler gets: the file, its buffer, its project's session, the encoding.
pub(crate) struct Ctx<'a> {
    pub doc: &'a Doc,
    pub buf: &'a Buffer,
    pub session: &'a mut Session,
    pub enc: Encoding,
    /// Every open file, by URI.
    pub open: &'a HashMap<String, Doc>,
}

impl Server {
    fn main_loop(&mut self, conn: &Connection) -> Result<i32> {
        loop {
            let next = self.due.values().min().copied();
            let msg = match next {
                Some(at) => {
                    match conn
                        .receiver
                        .recv_timeout(at.saturating_duration_since(Instant::now()))
                    {
                        Ok(m) => Some(m),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => return Ok(1),
                    }
                }
                None => match conn.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(1),
                },
            };
            match msg {
                Some(Message::Request(req)) => {
                    if conn.handle_shutdown(&req)? {
                        return Ok(0);
                    }
                    let resp = self.request(req);
                    conn.sender.send(resp.into())?;
                }
                Some(Message::Notification(n)) => {
                    if n.method == lsp_types::notification::Exit::METHOD {
                        return Ok(1);
                    }
                    self.notification(n);
                }
                Some(Message::Response(_)) | None => {}
            }
            self.publish_due(conn)?;
        }
    }

    fn notification(&mut self, n: Notification) {
        use lsp_types::notification::*;
        let now = Instant::now();
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                else {
                    return;
                };
                let d = p.text_document;
                let key = d.uri.as_str().to_string();
                let text = lf(d.text);
                self.docs.insert(
                    key.clone(),
                    Doc {
                        path: convert::path_of(&d.uri),
                        index: LineIndex::new(&text),
                        uri: d.uri,
                        text,
                        version: d.version,
                        buffer: None,
                    },
                );
                self.due.insert(key, now);
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                else {
                    return;
                };
                let key = p.text_document.uri.as_str().to_string();
                let enc = self.enc;
                let Some(doc) = self.docs.get_mut(&key) else {
                    return;
                };
                for change in p.content_changes {
                    match change.range {
                        Some(r) => {
                            let span = doc.index.span(&doc.text, r, enc);
                            doc.text.replace_range(span, &lf(change.text));
                        }
                        None => doc.text = lf(change.text),
                    }
                    doc.index = LineIndex::new(&doc.text);
                }
                doc.version = p.text_document.version;
                doc.buffer = None;
                self.due.insert(key, now + self.debounce);
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                else {
                    return;
                };
                let key = p.text_document.uri.as_str();
                self.docs.remove(key);
                self.due.remove(key);
            }
            DidSaveTextDocument::METHOD | DidChangeWatchedFiles::METHOD => {
                let config =
                    serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(n.params)
                        .is_ok_and(|p| {
                            p.changes.iter().any(|c| {
                                convert::path_of(&c.uri).is_some_and(|p| {
                                    p.ends_with("l10n.toml") || p.ends_with("dossier.toml")
                                })
                            })
                        });
                self.files_changed(config, now);
            }
            _ => {}
        }
    }

    /// Files changed on disk: every project reads them again (and its configuration,
    /// when that changed), every open file's diagnostics are due.
    fn files_changed(&mut self, config: bool, now: Instant) {
        if config {
            self.sessions.clear();
        }
        self.sessions.retain(|_, s| matches!(s, Slot::Open(_)));
        for s in self.sessions.values_mut() {
            if let Slot::Open(s) = s {
                s.files_changed();
            }
        }
        for (key, doc) in &mut self.docs {
            doc.buffer = None;
            self.due.insert(key.clone(), now);
        }
    }

    fn publish_due(&mut self, conn: &Connection) -> Result<()> {
        let now = Instant::now();
        let ready: Vec<String> = self
            .due
            .iter()
            .filter(|(_, &at)| at <= now)
            .map(|(k, _)| k.clone())
            .collect();
        for key in ready {
            self.due.remove(&key);
            let Some(params) = self.diagnostics(&key) else {
                continue;
            };
            let n = Notification::new(
                lsp_types::notification::PublishDiagnostics::METHOD.to_string(),
                params,
            );
            conn.sender.send(n.into())?;
        }
        Ok(())
    }

    /// The diagnostics of an open file; `None` for a file of no project.
    fn diagnostics(&mut self, key: &str) -> Option<lsp_types::PublishDiagnosticsParams> {
        let enc = self.enc;
        let found = self.with_buffer(key, handlers::diagnostics);
        let doc = self.docs.get(key)?;
        let diagnostics = match found {
            Ok(Some(d)) => d,
            Ok(None) => return None,
            Err(e) => vec![lsp_types::Diagnostic {
                range: doc.index.range(&doc.text, &(0..0), enc),
                severity: Some(lsp_types::DiagnosticSeverity::ERROR),
                code: Some(lsp_types::NumberOrString::String("error".into())),
                source: Some("dossier".into()),
                message: format!("{e:#}"),
                ..Default::default()
            }],
        };
        Some(lsp_types::PublishDiagnosticsParams {
            uri: doc.uri.clone(),
            diagnostics,
            version: Some(doc.version),
        })
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        match self.dispatch(req) {
            Ok(v) => Response::new_ok(id, v),
            Err(e) => Response::new_err(
                id,
                lsp_server::ErrorCode::InvalidParams as i32,
                format!("{e:#}"),
            ),
        }
    }

    fn dispatch(&mut self, req: Request) -> Result<serde_json::Value> {
        use lsp_types::request::*;
        let uri = req.params["textDocument"]["uri"]
            .as_str()
            .map(String::from)
            .unwrap_or_default();
        macro_rules! on {
            ($r:ty, $f:path) => {{
                let params: <$r as Request>::Params = serde_json::from_value(req.params)?;
                let r = self
                    .with_buffer(&uri, |ctx| $f(ctx, params))?
                    .transpose()?
                    .flatten();
                Ok(serde_json::to_value(r)?)
            }};
        }
        match req.method.as_str() {
            HoverRequest::METHOD => on!(HoverRequest, handlers::hover),
            CodeActionRequest::METHOD => on!(CodeActionRequest, handlers::code_actions),
            GotoDefinition::METHOD => on!(GotoDefinition, handlers::definition),
            References::METHOD => on!(References, handlers::references),
            Completion::METHOD => on!(Completion, handlers::completion),
            DocumentSymbolRequest::METHOD => on!(DocumentSymbolRequest, handlers::symbols),
            SemanticTokensFullRequest::METHOD => {
                on!(SemanticTokensFullRequest, handlers::semantic_tokens)
            }
            m => Err(anyhow!("dossier lsp does not answer `{m}`")),
        }
    }

    /// Runs `f` on the open file `key`'s buffer; `Ok(None)` when the file is not open or
    /// is no locale file of a project; an error when its project cannot be read.
    fn with_buffer<T>(&mut self, key: &str, f: impl FnOnce(&mut Ctx) -> T) -> Result<Option<T>> {
        let Some(doc) = self.docs.get(key) else {
            return Ok(None);
        };
        let Some(path) = doc.path.clone() else {
            return Ok(None);
        };
        let Some(root) = self.root_of(&path) else {
            return Ok(None);
        };
        let slot =
            self.sessions
                .entry(root.clone())
                .or_insert_with(|| match Session::open(&root) {
                    Ok(s) => Slot::Open(Box::new(s)),
                    Err(e) => Slot::Broken(format!("{e:#}")),
                });
        let session: &mut Session = match slot {
            Slot::Open(s) => s,
            Slot::Broken(e) => return Err(anyhow!("{e}")),
        };
        let Some(doc) = self.docs.get_mut(key) else {
            return Ok(None);
        };
        let buffer = match &doc.buffer {
            Some(b) => b.clone(),
            None => {
                let Some(b) = session.buffer(&path, &doc.text)? else {
                    return Ok(None);
                };
                let b = Rc::new(b);
                doc.buffer = Some(b.clone());
                b
            }
        };
        let Some(doc) = self.docs.get(key) else {
            return Ok(None);
        };
        let mut ctx = Ctx {
            doc,
            buf: &buffer,
            session,
            enc: self.enc,
            open: &self.docs,
        };
        Ok(Some(f(&mut ctx)))
    }

    /// The root of the project a file belongs to: its nearest ancestor holding l10n.toml,
    /// else a workspace root that holds it and has l10n.toml.
    fn root_of(&self, path: &Path) -> Option<PathBuf> {
        path.parent().and_then(crate::paths::find_root).or_else(|| {
            self.roots
                .iter()
                .find(|r| path.starts_with(r) && r.join("l10n.toml").is_file())
                .cloned()
        })
    }
}

/// The editor's text as dossier reads a file: a byte order mark dropped, CRLF and lone CR
/// line ends made LF. Lines and characters do not move (the protocol counts CRLF and CR as
/// one line end, as LF), so positions on this text are the editor's.
fn lf(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    };
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}
