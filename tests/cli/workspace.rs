//! `dossier serve`, driven over HTTP as a browser and an attacker would: every API route
//! and status code, every security rule (docs/workspace.md).

use std::io::{BufRead, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::Project;

const SRC: &str =
    "# Title\n\nFirst paragraph about 2001.\n\nSecond paragraph.\n\nThird paragraph.\n";

/// A running workspace: the child process, its address and token.
pub struct Server {
    child: Child,
    pub addr: String,
    pub token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer: status, headers (lowercase names), body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Server {
    pub fn start(p: &Project) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args([
                "serve",
                "--port",
                "0",
                "--no-open",
                "--reviewer",
                "Anna Petrova",
            ])
            .current_dir(p.dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("the first line");
        let url = line.trim().to_string();
        let rest = url.strip_prefix("http://").expect("an http URL");
        let (addr, query) = rest.split_once('/').expect("a path");
        let token = query.strip_prefix("?token=").expect("a token").to_string();
        assert_eq!(token.len(), 64, "{url}");
        Server {
            child,
            addr: addr.to_string(),
            token,
        }
    }

    /// A raw request, with exactly the headers given (and Host, unless given).
    pub fn raw(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            req.push_str(&format!("Host: {}\r\n", self.addr));
        }
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        s.write_all(req.as_bytes()).expect("write");
        let _ = s.write_all(body);
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let text = String::from_utf8_lossy(&out).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
            .collect();
        Answer {
            status,
            headers,
            body: body.to_string(),
        }
    }

    /// A request with the token in a header.
    pub fn api(&self, method: &str, path: &str, body: Option<serde_json::Value>) -> Answer {
        let bytes = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
        self.raw(
            method,
            path,
            &[
                ("X-Dossier-Token", &self.token),
                ("Content-Type", "application/json"),
            ],
            &bytes,
        )
    }
}

fn project() -> Project {
    let p = Project::new(SRC);
    p.write(
        "locales/fr/doc.ftl",
        "title = Titre\n\n# a translator's note\ntitle-p2 = Deuxième paragraphe.\n",
    );
    p.ok(&["sync"]);
    p
}

#[test]
fn every_request_needs_the_token_the_host_and_for_changes_a_header() {
    let p = project();
    let s = Server::start(&p);
    // No token, a wrong one.
    assert_eq!(s.raw("GET", "/", &[], b"").status, 401);
    assert_eq!(
        s.raw("GET", "/api/status", &[("Authorization", "Bearer 00")], b"")
            .status,
        401
    );
    let wrong = format!("/?token={}", "0".repeat(64));
    assert_eq!(s.raw("GET", &wrong, &[], b"").status, 401);
    // The URL's token becomes an HttpOnly, SameSite=Strict cookie, and leaves the URL.
    let a = s.raw("GET", &format!("/?token={}", s.token), &[], b"");
    assert_eq!(a.status, 303);
    assert_eq!(a.header("location"), Some("/"));
    let cookie = a.header("set-cookie").expect("a cookie").to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().expect("pair").to_string();
    let page = s.raw("GET", "/", &[("Cookie", &pair)], b"");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Translation workspace"));
    let csp = page.header("content-security-policy").expect("CSP");
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    // The cookie alone cannot change anything (another site's form would send it).
    let body = br#"{"translation":"x","version":"y"}"#;
    let a = s.raw(
        "PUT",
        "/api/messages/fr/doc/title-p1",
        &[("Cookie", &pair)],
        body,
    );
    assert_eq!(a.status, 403, "{}", a.body);
    // A foreign Host (DNS rebinding), even with the token.
    let a = s.raw(
        "GET",
        "/api/status",
        &[
            ("Host", "attacker.example:80"),
            ("X-Dossier-Token", &s.token),
        ],
        b"",
    );
    assert_eq!(a.status, 403);
    let port = s.addr.rsplit(':').next().expect("port");
    let a = s.raw(
        "GET",
        "/api/status",
        &[
            ("Host", &format!("localhost:{port}")),
            ("X-Dossier-Token", &s.token),
        ],
        b"",
    );
    assert_eq!(a.status, 200);
    // No path tricks: locale, document and id are looked up, never joined to a path.
    for path in [
        "/api/messages/..%2F..%2Fetc/doc/title",
        "/api/messages/fr/..%2Fsource%2Fdoc/title",
        "/api/messages/fr/doc/..%2F..%2Fl10n.toml",
        "/api/messages/de/doc/title",
        "/api/messages/fr/nodoc/title",
        "/api/messages/fr/doc/no-such-id",
    ] {
        assert_eq!(s.api("GET", path, None).status, 404, "{path}");
    }
    assert_eq!(s.api("GET", "/l/..%2F..", None).status, 404);
    // Bodies are limited, and must be JSON of the right shape.
    let big = vec![b'x'; 2 << 20];
    let a = s.raw(
        "PUT",
        "/api/messages/fr/doc/title-p1",
        &[("X-Dossier-Token", &s.token)],
        &big,
    );
    assert_eq!(a.status, 413);
    for bad in ["{", "[]", "{\"translation\": 3}", ""] {
        let a = s.raw(
            "PUT",
            "/api/messages/fr/doc/title-p1",
            &[("X-Dossier-Token", &s.token)],
            bad.as_bytes(),
        );
        assert_eq!(a.status, 400, "{bad}: {}", a.body);
    }
}

#[test]
fn the_api_reads_and_writes_as_the_command_line_does() {
    let p = project();
    let s = Server::start(&p);
    // The same JSON as `dossier status --json`.
    let status = s.api("GET", "/api/status", None).json();
    let cli: serde_json::Value = serde_json::from_str(&p.ok(&["status", "--json"])).expect("json");
    assert_eq!(status, cli);
    // The queue: what needs work, in document order.
    let work = s
        .api("GET", "/api/messages?locale=fr&doc=doc&state=work", None)
        .json();
    let ids: Vec<&str> = work["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .map(|m| m["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ids, ["title-p1", "title-p3"]);
    let m = &work["messages"][0];
    for key in [
        "id",
        "doc",
        "state",
        "english",
        "english_before",
        "translation",
        "diagnostics",
        "suggestions",
        "version",
    ] {
        assert!(m.get(key).is_some(), "{key} in {m}");
    }
    assert_eq!(m["state"], "missing");
    // Save a translation of a missing message: stamped, in document order, the rest of
    // the file byte for byte; `dossier status` sees it at once.
    let before = p.read("locales/fr/doc.ftl");
    let a = s.api(
        "PUT",
        "/api/messages/fr/doc/title-p1",
        Some(serde_json::json!({"translation": "Premier paragraphe sur 2001 { avec accolades }.", "version": m["version"]})),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let saved = a.json();
    assert_eq!(saved["state"], "translated");
    assert!(saved["version"].is_string());
    let after = p.read("locales/fr/doc.ftl");
    assert_eq!(
        after,
        before.replace(
            "\n\n# a translator's note",
            "\n\n# en: First paragraph about 2001.\ntitle-p1 = Premier paragraphe sur 2001 { \"{\" } avec accolades { \"}\" }.\n\n# a translator's note"
        ),
        "{after}"
    );
    assert_eq!(p.status_json("fr")["translated"].as_u64(), Some(3));
    // The version shown before the save is no longer the file's: 409 with the message now.
    let a = s.api(
        "PUT",
        "/api/messages/fr/doc/title-p1",
        Some(serde_json::json!({"translation": "Autre chose.", "version": m["version"]})),
    );
    assert_eq!(a.status, 409, "{}", a.body);
    assert_eq!(
        a.json()["message"]["translation"],
        "Premier paragraphe sur 2001 { avec accolades }."
    );
    // An edit on disk: the version from before it is refused, never written over.
    let v = saved["version"].clone();
    p.write(
        "locales/fr/doc.ftl",
        &p.read("locales/fr/doc.ftl")
            .replace("= Titre", "= Le titre"),
    );
    let a = s.api(
        "PUT",
        "/api/messages/fr/doc/title",
        Some(serde_json::json!({"translation": "Titre !", "version": v})),
    );
    assert_eq!(a.status, 409);
    assert!(p.read("locales/fr/doc.ftl").contains("title = Le titre\n"));
    // Unknown ids, documents, locales: 404; an empty translation: 400.
    assert_eq!(
        s.api(
            "PUT",
            "/api/messages/fr/doc/nope",
            Some(serde_json::json!({"translation": "x", "version": "y"}))
        )
        .status,
        404
    );
    let now = s.api("GET", "/api/messages/fr/doc/title-p3", None).json();
    assert_eq!(
        s.api(
            "PUT",
            "/api/messages/fr/doc/title-p3",
            Some(serde_json::json!({"translation": "  ", "version": now["version"]}))
        )
        .status,
        400
    );
    // Checks as you type: diagnostics for text not yet saved, nothing written.
    let a = s.api(
        "POST",
        "/api/check/fr/doc/title-p3",
        Some(serde_json::json!({"translation": "Troisième <script>alert(1)</script> paragraphe."})),
    );
    assert_eq!(a.status, 200);
    let codes: Vec<String> = a.json()["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(codes.contains(&"markup".to_string()), "{codes:?}");
    // A preview is inert.
    let a = s.api(
        "POST",
        "/api/preview/fr/doc/title-p3",
        Some(serde_json::json!({"translation": "*Troisième* <script>alert(1)</script>"})),
    );
    let html = a.json()["html"].as_str().unwrap_or("").to_string();
    assert!(
        html.contains("<em>Troisième</em>") && !html.contains("<script"),
        "{html}"
    );
    // Review: approve, reject needs a note.
    let m = s.api("GET", "/api/messages/fr/doc/title-p2", None).json();
    let a = s.api(
        "POST",
        "/api/review/fr/doc/title-p2",
        Some(serde_json::json!({"verdict": "approve", "version": m["version"]})),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.json()["state"], "reviewed");
    assert!(p
        .read("locales/fr/doc.ftl")
        .contains("# review: approved by Anna Petrova on "));
    assert_eq!(
        s.api(
            "POST",
            "/api/review/fr/doc/title-p2",
            Some(serde_json::json!({"verdict": "reject"}))
        )
        .status,
        400
    );
    assert_eq!(
        s.api(
            "POST",
            "/api/review/fr/doc/title-p2",
            Some(serde_json::json!({"verdict": "maybe"}))
        )
        .status,
        400
    );
    // Accept a stale message unchanged.
    p.write(
        "source/doc.md",
        &SRC.replace("Second paragraph.", "Second long paragraph."),
    );
    p.ok(&["sync"]);
    let m = s.api("GET", "/api/messages/fr/doc/title-p2", None).json();
    assert_eq!(m["state"], "stale");
    assert_eq!(m["english_before"], "Second paragraph.");
    let a = s.api(
        "POST",
        "/api/accept/fr/doc/title-p2",
        Some(serde_json::json!({"version": m["version"]})),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.json()["state"], "translated");
}

#[test]
fn changes_on_disk_are_announced() {
    let p = project();
    let s = Server::start(&p);
    let g = s.api("GET", "/api/changes", None).json()["generation"]
        .as_u64()
        .expect("generation");
    let waiter = {
        let addr = s.addr.clone();
        let token = s.token.clone();
        std::thread::spawn(move || {
            let s = Server {
                child: Command::new("true").spawn().expect("true"),
                addr,
                token,
            };
            s.api("GET", &format!("/api/changes?since={g}"), None)
                .json()["generation"]
                .as_u64()
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.write("locales/fr/doc.ftl", "title = Titre modifié\n");
    let after = waiter.join().expect("join").expect("generation");
    assert!(after > g, "{after} after {g}");
}

#[test]
fn sigterm_stops_the_server_and_leaves_the_lock_free() {
    let p = project();
    let mut s = Server::start(&p);
    let pid = s.child.id().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = s.child.wait().expect("wait");
    assert!(status.success(), "{status:?}");
    p.ok(&["sync"]);
}

/// The workspace in Debian's Chromium (puppeteer-core, tests/browser/workspace.mjs): pick
/// French, type a missing translation and save with the keyboard, fix a stale one from
/// its diff, see a diagnostic appear while typing `<script>`, approve one, see an external
/// edit of the file show up, navigate by keyboard; axe-core finds no serious violation.
#[test]
fn the_workspace_works_in_a_real_browser() {
    let dir = crate::repo_root().join("tests/browser");
    assert!(
        dir.join("node_modules/puppeteer-core").is_dir(),
        "the browser tests need their npm packages: `cargo xtask deps` (npm ci in tests/browser)"
    );
    let p = project();
    p.write(
        "source/doc.md",
        &SRC.replace("Second paragraph.", "Second long paragraph."),
    );
    p.ok(&["sync"]);
    let s = Server::start(&p);
    let shots = std::env::var_os("DOSSIER_SHOTS");
    let mut cmd = Command::new("node");
    cmd.arg(dir.join("workspace.mjs"))
        .arg(format!("http://{}/?token={}", s.addr, s.token))
        .arg(p.dir.path());
    if let Some(shots) = &shots {
        cmd.arg(shots);
    }
    let out = cmd.output().expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    for step in [
        "saved a missing message",
        "fixed a stale message",
        "a diagnostic appears",
        "approved a message",
        "an external edit shows up",
        "keyboard navigation",
    ] {
        assert!(stdout.contains(step), "{step} missing from\n{stdout}");
    }
}
