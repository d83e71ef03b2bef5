//! One document's messages in a locale as an editor shows them — the English now and as
//! translated, the translation, its state, review, checks, suggestions, glossary terms,
//! context and `version` — and what editors do to one message: check a value being
//! typed, save it, accept it unchanged, review it. Each write is under the project lock,
//! refused when the message changed on disk since it was shown (its `version`), and
//! changes that message's entry only: every other byte of the file stays.

use anyhow::Result;
use serde::Serialize;

use crate::approval::{Review, Verdict};
use crate::change::Piece;
use crate::checks::{self, Finding};
use crate::ftl::{self, EntryKind};
use crate::glossary::Glossary;
use crate::paths;
use crate::plan::{self, DocPlan, State};
use crate::project::Project;
use crate::suggest::{Memory, Suggestion};

/// What went wrong with a request about one message, for a front end to answer it (the
/// workspace: 404, 409, 400).
#[derive(Debug)]
pub enum Refusal {
    /// No such locale, document or message.
    NotFound(String),
    /// The message changed on disk since it was shown: its state now.
    Conflict(Box<MessageView>),
    /// The request cannot be done as asked (approving a stale message, …).
    Invalid(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NotFound(m) | Refusal::Invalid(m) => f.write_str(m),
            Refusal::Conflict(v) => {
                write!(f, "{} changed on disk since it was loaded; reload it", v.id)
            }
        }
    }
}

impl std::error::Error for Refusal {}

/// A finding on a message's value, placed in the value (character offsets, for an editor).
#[derive(Debug, Clone, Serialize)]
pub struct ValueDiagnostic {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    /// Character offsets of the range in the translation.
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<ValueFix>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ValueFix {
    pub message: String,
    pub replacement: String,
    pub automatic: bool,
}

/// A glossary term of the segment, with the locale's forms.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub english: String,
    pub forms: Vec<String>,
    pub allowed: Vec<String>,
    pub forbidden: Vec<String>,
    pub note: String,
}

/// A neighbouring segment.
#[derive(Debug, Clone, Serialize)]
pub struct Neighbour {
    pub id: String,
    pub english: String,
    pub translation: Option<String>,
}

/// A review that holds on the message.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewView {
    pub verdict: &'static str,
    pub by: String,
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One message as an editor shows it.
#[derive(Debug, Clone, Serialize)]
pub struct MessageView {
    pub id: String,
    pub doc: String,
    pub locale: String,
    /// "translated", "reviewed", "rejected", "stale" or "missing".
    pub state: &'static str,
    /// The change class of a stale message.
    pub class: Option<&'static str>,
    pub kind: &'static str,
    pub english: String,
    /// The English the translation was made from, when it differs from `english`.
    pub english_before: Option<String>,
    /// Word diff from `english_before` to `english`.
    pub diff: Vec<Piece>,
    pub translation: Option<String>,
    pub review: Option<ReviewView>,
    pub diagnostics: Vec<ValueDiagnostic>,
    pub suggestions: Vec<Suggestion>,
    pub terms: Vec<Term>,
    /// The section's heading (its English), the previous and next segments.
    pub heading: Option<String>,
    pub previous: Option<Neighbour>,
    pub next: Option<Neighbour>,
    /// `locales/<l>/<doc>.ftl:LINE` of the message, when the file has it.
    pub location: Option<String>,
    /// An opaque token of the message's content in the file and of its English: a write
    /// made on an older one is refused.
    pub version: String,
}

/// Which messages to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    /// Stale, missing and rejected: the queue of work.
    Work,
    /// One state by name.
    State(&'static str),
}

impl Filter {
    /// A filter by name: "work", "all", or a state.
    pub fn parse(s: &str) -> Option<Filter> {
        Some(match s {
            "all" => Filter::All,
            "work" => Filter::Work,
            "translated" => Filter::State("translated"),
            "reviewed" => Filter::State("reviewed"),
            "rejected" => Filter::State("rejected"),
            "stale" => Filter::State("stale"),
            "missing" => Filter::State("missing"),
            _ => return None,
        })
    }

    fn keeps(self, state: &str) -> bool {
        match self {
            Filter::All => true,
            Filter::Work => matches!(state, "stale" | "missing" | "rejected"),
            Filter::State(s) => s == state,
        }
    }
}

