//! Quality checks of translations: the driver, the `Diagnostic` type, per-message
//! suppression, fix application and the text/JSON reports.
//!
//! Each check lives in its own file with a doc comment (What it does / Why it matters /
//! Example) from which `cargo xtask codegen` writes docs/checks.md. Checks are pure: they
//! take a message's English and translation and return findings as byte ranges in the
//! translation; the driver maps them to line:column in the .ftl file.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::ftl::{self, EntryKind, FtlFile, Message};
use crate::glossary::Glossary;
use crate::plan::DocPlan;

pub mod duplicate_id;
pub mod glossary;
pub mod invisible;
pub mod length;
pub mod markup;
pub mod mixed_script;
pub mod number;
pub mod review;
pub mod syntax;
pub mod text;
pub mod typography;
pub mod units;
pub mod unknown_id;
pub mod untranslated;
pub mod wrong_language;

#[cfg(test)]
mod tests;

/// Every check code, in the order of docs/checks.md. Each is the file
/// `src/checks/<code with _ for ->.rs`.
pub const CODES: &[&str] = &[
    "syntax",
    "duplicate-id",
    "unknown-id",
    "markup",
    "number",
    "glossary",
    "typography",
    "mixed-script",
    "invisible",
    "wrong-language",
    "untranslated",
    "length",
    "review",
];

/// The prefix of a suppression comment: `# dossier-ignore: CODE reason`.
pub const IGNORE: &str = "dossier-ignore:";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Not a problem: what to do next (a stale message that looks updated).
    Hint,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

/// A replacement for the finding's text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    /// What to do, for people.
    pub message: String,
    /// The text that replaces the finding's range.
    pub replacement: String,
    /// True when the fix cannot change meaning, so `check --fix` applies it.
    pub automatic: bool,
}

/// A finding inside one message's value: `range` is a byte range of the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub range: Range<usize>,
    pub message: String,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn error(code: &'static str, range: Range<usize>, message: impl Into<String>) -> Finding {
        Finding {
            code,
            severity: Severity::Error,
            range,
            message: message.into(),
            fix: None,
        }
    }

    pub fn warning(code: &'static str, range: Range<usize>, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(code, range, message)
        }
    }

    /// Adds a fix that `--fix` applies (it cannot change meaning).
    pub fn auto_fix(self, replacement: impl Into<String>, message: impl Into<String>) -> Finding {
        self.with_fix(replacement.into(), message.into(), true)
    }

    /// Adds a fix for a person to review (`--fix` leaves it).
    pub fn suggest(self, replacement: impl Into<String>, message: impl Into<String>) -> Finding {
        self.with_fix(replacement.into(), message.into(), false)
    }

    fn with_fix(mut self, replacement: String, message: String, automatic: bool) -> Finding {
        self.fix = Some(Fix {
            message,
            replacement,
            automatic,
        });
        self
    }
}

/// What the checks read of an English text, computed once and shared by the messages
/// that have it: the same English is every locale's stamp (`EnglishMemo`).
pub struct English {
    /// The text with URLs, link destinations, footnote references, code and HTML replaced
    /// by spaces (same byte offsets).
    pub masked: String,
    /// Its protected spans (`text::protected`), in order.
    pub protected: Vec<(Range<usize>, text::Protected)>,
    words: std::sync::OnceLock<crate::glossary::Words>,
    terms: std::sync::OnceLock<Vec<(usize, Range<usize>)>>,
    nfc: std::sync::OnceLock<(bool, bool)>,
    length: std::sync::OnceLock<usize>,
    spans: std::sync::OnceLock<markup::Spans>,
    numbers: std::sync::OnceLock<EnglishNumbers>,
}

/// The numbers of an English text (`number`): value → (as written, grouped?).
type EnglishNumbers = std::collections::BTreeMap<String, (String, bool)>;

