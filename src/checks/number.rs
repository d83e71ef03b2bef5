//! `number`: every number of the English appears in the translation, written the
//! locale's way.
//!
//! ## What it does
//! Reads the numbers of the English segment (`,` groups thousands, `.` is the decimal
//! point) and finds each in the translation in the locale's form (CLDR): a decimal comma
//! (`11.5` → `11,5`), thousands grouped with a no-break space (`437,000` → `437 000`:
//! U+202F in French, U+00A0 in Russian and Kazakh; a plain space is an error because the
//! line may break inside the number). Four-digit numbers that the English writes without
//! a separator (years, article and case numbers) stay unseparated. Numbers inside URLs,
//! footnote references and code are ignored; `1er`, `1F(b)` or `22-month` count as the
//! number they start with. A small number (up to 12) may be written as a word (`un an`,
//! `пять`). A number the English lacks is a warning.
//!
//! A stale message (its English changed since it was translated) is compared with the
//! current English, not with its `# en:` stamp: a translator who updated `30 ans` to
//! `31 ans` before `dossier accept` is not told to put 30 back. When its numbers match
//! only the new English, a hint says so: `hint[number]: the numbers match the new English:
//! the message looks updated for it; run `dossier accept fr ID``. When they match only
//! the English it was translated from, the difference is a warning (the message is
//! stale, not wrong: an English edit does not make `check` fail before a translator could
//! update it); when they match neither, an error.
//!
//! ## Why it matters
//! A changed digit changes the facts; `11.5` reads as a thousands separator to a French
//! or Russian reader, so the figure is misread by a factor of a thousand.
//!
//! ## Example
//! ```ftl
//! # en: Kazakhstan exported 11.5 tonnes of gunpowder worth USD 437,000 to Russia.
//! exports = Казахстан экспортировал в Россию 11.5 тонн пороха на 437,000 долларов.
//! ```
//! `error[number]: "11.5" is written the English way: in ru write "11,5"`, and the same
//! for `437 000`.

use std::collections::BTreeMap;
use std::ops::Range;

use super::{Finding, Msg, Severity};

const CODE: &str = "number";

const SPACES: [char; 4] = [' ', '\u{A0}', '\u{202F}', '\u{2009}'];

/// A run of digits and separators as written.
#[derive(Debug, Clone)]
struct Token {
    range: Range<usize>,
    text: String,
}

/// The numbers of a text: runs of digits and the separators between them. Digits are
/// looked for byte by byte (most of a text has none); a property test holds this to the
/// scan of every character.
fn tokens(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(start) = crate::text::find_byte(b, i, |x| x.wrapping_sub(b'0') < 10) {
        let mut j = start + b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
        // Characters in the token so far, and the separators it has.
        let mut chars = j - start;
        let mut seps: Vec<char> = Vec::new();
        while let Some(sep) = text[j..].chars().next() {
            let after = j + sep.len_utf8();
            let run = b[after..].iter().take_while(|c| c.is_ascii_digit()).count();
            if run == 0 {
                break;
            }
            let ok = match sep {
                '.' | ',' => true,
                s if SPACES.contains(&s) => {
                    // A space groups only three digits after a short first group.
                    run == 3 && chars <= 3 && !seps.iter().any(|c| SPACES.contains(c))
                        || run == 3 && seps.contains(&s)
                }
                _ => false,
            };
            if !ok {
                break;
            }
            seps.push(sep);
            chars += 1 + run;
            j = after + run;
        }
        out.push(Token {
            text: text[start..j].to_string(),
            range: start..j,
        });
        i = j;
    }
    out
}

/// A number's value as a canonical string (`437000`, `11.5`), reading `,` as `group`
/// or as the decimal mark.
fn value(t: &str, english: bool) -> Option<String> {
    // Digits alone (most numbers): their value, without leading zeros, in any locale.
    if t.bytes().all(|b| b.is_ascii_digit()) {
        let int = t.trim_start_matches('0');
        return Some(if int.is_empty() { "0" } else { int }.to_string());
    }
    let (decimal, group): (char, &[char]) = if english {
        ('.', &[',', ' ', '\u{A0}', '\u{202F}', '\u{2009}'])
    } else {
        (',', &SPACES)
    };
    let mut int = String::new();
    let mut frac: Option<String> = None;
    let mut first_group = true;
    for part in split_keep(t) {
        match part {
            Part::Digits(d) => match &mut frac {
                Some(f) => f.push_str(d),
                None => int.push_str(d),
            },
            Part::Sep(c) if c == decimal && frac.is_none() => frac = Some(String::new()),
            Part::Sep(c) if group.contains(&c) && frac.is_none() => {
                first_group = false;
            }
            Part::Sep(_) => return None,
        }
    }
    let _ = first_group;
    // English groups are three digits: `1,5` is not a number.
    if english {
        let groups: Vec<&str> = t.split(',').collect();
        if groups.len() > 1
            && groups[1..]
                .iter()
                .any(|g| g.bytes().take_while(u8::is_ascii_digit).count() != 3)
        {
            return None;
        }
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    Some(match frac {
        Some(f) if !f.trim_end_matches('0').is_empty() => {
            format!("{int}.{}", f.trim_end_matches('0'))
        }
        _ => int.to_string(),
    })
}

enum Part<'a> {
    Digits(&'a str),
    Sep(char),
}

fn split_keep(t: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in t.char_indices() {
        if c.is_ascii_digit() {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                out.push(Part::Digits(&t[s..i]));
            }
            out.push(Part::Sep(c));
        }
    }
    if let Some(s) = start {
        out.push(Part::Digits(&t[s..]));
    }
    out
}

