//! Text utilities every layer shares: which characters are letters (fast paths for the
//! scripts this project reads), NFC, letter runs. Pure functions of strings.

use std::ops::Range;

/// The letters of a text, and how many are Latin and Cyrillic.
pub fn script_counts(text: &str) -> (usize, usize, usize) {
    let mut letters = 0;
    let mut latin = 0;
    let mut cyrillic = 0;
    for c in text.chars().filter(|c| is_letter(*c)) {
        letters += 1;
        if is_latin(c) {
            latin += 1;
        } else if is_cyrillic(c) {
            cyrillic += 1;
        }
    }
    (letters, latin, cyrillic)
}

/// `char::is_alphabetic`, answered without the general Unicode table for the scripts the
/// checks read most (ASCII, Latin-1 and Latin Extended, Cyrillic, general punctuation):
/// the table lookup was a fifth of `check`'s time. Same answer for every character (tested).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        // Latin-1 punctuation and symbols (« » and the no-break space among them)
        0x80..=0xBF => matches!(c, 'ª' | 'µ' | 'º'),
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x400..=0x481 | 0x48A..=0x52F => true,
        0x2000..=0x206F => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, with `is_letter`'s shortcuts (tested equal).
#[inline]
pub fn is_alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x80..=0xBF => matches!(c, 'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼'..='¾'),
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x400..=0x481 | 0x48A..=0x52F => true,
        0x482..=0x489 | 0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

/// `text` in NFC, borrowed when it already is (nearly always: the quick check is a scan).
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_fast(text) || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// True when every character of `text` is one that is in NFC whatever surrounds it (its
/// quick-check value is Yes and its combining class 0: ASCII, Latin-1 and Latin
/// Extended, Cyrillic letters, general punctuation but U+2000 and U+2001, currency
/// signs), so the text is in NFC without the quick check's table lookups per character
/// (they were a tenth of `check`). False says nothing: ask the quick check.
///
/// Works on the UTF-8 bytes: ASCII bytes pass; a character's lead byte (and, where the
/// ranges split, its next byte) says whether it is in the set, without decoding it.
pub fn is_nfc_fast(text: &str) -> bool {
    let b = text.as_bytes();
    // Every byte but the leads of U+0300–U+03FF, U+0480–U+04BF and U+0500 onwards is
    // ASCII, a continuation or the lead of an accepted block: only those leads are
    // looked at (`find_byte` passes over the rest sixteen bytes at a time).
    let lead = |x: u8| (x >= 0xCC) & (x != 0xD0) & (x != 0xD1) & (x != 0xD3);
    let mut i = 0;
    while let Some(at) = find_byte(b, i, lead) {
        let y = b.get(at + 1).copied().unwrap_or(0);
        let z = b.get(at + 2).copied().unwrap_or(0);
        let (ok, len) = match b[at] {
            // U+0480–U+04BF but the combining U+0483–U+0489
            0xD2 => (!(0x83..=0x89).contains(&y), 2),
            // U+0500–U+052F
            0xD4 => (y <= 0xAF, 2),
            // U+2002–U+203F, U+2040–U+206F, U+20A0–U+20C0
            0xE2 => (
                (y == 0x80 && z >= 0x82)
                    || (y == 0x81 && z <= 0xAF)
                    || (y == 0x82 && z >= 0xA0)
                    || (y == 0x83 && z == 0x80),
                3,
            ),
            _ => (false, 1),
        };
        if !ok {
            return false;
        }
        i = at + len;
    }
    true
}

/// The first byte of `b` at or after `from` that `wanted` holds for. Blocks of sixteen
/// bytes are passed over whole while it holds for none of theirs: `wanted` written with
/// `&` and `|` over comparisons, the test of a block is a few vector instructions.
#[inline]
pub fn find_byte(b: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let mut i = from;
    while let Some(block) = b.get(i..i + 16) {
        let Ok(block) = <&[u8; 16]>::try_from(block) else {
            break;
        };
        let mut any = 0u8;
        for &x in block {
            any |= u8::from(wanted(x));
        }
        if any != 0 {
            break;
        }
        i += 16;
    }
    b.get(i..)?.iter().position(|&x| wanted(x)).map(|k| i + k)
}

