//! The same cycle with po4a and gettext: one po4a configuration covering every document
//! (Markdown through po4a's text format with `-o markdown`) and three languages, with
//! po4a's default layout (one POT, one PO file per language: po4a's split mode, a PO file
//! per document, was slower still, its compendium growing with the corpus), then `po4a`
//! updating the PO files (msgmerge) and writing the translated documents, in one run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::corpus::{Base, Doc};

/// po4a's and msgmerge's versions, when both are installed.
pub fn available() -> Option<String> {
    let version = |prog: &str| {
        let out = Command::new(prog).arg("--version").output().ok()?;
        out.status.success().then(|| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .next()
                .unwrap_or(prog)
                .trim()
                .to_string()
        })
    };
    let p = version("po4a")?;
    let m = version("msgmerge")?;
    Some(format!("{p}, {m}"))
}

/// A corpus set up for po4a: the PO and POT files as they are before the edit.
pub struct Po4a {
    pristine: Vec<(PathBuf, String)>,
    pub matched: usize,
    pub copied: usize,
}

const CONFIG: &str = "po4a.cfg";

fn config(base: &Base, docs: &[Doc]) -> String {
    let mut c = format!(
        "[po4a_langs] {}\n[po4a_paths] po/dossier.pot $lang:po/$lang.po\n[options] --keep 0 --master-charset UTF-8 --localized-charset UTF-8\n",
        base.locales.join(" ")
    );
    for d in docs {
        c.push_str(&format!(
            "[type: text] source/{0}.md $lang:po4a/$lang/{0}.md opt:\"-o markdown\"\n",
            d.name
        ));
    }
    c
}

impl Po4a {
    pub fn command(&self, dir: &Path) -> Command {
        let mut c = Command::new("po4a");
        c.arg("--force").arg(CONFIG).current_dir(dir);
        c
    }

    pub fn restore(&self, dir: &Path) -> Result<(), String> {
        for (p, t) in &self.pristine {
            let path = dir.join(p);
            std::fs::write(&path, t).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    }
}

/// Writes the configuration, lets po4a extract every document, and fills every PO file
/// with the corpus's translations (the documents must be as before the edit).
pub fn setup(dir: &Path, base: &Base, docs: &[Doc]) -> Result<Po4a, String> {
    std::fs::create_dir_all(dir.join("po")).map_err(|e| format!("{}: {e}", dir.display()))?;
    let cfg = dir.join(CONFIG);
    std::fs::write(&cfg, config(base, docs)).map_err(|e| format!("{}: {e}", cfg.display()))?;
    let out = Command::new("po4a")
        .args(["--no-translations", CONFIG])
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run po4a: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "po4a failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let read = |rel: &Path| {
        std::fs::read_to_string(dir.join(rel)).map_err(|e| format!("{}: {e}", rel.display()))
    };
    let pot = PathBuf::from("po/dossier.pot");
    let mut pristine = vec![(pot.clone(), read(&pot)?)];
    let by_text: HashMap<String, &Vec<String>> = docs
        .iter()
        .flat_map(|d| d.by_text.iter().map(|(en, t)| (normalize(en), t)))
        .collect();
    let (mut matched, mut copied) = (0, 0);
    for (i, l) in base.locales.iter().enumerate() {
        let rel = PathBuf::from(format!("po/{l}.po"));
        let filled = fill(&read(&rel)?, |msgid| {
            // A footnote's paragraph comes with its label: `[^12]: Text`.
            let (label, text) = match msgid.strip_prefix("[^").and_then(|r| r.split_once("]: ")) {
                Some((label, text)) => (format!("[^{label}]: "), text),
                None => (String::new(), msgid),
            };
            let t = by_text
                .get(&normalize(text))
                .map(|t| format!("{label}{}", t[i]));
            match t {
                Some(_) => matched += 1,
                None => copied += 1,
            }
            t.unwrap_or_else(|| msgid.to_string())
        });
        let path = dir.join(&rel);
        std::fs::write(&path, &filled).map_err(|e| format!("{}: {e}", path.display()))?;
        pristine.push((rel, filled));
    }
    Ok(Po4a {
        pristine,
        matched,
        copied,
    })
}

fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PO text with every message's msgstr set to `translate(msgid)`.
fn fill(po: &str, mut translate: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(po.len() * 3);
    for entry in po.split("\n\n") {
        if entry.trim().is_empty() {
            continue;
        }
        let lines: Vec<&str> = entry.lines().collect();
        let Some(id_at) = lines.iter().position(|l| l.starts_with("msgid ")) else {
            out.push_str(entry);
            out.push_str("\n\n");
            continue;
        };
        let str_at = lines
            .iter()
            .position(|l| l.starts_with("msgstr "))
            .unwrap_or(lines.len());
        let msgid: String = lines[id_at..str_at]
            .iter()
            .map(|l| unquote(l.trim_start_matches("msgid ")))
            .collect();
        for l in &lines[..str_at] {
            out.push_str(l);
            out.push('\n');
        }
        if msgid.is_empty() {
            // The header.
            for l in &lines[str_at..] {
                out.push_str(l);
                out.push('\n');
            }
        } else {
            out.push_str("msgstr \"");
            out.push_str(&quote(&translate(&msgid)));
            out.push_str("\"\n");
        }
        out.push('\n');
    }
    out
}

fn unquote(line: &str) -> String {
    let s = line.trim();
    let s = s.strip_prefix('"').unwrap_or(s);
    let s = s.strip_suffix('"').unwrap_or(s);
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}
