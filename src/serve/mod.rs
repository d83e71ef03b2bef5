//! `dossier serve`: the translation workspace, a local web app over the operations
//! (`ops`): a queue of what needs work, the message editor with checks as you type,
//! suggestions, glossary and preview, review. It works on the repository's files
//! directly; every write goes through `ops::messages` (the lock, atomic writes, a version
//! check: 409 when the message changed on disk since it was shown).
//!
//! It is a server that writes files, so a security boundary: bound to the loopback
//! address unless told otherwise; every request needs the random token printed with the
//! URL (`?token=` sets an HttpOnly, SameSite=Strict cookie for the pages; the API takes
//! `Authorization: Bearer` or `X-Dossier-Token`); requests that change anything need the
//! token in a header, not only the cookie (CSRF); the `Host` header must name this
//! server (DNS rebinding); locale, document and id are looked up, never joined to paths;
//! bodies are limited; translator text is escaped, and a Content-Security-Policy allows
//! no inline script. docs/workspace.md documents the app, the API and this model.

mod api;
mod pages;

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use crate::ops;
use crate::project::Project;

/// How the server starts.
#[derive(Debug, Clone)]
pub struct Options {
    /// 0: any free port.
    pub port: u16,
    /// The address to listen on (default: 127.0.0.1).
    pub bind: Option<IpAddr>,
    /// Open the browser at the URL.
    pub open: bool,
    /// Who reviews from this workspace (default: git's user.name).
    pub reviewer: Option<String>,
}

/// Requests larger than this are refused (a translation is a few kilobytes).
const BODY_LIMIT: usize = 1 << 20;

/// The name of the cookie that carries the token for the pages.
const COOKIE: &str = "dossier_token";

/// What every request handler shares.
pub(crate) struct App {
    pub project: Project,
    pub token: String,
    /// `Host` header values this server answers to.
    hosts: Vec<String>,
    /// Who reviews from this workspace.
    pub reviewer: String,
    /// Bumped whenever a source, locale or configuration file changes on disk.
    pub changes: tokio::sync::watch::Sender<u64>,
    pub glossary: ops::messages::GlossaryCache,
}

/// Serves until interrupted (Ctrl+C, SIGTERM). The first line written to `out` is the URL,
/// with the token.
pub fn run(project: Project, opts: &Options, out: &mut dyn Write) -> Result<i32> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(serve(project, opts, out))
}

async fn serve(project: Project, opts: &Options, out: &mut dyn Write) -> Result<i32> {
    let ip = opts.bind.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let listener = tokio::net::TcpListener::bind(SocketAddr::new(ip, opts.port))
        .await
        .with_context(|| format!("cannot listen on {ip}:{}", opts.port))?;
    let port = listener.local_addr()?.port();
    let token = token()?;
    // Listening for the stop signals before the URL is out: a stop that comes at once is
    // a clean stop too.
    let stop = stop_signals()?;
    let mut hosts = vec![
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ];
    let shown_ip = match ip {
        IpAddr::V6(v6) => format!("[{v6}]"),
        IpAddr::V4(v4) => v4.to_string(),
    };
    if !ip.is_loopback() {
        hosts.push(format!("{shown_ip}:{port}"));
    }
    let url = format!("http://{shown_ip}:{port}/?token={token}");
    writeln!(out, "{url}")?;
    out.flush()?;
    if !ip.is_loopback() {
        eprintln!(
            "warning: the workspace listens on {ip}, not only on this computer: anyone who can reach it and has the token can change the translations"
        );
    }
    let reviewer = opts
        .reviewer
        .clone()
        .or_else(|| ops::review::reviewer(&project))
        .unwrap_or_default();
    let (changes, _) = tokio::sync::watch::channel(0u64);
    let app = Arc::new(App {
        glossary: ops::messages::GlossaryCache::default(),
        project,
        token,
        hosts,
        reviewer,
        changes,
    });
    // Kept alive while the server runs: dropping it stops the watching.
    let _watcher = watch(&app)?;
    if opts.open {
        open_browser(&url);
    }
    let router = api::router(app.clone())
        .merge(pages::router())
        .layer(axum::middleware::from_fn_with_state(app.clone(), guard))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(app);
    axum::serve(listener, router)
        .with_graceful_shutdown(stop)
        .await
        .context("the server stopped")?;
    Ok(0)
}

