//! `sync`: segments every source, aligns ids with the reference and rewrites it, stamps
//! unstamped translations, carries whitespace and punctuation changes over (numbers and
//! links too with `apply_safe`).

use std::path::PathBuf;

use anyhow::Result;

use crate::align::Change;
use crate::change::Class;
use crate::config::REFERENCE;
use crate::fsio::{AtomicWriter, Writer};
use crate::paths;
use crate::plan::{self, Plan};
use crate::project::Project;

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Write nothing: report what would be written.
    pub check: bool,
    /// Also carry number and link changes over where the old value appears once.
    pub apply_safe: bool,
}

/// What sync did (or, with `check`, would do).
#[derive(Debug, Default)]
pub struct Report {
    pub docs: Vec<DocSummary>,
    /// The files written (with `check`: that would be written), in document order.
    pub writes: Vec<PathBuf>,
    /// Unreadable text kept verbatim (see `ops::junk_warnings`).
    pub warnings: Vec<String>,
}

/// One document's summary.
#[derive(Debug, Clone)]
pub struct DocSummary {
    pub name: String,
    pub messages: usize,
    /// New messages (every message, for a document without a reference yet).
    pub added: usize,
    pub modified: usize,
    pub removed: usize,
    pub locales: Vec<LocaleSummary>,
}

/// What sync did to one locale's file of a document.
#[derive(Debug, Clone)]
pub struct LocaleSummary {
    pub locale: String,
    /// Messages stamped with the English they were translated from.
    pub stamped: usize,
    /// Stamps restored from git history.
    pub restored: usize,
    /// `apply_safe` replacements: (id, old, new).
    pub applied: Vec<(String, String, String)>,
    /// Changes carried over, with their class.
    pub carried: Vec<(String, Class)>,
    /// Messages that became stale: their English changed in this sync (or they were
    /// stamped with the English before it), or `--apply-safe` left a number change to
    /// the translator; with the change class and, when `--apply-safe` held it, why.
    pub stale: Vec<Stale>,
    /// Blank lines put back between messages (layout only).
    pub spaced: usize,
}

/// A message sync left stale, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    pub id: String,
    pub class: Class,
    /// Why `--apply-safe` did not carry the change over.
    pub held: Option<String>,
}

/// One document as sync went through it.
struct SyncDoc {
    summary: DocSummary,
    warnings: Vec<String>,
    writes: Vec<(PathBuf, String)>,
}

/// `sync` over the project, one document at a time (memory is the documents in flight),
/// under the project lock unless `check`. Records what it planned and wrote in the status
/// cache.
pub fn sync(project: &Project, opts: Options) -> Result<Report> {
    let _lock = (!opts.check).then(|| super::lock(project)).transpose()?;
    let mut project = project.clone();
    if opts.apply_safe {
        project.config.apply_safe = true;
    }
    let root = &project.root;
    let cache = crate::cache::status::Cache::load(root);
    let each = super::each_doc(&project, &cache, None, |d, _| sync_doc(&project, d))?;
    let mut record = Vec::with_capacity(each.len());
    let mut docs = Vec::with_capacity(each.len());
    for e in each {
        let written: Vec<PathBuf> = e.kept.writes.iter().map(|(p, _)| p.clone()).collect();
        record.push((e.name, e.sigs, e.record, written));
        docs.push(e.kept);
    }
    let report = finish(docs, opts.check, &mut AtomicWriter::for_project(root))?;
    // What the files now hold means what the plan said: recorded for `status`, with the
    // files as they were read, or as written.
    let files = |name: &str| crate::cache::status::files(root, &project.config, name);
    cache.save(
        record
            .into_iter()
            .map(|(name, sigs, rec, written)| {
                let entry = sigs.zip(rec).map(|(mut sigs, mut rec)| {
                    if !opts.check {
                        for (k, f) in files(&name).iter().enumerate() {
                            if written.contains(f) {
                                sigs[k] = crate::cache::status::sig(f);
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
    Ok(report)
}

/// `sync` of a plan already made, through `writer` (tests inject faults with it). The
/// caller holds the lock.
pub fn sync_plan(
    project: &Project,
    plan: &Plan,
    check: bool,
    writer: &mut dyn Writer,
) -> Result<Report> {
    let docs = plan.docs.iter().map(|d| sync_doc(project, d)).collect();
    finish(docs, check, writer)
}

/// The files sync writes: (path, new text) for every file whose text changes.
pub fn writes(project: &Project, plan: &Plan) -> Vec<(PathBuf, String)> {
    plan.docs
        .iter()
        .flat_map(|d| doc_writes(project, d))
        .collect()
}

/// `writes` for one document.
fn doc_writes(project: &Project, d: &plan::DocPlan) -> Vec<(PathBuf, String)> {
    let mut writes = Vec::new();
    if d.reference_old.as_deref() != Some(d.reference_new()) {
        writes.push((
            paths::locale_file(&project.root, REFERENCE, &d.name),
            d.reference_new().to_string(),
        ));
    }
    for l in &d.locales {
        if let Some(t) = &l.new_text {
            writes.push((
                paths::locale_file(&project.root, &l.locale, &d.name),
                t.clone(),
            ));
        }
    }
    writes
}

fn sync_doc(project: &Project, d: &plan::DocPlan) -> SyncDoc {
    let count = |c: Change| d.messages.iter().filter(|m| m.change == c).count();
    let summary = DocSummary {
        name: d.name.clone(),
        messages: d.messages.len(),
        added: if d.reference_old.is_none() {
            d.messages.len()
        } else {
            count(Change::Added)
        },
        modified: count(Change::Modified),
        removed: d.removed.len(),
        locales: d
            .locales
            .iter()
            .map(|l| LocaleSummary {
                locale: l.locale.clone(),
                stamped: l.stamped.len(),
                restored: l.restored.len(),
                applied: l.applied.clone(),
                carried: l.carried.clone(),
                stale: became_stale(d, l),
                spaced: l.spaced,
            })
            .collect(),
    };
    SyncDoc {
        summary,
        warnings: super::junk_warnings(project, d),
        writes: doc_writes(project, d),
    }
}

/// The stale messages of `l` this sync tells about, in document order.
fn became_stale(d: &plan::DocPlan, l: &plan::LocalePlan) -> Vec<Stale> {
    d.messages
        .iter()
        .zip(&l.states)
        .filter_map(|(m, s)| {
            let plan::State::Stale { class, .. } = s else {
                return None;
            };
            let held = l
                .held
                .iter()
                .find(|(id, _)| *id == m.id)
                .map(|(_, why)| why.clone());
            let new = m.change == Change::Modified || l.stamped.contains(&m.id);
            (new || held.is_some()).then(|| Stale {
                id: m.id.clone(),
                class: *class,
                held,
            })
        })
        .collect()
}

fn finish(docs: Vec<SyncDoc>, check: bool, writer: &mut dyn Writer) -> Result<Report> {
    let mut report = Report::default();
    let mut writes = Vec::new();
    for d in docs {
        report.docs.push(d.summary);
        report.warnings.extend(d.warnings);
        writes.extend(d.writes);
    }
    report.writes = writes.iter().map(|(p, _)| p.clone()).collect();
    if !check && !writes.is_empty() {
        super::write_files(writer, &writes)?;
    }
    Ok(report)
}