impl English {
    pub fn new(english: &str) -> English {
        let protected = text::protected(english);
        English {
            masked: text::mask_spans(english, protected.iter().map(|p| p.0.clone())),
            protected,
            words: std::sync::OnceLock::new(),
            terms: std::sync::OnceLock::new(),
            nfc: std::sync::OnceLock::new(),
            length: std::sync::OnceLock::new(),
            spans: std::sync::OnceLock::new(),
            numbers: std::sync::OnceLock::new(),
        }
    }
}

/// Whether a text is in NFC: (by `text::is_nfc_fast`, by the full test). The first says
/// a masked copy of the text (characters replaced by spaces) is in NFC too.
fn nfc_of(text: &str) -> (bool, bool) {
    let fast = crate::text::is_nfc_fast(text);
    (
        fast,
        fast || matches!(crate::text::nfc(text), std::borrow::Cow::Borrowed(_)),
    )
}

/// The English texts of one run over a document's files, analysed once each: a
/// document's translations share their English (their stamps), so its words, its
/// glossary terms and its masked text are computed once for all locales (which are
/// checked in parallel).
#[derive(Default)]
pub struct EnglishMemo {
    by_text: std::sync::Mutex<rustc_hash::FxHashMap<u128, std::sync::Arc<English>>>,
}

impl EnglishMemo {
    fn get(&self, english: &str) -> std::sync::Arc<English> {
        let key = xxhash_rust::xxh3::xxh3_128(english.as_bytes());
        let mut map = self
            .by_text
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.entry(key)
            .or_insert_with(|| std::sync::Arc::new(English::new(english)))
            .clone()
    }
}

/// One message to check: its English (what it was translated from) and its text, and
/// what the checks read of them, each computed once per message on first use (the
/// checks used to cut the same text into words and scan it for URLs each on its own).
pub struct Msg<'a> {
    pub locale: &'a str,
    pub id: &'a str,
    pub english: &'a str,
    pub text: &'a str,
    /// `text` with URLs, link destinations, footnote references, code and HTML replaced
    /// by spaces (same byte offsets).
    pub masked: String,
    pub glossary: Option<&'a Glossary>,
    /// The protected spans of `text` (`text::protected`), in order.
    pub protected: Vec<(Range<usize>, text::Protected)>,
    en: std::sync::Arc<English>,
    runs: std::cell::OnceCell<Vec<crate::text::Run>>,
    nfc: std::cell::OnceCell<(bool, bool)>,
    words: std::cell::OnceCell<crate::glossary::Words>,
    terms: std::cell::OnceCell<Vec<crate::glossary::Hit>>,
    english_entry_terms: std::cell::OnceCell<Vec<crate::glossary::Hit>>,
}

