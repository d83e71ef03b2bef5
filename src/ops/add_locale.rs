//! `add-locale`: a new language in l10n.toml, with an empty file per document (every
//! message missing until translated).

use std::path::PathBuf;

use anyhow::{anyhow, bail, Result};

use crate::config::{self, REFERENCE};
use crate::fsio;
use crate::paths;
use crate::project::Project;

/// What `add_locale` did.
#[derive(Debug)]
pub struct Report {
    /// The tag in its canonical form.
    pub tag: String,
    /// The locale files created.
    pub created: Vec<PathBuf>,
}

/// Validates `tag`, creates its locale files and adds it to l10n.toml (last, so that a
/// failure leaves the configuration as it was), under the project lock. A tag that names
/// an edition derived from another locale (`kk-Latn`) is refused: its edition would be
/// overwritten by the derivation.
pub fn add_locale(project: &Project, tag: &str) -> Result<Report> {
    let _lock = super::lock(project)?;
    let root = &project.root;
    let tag = config::validate_locale(tag).map_err(|e| anyhow!("{e}"))?;
    if tag == REFERENCE {
        bail!("`en` is the reference locale");
    }
    if let Some(d) = crate::render::derived(&tag) {
        bail!(
            "`{tag}` is the edition derived from `{}` (written by `dossier build` from the {} translation); it cannot be a locale of its own",
            d.base,
            d.base
        );
    }
    let l10n_path = root.join("l10n.toml");
    let l10n = fsio::read_text(&l10n_path)?;
    let new = config::add_locale_to_l10n(&l10n, &tag).map_err(|e| anyhow!("{e}"))?;
    let mut created = Vec::new();
    for name in crate::project::source_names(root)? {
        let path = paths::locale_file(root, &tag, &name);
        if !path.exists() {
            fsio::write_atomic(
                &path,
                &format!(
                    "### {name}: {tag} translation. Every message is missing until translated.\n"
                ),
            )?;
            created.push(path);
        }
    }
    fsio::write_atomic(&l10n_path, &new)?;
    Ok(Report { tag, created })
}
