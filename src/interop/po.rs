//! Gettext PO: `msgctxt` is the message id, `msgid` the English now, `msgstr` the
//! translation; a stale message is `#, fuzzy` with `#| msgid` holding the English it was
//! translated from; `#:` points at the block in source/NAME.md.
//!
//! The reader is small and strict rather than a general PO library: it reports every
//! problem with its line and column, refuses plural entries (documents have none), and
//! skips obsolete `#~` entries.

use super::{Basis, DocUnits, Incoming, Pos, Problem, Target};
use crate::plan::State;

/// The Plural-Forms header for a locale (gettext's formulas, from CLDR's categories).
pub fn plural_forms(locale: &str) -> &'static str {
    let lang = locale.split('-').next().unwrap_or(locale);
    match (lang, locale) {
        (_, "pt-BR") | ("fr", _) => "nplurals=2; plural=(n > 1);",
        ("ru" | "uk" | "be" | "sr" | "hr" | "bs", _) => {
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        }
        ("pl", _) => {
            "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        }
        ("cs" | "sk", _) => "nplurals=3; plural=(n==1 ? 0 : (n>=2 && n<=4) ? 1 : 2);",
        ("ja" | "zh" | "ko" | "vi" | "th" | "id" | "ms", _) => "nplurals=1; plural=0;",
        ("ar", _) => {
            "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
        }
        // kk, de, es, it, … (one/other), and the default.
        _ => "nplurals=2; plural=(n != 1);",
    }
}

/// Writes the units as a PO file.
pub fn write(docs: &[DocUnits], locale: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {locale} translation, exported by dossier. msgctxt is the message id; a fuzzy\n\
         # entry is stale: `#| msgid` is the English it was translated from.\n"
    ));
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    for field in [
        "Project-Id-Version: dossier".to_string(),
        // Gettext's "not revised yet" values, which PO editors fill in when a translator
        // saves (an export has no honest date or translator to put here).
        "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE".to_string(),
        "Last-Translator: FULL NAME <EMAIL@ADDRESS>".to_string(),
        format!("Language-Team: {}", crate::ui::display_name(locale)),
        format!("Language: {locale}"),
        "MIME-Version: 1.0".to_string(),
        "Content-Type: text/plain; charset=UTF-8".to_string(),
        "Content-Transfer-Encoding: 8bit".to_string(),
        format!("Plural-Forms: {}", plural_forms(locale)),
        format!("X-Generator: dossier {}", env!("CARGO_PKG_VERSION")),
    ] {
        out.push_str(&format!("\"{}\\n\"\n", escape(&field)));
    }
    for d in docs {
        for u in &d.units {
            out.push('\n');
            for n in &u.notes {
                if n.is_empty() {
                    out.push_str("#\n");
                } else {
                    out.push_str(&format!("# {n}\n"));
                }
            }
            out.push_str(&format!("#. {}\n", u.class));
            if let Some(r) = u.review.as_ref().filter(|_| *u.state == State::Translated) {
                // The reviewer's verdict: an extracted comment says it to people (a
                // translator comment would come back as a note), a flag to tools.
                let mut said = format!("{} by {} on {}", r.verdict.name(), r.by, r.date);
                if let Some(n) = &r.note {
                    said.push_str(": ");
                    said.push_str(n);
                }
                out.push_str(&format!("#. {said}\n"));
            }
            out.push_str(&format!("#: source/{}.md:{}\n", d.name, u.line));
            match (u.state, u.review.as_ref().map(|r| r.verdict)) {
                (State::Stale { before, .. }, _) => {
                    out.push_str("#, fuzzy\n");
                    out.push_str(&keyword("#| msgid", before));
                }
                (State::Translated, Some(crate::approval::Verdict::Approved)) => {
                    out.push_str(&format!("#, {FLAG_APPROVED}\n"));
                }
                (State::Translated, Some(crate::approval::Verdict::Rejected)) => {
                    out.push_str(&format!("#, {FLAG_REJECTED}\n"));
                }
                _ => {}
            }
            out.push_str(&keyword("msgctxt", u.id));
            out.push_str(&keyword("msgid", u.english));
            out.push_str(&keyword("msgstr", u.translation.unwrap_or("")));
        }
    }
    out
}

