//! The command line: arguments, the commands, exit codes (0 ok, 1 findings, 2 failure).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Result};
use clap::{Parser, Subcommand};

use crate::config::{self, REFERENCE};
use crate::fsio::{self, Writer};
use crate::plan::{self, Plan, State};
use crate::project::{self, Project};
use crate::statcache::DocStatus;

#[derive(Parser, Debug)]
#[command(
    name = "dossier",
    version,
    about = "Translation management for Markdown documents published in several languages"
)]
pub struct Cli {
    /// The project directory (default: the nearest ancestor holding l10n.toml).
    #[arg(long, global = true)]
    pub root: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Segment every source, align ids with the reference, write it, stamp translations.
    Sync {
        /// Write nothing; exit 1 if anything would change.
        #[arg(long)]
        check: bool,
        /// Also carry numbers and links changes over, where the old value appears in the
        /// translation exactly once (each replacement is reported).
        #[arg(long)]
        apply_safe: bool,
    },
    /// Per locale: how many messages are translated, stale, missing, obsolete.
    Status {
        locales: Vec<String>,
        #[arg(long)]
        json: bool,
        /// Plan every document again, without reading or writing .dossier-cache/status.
        #[arg(long)]
        no_cache: bool,
    },
    /// Write build/<locale>/<doc>.md and .html for English and every translation.
    Build {
        locales: Vec<String>,
        /// Output directory (default: build/ under the project).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Exit 1 if anything is stale or missing.
        #[arg(long)]
        strict: bool,
        /// After building, rebuild the editions each saved change affects, until interrupted.
        #[arg(long)]
        watch: bool,
        /// Also print each HTML edition to <out>/<locale>/<doc>.pdf with headless Chromium.
        #[arg(long)]
        pdf: bool,
    },
    /// Add a language: validate the tag, add it to l10n.toml, create its (empty) files.
    AddLocale { tag: String },
    /// Stale and missing messages of a locale, with a word diff of the English.
    Diff {
        locale: String,
        ids: Vec<String>,
        #[arg(long)]
        json: bool,
        /// Write a standalone side-by-side review page to FILE.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Instead: every message whose translation changed since this git revision.
        #[arg(long, value_name = "REV", conflicts_with = "html")]
        since: Option<String>,
    },
    /// Fill missing messages from the translation memory (fuzzy matches), marked stale.
    Suggest {
        locale: String,
        /// Write the best suggestion scoring at least MIN % into each missing message.
        #[arg(long, value_name = "MIN", value_parser = clap::value_parser!(u8).range(1..=100))]
        fill: Option<u8>,
    },
    /// Mark stale messages as reviewed against the current English.
    Accept {
        locale: String,
        ids: Vec<String>,
        /// Accept every stale message of the document given with --doc.
        #[arg(long, requires = "doc")]
        all: bool,
        #[arg(long)]
        doc: Option<String>,
    },
    /// Quality checks: markup, numbers, glossary, typography, scripts, language.
    Check {
        locales: Vec<String>,
        #[arg(long)]
        json: bool,
        /// Apply the fixes that cannot change meaning (no-break spaces, apostrophes, …).
        #[arg(long)]
        fix: bool,
        /// Check every message again, without reading or writing .dossier-cache/.
        #[arg(long)]
        no_cache: bool,
    },
    /// Export a locale's messages for CAT tools and platforms (XLIFF 2.0, PO, TMX).
    Export(ExportArgs),
    /// Apply translations from an XLIFF 2.0 or PO file (the format is read from the content).
    Import(ImportArgs),
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    pub locale: String,
    /// Only this document (source/DOC.md); default: every document.
    #[arg(long)]
    pub doc: Option<String>,
    #[arg(long, value_parser = ["xliff", "po", "tmx"])]
    pub format: String,
    /// Only messages in these states (comma-separated: missing, stale); default: all.
    #[arg(long, value_delimiter = ',', value_parser = ["missing", "stale"])]
    pub only: Vec<String>,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    pub locale: String,
    pub file: PathBuf,
    /// Print the word diff of what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs the command line; returns the exit code.
pub fn main_with(args: Vec<std::ffi::OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => 2,
            };
        }
    };
    let mut out = std::io::stdout().lock();
    match run(cli, &mut out) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return 0;
            }
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  cause: {cause}");
            }
            2
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn root_of(cli_root: Option<PathBuf>) -> Result<PathBuf> {
    match cli_root {
        Some(r) => {
            if !r.join("l10n.toml").is_file() {
                bail!(
                    "{}: no l10n.toml here; is this a dossier project?",
                    r.display()
                );
            }
            Ok(r)
        }
        None => {
            let cwd = std::env::current_dir()?;
            project::find_root(&cwd).ok_or_else(|| {
                anyhow!(
                    "{}: no l10n.toml here or in any parent directory; use --root DIR",
                    cwd.display()
                )
            })
        }
    }
}

