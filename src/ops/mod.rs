//! The operations: what `dossier` does, as library functions every front end calls (the
//! command line in `cli`, the language server in `lsp`, and the workspace server to come). Each takes
//! a project and plain arguments and returns a value (a report, diagnostics, the files it
//! wrote); none prints, parses arguments or exits. The project lock, atomic writes and the
//! caches under `.dossier-cache/` are used from here and nowhere above.
//!
//! Operations that go through the project one document at a time (`status`, `sync`,
//! `check`, `build`) read and plan each document themselves; those that need the whole
//! plan (`diff`, `accept`, `suggest`, `export`, `import`) take one made by [`load`], and
//! those among them that write take the [`Lock`] taken before it was loaded, so that two
//! writers at once give the result of one after the other.
//!
//! An editor works on a file's unsaved text: `buffer` plans it against its document, and
//! the operations on a buffer (`lint`, `about`, `locate`, `complete`, `outline`,
//! `missing`, `accept::edit`, `suggest::for_message`) return what to show and the edits
//! to offer, as byte ranges of that text; they write nothing.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{anyhow, bail, Result};

use crate::cache::status::{DocStatus, Statuses};
use crate::config;
use crate::fsio::Lock;
use crate::paths;
use crate::plan::{self, Plan, State};
use crate::project::Project;

pub mod about;
pub mod accept;
pub mod add_locale;
pub mod buffer;
pub mod build;
pub mod check;
pub mod complete;
pub mod diff;
pub mod export;
pub mod import;
pub mod lint;
pub mod locate;
pub mod missing;
pub mod outline;
pub mod since;
pub mod status;
pub mod suggest;
pub mod sync;

/// How long a writing operation waits for another one to finish.
pub const LOCK_WAIT: Duration = Duration::from_secs(30);

/// Suggestions below this match are not shown.
pub const SUGGEST_MIN: u8 = 50;

/// The project's lock, held by a writing operation from before it reads the files it
/// changes until its last write.
pub fn lock(project: &Project) -> Result<Lock> {
    Ok(Lock::acquire(&project.root, LOCK_WAIT)?)
}

/// How operations write the project's files: atomically, each swapped with its spare
/// (tests pass writers of their own that inject faults).
pub fn writer(project: &Project) -> crate::fsio::AtomicWriter {
    crate::fsio::AtomicWriter::for_project(&project.root)
}

/// The whole project read and planned, bad input refused.
pub struct Loaded {
    pub plan: Plan,
    /// Text a parser could not read, kept verbatim and skipped (see [`junk_warnings`]).
    pub warnings: Vec<String>,
}

/// Reads every document of the project and plans it; refuses bad input (see
/// [`refuse_bad_doc`]).
pub fn load(project: &Project) -> Result<Loaded> {
    let inputs = project.read_all()?;
    let plan = plan::plan_owned(&project.config, inputs);
    plan.docs
        .iter()
        .try_for_each(|d| refuse_bad_doc(project, d))?;
    let warnings = plan
        .docs
        .iter()
        .flat_map(|d| junk_warnings(project, d))
        .collect();
    Ok(Loaded { plan, warnings })
}

/// Text a parser could not read is kept verbatim and skipped; says where it is, so the
/// translator can fix it (`check` reports it as `syntax` too).
pub fn junk_warnings(project: &Project, d: &plan::DocPlan) -> Vec<String> {
    let mut out = Vec::new();
    for l in &d.locales {
        let Some(f) = &l.file else { continue };
        for e in &f.entries {
            if let crate::ftl::EntryKind::Junk { error_at, message } = &e.kind {
                let (line, col) = crate::ftl::line_col(&f.src, *error_at);
                out.push(format!(
                    "warning: {}:{line}:{col}: {message}; the unreadable text is kept as it is and skipped",
                    paths::rel(
                        &project.root,
                        &paths::locale_file(&project.root, &l.locale, &d.name)
                    )
                ));
            }
        }
    }
    out
}

/// Input every operation but `check` refuses: an empty source, a source with nothing to
/// translate, a locale file with the same id twice (which one would count is a guess).
pub fn refuse_bad_doc(project: &Project, d: &plan::DocPlan) -> Result<()> {
    let src = paths::source_file(&project.root, &d.name);
    if d.document.src.trim().is_empty() {
        bail!("{}: the source file is empty", src.display());
    }
    if d.messages.is_empty() {
        bail!(
            "{}: the source has no text to translate (only code, HTML or links)",
            src.display()
        );
    }
    for l in &d.locales {
        if let (Some((e, id)), Some(f)) = (l.duplicates.first(), &l.file) {
            let at = match &f.entries[*e].kind {
                crate::ftl::EntryKind::Message(m) => m.value_start,
                _ => f.entries[*e].span.start,
            };
            let (line, _) = crate::ftl::line_col(&f.src, at);
            let col = 1;
            bail!(
                "{}:{line}:{col}: message `{id}` is defined twice; keep one of them (`dossier check` lists all)",
                paths::locale_file(&project.root, &l.locale, &d.name).display()
            );
        }
    }
    Ok(())
}