impl<'a> Msg<'a> {
    pub fn new(
        locale: &'a str,
        id: &'a str,
        english: &'a str,
        text: &'a str,
        glossary: Option<&'a Glossary>,
    ) -> Msg<'a> {
        Msg::with_english(
            locale,
            id,
            english,
            text,
            glossary,
            std::sync::Arc::new(English::new(english)),
        )
    }

    /// `new`, with the English already analysed (`EnglishMemo`).
    pub fn with_english(
        locale: &'a str,
        id: &'a str,
        english: &'a str,
        text: &'a str,
        glossary: Option<&'a Glossary>,
        en: std::sync::Arc<English>,
    ) -> Msg<'a> {
        let protected = text::protected(text);
        Msg {
            locale,
            id,
            english,
            text,
            masked: text::mask_spans(text, protected.iter().map(|p| p.0.clone())),
            glossary,
            protected,
            en,
            runs: std::cell::OnceCell::new(),
            nfc: std::cell::OnceCell::new(),
            words: std::cell::OnceCell::new(),
            terms: std::cell::OnceCell::new(),
            english_entry_terms: std::cell::OnceCell::new(),
        }
    }

    /// The language part of the locale tag (`fr` for `fr-CA`).
    pub fn lang(&self) -> &str {
        self.locale.split('-').next().unwrap_or(self.locale)
    }

    /// `measure` of the masked English, computed once for the locales that share it.
    pub fn english_length(&self, measure: fn(&str) -> usize) -> usize {
        *self.en.length.get_or_init(|| measure(&self.en.masked))
    }

    /// The English with URLs, code and footnote references masked.
    pub fn english_masked(&self) -> &str {
        &self.en.masked
    }

    /// The emphasis, strong spans and blocks of the English (`markup`).
    fn english_spans(&self) -> &markup::Spans {
        self.en.spans.get_or_init(|| markup::spans(self.english))
    }

    /// The numbers of the English (`number`).
    fn english_numbers(&self) -> &EnglishNumbers {
        self.en
            .numbers
            .get_or_init(|| number::english_numbers(&self.en.masked))
    }

    /// The protected spans of the English.
    pub fn english_protected(&self) -> &[(Range<usize>, text::Protected)] {
        &self.en.protected
    }

    /// Whether the translation and the English are in NFC.
    pub fn is_nfc(&self) -> (bool, bool) {
        (
            self.nfc.get_or_init(|| nfc_of(self.text)).1,
            self.en.nfc.get_or_init(|| nfc_of(self.english)).1,
        )
    }

    /// The letter runs of the masked translation and their scripts
    /// (`text::runs_with_scripts`).
    pub fn runs(&self) -> &[crate::text::Run] {
        self.runs
            .get_or_init(|| crate::text::runs_with_scripts(&self.masked))
    }

    /// The words of the masked translation (`glossary::words`).
    pub fn words(&self) -> &crate::glossary::Words {
        self.words.get_or_init(|| {
            // A text whose characters are all NFC-stable masks to one that is too.
            if self.nfc.get_or_init(|| nfc_of(self.text)).0 {
                crate::glossary::words_in(&self.masked, true)
            } else {
                crate::glossary::words(&self.masked)
            }
        })
    }

    /// The words of the masked English.
    pub fn english_words(&self) -> &crate::glossary::Words {
        self.en.words.get_or_init(|| {
            if self.en.nfc.get_or_init(|| nfc_of(self.english)).0 {
                crate::glossary::words_in(&self.en.masked, true)
            } else {
                crate::glossary::words(&self.en.masked)
            }
        })
    }

    /// The glossary's terms in the English: (entry, byte range), as `find_english` finds
    /// them (none without a glossary).
    pub fn english_terms(&self) -> &[(usize, Range<usize>)] {
        self.en.terms.get_or_init(|| {
            self.glossary
                .map(|g| g.find_english_in(self.english_words()))
                .unwrap_or_default()
        })
    }

    /// The glossary's forms of the message's language in the translation, for the entries
    /// the English has (`find_entries_in`; none without a glossary): what the glossary
    /// check compares.
    pub fn terms_of_english(&self) -> &[crate::glossary::Hit] {
        self.english_entry_terms.get_or_init(|| {
            let Some(g) = self.glossary else {
                return Vec::new();
            };
            let mut entries: Vec<usize> = self.english_terms().iter().map(|(e, _)| *e).collect();
            entries.sort_unstable();
            entries.dedup();
            g.find_entries_in(self.lang(), self.words(), &entries)
        })
    }

    /// The glossary's forms of the message's language in the translation
    /// (`find_translation`; none without a glossary).
    pub fn terms(&self) -> &[crate::glossary::Hit] {
        self.terms.get_or_init(|| {
            self.glossary
                .map(|g| g.find_translation_in(self.lang(), self.words()))
                .unwrap_or_default()
        })
    }
}

/// Runs every per-message check. When a message is untranslated or in the wrong language,
/// the checks that compare wording (glossary, typography, length) are skipped: their
/// findings would only repeat that one fault.
pub fn check_message(m: &Msg) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(invisible::check(m));
    out.extend(mixed_script::check(m));
    out.extend(markup::check(m));
    let untranslated = untranslated::check(m);
    if !untranslated.is_empty() {
        out.extend(untranslated);
        return out;
    }
    out.extend(number::check(m));
    out.extend(untranslated::kept_quotations(m));
    let wrong = wrong_language::check(m);
    if !wrong.is_empty() {
        out.extend(wrong);
        return out;
    }
    out.extend(glossary::check(m));
    out.extend(typography::check(m));
    out.extend(length::check(m));
    out
}