/// How long a writing command waits for another one to finish.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

pub fn run(cli: Cli, out: &mut dyn Write) -> Result<i32> {
    let root = root_of(cli.root)?;
    // Commands that write hold the project lock from before they read until they finish,
    // so two of them at once give the same result as one after the other.
    let _lock = match &cli.command {
        Command::Sync { check: false, .. }
        | Command::Accept { .. }
        | Command::AddLocale { .. }
        | Command::Suggest { fill: Some(_), .. }
        | Command::Check { fix: true, .. } => Some(fsio::Lock::acquire(&root, LOCK_WAIT)?),
        Command::Import(a) if !a.dry_run => Some(fsio::Lock::acquire(&root, LOCK_WAIT)?),
        _ => None,
    };
    match cli.command {
        Command::AddLocale { tag } => add_locale(&root, &tag, out),
        Command::Status {
            locales,
            json,
            no_cache,
        } => status(&root, &locales, json, no_cache, out),
        Command::Sync { check, apply_safe } => sync_streaming(&root, check, apply_safe, out),
        Command::Check {
            locales,
            json,
            fix,
            no_cache,
        } => self::check(&root, &locales, json, fix, no_cache, out),
        Command::Build {
            locales,
            out: dir,
            strict,
            watch,
            pdf,
        } => crate::editions::run(
            &root,
            &crate::editions::Options {
                locales,
                out: dir,
                strict,
                watch,
                pdf,
            },
            out,
        ),
        command => {
            let mut project = Project::load(&root)?;
            // Never freed: the process ends right after the command, and freeing a large
            // plan piece by piece takes longer than the system reclaiming it at once.
            let plan = std::mem::ManuallyDrop::new(plan::plan_owned(
                &project.config,
                std::mem::take(&mut project.inputs),
            ));
            refuse_bad_input(&project, &plan)?;
            warn_junk(&project, &plan);
            match command {
                Command::Diff {
                    locale,
                    ids,
                    json,
                    since: Some(rev),
                    ..
                } => crate::tracking::diff_since(&project, &plan, &locale, &ids, &rev, json, out),
                Command::Diff {
                    locale,
                    ids,
                    json,
                    html,
                    since: None,
                } => diff(&project, &plan, &locale, &ids, json, html.as_deref(), out),
                Command::Suggest { locale, fill } => crate::tracking::suggest(
                    &project,
                    &plan,
                    &locale,
                    fill,
                    &mut fsio::AtomicWriter::for_project(&project.root),
                    out,
                ),
                Command::Accept {
                    locale,
                    ids,
                    all,
                    doc,
                } => accept(
                    &project,
                    &plan,
                    &locale,
                    &ids,
                    all,
                    doc.as_deref(),
                    &mut fsio::AtomicWriter::for_project(&project.root),
                    out,
                ),
                Command::Export(a) => export(&project, &plan, &a, out),
                Command::Import(a) => import(
                    &project,
                    &plan,
                    &a,
                    &mut fsio::AtomicWriter::for_project(&project.root),
                    out,
                ),
                // Handled above, without a whole-project plan.
                Command::AddLocale { .. }
                | Command::Status { .. }
                | Command::Sync { .. }
                | Command::Check { .. }
                | Command::Build { .. } => Ok(0),
            }
        }
    }
}

/// Text a parser could not read is kept verbatim and skipped; say where it is, so the
/// translator can fix it (`check` reports it as `syntax` too).
pub fn warn_junk(project: &Project, plan: &Plan) {
    for d in &plan.docs {
        warn_doc_junk(project, d);
    }
}

/// `warn_junk` for one document.
pub fn warn_doc_junk(project: &Project, d: &plan::DocPlan) {
    for w in junk_warnings(project, d) {
        eprintln!("{w}");
    }
}

fn junk_warnings(project: &Project, d: &plan::DocPlan) -> Vec<String> {
    let mut out = Vec::new();
    for l in &d.locales {
        let Some(f) = &l.file else { continue };
        for e in &f.entries {
            if let crate::ftl::EntryKind::Junk { error_at, message } = &e.kind {
                let (line, col) = crate::ftl::line_col(&f.src, *error_at);
                out.push(format!(
                    "warning: {}:{line}:{col}: {message}; the unreadable text is kept as it is and skipped",
                    rel(&project.root, &project::locale_file(&project.root, &l.locale, &d.name))
                ));
            }
        }
    }
    out
}

