//! Headless Chromium, the one external program `dossier` drives: it prints HTML editions
//! to PDF. An edge module like `fsio`: it runs a process and reads the file it wrote.
//!
//! Page numbers come from the stylesheet's `@page { @bottom-center { content:
//! counter(page) " / " counter(pages) } }`: Chromium renders CSS page-margin boxes since
//! version 131 when its own header and footer are off (`--no-pdf-header-footer`), so no
//! DevTools session is needed. Older versions print without page numbers (we warn).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};

/// Where to get Chromium, for every message that needs it.
pub const INSTALL_HINT: &str = "install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; \
     the Debian package is `chromium`), or set DOSSIER_CHROMIUM to a Chromium or Chrome binary";

/// The first Chromium version that prints CSS page-margin boxes (our page numbers).
pub const PAGE_NUMBERS_SINCE: u32 = 131;

/// Flags for a quiet, isolated, offline headless run; a fresh `--user-data-dir` is added.
pub const HEADLESS_FLAGS: &[&str] = &[
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--mute-audio",
];

/// Names Chromium and Chrome are installed under.
const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

#[derive(Debug, Clone)]
pub struct Browser {
    pub program: PathBuf,
    /// The major version, when `--version` tells it.
    pub major: Option<u32>,
}

/// Finds Chromium: `$DOSSIER_CHROMIUM`, else the first of the usual names on `$PATH`.
pub fn find() -> Result<Browser> {
    let program = match std::env::var_os("DOSSIER_CHROMIUM") {
        Some(p) if !p.is_empty() => {
            let p = PathBuf::from(p);
            if !p.is_file() {
                bail!(
                    "DOSSIER_CHROMIUM is {}, which is not a file; {INSTALL_HINT}",
                    p.display()
                );
            }
            p
        }
        _ => on_path(NAMES).ok_or_else(|| {
            anyhow!(
                "PDF editions need headless Chromium, and none was found on PATH (looked for {}); {INSTALL_HINT}",
                NAMES.join(", ")
            )
        })?,
    };
    let major = Command::new(&program)
        .arg("--version")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()
        .and_then(|o| major_version(&String::from_utf8_lossy(&o.stdout)));
    Ok(Browser { program, major })
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in names {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// "Chromium 156.0.8078.108 built on Debian" → 156.
pub fn major_version(version: &str) -> Option<u32> {
    version
        .split_whitespace()
        .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .and_then(|w| w.split('.').next())
        .and_then(|m| m.parse().ok())
}

/// Chromium refuses to start as root unless its sandbox is off.
fn running_as_root() -> bool {
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

/// The arguments for a headless run with a fresh profile in `profile`.
pub fn headless_args(profile: &Path) -> Vec<String> {
    let mut args: Vec<String> = HEADLESS_FLAGS.iter().map(|s| s.to_string()).collect();
    if running_as_root() {
        args.push("--no-sandbox".into());
    }
    args.push(format!("--user-data-dir={}", profile.display()));
    args
}

/// A `file://` URL for an absolute path, percent-encoded.
pub fn file_url(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Prints `html` to PDF bytes (A4, page numbers from the stylesheet), made reproducible.
pub fn print_pdf(browser: &Browser, html: &Path) -> Result<Vec<u8>> {
    let html = std::fs::canonicalize(html).with_context(|| format!("{}", html.display()))?;
    let tmp = tempfile::tempdir().context("cannot create a temporary directory for Chromium")?;
    let pdf = tmp.path().join("edition.pdf");
    let log = tmp.path().join("chromium.log");
    let mut cmd = Command::new(&browser.program);
    cmd.args(headless_args(&tmp.path().join("profile")))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(file_url(&html));
    run(cmd, &log, Duration::from_secs(180))
        .with_context(|| format!("Chromium could not print {}", html.display()))?;
    let mut bytes = std::fs::read(&pdf).map_err(|e| {
        let log = std::fs::read_to_string(&log).unwrap_or_default();
        anyhow!(
            "Chromium wrote no PDF for {} ({e}); its output:\n{}",
            html.display(),
            tail(&log, 20)
        )
    })?;
    if !bytes.starts_with(b"%PDF-") {
        bail!("Chromium's output for {} is not a PDF", html.display());
    }
    blank_dates(&mut bytes);
    Ok(bytes)
}

/// Runs `cmd` with stdout and stderr to `log`, killing it after `limit`.
pub fn run(mut cmd: Command, log: &Path, limit: Duration) -> Result<()> {
    let file = std::fs::File::create(log).context("cannot create Chromium's log file")?;
    let file2 = file.try_clone()?;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::from(file))
        .stderr(Stdio::from(file2))
        .spawn()
        .with_context(|| format!("cannot run {}", cmd.get_program().to_string_lossy()))?;
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            if status.success() {
                return Ok(());
            }
            let text = std::fs::read_to_string(log).unwrap_or_default();
            bail!("Chromium exited with {status}:\n{}", tail(&text, 20));
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            bail!("Chromium did not finish within {} s", limit.as_secs());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// Blanks the creation and modification dates Chromium writes into the PDF's information
/// dictionary, byte for byte with spaces (PDF whitespace), so the cross-reference offsets
/// stay right and the same edition always gives the same bytes.
pub fn blank_dates(pdf: &mut [u8]) {
    for key in [&b"/CreationDate ("[..], &b"/ModDate ("[..]] {
        let mut from = 0;
        while let Some(at) = find_bytes(&pdf[from..], key).map(|i| i + from) {
            let Some(close) = pdf[at..].iter().position(|&b| b == b')') else {
                break;
            };
            let end = at + close + 1;
            // Only a plain date string: `(D:20250101120000+00'00')`.
            if pdf[at + key.len()..end - 1]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"+-':Z".contains(b))
            {
                pdf[at..end].fill(b' ');
            }
            from = end;
        }
    }
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_blanked_in_place() {
        let mut pdf = b"<< /Creator (x) /CreationDate (D:20261126124557+00'00') /ModDate (D:20261126124557+00'00') >>".to_vec();
        let len = pdf.len();
        blank_dates(&mut pdf);
        assert_eq!(pdf.len(), len);
        let text = String::from_utf8_lossy(&pdf);
        assert!(!text.contains("2026"), "{text}");
        assert!(text.starts_with("<< /Creator (x) "));
        assert!(text.ends_with(">>"));
    }

    #[test]
    fn versions_and_urls() {
        assert_eq!(
            major_version("Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)\n"),
            Some(156)
        );
        assert_eq!(major_version("Google Chrome 120.0.6099.71 "), Some(120));
        assert_eq!(major_version(""), None);
        assert_eq!(
            file_url(Path::new("/tmp/a b/ç.html")),
            "file:///tmp/a%20b/%C3%A7.html"
        );
    }
}
