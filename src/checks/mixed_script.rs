//! `mixed-script`: Latin letters inside a Cyrillic word, Cyrillic letters inside a Latin
//! word, and Kazakh letters typed as look-alikes from other scripts.
//!
//! ## What it does
//! Finds words that mix Latin and Cyrillic letters and names the intended letter: in a
//! mostly Cyrillic word the Latin `a c e o p x y A B C E H K M O P T X` are the Cyrillic
//! look-alikes, and in Kazakh also Latin `i h y` (і һ ү), the schwa `ə` U+0259 (ә) and
//! `ɵ` U+0275 (ө); in a mostly Latin word it is the reverse. A lone Latin `c`, `o`, `a`,
//! `y`, `k` or `B` between Russian words (the prepositions с, о, а, у, к, В) is reported
//! too, and Greek look-alikes (`ο`, `α`, `Α`…) in Latin or Cyrillic words. The fix
//! replaces the letters and `--fix` applies it. Latin words in Cyrillic text
//! (`BTA`, `OFPRA`, `CNDA`, Roman numerals, quoted titles) are left alone.
//!
//! ## Why it matters
//! A look-alike letter is invisible to a reader but not to search engines, screen
//! readers, spell checkers, hyphenation or the glossary: `Aблязов` with a Latin `A` is
//! not `Аблязов`. Kazakh keyboards that lack ә, і, ү, һ push typists to borrow Latin
//! letters.
//!
//! ## Example
//! ```ftl
//! # en: Mukhtar Ablyazov
//! name = Мухтар Aблязов
//! ```
//! `error[mixed-script]: Latin "A" (U+0041) inside the Cyrillic word "Aблязов"`; fix:
//! `А` (U+0410).

use super::{Finding, Msg};
use crate::text::{is_cyrillic, is_latin, Run};

const CODE: &str = "mixed-script";

/// The Cyrillic letter a Latin look-alike stands for.
fn to_cyrillic(c: char, kazakh: bool) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' if kazakh => 'ү',
        'y' => 'у',
        'i' if kazakh => 'і',
        'I' if kazakh => 'І',
        'h' if kazakh => 'һ',
        'H' => 'Н',
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'K' => 'К',
        'k' => 'к',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        'Y' if kazakh => 'Ү',
        'Y' => 'У',
        'ə' => 'ә',
        'Ə' => 'Ә',
        'ɵ' => 'ө',
        'Ɵ' => 'Ө',
        _ => return None,
    })
}

/// The Latin letter a Cyrillic look-alike stands for.
fn to_latin(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        'у' => 'y',
        'і' => 'i',
        'ј' => 'j',
        'һ' => 'h',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'І' => 'I',
        'Ј' => 'J',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Ѕ' => 'S',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        _ => return None,
    })
}

fn is_greek(c: char) -> bool {
    matches!(c as u32, 0x0370..=0x03FF)
}

/// The Latin (or Cyrillic) letter a Greek look-alike stands for.
fn from_greek(c: char, latin: bool) -> Option<char> {
    let (l, cy) = match c {
        'ο' => ('o', 'о'),
        'Ο' => ('O', 'О'),
        'α' => ('a', 'а'),
        'Α' => ('A', 'А'),
        'ε' => ('e', 'е'),
        'Ε' => ('E', 'Е'),
        'ρ' => ('p', 'р'),
        'Ρ' => ('P', 'Р'),
        'Τ' => ('T', 'Т'),
        'χ' => ('x', 'х'),
        'Χ' => ('X', 'Х'),
        'Η' => ('H', 'Н'),
        'Κ' => ('K', 'К'),
        'κ' => ('k', 'к'),
        'Μ' => ('M', 'М'),
        'Β' => ('B', 'В'),
        'Ι' => ('I', 'І'),
        'ι' => ('i', 'і'),
        'Υ' => ('Y', 'У'),
        'Ν' => ('N', 'И'),
        _ => return None,
    };
    Some(if latin { l } else { cy })
}

fn script_name(latin: bool) -> &'static str {
    if latin {
        "Latin"
    } else {
        "Cyrillic"
    }
}

/// Kazakh and Russian: an acronym with a glued suffix (`ҚДТның`, `BTAның`) is a
/// hyphenation problem (typography or glossary), not a look-alike.
fn acronym_with_suffix(w: &str) -> bool {
    let caps = w.chars().take_while(|c| c.is_uppercase()).count();
    let rest: Vec<char> = w.chars().skip(caps).collect();
    caps >= 2 && !rest.is_empty() && rest.iter().all(|c| c.is_lowercase() && is_cyrillic(*c))
}

