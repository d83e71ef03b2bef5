//! `export`: a locale's messages for CAT tools and platforms (XLIFF 2.0, PO, TMX).

use std::path::Path;

use anyhow::{anyhow, Result};

use crate::interop::{self, Format, Only};
use crate::plan::Plan;
use crate::project::Project;

/// What to export.
#[derive(Debug, Clone)]
pub struct Options {
    pub locale: String,
    /// Only this document.
    pub doc: Option<String>,
    /// "xliff", "po" or "tmx".
    pub format: String,
    /// Only messages in these states ("missing", "stale"); every message when empty.
    pub only: Vec<String>,
}

/// The exported file's text and format.
pub fn export(project: &Project, plan: &Plan, opts: &Options) -> Result<(String, Format)> {
    super::translation_locale(project, &opts.locale)?;
    let format = Format::parse(&opts.format).map_err(|e| anyhow!("{e}"))?;
    let only = Only::from_names(&opts.only).map_err(|e| anyhow!("{e}"))?;
    // `dossier.md` and `source/dossier.md` name the document `dossier`; an unknown one is
    // refused with the valid names.
    let doc = match &opts.doc {
        Some(d) => super::documents(plan, Some(d), false)?.pop(),
        None => None,
    };
    let text = interop::export(format, plan, &opts.locale, doc.as_deref(), only)
        .map_err(|e| anyhow!("{e}"))?;
    Ok((text, format))
}

/// Writes an exported file to `path` (a file the user named), atomically.
pub fn write(path: &Path, text: &str) -> Result<()> {
    crate::fsio::write_atomic(path, text)?;
    Ok(())
}
