//! `check`: every quality check on the selected locales (see `checks`), with each
//! message's findings kept between runs (`cache::findings`) and the files found clean not
//! read again (`cache::clean`); `fix` applies the automatic fixes atomically.

use std::collections::HashMap;

use anyhow::{bail, Result};
use rayon::prelude::*;

use crate::cache::{self, clean};
use crate::checks::{self, Diagnostic, Finding, Key, Reference, Target};
use crate::fsio;
use crate::ftl::FtlFile;
use crate::project::Project;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Locales to check (every locale when empty).
    pub locales: Vec<String>,
    /// Apply the fixes that cannot change meaning.
    pub fix: bool,
    /// Check every message again, without reading or writing the caches.
    pub no_cache: bool,
}

/// What `check` found, sorted, and the fixes it applied.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub fixed: Vec<Diagnostic>,
}

/// One checked file: its findings, the cache entries of its messages, and the file itself
/// when `fix` has something to apply to it.
struct Checked {
    locale: String,
    found: Vec<Diagnostic>,
    used: Vec<(Key, Vec<Finding>)>,
    to_fix: Option<Target>,
    /// The file found clean, to record (see `cache::clean`).
    clean: Option<(String, clean::Entry)>,
}

/// `dossier check`: runs every check on the selected locales; with `--fix`, applies the
/// automatic fixes atomically, reports each, and checks the fixed files again. It reads and
/// checks each document in turn and keeps only its findings (and, for `--fix`, the files
/// with fixes to apply): its memory is the documents in flight. Bad input is not refused:
/// `check` reports it, as findings.
pub fn check(project: &Project, opts: &Options) -> Result<Report> {
    let Options { fix, no_cache, .. } = *opts;
    let root = &project.root;
    // Writes only with `fix`: then under the lock, from before anything is read.
    let _lock = fix.then(|| super::lock(project)).transpose()?;
    let locales = super::selected(project, &opts.locales)?;
    let policy = checks::review::Policy {
        required: project.config.review_required.map(|error| {
            if error {
                checks::Severity::Error
            } else {
                checks::Severity::Warning
            }
        }),
    };
    let glossary_text = crate::project::read_optional(root, &root.join("glossary.csv"))?;
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
        crate::cache::findings::Cache::off()
    } else {
        crate::cache::findings::Cache::load(
            root,
            &locales,
            glossary_text.as_deref(),
            &format!("{policy:?}"),
        )
    };
    // Files found clean last time, against the same reference ids, are not read again.
    let clean = if no_cache {
        clean::Files::off()
    } else {
        clean::Files::load(root, cache.stamp())
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
        cache::status::Cache::off()
    } else {
        cache::status::Cache::load(root)
    };
    type Doc = (Vec<Checked>, Vec<(String, clean::Entry)>);
    let checked: Vec<Result<Doc, fsio::FileError>> = crate::project::source_names(root)?
        .into_par_iter()
        .map(|name| {
            let r = if status.reference_is_current(root, &name) {
                reference_targets(root, &name, &locales, &clean)?
            } else {
                let targets = checks::doc_targets(
                    crate::project::plan_doc(root, &project.config, name)?,
                    &locales,
                );
                RefTargets {
                    targets: targets.into_iter().map(|t| (t, None)).collect(),
                    clean: Vec::new(),
                }
            };
            // The document's translations share their English: analysed once.
            let english = checks::EnglishMemo::default();
            let checked = r
                .targets
                .into_par_iter()
                .map(|(mut t, seen)| {
                    t.review = policy;
                    let (found, used) = checks::check_file_shared(&t, &glossary, &cache, &english);
                    let fixable = fix
                        && found
                            .iter()
                            .any(|d| d.fix.as_ref().is_some_and(|f| f.automatic));
                    let clean = seen.filter(|_| found.is_empty()).map(|(sig, ids)| {
                        let e = clean::Files::entry(sig, ids, &t.reference, &t.file);
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
    let checked: Vec<Doc> = super::all_or_errors(checked)?;
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
                    crate::fsio::Writer::write(
                        &mut super::writer(project),
                        &project.root.join(&t.path),
                        &text,
                    )?;
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
    Ok(Report {
        diagnostics: diags,
        fixed,
    })
}

/// What `reference_targets` found: the files to check, each with its signature
/// before it was read and the digest of the reference's ids (to record it when it is
/// found clean), and the files it did not read because they are still clean.
#[derive(Default)]
struct RefTargets {
    targets: Vec<(Target, Option<(crate::cache::status::Sig, u128)>)>,
    clean: Vec<(String, clean::Entry)>,
}

/// `doc_targets` without planning, for a document whose reference file is current (see
/// `cache::status::Cache::reference_is_current`): the ids and English come from that file,
/// which holds exactly the plan's (a test in `plan` checks the round trip). Files `clean`
/// says are still clean are left out.
fn reference_targets(
    root: &std::path::Path,
    name: &str,
    locales: &[String],
    clean: &clean::Files,
) -> Result<RefTargets, crate::fsio::FileError> {
    let path = crate::paths::locale_file(root, crate::config::REFERENCE, name);
    crate::project::inside(root, &path)?;
    let file = FtlFile::parse(crate::fsio::read_text(&path)?);
    let reference = Reference::of(&file);
    let ids = if clean.is_on() {
        clean::ids_digest(&file, &reference)
    } else {
        0
    };
    let mut out = RefTargets::default();
    for l in locales {
        let rel = format!("locales/{l}/{name}.ftl");
        let path = crate::paths::locale_file(root, l, name);
        let sig = clean.is_on().then(|| crate::cache::sig(&path)).flatten();
        if let Some(e) = clean.still_clean(&rel, sig.as_ref(), ids, &reference) {
            out.clean.push((rel, e.clone()));
            continue;
        }
        let Some(text) = crate::project::read_optional(root, &path)? else {
            continue;
        };
        out.targets.push((
            Target {
                locale: l.clone(),
                path: rel,
                file: FtlFile::parse(text),
                reference: reference.clone(),
                review: checks::review::Policy::default(),
            },
            sig.map(|s| (s, ids)),
        ));
    }
    Ok(out)
}
