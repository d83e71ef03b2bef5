//! Exchange with CAT tools and translation platforms: a locale's messages exported as
//! XLIFF 2.0, PO or TMX, and translations imported back from XLIFF or PO without losing
//! the stale tracking.
//!
//! Pure like the rest of the core: export takes the plan and returns text; import takes the
//! bytes of a file and the plan and returns the new locale files and a report. A
//! translation made against English that has since changed is never applied as up to date:
//! its stamp records the English it was translated from, so it shows as stale.

pub mod po;
pub mod tmx;
pub mod wellformed;
pub mod xliff;

use std::collections::{BTreeMap, HashMap};

use crate::change::word_diff;
use crate::config::REFERENCE;
use crate::ftl::{self, EntryKind};
use crate::plan::{restamp, DocPlan, LocalePlan, Plan, State};

/// The `category` of the XLIFF note and the meaning of PO's `#| msgid`: the English a
/// stale translation was made from.
pub const NOTE_EN_AS_TRANSLATED: &str = "en-as-translated";
/// The XLIFF `subState` of a stale segment.
pub const SUBSTATE_STALE: &str = "dossier:stale";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xliff,
    Po,
    Tmx,
}

impl Format {
    pub fn parse(s: &str) -> Result<Format, String> {
        match s {
            "xliff" => Ok(Format::Xliff),
            "po" => Ok(Format::Po),
            "tmx" => Ok(Format::Tmx),
            other => Err(format!("unknown format `{other}`: use xliff, po or tmx")),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Xliff => "XLIFF 2.0",
            Format::Po => "PO",
            Format::Tmx => "TMX",
        }
    }
}

/// Which messages an export holds: every one (the default), or only some states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Only {
    pub missing: bool,
    pub stale: bool,
    pub translated: bool,
}

impl Only {
    pub const ALL: Only = Only {
        missing: true,
        stale: true,
        translated: true,
    };

    /// From `--only` values (`missing`, `stale`); no value means every message.
    pub fn from_names(names: &[String]) -> Result<Only, String> {
        if names.is_empty() {
            return Ok(Only::ALL);
        }
        let mut only = Only {
            missing: false,
            stale: false,
            translated: false,
        };
        for n in names {
            match n.as_str() {
                "missing" => only.missing = true,
                "stale" => only.stale = true,
                other => {
                    return Err(format!(
                        "--only: unknown state `{other}`: use missing, stale"
                    ))
                }
            }
        }
        Ok(only)
    }

    fn wants(&self, s: &State) -> bool {
        match s {
            State::Translated => self.translated,
            State::Stale { .. } => self.stale,
            State::Missing => self.missing,
        }
    }
}

/// One message as it goes out to a translator.
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    pub id: &'a str,
    /// The block it comes from (heading, paragraph, …).
    pub class: &'static str,
    /// Its line in source/NAME.md.
    pub line: usize,
    /// The English now.
    pub english: &'a str,
    pub translation: Option<&'a str>,
    pub state: &'a State,
    /// Translator notes (comment lines other than the stamp and the review line).
    pub notes: Vec<&'a str>,
    /// The review that holds on the translation, if any (see `approval`).
    pub review: Option<crate::approval::Review>,
}

/// The units of one document.
#[derive(Debug, Clone)]
pub struct DocUnits<'a> {
    pub name: &'a str,
    pub units: Vec<Unit<'a>>,
}

/// The messages of `locale` in every document (or the one named), in document order.
pub fn select<'a>(
    plan: &'a Plan,
    locale: &str,
    doc: Option<&str>,
    only: Only,
) -> Result<Vec<DocUnits<'a>>, String> {
    if let Some(name) = doc {
        if !plan.docs.iter().any(|d| d.name == name) {
            return Err(unknown_doc(plan, name));
        }
    }
    let mut out = Vec::new();
    for d in &plan.docs {
        if doc.is_some_and(|n| n != d.name) {
            continue;
        }
        let Some(lp) = d.locale(locale) else {
            return Err(format!("unknown locale `{locale}`"));
        };
        let mut units = Vec::new();
        let mut lines = crate::lines::Positions::new(&d.document.src);
        for (k, m) in d.messages.iter().enumerate() {
            let state = &lp.states[k];
            if !only.wants(state) {
                continue;
            }
            let t = lp.translation(k);
            let seg = &d.document.segments[m.seg];
            units.push(Unit {
                id: &m.id,
                class: m.class,
                line: lines.line_col(seg.span.start).0,
                english: &m.text,
                translation: match state {
                    State::Missing => None,
                    _ => t.map(|t| t.value.as_str()),
                },
                state,
                notes: t.map_or_else(Vec::new, |t| {
                    t.notes
                        .iter()
                        .filter(|n| crate::approval::Review::parse(n).is_none())
                        .map(String::as_str)
                        .collect()
                }),
                review: lp.review(k),
            });
        }
        out.push(DocUnits {
            name: &d.name,
            units,
        });
    }
    Ok(out)
}

