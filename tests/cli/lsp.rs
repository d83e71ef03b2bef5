//! `dossier lsp` driven over standard input and output by a JSON-RPC client written here:
//! a temporary project, an unsaved buffer with faults in it, and the exact ranges and
//! edits the server answers with, in both position encodings.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::Project;

/// How long any answer may take before a test fails (the machine may be busy).
const WAIT: Duration = Duration::from_secs(30);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next: i64,
    /// Notifications received while waiting for something else.
    queued: Vec<Value>,
}

impl Client {
    /// Starts `dossier lsp` in `dir` and initializes it with these client capabilities
    /// and options.
    pub fn start(dir: &std::path::Path, capabilities: Value, options: Value) -> (Client, Value) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start dossier lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("Content-Length")];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&body).expect("JSON message");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        let mut c = Client {
            child,
            stdin,
            rx,
            next: 1,
            queued: Vec::new(),
        };
        let root = super::lsp::uri(dir);
        let result = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        c.notify("initialized", json!({}));
        (c, result)
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("send");
        self.stdin.flush().expect("flush");
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The response to a request (its `result`, or the whole message with `error`).
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + WAIT;
        loop {
            let m = self
                .recv_until(deadline)
                .unwrap_or_else(|| panic!("no answer to {method} within {WAIT:?}"));
            if m["id"] == json!(id) && m.get("method").is_none() {
                return m;
            }
            self.queued.push(m);
        }
    }

    #[track_caller]
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let m = self.request_raw(method, params);
        assert!(m.get("error").is_none(), "{method}: {m}");
        m["result"].clone()
    }

    fn recv_until(&mut self, deadline: Instant) -> Option<Value> {
        // Timed out, or the server is gone.
        self.rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .ok()
    }

    /// The next `publishDiagnostics` for `uri` (of `version`, when given).
    #[track_caller]
    pub fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let wanted = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == json!(v))
        };
        if let Some(i) = self.queued.iter().position(wanted) {
            let m = self.queued.remove(i);
            return m["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let m = self
                .recv_until(deadline)
                .unwrap_or_else(|| panic!("no diagnostics for {uri} {version:?}"));
            if wanted(&m) {
                return m["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
            self.queued.push(m);
        }
    }

    /// Every message that arrives within `d`.
    pub fn drain(&mut self, d: Duration) -> Vec<Value> {
        let deadline = Instant::now() + d;
        let mut out = std::mem::take(&mut self.queued);
        while let Some(m) = self.recv_until(deadline) {
            out.push(m);
        }
        out
    }

    pub fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "fluent", "version": version, "text": text}}),
        );
    }

    /// `shutdown` then `exit`: the server's exit code.
    pub fn shutdown(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r, Value::Null);
        self.notify("exit", Value::Null);
        self.wait()
    }

    pub fn wait(&mut self) -> i32 {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(s) = self.child.try_wait().expect("wait") {
                return s.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn uri(path: &std::path::Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().expect("UTF-8 path").bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The position of byte `offset` of `text`: line, and characters counted in UTF-16 units
/// (`utf16`) or bytes.
fn pos(text: &str, offset: usize, utf16: bool) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = if utf16 {
        before[start..].encode_utf16().count()
    } else {
        before.len() - start
    };
    json!({"line": line, "character": col})
}

/// The range of the `n`th occurrence (from 0) of `needle` in `text`.
fn range_of(text: &str, needle: &str, n: usize, utf16: bool) -> Value {
    let at = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"))
        .0;
    json!({"start": pos(text, at, utf16), "end": pos(text, at + needle.len(), utf16)})
}

/// Applies a `WorkspaceEdit`'s edits of one file (UTF-16 or UTF-8 positions).
fn apply(text: &str, edits: &[Value], utf16: bool) -> String {
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().expect("line") as usize;
        let ch = p["character"].as_u64().expect("character") as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let rest = &text[start..];
        let mut units = 0;
        for (i, c) in rest.char_indices() {
            if units >= ch || c == '\n' {
                return start + i;
            }
            units += if utf16 { c.len_utf16() } else { c.len_utf8() };
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().expect("newText").to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| (s.0, s.1));
    let mut out = String::new();
    let mut at = 0;
    for (s, e, t) in spans {
        out.push_str(&text[at..s]);
        out.push_str(&t);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

const SOURCE: &str = "# Title\n\n## Opposition to regime\n\nFirst paragraph about 2001.[^1]\n\nSecond paragraph about the court.\n\n## Grave risks\n\nThird one.\n\n[^1]: A note with words.\n";

const GLOSSARY: &str =
    "en,fr,ru,note,ru_allowed\ncourt,tribunal,суд,A court of law.,судебный орган\n";

/// The translation on disk: every message translated and stamped.
const RU: &str = "### ru translation of source/doc.md.\n\n# en: Title\ntitle = Заголовок\n\n# Переводчик: коротко\n# en: Opposition to regime\nopposition-to-regime = Оппозиция режиму\n\n# en: First paragraph about 2001.[^1]\nopposition-to-regime-p1 = Первый абзац о 2001 годе.[^1]\n\n# en: Second paragraph about the court.\nopposition-to-regime-p2 = Второй абзац о суде.\n\n# en: Grave risks\ngrave-risks = Серьёзные риски\n\n# en: Third one.\ngrave-risks-p1 = Третий.\n\n# en: A note with words.\nfn-1 = Примечание со словами.\n";

/// The editor's unsaved text: a stale stamp (the English it was made from was "the
/// regime"), a footnote reference dropped, three dots after an astral character, a
/// message missing, and a line the parser cannot read.
fn buffer() -> String {
    RU.replace(
        "# en: Opposition to regime",
        "# en: Opposition to the regime",
    )
    .replace("о 2001 годе.[^1]", "о 2001 годе.")
    .replace("Второй абзац о суде.", "Второй 𝄞 абзац о суде...")
    .replace("# en: Third one.\ngrave-risks-p1 = Третий.\n\n", "")
        + "\nбез знака равенства\n"
}

fn project() -> Project {
    let p = Project::new(SOURCE);
    p.write("glossary.csv", GLOSSARY);
    p.ok(&["sync"]);
    p.write("locales/ru/doc.ftl", RU);
    let status = p.status_json("ru");
    assert_eq!(status["translated"], 7, "{status}");
    p
}

/// (code, severity, range) of each diagnostic, and its message.
fn summary(diags: &[Value]) -> Vec<(String, i64, Value, String)> {
    diags
        .iter()
        .map(|d| {
            assert_eq!(d["source"], "dossier");
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["severity"].as_i64().unwrap_or(0),
                d["range"].clone(),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn expected_diagnostics(text: &str, utf16: bool) -> Vec<(String, i64, Value, String)> {
    let r = |needle: &str| range_of(text, needle, 0, utf16);
    // The first character of `needle`.
    let r1 = |needle: &str| {
        let at = text.find(needle).unwrap_or(0);
        let len = needle.chars().next().map_or(0, char::len_utf8);
        json!({"start": pos(text, at, utf16), "end": pos(text, at + len, utf16)})
    };
    let line0 = "### ru translation of source/doc.md.";
    vec![
        (
            "missing".into(),
            4,
            r(line0),
            "1 of the 7 messages of source/doc.md is missing here: `grave-risks-p1`".into(),
        ),
        (
            "stale".into(),
            3,
            json!({"start": pos(text, text.find("opposition-to-regime =").unwrap_or(0), utf16),
                   "end": pos(text, text.find("opposition-to-regime =").unwrap_or(0) + 20, utf16)}),
            "stale (wording): the English changed since this translation: Opposition to [-the -]regime".into(),
        ),
        (
            // Where the value starts: a missing reference has no place of its own.
            "markup".into(),
            1,
            r1("Первый абзац"),
            "footnote reference [^1] is missing (the English has it)".into(),
        ),
        (
            "typography".into(),
            2,
            r("..."),
            "three dots: use the ellipsis … (U+2026)".into(),
        ),
        (
            "syntax".into(),
            1,
            r1("без знака"),
            "Fluent cannot parse this entry: Expected one of \"a-zA-Z\"; the message is dropped from the edition".into(),
        ),
    ]
}

#[test]
fn an_unsaved_buffer_gets_every_finding_with_exact_ranges_in_utf16_and_utf8() {
    let p = project();
    let path = p.path("locales/ru/doc.ftl");
    let file = uri(&path);
    let text = buffer();
    for (caps, utf16) in [
        (json!({}), true),
        (
            json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
            false,
        ),
        // clangd's older extension, which some clients still send.
        (json!({"offsetEncoding": ["utf-8", "utf-16"]}), false),
    ] {
        let clangd = caps.get("offsetEncoding").is_some();
        let (mut c, init) = Client::start(p.dir.path(), caps, json!({"debounceMs": 20}));
        let encoding = if utf16 { "utf-16" } else { "utf-8" };
        assert_eq!(init["capabilities"]["positionEncoding"], encoding);
        if clangd {
            assert_eq!(init["offsetEncoding"], encoding);
        }
        c.open(&file, 1, &text);
        let got = summary(&c.diagnostics(&file, Some(1)));
        assert_eq!(got, expected_diagnostics(&text, utf16), "{encoding}");
        // Nothing was written: the file on disk is as it was.
        assert_eq!(p.read("locales/ru/doc.ftl"), RU);
        assert_eq!(c.shutdown(), 0);
    }
    // The same findings as `dossier check` on the same text saved.
    p.write("locales/ru/doc.ftl", &text);
    let check: Value =
        serde_json::from_str(&p.run(&["check", "ru", "--json"]).stdout).expect("json");
    let from_check: Vec<(String, i64, String)> = check["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            let m = d["message"].as_str().unwrap_or("").to_string();
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["line"].as_i64().unwrap_or(0) - 1,
                m,
            )
        })
        .collect();
    let from_lsp: Vec<(String, i64, String)> = expected_diagnostics(&text, true)
        .into_iter()
        .filter(|d| d.0 != "missing" && d.0 != "stale")
        .map(|d| (d.0, d.2["start"]["line"].as_i64().unwrap_or(0), d.3))
        .collect();
    assert_eq!(from_check, from_lsp);
}

/// A server on the project with the faulty buffer open (UTF-16 positions), its first
/// diagnostics read.
fn opened(p: &Project) -> (Client, String, String) {
    let (mut c, _) = Client::start(p.dir.path(), json!({}), json!({"debounceMs": 20}));
    let file = uri(&p.path("locales/ru/doc.ftl"));
    let text = buffer();
    c.open(&file, 1, &text);
    c.diagnostics(&file, Some(1));
    (c, file, text)
}

fn at(text: &str, needle: &str) -> Value {
    pos(
        text,
        text.find(needle).unwrap_or_else(|| panic!("{needle:?}")),
        true,
    )
}

fn doc_pos(file: &str, p: Value) -> Value {
    json!({"textDocument": {"uri": file}, "position": p})
}

/// The actions offered at a position: title → the edits of the file.
fn actions(c: &mut Client, file: &str, p: Value) -> Vec<(String, String, Vec<Value>)> {
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": file}, "range": {"start": p, "end": p}, "context": {"diagnostics": []}}),
    );
    r.as_array()
        .expect("actions")
        .iter()
        .map(|a| {
            (
                a["title"].as_str().unwrap_or("").to_string(),
                a["kind"].as_str().unwrap_or("").to_string(),
                a["edit"]["changes"][file]
                    .as_array()
                    .cloned()
                    .unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn incremental_changes_are_debounced_and_answered_for_the_last_version() {
    let p = project();
    let (mut c, file, text) = opened(&p);
    // The three dots replaced by the ellipsis, as an editor sends a keystroke: a range in
    // UTF-16 units after the astral character.
    let dots = range_of(&text, "...", 0, true);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": file, "version": 2},
               "contentChanges": [{"range": dots, "text": "…"}]}),
    );
    let codes: Vec<String> = summary(&c.diagnostics(&file, Some(2)))
        .into_iter()
        .map(|d| d.0)
        .collect();
    assert_eq!(codes, ["missing", "stale", "markup", "syntax"]);
    c.shutdown();

    // A burst of changes well inside the debounce time gives one answer, for the last.
    let (mut c, _) = Client::start(p.dir.path(), json!({}), json!({"debounceMs": 1500}));
    c.open(&file, 1, &text);
    c.diagnostics(&file, Some(1));
    let mut now = text.clone();
    for v in 2..=6 {
        let end = pos(&now, now.len(), true);
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": file, "version": v},
                   "contentChanges": [{"range": {"start": end, "end": end}, "text": "\n"}]}),
        );
        now.push('\n');
    }
    let published: Vec<Value> = c
        .drain(Duration::from_millis(2500))
        .into_iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .map(|m| m["params"]["version"].clone())
        .collect();
    assert_eq!(published, [json!(6)]);
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn hover_shows_the_english_and_for_a_stale_message_what_changed() {
    let p = project();
    let (mut c, file, text) = opened(&p);
    let h = c.request("textDocument/hover", doc_pos(&file, at(&text, "ppositio")));
    assert_eq!(
        h["contents"]["value"],
        "**`opposition-to-regime`** · heading · stale (wording)\n\n**English**\n\n> Opposition to regime\n\n**Translated from**\n\n> Opposition to the regime\n\n**What changed** (wording)\n\nOpposition to ~~the~~ regime"
    );
    assert_eq!(h["range"], range_of(&text, "opposition-to-regime", 0, true));
    // On a value, a translated message: its English only.
    let h = c.request("textDocument/hover", doc_pos(&file, at(&text, "Заголовок")));
    assert_eq!(
        h["contents"]["value"],
        "**`title`** · heading · translated\n\n**English**\n\n> Title"
    );
    // Between messages: nothing.
    let blank = json!({"line": 1, "character": 0});
    assert_eq!(
        c.request("textDocument/hover", doc_pos(&file, blank)),
        Value::Null
    );
    c.shutdown();
}

#[test]
fn code_actions_accept_fix_and_add_missing_messages_as_edits_the_editor_applies() {
    let p = project();
    let (mut c, file, text) = opened(&p);
    // On the stale message: accept it (and, for the whole file, the same).
    let offered = actions(&mut c, &file, at(&text, "ppositio"));
    let titles: Vec<(&str, &str)> = offered
        .iter()
        .map(|(t, k, _)| (t.as_str(), k.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("Accept against the current English", "quickfix"),
            ("Add missing messages (1)", "quickfix"),
            (
                "Apply every automatic fix of this file (dossier check --fix)",
                "source.fixAll"
            ),
            (
                "Accept every stale message of this file (1) against the current English",
                "source.acceptAll.dossier"
            ),
        ]
    );
    // The accept edit: only the stamp's changed words.
    let accept = &offered[0].2;
    assert_eq!(
        accept,
        &vec![json!({"range": range_of(&text, "the ", 0, true), "newText": ""})]
    );
    let accepted = apply(&text, accept, true);
    assert!(accepted.contains("# Переводчик: коротко\n# en: Opposition to regime\nopposition-to-regime = Оппозиция режиму\n"));
    // Exactly what `dossier accept` writes for the same text.
    p.write("locales/ru/doc.ftl", &text);
    p.ok(&["accept", "ru", "opposition-to-regime"]);
    assert_eq!(p.read("locales/ru/doc.ftl"), accepted);
    // Applied in the editor (a full-text change): the stale diagnostic is gone.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": file, "version": 2}, "contentChanges": [{"text": accepted}]}),
    );
    let codes: Vec<String> = summary(&c.diagnostics(&file, Some(2)))
        .into_iter()
        .map(|d| d.0)
        .collect();
    assert_eq!(codes, ["missing", "markup", "typography", "syntax"]);

    // On the three dots: the check's fix, as a preferred quick fix.
    let offered = actions(&mut c, &file, at(&accepted, "..."));
    assert_eq!(
        offered[0].0,
        "write … (U+2026 HORIZONTAL ELLIPSIS) (typography)"
    );
    assert_eq!(offered[0].1, "quickfix");
    assert_eq!(
        offered[0].2,
        vec![json!({"range": range_of(&accepted, "...", 0, true), "newText": "…"})]
    );

    // Add missing messages: a commented placeholder with its stamp, in document order.
    let add = offered
        .iter()
        .find(|a| a.0 == "Add missing messages (1)")
        .expect("add missing");
    let added = apply(&accepted, &add.2, true);
    assert!(
        added.contains("grave-risks = Серьёзные риски\n\n# en: Third one.\n# grave-risks-p1 = Third one.\n\n# en: A note"),
        "{added}"
    );
    // A placeholder does not count as translated: still missing, and not offered again.
    p.write("locales/ru/doc.ftl", &added);
    assert_eq!(p.status_json("ru")["missing"], 1);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": file, "version": 3}, "contentChanges": [{"text": added}]}),
    );
    c.diagnostics(&file, Some(3));
    let offered = actions(&mut c, &file, at(&added, "Заголовок"));
    assert!(
        offered.iter().all(|a| !a.0.starts_with("Add missing")),
        "{offered:?}"
    );
    c.shutdown();
}

#[test]
fn suggestions_from_the_translation_memory_are_offered_for_stale_and_missing_messages() {
    let p = project();
    // The memory: a translation of a close English in another locale file's history is
    // not needed; ru's own obsolete message is.
    let mut text = buffer();
    text.push_str("\n# en: Third one!\ngrave-risks-p9 = Третий!\n");
    let (mut c, _) = Client::start(p.dir.path(), json!({}), json!({"debounceMs": 20}));
    let file = uri(&p.path("locales/ru/doc.ftl"));
    c.open(&file, 1, &text);
    c.diagnostics(&file, Some(1));
    // On the file-level hint: the missing message's best suggestion.
    let offered = actions(&mut c, &file, json!({"line": 0, "character": 0}));
    let (title, kind, edits) = offered
        .iter()
        .find(|a| a.0.starts_with("Insert suggestion for"))
        .expect("a suggestion");
    assert_eq!(
        title,
        "Insert suggestion for `grave-risks-p1` (99 %) from `grave-risks-p9`"
    );
    assert_eq!(kind, "quickfix");
    let filled = apply(&text, edits, true);
    assert!(
        filled.contains("grave-risks = Серьёзные риски\n\n# en: Third one!\ngrave-risks-p1 = Третий!\n\n# en: A note"),
        "{filled}"
    );
    // Stamped with the English it was made from, as `suggest --fill` stamps it (here a
    // punctuation-only difference, which sync carries over: not missing, not stale).
    p.write("locales/ru/doc.ftl", &filled);
    assert_eq!(p.status_json("ru")["missing"], 0);
    let states = p.diff_states("ru");
    assert!(
        states.iter().all(|(id, _, _)| id != "grave-risks-p1"),
        "{states:?}"
    );
    // On a stale message: the value and the stamp replaced, its notes kept.
    let stale = text.replace(
        "\nбез знака",
        "\n# en: Third.\n# черновик\ngrave-risks-p1 = Третье.\n\nбез знака",
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": file, "version": 2}, "contentChanges": [{"text": stale}]}),
    );
    c.diagnostics(&file, Some(2));
    let offered = actions(&mut c, &file, at(&stale, "grave-risks-p1"));
    let (title, _, edits) = offered
        .iter()
        .find(|a| a.0.starts_with("Insert suggestion ("))
        .expect("a suggestion");
    assert_eq!(title, "Insert suggestion (99 %) from `grave-risks-p9`");
    let filled = apply(&stale, edits, true);
    assert!(
        filled.contains("\n# en: Third one!\n# черновик\ngrave-risks-p1 = Третий!\n"),
        "{filled}"
    );
    c.shutdown();
}

#[test]
fn definition_references_completion_symbols_and_tokens() {
    let p = project();
    p.write("locales/fr/doc.ftl", "# en: Title\ntitle = Titre\n");
    let (mut c, file, text) = opened(&p);
    // Definition: the heading's text in the source.
    let d = c.request(
        "textDocument/definition",
        doc_pos(&file, at(&text, "ppositio")),
    );
    assert_eq!(
        d,
        json!({"uri": uri(&p.path("source/doc.md")), "range": range_of(SOURCE, "Opposition to regime", 0, true)})
    );
    // References: the id in the reference and in each locale file that has it.
    let r = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": file}, "position": at(&text, "itle ="), "context": {"includeDeclaration": true}}),
    );
    let en = p.read("locales/en/doc.ftl");
    assert_eq!(
        r,
        json!([
            {"uri": uri(&p.path("locales/en/doc.ftl")), "range": range_of(&en, "title", 0, true)},
            {"uri": uri(&p.path("locales/fr/doc.ftl")), "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 5}}},
            {"uri": file, "range": range_of(&text, "title", 0, true)},
        ])
    );
    // Completion in a value: the glossary's forms for "court", with the typed prefix
    // replaced (one Cyrillic letter, one UTF-16 unit).
    let after_s = {
        let i = text.find("о суде").expect("value") + "о с".len();
        pos(&text, i, true)
    };
    let items = c.request("textDocument/completion", doc_pos(&file, after_s.clone()));
    let got: Vec<(String, String, Value)> = items
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["label"].as_str().unwrap_or("").to_string(),
                i["detail"].as_str().unwrap_or("").to_string(),
                i["textEdit"]["range"]["start"].clone(),
            )
        })
        .collect();
    let typed = {
        let i = text.find("о суде").expect("value") + "о ".len();
        pos(&text, i, true)
    };
    assert_eq!(
        got,
        [
            ("суд".into(), "glossary: court".into(), typed.clone()),
            (
                "судебный орган".into(),
                "glossary: court (allowed variant)".into(),
                typed
            ),
        ]
    );
    // In the footnote's paragraph: the English's reference.
    let in_p1 = at(&text, "годе.");
    let items = c.request("textDocument/completion", doc_pos(&file, in_p1));
    assert_eq!(items[0]["label"], "[^1]");
    assert_eq!(items[0]["detail"], "footnote reference of the English");
    // Outside a value: nothing.
    let none = c.request(
        "textDocument/completion",
        doc_pos(&file, json!({"line": 0, "character": 3})),
    );
    assert_eq!(none, json!([]));

    // Outline: messages under their headings, each with its state.
    let s = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": file}}),
    );
    fn tree(v: &Value) -> Vec<String> {
        let mut out = Vec::new();
        for s in v.as_array().into_iter().flatten() {
            let state = s["detail"]
                .as_str()
                .unwrap_or("")
                .split(" · ")
                .next()
                .unwrap_or("");
            out.push(format!("{} [{state}]", s["name"].as_str().unwrap_or("")));
            out.extend(tree(&s["children"]).into_iter().map(|c| format!("  {c}")));
        }
        out
    }
    assert_eq!(
        tree(&s),
        [
            "title [translated]",
            "  opposition-to-regime [stale (wording)]",
            "    opposition-to-regime-p1 [translated]",
            "    opposition-to-regime-p2 [translated]",
            "  grave-risks [translated]",
            "    fn-1 [translated]",
        ]
    );

    // Semantic tokens: the first lines decoded (type index per the legend).
    let legend = {
        let (c2, init) = Client::start(p.dir.path(), json!({}), json!({}));
        let l = init["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"].clone();
        c2.shutdown();
        l
    };
    let t = c.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": file}}),
    );
    let data: Vec<u64> = t["data"]
        .as_array()
        .expect("data")
        .iter()
        .map(|v| v.as_u64().unwrap_or(0))
        .collect();
    let (mut line, mut col) = (0, 0);
    let mut decoded = Vec::new();
    for d in data.chunks(5).take(6) {
        if d[0] > 0 {
            col = 0;
        }
        line += d[0];
        col += d[1];
        decoded.push((
            line,
            col,
            d[2],
            legend[d[3] as usize].as_str().unwrap_or("").to_string(),
            d[4],
        ));
    }
    assert_eq!(
        decoded,
        [
            (0, 0, 36, "comment".into(), 0),
            (2, 0, 11, "comment".into(), 2),
            (3, 0, 5, "variable".into(), 1),
            (3, 6, 1, "operator".into(), 0),
            (5, 0, 21, "comment".into(), 0),
            (6, 0, 30, "comment".into(), 2),
        ]
    );
    c.shutdown();
}

