//! Escaping text for HTML and XML: one function per context, each property-tested against
//! a real parser (html5ever through `scraper`, `quick-xml`), so that every string comes
//! back from the parser exactly as it went in. Editions, the review page and the
//! interchange formats (XLIFF, TMX) all escape through here.

use std::borrow::Cow;

/// `s` with every byte in `special` replaced by `entity(byte)`; borrowed when there is
/// none (nearly always: one scan).
fn replace<'a>(s: &'a str, special: &[u8], entity: fn(u8) -> &'static str) -> Cow<'a, str> {
    let Some(first) = s.bytes().position(|b| special.contains(&b)) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    // Every special byte is ASCII, so cutting at one keeps whole characters.
    let mut start = first;
    for (i, b) in s.bytes().enumerate().skip(first) {
        if special.contains(&b) {
            out.push_str(&s[start..i]);
            out.push_str(entity(b));
            start = i + 1;
        }
    }
    out.push_str(&s[start..]);
    Cow::Owned(out)
}

/// HTML text and double- or single-quoted attribute values: `& < > " '` as references,
/// and CR as `&#13;` (a parser turns a raw CR into LF).
pub fn html(s: &str) -> Cow<'_, str> {
    replace(s, b"&<>\"'\r", |b| match b {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        b'\'' => "&#39;",
        _ => "&#13;",
    })
}

const XML_TEXT: &[u8] = b"&<>\"\r";

fn xml_entity(b: u8) -> &'static str {
    match b {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        b'\r' => "&#13;",
        b'\n' => "&#10;",
        _ => "&#9;",
    }
}

/// XML character data: `& < > "` as references, and CR as `&#13;` (a parser turns a raw
/// CR into LF). Characters XML cannot hold at all are the caller's to avoid
/// (`interop::xml_forbidden`).
pub fn xml_text(s: &str) -> Cow<'_, str> {
    replace(s, XML_TEXT, xml_entity)
}

/// An XML attribute value in double quotes: as `xml_text`, and LF and tab as references
/// too (a parser turns raw ones into spaces: attribute-value normalisation).
pub fn xml_attr(s: &str) -> Cow<'_, str> {
    replace(s, b"&<>\"\r\n\t", xml_entity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Strings with every special character, controls, and letters of several scripts.
    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-zé€яә&<>\"'\\r\\n\\t \\x01-\\x08=;#/!?-]{0,24}")
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn html_round_trip(s: &str) -> (String, String) {
        let page = format!("<p title=\"{0}\" data-x='{0}'>{0}</p>", html(s));
        let doc = scraper::Html::parse_fragment(&page);
        let sel = scraper::Selector::parse("p").unwrap_or_else(|e| panic!("{e:?}"));
        let p = doc
            .select(&sel)
            .next()
            .unwrap_or_else(|| panic!("no p in {page}"));
        assert_eq!(p.value().attr("data-x"), p.value().attr("title"));
        (
            p.text().collect(),
            p.value().attr("title").unwrap_or_default().to_string(),
        )
    }

    /// The text and the one attribute of `<e a="…">…</e>` as quick-xml reads them.
    fn xml_round_trip(doc: &str) -> (String, String) {
        use quick_xml::events::Event;
        let mut reader = quick_xml::Reader::from_str(doc);
        let (mut text, mut attr) = (String::new(), String::new());
        loop {
            match reader.read_event().unwrap_or_else(|e| panic!("{doc}: {e}")) {
                Event::Start(e) => {
                    for a in e.attributes() {
                        let a = a.unwrap_or_else(|e| panic!("{doc}: {e}"));
                        let v = a
                            .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                            .unwrap_or_else(|e| panic!("{doc}: {e}"));
                        attr.push_str(&v);
                    }
                }
                Event::Text(t) => text.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => {
                    if let Some(c) = r.resolve_char_ref().unwrap_or_else(|e| panic!("{e}")) {
                        text.push(c);
                    } else {
                        let name = r.xml10_content();
                        let entity = quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_else(|| panic!("{doc}: &{name};"));
                        text.push_str(entity);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        (text, attr)
    }

    proptest! {
        /// html5ever reads back every string escaped for text and for attributes.
        #[test]
        fn html_escaping_round_trips_through_html5ever(s in text()) {
            let (t, a) = html_round_trip(&s);
            prop_assert_eq!(&t, &s);
            prop_assert_eq!(&a, &s);
        }

        /// quick-xml reads back every string escaped for text and for attributes
        /// (attribute values normalised as XML 1.0 says).
        #[test]
        fn xml_escaping_round_trips_through_quick_xml(s in text()) {
            // Controls other than tab, LF and CR are not XML characters at all.
            let s: String = s.chars().filter(|c| *c >= ' ' || "\t\n\r".contains(*c)).collect();
            let doc = format!("<e a=\"{}\">{}</e>", xml_attr(&s), xml_text(&s));
            let (t, a) = xml_round_trip(&doc);
            prop_assert_eq!(&t, &s);
            prop_assert_eq!(&a, &s);
        }
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(html("Opposition au régime"), Cow::Borrowed(_)));
        assert!(matches!(xml_attr("fr-FR"), Cow::Borrowed(_)));
        assert_eq!(html("a<b & 'c'"), "a&lt;b &amp; &#39;c&#39;");
        assert_eq!(xml_text("a\r\nb"), "a&#13;\nb");
        assert_eq!(xml_attr("a\tb\n"), "a&#9;b&#10;");
    }
}