fn unknown_doc(plan: &Plan, name: &str) -> String {
    let names: Vec<&str> = plan.docs.iter().map(|d| d.name.as_str()).collect();
    format!(
        "unknown document `{name}`: the project has {}",
        names.join(", ")
    )
}

/// The export of `locale` in `format`.
pub fn export(
    format: Format,
    plan: &Plan,
    locale: &str,
    doc: Option<&str>,
    only: Only,
) -> Result<String, String> {
    if format == Format::Tmx && only != Only::ALL {
        return Err(
            "--only does not apply to TMX: a translation memory holds the up-to-date pairs"
                .to_string(),
        );
    }
    let docs = select(plan, locale, doc, only)?;
    Ok(match format {
        Format::Xliff => xliff::write(&docs, locale),
        Format::Po => po::write(&docs, locale),
        Format::Tmx => tmx::write(&docs, locale),
    })
}

/// A 1-based line and column in the imported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    pub fn of(src: &str, offset: usize) -> Pos {
        let (line, col) = ftl::line_col(src, offset);
        Pos { line, col }
    }
}

/// Something wrong with the imported file, where it is when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: Option<Pos>,
    pub message: String,
}

impl Problem {
    pub fn at(pos: Pos, message: impl Into<String>) -> Problem {
        Problem {
            at: Some(pos),
            message: message.into(),
        }
    }

    /// `FILE:line:col: message` (or `FILE: message`).
    pub fn render(&self, file: &str) -> String {
        match self.at {
            Some(p) => format!("{file}:{}:{}: {}", p.line, p.col, self.message),
            None => format!("{file}: {}", self.message),
        }
    }
}

/// At most this many problems of a refused file are listed; the rest are counted.
pub const SHOWN_PROBLEMS: usize = 50;

/// The problems of a refused file, one `FILE:line:col: message` line each, the first
/// `SHOWN_PROBLEMS` of them (in file order) and a count of the others.
pub fn render_problems(problems: &[Problem], file: &str) -> String {
    let mut lines: Vec<String> = problems
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|p| p.render(file))
        .collect();
    if problems.len() > SHOWN_PROBLEMS {
        lines.push(format!(
            "… and {} more problem(s) in {file} not listed",
            problems.len() - SHOWN_PROBLEMS
        ));
    }
    lines.join("\n")
}

/// What a translation in an imported file was made against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// Confirmed by the translator against the unit's source (XLIFF state translated,
    /// reviewed or final; a PO entry that is not fuzzy).
    Confirmed,
    /// Not confirmed, for a message that was stale: still made from this English (XLIFF
    /// `initial` with the en-as-translated note; PO `fuzzy` with `#| msgid`).
    Draft(String),
    /// Not confirmed and with no English on record (XLIFF `initial`, PO `fuzzy`): a draft
    /// that is never applied.
    Unconfirmed,
    /// A translation of another message proposed for this one (gettext's `msgmerge
    /// --previous`: `#, fuzzy` with `#| msgctxt` naming that message): a suggestion at
    /// most, never applied.
    OtherMessage(String),
}

/// One translation read from an imported file.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub at: Pos,
    /// The document, when the file names it (XLIFF `<file id>`, PO `#: source/NAME.md`).
    pub doc: Option<String>,
    pub id: String,
    /// The English the file shows (the English at export time).
    pub source: String,
    /// The translation; None when the unit has none.
    pub target: Option<String>,
    pub basis: Basis,
    /// Translator notes the file holds for the message (XLIFF `<note>` other than the
    /// en-as-translated one; PO `# ` translator comments), one line each.
    pub notes: Vec<String>,
    /// Matches the file offers from other units (XLIFF `<mtc:match>` whose `ref` names
    /// another unit): where, and which unit. Never translations.
    pub matches: Vec<(Pos, String)>,
    /// The file says a reviewer approved the translation (XLIFF `state="reviewed"` or
    /// `"final"`; PO flag `dossier-approved`).
    pub reviewed: bool,
}