/// `keyword "string"`, or for text with line breaks `keyword ""` and one quoted line per
/// line (as gettext writes them). `#| ` keywords repeat their prefix on every line.
fn keyword(kw: &str, s: &str) -> String {
    let prefix = if kw.starts_with("#|") { "#| " } else { "" };
    let pieces: Vec<&str> = s.split_inclusive('\n').collect();
    if pieces.len() <= 1 {
        return format!("{kw} \"{}\"\n", escape(s));
    }
    let mut out = format!("{kw} \"\"\n");
    for p in pieces {
        out.push_str(&format!("{prefix}\"{}\"\n", escape(p)));
    }
    out
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\{:03o}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Which string a keyword or continuation line fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Ctxt,
    Id,
    IdPlural,
    Str,
    PrevCtxt,
    PrevId,
    PrevIdPlural,
}

/// The PO flag of a translation a reviewer approved (no standard flag says so).
const FLAG_APPROVED: &str = "dossier-approved";
/// The PO flag of a translation a reviewer rejected (an extracted comment says why).
const FLAG_REJECTED: &str = "dossier-rejected";

#[derive(Debug, Default)]
struct Entry {
    at: Option<Pos>,
    fuzzy: bool,
    approved: bool,
    refs: Vec<String>,
    /// Translator comments (`# …`).
    comments: Vec<String>,
    prev_ctxt: Option<String>,
    prev_id: Option<String>,
    ctxt: Option<String>,
    id: Option<String>,
    id_at: Option<Pos>,
    plural: Option<Pos>,
    msgstr: Option<String>,
}

impl Entry {
    fn field(&mut self, f: Field) -> &mut Option<String> {
        match f {
            Field::Ctxt => &mut self.ctxt,
            Field::Id => &mut self.id,
            Field::Str => &mut self.msgstr,
            Field::PrevCtxt => &mut self.prev_ctxt,
            Field::PrevId | Field::PrevIdPlural | Field::IdPlural => &mut self.prev_id,
        }
    }

    fn is_empty(&self) -> bool {
        self.at.is_none()
    }
}

struct Parser {
    problems: Vec<Problem>,
    entries: Vec<Entry>,
    cur: Entry,
    /// The field the last string went to (continuation lines add to it).
    last: Option<Field>,
}

impl Parser {
    fn pos(&self, line: usize, offset_in_line: &str, col_in: usize) -> Pos {
        let col = offset_in_line[..col_in.min(offset_in_line.len())]
            .chars()
            .count()
            + 1;
        Pos { line, col }
    }

    fn finish_entry(&mut self) {
        let e = std::mem::take(&mut self.cur);
        self.last = None;
        if !e.is_empty() {
            self.entries.push(e);
        }
    }

    /// Starts the entry on this line if none is open, or a new one after a msgstr.
    fn touch(&mut self, at: Pos, comment: bool) {
        if self.cur.msgstr.is_some() && (comment || self.cur.id.is_some()) {
            self.finish_entry();
        }
        if self.cur.at.is_none() {
            self.cur.at = Some(at);
        }
    }
}

/// Parses a quoted PO string starting at byte `start` of `line`; returns its value.
fn string(line: &str, start: usize) -> Result<String, (usize, String)> {
    let rest = &line[start..];
    let Some(body) = rest.strip_prefix('"') else {
        return Err((start, "expected a quoted string".into()));
    };
    let mut out = String::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                let after = &body[i + 1..];
                if !after.trim().is_empty() {
                    return Err((
                        start + 1 + i + 1 + (after.len() - after.trim_start().len()),
                        "unexpected text after the closing quote".into(),
                    ));
                }
                return Ok(out);
            }
            '\\' => {
                let Some((j, e)) = chars.next() else { break };
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'a' => out.push('\u{7}'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'v' => out.push('\u{b}'),
                    '\\' => out.push('\\'),
                    '"' => out.push('"'),
                    '0'..='7' => {
                        let mut v = e.to_digit(8).unwrap_or(0);
                        for _ in 0..2 {
                            match chars.peek() {
                                Some((_, d @ '0'..='7')) => {
                                    v = v * 8 + d.to_digit(8).unwrap_or(0);
                                    chars.next();
                                }
                                _ => break,
                            }
                        }
                        out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
                    }
                    'x' => {
                        let mut v = 0u32;
                        let mut n = 0;
                        while let Some((_, d)) = chars.peek() {
                            match d.to_digit(16) {
                                Some(x) if n < 2 => {
                                    v = v * 16 + x;
                                    n += 1;
                                    chars.next();
                                }
                                _ => break,
                            }
                        }
                        if n == 0 {
                            return Err((start + 1 + j, "bad escape `\\x`".into()));
                        }
                        out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
                    }
                    other => {
                        return Err((start + 1 + j - 1, format!("unknown escape `\\{other}`")))
                    }
                }
            }
            c => out.push(c),
        }
    }
    Err((
        line.len(),
        "unterminated string: the closing quote is missing".into(),
    ))
}

