//! XLIFF 2.0 (OASIS, core only): one `<file>` per document, one `<unit>` per message.
//!
//! States: missing → `initial` with no target; stale → `initial`, `subState="dossier:stale"`,
//! the translation as target and a note (category `en-as-translated`) holding the English
//! it was made from; up to date → `translated`. On import the note alone makes an `initial`
//! unit still stale (subState is informative). Inline Markdown stays text. Reading accepts
//! what CAT tools add: other namespaces (skipped), groups, several segments per unit,
//! `<mrk>`/`<pc>` (their text kept), `<cp>`, CDATA.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::wellformed::{self, NOT_WELL_FORMED};
use super::{
    is_english, xml_forbidden, Basis, DocUnits, Incoming, Pos, Problem, Target,
    NOTE_EN_AS_TRANSLATED, SUBSTATE_STALE,
};
use crate::config::REFERENCE;
use crate::escape::{xml_attr, xml_text};
use crate::plan::State;

pub const NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// The Translation Candidates module: matches a CAT tool offers, never translations.
const NS_MATCHES: &str = "urn:oasis:names:tc:xliff:matches:2.0";
const NS_12: &str = "urn:oasis:names:tc:xliff:document:1.2";
/// The subState of a translation a reviewer rejected (its note says why).
const SUBSTATE_REJECTED: &str = "dossier:rejected";
/// The category of the note that carries a rejection.
const NOTE_REVIEW: &str = "dossier:review";