/// A message's key for remembering its findings: its locale, id, English and text.
pub type Key = u128;

/// The key of one message: its four parts, each after its length, hashed in one call
/// (the streaming hasher costs more than copying a message's few hundred bytes).
pub fn key(locale: &str, id: &str, english: &str, text: &str) -> Key {
    let parts = [locale, id, english, text];
    let mut bytes = Vec::with_capacity(parts.iter().map(|p| p.len() + 8).sum());
    for part in parts {
        bytes.extend_from_slice(&(part.len() as u64).to_le_bytes());
        bytes.extend_from_slice(part.as_bytes());
    }
    xxhash_rust::xxh3::xxh3_128(&bytes)
}

/// Findings of messages checked before, by key (`cache::findings` keeps them between
/// runs): a message's findings depend on nothing but the message, its English, the
/// glossary and the program.
pub trait Memo: Sync {
    /// The findings recorded for the message with this key.
    fn get(&self, key: Key) -> Option<&[Finding]>;
    /// Whether this run's findings are wanted (for the next run).
    fn is_on(&self) -> bool;
}

/// No memory: every message is checked, nothing is kept.
pub struct NoMemo;

impl Memo for NoMemo {
    fn get(&self, _: Key) -> Option<&[Finding]> {
        None
    }
    fn is_on(&self) -> bool {
        false
    }
}

/// The findings on one message's value as a translator is writing it (not yet in a
/// file): every per-message check, less the codes its `# dossier-ignore:` notes suppress.
/// Ranges are byte offsets in `value`. What the workspace and the language server show as
/// the translator types.
pub fn check_value(
    locale: &str,
    id: &str,
    english: &str,
    value: &str,
    notes: &[String],
    glossary: Option<&Glossary>,
) -> Vec<Finding> {
    let m = Message {
        id: id.to_string(),
        value: String::new(),
        stamp: None,
        notes: notes.to_vec(),
        complex: false,
        value_start: 0,
    };
    let (ignored, _) = suppressions(&m);
    let mut found = check_message(&Msg::new(locale, id, english, value, glossary));
    found.retain(|f| !ignored.contains(f.code));
    found
}

/// A finding placed in a file.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub locale: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub id: Option<String>,
    pub message: String,
    pub fix: Option<Fix>,
    /// Byte range in the file.
    #[serde(skip)]
    pub span: Range<usize>,
    /// The source line and the caret's character columns (0-based start, length).
    #[serde(skip)]
    pub source_line: String,
    #[serde(skip)]
    pub caret: (usize, usize),
}

/// What the reference knows: every message's English, and the retired ids.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub english: HashMap<String, String>,
    pub retired: BTreeSet<String>,
}

impl Reference {
    /// What a reference file holds: its messages' English and its retired ids.
    pub fn of(file: &FtlFile) -> Reference {
        Reference {
            retired: crate::plan::retired_ids(&file.src),
            english: file
                .messages()
                .map(|(_, m)| (m.id.clone(), m.value.clone()))
                .collect(),
        }
    }
}

/// One translation file to check.
#[derive(Debug, Clone)]
pub struct Target {
    pub locale: String,
    /// Path relative to the project root, as shown in reports.
    pub path: String,
    pub file: FtlFile,
    pub reference: Reference,
    /// What the project asks of reviews.
    pub review: review::Policy,
}