/// Reads the translations of a PO file for the target's locale, and the header's
/// `Language` when it is a regional form of that locale.
pub fn read(src: &str, target: Target) -> Result<(Vec<Incoming>, Option<String>), Vec<Problem>> {
    let locale = target.locale;
    let mut regional = None;
    let mut p = Parser {
        problems: Vec::new(),
        entries: Vec::new(),
        cur: Entry::default(),
        last: None,
    };
    for (n, line) in src.split('\n').enumerate() {
        let ln = n + 1;
        let indent = line.len() - line.trim_start().len();
        let content = line.trim_end();
        let body = &content[indent..];
        let at = p.pos(ln, line, indent);
        if body.is_empty() {
            p.last = None;
            continue;
        }
        if body.starts_with("#~") {
            // An obsolete entry: kept by gettext tools, not a translation.
            p.last = None;
            continue;
        }
        let (prev, kw_start) = if let Some(rest) = body.strip_prefix("#|") {
            p.touch(at, true);
            (true, indent + 2 + (rest.len() - rest.trim_start().len()))
        } else if let Some(rest) = body.strip_prefix('#') {
            p.touch(at, true);
            p.last = None;
            if let Some(flags) = rest.strip_prefix(',') {
                if flags.split(',').any(|f| f.trim() == FLAG_APPROVED) {
                    p.cur.approved = true;
                }
                if flags.split(',').any(|f| f.trim() == "fuzzy") {
                    p.cur.fuzzy = true;
                }
            } else if let Some(refs) = rest.strip_prefix(':') {
                p.cur.refs.extend(refs.split_whitespace().map(String::from));
            } else if !rest.starts_with(['.', '~']) {
                // A translator comment (gettext: `#` and anything but `.:,|~`).
                p.cur
                    .comments
                    .push(rest.strip_prefix(' ').unwrap_or(rest).to_string());
            }
            continue;
        } else {
            (false, indent)
        };
        let rest = &content[kw_start..];
        if rest.starts_with('"') {
            let Some(f) = p.last else {
                p.problems.push(Problem::at(
                    p.pos(ln, line, kw_start),
                    "a string continues no keyword (msgid, msgstr, …)",
                ));
                continue;
            };
            match string(line, kw_start) {
                Ok(s) => {
                    if let Some(v) = p.cur.field(f).as_mut() {
                        v.push_str(&s);
                    }
                }
                Err((col, msg)) => p.problems.push(Problem::at(p.pos(ln, line, col), msg)),
            }
            continue;
        }
        let kw_end = rest.find([' ', '\t']).unwrap_or(rest.len());
        let kw = &rest[..kw_end];
        let kw_at = p.pos(ln, line, kw_start);
        let field = match (prev, kw) {
            (false, "msgctxt") => Field::Ctxt,
            (false, "msgid") => Field::Id,
            (false, "msgid_plural") => Field::IdPlural,
            (false, k) if k == "msgstr" || (k.starts_with("msgstr[") && k.ends_with(']')) => {
                Field::Str
            }
            (true, "msgctxt") => Field::PrevCtxt,
            (true, "msgid") => Field::PrevId,
            (true, "msgid_plural") => Field::PrevIdPlural,
            _ => {
                p.problems.push(Problem::at(
                    kw_at,
                    format!(
                        "expected msgctxt, msgid, msgstr or a quoted string, found `{}`",
                        kw.chars().take(20).collect::<String>()
                    ),
                ));
                p.last = None;
                continue;
            }
        };
        if matches!(field, Field::Ctxt | Field::Id) {
            p.touch(kw_at, false);
        } else if p.cur.at.is_none() {
            p.cur.at = Some(kw_at);
        }
        // Order and repetition: msgctxt? msgid msgstr.
        let dup = match field {
            Field::Ctxt => p.cur.ctxt.is_some() || p.cur.id.is_some(),
            Field::Id => p.cur.id.is_some(),
            Field::Str => {
                if p.cur.id.is_none() {
                    p.problems
                        .push(Problem::at(kw_at, "msgstr without msgid before it"));
                }
                p.cur.msgstr.is_some() && !kw.starts_with("msgstr[")
            }
            _ => false,
        };
        if dup {
            p.problems.push(Problem::at(
                kw_at,
                format!("`{kw}` again: the entry before has no msgstr (is a line missing?)"),
            ));
        }
        if field == Field::Id {
            p.cur.id_at = Some(kw_at);
        }
        if matches!(field, Field::IdPlural) || kw.starts_with("msgstr[") {
            p.cur.plural.get_or_insert(kw_at);
        }
        let s_start =
            kw_start + kw_end + (rest[kw_end..].len() - rest[kw_end..].trim_start().len());
        let value = match string(line, s_start) {
            Ok(s) => s,
            Err((col, msg)) => {
                p.problems.push(Problem::at(p.pos(ln, line, col), msg));
                String::new()
            }
        };
        if field == Field::IdPlural || field == Field::PrevIdPlural {
            p.last = Some(field);
            // Plural strings are not kept; only their presence matters.
            continue;
        }
        if kw.starts_with("msgstr[") && p.cur.msgstr.is_some() {
            p.last = None;
            continue;
        }
        *p.cur.field(field) = Some(value);
        p.last = Some(field);
    }
    if p.cur.id.is_some() && p.cur.msgstr.is_none() {
        let at = p.cur.at.or(p.cur.id_at);
        let end = Pos::of(src, src.trim_end().len());
        p.problems.push(Problem::at(
            end,
            format!(
                "unexpected end of file: the entry at {} has no msgstr (is the file truncated?)",
                at.map(|a| format!("{}:{}", a.line, a.col))
                    .unwrap_or_default()
            ),
        ));
    }
    p.finish_entry();
    let Parser {
        mut problems,
        entries,
        ..
    } = p;
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut units = Vec::new();
    let mut header_seen = false;
    for e in entries {
        let at = e.at.unwrap_or(Pos { line: 1, col: 1 });
        let Some(id) = e.id.clone() else {
            if e.msgstr.is_some() || e.ctxt.is_some() {
                problems.push(Problem::at(at, "entry without msgid"));
            }
            // Comments alone (a file's leading comment) are no entry.
            continue;
        };
        if e.ctxt.is_none() && id.is_empty() {
            header_seen = true;
            // Point at the header field itself where it is found.
            let field_at = |name: &str| {
                src.find(&format!("\n\"{name}:"))
                    .map_or(at, |i| Pos::of(src, i + 1))
            };
            regional = check_header(
                e.msgstr.as_deref().unwrap_or(""),
                field_at,
                target,
                &mut problems,
            );
            continue;
        }
        if let Some(pl) = e.plural {
            problems.push(Problem::at(
                pl,
                "plural entry (msgid_plural/msgstr[n]): dossier messages have no plural forms",
            ));
            continue;
        }
        let Some(ctxt) = e.ctxt.clone() else {
            problems.push(Problem::at(
                at,
                "entry without msgctxt: dossier keeps the message id in msgctxt",
            ));
            continue;
        };
        let doc = e.refs.iter().find_map(|r| {
            let path = r.rsplit_once(':').map_or(r.as_str(), |(p, _)| p);
            path.strip_prefix("source/")
                .and_then(|p| p.strip_suffix(".md"))
                .map(String::from)
        });
        let basis = match (e.fuzzy, e.prev_ctxt, e.prev_id) {
            (false, _, _) => Basis::Confirmed,
            // msgmerge's guess from another message: its translation, its English.
            (true, Some(other), _) if other != ctxt => Basis::OtherMessage(other),
            (true, _, Some(prev)) => Basis::Draft(prev),
            (true, _, None) => Basis::Unconfirmed,
        };
        units.push(Incoming {
            at,
            doc,
            id: ctxt,
            source: id,
            target: e.msgstr.filter(|s| !s.is_empty()),
            basis,
            notes: super::note_lines(e.comments.iter().map(String::as_str)),
            matches: Vec::new(),
            reviewed: e.approved && !e.fuzzy,
        });
    }
    if !header_seen && problems.is_empty() {
        problems.push(Problem::at(
            Pos { line: 1, col: 1 },
            format!("no PO header (msgid \"\"): the file must say `Language: {locale}`"),
        ));
    }
    if problems.is_empty() {
        Ok((units, regional))
    } else {
        Err(problems)
    }
}

