//! Project tasks: `cargo xtask ci` runs what CI runs (the minimum Rust version, fmt,
//! clippy, generated docs, tests) and ends with one summary line; `codegen [--check]`
//! writes (or verifies) docs/checks.md; `man` writes the manual pages; `dist` builds what
//! is handed to users (a stripped binary, completions, manual pages); `shots` builds the
//! editions and writes screenshots of each for people to look at; `fuzz` runs the fuzz
//! targets (see docs/fuzzing.md); `bench` measures the cycle on generated corpora, beside
//! po4a.

mod bench;
mod dist;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

mod fuzz;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let result = match task {
        "ci" => ci(),
        "deps" => deps(),
        "man" => dist::man(&root().join("man")),
        "dist" => dist::dist(&root()),
        "shots" => shots(),
        "codegen" => codegen(args.get(1).map(String::as_str) == Some("--check")),
        "fuzz" => fuzz::fuzz(&root(), &args[1..]),
        "bench" => bench::run(&root(), &args[1..]),
        "__measure" => bench::launcher(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <task>

tasks:
  ci     install missing test tools, then rust-version, fmt --check, clippy -D warnings, a check of the fuzz targets, codegen --check, tests (what .ci/run runs)
  deps   install the tools the tests drive (Debian, PyPI and npm packages) when missing
  man    write the manual pages: man/dossier.1 and man/dossier-COMMAND.1
  dist   build dist/: the stripped release binary, shell completions, manual pages
  codegen [--check]  write (or verify) docs/checks.md from the checks' doc comments
  shots  build the editions and screenshot each (desktop, phone, notes) into build/shots
  fuzz   [TARGET] [--seconds N]: run the fuzz targets (segment, ftl, align), N s each (needs cargo-fuzz)
  bench  [--quick] time sync, status, check, build on generated corpora, beside po4a");
            return if task == "help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {task}: {e}");
            ExitCode::FAILURE
        }
    }
}

pub fn cargo(args: &[&str]) -> Result<(), String> {
    eprintln!("$ cargo {}", args.join(" "));
    let status = Command::new(env!("CARGO"))
        .args(args)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed", args.join(" ")))
    }
}

/// `cargo xtask ci`: each step says what it does as it starts, and the run ends with one
/// line: `ci: rust 1.91 ok, fmt ok, clippy ok, fuzz targets ok, codegen ok, 258 tests passed in
/// 3m10s`
/// (or which step failed).
fn ci() -> Result<(), String> {
    let started = Instant::now();
    let mut done: Vec<String> = Vec::new();
    let mut step = |name: &str, f: &mut dyn FnMut() -> Result<String, String>| {
        say(&format!("{name} ({} so far)", elapsed(started)));
        match f() {
            Ok(what) => {
                done.push(what);
                Ok(())
            }
            Err(e) => {
                done.push(format!("{name} FAILED"));
                say(&format!("{} in {}", done.join(", "), elapsed(started)));
                Err(e)
            }
        }
    };
    step("deps: the tools the tests drive", &mut || {
        deps().map(|()| "deps ok".into())
    })?;
    step(
        "rust-version: Cargo.toml against the toolchain and every dependency",
        &mut || rust_version().map(|v| format!("rust {v} ok")),
    )?;
    step("fmt", &mut || {
        cargo(&["fmt", "--all", "--check"]).map(|()| "fmt ok".into())
    })?;
    step("clippy", &mut || {
        cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .map(|()| "clippy ok".into())
    })?;
    // The fuzz crate is a workspace of its own (nightly flags for libFuzzer), so clippy
    // above does not see it: checked here, or it stops building when the library changes.
    step("fuzz targets: cargo check", &mut || {
        cargo(&[
            "check",
            "--quiet",
            "--manifest-path",
            "fuzz/Cargo.toml",
            "--target-dir",
            "target/fuzz-check",
        ])
        .map(|()| "fuzz targets ok".into())
    })?;
    step("codegen --check", &mut || {
        codegen(true).map(|()| "codegen ok".into())
    })?;
    step("tests", &mut || {
        cargo_tests(&["test", "--workspace"]).map(|n| format!("{n} tests passed"))
    })?;
    say(&format!("{} in {}", done[1..].join(", "), elapsed(started)));
    Ok(())
}

/// A line of `ci`'s own, told apart from the tools' output.
fn say(line: &str) {
    eprintln!("ci: {line}");
}