/// The translation files of one document in the selected locales, with its reference
/// (taken from the plan, not copied).
pub fn doc_targets(d: DocPlan, locales: &[String]) -> Vec<Target> {
    let reference = Reference {
        retired: d.retired,
        english: d.messages.into_iter().map(|m| (m.id, m.text)).collect(),
    };
    let name = d.name;
    let mut files: HashMap<String, FtlFile> = d
        .locales
        .into_iter()
        .filter_map(|lp| Some((lp.locale, lp.file?)))
        .collect();
    let mut out = Vec::new();
    for l in locales {
        let Some(file) = files.remove(l) else {
            continue;
        };
        out.push(Target {
            locale: l.clone(),
            path: format!("locales/{l}/{name}.ftl"),
            file,
            reference: reference.clone(),
            review: review::Policy::default(),
        });
    }
    out
}

/// Checks one file: structure (syntax, duplicate and unknown ids), then every message the
/// reference has, against the English it was translated from (its stamp, or else the
/// reference's text). Suppressions apply; the result is sorted by position.
pub fn check_file(t: &Target, glossary: Option<&Glossary>) -> Vec<Diagnostic> {
    check_file_cached(t, &|| glossary, &NoMemo).0
}

/// `check_file` taking each message's findings from `cache` when it has them; also returns
/// the findings of every message checked, for the next run's cache (empty when it is off).
/// `glossary` is asked for only when a message is not in the cache (reading the glossary
/// is most of a warm run on a small project).
pub fn check_file_cached<'g>(
    t: &Target,
    glossary: &(dyn Fn() -> Option<&'g Glossary> + Sync),
    cache: &dyn Memo,
) -> (Vec<Diagnostic>, Vec<(Key, Vec<Finding>)>) {
    check_file_shared(t, glossary, cache, &EnglishMemo::default())
}

/// `check_file_cached`, taking the analysis of each English text from `english` (shared
/// by the files of one document, whose translations have the same English).
pub fn check_file_shared<'g>(
    t: &Target,
    glossary: &(dyn Fn() -> Option<&'g Glossary> + Sync),
    cache: &dyn Memo,
    english_memo: &EnglishMemo,
) -> (Vec<Diagnostic>, Vec<(Key, Vec<Finding>)>) {
    let src = t.file.src.as_str();
    let mut out = Vec::new();
    let mut used = Vec::new();
    let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    let place =
        |code: &'static str,
         severity: Severity,
         span: Range<usize>,
         id: Option<&str>,
         message: String,
         fix: Option<Fix>| { diagnostic(t, code, severity, span, id, message, fix) };
    for (span, message, id) in syntax::check_junk(&t.file) {
        out.push(place(
            "syntax",
            Severity::Error,
            span,
            id.as_deref(),
            message,
            None,
        ));
    }
    for (e, entry) in t.file.entries.iter().enumerate() {
        let EntryKind::Message(m) = &entry.kind else {
            continue;
        };
        let (ignored, notes_findings) = suppressions(m);
        let mut found: Vec<Diagnostic> = Vec::new();
        for r in syntax::misplaced_comments(&src[entry.span.clone()]) {
            let span = entry.span.start + r.start..entry.span.start + r.end;
            found.push(place(
                "syntax",
                Severity::Warning,
                span,
                Some(&m.id),
                syntax::MISPLACED_COMMENT.to_string(),
                None,
            ));
        }
        for (span, message) in notes_findings {
            let span = comment_span(src, entry.span.clone(), &span);
            found.push(place(
                "syntax",
                Severity::Warning,
                span,
                Some(&m.id),
                message,
                None,
            ));
        }
        if !seen.insert(m.id.as_str()) {
            found.push(place(
                "duplicate-id",
                Severity::Error,
                id_span(src, entry.span.clone(), m),
                Some(&m.id),
                duplicate_id::message(&m.id, first_line(t, &m.id, e)),
                None,
            ));
        } else if let Some(msg) = unknown_id::check(&m.id, &t.reference) {
            found.push(place(
                "unknown-id",
                Severity::Error,
                id_span(src, entry.span.clone(), m),
                Some(&m.id),
                msg,
                None,
            ));
        } else if let Some(reference) = t.reference.english.get(&m.id) {
            if let Some(msg) = syntax::check_complex(m) {
                found.push(place(
                    "syntax",
                    Severity::Error,
                    m.value_start..m.value_start + 1,
                    Some(&m.id),
                    msg,
                    None,
                ));
            }
            let english = m
                .stamp
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or(reference);
            let key = key(&t.locale, &m.id, english, &m.value);
            let findings = match cache.get(key) {
                Some(f) => f.to_vec(),
                None => {
                    let en = english_memo.get(english);
                    check_message(&Msg::with_english(
                        &t.locale,
                        &m.id,
                        english,
                        &m.value,
                        glossary(),
                        en,
                    ))
                }
            };
            if cache.is_on() {
                used.push((key, findings.clone()));
            }
            // Not in the memo: they depend on the current English too.
            let findings = if english == reference.as_str() {
                findings
            } else {
                number::stale(&t.locale, &m.id, &m.value, reference, findings)
            };
            // Placing findings in the file needs a position map: only when some are not
            // suppressed by a `# dossier-ignore:` note.
            if findings.iter().any(|f| !ignored.contains(f.code)) {
                let map = PosMap::new(src, m.value_start, entry.span.end, &m.value);
                for f in findings {
                    let span = map.span(f.range.clone());
                    let fix = f.fix.filter(|fix| {
                        // An automatic fix must replace exactly the text it was computed on.
                        !fix.automatic || src.get(span.clone()) == m.value.get(f.range.clone())
                    });
                    found.push(place(f.code, f.severity, span, Some(&m.id), f.message, fix));
                }
            }
        }
        // Review states are not the message's text: never in the memo, always read.
        if let Some(reference) = t.reference.english.get(&m.id) {
            if let Some((severity, message)) = review::check(m, reference, t.review) {
                found.push(place(
                    "review",
                    severity,
                    id_span(src, entry.span.clone(), m),
                    Some(&m.id),
                    message,
                    None,
                ));
            }
        }
        found.retain(|d| !ignored.contains(d.code));
        out.extend(found);
    }
    out.sort_by(|a, b| (a.span.start, a.code, &a.message).cmp(&(b.span.start, b.code, &b.message)));
    out.dedup_by(|a, b| a.span == b.span && a.code == b.code && a.message == b.message);
    (out, used)
}

