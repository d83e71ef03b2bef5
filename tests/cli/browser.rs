//! Editions in a real browser (issue 19, item 15): axe-core finds no serious accessibility
//! violation in any edition or review page, and a page built by `build --watch` reloads by
//! itself when a saved change is rebuilt. The scripts under tests/browser/ drive the
//! system Chromium with puppeteer-core; their npm packages are installed here when missing
//! (`npm ci`, from the committed package-lock.json), as `cargo xtask deps` does.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{mpsc, OnceLock};
use std::time::Duration;

use super::editions::dossier_project;
use super::{repo_root, Project, SOURCE};

/// tests/browser with its node_modules, installed once per test run.
fn browser_dir() -> &'static Path {
    static READY: OnceLock<PathBuf> = OnceLock::new();
    READY.get_or_init(|| {
        let dir = repo_root().join("tests/browser");
        let installed = ["axe-core/axe.min.js", "puppeteer-core/package.json"]
            .iter()
            .all(|f| dir.join("node_modules").join(f).is_file());
        if !installed {
            let o = Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
                .env("PUPPETEER_SKIP_DOWNLOAD", "1")
                .current_dir(&dir)
                .output()
                .expect("npm is needed (apt-get install nodejs npm; `cargo xtask deps` does it)");
            assert!(
                o.status.success(),
                "npm ci in tests/browser failed:\n{}",
                String::from_utf8_lossy(&o.stderr)
            );
        }
        dir
    })
}

fn node(script: &str) -> Command {
    let mut c = Command::new("node");
    c.arg(browser_dir().join(script));
    c
}

/// Every edition, working and for readers, and the review page: no serious or critical
/// violation (each edition had one, `link-in-text-block`: the notes' links were told
/// apart by colour alone).
#[test]
fn axe_finds_no_serious_violation_in_any_edition() {
    let p = dossier_project();
    p.ok(&["build"]);
    p.ok(&["build", "--publish", "--out", "published"]);
    p.ok(&["diff", "kk", "--html", "review-kk.html"]);
    let mut pages: Vec<PathBuf> = Vec::new();
    for dir in ["build", "published"] {
        for l in ["en", "fr", "ru", "kk", "kk-Latn"] {
            pages.push(p.path(&format!("{dir}/{l}/dossier.html")));
        }
    }
    pages.push(p.path("review-kk.html"));
    let o = node("axe.mjs")
        .args(&pages)
        .output()
        .expect("node is needed");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "axe.mjs failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut seen = 0;
    let mut serious = Vec::new();
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        seen += 1;
        for violation in v["violations"].as_array().expect("violations") {
            if matches!(violation["impact"].as_str(), Some("serious" | "critical")) {
                serious.push(format!("{}: {violation}", v["page"]));
            }
        }
    }
    assert_eq!(seen, pages.len(), "{stdout}");
    assert!(serious.is_empty(), "{serious:#?}");
}

#[test]
fn a_page_built_with_watch_reloads_by_itself_and_normal_builds_have_no_script() {
    let p = Project::new(SOURCE);
    p.ok(&["sync"]);
    p.write("locales/fr/doc.ftl", "title = Titre\n");
    p.ok(&["build"]);
    let normal = p.read("build/fr/doc.html");
    assert!(!normal.contains("<script"), "{normal}");
    assert!(!normal.contains("script-src"), "{normal}");
    assert!(!p.path("build/.dossier-live.js").exists());
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--watch"])
        .current_dir(p.dir.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn dossier build --watch");
    let lines = lines_of(child.stdout.take().expect("stdout"));
    wait_for(&lines, "watching", &mut child);
    let watched = p.read("build/fr/doc.html");
    assert_eq!(watched.matches("<script").count(), 1, "{watched}");
    assert!(watched.contains("<script src=\"../.dossier-live.js\"></script>"));
    assert!(watched.contains("default-src 'none'; script-src 'self' file:;"));
    assert!(p
        .read("build/.dossier-live.js")
        .contains("location.reload()"));
    // The page, open in Chromium, reloads when a save is rebuilt.
    let mut browser = node("live.mjs")
        .arg(p.path("build/fr/doc.html"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node is needed");
    let page = lines_of(browser.stdout.take().expect("stdout"));
    wait_for(&page, "ready", &mut browser);
    p.write("locales/fr/doc.ftl", "title = Titre nouveau\n");
    wait_for(&lines, "rebuilt", &mut child);
    let reloaded = wait_for(&page, "reloaded", &mut browser);
    assert_eq!(reloaded, "reloaded \"Titre nouveau\"");
    let _ = browser.wait();
    let _ = child.kill();
    let _ = child.wait();
    // A normal build afterwards writes pages without the script again.
    p.ok(&["build"]);
    assert!(!p.read("build/fr/doc.html").contains("<script"));
}

fn lines_of(r: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(r).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The first line holding `needle` (a generous bound, so a stuck process fails the test).
fn wait_for(rx: &mpsc::Receiver<String>, needle: &str, child: &mut std::process::Child) -> String {
    loop {
        match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(line) if line.contains(needle) => return line,
            Ok(_) => continue,
            Err(e) => {
                let _ = child.kill();
                panic!("no line with {needle:?}: {e}");
            }
        }
    }
}
