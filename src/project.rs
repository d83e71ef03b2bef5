//! Loading a project from disk: the configuration, every source and locale file, checked
//! strictly (see `fsio::read_text`). Paths never come from unvalidated input.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use rayon::prelude::*;

use crate::config::{Config, REFERENCE};
use crate::fsio::{self, FileError};
use crate::paths::{locale_file, source_dir, source_file};
use crate::plan::DocInput;

/// A project: its root and its configuration, checked. Documents are read by the
/// operations, one at a time or all at once (`read_all`).
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    /// Told once when a writing operation waits for another process to release the lock
    /// (the command line prints it; a server logs it).
    pub on_lock_wait: fn(&str),
}

impl Project {
    /// Every document's files, read in parallel (the first error in document order is
    /// reported), for `plan::plan_owned`.
    pub fn read_all(&self) -> Result<Vec<DocInput>> {
        Ok(self
            .read_each()?
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?)
    }

    /// Every document's files, read in parallel, each with its own error: so that a run
    /// can name every unreadable document at once.
    pub fn read_each(&self) -> Result<Vec<Result<DocInput, FileError>>> {
        Ok(source_names(&self.root)?
            .into_par_iter()
            .map(|name| read_input(&self.root, &self.config, name))
            .collect())
    }

    /// The project's configuration, checked, without reading any document yet.
    pub fn open(root: &Path) -> Result<Project> {
        let l10n_path = root.join("l10n.toml");
        inside(root, &l10n_path)?;
        let l10n = fsio::read_text(&l10n_path)?;
        let dossier_path = root.join("dossier.toml");
        let dossier = read_optional(root, &dossier_path)?;
        let config = Config::parse(&l10n, dossier.as_deref())
            .map_err(|e| anyhow!("{}: {e}", root.display()))?;
        fsio::set_max_read(config.max_file_size);
        check_locale_dirs(root, &config)?;
        Ok(Project {
            root: root.to_path_buf(),
            config,
            on_lock_wait: |_| {},
        })
    }
}

/// Document `name` read and planned: what every command that goes through the project one
/// document at a time does with each.
pub fn plan_doc(
    root: &Path,
    config: &Config,
    name: String,
) -> Result<crate::plan::DocPlan, FileError> {
    read_input(root, config, name).map(|input| crate::plan::plan_one(config, input))
}

/// `plan_doc`, with the parser's events of the source, for `build` to render the English
/// from (see `plan::plan_one_keeping_events`).
pub fn plan_doc_keeping_events(
    root: &Path,
    config: &Config,
    name: String,
) -> Result<(crate::plan::DocPlan, crate::segment::Events), FileError> {
    read_input(root, config, name).map(|input| crate::plan::plan_one_keeping_events(config, input))
}

/// The files of document `name`: its source, its reference and its translations.
pub fn read_input(root: &Path, config: &Config, name: String) -> Result<DocInput, FileError> {
    let source_path = source_file(root, &name);
    inside(root, &source_path)?;
    let (source, source_style) = fsio::read_text_styled(&source_path)?;
    let reference = read_optional(root, &locale_file(root, REFERENCE, &name))?;
    let mut locales = BTreeMap::new();
    for l in &config.locales {
        locales.insert(
            l.clone(),
            read_optional(root, &locale_file(root, l, &name))?,
        );
    }
    let mut history = BTreeMap::new();
    for (l, text) in &locales {
        if text.as_deref().is_some_and(has_unstamped) {
            history.insert(
                l.clone(),
                crate::git::history(root, &locale_file(root, l, &name)),
            );
        }
    }
    Ok(DocInput {
        name,
        source,
        reference,
        locales,
        history,
        source_style,
    })
}

/// The text of a file of the project at `root`, `None` when it does not exist.
pub fn read_optional(root: &Path, path: &Path) -> Result<Option<String>, FileError> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        _ => {
            inside(root, path)?;
            fsio::read_text(path).map(Some)
        }
    }
}

/// Refuses a file of the project that is a symbolic link leading outside it: nothing
/// outside the project is read (and published) through a link.
pub fn inside(root: &Path, path: &Path) -> Result<(), FileError> {
    let linked = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !linked {
        return Ok(());
    }
    let outside = |to: String| FileError {
        path: path.to_path_buf(),
        line: None,
        message: format!(
            "a symbolic link leading outside the project (to {to}); refusing to read or write it"
        ),
    };
    let (Ok(real), Ok(real_root)) = (std::fs::canonicalize(path), std::fs::canonicalize(root))
    else {
        return Err(outside("a file that cannot be reached".into()));
    };
    if real.starts_with(&real_root) {
        Ok(())
    } else {
        Err(outside(real.display().to_string()))
    }
}

/// The stems of source/*.md, sorted. Each must be usable as a file name in every folder.
pub fn source_names(root: &Path) -> Result<Vec<String>> {
    let dir = source_dir(root);
    let entries = std::fs::read_dir(&dir)
        .with_context(|| format!("{}: cannot read the source directory", dir.display()))?;
    let mut names = Vec::new();
    for e in entries {
        let e =
            e.with_context(|| format!("{}: cannot read the source directory", dir.display()))?;
        let path = e.path();
        if path.extension().and_then(|x| x.to_str()) != Some("md") {
            continue;
        }
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            bail!("{}: the file name is not valid UTF-8", path.display());
        };
        if stem.is_empty()
            || stem.starts_with('.')
            || !stem
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            bail!(
                "{}: source names may hold letters, digits, - and _ only",
                path.display()
            );
        }
        names.push(stem.to_string());
    }
    names.sort();
    if names.is_empty() {
        bail!("{}: no Markdown source (*.md) found", dir.display());
    }
    Ok(names)
}

/// Refuses locale directories that lead outside the project (a symlink elsewhere).
fn check_locale_dirs(root: &Path, config: &Config) -> Result<()> {
    let canon_root = root
        .canonicalize()
        .with_context(|| format!("{}: cannot resolve", root.display()))?;
    let locales = root.join("locales");
    let dirs = std::iter::once(source_dir(root)).chain(
        std::iter::once(REFERENCE)
            .chain(config.locales.iter().map(String::as_str))
            .map(|l| locales.join(l)),
    );
    for dir in dirs {
        if let Ok(real) = dir.canonicalize() {
            if !real.starts_with(&canon_root) {
                bail!(
                    "{}: the directory points outside the project (to {}); refusing to read or write it",
                    dir.display(),
                    real.display()
                );
            }
        }
    }
    Ok(())
}

/// True when some message has no `# en:` stamp in its comment (a cheap line scan; the plan
/// parses properly).
pub fn has_unstamped(text: &str) -> bool {
    let mut stamped = false;
    for line in crate::lines::split(text) {
        if line.starts_with("# en:") {
            stamped = true;
        } else if line.trim().is_empty() {
            stamped = false;
        } else if line.starts_with(|c: char| c.is_ascii_alphabetic()) && line.contains('=') {
            if !stamped {
                return true;
            }
            stamped = false;
        }
    }
    false
}