fn has_sep(t: &str) -> bool {
    t.contains(|c: char| !c.is_ascii_digit())
}

fn int_digits(v: &str) -> usize {
    v.split('.').next().map_or(0, str::len)
}

/// The locale's decimal mark and preferred group separator (CLDR).
fn format_of(lang: &str) -> Option<(char, char)> {
    match lang {
        "fr" => Some((',', '\u{202F}')),
        "ru" | "kk" | "uk" | "be" | "bg" | "cs" | "sk" | "pl" | "fi" | "sv" | "nb" | "no" => {
            Some((',', '\u{A0}'))
        }
        _ => None,
    }
}

/// `v` written in the locale's form, grouped when `grouped`.
fn localize(v: &str, decimal: char, group: char, grouped: bool) -> String {
    let (int, frac) = v.split_once('.').map_or((v, None), |(a, b)| (a, Some(b)));
    let mut out = String::new();
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if grouped && i > 0 && (n - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(decimal);
        out.push_str(f);
    }
    out
}

/// Number words up to twelve, as whole words or (`*`) word beginnings.
fn number_words(lang: &str, n: u32) -> &'static [&'static str] {
    match (lang, n) {
        ("fr", 1) => &["un", "une", "premier", "première"],
        ("fr", 2) => &["deux", "second", "seconde", "deuxième", "double"],
        ("fr", 3) => &["trois", "troisième", "triple"],
        ("fr", 4) => &["quatre", "quatrième"],
        ("fr", 5) => &["cinq", "cinquième"],
        ("fr", 6) => &["six", "sixième"],
        ("fr", 7) => &["sept", "septième"],
        ("fr", 8) => &["huit", "huitième"],
        ("fr", 9) => &["neuf", "neuvième"],
        ("fr", 10) => &["dix", "dixième"],
        ("fr", 11) => &["onze", "onzième"],
        ("fr", 12) => &["douze", "douzième"],
        ("ru", 1) => &[
            "один",
            "одна",
            "одно",
            "одного",
            "одной",
            "одному",
            "одним",
            "одну",
            "одном",
            "перв*",
            "год",
            "года",
            "году",
        ],
        ("ru", 2) => &[
            "два",
            "две",
            "двух",
            "двум",
            "двумя",
            "втор*",
            "оба",
            "обе",
            "обоих",
            "двое",
        ],
        ("ru", 3) => &["три", "трех", "трем", "тремя", "трет*", "трое"],
        ("ru", 4) => &[
            "четыре",
            "четырех",
            "четырем",
            "четырьмя",
            "четверт*",
            "четверо",
        ],
        ("ru", 5) => &["пять", "пяти", "пятью", "пят*"],
        ("ru", 6) => &["шесть", "шести", "шестью", "шест*"],
        ("ru", 7) => &["семь", "семи", "семью", "седьм*"],
        ("ru", 8) => &["восемь", "восьми", "восьмью", "восьм*"],
        ("ru", 9) => &["девять", "девяти", "девятью", "девят*"],
        ("ru", 10) => &["десять", "десяти", "десятью", "десят*"],
        ("ru", 11) => &["одиннадцат*"],
        ("ru", 12) => &["двенадцат*"],
        ("kk", 1) => &["бір*"],
        ("kk", 2) => &["екі*"],
        ("kk", 3) => &["үш*"],
        ("kk", 4) => &["төрт*"],
        ("kk", 5) => &["бес*"],
        ("kk", 6) => &["алты*"],
        ("kk", 7) => &["жеті*"],
        ("kk", 8) => &["сегіз*"],
        ("kk", 9) => &["тоғыз*"],
        ("kk", 10) => &["он", "оны", "онда", "оннан"],
        ("kk", 11 | 12) => &["он"],
        ("fr", 24) => &["jour", "jours"],
        ("ru", 24) => &["круглосуточ*", "сутки", "суток"],
        ("kk", 24) => &["тәулік*"],
        _ => &[],
    }
}

