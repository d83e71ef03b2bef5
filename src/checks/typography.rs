//! `typography`: the punctuation and spacing rules of the translation's language.
//!
//! ## What it does
//! - Every translation: straight double quotes `"` (use the language's quotes), a
//!   straight apostrophe `'` in the language's own words (use `’`), English curly quotes
//!   `“…”` as outer quotes, three dots `...` (use `…`).
//! - French: a no-break space before `; ! ?` (U+202F, or U+00A0) and before `:` (U+00A0)
//!   — a plain space or none is an error (times like 10:30 and `?!` runs excepted);
//!   no-break spaces inside `« »` and before `%`; a month capitalised after a day (`1 Décembre`);
//!   capital `E` for `É` (`Etat`); a hyphen used as a dash.
//! - Russian and Kazakh: a hyphen between words where a dash belongs (`Аблязов - банкир`
//!   → `Аблязов — банкир`), a spaced en dash between words, year ranges with a hyphen
//!   (`1998-1999` → `1998–1999`), a month capitalised after a day (`9 Декабря`), in Kazakh
//!   also after a year (`2017 жылғы Шілдеде`, `2017 ж. Шілде`).
//! - Kazakh: a case suffix glued to an acronym (`ЕҚЫҰның` → `ЕҚЫҰ-ның`).
//! - French, Russian and Kazakh: a plain space between a number and its unit or counted
//!   noun (`11,5 tonnes`, `30 дней`, `2001 г.`, `2022 ж.`, `256 адам`) — a no-break space
//!   belongs there (U+00A0; U+202F accepted). Only the words of a curated list per
//!   language count: units of measure, currencies, scale words (`milliards`, `млрд`),
//!   time units, people counted, and the abbreviation of "year" after a year; Kazakh
//!   words with their case suffixes (`жылға`, `адамнан`). A year followed by the word
//!   "year" in full (`в 2020 году`, `2020 жылғы`) and a number before any other word
//!   (`en 2016 les autorités`) are prose and left alone.
//!
//! No-break spaces, apostrophes and the ellipsis are fixed by `--fix`; quotes and
//! dashes are suggested. URLs, code and footnote references are never touched.
//!
//! ## Why it matters
//! Readers of French, Russian and Kazakh see English punctuation as a mark of careless
//! translation, and a plain space before `?` lets the line break between a word and its
//! question mark. The rules come from CLDR, LanguageTool and Weblate (LOCALE-RULES.md).
//!
//! ## Example
//! ```ftl
//! # en: Will the homeland of human rights stop being a playground?
//! question = La patrie des droits de l'homme cessera-t-elle d’être un terrain de jeu ?
//! ```
//! `error[typography]: straight apostrophe "'"` (fix: `’`) and `error[typography]: a
//! plain space before "?"` (fix: U+202F NARROW NO-BREAK SPACE).

use std::ops::Range;

use super::{Finding, Msg};
use crate::text::is_cyrillic;

const CODE: &str = "typography";
const NBSP: char = '\u{A0}';
const NNBSP: char = '\u{202F}';

fn is_nb(c: char) -> bool {
    c == NBSP || c == NNBSP
}