/// Who records the approvals an import brings (a reviewer's, in a CAT tool), and when.
#[derive(Debug, Clone)]
pub struct Approver {
    pub by: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// A translator note as a comment line of a message: trimmed, and never read back as a
/// stamp (a note starting `en: ` or `en+ ` gets `note: ` before it). None for an empty
/// note.
pub fn note_line(note: &str) -> Option<String> {
    let note = note.trim();
    if note.is_empty() {
        return None;
    }
    let stamp_like = note.starts_with(ftl::STAMP)
        || note.starts_with(ftl::STAMP_CONT)
        || note == ftl::STAMP.trim_end()
        || note == ftl::STAMP_CONT.trim_end();
    Some(if stamp_like {
        format!("note: {note}")
    } else {
        note.to_string()
    })
}

/// The note lines of notes that may span several lines.
pub fn note_lines<'a>(notes: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in notes {
        for line in n.split('\n').filter_map(note_line) {
            if !out.contains(&line) {
                out.push(line);
            }
        }
    }
    out
}

/// Decodes an imported file: UTF-8 (a byte order mark is dropped), line ends made LF.
/// The text is borrowed from the bytes unless line ends change (files can be hundreds of
/// megabytes).
pub fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            return Err(Problem::at(
                Pos::of(&good, good.len()),
                "invalid UTF-8: dossier imports UTF-8 files",
            ));
        }
    };
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Ok(text.replace("\r\n", "\n").replace('\r', "\n").into())
    } else {
        Ok(text.into())
    }
}

/// The format of a file, from its content.
pub fn detect(text: &str) -> Result<Format, Problem> {
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    if rest.is_empty() {
        return Err(Problem {
            at: None,
            message: "the file is empty".into(),
        });
    }
    if rest.starts_with('<') {
        return match xml_root(rest) {
            Some("xliff") => Ok(Format::Xliff),
            Some("tmx") => Ok(Format::Tmx),
            Some(other) => Err(Problem::at(
                Pos::of(text, start),
                format!("XML, but neither XLIFF nor TMX (the root element is <{other}>)"),
            )),
            None => Ok(Format::Xliff),
        };
    }
    let first = rest.lines().next().unwrap_or("");
    if first.starts_with('#')
        || first.starts_with("msgid")
        || first.starts_with("msgctxt")
        || first.starts_with("msgstr")
    {
        return Ok(Format::Po);
    }
    Err(Problem::at(
        Pos::of(text, start),
        "not an XLIFF 2.0 or PO file (it is neither XML nor gettext PO)",
    ))
}

/// The local name of the first element of an XML text, if one is found quickly.
fn xml_root(s: &str) -> Option<&str> {
    let mut rest = s;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = &r[r.find('>')? + 1..];
        } else if let Some(r) = rest.strip_prefix('<') {
            let end = r
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(r.len());
            let name = &r[..end];
            return Some(name.rsplit(':').next().unwrap_or(name));
        } else {
            return None;
        }
    }
}

/// The locale an import is for, among the project's locales (a file for a regional form of
/// it is accepted only when the project has no such locale).
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub locale: &'a str,
    /// The project's translation locales.
    pub project: &'a [String],
}

/// How a file's language tag relates to the locale of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageMatch {
    /// The same language identifier.
    Same,
    /// A regional form of it (`fr-FR`, `fr_CA` for `fr`; `kk-Cyrl-KZ` for `kk`) that the
    /// project does not have as a locale of its own.
    Regional,
    /// Another language, script or variant; or a locale of the project.
    Other,
}

impl Target<'_> {
    /// Compares as language identifiers (unic-langid), never as strings: the same
    /// language, the same script once both are completed with their likely script (`kk` is
    /// written in Cyrillic), the same variants, and a region where the locale has none.
    pub fn language(&self, tag: &str) -> LanguageMatch {
        let parse = |t: &str| {
            t.trim()
                .replace('_', "-")
                .parse::<unic_langid::LanguageIdentifier>()
                .ok()
        };
        let (Some(file), Some(ours)) = (parse(tag), parse(self.locale)) else {
            return LanguageMatch::Other;
        };
        if file == ours {
            return LanguageMatch::Same;
        }
        let script = |id: &unic_langid::LanguageIdentifier| {
            let mut full = id.clone();
            full.maximize();
            full.script
        };
        let regional = file.language == ours.language
            && ours.region.is_none()
            && file.region.is_some()
            && (file.script == ours.script || script(&file) == script(&ours))
            && file.variants().eq(ours.variants());
        let project_has_it = self
            .project
            .iter()
            .any(|l| parse(l).is_some_and(|l| l == file));
        if regional && !project_has_it {
            LanguageMatch::Regional
        } else {
            LanguageMatch::Other
        }
    }

    /// The problem with a file for `tag` (`what` says where the file says so), if any, and
    /// whether it is a regional form.
    fn check(&self, tag: &str, what: &str) -> Result<bool, String> {
        match self.language(tag) {
            LanguageMatch::Same => Ok(false),
            LanguageMatch::Regional => Ok(true),
            LanguageMatch::Other => {
                let mut message = format!("wrong language: {what}, not `{}`", self.locale);
                // The language of another locale of the project, or a regional form of it.
                let own = self.project.iter().find(|l| {
                    l.as_str() != self.locale
                        && Target {
                            locale: l,
                            project: self.project,
                        }
                        .language(tag)
                            != LanguageMatch::Other
                });
                if let Some(own) = own {
                    message.push_str(&format!(" (the project has `{own}`: import it there)"));
                }
                Err(message)
            }
        }
    }
}

