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
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F | 0x400..=0x481 | 0x48A..=0x52F => true,
        0x482..=0x489 | 0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

/// `text` in NFC, borrowed when it already is (nearly always: the quick check is a scan).
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_shortcuts_answer_as_the_unicode_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