/// A document as `each_doc` went through it.
struct Each<T> {
    name: String,
    /// Its files as they were before it was read (cache on).
    sigs: Option<crate::statcache::Sigs>,
    /// What the cache may record of it (cache on, and the plan depends on the files
    /// only).
    record: Option<crate::statcache::Record>,
    kept: T,
}

/// Plans each document as it is read, in parallel, and keeps only what `keep` takes from
/// its plan (and from what the status cache may record of it), so memory holds the
/// documents in flight rather than the whole project. With the status cache on, each
/// document's files are looked at before it is read and its statuses computed; with
/// `hit`, a document the cache knows is not read at all: what is kept of it is `hit` of
/// its recorded statuses.
/// Errors come as `Project::load` and `refuse_bad_input` give them: a file that cannot be
/// read, then bad input, each the first in document order.
fn each_doc<T: Send>(
    project: &Project,
    cache: &crate::statcache::Cache,
    hit: Option<fn(&crate::statcache::Statuses) -> T>,
    keep: impl Fn(&plan::DocPlan, Option<&crate::statcache::Record>) -> T + Sync,
) -> Result<Vec<Each<T>>> {
    use rayon::prelude::*;
    let root = &project.root;
    // Per document: whether it was refused, and what was kept; or why it was unreadable.
    type Read<T> = Result<(Result<()>, Each<T>), crate::fsio::FileError>;
    let docs: Vec<Read<T>> = project::source_names(root)?
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
            let d = project::plan_doc(root, &project.config, name)?;
            let record = sigs.as_ref().and_then(|_| {
                recordable(&d).then(|| crate::statcache::Record {
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
fn statuses(d: &plan::DocPlan) -> crate::statcache::Statuses {
    d.locales
        .iter()
        .map(|lp| (lp.locale.clone(), doc_status(d, lp)))
        .collect()
}

/// Input every command but `check` refuses: an empty source, a source with nothing to
/// translate, a locale file with the same id twice (which one would count is a guess).
pub fn refuse_bad_input(project: &Project, plan: &Plan) -> Result<()> {
    plan.docs
        .iter()
        .try_for_each(|d| refuse_bad_doc(project, d))
}

/// `refuse_bad_input` for one document.
pub fn refuse_bad_doc(project: &Project, d: &plan::DocPlan) -> Result<()> {
    {
        let src = project.root.join("source").join(format!("{}.md", d.name));
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
                    project::locale_file(&project.root, &l.locale, &d.name).display()
                );
            }
        }
    }
    Ok(())
}

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

/// The files sync writes: (path, new text) for every file whose text changes.
pub fn sync_writes(project: &Project, plan: &Plan) -> Vec<(PathBuf, String)> {
    plan.docs
        .iter()
        .flat_map(|d| doc_writes(project, d))
        .collect()
}

/// `sync_writes` for one document.
fn doc_writes(project: &Project, d: &plan::DocPlan) -> Vec<(PathBuf, String)> {
    let mut writes = Vec::new();
    if d.reference_old.as_deref() != Some(d.reference_new()) {
        writes.push((
            project::locale_file(&project.root, REFERENCE, &d.name),
            d.reference_new().to_string(),
        ));
    }
    for l in &d.locales {
        if let Some(t) = &l.new_text {
            writes.push((
                project::locale_file(&project.root, &l.locale, &d.name),
                t.clone(),
            ));
        }
    }
    writes
}

pub fn sync(
    project: &Project,
    plan: &Plan,
    check: bool,
    writer: &mut dyn Writer,
    out: &mut dyn Write,
) -> Result<i32> {
    let docs = plan.docs.iter().map(|d| sync_doc(project, d)).collect();
    finish_sync(project, docs, check, writer, out)
}

/// `sync` keeping only each document's summary and files to write (see `each_doc`).
fn sync_streaming(root: &Path, check: bool, apply_safe: bool, out: &mut dyn Write) -> Result<i32> {
    let mut project = Project::open(root)?;
    if apply_safe {
        project.config.apply_safe = true;
    }
    let cache = crate::statcache::Cache::load(root);
    let each = each_doc(&project, &cache, None, |d, _| sync_doc(&project, d))?;
    let mut record = Vec::with_capacity(each.len());
    let mut docs = Vec::with_capacity(each.len());
    for e in each {
        let written: Vec<PathBuf> = e.kept.writes.iter().map(|(p, _)| p.clone()).collect();
        record.push((e.name, e.sigs, e.record, written));
        docs.push(e.kept);
    }
    let code = finish_sync(
        &project,
        docs,
        check,
        &mut fsio::AtomicWriter::for_project(&project.root),
        out,
    )?;
    // What the files now hold means what the plan said: recorded for `status`, with the
    // files as they were read, or as written.
    let files = |name: &str| crate::statcache::files(&project.root, &project.config, name);
    cache.save(
        record
            .into_iter()
            .map(|(name, sigs, rec, written)| {
                let entry = sigs.zip(rec).map(|(mut sigs, mut rec)| {
                    if !check {
                        for (k, f) in files(&name).iter().enumerate() {
                            if written.contains(f) {
                                sigs[k] = crate::statcache::sig(f);
                            }
                        }
                        // The reference written is the plan's.
                        rec.current = true;
                    }
                    (sigs, rec)
                });
                (name, entry)
            })
            .collect(),
    );
    Ok(code)
}

/// What sync says about one document, and the files it writes for it.
pub struct SyncDoc {
    line: String,
    warnings: Vec<String>,
    writes: Vec<(PathBuf, String)>,
}

fn sync_doc(project: &Project, d: &plan::DocPlan) -> SyncDoc {
    let modified = d
        .messages
        .iter()
        .filter(|m| m.change == crate::align::Change::Modified)
        .count();
    let added = d
        .messages
        .iter()
        .filter(|m| m.change == crate::align::Change::Added)
        .count();
    let mut line = format!(
        "{}: {} messages ({} new, {} changed, {} removed)",
        d.name,
        d.messages.len(),
        if d.reference_old.is_none() {
            d.messages.len()
        } else {
            added
        },
        modified,
        d.removed.len()
    );
    for l in &d.locales {
        if !l.stamped.is_empty() {
            line.push_str(&format!("; {}: {} stamped", l.locale, l.stamped.len()));
        }
        if !l.restored.is_empty() {
            line.push_str(&format!(
                "; {}: {} stamp(s) restored from git history",
                l.locale,
                l.restored.len()
            ));
        }
        for (id, old, new) in &l.applied {
            line.push_str(&format!("; {}: {id}: replaced {old} with {new}", l.locale));
        }
        if !l.carried.is_empty() {
            line.push_str(&format!("; {}: {} carried over", l.locale, l.carried.len()));
            for (id, class) in &l.carried {
                line.push_str(&format!(" [{id}: {}]", class.name()));
            }
        }
    }
    SyncDoc {
        line,
        warnings: junk_warnings(project, d),
        writes: doc_writes(project, d),
    }
}

fn finish_sync(
    project: &Project,
    docs: Vec<SyncDoc>,
    check: bool,
    writer: &mut dyn Writer,
    out: &mut dyn Write,
) -> Result<i32> {
    for d in &docs {
        for w in &d.warnings {
            eprintln!("{w}");
        }
        writeln!(out, "{}", d.line)?;
    }
    let writes: Vec<(PathBuf, String)> = docs.into_iter().flat_map(|d| d.writes).collect();
    if check {
        for (p, _) in &writes {
            writeln!(out, "would write {}", rel(&project.root, p))?;
        }
        return Ok(if writes.is_empty() { 0 } else { 1 });
    }
    if writes.is_empty() {
        return Ok(0);
    }
    fsio::check_writable(&writes.iter().map(|(p, _)| p.as_path()).collect::<Vec<_>>())?;
    writer.write_all(&writes)?;
    Ok(0)
}

pub fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).display().to_string()
}

