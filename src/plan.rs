//! The plan: one pure function from the project's file contents to the state of every
//! segment and translation, and to the files `sync` would write.
//!
//! `sync` writes the plan's files; every read-only command computes the same plan in memory.
//!
//! Documents, and the locales of each document, are planned in parallel (rayon); each is a
//! pure function of its own files, and results are collected in input order, so the plan
//! is the same whatever the number of threads.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::align::{self, Change, New, Old};
use crate::approval::Review;
use crate::change::{classify, Class};
use crate::config::Config;
use crate::ftl::{self, EntryKind, FtlFile};
use crate::segment::{self, Document};

/// The contents of one document's files, as read from disk.
#[derive(Debug, Clone, Default)]
pub struct DocInput {
    /// File stem: source/NAME.md, locales/<locale>/NAME.ftl.
    pub name: String,
    pub source: String,
    pub reference: Option<String>,
    /// Locale → the text of its file, if the file exists.
    pub locales: BTreeMap<String, Option<String>>,
    /// Locale → id → (value, stamp) from earlier committed versions of the locale file,
    /// for messages that lost their stamp (a platform rewrote the file): a message whose
    /// value is unchanged gets its old stamp back, so a stale translation stays stale.
    pub history: BTreeMap<String, History>,
    /// How the source file ends its lines and whether it has a BOM (`source` is LF): the
    /// editions' Markdown is written the same way.
    pub source_style: crate::text::Style,
}

/// Id → (translation, the English it was made from), newest version first.
pub type History = HashMap<String, (String, String)>;

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
    pub index: rustc_hash::FxHashMap<String, usize>,
    /// Segments of the previous reference that no longer exist.
    pub removed: Vec<Old>,
    pub reference_old: Option<String>,
    /// Ids the reference retires: never given to a new segment.
    pub retired: BTreeSet<String>,
    /// The reference file as sync writes it, made when first asked for (see
    /// `reference_new`): only sync needs it.
    reference_new: OnceLock<String>,
    pub locales: Vec<LocalePlan>,
    /// The source file's style (see `DocInput::source_style`).
    pub source_style: crate::text::Style,
    /// Word counts of `messages`, computed once when first asked for.
    words: OnceLock<Vec<usize>>,
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
    /// Unstamped messages whose stamp came back from the file's git history.
    pub restored: Vec<String>,
    /// Values replaced by `sync --apply-safe`: (id, old, new).
    pub applied: Vec<(String, String, String)>,
    /// Number changes `--apply-safe` left stale because the words agreeing with the
    /// number may need another form (`plural::agreement_change`): (id, why).
    pub held: Vec<(String, String)>,
    /// Messages directly below another message, with no blank line between them (as
    /// Pontoon's and Weblate's serializers write them): sync puts the blank line back.
    pub spaced: usize,
    /// The file as sync would write it, when that differs from what is on disk.
    pub new_text: Option<String>,
}

/// The first line of a locale file dossier creates for document `doc`.
pub fn new_file_header(locale: &str, doc: &str) -> String {
    format!("### {locale} translation of source/{doc}.md.\n")
}

impl LocalePlan {
    /// The text a writer adding messages to this locale's file of document `doc` starts
    /// from: what `sync` would write, else the file, else a new file's header.
    pub fn text_to_extend(&self, doc: &str) -> String {
        self.new_text
            .clone()
            .or_else(|| self.file.as_ref().map(|f| f.src.clone()))
            .unwrap_or_else(|| new_file_header(&self.locale, doc))
    }

    pub fn translation(&self, k: usize) -> Option<&ftl::Message> {
        let file = self.file.as_ref()?;
        match &file.entries.get(self.entry[k]?)?.kind {
            EntryKind::Message(m) => Some(m),
            _ => None,
        }
    }

    /// The review that holds on message `k` (see `approval`): an approval only of an
    /// up-to-date translation, a rejection of any translation, each only while the stamp
    /// and the translation are what was reviewed.
    pub fn review(&self, k: usize) -> Option<crate::approval::Review> {
        let r = crate::approval::current(self.translation(k)?)?;
        let counts =
            r.verdict == crate::approval::Verdict::Rejected || self.states[k] == State::Translated;
        counts.then_some(r)
    }
}

pub fn plan(config: &Config, inputs: &[DocInput]) -> Plan {
    Plan {
        docs: inputs
            .par_iter()
            .map(|d| plan_doc(config, d.clone(), false).0)
            .collect(),
    }
}