#[test]
fn the_reference_is_read_only_and_a_broken_project_says_why() {
    let p = project();
    let (mut c, _) = Client::start(p.dir.path(), json!({}), json!({"debounceMs": 20}));
    let en = uri(&p.path("locales/en/doc.ftl"));
    c.open(&en, 1, &p.read("locales/en/doc.ftl"));
    let d = summary(&c.diagnostics(&en, Some(1)));
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].0.as_str(), d[0].1), ("reference", 3));
    assert_eq!(
        d[0].3,
        "this file is written by `dossier sync` from source/doc.md: edit the English there; changes made here are replaced by the next sync"
    );
    // A file of no document gets nothing.
    c.open(&uri(&p.path("locales/ru/other.ftl")), 1, "a = b\n");
    let others: Vec<Value> = c
        .drain(Duration::from_millis(300))
        .into_iter()
        .filter(|m| {
            m["params"]["uri"]
                .as_str()
                .is_some_and(|u| u.ends_with("other.ftl"))
        })
        .collect();
    // A broken configuration: one error at the top of each open file of the project.
    p.write("l10n.toml", "locales = [\"ru\"\n");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&p.path("l10n.toml")), "type": 2}]}),
    );
    let d = summary(&c.diagnostics(&en, None));
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].0.as_str(), d[0].1), ("error", 1));
    assert!(
        d[0].3.ends_with("l10n.toml: invalid array\nexpected `]`"),
        "{}",
        d[0].3
    );
    assert_eq!(others, Vec::<Value>::new());
    c.shutdown();
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let p = project();
    let (mut c, _) = Client::start(p.dir.path(), json!({}), json!({}));
    c.notify("exit", Value::Null);
    assert_eq!(c.wait(), 1);
    // An unknown request is an error answer, not a crash.
    let (mut c, _) = Client::start(p.dir.path(), json!({}), json!({}));
    let r = c.request_raw("textDocument/rename", json!({}));
    assert!(
        r["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("rename")),
        "{r}"
    );
    assert_eq!(c.shutdown(), 0);
}