/// What a file holds for the import.
#[derive(Debug, Clone)]
pub struct FileRead {
    pub format: Format,
    pub units: Vec<Incoming>,
    /// The file's language tag as written, when it is a regional form of the locale.
    pub regional: Option<String>,
}

/// Reads an imported file: its format from the content, then its translations.
pub fn read(bytes: &[u8], target: Target) -> Result<FileRead, Vec<Problem>> {
    let text = decode(bytes).map_err(|p| vec![p])?;
    let format = detect(&text).map_err(|p| vec![p])?;
    let (units, regional) = match format {
        Format::Xliff => xliff::read(&text, target)?,
        Format::Po => po::read(&text, target)?,
        Format::Tmx => {
            return Err(vec![Problem {
                at: None,
                message: "this is a TMX translation memory: load it into your CAT tool; \
                          dossier imports XLIFF 2.0 and PO files"
                    .into(),
            }])
        }
    };
    Ok(FileRead {
        format,
        units,
        regional,
    })
}

/// Whether `tag` is English (any region or script).
pub fn is_english(tag: &str) -> bool {
    tag.trim()
        .replace('_', "-")
        .parse::<unic_langid::LanguageIdentifier>()
        .is_ok_and(|id| id.language.as_str() == REFERENCE)
}

/// How one message changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A translation for a message that had none.
    Added,
    /// A new translation text.
    Updated,
    /// The same text, confirmed against the current English (a stale message reviewed).
    Confirmed,
    /// The same text, approved by a reviewer (the file says reviewed or final).
    Approved,
    /// The translation unchanged; translator notes added to it.
    Annotated,
}

impl ChangeKind {
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Updated => "updated",
            ChangeKind::Confirmed => "confirmed",
            ChangeKind::Approved => "approved",
            ChangeKind::Annotated => "note added",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Change {
    pub doc: String,
    pub id: String,
    pub kind: ChangeKind,
    pub old_value: Option<String>,
    pub new_value: String,
    /// The English the translation is recorded as made from (its new stamp).
    pub stamp: String,
    /// The English now.
    pub english: String,
    /// Translator notes from the file added to the message (comment lines).
    pub notes_added: Vec<String>,
    /// A reviewer's approval from the file was recorded with it.
    pub approved: bool,
}

impl Change {
    /// The translation was made from English that has since changed: it stays stale.
    pub fn stale(&self) -> bool {
        self.kind != ChangeKind::Annotated && self.stamp != self.english
    }
}

/// A translation in the file that is not applied.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub at: Pos,
    pub doc: String,
    pub id: String,
    pub reason: String,
}

/// What an import does.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub changes: Vec<Change>,
    pub skipped: Vec<Skipped>,
    /// Units read from the file.
    pub units: usize,
    /// (document, its locale file's new text) for every file that changes.
    pub writes: Vec<(String, String)>,
    /// The file's language tag as written, when it is a regional form of the locale.
    pub regional: Option<String>,
}

