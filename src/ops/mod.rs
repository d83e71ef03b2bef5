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
pub mod init;
pub mod init_git;
pub mod lint;
pub mod locate;
pub mod merge_driver;
pub mod messages;
pub mod missing;
pub mod outline;
pub mod report;
pub mod review;
pub mod since;
pub mod status;
pub mod suggest;
pub mod sync;

/// The project's lock, held by a writing operation from before it reads the files it
/// changes until its last write.
/// Temporary files this tool left in the project's directories (a process killed between
/// creating one and renaming it) are removed then: no writer is at work.
pub fn lock(project: &Project) -> Result<Lock> {
    let lock = Lock::acquire(
        &project.root,
        project.config.lock_wait,
        &project.on_lock_wait,
    )?;
    crate::fsio::remove_orphans(&project.root, &project.config.locales);
    Ok(lock)
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
/// [`refuse_bad_doc`]). Every unreadable document is named, not only the first (see
/// [`Errors`]).
pub fn load(project: &Project) -> Result<Loaded> {
    let inputs = all_or_errors(project.read_each()?)?;
    let plan = plan::plan_owned(&project.config, inputs);
    all_or_errors(
        plan.docs
            .iter()
            .map(|d| refuse_bad_doc(project, d))
            .collect(),
    )?;
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

/// Input every operation but `check` refuses: a locale file with the same id twice (which
/// one would count is a guess). A source with nothing to translate (empty, or only code,
/// HTML or links) is a valid document: its reference has no messages and every edition is
/// the source.
pub fn refuse_bad_doc(project: &Project, d: &plan::DocPlan) -> Result<()> {
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

/// The translation locales asked for, each checked against l10n.toml; every locale when
/// none is. The source locale (`en`) is accepted and has no translations: asked for
/// alone, it selects none (`status` shows it as the source: [`names_source`]).
pub fn selected(project: &Project, locales: &[String]) -> Result<Vec<String>> {
    if locales.is_empty() {
        return Ok(project.config.locales.clone());
    }
    let mut out = Vec::new();
    for l in locales {
        if l == config::REFERENCE {
            continue;
        }
        config::validate_locale(l).map_err(|e| anyhow!("{e}"))?;
        if !project.config.locales.contains(l) {
            bail!(
                "unknown locale `{l}`: l10n.toml lists {} (and `en`, the source)",
                project.config.locales.join(", ")
            );
        }
        if !out.contains(l) {
            out.push(l.clone());
        }
    }
    Ok(out)
}

/// True when `locales` names the source locale, `en`.
pub fn names_source(locales: &[String]) -> bool {
    locales.iter().any(|l| l == config::REFERENCE)
}

/// The one translation locale an operation works on, checked against l10n.toml; the
/// source locale is refused with what to do instead.
pub fn translation_locale(project: &Project, locale: &str) -> Result<()> {
    if locale == config::REFERENCE {
        bail!(
            "`en` is the source locale: its text is source/*.md, and it has no translations to work on; name one of {}",
            project.config.locales.join(", ")
        );
    }
    selected(project, &[locale.to_string()]).map(|_| ())
}

/// Where message `k` of a document is in a locale: the file relative to the root, and the
/// line of its `id =` (none when the file does not have it).
pub fn location(
    project: &Project,
    d: &plan::DocPlan,
    lp: &plan::LocalePlan,
    k: usize,
) -> (String, Option<usize>) {
    let file = paths::rel(
        &project.root,
        &paths::locale_file(&project.root, &lp.locale, &d.name),
    );
    let line = lp.file.as_ref().and_then(|f| {
        let e = &f.entries[lp.entry[k]?];
        match &e.kind {
            crate::ftl::EntryKind::Message(m) => Some(message_line(&f.src, e, m)),
            _ => None,
        }
    });
    (file, line)
}

/// The line of a message's `id =` in its file's text.
pub fn message_line(src: &str, e: &crate::ftl::Entry, m: &crate::ftl::Message) -> usize {
    let at = plan::id_line(&src[e.span.clone()], m);
    crate::ftl::line_col(src, e.span.start + at).0
}

/// `file:line`, or the file alone.
pub fn shown_location(file: &str, line: Option<usize>) -> String {
    match line {
        Some(l) => format!("{file}:{l}"),
        None => file.to_string(),
    }
}

/// The documents an operation on `doc` (every document when None) works on; an unknown
/// name is refused with the valid ones. `all` without `doc` is allowed when the project
/// has one document.
pub fn documents(plan: &Plan, doc: Option<&str>, all: bool) -> Result<Vec<String>> {
    let names: Vec<String> = plan.docs.iter().map(|d| d.name.clone()).collect();
    match doc {
        Some(doc) => {
            let doc = doc_name(doc);
            if names.iter().any(|n| n == doc) {
                Ok(vec![doc.to_string()])
            } else {
                bail!(
                    "unknown document `{doc}`: the documents are {}",
                    names.join(", ")
                )
            }
        }
        None if all && names.len() > 1 => bail!(
            "--all needs --doc DOC when the project has several documents ({})",
            names.join(", ")
        ),
        None => Ok(names),
    }
}

/// A document named as a user may name it: `dossier`, `dossier.md` or `source/dossier.md`.
pub fn doc_name(doc: &str) -> &str {
    let doc = doc.strip_prefix("source/").unwrap_or(doc);
    doc.strip_suffix(".md").unwrap_or(doc)
}

/// Refuses ids that no document of the plan has, naming the close matches.
pub fn known_ids(plan: &Plan, locale: &str, ids: &[String]) -> Result<()> {
    let unknown: Vec<&String> = ids
        .iter()
        .filter(|id| !plan.docs.iter().any(|d| d.index.contains_key(id.as_str())))
        .collect();
    if unknown.is_empty() {
        return Ok(());
    }
    let all: Vec<&str> = plan
        .docs
        .iter()
        .flat_map(|d| d.messages.iter().map(|m| m.id.as_str()))
        .collect();
    let lines: Vec<String> = unknown
        .iter()
        .map(|id| {
            let close = close_matches(id, &all);
            if close.is_empty() {
                format!("`{id}`")
            } else {
                format!("`{id}` (did you mean {}?)", close.join(", "))
            }
        })
        .collect();
    bail!("unknown message id(s) in {locale}: {}", lines.join("; "))
}

/// Up to three of `candidates` closest to `word` (by edit distance, a third of its length
/// at most), best first.
pub fn close_matches<'a>(word: &str, candidates: &[&'a str]) -> Vec<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = candidates
        .iter()
        .map(|c| (strsim_levenshtein(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort();
    scored.dedup();
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

fn strsim_levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
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
/// Errors come as [`load`] gives them: every document that cannot be read or is refused,
/// in document order (see [`Errors`]).
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
    let docs = all_or_errors(docs)?;
    all_or_errors(
        docs.into_iter()
            .map(|(refused, each)| refused.map(|()| each))
            .collect(),
    )
}

/// The errors of several documents at once: a run names every unreadable or refused
/// document (each with its file and line:column) instead of stopping at the first.
/// Displayed one per line; front ends may show each on its own ([`Errors::each`]).
#[derive(Debug)]
pub struct Errors(Vec<anyhow::Error>);

impl Errors {
    /// Each error, in document order.
    pub fn each(&self) -> &[anyhow::Error] {
        &self.0
    }
}

impl std::fmt::Display for Errors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

/// The values when every result is one; else every error (one alone as it is, several
/// as [`Errors`]).
pub fn all_or_errors<T, E>(results: Vec<Result<T, E>>) -> Result<Vec<T>>
where
    E: Into<anyhow::Error>,
{
    let mut values = Vec::with_capacity(results.len());
    let mut errors: Vec<anyhow::Error> = Vec::new();
    for r in results {
        match r {
            Ok(v) => values.push(v),
            Err(e) => errors.push(e.into()),
        }
    }
    match errors.len() {
        0 => Ok(values),
        1 => Err(errors.remove(0)),
        _ => Err(Errors(errors).into()),
    }
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
