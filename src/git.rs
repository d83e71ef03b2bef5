//! The one place that runs git: a file as it was at a revision (`diff --since`), and the
//! stamps a platform dropped, found in a locale file's history.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::fsio;

/// The text of `path` at git revision `rev`, or None when it did not exist there.
pub fn show(root: &Path, rev: &str, path: &Path) -> Result<Option<String>> {
    let inside = Command::new("git")
        .args(["rev-parse", "--is-inside-work-tree"])
        .current_dir(root)
        .output()
        .context("cannot run git; is it installed?")?;
    if !inside.status.success() {
        bail!(
            "{}: not inside a git repository; `diff --since` compares with a git revision",
            root.display()
        );
    }
    let verify = Command::new("git")
        .args([
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ])
        .current_dir(root)
        .output()?;
    if !verify.status.success() {
        bail!("`{rev}` is not a git revision of this repository");
    }
    let relpath = crate::paths::rel(root, path);
    let out = Command::new("git")
        .args(["show", &format!("{rev}:./{relpath}")])
        .current_dir(root)
        .output()?;
    if !out.status.success() {
        return Ok(None);
    }
    let text = fsio::check_text(path, out.stdout)?;
    Ok(Some(text))
}

/// How many earlier commits of a locale file are searched for lost stamps.
const HISTORY_DEPTH: &str = "20";

/// Id → (value, stamp) from the newest committed versions of `path` that had a stamp for
/// it. Empty outside a git repository or when git is not installed.
pub fn history(root: &Path, path: &Path) -> crate::plan::History {
    let mut out = crate::plan::History::new();
    let Ok(rel) = path.strip_prefix(root) else {
        return out;
    };
    let rel = rel.to_string_lossy().into_owned();
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| o.stdout)
    };
    let Some(log) = git(&["log", "-n", HISTORY_DEPTH, "--format=%H", "--", &rel]) else {
        return out;
    };
    for commit in String::from_utf8_lossy(&log).lines() {
        let Some(bytes) = git(&["show", &format!("{commit}:./{rel}")]) else {
            continue;
        };
        let Ok(text) = fsio::check_text(path, bytes) else {
            continue;
        };
        for (_, m) in crate::ftl::FtlFile::parse(&text).messages() {
            if let Some(stamp) = &m.stamp {
                out.entry(m.id.clone())
                    .or_insert_with(|| (m.value.clone(), stamp.clone()));
            }
        }
    }
    out
}

/// git's `user.name` for the repository at `root` (or the user's global one), if set.
pub fn user_name(root: &Path) -> Option<String> {
    let out = Command::new("git")
        .args(["config", "user.name"])
        .current_dir(root)
        .output()
        .ok()?;
    let name = String::from_utf8(out.stdout).ok()?;
    let name = name.trim();
    (out.status.success() && !name.is_empty()).then(|| name.to_string())
}

/// Sets `key` to `value` in the configuration of the repository at `root`.
pub fn set_config(root: &Path, key: &str, value: &str) -> Result<()> {
    let out = Command::new("git")
        .args(["config", key, value])
        .current_dir(root)
        .output()
        .context("cannot run git; is it installed?")?;
    if !out.status.success() {
        bail!(
            "{}: git config {key} failed: {}",
            root.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

/// True when `root` is inside a git work tree (and git is installed).
pub fn is_repository(root: &Path) -> bool {
    Command::new("git")
        .args(["rev-parse", "--is-inside-work-tree"])
        .current_dir(root)
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.starts_with(b"true"))
}