/// `plan`, taking the inputs: their texts move into the plan instead of being copied.
pub fn plan_owned(config: &Config, inputs: Vec<DocInput>) -> Plan {
    Plan {
        docs: inputs
            .into_par_iter()
            .map(|d| plan_doc(config, d, false).0)
            .collect(),
    }
}

/// The plan of one document.
pub fn plan_one(config: &Config, input: DocInput) -> DocPlan {
    plan_doc(config, input, false).0
}

/// `plan_one`, with the parser's events of the source (see `segment_keeping_events`).
pub fn plan_one_keeping_events(config: &Config, input: DocInput) -> (DocPlan, segment::Events) {
    let (plan, events) = plan_doc(config, input, true);
    (plan, events.unwrap_or_default())
}

fn plan_doc(config: &Config, input: DocInput, keep: bool) -> (DocPlan, Option<segment::Events>) {
    let DocInput {
        name,
        source,
        reference,
        locales,
        mut history,
        source_style,
    } = input;
    let (document, events) = segment::segment_keeping_events(source, keep);
    let old_ref = reference.map(FtlFile::parse);
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
    let index: rustc_hash::FxHashMap<String, usize> = messages
        .iter()
        .enumerate()
        .map(|(k, m)| (m.id.clone(), k))
        .collect();
    let old_text: HashMap<&str, &str> = old
        .iter()
        .map(|o| (o.id.as_str(), o.text.as_str()))
        .collect();

    // How each changed message changed, classified once for all the locales whose
    // translations were made from the same English (the usual case).
    let classes: Vec<OnceLock<(String, Class)>> =
        messages.iter().map(|_| OnceLock::new()).collect();
    let shared = Shared {
        messages: &messages,
        index: &index,
        old_text: &old_text,
        classes: &classes,
    };
    let locales: Vec<(String, Option<String>, Option<History>)> = locales
        .into_iter()
        .map(|(l, text)| {
            let h = history.remove(&l);
            (l, text, h)
        })
        .collect();
    let locales = locales
        .into_par_iter()
        .map(|(locale, text, history)| plan_locale(config, locale, text, &shared, history.as_ref()))
        .collect();
    let plan = DocPlan {
        name,
        document,
        seg_ids,
        messages,
        index,
        removed,
        reference_old: old_ref.map(|f| f.src),
        retired: retired_now,
        reference_new: OnceLock::new(),
        locales,
        source_style,
        words: OnceLock::new(),
    };
    (plan, events)
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
    (old, retired_ids(&f.src))
}

/// The ids a reference file's `### retired:` lines list.
pub fn retired_ids(reference_text: &str) -> BTreeSet<String> {
    crate::lines::split(reference_text)
        .filter_map(|l| l.strip_prefix("### retired:"))
        .flat_map(|l| l.split_whitespace().map(String::from))
        .collect()
}

fn write_reference(name: &str, messages: &[RefMessage], retired: &BTreeSet<String>) -> String {
    let size: usize = messages
        .iter()
        .map(|m| m.id.len() + m.text.len() + 32)
        .sum();
    let mut out = String::with_capacity(size + 256);
    let _ = write!(
        out,
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

/// What planning each locale of a document needs from the reference.
struct Shared<'a> {
    messages: &'a [RefMessage],
    index: &'a rustc_hash::FxHashMap<String, usize>,
    old_text: &'a HashMap<&'a str, &'a str>,
    classes: &'a [OnceLock<(String, Class)>],
}

impl Shared<'_> {
    /// How the English of message `k` changed since `from`.
    fn classify(&self, k: usize, from: &str) -> Class {
        let now = &self.messages[k].text;
        let (first, class) =
            self.classes[k].get_or_init(|| (from.to_string(), classify(from, now)));
        if first == from {
            *class
        } else {
            classify(from, now)
        }
    }
}

