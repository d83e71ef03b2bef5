//! Project tasks: `cargo xtask ci` runs what CI runs (fmt, clippy, tests); `cargo xtask
//! shots` builds the editions and writes screenshots of each for people to look at;
//! `cargo xtask bench` measures the cycle on generated corpora, side by side with po4a.

mod bench;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let result = match task {
        "ci" => ci(),
        "shots" => shots(),
        "bench" => bench::run(&root(), &args[1..]),
        "__measure" => bench::launcher(&args[1..]),
        _ => {
            eprintln!("usage: cargo xtask <task>\n\ntasks:\n  ci     fmt --check, clippy -D warnings, tests (what .ci/run runs)\n  shots  build the editions and screenshot each (desktop, phone, notes) into build/shots\n  bench  [--quick] time sync, status, check, build on generated corpora, beside po4a");
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