#[derive(serde::Serialize)]
struct LocaleStatus {
    locale: String,
    #[serde(flatten)]
    counts: plan::Counts,
    documents: Vec<DocStatus>,
}

/// `status` keeps only each document's counts (see `each_doc`): an editor runs it on every
/// save, on projects of any size. Unknown locales are reported after bad input, as before.
fn status(
    root: &Path,
    locales: &[String],
    json: bool,
    no_cache: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    let project = Project::open(root)?;
    let cache = if no_cache {
        crate::statcache::Cache::off()
    } else {
        crate::statcache::Cache::load(root)
    };
    // Counted once: taken from what the cache records when it does.
    let each = each_doc(&project, &cache, Some(Clone::clone), |d, r| {
        r.map_or_else(|| statuses(d), |r| r.locales.clone())
    })?;
    let counted: Vec<crate::statcache::Statuses> = each.iter().map(|e| e.kept.clone()).collect();
    cache.save(
        each.into_iter()
            .map(|e| (e.name, e.sigs.zip(e.record)))
            .collect(),
    );
    let locales = selected(&project, locales)?;
    let mut all = Vec::new();
    for l in &locales {
        let mut total = plan::Counts::default();
        let mut docs = Vec::new();
        for d in &counted {
            let Some((_, ds)) = d.iter().find(|(x, _)| x == l) else {
                continue;
            };
            add_counts(&mut total, &ds.counts);
            docs.push(ds.clone());
        }
        all.push(LocaleStatus {
            locale: l.clone(),
            counts: total,
            documents: docs,
        });
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "locales": all }))?;
        writeln!(out)?;
        return Ok(0);
    }
    writeln!(
        out,
        "{:<8} {:>6} {:>10} {:>6} {:>8} {:>9} {:>7}",
        "locale", "total", "translated", "stale", "missing", "obsolete", "words"
    )?;
    for s in &all {
        let c = &s.counts;
        let pct = if c.words_total == 0 {
            100.0
        } else {
            100.0 * c.words_translated as f64 / c.words_total as f64
        };
        writeln!(
            out,
            "{:<8} {:>6} {:>10} {:>6} {:>8} {:>9} {:>6.1}%",
            s.locale, c.total, c.translated, c.stale, c.missing, c.obsolete, pct
        )?;
        for d in &s.documents {
            if !d.stale_classes.is_empty() {
                let classes: Vec<String> = d
                    .stale_classes
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect();
                writeln!(out, "  {}: stale by change: {}", d.doc, classes.join(", "))?;
            }
        }
    }
    Ok(0)
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