fn spelled_out(text: &str, lang: &str, v: &str) -> bool {
    let Ok(n) = v.parse::<u32>() else {
        return false;
    };
    let words = number_words(lang, n);
    if words.is_empty() {
        return false;
    }
    let norm = crate::glossary::normalize_word(text);
    norm.split(|c: char| !c.is_alphabetic()).any(|w| {
        words.iter().any(|p| match p.strip_suffix('*') {
            Some(prefix) => w.starts_with(prefix),
            None => w == *p,
        })
    })
}

/// A stale message's numbers (its English changed since it was translated), given its
/// `findings` against the English it was translated from: they are compared with the
/// current English instead, so a translator who updated a figure before `accept` is not
/// asked to undo it; when only the current English matches, a hint says the message looks
/// updated and how to accept it.
pub fn stale(
    locale: &str,
    id: &str,
    text: &str,
    english_now: &str,
    findings: Vec<Finding>,
) -> Vec<Finding> {
    let (then, mut out): (Vec<Finding>, Vec<Finding>) =
        findings.into_iter().partition(|f| f.code == CODE);
    let now = check(&Msg::new(locale, id, english_now, text, None));
    let then_wrong = then.iter().any(|f| f.severity == Severity::Error);
    if !then_wrong {
        // Right for the English it was translated from: only stale, which `status` and
        // `diff` say; a warning, so that an English edit does not fail `check` before a
        // translator could update the message.
        out.extend(now.into_iter().map(|f| match f.severity {
            Severity::Error => Finding {
                severity: Severity::Warning,
                message: format!(
                    "{} (the message is stale: its numbers are those of the English it was translated from)",
                    f.message
                ),
                ..f
            },
            _ => f,
        }));
    } else if now.is_empty() {
        // Pointing at the first number of the translation.
        let at = tokens(&crate::checks::text::mask(text))
            .first()
            .map_or(0..0, |t| t.range.clone());
        out.push(Finding {
            severity: Severity::Hint,
            ..Finding::error(
                CODE,
                at,
                format!(
                    "the numbers match the new English: the message looks updated for it; run `dossier accept {locale} {id}`"
                ),
            )
        });
    } else {
        out.extend(now);
    }
    out
}

/// The numbers of an English text: value → (as written, grouped?).
pub(super) fn english_numbers(english_masked: &str) -> super::EnglishNumbers {
    let mut want = super::EnglishNumbers::new();
    for t in tokens(english_masked) {
        // `1, 2` or `3.` are lists, not numbers: read each digit run on its own then.
        match value(&t.text, true) {
            Some(v) => {
                want.entry(v).or_insert((t.text.clone(), has_sep(&t.text)));
            }
            None => {
                for d in t
                    .text
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|d| !d.is_empty())
                {
                    if let Some(v) = value(d, true) {
                        want.entry(v).or_insert((d.to_string(), false));
                    }
                }
            }
        }
    }
    want
}