pub fn check(m: &Msg) -> Vec<Finding> {
    let lang = m.lang();
    let text = m.text;
    // A masked character is spaces: its first byte differs from the text's (a space
    // stays a space either way).
    let (tb, mb) = (text.as_bytes(), m.masked.as_bytes());
    let mut out = Vec::new();
    let is_french = lang == "fr";
    let cyrillic = matches!(lang, "ru" | "kk");
    let mut depth: usize = 0;
    let mut curly_open = false;
    let mut straight = 0usize;
    // Only the characters below start a finding, and each looks at most eight characters
    // back and nine ahead: the text is searched for their bytes (the ASCII ones, and the
    // lead bytes of « » and of “ „ ” − –), and each is judged among its neighbours.
    let start_byte = |x: u8| {
        (x == b'"')
            | (x == b'\'')
            | (x == b'.')
            | (x == b'-')
            | (x == 0xC2)
            | (x == 0xE2)
            | (is_french & ((x == b';') | (x == b'!') | (x == b'?') | (x == b':') | (x == b'%')))
    };
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(20);
    let mut from = 0;
    while let Some(q) = crate::text::find_byte(tb, from, start_byte) {
        let c = text[q..].chars().next().unwrap_or(' ');
        from = q + c.len_utf8();
        let candidate = matches!(c, '«' | '»' | '"' | '\'' | '“' | '„' | '”' | '.' | '-')
            || (is_french && matches!(c, ';' | '!' | '?' | ':' | '%'))
            || (cyrillic && matches!(c, '−' | '–'));
        if !candidate || mb.get(q) != tb.get(q) {
            continue;
        }
        // The character (at `k`) and its neighbours.
        chars.clear();
        chars.extend(text[..q].char_indices().rev().take(8));
        chars.reverse();
        let k = chars.len();
        chars.extend(text[q..].char_indices().take(10).map(|(i, c)| (q + i, c)));
        let chars = chars.as_slice();
        let visible = |k: usize| chars.get(k).is_some_and(|c| mb.get(c.0) == tb.get(c.0));
        let at = |k: usize| chars.get(k).map(|c| c.1);
        let range = |k: usize| chars[k].0..chars[k].0 + chars[k].1.len_utf8();
        // Past the window, the text goes on after its last character.
        let pos = |k: usize| {
            chars.get(k).map_or_else(
                || chars.last().map_or(text.len(), |c| c.0 + c.1.len_utf8()),
                |c| c.0,
            )
        };
        let prev = if k > 0 { at(k - 1) } else { None };
        let next = at(k + 1);
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            '"' => {
                let opening = straight.is_multiple_of(2);
                straight += 1;
                let (open, close) = match lang {
                    "fr" => ("«\u{A0}", "\u{A0}»"),
                    _ => ("«", "»"),
                };
                let rep = if opening { open } else { close };
                out.push(
                    Finding::error(
                        CODE,
                        range(k),
                        "straight quote \": use the language's quotes « »",
                    )
                    .suggest(rep, format!("write \"{rep}\"")),
                );
            }
            '\'' => {
                let letter = |c: Option<char>| c.is_some_and(crate::text::is_letter);
                let own = |c: Option<char>| match lang {
                    "ru" | "kk" => c.is_some_and(is_cyrillic),
                    _ => c.is_some_and(crate::text::is_letter),
                };
                if letter(prev) && letter(next) && (own(prev) || own(next)) {
                    out.push(
                        Finding::error(CODE, range(k), "straight apostrophe ': use ’ (U+2019)")
                            .auto_fix("’", "write ’ (U+2019 RIGHT SINGLE QUOTATION MARK)"),
                    );
                } else if own(prev) || own(next) {
                    out.push(Finding::error(
                        CODE,
                        range(k),
                        "straight single quote ': use the language's quotes « »",
                    ));
                }
            }
            '“' | '„' | '”' if depth == 0 && matches!(lang, "fr" | "ru" | "kk") => {
                if curly_open && c != '„' {
                    curly_open = false;
                } else {
                    curly_open = c != '”';
                    out.push(
                        Finding::error(
                            CODE,
                            range(k),
                            format!("{c}: the outer quotes of {lang} are « »"),
                        )
                        .suggest(if c == '”' { "»" } else { "«" }, "use « »"),
                    );
                }
            }
            '.' if next == Some('.') && at(k + 2) == Some('.') && prev != Some('.') => {
                let mut end = k + 3;
                while at(end) == Some('.') {
                    end += 1;
                }
                if end == k + 3 {
                    let f = if lang == "fr" {
                        Finding::error(
                            CODE,
                            chars[k].0..pos(end),
                            "three dots: use the ellipsis … (U+2026)",
                        )
                    } else {
                        Finding::warning(
                            CODE,
                            chars[k].0..pos(end),
                            "three dots: use the ellipsis … (U+2026)",
                        )
                    };
                    out.push(f.auto_fix("…", "write … (U+2026 HORIZONTAL ELLIPSIS)"));
                }
                from = pos(end);
                continue;
            }
            _ => {}
        }
        if lang == "fr" {
            french(chars, &visible, k, &mut out, text);
        }
        if matches!(lang, "ru" | "kk") {
            cyrillic_dashes(chars, k, &mut out, text);
        }
    }
    months(m, lang, &mut out);
    number_units(m, lang, &mut out);
    if lang == "fr" {
        accents(m, &mut out);
    }
    if lang == "kk" {
        acronym_suffixes(m, &mut out);
    }
    out
}