fn add_counts(t: &mut plan::Counts, c: &plan::Counts) {
    t.total += c.total;
    t.translated += c.translated;
    t.stale += c.stale;
    t.missing += c.missing;
    t.obsolete += c.obsolete;
    t.words_total += c.words_total;
    t.words_translated += c.words_translated;
    t.words_stale += c.words_stale;
    t.words_missing += c.words_missing;
}

fn add_locale(root: &Path, tag: &str, out: &mut dyn Write) -> Result<i32> {
    let tag = config::validate_locale(tag).map_err(|e| anyhow!("{e}"))?;
    if tag == REFERENCE {
        bail!("`en` is the reference locale");
    }
    let l10n_path = root.join("l10n.toml");
    let l10n = fsio::read_text(&l10n_path)?;
    let new = config::add_locale_to_l10n(&l10n, &tag).map_err(|e| anyhow!("{e}"))?;
    for name in project::source_names(root)? {
        let path = project::locale_file(root, &tag, &name);
        if !path.exists() {
            fsio::write_atomic(
                &path,
                &format!(
                    "### {name}: {} translation. Every message is missing until translated.\n",
                    tag
                ),
            )?;
            writeln!(out, "created {}", rel(root, &path))?;
        }
    }
    fsio::write_atomic(&l10n_path, &new)?;
    writeln!(out, "added {tag} to l10n.toml")?;
    Ok(0)
}

/// Colour for a terminal, plain text when piped or when `NO_COLOR` is set.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout())
}

/// Suggestions below this match are not shown.
pub const SUGGEST_MIN: u8 = 50;

#[derive(serde::Serialize)]
struct DiffItem<'a> {
    locale: &'a str,
    doc: &'a str,
    id: &'a str,
    state: &'static str,
    class: Option<&'static str>,
    source_before: Option<&'a str>,
    source_now: &'a str,
    translation: Option<&'a str>,
    diff: Vec<crate::change::Piece>,
    suggestions: Vec<crate::suggest::Suggestion>,
}