fn plan_locale(
    config: &Config,
    locale: String,
    text: Option<String>,
    sh: &Shared,
    history: Option<&History>,
) -> LocalePlan {
    let (messages, index, old_text) = (sh.messages, sh.index, sh.old_text);
    let file = text.map(FtlFile::parse);
    let mut states = vec![State::Missing; messages.len()];
    let mut entry = vec![None; messages.len()];
    let mut obsolete = Vec::new();
    let mut duplicates = Vec::new();
    let mut stamped = Vec::new();
    let mut carried = Vec::new();
    let mut applied = Vec::new();
    let mut held = Vec::new();
    let mut restored_ids = Vec::new();
    let mut edits: Vec<(usize, String)> = Vec::new();
    if let Some(f) = &file {
        let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        seen.reserve(f.entries.len());
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
            let restored = match (&m.stamp, history.and_then(|h| h.get(&m.id))) {
                (None, Some((value, stamp))) if *value == m.value => Some(stamp.clone()),
                _ => None,
            };
            if restored.is_some() {
                restored_ids.push(m.id.clone());
            }
            let from = match (&m.stamp, restored) {
                (Some(s), _) => s.clone(),
                (None, Some(r)) => r,
                (None, None) => old_text
                    .get(m.id.as_str())
                    .map_or_else(|| now.clone(), |t| t.to_string()),
            };
            let mut record = from.clone();
            let mut reps: Vec<(String, String)> = Vec::new();
            if from == *now {
                states[k] = State::Translated;
            } else {
                let class = sh.classify(k, &from);
                if config.carry_over && class.carries_over(config.carry_over_case) {
                    states[k] = State::Translated;
                    carried.push((m.id.clone(), class));
                    record = now.clone();
                } else if let Some(r) = config
                    .apply_safe
                    .then(|| safe_replacements(&from, now, &m.value, class))
                    .flatten()
                    .filter(|r| {
                        // A number's words may agree with it: held when its plural
                        // category in this language changes.
                        let why = (class == Class::Numbers)
                            .then(|| {
                                r.iter().find_map(|(o, n)| {
                                    crate::plural::agreement_change(&locale, o, n)
                                })
                            })
                            .flatten();
                        match why {
                            Some(why) => {
                                held.push((m.id.clone(), why));
                                false
                            }
                            None => true,
                        }
                    })
                {
                    states[k] = State::Translated;
                    applied.extend(r.iter().map(|(o, n)| (m.id.clone(), o.clone(), n.clone())));
                    reps = r;
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
                edits.push((
                    e,
                    restamp_replacing(&f.src[en.span.clone()], m, &record, &reps),
                ));
            }
        }
    }
    let spaced = match &file {
        Some(f) => space_messages(f, &mut edits),
        None => 0,
    };
    let new_text = match (&file, edits.is_empty()) {
        // A message stamped for the first time (a translation just added by hand, or by a
        // platform) goes where the reference has it, if it is out of place.
        (Some(f), false) => {
            let text = f.edit(&edits);
            let new: Vec<&str> = stamped
                .iter()
                .filter(|id| index.contains_key(id.as_str()))
                .map(String::as_str)
                .collect();
            Some(if new.is_empty() {
                text
            } else {
                let order: Vec<&str> = messages.iter().map(|m| m.id.as_str()).collect();
                move_into_order(&text, &order, &new)
            })
        }
        _ => None,
    };
    LocalePlan {
        locale,
        file,
        states,
        entry,
        obsolete,
        duplicates,
        stamped,
        carried,
        applied,
        held,
        restored: restored_ids,
        spaced,
        new_text,
    }
}

/// Puts a blank line back between two messages that have none between them (Pontoon's
/// and Weblate's serializers write messages one below the other): an edit of the second
/// message that starts with a line break (its own edit when it has one). Layout only: a
/// comment directly above a message is part of its entry and stays attached, and no other
/// entry (a comment, a term, Junk) is touched. Returns how many blank lines are put back.
fn space_messages(f: &FtlFile, edits: &mut Vec<(usize, String)>) -> usize {
    // The entries that need a blank line above them, in order.
    let below: Vec<usize> = f
        .entries
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| {
            matches!(
                (&pair[0].kind, &pair[1].kind),
                (EntryKind::Message(_), EntryKind::Message(_))
            ) && f.src[pair[0].span.end..pair[1].span.start]
                .bytes()
                .filter(|&b| b == b'\n')
                .count()
                < 2
        })
        .map(|(i, _)| i + 1)
        .collect();
    let mut edited = vec![false; below.len()];
    for (e, text) in edits.iter_mut() {
        if let Ok(k) = below.binary_search(e) {
            text.insert(0, '\n');
            edited[k] = true;
        }
    }
    for (&e, _) in below.iter().zip(&edited).filter(|(_, &done)| !done) {
        edits.push((e, format!("\n{}", &f.src[f.entries[e].span.clone()])));
    }
    below.len()
}

/// The entry's text with its stamp set to `english`: translator notes kept in order above
/// it (the stamp is the last comment, right above the id), the message itself (from its
/// id on) byte for byte.
pub fn restamp(entry_text: &str, m: &ftl::Message, english: &str) -> String {
    restamp_replacing(entry_text, m, english, &[])
}