pub fn check(m: &Msg) -> Vec<Finding> {
    let kazakh = m.lang() == "kk";
    let russian = m.lang() == "ru";
    let cyrillic_locale = matches!(m.lang(), "ru" | "kk" | "uk" | "be" | "bg" | "sr" | "mk");
    let runs = m.runs();
    let mut out = Vec::new();
    for (k, run) in runs.iter().enumerate() {
        let (latin, cyr, greek) = (run.latin, run.cyrillic, run.greek);
        // Nearly every run is in one script: nothing to find in it.
        let lone_latin = russian && latin == 1 && run.chars == 1;
        if greek == 0 && (latin == 0 || cyr == 0) && !lone_latin {
            continue;
        }
        let range = &run.range;
        let word = &m.masked[range.clone()];
        if greek > 0 && latin + cyr > greek {
            // Greek look-alikes in a Latin or Cyrillic word.
            let to_latin_word = latin >= cyr;
            let mut fixed = String::new();
            let mut first = None;
            let mut last = 0;
            for (i, c) in word.char_indices() {
                if is_greek(c) {
                    first.get_or_insert(i);
                    last = i + c.len_utf8();
                }
            }
            let Some(first) = first else { continue };
            let part = &word[first..last];
            let mut all = true;
            for c in part.chars() {
                match (is_greek(c), from_greek(c, to_latin_word)) {
                    (true, Some(t)) => fixed.push(t),
                    (true, None) => {
                        all = false;
                        fixed.push(c)
                    }
                    _ => fixed.push(c),
                }
            }
            let f = Finding::error(
                CODE,
                range.start + first..range.start + last,
                format!(
                    "Greek letter(s) \"{part}\" inside the {} word \"{word}\"",
                    script_name(to_latin_word)
                ),
            );
            out.push(if all {
                f.auto_fix(fixed.clone(), format!("write \"{fixed}\""))
            } else {
                f
            });
            continue;
        }
        if latin > 0 && cyr > 0 {
            if acronym_with_suffix(word) {
                continue;
            }
            // The word's script: the majority, or the locale's on a tie.
            let to_latin_word = latin > cyr || (latin == cyr && !cyrillic_locale);
            let mut first = None;
            let mut last = 0;
            let mut wrong = Vec::new();
            for (i, c) in word.char_indices() {
                let foreign = if to_latin_word {
                    is_cyrillic(c)
                } else {
                    is_latin(c)
                };
                if foreign {
                    first.get_or_insert(i);
                    last = i + c.len_utf8();
                    wrong.push(c);
                }
            }
            let Some(first) = first else { continue };
            let part = &word[first..last];
            let mut fixed = String::new();
            let mut all = true;
            for c in part.chars() {
                let foreign = if to_latin_word {
                    is_cyrillic(c)
                } else {
                    is_latin(c)
                };
                if !foreign {
                    fixed.push(c);
                    continue;
                }
                let t = if to_latin_word {
                    to_latin(c)
                } else {
                    to_cyrillic(c, kazakh)
                };
                match t {
                    Some(t) => fixed.push(t),
                    None => {
                        all = false;
                        fixed.push(c);
                    }
                }
            }
            let letters: Vec<String> = wrong
                .iter()
                .map(|c| format!("\"{c}\" (U+{:04X})", *c as u32))
                .collect();
            let message = format!(
                "{} {} inside the {} word \"{word}\"",
                script_name(!to_latin_word),
                letters.join(", "),
                script_name(to_latin_word)
            );
            let start = range.start + first;
            let f = Finding::error(CODE, start..range.start + last, message);
            out.push(if all {
                let codes: Vec<String> = fixed
                    .chars()
                    .zip(part.chars())
                    .filter(|(a, b)| a != b)
                    .map(|(a, _)| format!("\"{a}\" (U+{:04X})", a as u32))
                    .collect();
                f.auto_fix(fixed.clone(), format!("write {}", codes.join(", ")))
            } else {
                f
            });
            continue;
        }
        // A lone Latin look-alike of a Russian one-letter word between Cyrillic words.
        if lone_latin {
            let c = word.chars().next().unwrap_or(' ');
            let preposition = matches!(
                c,
                'c' | 'o' | 'a' | 'y' | 'k' | 'C' | 'O' | 'A' | 'Y' | 'K' | 'B'
            );
            let after = &m.masked[range.end..];
            let next_cyr = runs.get(k + 1).is_some_and(Run::all_cyrillic);
            let prev_ok = k == 0 || runs[k - 1].all_cyrillic();
            if preposition && next_cyr && prev_ok && after.starts_with(' ') {
                if let Some(t) = to_cyrillic(c, false) {
                    out.push(
                        Finding::error(
                            CODE,
                            range.clone(),
                            format!(
                                "Latin \"{c}\" (U+{:04X}) used as the Russian word \"{t}\"",
                                c as u32
                            ),
                        )
                        .auto_fix(t.to_string(), format!("write \"{t}\" (U+{:04X})", t as u32)),
                    );
                }
            }
        }
    }
    out
}