/// Applies imported translations to the locale files of the plan. Unknown documents or
/// ids and duplicated units are problems: then nothing is applied.
/// `approver`: who records the approvals the file brings (units it says are reviewed or
/// final, when their translation is up to date); without one, none are recorded.
pub fn apply(
    plan: &Plan,
    locale: &str,
    file: &FileRead,
    approver: Option<&Approver>,
) -> Result<Outcome, Vec<Problem>> {
    let incoming = &file.units;
    let mut problems = Vec::new();
    // Resolve every unit to (document, message index), each in constant time: a file can
    // hold millions of units.
    let mut resolved: BTreeMap<usize, Vec<(usize, &Incoming)>> = BTreeMap::new();
    let mut seen: HashMap<(usize, &str), Pos> = HashMap::new();
    let mut unknown_docs: BTreeMap<&str, (Pos, usize)> = BTreeMap::new();
    let by_name: HashMap<&str, usize> = plan
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.name.as_str(), i))
        .collect();
    // Message id → the documents that have it, for files that do not name documents.
    let mut holders_of: Option<HashMap<&str, Vec<usize>>> = None;
    for inc in incoming {
        let d = match &inc.doc {
            Some(name) => match by_name.get(name.as_str()) {
                Some(&d) => d,
                None => {
                    unknown_docs.entry(name).or_insert((inc.at, 0)).1 += 1;
                    continue;
                }
            },
            None => {
                let holders = holders_of.get_or_insert_with(|| {
                    let mut map: HashMap<&str, Vec<usize>> = HashMap::new();
                    for (i, d) in plan.docs.iter().enumerate() {
                        for m in &d.messages {
                            map.entry(m.id.as_str()).or_default().push(i);
                        }
                    }
                    map
                });
                match holders.get(inc.id.as_str()).map_or(&[][..], Vec::as_slice) {
                    [d] => *d,
                    [] => {
                        problems.push(Problem::at(
                            inc.at,
                            format!("unknown message id `{}`", inc.id),
                        ));
                        continue;
                    }
                    _ => {
                        problems.push(Problem::at(
                            inc.at,
                            format!(
                                "message id `{}` is in several documents and the file does not say which",
                                inc.id
                            ),
                        ));
                        continue;
                    }
                }
            }
        };
        let dp = &plan.docs[d];
        let Some(&k) = dp.index.get(&inc.id) else {
            problems.push(Problem::at(
                inc.at,
                format!("unknown message id `{}` in document `{}`", inc.id, dp.name),
            ));
            continue;
        };
        if let Some(&first) = seen.get(&(d, inc.id.as_str())) {
            problems.push(Problem::at(
                inc.at,
                format!(
                    "duplicated unit `{}` (first at {}:{})",
                    inc.id, first.line, first.col
                ),
            ));
            continue;
        }
        seen.insert((d, inc.id.as_str()), inc.at);
        resolved.entry(d).or_default().push((k, inc));
    }
    for (name, (at, n)) in unknown_docs {
        problems.push(Problem::at(
            at,
            unknown_doc(plan, name).replacen(
                &format!("`{name}`"),
                &format!("`{name}` ({n} unit(s))"),
                1,
            ),
        ));
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.at);
        return Err(problems);
    }
    let mut outcome = Outcome {
        units: incoming.len(),
        regional: file.regional.clone(),
        ..Outcome::default()
    };
    for (d, units) in resolved {
        let dp = &plan.docs[d];
        let Some(lp) = dp.locale(locale) else {
            return Err(vec![Problem {
                at: None,
                message: format!("unknown locale `{locale}`"),
            }]);
        };
        let mut edits: BTreeMap<usize, String> = BTreeMap::new();
        let mut added: Vec<(usize, String)> = Vec::new();
        let mut units = units;
        units.sort_by_key(|(k, _)| *k);
        for (k, inc) in units {
            let m = &dp.messages[k];
            let existing = match lp.states[k] {
                State::Missing => None,
                _ => lp.translation(k),
            };
            let skip = |outcome: &mut Outcome, at: Pos, reason: String| {
                outcome.skipped.push(Skipped {
                    at,
                    doc: dp.name.clone(),
                    id: m.id.clone(),
                    reason,
                })
            };
            for (at, other) in &inc.matches {
                skip(
                    &mut outcome,
                    *at,
                    format!("a suggestion: the CAT tool's match from another unit (`{other}`) is not a translation of this one"),
                );
            }
            let translation = translation_change(inc, existing, &lp.states[k], m);
            let (mut kind, target, stamp) = match translation {
                Ok(Some(change)) => change,
                Ok(None) => (ChangeKind::Annotated, "", String::new()),
                Err(reason) => {
                    skip(&mut outcome, inc.at, reason);
                    (ChangeKind::Annotated, "", String::new())
                }
            };
            // A reviewer's approval from the file, for a translation up to date after the
            // import (an approval of a stale one would be of English that is gone).
            let review = approver.filter(|_| inc.reviewed).and_then(|a| {
                let (value, english) = match (kind, existing) {
                    (ChangeKind::Annotated, Some(e)) if lp.states[k] == State::Translated => {
                        (e.value.as_str(), m.text.as_str())
                    }
                    (ChangeKind::Annotated, _) => return None,
                    _ => (target, stamp.as_str()),
                };
                (english == m.text).then(|| {
                    crate::approval::Review::new(
                        crate::approval::Verdict::Approved,
                        &a.by,
                        &a.date,
                        english,
                        value,
                        None,
                    )
                })
            });
            // Approved already, on exactly this: nothing to record.
            let review = review.filter(|r| {
                lp.review(k)
                    .is_none_or(|held| held.digest != r.digest || kind != ChangeKind::Annotated)
            });
            if kind == ChangeKind::Annotated && review.is_some() {
                kind = ChangeKind::Approved;
            }
            // Notes the message does not have yet go onto it, if it has a translation.
            let mut notes_added: Vec<String> = inc
                .notes
                .iter()
                .filter(|n| !existing.is_some_and(|e| e.notes.contains(n)))
                .cloned()
                .collect();
            if existing.is_none() && kind != ChangeKind::Added && !notes_added.is_empty() {
                skip(
                    &mut outcome,
                    inc.at,
                    format!(
                        "{} note(s) not kept: the message has no translation to attach them to",
                        notes_added.len()
                    ),
                );
                notes_added.clear();
            }
            if kind == ChangeKind::Annotated && notes_added.is_empty() {
                continue;
            }
            let (new_value, stamp) = match (kind, existing) {
                (ChangeKind::Annotated | ChangeKind::Approved, Some(e)) => (
                    e.value.clone(),
                    e.stamp.clone().unwrap_or_else(|| m.text.clone()),
                ),
                _ => (target.to_string(), stamp),
            };
            outcome.changes.push(Change {
                doc: dp.name.clone(),
                id: m.id.clone(),
                kind,
                old_value: existing.map(|e| e.value.clone()),
                new_value: new_value.clone(),
                stamp: stamp.clone(),
                english: m.text.clone(),
                notes_added: notes_added.clone(),
                approved: review.is_some(),
            });
            match (kind, lp.entry[k], &lp.file) {
                (ChangeKind::Added, _, _) | (_, None, _) | (_, _, None) => added.push((
                    k,
                    write_translation(&m.id, target, &stamp, review.as_ref(), &notes_added),
                )),
                (_, Some(e), Some(file)) => {
                    let entry = &file.entries[e];
                    let EntryKind::Message(msg) = &entry.kind else {
                        continue;
                    };
                    let entry_text = &file.src[entry.span.clone()];
                    let mut notes = msg.notes.clone();
                    notes.extend(notes_added.iter().cloned());
                    let text = match kind {
                        ChangeKind::Annotated | ChangeKind::Approved => {
                            add_notes(entry_text, msg, &notes_added)
                        }
                        ChangeKind::Confirmed => {
                            let with_notes = ftl::Message {
                                notes,
                                ..msg.clone()
                            };
                            restamp(entry_text, &with_notes, &stamp)
                        }
                        _ => write_translation(&m.id, target, &stamp, None, &notes),
                    };
                    edits.insert(e, with_review(text, review.as_ref(), &stamp));
                }
            }
        }
        if edits.is_empty() && added.is_empty() {
            continue;
        }
        outcome
            .writes
            .push((dp.name.clone(), new_text(dp, lp, locale, edits, added)));
    }
    Ok(outcome)
}

