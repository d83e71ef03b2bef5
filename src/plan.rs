//! The plan: one pure function from the project's file contents to the state of every
//! segment and translation, and to the files `sync` would write.
//!
//! `sync` writes the plan's files; every read-only command computes the same plan in memory.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::align::{self, Change, New, Old};
use crate::change::{classify, Class};
use crate::config::Config;
use crate::ftl::{self, EntryKind, FtlFile};
use crate::segment::{self, Document};

/// The contents of one document's files, as read from disk.
#[derive(Debug, Clone)]
pub struct DocInput {
    /// File stem: source/NAME.md, locales/<locale>/NAME.ftl.
    pub name: String,
    pub source: String,
    pub reference: Option<String>,
    /// Locale → the text of its file, if the file exists.
    pub locales: BTreeMap<String, Option<String>>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub docs: Vec<DocPlan>,
}

#[derive(Debug, Clone)]
pub struct DocPlan {
    pub name: String,
    pub document: Document,
    /// Per segment of `document`: its message id, for translatable segments.
    pub seg_ids: Vec<Option<String>>,
    /// The reference messages, in document order.
    pub messages: Vec<RefMessage>,
    pub index: HashMap<String, usize>,
    /// Segments of the previous reference that no longer exist.
    pub removed: Vec<Old>,
    pub reference_old: Option<String>,
    pub reference_new: String,
    pub locales: Vec<LocalePlan>,
}

#[derive(Debug, Clone)]
pub struct RefMessage {
    pub id: String,
    pub text: String,
    pub class: &'static str,
    pub seg: usize,
    pub change: Change,
    /// The previous reference's English for this id, when it differs.
    pub before: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum State {
    Translated,
    /// The English changed since the translation was made.
    Stale {
        before: String,
        class: Class,
    },
    Missing,
}

impl State {
    pub fn name(&self) -> &'static str {
        match self {
            State::Translated => "translated",
            State::Stale { .. } => "stale",
            State::Missing => "missing",
        }
    }
}

#[derive(Debug, Clone)]
pub struct LocalePlan {
    pub locale: String,
    pub file: Option<FtlFile>,
    /// Parallel to `DocPlan::messages`.
    pub states: Vec<State>,
    /// Index of the message entry in `file` for each reference message, if any.
    pub entry: Vec<Option<usize>>,
    /// Messages whose id the reference no longer has (kept, never deleted).
    pub obsolete: Vec<String>,
    /// Ids that appear more than once (the first one counts).
    pub duplicates: Vec<(usize, String)>,
    /// What sync changes in this file, for its summary.
    pub stamped: Vec<String>,
    pub carried: Vec<(String, Class)>,
    /// The file as sync would write it, when that differs from what is on disk.
    pub new_text: Option<String>,
}

impl LocalePlan {
    pub fn translation(&self, k: usize) -> Option<&ftl::Message> {
        let file = self.file.as_ref()?;
        match &file.entries.get(self.entry[k]?)?.kind {
            EntryKind::Message(m) => Some(m),
            _ => None,
        }
    }
}

pub fn plan(config: &Config, inputs: &[DocInput]) -> Plan {
    Plan {
        docs: inputs.iter().map(|d| plan_doc(config, d)).collect(),
    }
}