/// The glossary of the project, or None when it has none; an error when it cannot be read.
pub fn glossary(project: &Project) -> Result<Option<Glossary>> {
    let root = &project.root;
    Ok(
        match crate::project::read_optional(root, &root.join("glossary.csv"))? {
            Some(text) => Some(
                Glossary::parse(&text)
                    .map_err(|e| anyhow::anyhow!("glossary.csv:{}: {}", e.line, e.message))?,
            ),
            None => None,
        },
    )
}

/// The project's glossary, read again only when glossary.csv changed (its size, times and
/// inode): a long-running front end asks for it on every request.
#[derive(Default)]
pub struct GlossaryCache {
    kept: std::sync::Mutex<Option<KeptGlossary>>,
}

/// The glossary as read, with the file's signature then.
type KeptGlossary = (
    Option<crate::cache::status::Sig>,
    Option<std::sync::Arc<Glossary>>,
);

impl GlossaryCache {
    pub fn get(&self, project: &Project) -> Result<Option<std::sync::Arc<Glossary>>> {
        let sig = crate::cache::sig(&project.root.join("glossary.csv"));
        let mut kept = self
            .kept
            .lock()
            .map_err(|_| anyhow::anyhow!("the glossary cache is unusable"))?;
        if let Some((s, g)) = kept.as_ref() {
            if *s == sig && sig.is_some() {
                return Ok(g.clone());
            }
        }
        let g = glossary(project)?.map(std::sync::Arc::new);
        *kept = Some((sig, g.clone()));
        Ok(g)
    }
}

/// Reads and plans document `doc` (validated against the project's documents and
/// locales: never a path).
pub fn plan_doc(project: &Project, locale: &str, doc: &str) -> Result<DocPlan> {
    if !project.config.locales.iter().any(|l| l == locale) {
        return Err(Refusal::NotFound(format!("unknown locale `{locale}`")).into());
    }
    let names = crate::project::source_names(&project.root)?;
    if !names.iter().any(|n| n == doc) {
        return Err(Refusal::NotFound(format!("unknown document `{doc}`")).into());
    }
    let d = crate::project::plan_doc(&project.root, &project.config, doc.to_string())?;
    super::refuse_bad_doc(project, &d)?;
    Ok(d)
}

/// The messages of `doc` in `locale` that `filter` keeps, in document order (`ids`: only
/// those, when given), each with everything an editor shows.
pub fn list(
    project: &Project,
    locale: &str,
    doc: &str,
    filter: Filter,
    glossary: Option<&Glossary>,
) -> Result<Vec<MessageView>> {
    let d = plan_doc(project, locale, doc)?;
    let memory = Memory::of(std::slice::from_ref(&d), locale);
    let mut out = Vec::new();
    for k in 0..d.messages.len() {
        let state = state_name(&d, locale, k);
        if filter.keeps(state) {
            out.push(view(project, &d, locale, k, &memory, glossary));
        }
    }
    Ok(out)
}

/// A message as a queue lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub id: String,
    pub state: &'static str,
    pub class: Option<&'static str>,
    pub english: String,
    pub translation: Option<String>,
}

/// The messages of `doc` in `locale` that `filter` keeps, as a queue lists them (no
/// checks or suggestions: those come with each message).
pub fn summaries(
    project: &Project,
    locale: &str,
    doc: &str,
    filter: Filter,
) -> Result<Vec<Summary>> {
    let d = plan_doc(project, locale, doc)?;
    let lp = d.locale(locale);
    let mut out = Vec::new();
    for (k, m) in d.messages.iter().enumerate() {
        let state = state_name(&d, locale, k);
        if !filter.keeps(state) {
            continue;
        }
        out.push(Summary {
            id: m.id.clone(),
            state,
            class: match lp.map(|lp| &lp.states[k]) {
                Some(State::Stale { class, .. }) => Some(class.name()),
                _ => None,
            },
            english: m.text.clone(),
            translation: lp.and_then(|lp| lp.translation(k)).map(|t| t.value.clone()),
        });
    }
    Ok(out)
}