fn french(
    chars: &[(usize, char)],
    visible: &dyn Fn(usize) -> bool,
    k: usize,
    out: &mut Vec<Finding>,
    text: &str,
) {
    let c = chars[k].1;
    let at = |k: usize| chars.get(k).map(|c| c.1);
    let pos = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let prev = if k > 0 { at(k - 1) } else { None };
    let next = at(k + 1);
    match c {
        ';' | '!' | '?' | ':' => {
            let Some(p) = prev else { return };
            // Only the first mark of a `?!` run; not after an opening bracket or quote.
            if matches!(
                p,
                ';' | '!' | '?' | ':' | '(' | '[' | '\n' | '«' | '/' | '=' | '.'
            ) || is_nb(p)
            {
                return;
            }
            if c == ':' && p.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()) {
                return; // 10:30, 1:2
            }
            if c == ':' && next == Some('/') {
                return;
            }
            if c == '!' && next == Some('[') {
                return;
            }
            if k >= 1 && !visible(k - 1) {
                return;
            }
            let space = if c == ':' { NBSP } else { NNBSP };
            let name = if c == ':' {
                "U+00A0 NO-BREAK SPACE"
            } else {
                "U+202F NARROW NO-BREAK SPACE"
            };
            if p == ' ' {
                // A space at the start of a continuation line is indentation, not a
                // space the reader sees.
                out.push(
                    Finding::error(
                        CODE,
                        pos(k - 1)..pos(k + 1),
                        format!("a plain space before \"{c}\": French uses a no-break space"),
                    )
                    .auto_fix(
                        format!("{space}{c}"),
                        format!("write {name} before \"{c}\""),
                    ),
                );
            } else if !p.is_whitespace() {
                out.push(
                    Finding::error(
                        CODE,
                        pos(k)..pos(k + 1),
                        format!("no space before \"{c}\": French puts a no-break space there"),
                    )
                    .auto_fix(
                        format!("{space}{c}"),
                        format!("insert {name} before \"{c}\""),
                    ),
                );
            }
        }
        '«' => match next {
            Some(' ') => out.push(
                Finding::error(
                    CODE,
                    pos(k)..pos(k + 2),
                    "a plain space after «: use a no-break space",
                )
                .auto_fix("«\u{A0}", "write U+00A0 NO-BREAK SPACE after «"),
            ),
            Some(n) if !n.is_whitespace() && !is_nb(n) && n != '\n' => out.push(
                Finding::error(
                    CODE,
                    pos(k)..pos(k + 1),
                    "no space after «: French puts a no-break space inside guillemets",
                )
                .auto_fix("«\u{A0}", "insert U+00A0 NO-BREAK SPACE after «"),
            ),
            _ => {}
        },
        '»' => match prev {
            Some(' ') => out.push(
                Finding::error(
                    CODE,
                    pos(k - 1)..pos(k + 1),
                    "a plain space before »: use a no-break space",
                )
                .auto_fix("\u{A0}»", "write U+00A0 NO-BREAK SPACE before »"),
            ),
            Some(p) if !p.is_whitespace() && !is_nb(p) => out.push(
                Finding::error(
                    CODE,
                    pos(k)..pos(k + 1),
                    "no space before »: French puts a no-break space inside guillemets",
                )
                .auto_fix("\u{A0}»", "insert U+00A0 NO-BREAK SPACE before »"),
            ),
            _ => {}
        },
        '%' if prev.is_some_and(|p| p.is_ascii_digit()) => out.push(
            Finding::error(
                CODE,
                pos(k)..pos(k + 1),
                "no space before %: French writes 25\u{A0}%",
            )
            .auto_fix("\u{A0}%", "insert U+00A0 NO-BREAK SPACE before %"),
        ),
        '%' if prev == Some(' ') && k >= 2 && at(k - 2).is_some_and(|p| p.is_ascii_digit()) => out
            .push(
                Finding::error(
                    CODE,
                    pos(k - 1)..pos(k + 1),
                    "a plain space before %: use a no-break space",
                )
                .auto_fix("\u{A0}%", "write U+00A0 NO-BREAK SPACE before %"),
            ),
        '-' if prev == Some(' ')
            && next == Some(' ')
            && k >= 2
            && at(k - 2).is_some_and(crate::text::is_alnum) =>
        {
            out.push(
                Finding::warning(
                    CODE,
                    pos(k)..pos(k + 1),
                    "a hyphen used as a dash: write – (U+2013) or — (U+2014)",
                )
                .suggest("–", "write – (U+2013 EN DASH)"),
            );
        }
        _ => {}
    }
}

