//! Where a project's files are: its sources, locale files and cache, by name. Paths are
//! computed here only, from names that were validated (a locale tag or a document name is
//! never a path), so no other module joins user input onto the root.

use std::path::{Path, PathBuf};

/// The directory of the caches and spares, under the project's root (git-ignored, always
/// safe to delete).
pub const CACHE_DIR: &str = ".dossier-cache";

/// The nearest ancestor of `start` that holds l10n.toml.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|d| d.join("l10n.toml").is_file())
        .map(Path::to_path_buf)
}

pub fn source_dir(root: &Path) -> PathBuf {
    root.join("source")
}

/// `source/DOC.md`.
pub fn source_file(root: &Path, doc: &str) -> PathBuf {
    source_dir(root).join(format!("{doc}.md"))
}

/// `locales/LOCALE/DOC.ftl`.
pub fn locale_file(root: &Path, locale: &str, doc: &str) -> PathBuf {
    root.join("locales").join(locale).join(format!("{doc}.ftl"))
}

/// `p` relative to `root` for messages (as it is when it is elsewhere).
pub fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).display().to_string()
}