pub fn check(m: &Msg) -> Vec<Finding> {
    let lang = m.lang();
    let format = format_of(lang);
    let want = m.english_numbers();
    let mut out = Vec::new();
    let mut matched: BTreeMap<String, bool> = want.keys().map(|k| (k.clone(), false)).collect();
    let mut extras: Vec<Token> = Vec::new();
    for t in tokens(&m.masked) {
        let local = if format.is_some() {
            value(&t.text, false)
        } else {
            None
        };
        let english = value(&t.text, true);
        if let (Some(v), Some((decimal, group))) = (&local, format) {
            if let Some((en_text, en_grouped)) = want.get(v) {
                matched.insert(v.clone(), true);
                let grouped_here = t.text.contains(SPACES);
                let digits = int_digits(v);
                if t.text.contains(' ') {
                    let fixed = t.text.replace(' ', &group.to_string());
                    out.push(
                        Finding::error(
                            CODE,
                            t.range.clone(),
                            format!("\"{}\" is grouped with a plain space: the line can break inside the number", t.text),
                        )
                        .auto_fix(fixed.clone(), format!("write \"{fixed}\" (no-break space U+{:04X})", group as u32)),
                    );
                } else if grouped_here && !en_grouped && digits == 4 {
                    let fixed: String = t.text.chars().filter(|c| !SPACES.contains(c)).collect();
                    out.push(
                        Finding::error(
                            CODE,
                            t.range.clone(),
                            format!("\"{}\": years and reference numbers are not grouped (the English has \"{en_text}\")", t.text),
                        )
                        .auto_fix(fixed.clone(), format!("write \"{fixed}\"")),
                    );
                } else if !grouped_here && *en_grouped && digits >= 5 {
                    let fixed = localize(v, decimal, group, true);
                    out.push(
                        Finding::error(
                            CODE,
                            t.range.clone(),
                            format!("\"{}\": group the thousands in {lang} (the English has \"{en_text}\")", t.text),
                        )
                        .auto_fix(fixed.clone(), format!("write \"{fixed}\"")),
                    );
                }
                continue;
            }
        }
        if let Some(v) = &english {
            if want.contains_key(v) {
                matched.insert(v.clone(), true);
                if let Some((decimal, group)) = format {
                    if has_sep(&t.text) {
                        let (_, en_grouped) = &want[v];
                        let fixed = localize(v, decimal, group, *en_grouped || int_digits(v) >= 5);
                        out.push(
                            Finding::error(
                                CODE,
                                t.range.clone(),
                                format!("\"{}\" is written the English way: in {lang} write \"{fixed}\"", t.text),
                            )
                            .suggest(fixed.clone(), format!("write \"{fixed}\"")),
                        );
                    }
                }
                continue;
            }
        }
        extras.push(t);
    }
    let first = 0..m.text.chars().next().map_or(0, char::len_utf8);
    for (v, found) in &matched {
        if *found || spelled_out(m.text, lang, v) {
            continue;
        }
        let (en_text, _) = &want[v];
        if !extras.is_empty() {
            let t = extras.remove(0);
            out.push(Finding::error(
                CODE,
                t.range.clone(),
                format!("\"{}\" here, but the English has \"{en_text}\"", t.text),
            ));
        } else {
            out.push(Finding::error(
                CODE,
                first.clone(),
                format!("the English has the number \"{en_text}\", the translation does not"),
            ));
        }
    }
    for t in extras {
        out.push(Finding::warning(
            CODE,
            t.range.clone(),
            format!("\"{}\" is not a number of the English", t.text),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tokens` as first written, character by character.
    fn tokens_by_definition(text: &str) -> Vec<Token> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let end_of = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            if !chars[k].1.is_ascii_digit() {
                k += 1;
                continue;
            }
            let start = k;
            let mut j = k;
            while j < chars.len() && chars[j].1.is_ascii_digit() {
                j += 1;
            }
            while let Some(&(_, sep)) = chars.get(j) {
                let run = chars[j + 1..]
                    .iter()
                    .take_while(|c| c.1.is_ascii_digit())
                    .count();
                if run == 0 {
                    break;
                }
                let ok = match sep {
                    '.' | ',' => true,
                    s if SPACES.contains(&s) => {
                        // A space groups only three digits after a short first group.
                        run == 3
                            && j - start <= 3
                            && !chars[start..j].iter().any(|c| SPACES.contains(&c.1))
                            || run == 3 && chars[start..j].iter().any(|c| c.1 == s)
                    }
                    _ => false,
                };
                if !ok {
                    break;
                }
                j += 1 + run;
            }
            let range = chars[start].0..end_of(j);
            out.push(Token {
                text: text[range.clone()].to_string(),
                range,
            });
            k = j;
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn tokens_are_as_defined(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "1", "12", "123", "2016", " ", "\u{A0}", "\u{202F}", "\u{2009}", ".", ",",
                ":", "a", "é", "-", "000", "4",
            ]), 0..14)
        ) {
            let text = pieces.concat();
            let a: Vec<(std::ops::Range<usize>, String)> =
                tokens(&text).into_iter().map(|t| (t.range, t.text)).collect();
            let b: Vec<(std::ops::Range<usize>, String)> =
                tokens_by_definition(&text).into_iter().map(|t| (t.range, t.text)).collect();
            proptest::prop_assert_eq!(a, b, "{:?}", text);
        }
    }

    #[test]
    fn readings() {
        assert_eq!(value("437,000", true).as_deref(), Some("437000"));
        assert_eq!(value("11.5", true).as_deref(), Some("11.5"));
        assert_eq!(value("437\u{202F}000", false).as_deref(), Some("437000"));
        assert_eq!(value("11,5", false).as_deref(), Some("11.5"));
        assert_eq!(value("11.5", false), None);
        let t: Vec<String> = tokens("Annexes 1, 2 et 3, 7,62×54 mm, 437 000 $ en 2022 2023")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(t, ["1", "2", "3", "7,62", "54", "437 000", "2022", "2023"]);
    }
}