/// 32 random bytes, hexadecimal.
fn token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness for the token: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// A future that resolves on Ctrl+C or SIGTERM, listening from now on.
fn stop_signals() -> Result<impl std::future::Future<Output = ()> + Send> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut int = signal(SignalKind::interrupt()).context("cannot listen for Ctrl+C")?;
        let mut term = signal(SignalKind::terminate()).context("cannot listen for SIGTERM")?;
        Ok(async move {
            tokio::select! {
                _ = int.recv() => {},
                _ = term.recv() => {},
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}

/// Watches the project's sources, locale files and configuration; each change bumps
/// `changes` (the app polls it and refreshes).
fn watch(app: &Arc<App>) -> Result<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let root = app.project.root.clone();
    let tx = app.changes.clone();
    let classify_root = root.clone();
    let mut watcher = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        let Ok(ev) = ev else { return };
        if matches!(ev.kind, notify::EventKind::Access(_)) {
            return;
        }
        if ev
            .paths
            .iter()
            .any(|p| ops::build::classify(&classify_root, p).is_some())
        {
            tx.send_modify(|g| *g += 1);
        }
    })
    .context("cannot watch the project for changes")?;
    watcher
        .watch(&root, RecursiveMode::NonRecursive)
        .with_context(|| format!("cannot watch {}", root.display()))?;
    for sub in ["source", "locales"] {
        let p = root.join(sub);
        if p.is_dir() {
            watcher
                .watch(&p, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch {}", p.display()))?;
        }
    }
    Ok(watcher)
}

fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let _ = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// Compares in time independent of where the first difference is.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The token a request carries in a header (`Authorization: Bearer`, `X-Dossier-Token`).
fn header_token(req: &Request) -> Option<&str> {
    let h = req.headers();
    h.get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .or_else(|| h.get("x-dossier-token").and_then(|v| v.to_str().ok()))
}

fn cookie_token(req: &Request) -> Option<&str> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(COOKIE)?.strip_prefix('='))
}

fn query_token(req: &Request) -> Option<&str> {
    req.uri()
        .query()?
        .split('&')
        .find_map(|kv| kv.strip_prefix("token="))
}

/// Every request: the `Host` header, then the token; the security headers on every answer.
async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let host_ok = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| app.hosts.iter().any(|x| x.eq_ignore_ascii_case(h)));
    if !host_ok {
        return secure(error(
            StatusCode::FORBIDDEN,
            "this server answers to its own address only (Host header)",
        ));
    }
    let changes = !matches!(*req.method(), Method::GET | Method::HEAD);
    let by_header = header_token(&req).is_some_and(|t| same(t, &app.token));
    let by_cookie = cookie_token(&req).is_some_and(|t| same(t, &app.token));
    if changes {
        // A form or script of another site sends the cookie, never the header.
        if !by_header {
            return secure(error(
                StatusCode::FORBIDDEN,
                "a request that changes anything needs the token in a header (X-Dossier-Token)",
            ));
        }
    } else if !(by_header || by_cookie) {
        // The URL printed at start: the token becomes a cookie, and leaves the address bar.
        if let Some(t) = query_token(&req) {
            if same(t, &app.token) {
                let mut r = Redirect::to(req.uri().path()).into_response();
                if let Ok(v) = HeaderValue::from_str(&format!(
                    "{COOKIE}={}; HttpOnly; SameSite=Strict; Path=/",
                    app.token
                )) {
                    r.headers_mut().insert(header::SET_COOKIE, v);
                }
                return secure(r);
            }
        }
        return secure(error(
            StatusCode::UNAUTHORIZED,
            "open the workspace with the URL `dossier serve` printed (it holds the token)",
        ));
    }
    secure(next.run(req).await)
}

/// The headers every answer carries.
fn secure(mut r: Response) -> Response {
    let h = r.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(
        h,
        "content-security-policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    set(h, "x-content-type-options", "nosniff");
    set(h, "referrer-policy", "no-referrer");
    set(h, "x-frame-options", "DENY");
    set(h, "cache-control", "no-store");
    r
}

/// `{"error": message}` with a status.
pub(crate) fn error(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(serde_json::json!({ "error": message }))).into_response()
}