/// `4m12s`, `37s`.
fn elapsed(since: Instant) -> String {
    let s = since.elapsed().as_secs();
    if s >= 60 {
        format!("{}m{:02}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

/// `cargo test …`, its output passed through as it comes; the number of tests passed.
fn cargo_tests(args: &[&str]) -> Result<usize, String> {
    eprintln!("$ cargo {}", args.join(" "));
    let mut child = Command::new(env!("CARGO"))
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let mut passed = 0;
    let out = std::io::stdout();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            passed += tests_passed(&line);
            let _ = writeln!(out.lock(), "{line}");
        }
    }
    let status = child.wait().map_err(|e| format!("cargo: {e}"))?;
    if status.success() {
        Ok(passed)
    } else {
        Err(format!("`cargo {}` failed", args.join(" ")))
    }
}

/// The passed tests a line of libtest's output reports (`test result: ok. 35 passed; …`).
fn tests_passed(line: &str) -> usize {
    line.strip_prefix("test result: ")
        .and_then(|r| r.split_once(". "))
        .and_then(|(_, counts)| counts.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// A Rust version (`1.91`, `1.91.0`) as numbers.
fn version(v: &str) -> Option<(u32, u32, u32)> {
    let mut it = v.trim().split('.').map(|p| p.parse::<u32>());
    let major = it.next()?.ok()?;
    let minor = it.next()?.ok()?;
    let patch = match it.next() {
        Some(p) => p.ok()?,
        None => 0,
    };
    Some((major, minor, patch))
}

/// Checks the `rust-version` of Cargo.toml: no older than any dependency's (or building
/// with it would fail), no newer than the toolchain at hand. Returns it.
fn rust_version() -> Result<String, String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml"))
        .map_err(|e| format!("Cargo.toml: {e}"))?;
    let declared = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .map(|v| v.trim_matches('"').to_string())
        .ok_or("Cargo.toml declares no rust-version")?;
    let ours = version(&declared).ok_or(format!("rust-version `{declared}` is not a version"))?;
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err("cargo metadata failed".into());
    }
    let meta: serde_json::Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    let members: Vec<&str> = meta["workspace_members"]
        .as_array()
        .map(|m| m.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default();
    let mut newest: Option<((u32, u32, u32), String)> = None;
    for p in meta["packages"].as_array().into_iter().flatten() {
        if members.contains(&p["id"].as_str().unwrap_or("")) {
            continue;
        }
        let Some(v) = p["rust_version"].as_str().and_then(version) else {
            continue;
        };
        if newest.as_ref().is_none_or(|(n, _)| v > *n) {
            let name = format!(
                "{} {}",
                p["name"].as_str().unwrap_or("?"),
                p["version"].as_str().unwrap_or("?")
            );
            newest = Some((v, name));
        }
    }
    if let Some((v, name)) = &newest {
        if *v > ours {
            return Err(format!(
                "Cargo.toml says rust-version = \"{declared}\", but {name} needs {}.{}: raise it",
                v.0, v.1
            ));
        }
    }
    let rustc = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("--version")
        .output()
        .map_err(|e| format!("cannot run rustc: {e}"))?;
    let rustc = String::from_utf8_lossy(&rustc.stdout).to_string();
    let toolchain = rustc
        .split_whitespace()
        .nth(1)
        .and_then(|v| version(v.split('-').next().unwrap_or(v)))
        .ok_or(format!("cannot read the version of `{}`", rustc.trim()))?;
    if toolchain < ours {
        return Err(format!(
            "{} is older than rust-version = \"{declared}\" in Cargo.toml",
            rustc.trim()
        ));
    }
    Ok(declared)
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Viewports: name, width, height, device scale factor, URL fragment.
const VIEWS: &[(&str, u32, u32, u32, &str)] = &[
    ("desktop", 1280, 1600, 1, ""),
    ("phone", 390, 844, 2, ""),
    ("notes", 1280, 1100, 1, "#_notes"),
];

/// Debian packages the tests drive, each with a file that shows it is installed.
const APT: &[(&str, &str)] = &[
    ("libxml2-utils", "/usr/bin/xmllint"),
    ("gettext", "/usr/bin/msgfmt"),
    ("chromium", "/usr/bin/chromium"),
    ("poppler-utils", "/usr/bin/pdftotext"),
    (
        "fonts-noto-core",
        "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
    ),
    (
        "fonts-dejavu-core",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    ),
    // The language server's end-to-end test drives Neovim's built-in LSP client.
    ("neovim", "/usr/bin/nvim"),
    // tests/cli/browser.rs: axe-core and puppeteer-core (npm, tests/browser).
    ("nodejs", "/usr/bin/node"),
    ("npm", "/usr/bin/npm"),
];
/// PyPI packages the tests use as second opinions, with the module that shows each.
const PIP: &[(&str, &str)] = &[
    ("fluent.syntax", "fluent.syntax"),
    ("compare-locales", "compare_locales"),
];

/// Installs what the tests need and is missing: as root directly, otherwise it says the
/// commands to run.
fn deps() -> Result<(), String> {
    let apt: Vec<&str> = APT
        .iter()
        .filter(|(_, f)| !Path::new(f).exists())
        .map(|(p, _)| *p)
        .collect();
    let pip: Vec<&str> = PIP
        .iter()
        .filter(|(_, m)| {
            !Command::new("python3")
                .args(["-c", &format!("import {m}")])
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(|(p, _)| *p)
        .collect();
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    if !apt.is_empty() {
        if !as_root {
            return Err(format!(
                "the tests need: sudo apt-get install {}",
                apt.join(" ")
            ));
        }
        // apt's and dpkg's progress goes to a log, shown only when they fail.
        let log = root().join("target/xtask-apt.log");
        eprintln!(
            "$ apt-get install {} (output in {})",
            apt.join(" "),
            log.display()
        );
        run_logged("apt-get", &["update", "-qq"], &log)?;
        let mut args = vec![
            "install",
            "-y",
            "-qq",
            "--no-install-recommends",
            "-o",
            "Dpkg::Use-Pty=0",
        ];
        args.extend(&apt);
        run_logged("apt-get", &args, &log)?;
    }
    if !pip.is_empty() {
        eprintln!("$ pip install {}", pip.join(" "));
        let mut args = vec![
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ];
        if as_root {
            args.push("--root-user-action=ignore");
        }
        args.extend(&pip);
        run("python3", &args)?;
    }
    npm()
}

/// The npm packages of tests/browser (axe-core, puppeteer-core), as package-lock.json
/// pins them, when node_modules lacks them or is older than the lock file.
fn npm() -> Result<(), String> {
    let dir = root().join("tests/browser");
    let installed = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = matches!((modified(&installed), modified(&lock)), (Some(i), Some(l)) if i >= l);
    if fresh {
        return Ok(());
    }
    eprintln!("$ npm ci (tests/browser: axe-core, puppeteer-core)");
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .env("PUPPETEER_SKIP_DOWNLOAD", "1")
        .current_dir(&dir)
        .status()
        .map_err(|e| format!("cannot run npm (apt-get install nodejs npm): {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("`npm ci` in tests/browser failed".into())
    }
}

/// Runs a command with its output appended to `log`; on failure, shows the log's end.
fn run_logged(cmd: &str, args: &[&str], log: &Path) -> Result<(), String> {
    if let Some(dir) = log.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|e| format!("{}: {e}", log.display()))?;
    let err = file
        .try_clone()
        .map_err(|e| format!("{}: {e}", log.display()))?;
    let status = Command::new(cmd)
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdout(file)
        .stderr(err)
        .status()
        .map_err(|e| format!("cannot run {cmd}: {e}"))?;
    if status.success() {
        return Ok(());
    }
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let tail: Vec<&str> = text.lines().rev().take(20).collect();
    for l in tail.iter().rev() {
        eprintln!("  {l}");
    }
    Err(format!(
        "`{cmd} {}` failed (see {})",
        args.join(" "),
        log.display()
    ))
}

fn run(cmd: &str, args: &[&str]) -> Result<(), String> {
    let status = Command::new(cmd)
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status()
        .map_err(|e| format!("cannot run {cmd}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{cmd} {}` failed", args.join(" ")))
    }
}

fn shots() -> Result<(), String> {
    let root = root();
    cargo(&["run", "--quiet", "--bin", "dossier", "--", "build"])?;
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find(|n| {
            Command::new(n)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .ok_or("headless Chromium is needed: `apt-get install chromium`")?;
    let build = root.join("build");
    let shots = build.join("shots");
    std::fs::create_dir_all(&shots).map_err(|e| format!("{}: {e}", shots.display()))?;
    let profile = std::env::temp_dir().join(format!("dossier-shots-{}", std::process::id()));
    let mut pages = Vec::new();
    for locale in read_dir(&build)? {
        if !locale.is_dir() || locale == shots {
            continue;
        }
        for page in read_dir(&locale)? {
            if page.extension().is_some_and(|e| e == "html") {
                pages.push(page);
            }
        }
    }
    pages.sort();
    for page in pages {
        let locale = name(page.parent().unwrap_or(&build));
        let doc = page
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (view, w, h, scale, fragment) in VIEWS {
            let png = shots.join(format!("{doc}.{locale}.{view}.png"));
            // Headless screenshots ignore a URL's fragment; a frame scrolls to it.
            let url = if fragment.is_empty() {
                format!("file://{}", page.display())
            } else {
                let frame = shots.join(format!(".{doc}.{locale}.{view}.html"));
                let html = format!(
                    "<!DOCTYPE html><html><body style=\"margin:0\"><iframe src=\"../{locale}/{doc}.html{fragment}\" style=\"border:0;width:{w}px;height:{h}px\"></iframe></body></html>"
                );
                std::fs::write(&frame, html).map_err(|e| format!("{}: {e}", frame.display()))?;
                format!("file://{}", frame.display())
            };
            let mut cmd = Command::new(chromium);
            cmd.args([
                "--headless",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--run-all-compositor-stages-before-draw",
            ]);
            if is_root() {
                cmd.arg("--no-sandbox");
            }
            let status = cmd
                .arg(format!("--user-data-dir={}", profile.display()))
                .arg(format!("--window-size={w},{h}"))
                .arg(format!("--force-device-scale-factor={scale}"))
                .arg(format!("--screenshot={}", png.display()))
                .arg(&url)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .map_err(|e| format!("cannot run {chromium}: {e}"))?;
            if !status.success() || !png.is_file() {
                return Err(format!(
                    "{chromium} could not screenshot {}",
                    page.display()
                ));
            }
            eprintln!("{}", png.strip_prefix(&root).unwrap_or(&png).display());
        }
    }
    let _ = std::fs::remove_dir_all(&profile);
    // The workspace: its browser test leaves screenshots of the home page and the editor.
    let status = Command::new(env!("CARGO"))
        .args([
            "test",
            "--quiet",
            "--test",
            "cli",
            "the_workspace_works_in_a_real_browser",
        ])
        .env("DOSSIER_SHOTS", &shots)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("the workspace's browser test failed: no screenshots of it".into());
    }
    eprintln!("build/shots/workspace-home.png\nbuild/shots/workspace-editor.png");
    Ok(())
}

fn read_dir(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(entries.flatten().map(|e| e.path()).collect())
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_root() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// docs/checks.md from the `//!` comments of src/checks/<code>.rs, in the order of
/// `CODES` in src/checks/mod.rs.
fn codegen(check: bool) -> Result<(), String> {
    let root = root();
    let read =
        |rel: &str| std::fs::read_to_string(root.join(rel)).map_err(|e| format!("{rel}: {e}"));
    let driver = read("src/checks/mod.rs")?;
    let start = driver
        .find("pub const CODES")
        .ok_or("src/checks/mod.rs: no `pub const CODES`")?;
    let list = &driver[start..];
    let list = &list[list.find("= &[").ok_or("CODES: no list")? + 4..];
    let list = &list[..list.find("];").ok_or("CODES: unterminated")?];
    let codes: Vec<&str> = list
        .split(',')
        .map(|s| s.trim().trim_matches('"'))
        .filter(|s| !s.is_empty())
        .collect();
    let mut index = String::new();
    let mut body = String::new();
    for code in &codes {
        let rel = format!("src/checks/{}.rs", code.replace('-', "_"));
        let text = read(&rel)?;
        let doc: Vec<&str> = text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| {
                l.strip_prefix("//! ")
                    .unwrap_or(l.trim_start_matches("//!"))
            })
            .collect();
        let first = doc.first().copied().unwrap_or("");
        let summary = first
            .strip_prefix(&format!("`{code}`:"))
            .ok_or(format!(
                "{rel}: the doc comment must start with `{code}`: <summary>"
            ))?
            .trim();
        // The summary may run on over the next lines, up to the first blank one.
        let mut summary = summary.to_string();
        let mut rest = doc[1..].iter();
        for l in rest.by_ref() {
            if l.is_empty() {
                break;
            }
            summary.push(' ');
            summary.push_str(l);
        }
        index.push_str(&format!("| [`{code}`](#{code}) | {summary} |\n"));
        body.push_str(&format!("\n## `{code}`\n\n{summary}\n\n"));
        for l in rest {
            if let Some(h) = l.strip_prefix("## ") {
                body.push_str(&format!("### {h}\n"));
            } else {
                body.push_str(l);
                body.push('\n');
            }
        }
    }
    let out = format!(
        "<!-- Generated by `cargo xtask codegen` from the doc comments of src/checks/*.rs: do not edit. -->\n\
         # Checks\n\n\
         `dossier check [LOCALE…] [--json] [--fix] [--no-cache]` runs every check below on the translations of \
         the selected locales (all of them by default) and exits 0 when there is no error \
         (warnings allowed), 1 when there are errors, 2 when the tool itself failed (an \
         unreadable file, a broken glossary.csv).\n\n\
         - Each finding has a `code`, a `severity` (`error` or `warning`), the `locale`, the \
         `file`, the 1-based `line` and `column` of the offending text in the .ftl file, the \
         message `id`, a `message`, and a `fix` where one exists. The text report is \
         rustc-style (`locales/ru/dossier.ftl:41:17: error[mixed-script]: …`, then the line, \
         a caret and the fix); `--json` prints `{{\"diagnostics\": [...]}}` with those keys \
         (`fix` is `null` or `{{\"message\", \"replacement\", \"automatic\"}}`).\n\
         - `--fix` applies only the fixes marked automatic, which cannot change meaning \
         (no-break spaces, apostrophes, the ellipsis, a look-alike letter, an invisible \
         character, NFC), writes each file atomically, reports every fix, and checks again.\n\
         - A justified exception is suppressed on its message with a comment line \
         `# dossier-ignore: CODE reason` (several codes separated by commas). A suppression \
         with an unknown code or without a reason is reported.\n\
         - Each message is checked against the English it was translated from: its stamp \
         (`# en: …`), else the reference text. An untranslated message or one in the wrong \
         language is reported as such, without the glossary, typography and length findings \
         that would only repeat it.\n\
         - Each message's findings are kept in `.dossier-cache/check-<locale>`, by a hash of its \
         locale, id, English and text, for this glossary and this build of dossier: the next run \
         checks only the messages that changed (and reads the glossary only then). The cache is \
         never needed: damaged or missing, it is rebuilt; `--no-cache` neither reads nor writes it.\n\
         - A document whose source and reference file have not changed since `sync` wrote them \
         (as `.dossier-cache/status` records) is not planned again: its ids and English are read \
         from the reference file, which holds exactly what the plan would give. A translation \
         file found clean is recorded in `.dossier-cache/check-clean` with its size, times and \
         inode and a digest of what it uses of that reference (ids, retired ids, the current \
         English of its messages); while both stay the same it is not read again. `--no-cache` \
         plans every document and reads every file.\n\n\
         | code | what it finds |\n|---|---|\n{index}{body}"
    );
    let path = root.join("docs/checks.md");
    if check {
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != out {
            return Err("docs/checks.md is out of date: run `cargo xtask codegen`".into());
        }
        eprintln!("docs/checks.md is up to date");
        return Ok(());
    }
    std::fs::create_dir_all(root.join("docs")).map_err(|e| format!("docs/: {e}"))?;
    std::fs::write(&path, out).map_err(|e| format!("docs/checks.md: {e}"))?;
    eprintln!("wrote docs/checks.md");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_counts_are_read_from_libtest_lines() {
        assert_eq!(
            tests_passed("test result: ok. 35 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.2s"),
            35
        );
        assert_eq!(
            tests_passed("test result: FAILED. 3 passed; 1 failed; 0 ignored"),
            3
        );
        assert_eq!(tests_passed("test foo ... ok"), 0);
        assert_eq!(tests_passed("running 3 tests"), 0);
    }

    #[test]
    fn versions_compare_as_numbers() {
        assert_eq!(version("1.91"), Some((1, 91, 0)));
        assert_eq!(version("1.85.1"), Some((1, 85, 1)));
        assert!(version("1.100") > version("1.91"));
        assert_eq!(version("x"), None);
    }

    /// The declared minimum holds for the toolchain and the dependencies at hand.
    #[test]
    fn rust_version_is_checked() {
        let v = rust_version().expect("rust-version");
        assert!(version(&v).is_some_and(|v| v >= (1, 91, 0)), "{v}");
    }
}
