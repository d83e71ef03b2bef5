//! The workspace (`dossier serve`) and the publisher's report, timed on copies of the
//! repository's own dossier: the queue page of a locale and a save (check included) on
//! one document; the home page on a thousand; `dossier report` on 1, 100 and 1,000
//! documents (linear in the corpus). Answers are timed from the request's first byte to
//! the answer's last, on loopback; each figure is a median.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::measure::median;

/// Requests timed per figure.
const RUNS: usize = 20;

pub struct Report {
    pub queue: Duration,
    pub save: Duration,
    pub home: Duration,
    pub home_docs: usize,
    /// (documents, median time of `dossier report --json`).
    pub report: Vec<(usize, Duration)>,
}

impl Report {
    pub fn lines(&self) -> String {
        let mut out = format!(
            "`dossier serve`: the queue page of fr for the dossier {}; a save (check included) {}; the home page of a {}-document project {} (medians of {RUNS}).\n",
            super::ms(self.queue),
            super::ms(self.save),
            self.home_docs,
            super::ms(self.home),
        );
        let report: Vec<String> = self
            .report
            .iter()
            .map(|(n, t)| format!("{n} document(s) {}", super::ms(*t)))
            .collect();
        out.push_str(&format!(
            "`dossier report --json` (every locale): {}.\n",
            report.join(", ")
        ));
        out
    }
}

/// A project of `n` copies of the repository's dossier (`d0001` …), synced.
fn corpus(bin: &Path, root: &Path, dir: &Path, n: usize) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(dir);
    let copy = |from: &Path, to: &Path| -> Result<(), String> {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::copy(from, to)
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", from.display()))
    };
    for f in ["l10n.toml", "dossier.toml", "glossary.csv"] {
        copy(&root.join(f), &dir.join(f))?;
    }
    for k in 0..n {
        let name = if n == 1 {
            "dossier".to_string()
        } else {
            format!("d{k:04}")
        };
        copy(
            &root.join("source/dossier.md"),
            &dir.join("source").join(format!("{name}.md")),
        )?;
        for l in ["en", "fr", "ru", "kk"] {
            copy(
                &root.join("locales").join(l).join("dossier.ftl"),
                &dir.join("locales").join(l).join(format!("{name}.ftl")),
            )?;
        }
    }
    let ok = Command::new(bin)
        .args(["--quiet", "sync"])
        .current_dir(dir)
        .status()
        .map_err(|e| format!("cannot run dossier: {e}"))?
        .success();
    if ok {
        Ok(())
    } else {
        Err(format!("dossier sync failed in {}", dir.display()))
    }
}

struct Server {
    child: Child,
    addr: String,
    token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(bin: &Path, dir: &Path) -> Result<Server, String> {
        let mut child = Command::new(bin)
            .args(["serve", "--port", "0", "--no-open", "--reviewer", "bench"])
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start dossier serve: {e}"))?;
        let mut line = String::new();
        let out = child.stdout.take().ok_or("no output from dossier serve")?;
        BufReader::new(out)
            .read_line(&mut line)
            .map_err(|e| format!("dossier serve: {e}"))?;
        let rest = line
            .trim()
            .strip_prefix("http://")
            .ok_or_else(|| format!("dossier serve printed {line:?}"))?;
        let (addr, query) = rest.split_once('/').ok_or("no path in the URL")?;
        let token = query.strip_prefix("?token=").ok_or("no token in the URL")?;
        Ok(Server {
            child,
            addr: addr.to_string(),
            token: token.to_string(),
        })
    }

    /// The answer's status and body, and how long it took.
    fn request(
        &self,
        method: &str,
        path: &str,
        body: &str,
    ) -> Result<(u16, String, Duration), String> {
        let started = Instant::now();
        let mut s = TcpStream::connect(&self.addr).map_err(|e| format!("connect: {e}"))?;
        let req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nX-Dossier-Token: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            self.token,
            body.len()
        );
        s.write_all(req.as_bytes())
            .map_err(|e| format!("write: {e}"))?;
        let mut out = String::new();
        s.read_to_string(&mut out)
            .map_err(|e| format!("read: {e}"))?;
        let took = started.elapsed();
        let status = out
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let body = out
            .split_once("\r\n\r\n")
            .map_or("", |(_, b)| b)
            .to_string();
        Ok((status, body, took))
    }

    /// The median time of `RUNS` requests that must answer 200.
    fn timed(
        &self,
        method: &str,
        path: &str,
        body: impl Fn(usize) -> String,
    ) -> Result<Duration, String> {
        let mut times = Vec::with_capacity(RUNS);
        for k in 0..=RUNS {
            let (status, text, took) = self.request(method, path, &body(k))?;
            if status != 200 {
                return Err(format!("{method} {path}: {status} {text}"));
            }
            // The first is a warm-up (caches, the glossary).
            if k > 0 {
                times.push(took);
            }
        }
        Ok(median(times))
    }
}

/// The version of message `id` of the dossier in fr, from the API.
fn version(s: &Server, id: &str) -> Result<String, String> {
    let (_, body, _) = s.request("GET", &format!("/api/messages/fr/dossier/{id}"), "")?;
    let v: serde_json::Value = serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))?;
    v["version"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("no version in {body}"))
}

pub fn measure(bin: &Path, root: &Path, tmp: &Path) -> Result<Report, String> {
    let one: PathBuf = tmp.join("workspace-1");
    corpus(bin, root, &one, 1)?;
    let s = Server::start(bin, &one)?;
    let queue = s.timed("GET", "/l/fr?doc=dossier", |_| String::new())?;
    // Saves alternate two texts of one message, each with the version the last one left.
    let id = "opposition-to-regime";
    let mut times = Vec::with_capacity(RUNS);
    for k in 0..=RUNS {
        let text = if k % 2 == 0 {
            "Opposition au régime"
        } else {
            "Opposition au régime en place"
        };
        let body =
            serde_json::json!({"translation": text, "version": version(&s, id)?}).to_string();
        let (status, answer, took) =
            s.request("PUT", &format!("/api/messages/fr/dossier/{id}"), &body)?;
        if status != 200 {
            return Err(format!("save: {status} {answer}"));
        }
        if k > 0 {
            times.push(took);
        }
    }
    let save = median(times);
    drop(s);
    let mut report = Vec::new();
    let mut home = Duration::ZERO;
    let mut home_docs = 0;
    for n in [1, 100, 1000] {
        let dir = tmp.join(format!("workspace-{n}"));
        if n > 1 {
            corpus(bin, root, &dir, n)?;
        }
        let mut times = Vec::new();
        for _ in 0..5 {
            let started = Instant::now();
            let ok = Command::new(bin)
                .args(["report", "--json"])
                .current_dir(&dir)
                .stdout(Stdio::null())
                .status()
                .map_err(|e| format!("cannot run dossier report: {e}"))?
                .success();
            if !ok {
                return Err(format!("dossier report failed in {}", dir.display()));
            }
            times.push(started.elapsed());
        }
        report.push((n, median(times)));
        if n == 1000 {
            let s = Server::start(bin, &dir)?;
            home = s.timed("GET", "/", |_| String::new())?;
            home_docs = n;
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    let _ = std::fs::remove_dir_all(&one);
    Ok(Report {
        queue,
        save,
        home,
        home_docs,
        report,
    })
}