/// Checks the header's language and charset; returns the language when it is a regional
/// form of the target's locale.
fn check_header(
    header: &str,
    at: impl Fn(&str) -> Pos,
    target: Target,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let locale = target.locale;
    let mut regional = None;
    let field = |name: &str| {
        header.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim().eq_ignore_ascii_case(name)).then(|| v.trim().to_string())
        })
    };
    match field("Language") {
        Some(l) => match target.check(&l, &format!("the header says `Language: {l}`")) {
            Ok(true) => regional = Some(l),
            Ok(false) => {}
            Err(message) => problems.push(Problem::at(at("Language"), message)),
        },
        None => problems.push(Problem::at(
            at("Language"),
            format!("the PO header has no Language: is this file for `{locale}`?"),
        )),
    }
    if let Some(ct) = field("Content-Type") {
        let charset = ct
            .split(';')
            .find_map(|p| p.trim().strip_prefix("charset="))
            .map(|c| c.trim().to_ascii_lowercase());
        if let Some(c) = charset {
            if c != "utf-8" && c != "utf8" && c != "charset" {
                problems.push(Problem::at(
                    at("Content-Type"),
                    format!("the PO header declares charset {c}: dossier imports UTF-8"),
                ));
            }
        }
    }
    regional
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: Target = Target {
        locale: "fr",
        project: &[],
    };

    const HEAD: &str = "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n";

    #[test]
    fn reads_entries_with_their_basis() {
        let src = format!(
            "{HEAD}\n#: source/doc.md:3\nmsgctxt \"a\"\nmsgid \"\"\n\"One\\n\"\n\"two \\\"q\\\"\"\nmsgstr \"Un\\ndeux\"\n\n#, fuzzy\n#| msgid \"Old\"\nmsgctxt \"b\"\nmsgid \"New\"\nmsgstr \"Vieux\"\n\n#, fuzzy\nmsgctxt \"c\"\nmsgid \"C\"\nmsgstr \"Cé\"\n\n#~ msgctxt \"gone\"\n#~ msgid \"x\"\n#~ msgstr \"y\"\nmsgctxt \"d\"\nmsgid \"D\"\nmsgstr \"\"\n"
        );
        let units = read(&src, FR).map(|r| r.0).map_err(|p| format!("{p:?}"));
        let units = units.as_deref().unwrap_or(&[]);
        type Row<'a> = (
            &'a str,
            Option<&'a str>,
            &'a str,
            Option<&'a str>,
            &'a Basis,
        );
        let got: Vec<Row> = units
            .iter()
            .map(|u| {
                (
                    u.id.as_str(),
                    u.doc.as_deref(),
                    u.source.as_str(),
                    u.target.as_deref(),
                    &u.basis,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "a",
                    Some("doc"),
                    "One\ntwo \"q\"",
                    Some("Un\ndeux"),
                    &Basis::Confirmed
                ),
                ("b", None, "New", Some("Vieux"), &Basis::Draft("Old".into())),
                ("c", None, "C", Some("Cé"), &Basis::Unconfirmed),
                ("d", None, "D", None, &Basis::Confirmed),
            ]
        );
        assert_eq!(units[0].at, Pos { line: 6, col: 1 });
    }

    /// Translator comments are the entry's notes (never its text); msgmerge's guess from
    /// another message (`#| msgctxt` naming it) is only that.
    #[test]
    fn translator_comments_and_guesses_from_other_messages() {
        let src = format!(
            "{HEAD}\n# first note\n#\n#  en: a stamp-like note \n#. extracted\n#: source/doc.md:3\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"Un\"\n\n#, fuzzy\n#| msgctxt \"a\"\n#| msgid \"A\"\nmsgctxt \"b\"\nmsgid \"B\"\nmsgstr \"Un\"\n\n#, fuzzy\n#| msgctxt \"c\"\n#| msgid \"Old C\"\nmsgctxt \"c\"\nmsgid \"C\"\nmsgstr \"Cé\"\n"
        );
        let units = read(&src, FR).map(|r| r.0).map_err(|p| format!("{p:?}"));
        let units = units.as_deref().unwrap_or(&[]);
        let got: Vec<(&str, &[String], &Basis)> = units
            .iter()
            .map(|u| (u.id.as_str(), u.notes.as_slice(), &u.basis))
            .collect();
        let notes = [
            "first note".to_string(),
            "note: en: a stamp-like note".to_string(),
        ];
        assert_eq!(
            got,
            [
                ("a", &notes[..], &Basis::Confirmed),
                ("b", &[][..], &Basis::OtherMessage("a".into())),
                ("c", &[][..], &Basis::Draft("Old C".into())),
            ]
        );
    }

    #[test]
    fn written_strings_read_back() {
        for s in [
            "plain",
            "a\nb\n",
            "q\"\\t\tz",
            "ctl\u{1}x",
            "end\n",
            "\n\nx",
        ] {
            let po = format!("{HEAD}\n{}{}", keyword("msgctxt", "m"), keyword("msgid", s));
            let po = format!("{po}{}", keyword("msgstr", s));
            let units = read(&po, FR).map(|r| r.0).map_err(|p| format!("{p:?}"));
            let got = units
                .ok()
                .and_then(|u| u.first().map(|u| (u.source.clone(), u.target.clone())));
            assert_eq!(got, Some((s.to_string(), Some(s.to_string()))), "{po}");
        }
    }

    #[track_caller]
    fn fails(src: &str, expected: &str) {
        let err = read(src, FR).map(|r| r.0).err().unwrap_or_default();
        let msgs: Vec<String> = err
            .iter()
            .map(|p| match p.at {
                Some(at) => format!("{}:{}: {}", at.line, at.col, p.message),
                None => p.message.clone(),
            })
            .collect();
        assert!(
            msgs.iter().any(|m| m.contains(expected)),
            "expected {expected:?} in {msgs:?}"
        );
    }

    #[test]
    fn bad_files_are_reported_with_positions() {
        fails(
            &format!("{HEAD}\nmsgctxt \"a\"\nmsgid \"A"),
            "7:9: unterminated string",
        );
        fails(
            &format!("{HEAD}\nmsgctxt \"a\"\nmsgid \"A\"\n"),
            "unexpected end of file: the entry at 6:1 has no msgstr",
        );
        fails(
            &format!("{HEAD}\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"x\\q\"\n"),
            "8:10: unknown escape `\\q`",
        );
        fails(
            &format!(
                "{HEAD}\nmsgid \"A\"\nmsgid_plural \"As\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n"
            ),
            "7:1: plural entry",
        );
        fails(
            &format!("{HEAD}\nmsgid \"A\"\nmsgstr \"x\"\n"),
            "6:1: entry without msgctxt",
        );
        fails(
            "msgid \"\"\nmsgstr \"Language: ru\\n\"\n",
            "1:1: wrong language: the header says `Language: ru`, not `fr`",
        );
        fails(
            &format!("{HEAD}\nmsgctxt \"a\"\nfoo \"A\"\n"),
            "7:1: expected msgctxt, msgid, msgstr",
        );
        fails("msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"b\"\n", "no PO header");
    }
}
