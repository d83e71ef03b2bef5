//! `length`: a translation far shorter or far longer than its English (a warning).
//!
//! ## What it does
//! Compares the length in characters of the translation and of its English (without
//! URLs, markup and repeated white space) to the usual ratio for the language pair,
//! measured on the dossier's own translations: French runs about 15 % longer than
//! English, Russian and Kazakh about 5 % longer. A paragraph (150 characters or more of
//! English) is reported when its ratio is under 0.6 or over 1.6 times the usual one; a
//! shorter segment (40 to 150 characters, where titles and names weigh more) under 0.45
//! or over 2.2 times. Shorter segments are not measured.
//!
//! ## Why it matters
//! A translation that is half the length of its English has usually lost a sentence or
//! a clause (a truncated paste, a skipped line); one twice as long has often swallowed
//! the next segment. Neither shows up in any other check.
//!
//! ## Example
//! ```ftl
//! # en: Unfortunately, there has been little information on actions taken by the French law enforcement or judiciary afterwards. Ablyazov was not granted police protection.
//! info = Malheureusement, peu d’informations ont filtré depuis.
//! ```
//! `warning[length]: the translation has 54 characters for 160 in English (0.34 of it;
//! fr usually runs 1.15)`.

use super::{Finding, Msg};

const CODE: &str = "length";

/// The usual length ratio translation / English.
fn usual(lang: &str) -> f64 {
    match lang {
        "fr" => 1.15,
        "ru" => 1.05,
        "kk" => 1.05,
        "de" => 1.2,
        _ => 1.1,
    }
}

/// The characters of a text, runs of white space counted as one space and the ends not
/// at all, emphasis and code markers left out.
///
/// Works on the UTF-8 bytes: continuation bytes are not characters, and only the lead
/// bytes of the few blocks that hold white space (Latin-1, U+1680, U+2000–U+205F, U+3000)
/// are decoded to ask.
fn measure(masked: &str) -> usize {
    let b = masked.as_bytes();
    let mut n = 0;
    // A run of white space counts once, and only between words.
    let mut gap = false;
    let mut started = false;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let (space, counted, len) = match x {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => (true, false, 1),
            b'*' | b'_' | b'`' => (false, false, 1),
            0..=0x7F => (false, true, 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = masked[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), true, c.len_utf8())
            }
            0xC0..=0xDF => (false, true, 2),
            0xE0..=0xEF => (false, true, 3),
            _ => (false, true, 4),
        };
        if space {
            gap = started;
        } else {
            if gap {
                n += 1;
                gap = false;
            }
            started = true;
            n += usize::from(counted);
        }
        i += len;
    }
    n
}

/// Bounds of `measure`: at most every character (the bytes less continuation bytes), at
/// least those less every white space, marker and character that may be white space
/// (a lead byte of the blocks that hold it: C2, E1, E2, E3). Counted sixteen bytes at a
/// time with comparisons the compiler turns into vector instructions.
fn measure_bounds(masked: &str) -> (usize, usize) {
    let count = |x: u8| {
        let space = (x == b' ') | (x.wrapping_sub(9) < 5);
        let marker = (x == b'*') | (x == b'_') | (x == b'`');
        let lead = (x == 0xC2) | (x.wrapping_sub(0xE1) < 3);
        (
            u8::from((x & 0xC0) != 0x80),
            u8::from(space | marker | lead),
        )
    };
    let (mut chars, mut maybe_space) = (0usize, 0usize);
    let mut blocks = masked.as_bytes().chunks_exact(16);
    for block in &mut blocks {
        let Ok(block) = <&[u8; 16]>::try_from(block) else {
            continue;
        };
        let (mut c, mut s) = (0u8, 0u8);
        for &x in block {
            let (a, b) = count(x);
            c += a;
            s += b;
        }
        chars += usize::from(c);
        maybe_space += usize::from(s);
    }
    for &x in blocks.remainder() {
        let (a, b) = count(x);
        chars += usize::from(a);
        maybe_space += usize::from(b);
    }
    (chars.saturating_sub(maybe_space), chars)
}

pub fn check(m: &Msg) -> Vec<Finding> {
    let en = m.english_length(measure);
    if en < 40 {
        return Vec::new();
    }
    let bounds = if en >= 150 { 0.6..=1.6 } else { 0.45..=2.2 };
    let norm = |tr: usize| tr as f64 / en as f64 / usual(m.lang());
    // The exact count only when its bounds leave the answer open.
    let (low, high) = measure_bounds(&m.masked);
    if bounds.contains(&norm(low)) && bounds.contains(&norm(high)) {
        return Vec::new();
    }
    let tr = measure(&m.masked);
    let ratio = tr as f64 / en as f64;
    let norm = norm(tr);
    if !bounds.contains(&norm) {
        return vec![Finding::warning(
            CODE,
            0..m.text.len(),
            format!(
                "the translation has {tr} characters for {en} in English ({ratio:.2} of it; {} usually runs {:.2}): {}",
                m.lang(),
                usual(m.lang()),
                if norm < 1.0 { "is part of it missing?" } else { "does it hold more than this segment?" }
            ),
        )];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The one-pass count is the count of the text with its white space runs joined.
        #[test]
        fn measure_is_as_defined(text in "[a-zéЖқ€𝕏 *_`\u{85}\u{A0}\u{1680}\u{2003}\u{2028}\u{202F}\u{205F}\u{3000}\u{0B}\n\t]{0,40}") {
            let by_definition = text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .filter(|c| !matches!(c, '*' | '_' | '`'))
                .count();
            proptest::prop_assert_eq!(super::measure(&text), by_definition);
            let (low, high) = super::measure_bounds(&text);
            proptest::prop_assert!(low <= by_definition && by_definition <= high, "{} {} {}", low, by_definition, high);
        }
    }
}
