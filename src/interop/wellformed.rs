//! The parts of XML 1.0 well-formedness that quick-xml leaves to its user: characters XML
//! cannot hold (raw or as references), element and attribute names, attributes given
//! twice or holding `<` or a bad reference, `]]>` in text, `--` in comments, and XML
//! declarations or processing instructions named `xml` anywhere but at the start.
//!
//! Each function returns problems as (byte offset in the file, message); the reader turns
//! them into positions. A file with any of them is refused whole, as xmllint refuses it
//! (a test holds the two to the same answers).

use quick_xml::events::attributes::AttrError;
use quick_xml::events::BytesStart;

use super::xml_forbidden;

/// The prefix every well-formedness problem's message starts with.
pub const NOT_WELL_FORMED: &str = "not well-formed XML";

/// Characters XML 1.0 forbids even escaped, where they occur raw in the text: C0 controls
/// other than tab, line feed and carriage return, U+FFFE and U+FFFF. One pass over the
/// bytes (all of them are found by their first byte: < 0x20, or 0xEF 0xBF 0xBE/0xBF).
pub fn forbidden_characters(src: &str) -> Vec<(usize, String)> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        let c = match b {
            b'\t' | b'\n' | b'\r' => continue,
            0..=0x1f => char::from(b),
            0xef if bytes.get(i + 1) == Some(&0xbf) => match bytes.get(i + 2) {
                Some(0xbe) => '\u{fffe}',
                Some(0xbf) => '\u{ffff}',
                _ => continue,
            },
            _ => continue,
        };
        out.push((i, forbidden_message(c)));
    }
    out
}

/// Why `c` cannot be in the file, and how XLIFF writes it instead.
fn forbidden_message(c: char) -> String {
    let hex = format!("{:04X}", u32::from(c));
    format!(
        "{NOT_WELL_FORMED}: the character U+{hex} is not allowed in XML 1.0 \
         (XLIFF writes it as <cp hex=\"{hex}\"/>)"
    )
}

/// A character reference's character, when XML allows it; the problem otherwise.
pub fn char_ref(c: char, reference: &str) -> Result<char, String> {
    if xml_forbidden(c) {
        let hex = format!("{:04X}", u32::from(c));
        Err(format!(
            "{NOT_WELL_FORMED}: `&{reference};` names U+{hex}, a character XML 1.0 does not \
             allow, even escaped (XLIFF writes it as <cp hex=\"{hex}\"/>)"
        ))
    } else {
        Ok(c)
    }
}

/// Problems of a start tag (`start` is the offset of its `<`): its name, and each
/// attribute's name and value; an attribute given twice.
pub fn start_tag(e: &BytesStart, start: usize) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let tag: &str = e;
    let name = e.name().as_ref().to_string();
    if !is_name(&name) {
        out.push((
            start + 1,
            format!("{NOT_WELL_FORMED}: `{name}` is not an element name"),
        ));
    }
    // Positions in a tag are counted from the byte after `<`.
    let base = start + 1;
    for a in e.attributes() {
        match a {
            Ok(a) => {
                let key = a.key.as_ref();
                let key_at = base + offset_in(tag, key).unwrap_or(0);
                if !is_name(key) {
                    out.push((
                        key_at,
                        format!("{NOT_WELL_FORMED}: `{key}` is not an attribute name"),
                    ));
                }
                if let Some(message) = attribute_value(&a.value) {
                    out.push((
                        key_at,
                        format!("{NOT_WELL_FORMED}: attribute `{key}`: {message}"),
                    ));
                }
            }
            Err(AttrError::Duplicated(at, _)) => {
                let rest = tag.get(at..).unwrap_or("");
                let key = &rest[..rest.find(['=', ' ', '\t', '\n']).unwrap_or(rest.len())];
                out.push((
                    base + at,
                    format!("{NOT_WELL_FORMED}: attribute `{key}` is given twice in <{name}>"),
                ));
            }
            Err(other) => {
                let at = match other {
                    AttrError::ExpectedEq(p)
                    | AttrError::ExpectedValue(p)
                    | AttrError::UnquotedValue(p)
                    | AttrError::ExpectedQuote(p, _)
                    | AttrError::Duplicated(p, _) => p,
                };
                let text = other.to_string();
                let text = text.split_once(": ").map_or(text.as_str(), |(_, t)| t);
                out.push((base + at, format!("{NOT_WELL_FORMED}: {text}")));
                // The iterator cannot go on after a malformed attribute.
                break;
            }
        }
    }
    out
}

