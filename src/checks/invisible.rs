//! `invisible`: characters nobody can see, and text that is not in NFC.
//!
//! ## What it does
//! Reports bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
//! U+061C), zero-width characters (U+200B–U+200D, U+2060, U+FEFF), soft hyphens (U+00AD),
//! other control characters, and letters written decomposed (`й` as `и` + U+0306) where
//! NFC has one character. The fix removes the character or composes the letters, and
//! `--fix` applies it.
//!
//! ## Why it matters
//! Invisible characters come in with copy and paste from PDFs, web pages and word
//! processors. They break search, glossary and spell checks (`Абля\u{200B}зов` is not
//! `Аблязов`), and bidi controls can reorder what a reader sees. A decomposed letter
//! looks right but compares unequal to the same word typed normally.
//!
//! ## Example
//! ```ftl
//! # en: Mukhtar Ablyazov
//! name = Мухтар Абля<U+200B>зов
//! ```
//! (with a real U+200B where `<U+200B>` stands) `error[invisible]: invisible character
//! U+200B ZERO WIDTH SPACE`; fix: remove it.

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::{Finding, Msg};

const CODE: &str = "invisible";

/// The name of an invisible or control character, if `c` is one.
pub fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{2060}' => "WORD JOINER",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE (BOM)",
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{034F}' => "COMBINING GRAPHEME JOINER",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "HANGUL FILLER",
        '\u{17B4}' | '\u{17B5}' => "KHMER INVISIBLE VOWEL",
        '\u{2061}'..='\u{2064}' => "INVISIBLE OPERATOR",
        '\u{FFF9}'..='\u{FFFB}' => "INTERLINEAR ANNOTATION CONTROL",
        c if (c.is_control() && c != '\n' && c != '\t') => "CONTROL CHARACTER",
        _ => return None,
    })
}

/// The ranges that hold every character `name` knows (controls are C0 and C1): the rest
/// of a text is passed over without the full match.
#[inline]
fn may_be_invisible(c: char) -> bool {
    matches!(c as u32, 0..=0x1F | 0x7F..=0xAD | 0x34F | 0x61C | 0x115F..=0x1160
        | 0x17B4..=0x17B5 | 0x180E | 0x200B..=0x206F | 0x3164 | 0xFEFF | 0xFFA0
        | 0xFFF9..=0xFFFB)
}

/// The bytes whose character `check` decodes: not printable ASCII, a continuation byte
/// or the lead of a two-byte block without an invisible character (U+00C0–U+02FF,
/// U+0380–U+05FF). The others are passed over sixteen at a time (`text::find_byte`).
#[inline]
fn looked_at(x: u8) -> bool {
    (x < 0x20) | (x == 0x7F) | (x.wrapping_sub(0xC0) < 3) | (x == 0xCC) | (x == 0xCD) | (x >= 0xD8)
}

pub fn is_invisible(c: char) -> bool {
    name(c).is_some()
}

pub fn check(m: &Msg) -> Vec<Finding> {
    let mut out = Vec::new();
    let b = m.text.as_bytes();
    let mut i = 0;
    while let Some(at) = crate::text::find_byte(b, i, looked_at) {
        i = at;
        let c = m.text[i..].chars().next().unwrap_or(' ');
        let at = i;
        i += c.len_utf8().max(1);
        if !may_be_invisible(c) {
            continue;
        }
        let i = at;
        if let Some(n) = name(c) {
            out.push(
                Finding::error(
                    CODE,
                    i..i + c.len_utf8(),
                    format!("invisible character U+{:04X} {n}", c as u32),
                )
                .auto_fix("", format!("remove U+{:04X}", c as u32)),
            );
        }
    }
    if !m.is_nfc().0 {
        for (i, g) in m.text.grapheme_indices(true) {
            let nfc: String = g.nfc().collect();
            if nfc != g {
                let codes: Vec<String> = g.chars().map(|c| format!("U+{:04X}", c as u32)).collect();
                out.push(
                    Finding::error(
                        CODE,
                        i..i + g.len(),
                        format!(
                            "`{g}` is written decomposed ({}): NFC has `{nfc}`",
                            codes.join(" + ")
                        ),
                    )
                    .auto_fix(nfc.clone(), format!("write `{nfc}` as one character (NFC)")),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// The ranges `check` looks at hold every character `name` knows, and none is in
    /// what it passes over unread.
    #[test]
    fn every_named_character_is_looked_at() {
        for x in 0..=255u8 {
            let passed = matches!(x, 0x20..=0x7E | 0x80..=0xBF | 0xC3..=0xCB | 0xCE..=0xD7);
            assert_eq!(super::looked_at(x), !passed, "{x:#x}");
        }
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if super::name(c).is_some() {
                assert!(super::may_be_invisible(c), "{c:?}");
                let lead = c.to_string().as_bytes()[0];
                assert!(
                    !matches!(lead, 0x20..=0x7E | 0xC3..=0xCB | 0xCE..=0xD7),
                    "{c:?} is in a block passed over"
                );
                assert!(super::looked_at(lead), "{c:?} is passed over");
            }
        }
    }
}
