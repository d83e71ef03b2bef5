//! Project tasks: `cargo xtask ci` runs what CI runs (fmt, clippy, generated docs, tests);
//! `codegen [--check]` writes (or verifies) docs/checks.md; `shots` builds the editions
//! and writes screenshots of each for people to look at; `fuzz` runs the fuzz targets
//! (see docs/fuzzing.md); `bench` measures the cycle on generated corpora, beside po4a.

mod bench;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod fuzz;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let result = match task {
        "ci" => deps().and_then(|_| ci()),
        "deps" => deps(),
        "shots" => shots(),
        "codegen" => codegen(args.get(1).map(String::as_str) == Some("--check")),
        "fuzz" => fuzz::fuzz(&root(), &args[1..]),
        "bench" => bench::run(&root(), &args[1..]),
        "__measure" => bench::launcher(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <task>

tasks:
  ci     install missing test tools, then fmt --check, clippy -D warnings, codegen --check, tests (what .ci/run runs)
  deps   install the tools the tests drive (Debian and PyPI packages) when missing
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

fn cargo(args: &[&str]) -> Result<(), String> {
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

fn ci() -> Result<(), String> {
    cargo(&["fmt", "--all", "--check"])?;
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    codegen(true)?;
    cargo(&["test", "--workspace"])?;
    Ok(())
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
];
/// Folders of npm packages the browser tests drive (each with its package-lock.json).
const NPM: &[&str] = &["tests/workspace"];
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
        eprintln!("$ apt-get install {}", apt.join(" "));
        run("apt-get", &["update", "-qq"])?;
        let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
        args.extend(&apt);
        run("apt-get", &args)?;
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
    // npm packages of the browser tests, from their lock file.
    for dir in NPM {
        let dir = root().join(dir);
        if !dir.join("node_modules").is_dir() {
            let dir = dir.display().to_string();
            eprintln!("$ npm ci --prefix {dir}");
            run(
                "npm",
                &[
                    "ci",
                    "--prefix",
                    &dir,
                    "--no-audit",
                    "--no-fund",
                    "--loglevel=error",
                ],
            )?;
        }
    }
    Ok(())
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
         inode and a digest of what it uses of that reference (ids, retired ids, the English of \
         unstamped messages); while both stay the same it is not read again. `--no-cache` \
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