/// What a unit does to its message's translation: a change (kind, text, stamp), nothing
/// (no target, the same text, an older stamp), or a reason to skip it.
fn translation_change<'a>(
    inc: &'a Incoming,
    existing: Option<&ftl::Message>,
    state: &State,
    m: &crate::plan::RefMessage,
) -> Result<Option<(ChangeKind, &'a str, String)>, String> {
    let Some(target) = inc.target.as_deref().filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let same = existing.is_some_and(|e| e.value == target);
    let stamp = match &inc.basis {
        Basis::Confirmed => inc.source.clone(),
        Basis::Draft(english) => english.clone(),
        Basis::Unconfirmed if same => return Ok(None),
        Basis::Unconfirmed => {
            return Err("not confirmed by the translator (XLIFF state=\"initial\" or PO fuzzy): a draft is not applied".into())
        }
        Basis::OtherMessage(other) => {
            return Err(format!(
                "a suggestion: msgmerge proposed the translation of another message (`#| msgctxt \"{other}\"`); it is not applied"
            ))
        }
    };
    let kind = match existing {
        None => ChangeKind::Added,
        Some(_) if same => {
            // The same text: only a confirmation against the English now changes
            // anything. An older stamp never downgrades a translation.
            let from = match state {
                State::Stale { before, .. } => before.as_str(),
                _ => m.text.as_str(),
            };
            if stamp != m.text || from == m.text {
                return Ok(None);
            }
            ChangeKind::Confirmed
        }
        Some(_) => ChangeKind::Updated,
    };
    Ok(Some((kind, target, stamp)))
}