/// A buffer with CRLF line ends (a Windows editor) reads as the same text with LF, as a
/// file on disk does: the same findings on the same lines, and `dossier check` agrees.
#[test]
fn crlf_in_a_buffer_reads_as_on_disk() {
    let p = project();
    let (mut c, _) = Client::start(p.dir.path(), json!({}), json!({"debounceMs": 20}));
    let file = uri(&p.path("locales/ru/doc.ftl"));
    c.open(&file, 1, RU);
    let lf = summary(&c.diagnostics(&file, Some(1)));
    let crlf = RU.replace('\n', "\r\n");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": file, "version": 2}, "contentChanges": [{"text": crlf}]}),
    );
    let with_cr = summary(&c.diagnostics(&file, Some(2)));
    assert_eq!(with_cr, lf);
    p.write("locales/ru/doc.ftl", RU);
    let on_lf = p.run(&["check", "ru"]).code;
    p.write("locales/ru/doc.ftl", &crlf);
    assert_eq!(p.run(&["check", "ru"]).code, on_lf);
    c.shutdown();
}

#[test]
fn a_client_that_watches_files_is_asked_to_report_the_projects_files() {
    let p = project();
    let caps = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let (mut c, _) = Client::start(p.dir.path(), caps, json!({}));
    let asked: Vec<Value> = c
        .drain(Duration::from_millis(300))
        .into_iter()
        .filter(|m| m["method"] == "client/registerCapability")
        .collect();
    assert_eq!(asked.len(), 1, "{asked:?}");
    let r = &asked[0]["params"]["registrations"][0];
    assert_eq!(r["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = r["registerOptions"]["watchers"]
        .as_array()
        .expect("watchers")
        .iter()
        .filter_map(|w| w["globPattern"].as_str())
        .collect();
    assert_eq!(
        globs,
        [
            "**/*.md",
            "**/*.ftl",
            "**/glossary.csv",
            "**/l10n.toml",
            "**/dossier.toml"
        ]
    );
    // The client's answer is taken without complaint.
    let id = asked[0]["id"].clone();
    let answer = json!({"jsonrpc": "2.0", "id": id, "result": null});
    let body = answer.to_string();
    write!(c.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("send");
    c.stdin.flush().expect("flush");
    assert_eq!(c.shutdown(), 0);
}