fn cyrillic_dashes(chars: &[(usize, char)], k: usize, out: &mut Vec<Finding>, text: &str) {
    let at = |k: usize| chars.get(k).map(|c| c.1);
    let pos = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
    let c = chars[k].1;
    let prev = if k > 0 { at(k - 1) } else { None };
    let next = at(k + 1);
    let spaced = |p: Option<char>| p.is_some_and(|p| p == ' ' || is_nb(p));
    let word_before =
        k >= 2 && at(k - 2).is_some_and(|c| crate::text::is_alnum(c) || ",)»*".contains(c));
    let word_after = at(k + 2).is_some_and(|c| crate::text::is_alnum(c) || "(«*".contains(c));
    match c {
        '-' | '−' if spaced(prev) && spaced(next) && word_before && word_after => out.push(
            Finding::error(
                CODE,
                pos(k)..pos(k + 1),
                "a hyphen between words: use the dash — (U+2014)",
            )
            .suggest(
                "—",
                "write — (U+2014 EM DASH), with a no-break space before it",
            ),
        ),
        '–' if spaced(prev) && spaced(next) && word_before && word_after => out.push(
            Finding::warning(
                CODE,
                pos(k)..pos(k + 1),
                "an en dash between words: Russian and Kazakh use — (U+2014)",
            )
            .suggest("—", "write — (U+2014 EM DASH)"),
        ),
        '-' => {
            // 1998-1999: a range takes an en dash.
            let digits_before = chars[..k]
                .iter()
                .rev()
                .take_while(|c| c.1.is_ascii_digit())
                .count();
            let digits_after = chars[k + 1..]
                .iter()
                .take_while(|c| c.1.is_ascii_digit())
                .count();
            let before_ok = k < 5 || !crate::text::is_alnum(chars[k - 5].1);
            let after_ok = at(k + 5).is_none_or(|c| !crate::text::is_alnum(c) && c != '-');
            if digits_before == 4 && digits_after == 4 && before_ok && after_ok {
                let a: String = chars[k - 4..k].iter().map(|c| c.1).collect();
                let b: String = chars[k + 1..k + 5].iter().map(|c| c.1).collect();
                if a.parse::<u32>().is_ok_and(|y| (1000..2200).contains(&y))
                    && b.parse::<u32>().is_ok_and(|y| (1000..2200).contains(&y))
                {
                    out.push(
                        Finding::warning(
                            CODE,
                            pos(k)..pos(k + 1),
                            format!("the range {a}-{b} takes an en dash: {a}–{b}"),
                        )
                        .suggest("–", "write – (U+2013 EN DASH)"),
                    );
                }
            }
        }
        _ => {}
    }
}