fn first_line(t: &Target, id: &str, before: usize) -> usize {
    t.file
        .entries
        .iter()
        .take(before)
        .find(|e| matches!(&e.kind, EntryKind::Message(m) if m.id == id))
        .map_or(0, |e| {
            let m = match &e.kind {
                EntryKind::Message(m) => Some(m),
                _ => None,
            };
            let span = m.map_or(e.span.clone(), |m| id_span(&t.file.src, e.span.clone(), m));
            ftl::line_col(&t.file.src, span.start).0
        })
}

fn diagnostic(
    t: &Target,
    code: &'static str,
    severity: Severity,
    span: Range<usize>,
    id: Option<&str>,
    message: String,
    fix: Option<Fix>,
) -> Diagnostic {
    let src = t.file.src.as_str();
    let mut start = span.start.min(src.len());
    while !src.is_char_boundary(start) {
        start -= 1;
    }
    let span = start..span.end.max(start);
    let (line, column) = ftl::line_col(src, start);
    let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    let source_line = src[line_start..line_end].to_string();
    let caret_len = src
        .get(start..span.end.min(line_end).max(start))
        .map_or(1, |s| s.chars().count().max(1));
    Diagnostic {
        code,
        severity,
        locale: t.locale.clone(),
        file: t.path.clone(),
        line,
        column,
        id: id.map(String::from),
        message,
        fix,
        span,
        source_line,
        caret: (column - 1, caret_len),
    }
}

/// The span of a message's id on its line.
fn id_span(src: &str, entry: Range<usize>, m: &Message) -> Range<usize> {
    let text = &src[entry.clone()];
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with(&m.id) && line[m.id.len()..].trim_start().starts_with('=') {
            return entry.start + pos..entry.start + pos + m.id.len();
        }
        pos += line.len();
    }
    entry.start..entry.start + 1
}