/// A character `is_nfc_fast` accepts (tested against the Unicode tables).
#[cfg(test)]
fn nfc_stable(c: char) -> bool {
    matches!(c as u32, 0..=0x2FF | 0x400..=0x482 | 0x48A..=0x52F | 0x2002..=0x206F | 0x20A0..=0x20C0)
}

/// The lowercase of one character when it is one character: ASCII, Latin-1, Cyrillic
/// (Russian, Kazakh and the rest of the block) without the Unicode case tables, other
/// characters through them; `None` when the lowercase is several characters (`İ`).
/// Tested equal to `char::to_lowercase` for every character.
#[inline]
pub fn lower_char(c: char) -> Option<char> {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A => u + 0x20,
        0..=0x7F => u,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0x80..=0xFF => u,
        0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x430..=0x45F => u,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F => u | 1,
        0x482..=0x489 => u,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE => u + (u & 1),
        0x4CF => u,
        _ => {
            let mut l = c.to_lowercase();
            return match (l.next(), l.next()) {
                (Some(x), None) => Some(x),
                _ => None,
            };
        }
    };
    char::from_u32(l)
}

pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x0250..=0x02AF)
            && c != '×'
            && c != '÷'
}

pub fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F)
}

/// The words of a text (letters only, split at anything else), with byte ranges.
pub fn letter_runs(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let letter = is_letter(c) || matches!(c as u32, 0x0300..=0x036F);
        match (letter, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s..i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out
}

/// A letter run (`letter_runs`) and the scripts of its letters, as the script checks
/// count them: Latin (`is_latin`), Cyrillic (`is_cyrillic`), Greek (U+0370–U+03FF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub range: Range<usize>,
    /// Its characters.
    pub chars: u32,
    pub latin: u32,
    pub cyrillic: u32,
    pub greek: u32,
    /// Whether it has a letter Russian does not use (ӘҒҚҢӨҰҮҺІ, either case).
    pub kazakh: bool,
}

impl Run {
    /// Every character Cyrillic.
    pub fn all_cyrillic(&self) -> bool {
        self.cyrillic == self.chars
    }
}

/// `letter_runs` with each run's scripts counted, in one pass over the bytes: ASCII and
/// the Russian block (U+0400–U+047F, lead bytes D0 and D1) without decoding, the rest a
/// character at a time (a property test holds it to the definition).
pub fn runs_with_scripts(text: &str) -> Vec<Run> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out: Vec<Run> = Vec::with_capacity(n / 6);
    let mut i = 0;
    while i < n {
        let (len, class) = script_class(text, i);
        if class == 0 {
            i += len;
            continue;
        }
        let start = i;
        let (mut chars, mut latin, mut cyrillic, mut greek, mut kazakh) =
            (0u32, 0u32, 0u32, 0u32, false);
        while i < n {
            let x = b[i];
            // The two scripts of nearly every letter, each without a call.
            if x == 0xD0 || x == 0xD1 {
                kazakh |= kazakh_i(x, b.get(i + 1).copied().unwrap_or(0));
                chars += 1;
                cyrillic += 1;
                i += 2;
                continue;
            }
            if x < 0x80 {
                if !x.is_ascii_alphabetic() {
                    break;
                }
                chars += 1;
                latin += 1;
                i += 1;
                continue;
            }
            let (len, class) = script_class_decoded(text, i);
            if class == 0 {
                break;
            }
            chars += 1;
            latin += u32::from(class & LATIN != 0);
            cyrillic += u32::from(class & CYRILLIC != 0);
            greek += u32::from(class & GREEK != 0);
            kazakh |= class & KAZAKH != 0;
            i += len;
        }
        out.push(Run {
            range: start..i,
            chars,
            latin,
            cyrillic,
            greek,
            kazakh,
        });
    }
    out
}

const LETTER: u8 = 1;
const LATIN: u8 = 2;
const CYRILLIC: u8 = 4;
const GREEK: u8 = 8;
const KAZAKH: u8 = 16;