/// `restamp`, also replacing each `(old, new)` value once in the message (not its comment).
pub fn restamp_replacing(
    entry_text: &str,
    m: &ftl::Message,
    english: &str,
    replace: &[(String, String)],
) -> String {
    let id_line = id_line(entry_text, m);
    // A review was of the old stamp: it lapses, and its line goes.
    let mut out = comment(english, None, &m.notes);
    let mut tail = entry_text[id_line..].to_string();
    // Replace in the value only: the id can hold the same token (`risks-2-p1`).
    let value_at = tail
        .get(m.id.len()..)
        .and_then(|t| t.find('='))
        .map_or(tail.len(), |i| m.id.len() + i + 1);
    for (old, new) in replace {
        if let Some(at) = tail.get(value_at..).and_then(|v| find_token(v, old)) {
            let at = value_at + at;
            tail.replace_range(at..at + old.len(), new);
        }
    }
    out.push_str(&tail);
    out
}

/// The entry's text with its value set to `value` and its stamp to `english` (a
/// translator's save): the notes kept, a review of the old translation dropped.
pub fn rewrite(m: &ftl::Message, english: &str, value: &str) -> String {
    let mut out = comment(english, None, &m.notes);
    out.push_str(&m.id);
    out.push_str(" =");
    out.push_str(&ftl::write_value(value));
    out
}

/// The entry's text with its review line set to `review` (None: removed), after the
/// stamp; the stamp, the other notes and the message itself kept.
pub fn set_review(entry_text: &str, m: &ftl::Message, review: Option<&Review>) -> String {
    let english = m.stamp.as_deref().unwrap_or("");
    let mut out = comment(english, review, &m.notes);
    out.push_str(&entry_text[id_line(entry_text, m)..]);
    out
}

/// Where the message's own line (`id =`) starts in its entry's text (its comment comes
/// before it).
pub fn id_line(entry_text: &str, m: &ftl::Message) -> usize {
    entry_text
        .match_indices(m.id.as_str())
        .map(|(i, _)| i)
        .find(|&i| {
            (i == 0 || entry_text.as_bytes()[i - 1] == b'\n')
                && entry_text[i + m.id.len()..]
                    .trim_start_matches(' ')
                    .starts_with('=')
        })
        .unwrap_or(0)
}

/// A message's comment: the notes (review lines among them left out: a message has one
/// review, the last made), the review line, and last, right above the id, the stamp of
/// `english`.
fn comment(english: &str, review: Option<&Review>, notes: &[String]) -> String {
    let mut out = String::new();
    for n in notes.iter().filter(|n| Review::parse(n).is_none()) {
        if n.is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str("# ");
            out.push_str(n);
            out.push('\n');
        }
    }
    if let Some(r) = review {
        out.push_str(&format!("# {r}\n"));
    }
    for line in ftl::stamp_lines(english) {
        out.push_str("# ");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Where `token` occurs in `text` as a whole token (not inside a longer number or word).
fn find_token(text: &str, token: &str) -> Option<usize> {
    let all = token_positions(text, token);
    all.first().copied()
}

fn token_positions(text: &str, token: &str) -> Vec<usize> {
    if token.is_empty() {
        return Vec::new();
    }
    text.match_indices(token)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = text[..i].chars().next_back();
            let after = text[i + token.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            boundary(before) && boundary(after)
        })
        .collect()
}

/// The replacements that carry a numbers or links change of the English over to a
/// translation: each changed value must appear in the translation exactly once.
pub fn safe_replacements(
    before: &str,
    now: &str,
    translation: &str,
    class: Class,
) -> Option<Vec<(String, String)>> {
    let (b, n) = (
        crate::change::Tokens::of(before),
        crate::change::Tokens::of(now),
    );
    let (old, new) = match class {
        Class::Numbers => (b.numbers, n.numbers),
        Class::Links => (b.urls, n.urls),
        _ => return None,
    };
    if old.len() != new.len() {
        return None;
    }
    let pairs: Vec<(String, String)> = old.into_iter().zip(new).filter(|(o, n)| o != n).collect();
    if pairs.is_empty() {
        return None;
    }
    for (o, _) in &pairs {
        if token_positions(translation, o).len() != 1
            || pairs.iter().filter(|(x, _)| x == o).count() != 1
        {
            return None;
        }
    }
    Some(pairs)
}

/// Inserts new messages (id, text without trailing newline) into an FTL file in reference
/// order: after the nearest earlier reference message the file has, else before its first
/// reference message, else at the end. Everything else stays byte for byte.
pub fn insert_messages(base: &str, order: &[String], new: &[(String, String)]) -> String {
    let mut out = String::with_capacity(base.len() + 1024);
    let mut pos = 0;
    for (offset, text) in insertions(base, order, new) {
        out.push_str(&base[pos..offset]);
        out.push_str(&text);
        pos = offset;
    }
    out.push_str(&base[pos..]);
    out
}