/// The span of a comment line (by its text) inside an entry.
fn comment_span(src: &str, entry: Range<usize>, line_text: &str) -> Range<usize> {
    let text = &src[entry.clone()];
    text.find(line_text)
        .map_or(entry.start..entry.start + 1, |i| {
            entry.start + i..entry.start + i + line_text.len()
        })
}

/// The codes a message's `# dossier-ignore: CODE[,CODE…] reason` comments suppress, and
/// warnings about malformed ones (comment text, message).
fn suppressions(m: &Message) -> (BTreeSet<&'static str>, Vec<(String, String)>) {
    let mut codes = BTreeSet::new();
    let mut problems = Vec::new();
    for note in &m.notes {
        let Some(rest) = note.trim().strip_prefix(IGNORE) else {
            continue;
        };
        let rest = rest.trim();
        let (list, reason) = rest
            .split_once(char::is_whitespace)
            .map_or((rest, ""), |(a, b)| (a, b.trim()));
        for code in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            match CODES.iter().find(|c| **c == code) {
                Some(c) => {
                    codes.insert(*c);
                }
                None => problems.push((
                    note.clone(),
                    format!(
                        "`{code}` is not a check code; use one of: {}",
                        CODES.join(", ")
                    ),
                )),
            }
        }
        if list.is_empty() {
            problems.push((
                note.clone(),
                "name the check to ignore: `# dossier-ignore: CODE reason`".into(),
            ));
        } else if reason.is_empty() {
            problems.push((
                note.clone(),
                "say why the check does not apply: `# dossier-ignore: CODE reason`".into(),
            ));
        }
    }
    (codes, problems)
}

/// Maps byte offsets in a message's flattened value to byte offsets in the file: each
/// character of the value is found in order in the source, skipping the indentation of
/// continuation lines and the syntax of string-literal placeables.
pub struct PosMap {
    /// (value offset, file offset) for each character of the value.
    points: Vec<(usize, usize)>,
    value_len: usize,
    end: usize,
    entry_end: usize,
}

impl PosMap {
    pub fn new(src: &str, value_start: usize, entry_end: usize, value: &str) -> PosMap {
        let entry_end = entry_end.min(src.len()).max(value_start.min(src.len()));
        let mut points = Vec::with_capacity(value.len());
        let mut j = value_start.min(entry_end);
        for (i, c) in value.char_indices() {
            let hay = &src[j..entry_end];
            match hay.find(c) {
                Some(k) => {
                    points.push((i, j + k));
                    j += k + c.len_utf8();
                }
                None => points.push((i, j)),
            }
        }
        PosMap {
            points,
            value_len: value.len(),
            end: j,
            entry_end,
        }
    }

    pub fn offset(&self, v: usize) -> usize {
        if v >= self.value_len {
            return self.end;
        }
        match self.points.binary_search_by_key(&v, |p| p.0) {
            Ok(k) => self.points[k].1,
            Err(k) => self.points.get(k).map_or(self.end, |p| p.1),
        }
    }

    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        let start = self.offset(r.start);
        if r.end <= r.start {
            return start..start;
        }
        // The end: just after the last character of the range.
        let last = self
            .points
            .iter()
            .rev()
            .find(|p| p.0 < r.end)
            .map_or(start, |p| p.1);
        let len = self
            .points
            .iter()
            .rev()
            .find(|p| p.0 < r.end)
            .map_or(0, |p| r.end.min(self.value_len) - p.0);
        start..(last + len).max(start).min(self.entry_end.max(start))
    }
}