/// The length of the character at byte `i` and what `runs_with_scripts` counts of it
/// (0: not a letter); ASCII and U+0400–U+047F without decoding.
#[inline(always)]
fn script_class(text: &str, i: usize) -> (usize, u8) {
    let b = text.as_bytes();
    let x = b[i];
    if x < 0x80 {
        return (
            1,
            if x.is_ascii_alphabetic() {
                LETTER | LATIN
            } else {
                0
            },
        );
    }
    if x == 0xD0 || x == 0xD1 {
        let kz = kazakh_i(x, b.get(i + 1).copied().unwrap_or(0));
        return (2, LETTER | CYRILLIC | if kz { KAZAKH } else { 0 });
    }
    script_class_decoded(text, i)
}

/// Whether the two bytes of a letter of U+0400–U+047F (lead D0 or D1) are the one Kazakh
/// letter of that block: І U+0406 or і U+0456.
#[inline(always)]
fn kazakh_i(lead: u8, next: u8) -> bool {
    (lead == 0xD0 && next == 0x86) || (lead == 0xD1 && next == 0x96)
}

/// `script_class` of a character outside ASCII and U+0400–U+047F.
#[inline(never)]
fn script_class_decoded(text: &str, i: usize) -> (usize, u8) {
    let c = text[i..].chars().next().unwrap_or(' ');
    let class = if !(is_letter(c) || matches!(c as u32, 0x0300..=0x036F)) {
        0
    } else if is_latin(c) {
        LETTER | LATIN
    } else if is_cyrillic(c) {
        LETTER | CYRILLIC | if is_kazakh_letter(c) { KAZAKH } else { 0 }
    } else if matches!(c as u32, 0x0370..=0x03FF) {
        LETTER | GREEK
    } else {
        LETTER
    };
    (c.len_utf8(), class)
}

/// The Kazakh letters Russian does not use: ӘҒҚҢӨҰҮҺІ, either case.
pub fn is_kazakh_letter(c: char) -> bool {
    matches!(
        c,
        'Ә' | 'Ғ'
            | 'Қ'
            | 'Ң'
            | 'Ө'
            | 'Ұ'
            | 'Ү'
            | 'Һ'
            | 'І'
            | 'ә'
            | 'ғ'
            | 'қ'
            | 'ң'
            | 'ө'
            | 'ұ'
            | 'ү'
            | 'һ'
            | 'і'
    )
}

/// How a text file was written: a byte order mark or not, and its line ends (those of its
/// first line). Files are read as LF without BOM; a rewrite puts the style back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub bom: bool,
    pub eol: Eol,
}

/// A line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Eol {
    #[default]
    Lf,
    CrLf,
    Cr,
}

/// A UTF-8 byte order mark.
pub const BOM: &[u8] = "\u{FEFF}".as_bytes();

impl Style {
    /// The style of a file's bytes.
    pub fn of(bytes: &[u8]) -> Style {
        let eol = match memchr::memchr2(b'\n', b'\r', bytes) {
            Some(i) if bytes[i] == b'\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    Eol::CrLf
                } else {
                    Eol::Cr
                }
            }
            _ => Eol::Lf,
        };
        Style {
            bom: bytes.starts_with(BOM),
            eol,
        }
    }

    /// `text` (LF line ends, no BOM) written in this style.
    pub fn apply<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, [u8]> {
        if *self == Style::default() {
            return std::borrow::Cow::Borrowed(text.as_bytes());
        }
        let eol: &[u8] = match self.eol {
            Eol::Lf => b"\n",
            Eol::CrLf => b"\r\n",
            Eol::Cr => b"\r",
        };
        let mut out = Vec::with_capacity(text.len() + text.len() / 32 + 3);
        if self.bom {
            out.extend_from_slice(BOM);
        }
        let mut start = 0;
        for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
            out.extend_from_slice(&text.as_bytes()[start..i]);
            out.extend_from_slice(eol);
            start = i + 1;
        }
        out.extend_from_slice(&text.as_bytes()[start..]);
        std::borrow::Cow::Owned(out)
    }
}