/// Writes the units as an XLIFF 2.0 document.
pub fn write(docs: &[DocUnits], locale: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<xliff xmlns=\"{NS}\" version=\"2.0\" srcLang=\"{REFERENCE}\" trgLang=\"{}\" xml:space=\"preserve\">\n",
        xml_attr(locale)
    ));
    for d in docs {
        out.push_str(&format!(
            "  <file id=\"{}\" original=\"source/{}.md\">\n",
            xml_attr(d.name),
            xml_attr(d.name)
        ));
        if d.units.is_empty() {
            // A file needs one unit at least: an empty group says "nothing here".
            out.push_str("    <group id=\"empty\"/>\n");
        }
        for u in &d.units {
            out.push_str(&format!(
                "    <unit id=\"{}\" type=\"dossier:{}\">\n",
                xml_attr(u.id),
                u.class
            ));
            let mut notes = Vec::new();
            if let State::Stale { before, .. } = u.state {
                if !before.chars().any(xml_forbidden) {
                    notes.push(format!(
                        "<note category=\"{NOTE_EN_AS_TRANSLATED}\" appliesTo=\"source\">{}</note>",
                        xml_text(before)
                    ));
                }
            }
            if let Some(r) = u
                .review
                .as_ref()
                .filter(|r| r.verdict == crate::approval::Verdict::Rejected)
            {
                let text = format!(
                    "rejected by {} on {}: {}",
                    r.by,
                    r.date,
                    r.note.as_deref().unwrap_or("")
                );
                if !text.chars().any(xml_forbidden) {
                    notes.push(format!(
                        "<note category=\"{NOTE_REVIEW}\">{}</note>",
                        xml_text(&text)
                    ));
                }
            }
            for n in &u.notes {
                if !n.chars().any(xml_forbidden) {
                    notes.push(format!(
                        "<note category=\"translator\">{}</note>",
                        xml_text(n)
                    ));
                }
            }
            if !notes.is_empty() {
                out.push_str("      <notes>\n");
                for n in notes {
                    out.push_str(&format!("        {n}\n"));
                }
                out.push_str("      </notes>\n");
            }
            let approved = u
                .review
                .as_ref()
                .is_some_and(|r| r.verdict == crate::approval::Verdict::Approved);
            let rejected = u
                .review
                .as_ref()
                .filter(|r| r.verdict == crate::approval::Verdict::Rejected);
            let state = match u.state {
                State::Translated if approved => "state=\"reviewed\"".to_string(),
                State::Translated if rejected.is_some() => {
                    format!("state=\"translated\" subState=\"{SUBSTATE_REJECTED}\"")
                }
                State::Translated => "state=\"translated\"".to_string(),
                State::Stale { .. } => format!("state=\"initial\" subState=\"{SUBSTATE_STALE}\""),
                State::Missing => "state=\"initial\"".to_string(),
            };
            out.push_str(&format!("      <segment {state}>\n"));
            out.push_str(&format!(
                "        <source>{}</source>\n",
                content(u.english)
            ));
            if let Some(t) = u.translation {
                out.push_str(&format!("        <target>{}</target>\n", content(t)));
            }
            out.push_str("      </segment>\n    </unit>\n");
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

/// Text as XLIFF content: escaped, with characters XML cannot hold as `<cp hex>`.
fn content(s: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    for c in s.chars() {
        if xml_forbidden(c) {
            out.push_str(&xml_text(&run));
            run.clear();
            out.push_str(&format!("<cp hex=\"{:04X}\"/>", c as u32));
        } else {
            run.push(c);
        }
    }
    out.push_str(&xml_text(&run));
    out
}

/// The parts of a unit being read.
#[derive(Default)]
struct UnitAcc {
    at: Option<Pos>,
    id: String,
    doc: Option<String>,
    source: String,
    target: String,
    /// A segment (not an ignorable) had no target.
    missing_target: bool,
    any_target: bool,
    /// The lowest state of its segments: 0 initial, 1 translated, 2 reviewed, 3 final.
    state: u8,
    en_as_translated: Option<String>,
    /// Its other notes, as written.
    notes: Vec<String>,
    /// Matches naming another unit: (where, that unit).
    matches: Vec<(Pos, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Text {
    None,
    Source,
    Target,
    Note,
}

struct Reader<'a> {
    src: &'a str,
    /// Positions are asked in file order: counted once (see `lines::Positions`).
    positions: crate::lines::Positions<'a>,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn pos(&mut self, offset: u64) -> Pos {
        let offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.src.len());
        // Point at the markup itself, not at the whitespace before it.
        let skip = self.src[offset..].len() - self.src[offset..].trim_start().len();
        let (line, col) = self.positions.line_col(offset + skip);
        Pos { line, col }
    }

    fn problem(&mut self, offset: u64, message: impl Into<String>) {
        let at = self.pos(offset);
        self.problems.push(Problem::at(at, message));
    }

    /// Text (or a reference, a CDATA section) before the root element or after its end.
    fn text_outside_root(&mut self, offset: u64, root_closed: bool) {
        let place = if root_closed {
            "after the end of"
        } else {
            "before"
        };
        self.problem(
            offset,
            format!("{NOT_WELL_FORMED}: text {place} the root element"),
        );
    }

    /// A problem at exactly this byte (a character, an attribute).
    fn problem_exact(&mut self, offset: usize, message: String) {
        let (line, col) = self.positions.line_col(offset);
        self.problems.push(Problem::at(Pos { line, col }, message));
    }

    /// Where the markup starting at or after `offset` (after white space) is.
    fn markup_at(&self, offset: u64) -> usize {
        let offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.src.len());
        offset + (self.src[offset..].len() - self.src[offset..].trim_start().len())
    }
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn in_ns(ns: &ResolveResult, uri: &str) -> bool {
    matches!(ns, ResolveResult::Bound(n) if n.as_ref() == uri)
}

/// Reads the translations of an XLIFF 2.0 document for the target's locale, and the
/// file's `trgLang` when it is a regional form of that locale.
pub fn read(src: &str, target: Target) -> Result<(Vec<Incoming>, Option<String>), Vec<Problem>> {
    let locale = target.locale;
    let mut regional = None;
    let mut r = Reader {
        src,
        positions: crate::lines::Positions::new(src),
        problems: Vec::new(),
    };
    let mut xml = NsReader::from_str(src);
    xml.config_mut().check_end_names = true;
    let mut units: Vec<Incoming> = Vec::new();
    // Open elements: (local name, offset of its start, in the XLIFF namespace).
    let mut stack: Vec<(String, u64, bool)> = Vec::new();
    let mut skip_depth = 0usize; // inside an element of another namespace
    let mut doc: Option<String> = None;
    let mut unit: Option<UnitAcc> = None;
    let mut text = Text::None;
    let mut note_is_en = false;
    // A review note dossier wrote (a rejection's reason): the review line says it already.
    let mut note_is_review = false;
    let mut note = String::new();
    let mut seg_has_target = false;
    let mut in_segment = false;
    let mut seg_source_start = 0usize;
    let mut seen_root = false;
    let mut root_closed = false;
    // Characters XML cannot hold make the file not well-formed wherever they are.
    for (at, message) in wellformed::forbidden_characters(src) {
        r.problem_exact(at, message);
    }
    loop {
        let start = xml.buffer_position();
        let (ns, event) = match xml.read_resolved_event() {
            Ok((ns, ev)) => (ns, ev),
            Err(e) => {
                let at = xml.error_position();
                let mut message = format!("not well-formed XML: {e}");
                if xml.buffer_position() as usize >= src.trim_end().len() {
                    message.push_str(" (is the file truncated?)");
                }
                r.problem(at, message);
                break;
            }
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.local_name().as_ref().to_string();
                let ours = in_ns(&ns, super::xliff::NS);
                let lt = r.markup_at(start);
                for (at, message) in wellformed::start_tag(e, lt) {
                    r.problem_exact(at, message);
                }
                if root_closed {
                    r.problem(
                        start,
                        format!("{NOT_WELL_FORMED}: an element <{name}> after the end of the root element"),
                    );
                    break;
                }
                if !empty {
                    stack.push((name.clone(), start, ours));
                }
                if in_ns(&ns, NS_MATCHES) && name == "match" {
                    // Skipped with its namespace; reported when it names another unit.
                    let this = unit.as_ref().map(|u| (u.id.clone(), u.doc.clone()));
                    let other = attr(e, "ref").and_then(|r| {
                        this.as_ref()
                            .and_then(|(id, doc)| other_unit(&r, id, doc.as_deref()))
                    });
                    if let Some(other) = other {
                        let at = r.pos(start);
                        if let Some(u) = unit.as_mut() {
                            u.matches.push((at, other));
                        }
                    }
                }
                if skip_depth > 0 {
                    if !empty {
                        skip_depth += 1;
                    }
                    continue;
                }
                if !seen_root {
                    seen_root = true;
                    if name != "xliff" {
                        r.problem(
                            start,
                            format!("not an XLIFF file: the root element is <{name}>"),
                        );
                        break;
                    }
                    if in_ns(&ns, NS_12) || attr(e, "version").is_some_and(|v| v.starts_with('1')) {
                        r.problem(start, "this is XLIFF 1.x: dossier reads XLIFF 2.0 (ask your tool for XLIFF 2)");
                        break;
                    }
                    if !ours {
                        r.problem(
                            start,
                            format!("<xliff> is not in the XLIFF 2.0 namespace ({NS})"),
                        );
                        break;
                    }
                    match attr(e, "srcLang") {
                        Some(l) if is_english(&l) => {}
                        Some(l) => r.problem(
                            start,
                            format!(
                                "wrong source language: srcLang=\"{l}\", expected \"{REFERENCE}\""
                            ),
                        ),
                        None => r.problem(start, "<xliff> has no srcLang"),
                    }
                    match attr(e, "trgLang") {
                        Some(l) => {
                            match target.check(&l, &format!("the file is for trgLang=\"{l}\"")) {
                                Ok(true) => regional = Some(l),
                                Ok(false) => {}
                                Err(message) => r.problem(start, message),
                            }
                        }
                        None => r.problem(
                            start,
                            format!("<xliff> has no trgLang: is this file for `{locale}`?"),
                        ),
                    }
                    if !r.problems.is_empty() {
                        break;
                    }
                    continue;
                }
                if !ours {
                    if text == Text::Source || text == Text::Target {
                        r.problem(
                            start,
                            format!(
                                "unexpected element <{name}> of another namespace inside <{}>",
                                if text == Text::Source {
                                    "source"
                                } else {
                                    "target"
                                }
                            ),
                        );
                    }
                    if !empty {
                        skip_depth = 1;
                    }
                    continue;
                }
                match (name.as_str(), text) {
                    ("file", Text::None) => doc = attr(e, "id"),
                    ("unit", Text::None) => {
                        let Some(id) = attr(e, "id") else {
                            r.problem(start, "<unit> without id");
                            continue;
                        };
                        unit = Some(UnitAcc {
                            at: Some(r.pos(start)),
                            id,
                            doc: doc.clone(),
                            state: u8::MAX,
                            ..UnitAcc::default()
                        });
                        if empty {
                            r.problem(start, "<unit> without segment");
                            unit = None;
                        }
                    }
                    ("segment" | "ignorable", Text::None) => {
                        let Some(u) = unit.as_mut() else { continue };
                        in_segment = name == "segment";
                        seg_has_target = false;
                        seg_source_start = u.source.len();
                        if in_segment {
                            let state = match attr(e, "state").as_deref() {
                                None | Some("initial") => 0,
                                Some("translated") => 1,
                                Some("reviewed") => 2,
                                Some("final") => 3,
                                Some(other) => {
                                    r.problem(start, format!("unknown segment state \"{other}\""));
                                    0
                                }
                            };
                            u.state = u.state.min(state);
                        }
                    }
                    ("source", Text::None) if unit.is_some() && !empty => text = Text::Source,
                    ("target", Text::None) if unit.is_some() => {
                        if attr(e, "order").is_some() {
                            r.problem(
                                start,
                                "<target order> (reordered segments) is not supported",
                            );
                        }
                        seg_has_target = true;
                        if let Some(u) = unit.as_mut() {
                            u.any_target = true;
                        }
                        if !empty {
                            text = Text::Target;
                        }
                    }
                    ("note", Text::None) => {
                        note_is_en = unit.is_some()
                            && attr(e, "category").as_deref() == Some(NOTE_EN_AS_TRANSLATED);
                        note_is_review = attr(e, "category").as_deref() == Some(NOTE_REVIEW);
                        note.clear();
                        if !empty {
                            text = Text::Note;
                        }
                    }
                    ("cp", Text::Source | Text::Target) => {
                        let c = attr(e, "hex")
                            .and_then(|h| u32::from_str_radix(&h, 16).ok())
                            .and_then(char::from_u32);
                        match c {
                            Some(c) => push_text(&mut unit, text, &c.to_string()),
                            None => r.problem(start, "<cp> with a bad hex value"),
                        }
                    }
                    // Annotations: their content is the text.
                    ("mrk" | "pc" | "sm" | "em", Text::Source | Text::Target) => {}
                    ("ph" | "sc" | "ec", Text::Source | Text::Target) => {
                        r.problem(start, format!("inline code <{name}>: dossier exports plain text with inline Markdown and cannot place codes; write the Markdown as text"));
                    }
                    (other, Text::Source | Text::Target | Text::Note) => {
                        r.problem(start, format!("unexpected <{other}> inside text"));
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => {
                let name = e.local_name().as_ref().to_string();
                stack.pop();
                root_closed = stack.is_empty();
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                match name.as_str() {
                    "source" | "target" if text != Text::Note => text = Text::None,
                    "note" => {
                        text = Text::None;
                        if let Some(u) = unit.as_mut() {
                            if note_is_en {
                                u.en_as_translated = Some(note.clone());
                            } else if !note_is_review {
                                u.notes.push(note.clone());
                            }
                        }
                    }
                    "segment" | "ignorable" => {
                        if let Some(u) = unit.as_mut() {
                            if in_segment && !seg_has_target {
                                u.missing_target = true;
                            } else if !in_segment && !seg_has_target {
                                // An ignorable without target stands for itself.
                                let s = u.source.get(seg_source_start..).unwrap_or("").to_string();
                                u.target.push_str(&s);
                            }
                        }
                        in_segment = false;
                    }
                    "unit" => {
                        if let Some(u) = unit.take() {
                            if let Some(inc) = finish(&mut r, u, start) {
                                units.push(inc);
                            }
                        }
                    }
                    "file" => doc = None,
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some((at, message)) = wellformed::text(&t, start as usize) {
                    r.problem_exact(at, message);
                }
                if (root_closed || !seen_root) && !t.trim().is_empty() {
                    r.text_outside_root(start, root_closed);
                }
                if skip_depth == 0 {
                    let s = t.xml10_content();
                    if text == Text::Note {
                        note.push_str(&s);
                    } else if text != Text::None {
                        push_text(&mut unit, text, &s);
                    } else if !s.trim().is_empty() && seen_root {
                        r.problem(start, "text outside of <source>, <target> or <note>");
                    }
                }
            }
            Event::CData(t) => {
                if root_closed || !seen_root {
                    r.text_outside_root(start, root_closed);
                }
                if skip_depth == 0 {
                    let s = t.xml10_content();
                    if text == Text::Note {
                        note.push_str(&s);
                    } else {
                        push_text(&mut unit, text, &s);
                    }
                }
            }
            Event::GeneralRef(g) => {
                if root_closed || !seen_root {
                    r.text_outside_root(start, root_closed);
                }
                let s = match g.resolve_char_ref() {
                    Ok(Some(c)) => match wellformed::char_ref(c, &g) {
                        Ok(c) => Some(c.to_string()),
                        Err(message) => {
                            r.problem(start, message);
                            continue;
                        }
                    },
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&g).map(String::from),
                    Err(_) => None,
                };
                match s {
                    Some(s) if skip_depth == 0 => {
                        if text == Text::Note {
                            note.push_str(&s);
                        } else {
                            push_text(&mut unit, text, &s);
                        }
                    }
                    Some(_) => {}
                    None => r.problem(
                        start,
                        format!(
                            "{NOT_WELL_FORMED}: unknown entity or bad character reference `&{};`",
                            &*g
                        ),
                    ),
                }
            }
            Event::Decl(d) => {
                if start != 0 {
                    r.problem(
                        start,
                        format!("{NOT_WELL_FORMED}: the XML declaration <?xml …?> may only open the file"),
                    );
                    break;
                }
                if let Some(Ok(enc)) = d.encoding() {
                    let enc = enc.to_ascii_lowercase();
                    if enc != "utf-8" && enc != "utf8" {
                        r.problem(
                            start,
                            format!("the file declares encoding \"{enc}\": dossier imports UTF-8"),
                        );
                        break;
                    }
                }
            }
            Event::DocType(_) => {
                r.problem(start, "a DOCTYPE declaration is not expected in XLIFF 2.0");
                break;
            }
            Event::Eof => {
                if !seen_root {
                    r.problem(start, "not an XLIFF file: no root element");
                } else if let Some((name, at, _)) = stack.last() {
                    let open = r.pos(*at);
                    r.problem(
                        start,
                        format!(
                            "unexpected end of file: <{name}> opened at {}:{} is not closed (is the file truncated?)",
                            open.line, open.col
                        ),
                    );
                }
                break;
            }
            Event::Comment(c) => {
                if let Some((at, message)) = wellformed::comment(&c, r.markup_at(start)) {
                    r.problem_exact(at, message);
                }
            }
            Event::PI(pi) => {
                if pi.target().eq_ignore_ascii_case("xml") {
                    r.problem(
                        start,
                        format!("{NOT_WELL_FORMED}: the XML declaration <?xml …?> may only open the file"),
                    );
                }
            }
        }
    }
    if r.problems.is_empty() {
        Ok((units, regional))
    } else {
        // In file order: characters found before parsing, then what the parser met.
        r.problems.sort_by_key(|p| p.at);
        Err(r.problems)
    }
}

fn push_text(unit: &mut Option<UnitAcc>, text: Text, s: &str) {
    if let Some(u) = unit.as_mut() {
        match text {
            Text::Source => u.source.push_str(s),
            Text::Target => u.target.push_str(s),
            _ => {}
        }
    }
}

fn finish(r: &mut Reader, u: UnitAcc, end: u64) -> Option<Incoming> {
    let at = u.at.unwrap_or_else(|| r.pos(end));
    if u.state == u8::MAX {
        r.problems
            .push(Problem::at(at, format!("unit `{}` has no <segment>", u.id)));
        return None;
    }
    let target = if u.any_target && !u.missing_target {
        Some(u.target)
    } else {
        None
    };
    let basis = if u.state >= 1 {
        Basis::Confirmed
    } else {
        // The note is the record of the English the translation was made from; subState
        // is not needed (a CAT tool may drop a value it does not know, or rewrite it).
        match u.en_as_translated {
            Some(en) => Basis::Draft(en),
            None => Basis::Unconfirmed,
        }
    };
    Some(Incoming {
        at,
        doc: u.doc,
        id: u.id,
        source: u.source,
        target,
        basis,
        notes: super::note_lines(u.notes.iter().map(String::as_str)),
        matches: u.matches,
        reviewed: u.state >= 2,
    })
}

/// The unit an XLIFF fragment identifier (`#/f=FILE/u=UNIT/…`) names, when it is not the
/// unit `id` of the document `doc` (a plain `#id` names something inside this unit).
fn other_unit(reference: &str, id: &str, doc: Option<&str>) -> Option<String> {
    let path = reference.strip_prefix("#/")?;
    let mut file = None;
    let mut unit = None;
    for part in path.split('/') {
        if let Some(f) = part.strip_prefix("f=") {
            file = Some(f);
        } else if let Some(u) = part.strip_prefix("u=") {
            unit = Some(u);
        }
    }
    let unit = unit?;
    let same_file = file.is_none_or(|f| Some(f) == doc);
    (unit != id || !same_file).then(|| match file {
        Some(f) if !same_file => format!("{f}/{unit}"),
        _ => unit.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: Target = Target {
        locale: "fr",
        project: &[],
    };

    const FILE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:m="urn:x" version="2.0" srcLang="en" trgLang="fr">
  <file id="doc">
    <m:meta><m:x>ignored <unit/></m:x></m:meta>
    <group id="g">
      <unit id="a">
        <notes><note category="en-as-translated">Old &amp; gone</note></notes>
        <segment state="initial" subState="dossier:stale">
          <source>New &lt;b&gt;</source>
          <target>Nouveau <mrk id="m1" type="term">terme</mrk><cp hex="0001"/></target>
        </segment>
      </unit>
    </group>
    <unit id="b">
      <segment state="final"><source>One. </source><target>Un. </target></segment>
      <ignorable><source>  </source></ignorable>
      <segment state="translated"><source><![CDATA[Two <x>]]></source><target>Deux</target></segment>
    </unit>
    <unit id="c"><segment><source>Three</source></segment></unit>
  </file>
</xliff>
"#;

    #[test]
    fn reads_what_cat_tools_write() {
        let units = read(FILE, FR).map(|r| r.0).map_err(|p| format!("{p:?}"));
        let units = units.as_deref().unwrap_or(&[]);
        let got: Vec<(&str, &str, Option<&str>, &Basis)> = units
            .iter()
            .map(|u| {
                (
                    u.id.as_str(),
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
                    "New <b>",
                    Some("Nouveau terme\u{1}"),
                    &Basis::Draft("Old & gone".into())
                ),
                ("b", "One.   Two <x>", Some("Un.   Deux"), &Basis::Confirmed),
                ("c", "Three", None, &Basis::Unconfirmed),
            ]
        );
        assert_eq!(units[0].at, Pos { line: 6, col: 7 });
        assert_eq!(units[0].doc.as_deref(), Some("doc"));
    }

    /// Unit notes other than the en-as-translated one are its notes, line by line; matches
    /// of the Translation Candidates module are never targets, and one naming another unit
    /// is recorded.
    #[test]
    fn notes_and_matches() {
        let src = r##"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.0" srcLang="en" trgLang="fr">
<file id="doc"><notes><note>about the file</note></notes>
<unit id="a"><mtc:matches><mtc:match ref="#/f=doc/u=b"><source>B</source><target>Bé</target></mtc:match><mtc:match ref="#m1"><source>A</source><target>Aa</target></mtc:match></mtc:matches>
<notes><note category="en-as-translated">Old</note><note>one
 two </note><note/><note>one</note></notes>
<segment><source>A</source></segment></unit>
</file></xliff>"##;
        let units = read(src, FR).map(|r| r.0).unwrap_or_default();
        assert_eq!(units.len(), 1);
        let u = &units[0];
        assert_eq!(u.target, None);
        assert_eq!(u.notes, ["one", "two"]);
        assert_eq!(u.matches, [(Pos { line: 3, col: 27 }, "b".to_string())]);
        assert_eq!(u.basis, Basis::Draft("Old".into()));
        assert_eq!(other_unit("#/f=doc/u=a/s1", "a", Some("doc")), None);
        assert_eq!(other_unit("#/u=b", "a", Some("doc")), Some("b".into()));
        assert_eq!(
            other_unit("#/f=x/u=a", "a", Some("doc")),
            Some("x/a".into())
        );
        assert_eq!(other_unit("#m1", "a", Some("doc")), None);
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
        let head = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\">";
        fails(
            &format!("{head}\n<file id=\"d\">\n<unit id=\"a\">"),
            "3:14: unexpected end of file: <unit> opened at 3:1",
        );
        fails("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"ru\"/>", "1:1: wrong language: the file is for trgLang=\"ru\", not `fr`");
        fails(
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>",
            "XLIFF 1.x",
        );
        fails(&format!("{head}\n<file id=\"d\"><unit id=\"a\"><segment><source>a &nbsp; b</source></segment></unit></file></xliff>"), "2:46: not well-formed XML: unknown entity");
        fails(
            &format!("{head}\n<file id=\"d\"></fil></xliff>"),
            "not well-formed XML",
        );
        fails(&format!("{head}\n<file id=\"d\"><unit id=\"a\"><segment><source>a <ph id=\"1\"/></source></segment></unit></file></xliff>"), "inline code <ph>");
    }
}