/// The entry's text with note lines added above its stamp (the stamp stays the last
/// comment line above the id), everything else byte for byte.
fn add_notes(entry_text: &str, m: &ftl::Message, notes: &[String]) -> String {
    let id_line = crate::plan::id_line(entry_text, m);
    // The first stamp line of the comment, else the id line.
    let mut at = id_line;
    let mut pos = 0;
    for line in entry_text[..id_line].split_inclusive('\n') {
        if line.starts_with("# en:") {
            at = pos;
            break;
        }
        pos += line.len();
    }
    let mut out = entry_text[..at].to_string();
    for n in notes {
        out.push_str("# ");
        out.push_str(n);
        out.push('\n');
    }
    out.push_str(&entry_text[at..]);
    out
}

/// A message with its translator notes, its review line and, last above the id, its
/// stamp.
fn write_translation(
    id: &str,
    value: &str,
    stamp: &str,
    review: Option<&crate::approval::Review>,
    notes: &[String],
) -> String {
    // Notes first, then the review line, and last above the id the stamp.
    let mut comments = notes.to_vec();
    comments.extend(review.map(|r| r.to_string()));
    comments.extend(ftl::stamp_lines(stamp));
    ftl::write_message(id, value, &comments)
}

/// An entry's text with `review` as its review line (stamped with `stamp`), when there is
/// one to record.
fn with_review(text: String, review: Option<&crate::approval::Review>, stamp: &str) -> String {
    let Some(r) = review else { return text };
    let parsed = ftl::FtlFile::parse(text.as_str());
    let Some((_, m)) = parsed.messages().next() else {
        return text;
    };
    let mut stamped = m.clone();
    stamped.stamp = Some(stamp.to_string());
    crate::plan::set_review(&text, &stamped, Some(r))
}

/// The locale file with entries replaced in place and new messages inserted in reference
/// order: after the nearest earlier message the file has, else before the nearest later
/// one, else at the end. Every other byte stays as it was.
fn new_text(
    dp: &DocPlan,
    lp: &LocalePlan,
    locale: &str,
    edits: BTreeMap<usize, String>,
    added: Vec<(usize, String)>,
) -> String {
    let base = match &lp.file {
        Some(file) => file.edit(&edits.into_iter().collect::<Vec<_>>()),
        None => crate::plan::new_file_header(locale, &dp.name),
    };
    let order: Vec<String> = dp.messages.iter().map(|m| m.id.clone()).collect();
    let added: Vec<(String, String)> = added
        .into_iter()
        .map(|(k, text)| (dp.messages[k].id.clone(), text))
        .collect();
    crate::plan::insert_messages(&base, &order, &added)
}