/// What [`insert_messages`] inserts, as (byte offset in `base`, text), in order: the
/// same change as edits an editor applies.
pub fn insertions(base: &str, order: &[String], new: &[(String, String)]) -> Vec<(usize, String)> {
    let file = FtlFile::parse(base);
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut present: Vec<(usize, usize, usize)> = Vec::new(); // (rank, span start, span end)
    let mut seen = BTreeSet::new();
    for e in &file.entries {
        if let EntryKind::Message(m) = &e.kind {
            if let Some(&r) = rank.get(m.id.as_str()) {
                if seen.insert(r) {
                    present.push((r, e.span.start, e.span.end));
                }
            }
        }
    }
    present.sort();
    let mut inserts: Vec<(usize, usize, String)> = Vec::new(); // (offset, rank, text)
    for (id, text) in new {
        let r = rank.get(id.as_str()).copied().unwrap_or(usize::MAX);
        let prev = present.iter().rev().find(|p| p.0 < r);
        let (offset, piece) = match (prev, present.first()) {
            (Some(p), _) => (p.2, format!("\n\n{text}")),
            (None, Some(first)) => (first.1, format!("{text}\n\n")),
            (None, None) => (base.len(), String::new()),
        };
        if piece.is_empty() {
            let sep = if base.is_empty() || base.ends_with("\n\n") {
                ""
            } else if base.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            inserts.push((offset, r, format!("{sep}{text}\n")));
        } else {
            inserts.push((offset, r, piece));
        }
    }
    inserts.sort_by_key(|i| (i.0, i.1));
    // Several messages appended at the end are separated by blank lines.
    let mut out = Vec::with_capacity(inserts.len());
    let mut last_end_append = false;
    for (offset, _, text) in inserts {
        if offset == base.len() && last_end_append {
            out.push((offset, format!("\n{}", text.trim_start_matches('\n'))));
        } else {
            out.push((offset, text));
        }
        last_end_append = offset == base.len();
    }
    out
}

/// Moves each of the messages `ids` that is out of reference order (the messages of
/// `order` next to it in the file are not the ones before and after it in `order`) to its
/// place: after the nearest earlier message of `order` the file has (`insert_messages`).
/// The moved entry, its comments included, and every other byte stay as they are.
pub fn move_into_order(text: &str, order: &[&str], ids: &[&str]) -> String {
    let file = FtlFile::parse(text);
    let rank: HashMap<&str, usize> = order.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // The file's messages that the reference has, in file order: (entry, rank).
    let mut seen = BTreeSet::new();
    let seq: Vec<(usize, usize)> = file
        .entries
        .iter()
        .enumerate()
        .filter_map(|(e, en)| match &en.kind {
            EntryKind::Message(m) => rank
                .get(m.id.as_str())
                .filter(|r| seen.insert(**r))
                .map(|r| (e, *r)),
            _ => None,
        })
        .collect();
    let moving: Vec<usize> = seq
        .iter()
        .enumerate()
        .filter(|(i, (e, r))| {
            let id_of = |e: usize| match &file.entries[e].kind {
                EntryKind::Message(m) => m.id.as_str(),
                _ => "",
            };
            ids.contains(&id_of(*e))
                && (i.checked_sub(1).is_some_and(|p| seq[p].1 > *r)
                    || seq.get(i + 1).is_some_and(|n| n.1 < *r))
        })
        .map(|(_, (e, _))| *e)
        .collect();
    if moving.is_empty() {
        return text.to_string();
    }
    // Cut each moving entry with the blank lines after it (before it, at the file's end).
    let mut rest = String::with_capacity(text.len());
    let mut new: Vec<(String, String)> = Vec::new();
    let mut pos = 0;
    for &e in &moving {
        let span = &file.entries[e].span;
        let EntryKind::Message(m) = &file.entries[e].kind else {
            continue;
        };
        new.push((m.id.clone(), text[span.clone()].to_string()));
        let next = file.entries.get(e + 1).map_or(text.len(), |n| n.span.start);
        rest.push_str(&text[pos..span.start]);
        if next == text.len() {
            // The last entry: the blank lines before it go, the file keeps its last newline.
            let kept = rest.trim_end_matches('\n').len();
            rest.truncate(kept);
            rest.push('\n');
        }
        pos = next;
    }
    rest.push_str(&text[pos..]);
    let order: Vec<String> = order.iter().map(|s| s.to_string()).collect();
    insert_messages(&rest, &order, &new)
}