/// The locales asked for, each checked against l10n.toml; every locale when none is.
pub fn selected(project: &Project, locales: &[String]) -> Result<Vec<String>> {
    if locales.is_empty() {
        return Ok(project.config.locales.clone());
    }
    for l in locales {
        config::validate_locale(l).map_err(|e| anyhow!("{e}"))?;
        if !project.config.locales.contains(l) {
            bail!(
                "unknown locale `{l}`: l10n.toml lists {}",
                project.config.locales.join(", ")
            );
        }
    }
    Ok(locales.to_vec())
}

/// A document as [`each_doc`] went through it.
struct Each<T> {
    name: String,
    /// Its files as they were before it was read (cache on).
    sigs: Option<crate::cache::status::Sigs>,
    /// What the cache may record of it (cache on, and the plan depends on the files
    /// only).
    record: Option<crate::cache::status::Record>,
    kept: T,
}

/// Plans each document as it is read, in parallel, and keeps only what `keep` takes from
/// its plan (and from what the status cache may record of it), so memory holds the
/// documents in flight rather than the whole project. With the status cache on, each
/// document's files are looked at before it is read and its statuses computed; with
/// `hit`, a document the cache knows is not read at all: what is kept of it is `hit` of
/// its recorded statuses.
/// Errors come as [`load`] gives them: a file that cannot be read, then bad input, each
/// the first in document order.
fn each_doc<T: Send>(
    project: &Project,
    cache: &crate::cache::status::Cache,
    hit: Option<fn(&Statuses) -> T>,
    keep: impl Fn(&plan::DocPlan, Option<&crate::cache::status::Record>) -> T + Sync,
) -> Result<Vec<Each<T>>> {
    use rayon::prelude::*;
    let root = &project.root;
    // Per document: whether it was refused, and what was kept; or why it was unreadable.
    type Read<T> = Result<(Result<()>, Each<T>), crate::fsio::FileError>;
    let docs: Vec<Read<T>> = crate::project::source_names(root)?
        .into_par_iter()
        .map(|name| {
            let sigs = cache.sigs(root, &project.config, &name);
            if let (Some(r), Some(hit)) = (cache.get(&name, &sigs), hit) {
                let each = Each {
                    name,
                    sigs,
                    record: Some(r.clone()),
                    kept: hit(&r.locales),
                };
                return Ok((Ok(()), each));
            }
            let d = crate::project::plan_doc(root, &project.config, name)?;
            let record = sigs.as_ref().and_then(|_| {
                recordable(&d).then(|| crate::cache::status::Record {
                    locales: statuses(&d),
                    current: d.reference_old.as_deref() == Some(d.reference_new()),
                })
            });
            let kept = keep(&d, record.as_ref());
            let each = Each {
                name: d.name.clone(),
                sigs,
                record,
                kept,
            };
            Ok((refuse_bad_doc(project, &d), each))
        })
        .collect();
    let docs = docs.into_iter().collect::<Result<Vec<_>, _>>()?;
    docs.into_iter()
        .map(|(refused, each)| refused.map(|()| each))
        .collect()
}

/// True when a document's plan depends on its files only: no message lacks its stamp
/// (whose stamp would come from git history).
fn recordable(d: &plan::DocPlan) -> bool {
    d.locales.iter().all(|l| l.stamped.is_empty())
}

/// A document's status in each locale.
fn statuses(d: &plan::DocPlan) -> Statuses {
    d.locales
        .iter()
        .map(|lp| (lp.locale.clone(), doc_status(d, lp)))
        .collect()
}

fn doc_status(d: &plan::DocPlan, lp: &plan::LocalePlan) -> DocStatus {
    let mut classes = std::collections::BTreeMap::new();
    for s in &lp.states {
        if let State::Stale { class, .. } = s {
            *classes.entry(class.name().to_string()).or_insert(0) += 1;
        }
    }
    DocStatus {
        doc: d.name.clone(),
        counts: d.counts(lp),
        stale_classes: classes,
    }
}

/// Writes `files` (path, text) through `writer` after checking that each can be written,
/// so that a predictable failure leaves every file as it was.
fn write_files(writer: &mut dyn crate::fsio::Writer, files: &[(PathBuf, String)]) -> Result<()> {
    crate::fsio::check_writable(&files.iter().map(|(p, _)| p.as_path()).collect::<Vec<_>>())?;
    writer.write_all(files)?;
    Ok(())
}
