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
    /// Translator notes (comment lines other than the stamp).
    pub notes: &'a [String],
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
                line: ftl::line_col(&d.document.src, seg.span.start).0,
                english: &m.text,
                translation: match state {
                    State::Missing => None,
                    _ => t.map(|t| t.value.as_str()),
                },
                state,
                notes: t.map_or(&[][..], |t| t.notes.as_slice()),
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
}

/// Decodes an imported file: UTF-8 (a byte order mark is dropped), line ends made LF.
pub fn decode(bytes: &[u8]) -> Result<String, Problem> {
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
    if text.contains('\r') {
        Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Ok(text.to_string())
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

/// Reads an imported file: its format from the content, then its translations.
pub fn read(bytes: &[u8], locale: &str) -> Result<(Format, Vec<Incoming>), Vec<Problem>> {
    let text = decode(bytes).map_err(|p| vec![p])?;
    let format = detect(&text).map_err(|p| vec![p])?;
    let units = match format {
        Format::Xliff => xliff::read(&text, locale)?,
        Format::Po => po::read(&text, locale)?,
        Format::Tmx => {
            return Err(vec![Problem {
                at: None,
                message: "this is a TMX translation memory: load it into your CAT tool; \
                          dossier imports XLIFF 2.0 and PO files"
                    .into(),
            }])
        }
    };
    Ok((format, units))
}

/// Whether `tag` names `locale` (the same language identifier once canonical; `_` is
/// read as `-`, as in PO's `Language: pt_BR`).
pub fn same_locale(tag: &str, locale: &str) -> bool {
    let tag = tag.trim().replace('_', "-");
    match (
        tag.parse::<unic_langid::LanguageIdentifier>(),
        locale.parse::<unic_langid::LanguageIdentifier>(),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
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
}

impl ChangeKind {
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Updated => "updated",
            ChangeKind::Confirmed => "confirmed",
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
}

impl Change {
    /// The translation was made from English that has since changed: it stays stale.
    pub fn stale(&self) -> bool {
        self.stamp != self.english
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
}

/// Applies imported translations to the locale files of the plan. Unknown documents or
/// ids and duplicated units are problems: then nothing is applied.
pub fn apply(plan: &Plan, locale: &str, incoming: &[Incoming]) -> Result<Outcome, Vec<Problem>> {
    let mut problems = Vec::new();
    // Resolve every unit to (document, message index).
    let mut resolved: BTreeMap<usize, Vec<(usize, &Incoming)>> = BTreeMap::new();
    let mut seen: HashMap<(usize, &str), Pos> = HashMap::new();
    let mut unknown_docs: BTreeMap<&str, (Pos, usize)> = BTreeMap::new();
    for inc in incoming {
        let d = match &inc.doc {
            Some(name) => match plan.docs.iter().position(|d| &d.name == name) {
                Some(d) => d,
                None => {
                    unknown_docs.entry(name).or_insert((inc.at, 0)).1 += 1;
                    continue;
                }
            },
            None => {
                let holders: Vec<usize> = (0..plan.docs.len())
                    .filter(|&d| plan.docs[d].index.contains_key(&inc.id))
                    .collect();
                match holders.as_slice() {
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
        if let Some(first) = seen.insert((d, inc.id.as_str()), inc.at) {
            problems.push(Problem::at(
                inc.at,
                format!(
                    "duplicated unit `{}` (first at {}:{})",
                    inc.id, first.line, first.col
                ),
            ));
            continue;
        }
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
            let Some(target) = inc.target.as_deref().filter(|t| !t.is_empty()) else {
                continue;
            };
            let existing = match lp.states[k] {
                State::Missing => None,
                _ => lp.translation(k),
            };
            let stamp = match &inc.basis {
                Basis::Confirmed => inc.source.clone(),
                Basis::Draft(english) => english.clone(),
                Basis::Unconfirmed => {
                    if existing.map(|e| e.value.as_str()) != Some(target) {
                        outcome.skipped.push(Skipped {
                            at: inc.at,
                            doc: dp.name.clone(),
                            id: m.id.clone(),
                            reason: "not confirmed by the translator (XLIFF state=\"initial\" or PO fuzzy): a draft is not applied".into(),
                        });
                    }
                    continue;
                }
            };
            let kind = match existing {
                None => ChangeKind::Added,
                Some(e) if e.value == target => {
                    // The same text: only a confirmation against the English now changes
                    // anything. An older stamp never downgrades a translation.
                    let from = match &lp.states[k] {
                        State::Stale { before, .. } => before.as_str(),
                        _ => m.text.as_str(),
                    };
                    if stamp != m.text || from == m.text {
                        continue;
                    }
                    ChangeKind::Confirmed
                }
                Some(_) => ChangeKind::Updated,
            };
            outcome.changes.push(Change {
                doc: dp.name.clone(),
                id: m.id.clone(),
                kind,
                old_value: existing.map(|e| e.value.clone()),
                new_value: target.to_string(),
                stamp: stamp.clone(),
                english: m.text.clone(),
            });
            match (kind, lp.entry[k], &lp.file) {
                (ChangeKind::Added, _, _) | (_, None, _) | (_, _, None) => {
                    added.push((k, write_translation(&m.id, target, &stamp, &[])))
                }
                (_, Some(e), Some(file)) => {
                    let entry = &file.entries[e];
                    let EntryKind::Message(msg) = &entry.kind else {
                        continue;
                    };
                    let text = if kind == ChangeKind::Confirmed {
                        restamp(&file.src[entry.span.clone()], msg, &stamp)
                    } else {
                        write_translation(&m.id, target, &stamp, &msg.notes)
                    };
                    edits.insert(e, text);
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

/// A message with its translator notes and, last above the id, its stamp.
fn write_translation(id: &str, value: &str, stamp: &str, notes: &[String]) -> String {
    let mut comments = notes.to_vec();
    comments.extend(ftl::stamp_lines(stamp));
    ftl::write_message(id, value, &comments)
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
        None => format!("### {locale} translation of source/{}.md.\n", dp.name),
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
    for c in &outcome.changes {
        let mut tags = vec![c.kind.name()];
        if c.stale() {
            tags.push("stale: translated from English that has since changed");
        }
        out.push_str(&format!(
            "{locale}/{} {} [{}]\n",
            c.doc,
            c.id,
            tags.join(", ")
        ));
        if !diffs {
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
    fn locales_compare_canonically() {
        assert!(same_locale("pt_BR", "pt-BR"));
        assert!(same_locale("fr", "fr"));
        assert!(!same_locale("fr-FR", "fr"));
        assert!(!same_locale("ru", "kk"));
        assert!(is_english("en-US"));
        assert!(!is_english("fr"));
    }

    #[test]
    fn decode_drops_bom_and_normalises_line_ends() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc"), Ok("a\nb\nc".to_string()));
        let e = decode(b"ok\n\xff").map_err(|p| p.at);
        assert_eq!(e, Err(Some(Pos { line: 2, col: 1 })));
    }
}
