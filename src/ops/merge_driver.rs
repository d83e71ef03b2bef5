//! `merge-driver`: git's merge driver for Fluent locale files (`%O %A %B %P`). Merges the
//! three versions by message id (`merge::merge`), in the document's order when the
//! project's reference for the file is found, and writes the result over ours.

use std::path::{Component, Path};

use anyhow::Result;

use crate::config::REFERENCE;
use crate::fsio;
use crate::ftl::FtlFile;
use crate::paths;

/// What the merge left.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file as git names it (`%P`), or ours when git does not say.
    pub path: String,
    /// The ids of the messages left with conflict markers.
    pub conflicts: Vec<String>,
}

/// Merges `ours` with `theirs` from their common ancestor `base` and writes the result
/// over `ours` (atomically). `path` is the file's path in the repository; with the
/// project's root, the document's reference gives the order of its messages.
pub fn merge_driver(
    root: Option<&Path>,
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: Option<&Path>,
) -> Result<Report> {
    let (b, o, t) = (
        fsio::read_text(base)?,
        fsio::read_text(ours)?,
        fsio::read_text(theirs)?,
    );
    let order = match (root, path) {
        (Some(root), Some(path)) => document_order(root, path)?,
        _ => None,
    };
    let merged = crate::merge::merge(&b, &o, &t, order.as_deref());
    fsio::write_atomic(ours, &merged.text)?;
    Ok(Report {
        path: path.unwrap_or(ours).display().to_string(),
        conflicts: merged.conflicts,
    })
}

/// The ids of the reference's messages, in document order, for a file at
/// `locales/LOCALE/DOC.ftl` under `root`; None for another path or without a reference.
fn document_order(root: &Path, path: &Path) -> Result<Option<Vec<String>>> {
    let parts: Vec<&str> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    let [.., "locales", _, file] = parts.as_slice() else {
        return Ok(None);
    };
    // A document name as `project::source_names` allows them, never a path.
    let Some(doc) = file.strip_suffix(".ftl").filter(|d| {
        !d.is_empty()
            && d.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    }) else {
        return Ok(None);
    };
    let reference = paths::locale_file(root, REFERENCE, doc);
    let Some(text) = crate::project::read_optional(root, &reference)? else {
        return Ok(None);
    };
    let ids = FtlFile::parse(text)
        .messages()
        .map(|(_, m)| m.id.clone())
        .collect();
    Ok(Some(ids))
}