fn plan_doc(config: &Config, input: &DocInput) -> DocPlan {
    let document = segment::segment(&input.source);
    let old_ref = input.reference.as_deref().map(FtlFile::parse);
    let (old, retired) = match &old_ref {
        Some(f) => read_reference(f),
        None => (Vec::new(), BTreeSet::new()),
    };

    // Align the translatable segments with the previous reference.
    let trans: Vec<usize> = (0..document.segments.len())
        .filter(|&i| document.segments[i].translatable)
        .collect();
    let pos: HashMap<usize, usize> = trans.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let new: Vec<New> = trans
        .iter()
        .map(|&i| {
            let s = &document.segments[i];
            New {
                kind: s.kind.clone(),
                text: s.text.clone(),
                heading: s.heading.and_then(|h| pos.get(&h).copied()),
            }
        })
        .collect();
    let al = align::align(&old, &new, &retired);
    let mut seg_ids = vec![None; document.segments.len()];
    let mut messages = Vec::with_capacity(trans.len());
    for (k, &i) in trans.iter().enumerate() {
        seg_ids[i] = Some(al.ids[k].clone());
        let before = al.origin[k]
            .map(|o| old[o].text.clone())
            .filter(|t| *t != new[k].text);
        messages.push(RefMessage {
            id: al.ids[k].clone(),
            text: new[k].text.clone(),
            class: align::class_name(&new[k].kind),
            seg: i,
            change: al.change[k].clone(),
            before,
        });
    }
    let removed: Vec<Old> = al.removed.iter().map(|&i| old[i].clone()).collect();
    let mut retired_now = retired;
    retired_now.extend(removed.iter().map(|o| o.id.clone()));
    let reference_new = write_reference(&input.name, &messages, &retired_now);
    let index: HashMap<String, usize> = messages
        .iter()
        .enumerate()
        .map(|(k, m)| (m.id.clone(), k))
        .collect();
    let old_text: HashMap<&str, &str> = old
        .iter()
        .map(|o| (o.id.as_str(), o.text.as_str()))
        .collect();

    let locales = input
        .locales
        .iter()
        .map(|(locale, text)| {
            plan_locale(
                config,
                locale,
                text.as_deref(),
                &messages,
                &index,
                &old_text,
            )
        })
        .collect();
    DocPlan {
        name: input.name.clone(),
        document,
        seg_ids,
        messages,
        index,
        removed,
        reference_old: input.reference.clone(),
        reference_new,
        locales,
    }
}

/// The previous reference: its messages in order, with the class each one records, and
/// the ids retired so far.
fn read_reference(f: &FtlFile) -> (Vec<Old>, BTreeSet<String>) {
    let old = f
        .messages()
        .map(|(_, m)| Old {
            id: m.id.clone(),
            text: m.value.clone(),
            class: m
                .notes
                .first()
                .map(|n| n.trim().to_string())
                .unwrap_or_else(|| "paragraph".into()),
        })
        .collect();
    let retired = f
        .src
        .lines()
        .filter_map(|l| l.strip_prefix("### retired:"))
        .flat_map(|l| l.split_whitespace().map(String::from))
        .collect();
    (old, retired)
}

fn write_reference(name: &str, messages: &[RefMessage], retired: &BTreeSet<String>) -> String {
    let mut out = format!(
        "### Reference messages for source/{name}.md, written by `dossier sync`: do not edit.\n\
         ### Each message is one block of the English; the comment above it names the block.\n"
    );
    let mut line = String::new();
    for id in retired {
        if line.len() + id.len() > 80 {
            out.push_str(&format!("### retired:{line}\n"));
            line.clear();
        }
        line.push(' ');
        line.push_str(id);
    }
    if !line.is_empty() {
        out.push_str(&format!("### retired:{line}\n"));
    }
    for m in messages {
        out.push('\n');
        out.push_str(&ftl::write_message(&m.id, &m.text, &[m.class.to_string()]));
        out.push('\n');
    }
    out
}