/// True for the characters a terminal would obey rather than show: C0 controls but tab and
/// newline, DEL, C1 controls, and the bidirectional controls that reorder what follows.
pub fn is_unsafe_for_terminal(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{61c}')
}

/// How `c` is shown on a terminal: itself, or `\u{…}` when it is unsafe there.
pub fn shown(c: char, out: &mut String) {
    if is_unsafe_for_terminal(c) {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    } else {
        out.push(c);
    }
}

/// Text a translator or a file wrote, made safe to print on a terminal: every character a
/// terminal would obey (an escape sequence that retitles the window or hides text, a
/// bidirectional override) is shown as `\u{…}` instead. Every text output of the command
/// line goes through this one function.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_unsafe_for_terminal) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        shown(c, &mut out);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_shown_not_obeyed() {
        assert_eq!(for_terminal("Titre"), "Titre");
        assert_eq!(
            for_terminal("a\u{1b}]0;pwned\u{7}b\u{202e}c\u{9b}d\te\nf"),
            "a\\u{1b}]0;pwned\\u{7}b\\u{202e}c\\u{9b}d\te\nf"
        );
    }

    #[test]
    fn nfc_and_case_shortcuts_answer_as_the_unicode_tables() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_nfc_fast(&c.to_string()), nfc_stable(c), "{c:?}");
            if nfc_stable(c) {
                assert_eq!(canonical_combining_class(c), 0, "{c:?}");
                assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            }
            let mut l = c.to_lowercase();
            let std = match (l.next(), l.next()) {
                (Some(x), None) => Some(x),
                _ => None,
            };
            assert_eq!(lower_char(c), std, "{c:?}");
        }
    }

    /// `runs_with_scripts` by its definition: `letter_runs`, each character classified.
    fn runs_by_definition(text: &str) -> Vec<Run> {
        letter_runs(text)
            .into_iter()
            .map(|(range, w)| {
                let mut r = Run {
                    range,
                    chars: 0,
                    latin: 0,
                    cyrillic: 0,
                    greek: 0,
                    kazakh: false,
                };
                for c in w.chars() {
                    r.chars += 1;
                    if is_latin(c) {
                        r.latin += 1;
                    } else if is_cyrillic(c) {
                        r.cyrillic += 1;
                        r.kazakh |= is_kazakh_letter(c);
                    } else if matches!(c as u32, 0x0370..=0x03FF) {
                        r.greek += 1;
                    }
                }
                r
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn runs_with_scripts_is_as_defined(text in "[a-zA-Z0-9 .,'«»\\-éÉœßЀ-ӿԀ-ԯͰ-Ͽ\u{300}-\u{36F}\u{483}-\u{489}ᴀ-ᵿḀ-ỿ\u{2000}-\u{206F}Ⲁ-⳿ꙀꙀ-ꚟ\u{1C80}-\u{1C8F}𝕏中]{0,40}") {
            proptest::prop_assert_eq!(runs_with_scripts(&text), runs_by_definition(&text));
        }
    }

    proptest::proptest! {
        #[test]
        fn find_byte_finds_the_first(bytes in proptest::collection::vec(proptest::sample::select(vec![b'a', b' ', 0xD0, 0x90, 0xCC, 0xE2]), 0..80), from in 0usize..90) {
            let wanted = |x: u8| (x == 0xCC) | (x == 0xE2);
            let by_definition = bytes.get(from..).and_then(|rest| rest.iter().position(|&x| wanted(x)).map(|k| from + k));
            proptest::prop_assert_eq!(find_byte(&bytes, from, wanted), by_definition);
        }
    }

    #[test]
    fn runs_with_scripts_reads_every_script_as_defined() {
        let all: String = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .flat_map(|c| [c, 'a', c, c, 'ж', ' '])
            .collect();
        assert_eq!(runs_with_scripts(&all), runs_by_definition(&all));
    }

    #[test]
    fn letter_shortcuts_answer_as_the_unicode_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