/// One message.
pub fn get(
    project: &Project,
    locale: &str,
    doc: &str,
    id: &str,
    glossary: Option<&Glossary>,
) -> Result<MessageView> {
    let d = plan_doc(project, locale, doc)?;
    let k = index(&d, id)?;
    let memory = Memory::of(std::slice::from_ref(&d), locale);
    Ok(view(project, &d, locale, k, &memory, glossary))
}

fn index(d: &DocPlan, id: &str) -> Result<usize> {
    d.index
        .get(id)
        .copied()
        .ok_or_else(|| Refusal::NotFound(format!("unknown message `{id}` in {}", d.name)).into())
}

/// The state an editor sees: review states above "translated", "rejected" above stale.
fn state_name(d: &DocPlan, locale: &str, k: usize) -> &'static str {
    let Some(lp) = d.locale(locale) else {
        return "missing";
    };
    match (lp.review(k).map(|r| r.verdict), &lp.states[k]) {
        (Some(Verdict::Rejected), _) => "rejected",
        (Some(Verdict::Approved), State::Translated) => "reviewed",
        (_, s) => s.name(),
    }
}

/// The version of a message: its entry's bytes (nothing when it has none) and the English
/// it would be stamped with.
pub fn version(entry: Option<&str>, english: &str) -> String {
    crate::approval::digest(entry.unwrap_or(""), english)
}

fn entry_text<'a>(d: &'a DocPlan, locale: &str, k: usize) -> Option<&'a str> {
    let lp = d.locale(locale)?;
    let file = lp.file.as_ref()?;
    let e = lp.entry[k]?;
    Some(&file.src[file.entries[e].span.clone()])
}

fn view(
    project: &Project,
    d: &DocPlan,
    locale: &str,
    k: usize,
    memory: &Memory,
    glossary: Option<&Glossary>,
) -> MessageView {
    let m = &d.messages[k];
    let lp = d.locale(locale);
    let t = lp.and_then(|lp| lp.translation(k));
    let (class, before) = match lp.map(|lp| &lp.states[k]) {
        Some(State::Stale { before, class }) => (Some(class.name()), Some(before.clone())),
        _ => (None, None),
    };
    let diagnostics = match t {
        Some(t) => value_diagnostics(
            &t.value,
            &checks::check_value(
                locale,
                &m.id,
                t.stamp.as_deref().unwrap_or(&m.text),
                &t.value,
                &t.notes,
                glossary,
            ),
        ),
        None => Vec::new(),
    };
    let mut suggestions = Vec::new();
    if let (Some(t), Some(b)) = (t, &before) {
        suggestions.push(Suggestion {
            id: m.id.clone(),
            percent: crate::suggest::percent(b, &m.text),
            source: b.clone(),
            translation: t.value.clone(),
        });
    }
    for s in memory.suggest(&m.text, &m.id, 3, project.config.suggest_min) {
        if suggestions.len() < 3 && !suggestions.iter().any(|x| x.translation == s.translation) {
            suggestions.push(s);
        }
    }
    let neighbour = |j: usize| {
        d.messages.get(j).map(|n| Neighbour {
            id: n.id.clone(),
            english: n.text.clone(),
            translation: lp.and_then(|lp| lp.translation(j)).map(|t| t.value.clone()),
        })
    };
    let heading = d.messages[..=k]
        .iter()
        .rev()
        .find(|x| x.class == "heading")
        .map(|x| x.text.clone());
    let location = lp.and_then(|lp| {
        let file = lp.file.as_ref()?;
        let e = lp.entry[k]?;
        let (line, _) = ftl::line_col(&file.src, file.entries[e].span.start);
        Some(format!(
            "{}:{line}",
            paths::rel(
                &project.root,
                &paths::locale_file(&project.root, locale, &d.name)
            )
        ))
    });
    MessageView {
        id: m.id.clone(),
        doc: d.name.clone(),
        locale: locale.to_string(),
        state: state_name(d, locale, k),
        class,
        kind: m.class,
        english: m.text.clone(),
        diff: before
            .as_deref()
            .map(|b| crate::change::word_diff(b, &m.text))
            .unwrap_or_default(),
        english_before: before,
        translation: t.map(|t| t.value.clone()),
        review: lp.and_then(|lp| lp.review(k)).map(|r| ReviewView {
            verdict: r.verdict.name(),
            by: r.by,
            date: r.date,
            note: r.note,
        }),
        diagnostics,
        suggestions,
        terms: glossary
            .map(|g| terms(g, locale, &m.text))
            .unwrap_or_default(),
        heading,
        previous: k.checked_sub(1).and_then(neighbour),
        next: neighbour(k + 1),
        location,
        version: version(entry_text(d, locale, k), &m.text),
    }
}