const MONTHS: &[(&str, &[&str])] = &[
    (
        "fr",
        &[
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    ),
    (
        "ru",
        &[
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ],
    ),
    (
        "kk",
        &[
            "қаңтар",
            "ақпан",
            "наурыз",
            "сәуір",
            "мамыр",
            "маусым",
            "шілде",
            "тамыз",
            "қыркүйек",
            "қазан",
            "қараша",
            "желтоқсан",
        ],
    ),
];

/// A month written with a capital after a day number (`9 Декабря`, `1 Décembre`), or in
/// Kazakh after a year and the word "year" (`2017 жылғы Шілдеде`, `2017 ж. Шілде`; not
/// `Қазан`, which after a year may be the city).
fn months(m: &Msg, lang: &str, out: &mut Vec<Finding>) {
    let Some((_, names)) = MONTHS.iter().find(|(l, _)| *l == lang) else {
        return;
    };
    let words = m.words();
    let spaces = |from: usize, to: usize, dot: bool| {
        m.masked.get(from..to).is_some_and(|gap| {
            gap.chars()
                .enumerate()
                .all(|(i, c)| c == ' ' || is_nb(c) || (dot && i == 0 && c == '.'))
        })
    };
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    // Only a word after a number (or, in Kazakh, two after one) can be a month to check.
    let number = |i: usize| {
        words
            .norm(i)
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit())
    };
    for k in 1..words.len() {
        if !(number(k - 1) || (lang == "kk" && k >= 2 && number(k - 2))) {
            continue;
        }
        let (day, month) = (words.get(k - 1), words.get(k));
        let after_day = digits(day.orig)
            && day.orig.len() <= 2
            && spaces(day.range.end, month.range.start, false);
        let after_year = lang == "kk" && k >= 2 && {
            let year = words.get(k - 2);
            digits(year.orig)
                && year.orig.len() == 4
                && spaces(year.range.end, day.range.start, false)
                && match day.norm {
                    "жылғы" | "жылы" => spaces(day.range.end, month.range.start, false),
                    "ж" => spaces(day.range.end, month.range.start, true),
                    _ => false,
                }
        };
        if !after_day && !after_year {
            continue;
        }
        let lower = month.norm;
        // After a year, `Қазан` is as likely the city (Kazan) as October.
        let is_month = names.iter().any(|n| {
            (lower == *n || (lang == "kk" && lower.starts_with(n))) && (after_day || *n != "қазан")
        });
        if is_month && month.orig.chars().next().is_some_and(char::is_uppercase) {
            out.push(
                Finding::error(
                    CODE,
                    month.range.clone(),
                    format!(
                        "months are written in lowercase in {lang}: \"{}\"",
                        month.norm
                    ),
                )
                .suggest(month.norm.to_string(), format!("write \"{}\"", month.norm)),
            );
        }
        if lang == "fr" && after_day && day.orig == "1" && is_month {
            out.push(
                Finding::warning(
                    CODE,
                    day.range.clone(),
                    "the first day of a month is written 1er in French",
                )
                .suggest("1er", "write \"1er\""),
            );
        }
    }
}

/// A number and the unit or counted noun after it (`11,5 tonnes`, `30 дней`, `2001 г.`)
/// take a no-break space, so a line never breaks between them: a plain space there is
/// replaced by U+00A0 (U+202F is accepted too). Only the words of the language's curated
/// list count (`units`); URLs and code are masked, and a line break is left alone.
fn number_units(m: &Msg, lang: &str, out: &mut Vec<Finding>) {
    if !super::units::has_list(lang) {
        return;
    }
    let text = m.masked.as_str();
    let b = text.as_bytes();
    let mut i = 0;
    // A number starts at a digit that follows no letter, digit or joiner.
    while let Some(at) = crate::text::find_byte(b, i, |x| x.wrapping_sub(b'0') < 10) {
        i = at;
        let joined = text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| crate::text::is_alnum(c) || "-./,_^".contains(c));
        let start = i;
        let mut end = i;
        // Digits, a decimal comma or point, groups of three after a no-break space.
        loop {
            while end < b.len() && b[end].is_ascii_digit() {
                end += 1;
            }
            let rest = &text[end..];
            let mut after = rest.chars();
            match after.next() {
                Some(',' | '.') if rest[1..].starts_with(|c: char| c.is_ascii_digit()) => {
                    end += 1;
                }
                Some(c) if is_nb(c) && group_of_three(&rest[c.len_utf8()..]) => {
                    end += c.len_utf8();
                }
                _ => break,
            }
        }
        i = end;
        if joined || b.get(end) != Some(&b' ') {
            continue;
        }
        let number = &text[start..end];
        let word_start = end + 1;
        let Some(word) = unit_word(&text[word_start..]) else {
            continue;
        };
        let year = number.len() == 4
            && number
                .parse::<u32>()
                .is_ok_and(|y| (1000..=2199).contains(&y));
        if super::units::is_unit(lang, word, year) {
            let shown = m
                .text
                .get(word_start..word_start + word.len())
                .unwrap_or(word);
            out.push(
                Finding::error(
                    CODE,
                    end..end + 1,
                    format!(
                        "a plain space between \"{number}\" and \"{shown}\": a number and its unit take a no-break space"
                    ),
                )
                .auto_fix(NBSP.to_string(), "write U+00A0 NO-BREAK SPACE"),
            );
        }
    }
}