/// Counts for `status`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    pub total: usize,
    pub translated: usize,
    pub stale: usize,
    pub missing: usize,
    pub obsolete: usize,
    /// Up-to-date translations whose approval holds.
    pub reviewed: usize,
    /// Translations whose rejection holds: they need work.
    pub rejected: usize,
    pub words_total: usize,
    pub words_translated: usize,
    pub words_stale: usize,
    pub words_missing: usize,
}

impl Counts {
    /// Adds another document's counts.
    pub fn add(&mut self, c: &Counts) {
        let Counts {
            total,
            translated,
            stale,
            missing,
            obsolete,
            reviewed,
            rejected,
            words_total,
            words_translated,
            words_stale,
            words_missing,
        } = c;
        self.total += total;
        self.translated += translated;
        self.stale += stale;
        self.missing += missing;
        self.obsolete += obsolete;
        self.reviewed += reviewed;
        self.rejected += rejected;
        self.words_total += words_total;
        self.words_translated += words_translated;
        self.words_stale += words_stale;
        self.words_missing += words_missing;
    }
}

/// Words outside URLs: runs of letters, digits, apostrophes and hyphens that hold a letter
/// or a digit.
pub fn word_count(text: &str) -> usize {
    // A word is counted at its first letter or digit: one whose last byte before it that
    // was not a joiner (apostrophe, hyphen) was a separator, or the start.
    let mut count = 0;
    let mut last = 0u8;
    segment::for_each_kept(text, |piece| {
        let bytes = piece.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Eight ASCII bytes at a time (nearly all English text).
            if let Some(chunk) = bytes.get(i..i + 8) {
                let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
                if x & HIGH == 0 {
                    count += word_starts(x, &mut last);
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            let class = if b.is_ascii() {
                i += 1;
                WORD_BYTES[usize::from(b)]
            } else {
                // ASCII by table; other characters decoded one by one.
                let c = piece[i..].chars().next().unwrap_or('\0');
                i += c.len_utf8().max(1);
                if crate::text::is_alnum(c) {
                    ALNUM
                } else if c == '’' {
                    JOINS
                } else {
                    0
                }
            };
            count += usize::from(class == ALNUM && last == 0);
            if class != JOINS {
                last = class;
            }
        }
    });
    count
}

const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
const HIGH: u64 = 0x80 * ONES;

/// How many words start in the eight ASCII bytes of `x` (little-endian), given the class
/// of the last byte before them that was not a joiner (`last`, updated), as `word_count`
/// reads them one by one: with the bytes as bits, a joiner takes the state of the byte
/// before its run, which an addition carries along the run.
fn word_starts(x: u64, last: &mut u8) -> usize {
    // Byte ≥ c, in its high bit (bytes are ASCII: no carry crosses into the next byte).
    let at_least = |v: u64, c: u8| (v + u64::from(0x80 - c) * ONES) & HIGH;
    let equal = |c: u8| {
        let z = x ^ (u64::from(c) * ONES);
        !(((z & !HIGH) + !HIGH) | z) & HIGH
    };
    let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
    let folded = x | (0x20 * ONES);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    // The high bits of the eight bytes gathered into the low eight bits, byte k at bit k.
    let bits = |v: u64| (v >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    let alnum = bits(digit | letter);
    let joins = bits(equal(b'\'') | equal(b'-'));
    let carry = u64::from(*last == ALNUM);
    // Joiners right after a letter or digit start a run that takes its state.
    let run_starts = ((alnum << 1) | carry) & joins;
    let state = alnum | (joins & !(joins + run_starts));
    let before = ((state << 1) | carry) & 0xFF;
    *last = if state & 0x80 != 0 { ALNUM } else { 0 };
    (alnum & !before).count_ones() as usize
}

const ALNUM: u8 = 1;
const JOINS: u8 = 2;

/// What each ASCII byte is to a word: part of it (letters, digits), a joiner inside it
/// (apostrophe, hyphen), or a separator (0).
static WORD_BYTES: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c == b'\'' || c == b'-' {
            JOINS
        } else {
            0
        };
        b += 1;
    }
    t
};

impl DocPlan {
    /// The reference file as sync writes it.
    pub fn reference_new(&self) -> &str {
        self.reference_new
            .get_or_init(|| write_reference(&self.name, &self.messages, &self.retired))
    }