fn diff(
    project: &Project,
    plan: &Plan,
    locale: &str,
    ids: &[String],
    json: bool,
    html: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32> {
    selected(project, &[locale.to_string()])?;
    let memory = crate::suggest::Memory::of(&plan.docs, locale);
    let mut items = Vec::new();
    for d in &plan.docs {
        let Some(lp) = d.locale(locale) else { continue };
        for (k, m) in d.messages.iter().enumerate() {
            if !ids.is_empty() && !ids.contains(&m.id) {
                continue;
            }
            let (before, class) = match &lp.states[k] {
                State::Translated => continue,
                State::Stale { before, class } => (Some(before.as_str()), Some(class.name())),
                State::Missing => (None, None),
            };
            items.push(DiffItem {
                locale,
                doc: &d.name,
                id: &m.id,
                state: lp.states[k].name(),
                class,
                source_before: before,
                source_now: &m.text,
                translation: lp.translation(k).map(|t| t.value.as_str()),
                diff: before
                    .map(|b| crate::change::word_diff(b, &m.text))
                    .unwrap_or_default(),
                suggestions: memory.suggest(&m.text, &m.id, 3, SUGGEST_MIN),
            });
        }
    }
    if let Some(path) = html {
        let review: Vec<crate::review::Item> = items
            .iter()
            .map(|it| crate::review::Item {
                doc: it.doc,
                id: it.id,
                state: it.state,
                class: it.class,
                source_before: it.source_before,
                source_now: it.source_now,
                translation: it.translation,
                diff: &it.diff,
                suggestions: &it.suggestions,
            })
            .collect();
        fsio::write_atomic(path, &crate::review::page(locale, &review))?;
        if !json {
            writeln!(
                out,
                "review page written to {}: {} message(s) need work",
                path.display(),
                items.len()
            )?;
            return Ok(0);
        }
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &items)?;
        writeln!(out)?;
        return Ok(0);
    }
    let color = use_color();
    for it in &items {
        writeln!(
            out,
            "{}/{} {} [{}{}]",
            it.locale,
            it.doc,
            it.id,
            it.state,
            it.class.map(|c| format!(": {c}")).unwrap_or_default()
        )?;
        if it.source_before.is_some() {
            let line = crate::change::render_pieces(&it.diff, color);
            writeln!(out, "  en: {line}")?;
        } else {
            writeln!(out, "  en: {}", it.source_now)?;
        }
        if let Some(t) = it.translation {
            writeln!(out, "  {}: {t}", it.locale)?;
        }
        for sug in &it.suggestions {
            writeln!(
                out,
                "  suggestion {}% (from {}): {}",
                sug.percent, sug.id, sug.translation
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{} message(s) need work", items.len())?;
    Ok(0)
}

#[allow(clippy::too_many_arguments)]
pub fn accept(
    project: &Project,
    plan: &Plan,
    locale: &str,
    ids: &[String],
    all: bool,
    doc: Option<&str>,
    writer: &mut dyn Writer,
    out: &mut dyn Write,
) -> Result<i32> {
    selected(project, &[locale.to_string()])?;
    if !all && ids.is_empty() {
        bail!("name the message ids to accept, or use --all with --doc DOC");
    }
    if let Some(doc) = doc {
        if !plan.docs.iter().any(|d| d.name == doc) {
            bail!("unknown document `{doc}`");
        }
    }
    let mut found = std::collections::BTreeSet::new();
    let mut writes = Vec::new();
    for d in &plan.docs {
        if doc.is_some_and(|x| x != d.name) {
            continue;
        }
        let Some(lp) = d.locale(locale) else { continue };
        let Some(file) = &lp.file else { continue };
        let mut edits = Vec::new();
        for (k, m) in d.messages.iter().enumerate() {
            let wanted = all || ids.contains(&m.id);
            if !wanted {
                continue;
            }
            if let (State::Stale { .. }, Some(e)) = (&lp.states[k], lp.entry[k]) {
                if let crate::ftl::EntryKind::Message(msg) = &file.entries[e].kind {
                    let text = &file.src[file.entries[e].span.clone()];
                    edits.push((e, plan::restamp(text, msg, &m.text)));
                    writeln!(out, "accepted {locale}/{} {}", d.name, m.id)?;
                    found.insert(m.id.clone());
                }
            } else if ids.contains(&m.id) {
                found.insert(m.id.clone());
                writeln!(
                    out,
                    "{locale}/{} {}: not stale ({}), nothing to accept",
                    d.name,
                    m.id,
                    lp.states[k].name()
                )?;
            }
        }
        if !edits.is_empty() {
            // Apply on top of what sync would write, so stamps it adds are kept too.
            let base = crate::ftl::FtlFile::parse(lp.new_text.as_deref().unwrap_or(&file.src));
            let base_edits = remap(&base, file, &edits);
            writes.push((
                project::locale_file(&project.root, locale, &d.name),
                base.edit(&base_edits),
            ));
        }
    }
    let unknown: Vec<&String> = ids.iter().filter(|i| !found.contains(*i)).collect();
    if !unknown.is_empty() {
        bail!(
            "unknown message id(s) in {locale}: {}",
            unknown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    for (p, t) in writes {
        writer.write(&p, &t)?;
    }
    Ok(0)
}

/// Maps edits by entry index of `from` onto the same messages (by id) in `to`.
fn remap(
    to: &crate::ftl::FtlFile,
    from: &crate::ftl::FtlFile,
    edits: &[(usize, String)],
) -> Vec<(usize, String)> {
    edits
        .iter()
        .filter_map(|(e, text)| {
            let crate::ftl::EntryKind::Message(m) = &from.entries[*e].kind else {
                return None;
            };
            let idx = to.entries.iter().position(
                |x| matches!(&x.kind, crate::ftl::EntryKind::Message(n) if n.id == m.id),
            )?;
            Some((idx, text.clone()))
        })
        .collect()
}

pub fn export(project: &Project, plan: &Plan, a: &ExportArgs, out: &mut dyn Write) -> Result<i32> {
    use crate::interop::{self, Format, Only};
    selected(project, std::slice::from_ref(&a.locale))?;
    let format = Format::parse(&a.format).map_err(|e| anyhow!("{e}"))?;
    let only = Only::from_names(&a.only).map_err(|e| anyhow!("{e}"))?;
    let text = interop::export(format, plan, &a.locale, a.doc.as_deref(), only)
        .map_err(|e| anyhow!("{e}"))?;
    match &a.output {
        Some(path) => {
            fsio::write_atomic(path, &text)?;
            writeln!(out, "wrote {} ({})", path.display(), format.name())?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(0)
}

pub fn import(
    project: &Project,
    plan: &Plan,
    a: &ImportArgs,
    writer: &mut dyn Writer,
    out: &mut dyn Write,
) -> Result<i32> {
    use crate::interop;
    selected(project, std::slice::from_ref(&a.locale))?;
    let name = a.file.display().to_string();
    let bytes = fsio::read_bytes(&a.file)?;
    let refused = |problems: Vec<interop::Problem>| {
        let lines: Vec<String> = problems.iter().map(|p| p.render(&name)).collect();
        anyhow!("{}\nnothing was imported", lines.join("\n"))
    };
    let (_, units) = interop::read(&bytes, &a.locale).map_err(refused)?;
    let outcome = interop::apply(plan, &a.locale, &units).map_err(refused)?;
    let color = use_color();
    out.write_all(interop::report(&outcome, &a.locale, a.dry_run, color).as_bytes())?;
    let writes: Vec<(PathBuf, &String)> = outcome
        .writes
        .iter()
        .map(|(doc, text)| (project::locale_file(&project.root, &a.locale, doc), text))
        .collect();
    if a.dry_run {
        for (p, _) in &writes {
            writeln!(out, "would write {}", rel(&project.root, p))?;
        }
        writeln!(out, "dry run: nothing written")?;
        return Ok(0);
    }
    if writes.is_empty() {
        writeln!(out, "nothing to change")?;
        return Ok(0);
    }
    for (p, text) in &writes {
        writer.write(p, text)?;
        writeln!(out, "wrote {}", rel(&project.root, p))?;
    }
    Ok(0)
}

/// One checked file: its findings, the cache entries of its messages, and the file itself
/// when `--fix` has something to apply to it.
struct Checked {
    locale: String,
    found: Vec<crate::checks::Diagnostic>,
    used: Vec<(crate::checks::cache::Key, Vec<crate::checks::Finding>)>,
    to_fix: Option<crate::checks::Target>,
    /// The file found clean, to record (see `checks::clean`).
    clean: Option<(String, crate::checks::clean::Entry)>,
}

/// `dossier check`: runs every check on the selected locales; with `--fix`, applies the
/// automatic fixes atomically, reports each, and checks the fixed files again. It reads and
/// checks each document in turn and keeps only its findings (and, for `--fix`, the files
/// with fixes to apply): its memory is the documents in flight. Bad input is not refused:
/// `check` reports it, as findings.
fn check(
    root: &Path,
    locales: &[String],
    json: bool,
    fix: bool,
    no_cache: bool,
    out: &mut dyn Write,
) -> Result<i32> {
    use crate::checks;
    use rayon::prelude::*;
    let project = Project::open(root)?;
    let locales = selected(&project, locales)?;
    let glossary_path = project.root.join("glossary.csv");
    let glossary_text = if glossary_path.exists() {
        Some(fsio::read_text(&glossary_path)?)
    } else {
        None
    };
    // Read on the first message the cache does not have: a run the cache answers whole
    // does not need it (the cache was made with this very text, which read without error).
    let parsed: std::sync::OnceLock<Result<crate::glossary::Glossary, String>> =
        std::sync::OnceLock::new();
    let parse = || {
        glossary_text.as_deref().map(|text| {
            parsed.get_or_init(|| {
                crate::glossary::Glossary::parse(text)
                    .map_err(|e| format!("glossary.csv:{}: {}", e.line, e.message))
            })
        })
    };
    let glossary = || parse().and_then(|r| r.as_ref().ok());
    let cache = if no_cache {
        checks::Cache::off()
    } else {
        checks::Cache::load(root, &locales, glossary_text.as_deref())
    };
    // Files found clean last time, against the same reference ids, are not read again.
    let clean = if no_cache {
        checks::clean::Files::off()
    } else {
        checks::clean::Files::load(root, cache.stamp())
    };
    // Without findings made with this glossary text (or files found clean with it), read
    // it now: an error in it is reported before anything else, even in a project with
    // nothing to check.
    if cache.is_empty() && clean.is_empty() {
        if let Some(Err(e)) = parse() {
            bail!("{e}");
        }
    }
    // Checking is pure: documents are checked in parallel, kept in order; fixes are
    // written after.
    // A document whose reference is current since the last sync or status is not planned:
    // its ids and English are read from the reference.
    let status = if no_cache {
        crate::statcache::Cache::off()
    } else {
        crate::statcache::Cache::load(root)
    };
    type Doc = (Vec<Checked>, Vec<(String, checks::clean::Entry)>);
    let checked: Vec<Result<Doc, fsio::FileError>> = project::source_names(root)?
        .into_par_iter()
        .map(|name| {
            let r = if status.reference_is_current(root, &name) {
                checks::reference_targets(root, &name, &locales, &clean)?
            } else {
                let targets =
                    checks::doc_targets(project::plan_doc(root, &project.config, name)?, &locales);
                checks::RefTargets {
                    targets: targets.into_iter().map(|t| (t, None)).collect(),
                    clean: Vec::new(),
                }
            };
            let checked = r
                .targets
                .into_iter()
                .map(|(t, seen)| {
                    let (found, used) = checks::check_file_cached(&t, &glossary, &cache);
                    let fixable = fix
                        && found
                            .iter()
                            .any(|d| d.fix.as_ref().is_some_and(|f| f.automatic));
                    let clean = seen.filter(|_| found.is_empty()).map(|(sig, ids)| {
                        let e = checks::clean::Files::entry(sig, ids, &t.reference, &t.file);
                        (t.path.clone(), e)
                    });
                    Checked {
                        locale: t.locale.clone(),
                        found,
                        used,
                        to_fix: fixable.then_some(t),
                        clean,
                    }
                })
                .collect();
            Ok((checked, r.clean))
        })
        .collect();
    let checked: Vec<Doc> = checked.into_iter().collect::<Result<_, _>>()?;
    let mut clean_files = clean.others(&locales);
    let mut skipped = false;
    let checked: Vec<Vec<Checked>> = checked
        .into_iter()
        .map(|(c, still)| {
            skipped |= !still.is_empty();
            clean_files.extend(still);
            c
        })
        .collect();
    if let Some(Err(e)) = parsed.get() {
        bail!("{e}");
    }
    let mut diags = Vec::new();
    let mut fixed = Vec::new();
    let mut used: HashMap<String, Vec<_>> = HashMap::new();
    for c in checked {
        for mut c in c {
            if let Some(mut t) = c.to_fix {
                let (text, applied) = checks::apply_fixes(&t.file.src, &c.found);
                if !applied.is_empty() {
                    fsio::write_atomic(&project.root.join(&t.path), &text)?;
                    fixed.extend(applied.into_iter().cloned());
                    t.file = crate::ftl::FtlFile::parse(&text);
                    (c.found, c.used) = checks::check_file_cached(&t, &glossary, &cache);
                }
            }
            used.entry(c.locale).or_default().extend(c.used);
            clean_files.extend(c.clean);
            diags.extend(c.found);
        }
    }
    cache.save(used, skipped);
    clean.save(clean_files);
    checks::sort(&mut diags);
    if json {
        out.write_all(checks::render_json(&diags, &fixed).as_bytes())?;
    } else {
        for d in &fixed {
            let how = d.fix.as_ref().map_or("", |f| f.message.as_str());
            writeln!(
                out,
                "fixed {}:{}:{} [{}]: {how}",
                d.file, d.line, d.column, d.code
            )?;
        }
        out.write_all(checks::render_text(&diags).as_bytes())?;
    }
    let (errors, _) = checks::counts(&diags);
    Ok(if errors > 0 { 1 } else { 0 })
}