/// The report of an import: one line per change (with word diffs when `diffs`), the
/// skipped drafts, and a summary.
pub fn report(outcome: &Outcome, locale: &str, diffs: bool, color: bool) -> String {
    let mut out = String::new();
    if let Some(tag) = &outcome.regional {
        out.push_str(&format!(
            "the file is for `{tag}`, a regional form of `{locale}`: imported into `{locale}` (the project has no `{tag}`)\n"
        ));
    }
    for c in &outcome.changes {
        let mut tags = vec![c.kind.name()];
        if c.approved && c.kind != ChangeKind::Approved {
            tags.push("approved");
        }
        if c.stale() {
            tags.push("stale: translated from English that has since changed");
        }
        if c.kind != ChangeKind::Annotated && !c.notes_added.is_empty() {
            tags.push("note added");
        }
        out.push_str(&format!(
            "{locale}/{} {} [{}]\n",
            c.doc,
            c.id,
            tags.join(", ")
        ));
        for n in &c.notes_added {
            out.push_str(&format!("  # {n}\n"));
        }
        if !diffs || c.kind == ChangeKind::Annotated {
            continue;
        }
        match &c.old_value {
            Some(old) if *old != c.new_value => out.push_str(&format!(
                "  {locale}: {}\n",
                render_diff(old, &c.new_value, color)
            )),
            Some(_) => {}
            None => out.push_str(&format!(
                "  {locale}: {}\n",
                render_diff("", &c.new_value, color)
            )),
        }
        if c.stale() {
            out.push_str(&format!(
                "  en: {}\n",
                render_diff(&c.stamp, &c.english, color)
            ));
        }
    }
    for s in &outcome.skipped {
        out.push_str(&format!(
            "{locale}/{} {} [skipped, line {}: {}]\n",
            crate::text::for_terminal(&s.doc),
            crate::text::for_terminal(&s.id),
            s.at.line,
            crate::text::for_terminal(&s.reason)
        ));
    }
    let stale = outcome.changes.iter().filter(|c| c.stale()).count();
    let count = |k: ChangeKind| outcome.changes.iter().filter(|c| c.kind == k).count();
    if outcome.changes.is_empty() && outcome.skipped.is_empty() {
        out.push_str(&format!(
            "{} unit(s) read: every translation is already in the locale files\n",
            outcome.units
        ));
        return out;
    }
    out.push_str(&format!(
        "{} unit(s) read: {} added, {} updated, {} confirmed, {} skipped",
        outcome.units,
        count(ChangeKind::Added),
        count(ChangeKind::Updated),
        count(ChangeKind::Confirmed),
        outcome.skipped.len()
    ));
    if stale > 0 {
        out.push_str(&format!(
            "; {stale} stay stale (translated from English that has since changed)"
        ));
    }
    let notes: usize = outcome.changes.iter().map(|c| c.notes_added.len()).sum();
    if notes > 0 {
        out.push_str(&format!("; {notes} translator note(s) added as comments"));
    }
    out.push('\n');
    out
}

/// A word diff as `[-old-]{+new+}`, or in colour for a terminal.
pub fn render_diff(before: &str, now: &str, color: bool) -> String {
    crate::change::render_pieces(&word_diff(before, now), color)
}

/// Characters XML 1.0 cannot hold, even escaped.
pub(crate) fn xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_content() {
        let x = "\n<?xml version=\"1.0\"?>\n<!-- c -->\n<xliff xmlns=\"x\"/>";
        assert_eq!(detect(x), Ok(Format::Xliff));
        assert_eq!(detect("<tmx version=\"1.4\"/>"), Ok(Format::Tmx));
        assert_eq!(detect("# comment\nmsgid \"\""), Ok(Format::Po));
        assert_eq!(detect("msgctxt \"a\""), Ok(Format::Po));
        let e = detect("<html></html>").map_err(|p| p.message);
        assert!(e.is_err_and(|m| m.contains("<html>")));
        let e = detect("id = value\n").map_err(|p| p.at);
        assert_eq!(e, Err(Some(Pos { line: 1, col: 1 })));
    }

    #[test]
    fn locales_compare_as_language_identifiers() {
        use LanguageMatch::*;
        let project: Vec<String> = ["fr", "ru", "kk", "pt-BR", "sr", "de", "de-CH"]
            .map(String::from)
            .to_vec();
        let t = |locale| Target {
            locale,
            project: &project,
        };
        for (tag, locale, expected) in [
            ("pt_BR", "pt-BR", Same),
            ("fr", "fr", Same),
            ("fr-FR", "fr", Regional),
            ("fr_CA", "fr", Regional),
            ("FR-fr", "fr", Regional),
            ("kk-KZ", "kk", Regional),
            ("kk-Cyrl-KZ", "kk", Regional),
            ("sr-Cyrl-RS", "sr", Regional),
            // Another script, language, or a locale the project has.
            ("kk-Latn-KZ", "kk", Other),
            ("sr-Latn-RS", "sr", Other),
            ("fra", "fr", Other),
            ("frr", "fr", Other),
            ("fr-x", "fr", Other),
            ("ru", "kk", Other),
            ("de-CH", "de", Other),
            ("pt", "pt-BR", Other),
            ("pt-PT", "pt-BR", Other),
            ("", "fr", Other),
        ] {
            assert_eq!(t(locale).language(tag), expected, "{tag} for {locale}");
        }
        assert_eq!(
            t("de").check("de-CH", "the file is for de-CH"),
            Err("wrong language: the file is for de-CH, not `de` (the project has `de-CH`: import it there)".into())
        );
        assert!(is_english("en-US"));
        assert!(!is_english("fr"));
    }

    #[test]
    fn decode_drops_bom_and_normalises_line_ends() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa\r\nb\rc").map(|t| t.into_owned()),
            Ok("a\nb\nc".to_string())
        );
        let e = decode(b"ok\n\xff").map_err(|p| p.at);
        assert_eq!(e, Err(Some(Pos { line: 2, col: 1 })));
    }
}