/// Applies the automatic fixes of `diags` to `src`: non-overlapping, each verified to
/// replace what it was computed on. Returns the new text and the diagnostics fixed.
pub fn apply_fixes<'a>(src: &str, diags: &'a [Diagnostic]) -> (String, Vec<&'a Diagnostic>) {
    let mut fixes: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.fix.as_ref().is_some_and(|f| f.automatic))
        .filter(|d| {
            d.span.end <= src.len()
                && src.is_char_boundary(d.span.start)
                && src.is_char_boundary(d.span.end)
        })
        .collect();
    fixes.sort_by_key(|d| (d.span.start, d.span.end));
    let mut out = String::with_capacity(src.len());
    let mut pos = 0;
    let mut applied = Vec::new();
    for d in fixes {
        if d.span.start < pos {
            continue;
        }
        let Some(fix) = &d.fix else { continue };
        out.push_str(&src[pos..d.span.start]);
        out.push_str(&fix.replacement);
        pos = d.span.end;
        applied.push(d);
    }
    out.push_str(&src[pos..]);
    (out, applied)
}

/// Errors and warnings among `diags`.
pub fn counts(diags: &[Diagnostic]) -> (usize, usize) {
    let count = |s| diags.iter().filter(|d| d.severity == s).count();
    (count(Severity::Error), count(Severity::Warning))
}

/// The rustc-style report: `file:line:col: severity[code]: message`, the source line
/// (a window around the column for long lines), a caret, the fix.
pub fn render_text(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            d.file,
            d.line,
            d.column,
            d.severity.name(),
            d.code,
            d.message
        );
        let (window, caret_at) = window(&d.source_line, d.caret.0, 60);
        let num = d.line.to_string();
        let pad = " ".repeat(num.len());
        let _ = writeln!(out, " {num} | {window}");
        let _ = writeln!(
            out,
            " {pad} | {}{}",
            " ".repeat(caret_at),
            "^".repeat(d.caret.1.min(60))
        );
        if let Some(f) = &d.fix {
            let how = if f.automatic { "fix" } else { "suggestion" };
            let _ = writeln!(out, " {pad} = {how}: {}", f.message);
        }
        if let Some(id) = &d.id {
            let _ = writeln!(out, " {pad} = in message `{id}`");
        }
        out.push('\n');
    }
    let (e, w) = counts(diags);
    let hints = diags.len() - e - w;
    if e + w > 0 {
        let _ = write!(out, "{e} error(s), {w} warning(s)");
    } else {
        let _ = write!(out, "no problems found");
    }
    if hints > 0 {
        let _ = write!(out, "; {hints} hint(s)");
    }
    out.push('\n');
    out
}

/// At most `radius` characters each side of `col`, and the caret's column in what is
/// shown: characters a terminal would obey shown as `\u{…}` (`text::shown`, as every
/// text output shows them), other invisible ones as `¤`.
fn window(line: &str, col: usize, radius: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let start = col.saturating_sub(radius);
    let end = (col + radius).min(chars.len());
    let mut s = String::new();
    let mut caret = 0;
    if start > 0 {
        s.push('…');
    }
    for (k, &c) in chars.iter().enumerate().take(end).skip(start) {
        if k == col {
            caret = s.chars().count();
        }
        if crate::text::is_unsafe_for_terminal(c) {
            crate::text::shown(c, &mut s);
        } else if invisible::is_invisible(c) {
            s.push('¤');
        } else {
            s.push(c);
        }
    }
    if col >= end.max(start) {
        caret = s.chars().count() + col.saturating_sub(end.max(start));
    }
    if end < chars.len() {
        s.push('…');
    }
    (s, caret)
}

/// The JSON report: `{"diagnostics": [...]}`, plus the fixes applied with `--fix`.
pub fn render_json(diags: &[Diagnostic], fixed: &[Diagnostic]) -> String {
    let mut v = serde_json::json!({ "diagnostics": diags });
    if !fixed.is_empty() {
        v["fixed"] = serde_json::json!(fixed);
    }
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// Sorts diagnostics of several files into one stable order.
pub fn sort(diags: &mut [Diagnostic]) {
    let order: BTreeMap<&str, usize> = CODES.iter().enumerate().map(|(i, c)| (*c, i)).collect();
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, order.get(a.code), &a.message).cmp(&(
            &b.file,
            b.line,
            b.column,
            order.get(b.code),
            &b.message,
        ))
    });
}
