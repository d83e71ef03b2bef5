//! The language server's answer time: `dossier lsp` (the release binary) with a locale
//! file of the repository's own dossier open, edited message after message as a
//! translator types; each edit's time is from sending the change to receiving its
//! diagnostics (debouncing off, so the server's own work is what is timed). The first
//! open is timed apart: it reads the project, the glossary and the language models.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How many edits are timed.
const EDITS: usize = 30;

pub struct Report {
    pub file: String,
    pub messages: usize,
    pub lines: usize,
    pub open: Duration,
    pub edits: Vec<Duration>,
}

impl Report {
    pub fn line(&self) -> String {
        let median = super::measure::median(self.edits.clone());
        let max = self.edits.iter().max().copied().unwrap_or_default();
        format!(
            "`dossier lsp`, diagnostics of {} ({} messages, {} lines) after an edit: median {}, slowest {} over {} edits; on opening it (reading the project, the glossary, the language models): {}",
            self.file,
            self.messages,
            self.lines,
            super::ms(median),
            super::ms(max),
            self.edits.len(),
            super::ms(self.open),
        )
    }
}

/// A JSON string literal.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn measure(bin: &Path, root: &Path) -> Result<Report, String> {
    let rel = "locales/ru/dossier.ftl";
    let path = root.join(rel);
    let mut text =
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let uri = format!("file://{}", path.display());
    let mut child = Command::new(bin)
        .arg("lsp")
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start dossier lsp: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        loop {
            let mut len = 0;
            loop {
                let mut line = String::new();
                if r.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                if line.trim().is_empty() {
                    break;
                }
                if let Some(v) = line.trim().strip_prefix("Content-Length: ") {
                    len = v.parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; len];
            if r.read_exact(&mut body).is_err()
                || tx.send(String::from_utf8_lossy(&body).into()).is_err()
            {
                return;
            }
        }
    });
    let mut send = |body: String| -> Result<(), String> {
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|_| stdin.flush())
            .map_err(|e| format!("dossier lsp: {e}"))
    };
    // Waits for the message that `done` recognises.
    let wait = |done: &dyn Fn(&str) -> bool| -> Result<(), String> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = rx
                .recv_timeout(left)
                .map_err(|_| "dossier lsp did not answer within 60 s".to_string())?;
            if done(&m) {
                return Ok(());
            }
        }
    };
    send(
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{"general":{"positionEncodings":["utf-8"]}},"initializationOptions":{"debounceMs":0}}}"#
            .into(),
    )?;
    wait(&|m| m.contains(r#""id":1"#))?;
    send(r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.into())?;
    let diagnostics = |v: usize| {
        let version = format!(r#""version":{v}"#);
        move |m: &str| m.contains("textDocument/publishDiagnostics") && m.contains(&version)
    };
    let start = Instant::now();
    send(format!(
        r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"textDocument":{{"uri":{},"languageId":"fluent","version":1,"text":{}}}}}}}"#,
        string(&uri),
        string(&text)
    ))?;
    wait(&diagnostics(1))?;
    let open = start.elapsed();
    // Each edit appends a word to the value of another message (a line `id = …`).
    let value_lines: Vec<usize> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| l.contains(" = ") && !l.starts_with('#'))
        .map(|(i, _)| i)
        .collect();
    if value_lines.is_empty() {
        return Err(format!("{rel}: no messages"));
    }
    let mut edits = Vec::new();
    for k in 0..EDITS {
        let line = value_lines[k % value_lines.len()];
        let width = text.split('\n').nth(line).map_or(0, str::len);
        let version = k + 2;
        let start = Instant::now();
        send(format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/didChange","params":{{"textDocument":{{"uri":{},"version":{version}}},"contentChanges":[{{"range":{{"start":{{"line":{line},"character":{width}}},"end":{{"line":{line},"character":{width}}}}},"text":" да"}}]}}}}"#,
            string(&uri)
        ))?;
        wait(&diagnostics(version))?;
        edits.push(start.elapsed());
        let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
        lines[line].push_str(" да");
        text = lines.join("\n");
    }
    send(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}"#.into())?;
    wait(&|m| m.contains(r#""id":2"#))?;
    send(r#"{"jsonrpc":"2.0","method":"exit","params":null}"#.into())?;
    let _ = child.wait();
    Ok(Report {
        file: rel.to_string(),
        messages: value_lines.len(),
        lines: text.split('\n').count(),
        open,
        edits,
    })
}