/// Three digits and then no fourth: a group of thousands.
fn group_of_three(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && b.get(3).is_none_or(|c| !c.is_ascii_digit())
}

/// The word at the start of `s`: a run of letters (with its period, if one follows:
/// `г.`), or a currency sign. None when it runs on into an apostrophe, a hyphen or a
/// digit (`l’État`, `5-летний`): that is another word.
fn unit_word(s: &str) -> Option<&str> {
    let first = s.chars().next()?;
    if matches!(first, '€' | '$' | '£' | '₸') {
        return Some(&s[..first.len_utf8()]);
    }
    let len: usize = s
        .chars()
        .take_while(|c| crate::text::is_letter(*c) || matches!(*c as u32, 0x0300..=0x036F))
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return None;
    }
    match s[len..].chars().next() {
        Some('.') => Some(&s[..len + 1]),
        Some(c) if crate::text::is_alnum(c) || "’'-‐‑".contains(c) => None,
        _ => Some(&s[..len]),
    }
}

/// French capitals keep their accents: `Etat` → `État`.
fn accents(m: &Msg, out: &mut Vec<Finding>) {
    const WORDS: &[(&str, &str)] = &[
        ("Etat", "État"),
        ("Etats", "États"),
        ("Etats-Unis", "États-Unis"),
        ("Eglise", "Église"),
        ("Ecole", "École"),
        ("Egypte", "Égypte"),
        ("Elysée", "Élysée"),
        ("Equateur", "Équateur"),
        ("Etat-major", "État-major"),
    ];
    let words = m.words();
    for i in 0..words.len() {
        if !words.norm(i).starts_with('e') {
            continue;
        }
        let w = words.get(i);
        if let Some((_, right)) = WORDS.iter().find(|(wrong, _)| w.orig == *wrong) {
            out.push(
                Finding::error(
                    CODE,
                    w.range.clone(),
                    format!("capitals keep their accents in French: \"{right}\""),
                )
                .suggest(*right, format!("write \"{right}\"")),
            );
        }
    }
}

/// Kazakh: the case suffix of an acronym takes a hyphen. Glossary terms are left to the
/// glossary check, which names the entry.
fn acronym_suffixes(m: &Msg, out: &mut Vec<Finding>) {
    // The glossary's hits are looked for only when some word is an acronym with a suffix
    // (rare): finding every form of every entry is most of the glossary's cost.
    let candidate = |w: &str| {
        let caps = w.chars().take_while(|c| c.is_uppercase()).count();
        caps >= 2 && w.chars().skip(caps).any(|c| c.is_lowercase())
    };
    if !m
        .runs()
        .iter()
        .any(|r| candidate(&m.masked[r.range.clone()]))
    {
        return;
    }
    let glossary_hits: Vec<Range<usize>> = m
        .terms()
        .iter()
        .filter(|h| h.missing_hyphen.is_some() || h.kind == crate::glossary::FormKind::Forbidden)
        .map(|h| h.range.clone())
        .collect();
    for r in m.runs() {
        let (r, w) = (r.range.clone(), &m.masked[r.range.clone()]);
        let caps = w.chars().take_while(|c| c.is_uppercase()).count();
        let rest: String = w.chars().skip(caps).collect();
        if caps < 2 || rest.is_empty() || !rest.chars().all(|c| c.is_lowercase() && is_cyrillic(c))
        {
            continue;
        }
        if glossary_hits
            .iter()
            .any(|g| g.start <= r.start && r.end <= g.end)
        {
            continue;
        }
        let acronym: String = w.chars().take(caps).collect();
        let fixed = format!("{acronym}-{rest}");
        out.push(
            Finding::error(
                CODE,
                r.clone(),
                format!("\"{w}\": a case suffix after an acronym takes a hyphen: \"{fixed}\""),
            )
            .suggest(fixed.clone(), format!("write \"{fixed}\"")),
        );
    }
}
