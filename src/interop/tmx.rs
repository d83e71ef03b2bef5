//! TMX 1.4b: every up-to-date pair as a translation memory for CAT tools. One `<tu>` per
//! message (`tuid` = document/id), English first. Export only: a memory is loaded into a
//! CAT tool, not imported back.

use super::{xml_forbidden, DocUnits};
use crate::config::REFERENCE;
use crate::escape::{xml_attr, xml_text};
use crate::plan::State;

pub fn write(docs: &[DocUnits], locale: &str) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    out.push_str(&format!(
        "  <header creationtool=\"dossier\" creationtoolversion=\"{}\" datatype=\"plaintext\" segtype=\"block\" adminlang=\"{REFERENCE}\" srclang=\"{REFERENCE}\" o-tmf=\"dossier\"/>\n",
        env!("CARGO_PKG_VERSION")
    ));
    out.push_str("  <body>\n");
    for d in docs {
        for u in &d.units {
            let (State::Translated, Some(t)) = (u.state, u.translation) else {
                continue;
            };
            // TMX has no escape for characters XML cannot hold: such a pair is left out.
            if u.english.chars().chain(t.chars()).any(xml_forbidden) {
                continue;
            }
            out.push_str(&format!(
                "    <tu tuid=\"{}/{}\">\n      <prop type=\"x-document\">{}</prop>\n",
                xml_attr(d.name),
                xml_attr(u.id),
                xml_text(d.name)
            ));
            for (lang, text) in [(REFERENCE, u.english), (locale, t)] {
                out.push_str(&format!(
                    "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n",
                    xml_attr(lang),
                    xml_text(text)
                ));
            }
            out.push_str("    </tu>\n");
        }
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}