    pub fn counts(&self, lp: &LocalePlan) -> Counts {
        let mut c = Counts {
            total: self.messages.len(),
            obsolete: lp.obsolete.len(),
            ..Counts::default()
        };
        let words = self
            .words
            .get_or_init(|| self.messages.iter().map(|m| word_count(&m.text)).collect());
        for (k, (s, &w)) in lp.states.iter().zip(words).enumerate() {
            if let Some(r) = lp.review(k) {
                match r.verdict {
                    crate::approval::Verdict::Approved => c.reviewed += 1,
                    crate::approval::Verdict::Rejected => c.rejected += 1,
                }
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_out_of_reference_order_moves_to_its_place_whole() {
        let order = ["a", "b", "c", "fn-1"];
        // Appended after the footnotes, with a note: moved after `a`, note and all.
        let text = "### Head\n\na = A\n\nc = C\n\nfn-1 = Note\n\n# note: mine\nb = B\n";
        assert_eq!(
            move_into_order(text, &order, &["b"]),
            "### Head\n\na = A\n\n# note: mine\nb = B\n\nc = C\n\nfn-1 = Note\n"
        );
        // In the middle, before `a`: moved after it.
        let text = "b = B\n\na = A\n\nc = C\n";
        assert_eq!(
            move_into_order(text, &order, &["b"]),
            "a = A\n\nb = B\n\nc = C\n"
        );
        // In place, or not among the messages asked for: the text as it is.
        let text = "a = A\n\nb = B\n\nc = C\n";
        assert_eq!(move_into_order(text, &order, &["b"]), text);
        let text = "c = C\n\na = A\n";
        assert_eq!(move_into_order(text, &order, &["b"]), text);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Words are counted as they are defined: split the URL-free text at every
        /// character that is not a letter, digit, apostrophe or hyphen.
        #[test]
        fn words_are_counted_as_defined(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Ж", "1", " ", "-", "'", "’", ".", ",", "<https://x.org>", "[^1]", "](u)",
                "http://a.b", "\n", "é", "--", "--a", "Zz09", "/:@[`{", "\u{7f}", "word-ab'cd ef",
                "it's a well-known", "--'-", "A", "z", "9", "0", "@", "[", "`", "{", "/", ":",
            ]), 0..24)
        ) {
            let text = pieces.concat();
            let expected = segment::strip_urls(&text)
                .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            proptest::prop_assert_eq!(word_count(&text), expected);
        }
    }