fn plan_locale(
    config: &Config,
    locale: &str,
    text: Option<&str>,
    messages: &[RefMessage],
    index: &HashMap<String, usize>,
    old_text: &HashMap<&str, &str>,
) -> LocalePlan {
    let file = text.map(FtlFile::parse);
    let mut states = vec![State::Missing; messages.len()];
    let mut entry = vec![None; messages.len()];
    let mut obsolete = Vec::new();
    let mut duplicates = Vec::new();
    let mut stamped = Vec::new();
    let mut carried = Vec::new();
    let mut edits: Vec<(usize, String)> = Vec::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    if let Some(f) = &file {
        for (e, en) in f.entries.iter().enumerate() {
            let EntryKind::Message(m) = &en.kind else {
                continue;
            };
            if !seen.insert(m.id.as_str()) {
                duplicates.push((e, m.id.clone()));
                continue;
            }
            let Some(&k) = index.get(&m.id) else {
                obsolete.push(m.id.clone());
                if m.stamp.is_none() {
                    if let Some(before) = old_text.get(m.id.as_str()) {
                        edits.push((e, restamp(&f.src[en.span.clone()], m, before)));
                        stamped.push(m.id.clone());
                    }
                }
                continue;
            };
            entry[k] = Some(e);
            let now = &messages[k].text;
            // What the translation was made from: its stamp, or for an unstamped message the
            // English the reference held before this change (what its translator saw).
            let from = match &m.stamp {
                Some(s) => s.clone(),
                None => old_text
                    .get(m.id.as_str())
                    .map_or_else(|| now.clone(), |t| t.to_string()),
            };
            let mut record = from.clone();
            if from == *now {
                states[k] = State::Translated;
            } else {
                let class = classify(&from, now);
                if config.carry_over && class.carries_over() {
                    states[k] = State::Translated;
                    carried.push((m.id.clone(), class));
                    record = now.clone();
                } else {
                    states[k] = State::Stale {
                        before: from.clone(),
                        class,
                    };
                }
            }
            if m.stamp.as_deref() != Some(record.as_str()) {
                if m.stamp.is_none() {
                    stamped.push(m.id.clone());
                }
                edits.push((e, restamp(&f.src[en.span.clone()], m, &record)));
            }
        }
    }
    let new_text = match (&file, edits.is_empty()) {
        (Some(f), false) => Some(f.edit(&edits)),
        _ => None,
    };
    LocalePlan {
        locale: locale.to_string(),
        file,
        states,
        entry,
        obsolete,
        duplicates,
        stamped,
        carried,
        new_text,
    }
}

/// The entry's text with its stamp set to `english`: translator notes kept in order, the
/// message itself (from its id on) byte for byte.
pub fn restamp(entry_text: &str, m: &ftl::Message, english: &str) -> String {
    let id_line = entry_text
        .match_indices(m.id.as_str())
        .map(|(i, _)| i)
        .find(|&i| {
            (i == 0 || entry_text.as_bytes()[i - 1] == b'\n')
                && entry_text[i + m.id.len()..]
                    .trim_start_matches(' ')
                    .starts_with('=')
        })
        .unwrap_or(0);
    let mut out = String::new();
    for line in ftl::stamp_lines(english) {
        out.push_str("# ");
        out.push_str(&line);
        out.push('\n');
    }
    for n in &m.notes {
        if n.is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str("# ");
            out.push_str(n);
            out.push('\n');
        }
    }
    out.push_str(&entry_text[id_line..]);
    out
}

/// Counts for `status`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Counts {
    pub total: usize,
    pub translated: usize,
    pub stale: usize,
    pub missing: usize,
    pub obsolete: usize,
    pub words_total: usize,
    pub words_translated: usize,
    pub words_stale: usize,
    pub words_missing: usize,
}

pub fn word_count(text: &str) -> usize {
    segment::strip_urls(text)
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

impl DocPlan {
    pub fn counts(&self, lp: &LocalePlan) -> Counts {
        let mut c = Counts {
            total: self.messages.len(),
            obsolete: lp.obsolete.len(),
            ..Counts::default()
        };
        for (m, s) in self.messages.iter().zip(&lp.states) {
            let w = word_count(&m.text);
            c.words_total += w;
            match s {
                State::Translated => {
                    c.translated += 1;
                    c.words_translated += w;
                }
                State::Stale { .. } => {
                    c.stale += 1;
                    c.words_stale += w;
                }
                State::Missing => {
                    c.missing += 1;
                    c.words_missing += w;
                }
            }
        }
        c
    }

    pub fn locale(&self, locale: &str) -> Option<&LocalePlan> {
        self.locales.iter().find(|l| l.locale == locale)
    }
}
