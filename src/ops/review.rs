//! `review`: an editor approves or rejects translations (see `approval`): a review line
//! next to each message's stamp, holding who, when, and a digest of what was reviewed.

use std::collections::BTreeSet;

use anyhow::{bail, Result};

use crate::approval::{Review, Verdict};
use crate::fsio::{Lock, Writer};
use crate::ftl::{EntryKind, FtlFile};
use crate::paths;
use crate::plan::{self, Plan, State};
use crate::project::Project;

/// A review to record.
#[derive(Debug, Clone)]
pub struct Options {
    pub locale: String,
    /// The messages (with `all`: every up-to-date translation of `doc`).
    pub ids: Vec<String>,
    pub all: bool,
    pub doc: Option<String>,
    pub verdict: Verdict,
    /// Why (a rejection needs one).
    pub note: Option<String>,
    /// Who reviews.
    pub by: String,
    /// When: `YYYY-MM-DD`.
    pub date: String,
}

/// One message reviewed.
#[derive(Debug, Clone)]
pub struct Reviewed {
    pub doc: String,
    pub id: String,
    /// The line written.
    pub review: Review,
}

/// Records the verdict on each selected message, all or nothing: an unknown id or
/// document, a missing translation, or an approval of a stale one refuses the whole call
/// with the reason, and nothing is written.
pub fn review(
    project: &Project,
    plan: &Plan,
    _lock: &Lock,
    opts: &Options,
    writer: &mut dyn Writer,
) -> Result<Vec<Reviewed>> {
    let locale = opts.locale.as_str();
    super::translation_locale(project, &opts.locale)?;
    if !crate::approval::valid_date(&opts.date) {
        bail!("`{}` is not a date: write YYYY-MM-DD", opts.date);
    }
    if opts.by.trim().is_empty() {
        bail!("say who reviews: --by NAME (or set git's user.name)");
    }
    if opts.verdict == Verdict::Rejected && opts.note.as_deref().is_none_or(|n| n.trim().is_empty())
    {
        bail!("a rejection needs a note saying why: --note TEXT");
    }
    if opts.all && opts.verdict == Verdict::Rejected {
        bail!("--all approves; reject messages one by one, each with its reason");
    }
    if !opts.all && opts.ids.is_empty() {
        bail!("name the message ids to review, or use --all with --doc DOC to approve a document");
    }
    let docs = super::documents(plan, opts.doc.as_deref(), opts.all)?;
    super::known_ids(plan, locale, &opts.ids)?;
    let mut done = Vec::new();
    let mut refused = Vec::new();
    let mut writes = Vec::new();
    let mut seen = BTreeSet::new();
    for d in plan.docs.iter().filter(|d| docs.contains(&d.name)) {
        let Some(lp) = d.locale(locale) else { continue };
        let mut edits = Vec::new();
        for (k, m) in d.messages.iter().enumerate() {
            let asked = opts.ids.contains(&m.id);
            if !(asked || opts.all) || !seen.insert(m.id.as_str()) {
                continue;
            }
            let state = &lp.states[k];
            let reason = match (state, opts.verdict) {
                (State::Missing, _) => Some("it has no translation"),
                (State::Stale { .. }, Verdict::Approved) => Some(
                    "it is stale: update it to the current English and `dossier accept` it first",
                ),
                _ => None,
            };
            if let Some(reason) = reason {
                // With --all, only up-to-date translations are approved; the others wait.
                if asked {
                    refused.push(format!("{}: {reason}", m.id));
                }
                continue;
            }
            let (Some(t), Some(e), Some(file)) = (lp.translation(k), lp.entry[k], &lp.file) else {
                continue;
            };
            let english = t.stamp.as_deref().unwrap_or(&m.text);
            let r = Review::new(
                opts.verdict,
                &opts.by,
                &opts.date,
                english,
                &t.value,
                opts.note.as_deref(),
            );
            let text = &file.src[file.entries[e].span.clone()];
            // A message without a stamp is stamped with the English it is approved against.
            let mut stamped = t.clone();
            stamped.stamp = Some(english.to_string());
            edits.push((e, plan::set_review(text, &stamped, Some(&r))));
            done.push(Reviewed {
                doc: d.name.clone(),
                id: m.id.clone(),
                review: r,
            });
        }
        if let (false, Some(file)) = (edits.is_empty(), &lp.file) {
            // On top of what sync would write, so stamps it adds are kept too.
            let base = FtlFile::parse(lp.new_text.as_deref().unwrap_or(&file.src));
            let base_edits = remap(&base, file, &edits);
            writes.push((
                paths::locale_file(&project.root, locale, &d.name),
                base.edit(&base_edits),
            ));
        }
    }
    if !refused.is_empty() {
        bail!(
            "cannot {} in {locale}: {}; nothing was written",
            match opts.verdict {
                Verdict::Approved => "approve",
                Verdict::Rejected => "reject",
            },
            refused.join("; ")
        );
    }
    super::write_files(writer, &writes)?;
    Ok(done)
}

/// Maps edits by entry index of `from` onto the same messages (by id) in `to`.
pub(super) fn remap(
    to: &FtlFile,
    from: &FtlFile,
    edits: &[(usize, String)],
) -> Vec<(usize, String)> {
    edits
        .iter()
        .filter_map(|(e, text)| {
            let EntryKind::Message(m) = &from.entries[*e].kind else {
                return None;
            };
            let idx = to
                .entries
                .iter()
                .position(|x| matches!(&x.kind, EntryKind::Message(n) if n.id == m.id))?;
            Some((idx, text.clone()))
        })
        .collect()
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::approval::date_of_days((secs / 86_400) as i64)
}

/// Who reviews by default: git's `user.name`.
pub fn reviewer(project: &Project) -> Option<String> {
    crate::git::user_name(&project.root)
}