/// The glossary terms whose English occurs in `english`, with the locale's forms.
pub fn terms(g: &Glossary, locale: &str, english: &str) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    for (e, _) in g.find_english(&checks::text::mask(english)) {
        let entry = &g.entries[e];
        if out.iter().any(|t| entry.en.first() == Some(&t.english)) {
            continue;
        }
        let forms = g.forms(e, locale);
        out.push(Term {
            english: entry.en.first().cloned().unwrap_or_default(),
            forms: forms.map(|f| f.term.clone()).unwrap_or_default(),
            allowed: forms.map(|f| f.allowed.clone()).unwrap_or_default(),
            forbidden: forms.map(|f| f.forbidden.clone()).unwrap_or_default(),
            note: entry.note.clone(),
        });
    }
    out
}

/// Findings placed by character offsets in `value`.
pub fn value_diagnostics(value: &str, found: &[Finding]) -> Vec<ValueDiagnostic> {
    let chars = |byte: usize| value[..floor(value, byte)].chars().count();
    found
        .iter()
        .map(|f| ValueDiagnostic {
            code: f.code,
            severity: f.severity.name(),
            message: f.message.clone(),
            start: chars(f.range.start),
            end: chars(f.range.end),
            fix: f.fix.as_ref().map(|x| ValueFix {
                message: x.message.clone(),
                replacement: x.replacement.clone(),
                automatic: x.automatic,
            }),
        })
        .collect()
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The findings on `value` as the translation of message `id` (nothing is written).
pub fn check(
    project: &Project,
    locale: &str,
    doc: &str,
    id: &str,
    value: &str,
    glossary: Option<&Glossary>,
) -> Result<Vec<ValueDiagnostic>> {
    let d = plan_doc(project, locale, doc)?;
    let k = index(&d, id)?;
    let notes = d
        .locale(locale)
        .and_then(|lp| lp.translation(k))
        .map(|t| t.notes.clone())
        .unwrap_or_default();
    let english = &d.messages[k].text;
    let found = checks::check_value(locale, id, english, value, &notes, glossary);
    Ok(value_diagnostics(value, &found))
}

/// What a write did: the message as it is now.
pub type Saved = MessageView;

/// Saves `value` as the translation of `id`, stamped with the English the translator was
/// shown (the version proves it is the current English), under the project lock. A review
/// of the old translation lapses and its line goes. Checks do not stop a save: their
/// findings come back with the message.
pub fn save(
    project: &Project,
    locale: &str,
    doc: &str,
    id: &str,
    value: &str,
    version_seen: &str,
    glossary: Option<&Glossary>,
) -> Result<Saved> {
    if value.trim().is_empty() {
        return Err(Refusal::Invalid(
            "an empty translation: write the translation, or leave the message missing".into(),
        )
        .into());
    }
    write_message(
        project,
        locale,
        doc,
        id,
        version_seen,
        glossary,
        |d, k, entry| {
            let m = &d.messages[k];
            Ok(match entry {
                Some((_, msg)) => plan::rewrite(msg, &m.text, value),
                None => ftl::write_message(id, value, &ftl::stamp_lines(&m.text)),
            })
        },
    )
}

/// Restamps a stale message against the current English, its translation unchanged (what
/// `dossier accept` does).
pub fn accept(
    project: &Project,
    locale: &str,
    doc: &str,
    id: &str,
    version_seen: &str,
    glossary: Option<&Glossary>,
) -> Result<Saved> {
    write_message(
        project,
        locale,
        doc,
        id,
        version_seen,
        glossary,
        |d, k, entry| {
            let m = &d.messages[k];
            match entry {
                Some((text, msg)) if msg.stamp.as_deref() != Some(m.text.as_str()) => {
                    Ok(plan::restamp(text, msg, &m.text))
                }
                Some(_) => Err(Refusal::Invalid(format!(
                    "{id} is not stale: nothing to accept"
                ))),
                None => Err(Refusal::Invalid(format!(
                    "{id} has no translation to accept"
                ))),
            }
        },
    )
}

/// Approves or rejects the translation of `id` (see `ops::review`).
#[allow(clippy::too_many_arguments)]
pub fn review(
    project: &Project,
    locale: &str,
    doc: &str,
    id: &str,
    version_seen: &str,
    verdict: Verdict,
    note: Option<&str>,
    by: &str,
    date: &str,
    glossary: Option<&Glossary>,
) -> Result<Saved> {
    if verdict == Verdict::Rejected && note.is_none_or(|n| n.trim().is_empty()) {
        return Err(Refusal::Invalid("a rejection needs a note saying why".into()).into());
    }
    if by.trim().is_empty() {
        return Err(Refusal::Invalid(
            "say who reviews (set git's user.name, or serve --reviewer NAME)".into(),
        )
        .into());
    }
    write_message(
        project,
        locale,
        doc,
        id,
        version_seen,
        glossary,
        |d, k, entry| {
            let m = &d.messages[k];
            let Some((text, msg)) = entry else {
                return Err(Refusal::Invalid(format!(
                    "{id} has no translation to review"
                )));
            };
            let stale = msg.stamp.as_deref() != Some(m.text.as_str());
            if stale && verdict == Verdict::Approved {
                return Err(Refusal::Invalid(format!(
                    "{id} is stale: update it to the current English and accept it first"
                )));
            }
            let english = msg.stamp.clone().unwrap_or_else(|| m.text.clone());
            let r = Review::new(verdict, by, date, &english, &msg.value, note);
            let mut stamped = msg.clone();
            stamped.stamp = Some(english);
            Ok(plan::set_review(text, &stamped, Some(&r)))
        },
    )
}

/// The shared write path: lock, read and plan the document, refuse a stale version,
/// replace (or insert) the message's entry with what `edit` makes of it, write the file
/// atomically, and answer the message as it is now.
fn write_message(
    project: &Project,
    locale: &str,
    doc: &str,
    id: &str,
    version_seen: &str,
    glossary: Option<&Glossary>,
    edit: impl FnOnce(&DocPlan, usize, Option<(&str, &ftl::Message)>) -> Result<String, Refusal>,
) -> Result<Saved> {
    let _lock = super::lock(project)?;
    let d = plan_doc(project, locale, doc)?;
    let k = index(&d, id)?;
    if version(entry_text(&d, locale, k), &d.messages[k].text) != version_seen {
        let now = view(project, &d, locale, k, &memory_of(&d, locale), glossary);
        return Err(Refusal::Conflict(Box::new(now)).into());
    }
    let lp = d.locale(locale);
    let file = lp.and_then(|lp| lp.file.as_ref());
    let entry = lp.and_then(|lp| {
        let e = lp.entry[k]?;
        let f = lp.file.as_ref()?;
        match &f.entries[e].kind {
            EntryKind::Message(m) => Some((e, &f.src[f.entries[e].span.clone()], m)),
            _ => None,
        }
    });
    let text = edit(&d, k, entry.map(|(_, t, m)| (t, m)))?;
    let path = paths::locale_file(&project.root, locale, doc);
    let new = match (file, entry) {
        (Some(f), Some((e, _, _))) => f.edit(&[(e, text)]),
        (Some(f), None) => {
            let order: Vec<String> = d.messages.iter().map(|m| m.id.clone()).collect();
            plan::insert_messages(&f.src, &order, &[(id.to_string(), text)])
        }
        (None, _) => format!("{text}\n"),
    };
    super::write_files(&mut super::writer(project), &[(path, new)])?;
    // The message as the file now has it.
    let d = plan_doc(project, locale, doc)?;
    let k = index(&d, id)?;
    Ok(view(
        project,
        &d,
        locale,
        k,
        &memory_of(&d, locale),
        glossary,
    ))
}

fn memory_of(d: &DocPlan, locale: &str) -> Memory {
    Memory::of(std::slice::from_ref(d), locale)
}
