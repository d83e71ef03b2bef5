//! `import`: translations from an XLIFF 2.0 or PO file (the format read from the content),
//! applied without losing stale tracking.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};

use crate::fsio::{Lock, Writer};
use crate::interop::{self, Outcome};
use crate::paths;
use crate::plan::Plan;
use crate::project::Project;

/// What an import found and wrote.
pub struct Report {
    pub outcome: Outcome,
    /// The locale files written (with a dry run: that would be written).
    pub writes: Vec<PathBuf>,
}

/// Reads `file` and applies it to `locale` (the approvals it brings recorded in the name of
/// `approver`, when given): writes the changed locale files through
/// `writer` when a lock is given, only reports them without (a dry run). A file that
/// cannot be read as translations of this project refuses the import whole.
pub fn import(
    project: &Project,
    plan: &Plan,
    lock: Option<&Lock>,
    locale: &str,
    file: &Path,
    approver: Option<&interop::Approver>,
    writer: &mut dyn Writer,
) -> Result<Report> {
    super::translation_locale(project, locale)?;
    let name = file.display().to_string();
    let bytes = crate::fsio::read_bytes(file)?;
    let refused = |problems: Vec<interop::Problem>| {
        anyhow!(
            "{}\nnothing was imported",
            interop::render_problems(&problems, &name)
        )
    };
    let target = interop::Target {
        locale,
        project: &project.config.locales,
    };
    let read = interop::read(&bytes, target).map_err(refused)?;
    let outcome = interop::apply(plan, locale, &read, approver).map_err(refused)?;
    let writes: Vec<(PathBuf, String)> = outcome
        .writes
        .iter()
        .map(|(doc, text)| (paths::locale_file(&project.root, locale, doc), text.clone()))
        .collect();
    if lock.is_some() && !writes.is_empty() {
        super::write_files(writer, &writes)?;
    }
    let writes = writes.into_iter().map(|(p, _)| p).collect();
    Ok(Report { outcome, writes })
}
