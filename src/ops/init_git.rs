//! `init-git`: sets up git to merge the project's locale files with `dossier merge-driver`
//! (the driver's command in the repository's git configuration, and the attribute naming
//! it for `locales/*/*.ftl` in `.gitattributes`).

use std::path::Path;

use anyhow::Result;

use crate::fsio;

/// The command git runs for a file with the `merge=dossier` attribute.
pub const DRIVER: &str = "dossier merge-driver %O %A %B %P";

/// The driver's name, as git shows it.
pub const NAME: &str = "dossier: Fluent locale files merged by message id";

/// The attribute line that names the driver for locale files.
pub const ATTRIBUTE: &str = "locales/*/*.ftl merge=dossier";

/// What `init_git` did.
#[derive(Debug, Clone)]
pub struct Report {
    /// The git configuration set: (key, value).
    pub config: Vec<(String, String)>,
    /// True when the attribute line was added to `.gitattributes`.
    pub attributes_added: bool,
}

/// Sets `merge.dossier.driver` and `merge.dossier.name` in the repository's configuration
/// and adds the attribute line to `.gitattributes` when no line names the driver.
pub fn init_git(root: &Path) -> Result<Report> {
    let _lock = fsio::Lock::acquire(
        root,
        std::time::Duration::from_secs(crate::config::DEFAULT_LOCK_WAIT_SECONDS),
        &|_| {},
    )?;
    let config = vec![
        ("merge.dossier.name".to_string(), NAME.to_string()),
        ("merge.dossier.driver".to_string(), DRIVER.to_string()),
    ];
    for (key, value) in &config {
        crate::git::set_config(root, key, value)?;
    }
    let attributes_added = add_attribute(root)?;
    Ok(Report {
        config,
        attributes_added,
    })
}

/// Adds the attribute line to `.gitattributes` when no line names the driver; true when
/// it did.
pub fn add_attribute(root: &Path) -> Result<bool> {
    let path = root.join(".gitattributes");
    let text = crate::project::read_optional(root, &path)?.unwrap_or_default();
    let named = text
        .lines()
        .any(|l| l.split_whitespace().any(|a| a == "merge=dossier"));
    if !named {
        let mut new = text;
        if !new.is_empty() && !new.ends_with('\n') {
            new.push('\n');
        }
        new.push_str(ATTRIBUTE);
        new.push('\n');
        fsio::write_atomic(&path, &new)?;
    }
    Ok(!named)
}