/// Where `inner`, a subslice of `outer`, starts in it.
fn offset_in(outer: &str, inner: &str) -> Option<usize> {
    let start = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    (start + inner.len() <= outer.len()).then_some(start)
}

/// What is wrong with a raw attribute value: a `<`, a `&` that starts no reference, an
/// unknown entity, a reference to a character XML forbids.
fn attribute_value(raw: &str) -> Option<String> {
    if raw.contains('<') {
        return Some("`<` is not allowed in an attribute value (write &lt;)".into());
    }
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        let after = &rest[i + 1..];
        let Some(end) = after.find(';') else {
            return Some("`&` starts no reference (write &amp;)".into());
        };
        let reference = &after[..end];
        if let Some(num) = reference.strip_prefix('#') {
            let code = match num.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            match code.and_then(char::from_u32) {
                Some(c) => {
                    if let Err(message) = char_ref(c, reference) {
                        let message = message
                            .strip_prefix(&format!("{NOT_WELL_FORMED}: "))
                            .unwrap_or(&message)
                            .to_string();
                        return Some(message);
                    }
                }
                None => return Some(format!("`&{reference};` is not a character reference")),
            }
        } else if !matches!(reference, "lt" | "gt" | "amp" | "apos" | "quot") {
            return Some(format!("unknown entity `&{reference};`"));
        }
        rest = &after[end + 1..];
    }
    None
}

/// Where `]]>` occurs in character data (outside CDATA it ends nothing and is forbidden).
pub fn text(raw: &str, start: usize) -> Option<(usize, String)> {
    raw.find("]]>").map(|i| {
        (
            start + i,
            format!("{NOT_WELL_FORMED}: `]]>` is not allowed in text (write ]]&gt;)"),
        )
    })
}

/// A comment holding `--` or ending with `-` (`start` is the offset of `<!--`).
pub fn comment(content: &str, start: usize) -> Option<(usize, String)> {
    let at = content
        .find("--")
        .or_else(|| content.ends_with('-').then(|| content.len() - 1))?;
    Some((
        start + 4 + at,
        format!("{NOT_WELL_FORMED}: `--` is not allowed inside a comment"),
    ))
}

/// Whether `s` is an XML 1.0 Name (namespace prefixes included).
pub fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(name_start) && chars.all(|c| name_start(c) || name_char(c))
}

fn name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

fn name_char(c: char) -> bool {
    matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for ok in ["xliff", "m:note", "_a", "é-1.x", "юнит"] {
            assert!(is_name(ok), "{ok}");
        }
        for bad in ["", "1bad", "-a", ".a", "a b", "a<"] {
            assert!(!is_name(bad), "{bad}");
        }
    }

    #[test]
    fn forbidden_characters_are_found_by_their_bytes() {
        let src = "a\u{1}b\tc\u{fffe}\u{fffd}\u{ffff}\u{7f}";
        let found: Vec<usize> = forbidden_characters(src).iter().map(|p| p.0).collect();
        assert_eq!(found, [1, 5, 11]);
    }

    #[test]
    fn attribute_values() {
        assert_eq!(attribute_value("a &amp; b &#x41; &#66;"), None);
        for (raw, expected) in [
            ("a<b", "`<` is not allowed"),
            ("a & b", "`&` starts no reference"),
            ("&nbsp;", "unknown entity `&nbsp;`"),
            ("&#x1;", "names U+0001, a character XML 1.0 does not allow"),
            ("&#xD800;", "is not a character reference"),
        ] {
            let got = attribute_value(raw).unwrap_or_default();
            assert!(got.contains(expected), "{raw}: {got}");
        }
    }
}