    /// The reference file sync writes gives back the plan's ids, English and retired ids
    /// when read (what `check` relies on when it reads a current reference instead of
    /// planning): on the dossier, and on each sync fixture before and after its edit.
    #[test]
    fn the_reference_file_reads_back_as_the_plan() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let read = |p: std::path::PathBuf| {
            std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        };
        let mut pairs = vec![(read(root.join("source/dossier.md")), None)];
        let fixtures =
            std::fs::read_dir(root.join("tests/data/sync")).unwrap_or_else(|e| panic!("{e}"));
        for f in fixtures.flatten() {
            pairs.push((
                read(f.path().join("old.md")),
                Some(read(f.path().join("new.md"))),
            ));
        }
        let config = Config::parse("locales = [\"fr\"]\n", None).unwrap_or_else(|e| panic!("{e}"));
        let doc = |source: &str, reference: Option<String>| DocInput {
            name: "doc".into(),
            source: source.into(),
            reference,
            ..Default::default()
        };
        let mut checked = 0;
        for (old, new) in pairs {
            let first = plan_one(&config, doc(&old, None));
            let mut plans = vec![];
            if let Some(new) = new {
                plans.push(plan_one(
                    &config,
                    doc(&new, Some(first.reference_new().to_string())),
                ));
            }
            plans.push(first);
            for d in plans {
                let file = FtlFile::parse(d.reference_new().to_string());
                let read: Vec<(&str, &str)> = file
                    .messages()
                    .map(|(_, m)| (m.id.as_str(), m.value.as_str()))
                    .collect();
                let planned: Vec<(&str, &str)> = d
                    .messages
                    .iter()
                    .map(|m| (m.id.as_str(), m.text.as_str()))
                    .collect();
                assert_eq!(read, planned);
                assert_eq!(retired_ids(&file.src), d.retired);
                checked += planned.len();
            }
        }
        assert!(checked > 100, "{checked}");
    }

    /// Issue 18 item 8: a blank line goes back between two messages, and nowhere else; a
    /// comment directly above a message stays attached; a second plan has nothing to do.
    #[test]
    fn blank_lines_go_back_between_messages_only() {
        let config = Config::parse("locales = [\"fr\"]\n", None).unwrap_or_else(|e| panic!("{e}"));
        let source = "# A\n\nB.\n\nC.\n\nD.\n";
        let first = plan_one(
            &config,
            DocInput {
                name: "doc".into(),
                source: source.into(),
                ..Default::default()
            },
        );
        let reference = first.reference_new().to_string();
        let doc = |fr: &str| DocInput {
            name: "doc".into(),
            source: source.into(),
            reference: Some(reference.clone()),
            locales: [("fr".to_string(), Some(fr.to_string()))].into(),
            ..Default::default()
        };
        let cases = [
            // Weblate's layout; an unstamped message gets its stamp and its blank line.
            (
                "### fr\n# en: A\na = A\n# en: B.\na-p1 = B.\na-p2 = C.\n",
                "### fr\n# en: A\na = A\n\n# en: B.\na-p1 = B.\n\n# en: C.\na-p2 = C.\n",
                2,
            ),
            // Junk, a standalone comment and a term are left where they are.
            (
                "# en: A\na = A\n\n## Section\n# en: B.\na-p1 = B.\nbroken = {\n# en: C.\na-p2 = C.\n-term = T\n# en: D.\na-p3 = D.\n",
                "# en: A\na = A\n\n## Section\n# en: B.\na-p1 = B.\nbroken = {\n# en: C.\na-p2 = C.\n-term = T\n# en: D.\na-p3 = D.\n",
                0,
            ),
            // Obsolete messages are messages too; multi-line values end where they end.
            (
                "# en: A\na = A\n    sur deux lignes\nold = Vieux\n# en: B.\na-p1 = B.\n",
                "# en: A\na = A\n    sur deux lignes\n\nold = Vieux\n\n# en: B.\na-p1 = B.\n",
                2,
            ),
        ];
        for (fr, expected, spaced) in cases {
            let d = plan_one(&config, doc(fr));
            let lp = &d.locales[0];
            let text = lp.new_text.clone().unwrap_or_else(|| fr.to_string());
            assert_eq!(text, expected, "{fr:?}");
            assert_eq!(lp.spaced, spaced, "{fr:?}");
            let again = plan_one(&config, doc(&text));
            assert_eq!(again.locales[0].new_text, None, "{text:?}");
            // Layout only: the same messages, notes and stamps.
            let messages = |t: &str| {
                FtlFile::parse(t.to_string())
                    .messages()
                    .map(|(_, m)| (m.id.clone(), m.value.clone(), m.notes.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(messages(&text), messages(fr));
        }
    }

    /// Found by fuzzing (fuzz/fuzz_targets/align.rs): `sync --apply-safe` replaced the
    /// first whole-token occurrence of a changed number in the message's text from its id
    /// on, so a number in the id (`risks-2-p1`, the second "Risks" heading) was replaced
    /// instead of the one in the value, and the translation was lost under a wrong id.
    #[test]
    fn apply_safe_replaces_in_the_value_not_in_the_id() {
        let mut config =
            Config::parse("locales = [\"fr\"]\n", Some("[sync]\ncarry_over = false\n"))
                .unwrap_or_else(|e| panic!("{e}"));
        config.apply_safe = true;
        let doc = |source: &str, reference: Option<String>, fr: Option<String>| DocInput {
            name: "doc".into(),
            source: source.into(),
            reference,
            locales: [("fr".to_string(), fr)].into(),
            ..Default::default()
        };
        let old = "# Risks\n\n# Risks\n\nHe faced 2 trials in 2019.\n";
        let first = plan(&config, &[doc(old, None, None)]);
        let ids: Vec<&str> = first.docs[0]
            .messages
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids, ["risks", "risks-2", "risks-2-p1"]);
        let fr = format!(
            "{}\n",
            ftl::write_message(
                "risks-2-p1",
                "Il a subi 2 procès en 2019.",
                &ftl::stamp_lines("He faced 2 trials in 2019.")
            )
        );
        let new = "# Risks\n\n# Risks\n\nHe faced 3 trials in 2019.\n";
        let reference = Some(first.docs[0].reference_new().to_string());
        let second = plan(&config, &[doc(new, reference, Some(fr))]);
        let lp = &second.docs[0].locales[0];
        assert_eq!(lp.states[2], State::Translated);
        let text = lp.new_text.clone().unwrap_or_default();
        assert_eq!(
            text,
            "# en: He faced 3 trials in 2019.\nrisks-2-p1 = Il a subi 3 procès en 2019.\n"
        );
    }
}
