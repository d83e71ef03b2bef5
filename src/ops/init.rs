//! `init`: turns a directory into a project: `l10n.toml` (Mozilla's format, so Pontoon and
//! compare-locales read it), `dossier.toml` with every setting at its default and
//! commented out, `source/`, `locales/en/` (and a directory per translation locale),
//! `.gitattributes` naming the merge driver for locale files, and, in a git repository,
//! the driver's configuration (as `init-git`). Nothing that exists is overwritten: a
//! directory that already has `l10n.toml` or `dossier.toml` is refused.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};

use crate::config::{self, REFERENCE};
use crate::fsio;

/// What `init` did.
#[derive(Debug)]
pub struct Report {
    pub root: PathBuf,
    /// Files and directories created, in order.
    pub created: Vec<PathBuf>,
    /// The translation locales, canonical.
    pub locales: Vec<String>,
    /// The git configuration set (in a git repository).
    pub git_config: Vec<(String, String)>,
}

/// `dossier.toml` as `init` writes it: every setting at its default, commented out.
pub const DOSSIER_TOML: &str = r#"# dossier's settings (l10n.toml has the locales). Every key is optional; the values
# below are the defaults. Uncomment a line to change it.

# Where a missing translation takes its text from, in order; English always comes last.
[fallback]
# kk = ["ru"]

[sync]
# Carry English changes of spacing or punctuation only over to translations.
# carry_over = true

[build]
# Stale translations in working editions: "mark" (shown with a marker) or "fallback".
# stale = "mark"

[publish]
# Reader editions (`build --publish`): "translated" or "reviewed" translations only.
# require = "translated"
# What a passage that is not publishable shows: "fallback" or "as-is".
# otherwise = "fallback"

[review]
# Up-to-date translations need an approval (`dossier review`); check reports those
# without one with this severity ("error" or "warning").
# required = false
# severity = "error"

[suggest]
# Translation-memory matches below this percentage are not offered.
# min = 70

[report]
# The price of a weighted word in `dossier report` (no cost shown without it).
# rate_per_word = 0.12

[lock]
# How long a writing command waits for another one, in seconds.
# wait_seconds = 600

[limits]
# The largest file read, in MiB.
# file_size_mib = 64
"#;

/// Makes `dir` a project with the translation `locales` (BCP 47 tags, validated).
pub fn init(dir: &Path, locales: &[String]) -> Result<Report> {
    let mut tags: Vec<String> = Vec::new();
    for l in locales {
        let tag = config::validate_locale(l).map_err(|e| anyhow!("{e}"))?;
        if tag == REFERENCE {
            bail!("`en` is the source locale (source/*.md); name the translations only");
        }
        if let Some(d) = crate::render::derived(&tag) {
            bail!(
                "`{tag}` is the edition derived from `{}`, written by `dossier build`; add `{}` instead",
                d.base,
                d.base
            );
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if dir.exists() && !dir.is_dir() {
        bail!("{}: not a directory", dir.display());
    }
    for name in ["l10n.toml", "dossier.toml"] {
        let p = dir.join(name);
        if p.exists() || p.is_symlink() {
            bail!(
                "{}: already there; this directory is a dossier project already (nothing was changed)",
                p.display()
            );
        }
    }
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let _lock = fsio::Lock::acquire(
        &root,
        std::time::Duration::from_secs(config::DEFAULT_LOCK_WAIT_SECONDS),
        &|_| {},
    )?;
    let attributes = root.join(".gitattributes");
    let had_attributes = attributes.exists();
    let mut created = Vec::new();
    let mut dirs = vec![root.join("source"), root.join("locales").join(REFERENCE)];
    dirs.extend(tags.iter().map(|t| root.join("locales").join(t)));
    for d in dirs {
        if !d.is_dir() {
            std::fs::create_dir_all(&d)
                .with_context(|| format!("{}: cannot create", d.display()))?;
            created.push(d);
        }
    }
    let l10n = l10n_toml(&tags);
    // Written last but one: a failure before leaves no half project behind.
    let dossier = root.join("dossier.toml");
    fsio::write_atomic(&dossier, DOSSIER_TOML)?;
    created.push(dossier);
    let l10n_path = root.join("l10n.toml");
    fsio::write_atomic(&l10n_path, &l10n)?;
    created.push(l10n_path);
    let ignore = root.join(".gitignore");
    let ignored = crate::project::read_optional(&root, &ignore)?.unwrap_or_default();
    let missing: Vec<&str> = ["/build", "/.dossier-cache", "/.dossier.lock"]
        .into_iter()
        .filter(|l| !ignored.lines().any(|x| x.trim() == *l))
        .collect();
    if !missing.is_empty() {
        let mut text = ignored.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        for l in &missing {
            text.push_str(l);
            text.push('\n');
        }
        fsio::write_atomic(&ignore, &text)?;
        if ignored.is_empty() {
            created.push(ignore);
        }
    }
    // In a git repository, git's merge driver too (as `init-git`, which takes the lock
    // itself); elsewhere only the attribute, which git reads once the folder becomes a
    // repository.
    let repository = crate::git::is_repository(&root);
    if !repository {
        super::init_git::add_attribute(&root)?;
    }
    drop(_lock);
    let git_config = if repository {
        super::init_git::init_git(&root)?.config
    } else {
        Vec::new()
    };
    if !had_attributes && attributes.is_file() {
        created.push(attributes);
    }
    Ok(Report {
        root,
        created,
        locales: tags,
        git_config,
    })
}

/// `l10n.toml` for `locales`, in Mozilla's format.
pub fn l10n_toml(locales: &[String]) -> String {
    let list: Vec<String> = locales.iter().map(|l| format!("\"{l}\"")).collect();
    format!(
        "# Mozilla project configuration: compare-locales and Pontoon read this file.\n\
         basepath = \".\"\n\n\
         locales = [{}]\n\n\
         [[paths]]\n\
         reference = \"locales/en/*.ftl\"\n\
         l10n = \"locales/{{locale}}/*.ftl\"\n",
        list.join(", ")
    )
}
