//! Kazakh Cyrillic → Kazakh Latin (the 2021 alphabet), for the derived `kk-Latn` edition.
//!
//! The 2021 alphabet (31 letters, presented by the Government of Kazakhstan on 28 January
//! 2021 to replace the table of Presidential Decree No. 569 of 26 October 2017; copied in
//! ../shared/LOCALE-RULES.md; sources in docs/editions.md) fixes the native letters. It
//! has no letter for those of Russian loans, which are mapped as Kazakh pronounces them
//! (not Ç for Ч: Ç was in the 2019 draft, not in the 2021 alphabet), and the choice is
//! versioned as [`MAPPING`]:
//!
//! | Cyrl | Latn | why |
//! |---|---|---|
//! | Ц ц | S s | Kazakh pronounces it [s]: цирк → sirk |
//! | Ч ч | Ş ş | Kazakh pronounces it [ʃ]: чемпион → şempion |
//! | Щ щ | Ş ş | as Ч |
//! | Ъ ъ, Ь ь | (nothing) | no sound of their own |
//! | Э э | E e | the same vowel as Е |
//! | Ё ё | İo io | Й + О, as the table writes Й |
//! | Ю ю | İu iu | Й + У |
//! | Я я | İa ia | Й + А |
//!
//! Casing is Turkic: the capital of `i` is `İ`, the capital of `ı` is `I` (Rust's
//! `to_uppercase` gives `I` for `i`, which would turn И into the wrong letter). A capital
//! that becomes two Latin letters is written `İA` inside a word in capitals (ӘБЛЯЗОВ →
//! ÄBLİAZOV) and `İa` otherwise (Ялта → İalta).
//!
//! Names that are Latin-script in the original keep their own spelling ([`Names`], from
//! glossary.csv: "Tony Blair", not "Toni Bler"), their Kazakh endings transliterated.
//!
//! Only Cyrillic letters change, so Markdown syntax survives; [`kk_latn_markdown`] also
//! leaves inline code, URLs, link and image targets, footnote labels and raw HTML alone.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

/// The name and version of the mapping, shown on the derived page.
pub const MAPPING: &str = "dossier kk-Latn 2";

/// The Latin spelling of one lowercase Kazakh Cyrillic letter, or `None` for anything else.
fn lower_latin(c: char) -> Option<&'static str> {
    let i = (c as u32).wrapping_sub(CYRILLIC);
    LATIN.get(i as usize).copied().flatten()
}

/// The first code point of the Cyrillic block.
const CYRILLIC: u32 = 0x400;

/// `latin_of` for every code point of the Cyrillic block, looked up by offset.
const LATIN: [Option<&str>; 0x100] = {
    let mut table = [None; 0x100];
    let mut i = 0;
    while i < table.len() {
        if let Some(c) = char::from_u32(CYRILLIC + i as u32) {
            table[i] = latin_of(c);
        }
        i += 1;
    }
    table
};

/// The mapping itself: the Latin spelling of a lowercase Kazakh Cyrillic letter.
const fn latin_of(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'ә' => "ä",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' => "ğ",
        'д' => "d",
        'е' => "e",
        'ё' => "io",
        'ж' => "j",
        'з' => "z",
        'и' => "i",
        'й' => "i",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ñ",
        'о' => "o",
        'ө' => "ö",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ұ' => "ū",
        'ү' => "ü",
        'ф' => "f",
        'х' => "h",
        'һ' => "h",
        'ц' => "s",
        'ч' => "ş",
        'ш' => "ş",
        'щ' => "ş",
        'ъ' => "",
        'ы' => "y",
        'і' => "ı",
        'ь' => "",
        'э' => "e",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

/// Lowercase of a Cyrillic capital this module maps (Rust's Cyrillic casing is right; only
/// the Latin i/ı pair differs in Turkic languages).
fn cyrillic_lower(c: char) -> Option<char> {
    if !is_cyrillic(c) {
        return None;
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) if x != c => Some(x),
        _ => None,
    }
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// Turkic uppercase of one letter: i → İ, ı → I, anything else as Unicode says.
pub fn turkic_upper_char(c: char, out: &mut String) {
    match c {
        'i' => out.push('İ'),
        'ı' => out.push('I'),
        c => out.extend(c.to_uppercase()),
    }
}

/// Turkic uppercase of a string.
pub fn turkic_upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        turkic_upper_char(c, &mut out);
    }
    out
}

/// Turkic lowercase of a string: İ → i, I → ı.
pub fn turkic_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'İ' => out.push('i'),
            'I' => out.push('ı'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn is_upper_letter(c: Option<char>) -> bool {
    c.is_some_and(|c| crate::text::is_letter(c) && c.is_uppercase())
}

/// Transliterates Kazakh Cyrillic text to Latin; every other character is kept.
pub fn kk_latn(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    push_kk_latn(&mut out, text);
    into_string(out)
}

/// The text transliteration built: only whole characters were pushed, so it is UTF-8
/// (checked all the same, once, instead of pushing through `String` letter by letter).
fn into_string(bytes: Vec<u8>) -> String {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    // SAFETY: simdutf8 accepted `bytes`, and it accepts exactly what `std::str::from_utf8`
    // accepts (as in `fsio::read_text`); the standard check a second time was a fifth of
    // the transliteration's time.
    unsafe { String::from_utf8_unchecked(bytes) }
}

/// A spelling as UTF-8 bytes padded to four, and its length.
#[derive(Clone, Copy, Default)]
struct Spelling {
    bytes: [u8; 4],
    len: u8,
}

impl Spelling {
    fn of(s: &str) -> Spelling {
        let mut bytes = [0u8; 4];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Spelling {
            bytes,
            len: s.len() as u8,
        }
    }

    /// The spelling in one word: bytes in the low 32 bits, length in the next 8.
    fn packed(self) -> u64 {
        u64::from(u32::from_le_bytes(self.bytes)) | (u64::from(self.len) << 32)
    }
}

/// What a character of the Cyrillic block becomes: a small letter its Latin spelling, a
/// capital the Turkic capital of the first letter of that spelling and the rest as it is,
/// a character the mapping leaves alone its own two bytes. `in_caps`: the spelling of a
/// capital spelled with two letters inside a word in capitals (ӘБЛЯЗОВ → ÄBLİAZOV).
#[derive(Clone, Copy, Default)]
struct Letter {
    usual: Spelling,
    in_caps: Option<Spelling>,
}

/// Every character of the Cyrillic block, by offset.
static LETTERS: std::sync::LazyLock<[Letter; 0x100]> = std::sync::LazyLock::new(|| {
    let mut table = [Letter::default(); 0x100];
    for (i, slot) in table.iter_mut().enumerate() {
        let Some(c) = char::from_u32(CYRILLIC + i as u32) else {
            continue;
        };
        *slot = match (lower_latin(c), cyrillic_lower(c).and_then(lower_latin)) {
            (Some(latin), _) => Letter {
                usual: Spelling::of(latin),
                in_caps: None,
            },
            (None, Some(latin)) => {
                let mut letters = latin.chars();
                let mut first = String::new();
                if let Some(f) = letters.next() {
                    turkic_upper_char(f, &mut first);
                }
                let rest = letters.as_str();
                Letter {
                    usual: Spelling::of(&format!("{first}{rest}")),
                    in_caps: (!rest.is_empty())
                        .then(|| Spelling::of(&format!("{first}{}", turkic_upper(rest)))),
                }
            }
            (None, None) => Letter {
                usual: Spelling::of(c.encode_utf8(&mut [0; 4])),
                in_caps: None,
            },
        };
    }
    table
});

/// `LETTERS` as the transliteration reads it: each usual spelling packed in a word, with
/// `IN_CAPS` set when the letter has another spelling inside a word in capitals.
static PACKED: std::sync::LazyLock<[u64; 0x100]> = std::sync::LazyLock::new(|| {
    LETTERS.map(|l| l.usual.packed() | if l.in_caps.is_some() { IN_CAPS } else { 0 })
});

const IN_CAPS: u64 = 1 << 40;

/// `kk_latn`, appended to `out`. Works on bytes: in UTF-8 every character of the Cyrillic
/// block (U+0400–U+04FF) is two bytes led by 0xD0–0xD3, which no other byte is, so
/// everything else is copied without being decoded. The output goes into room made up
/// front (no spelling is longer than twice the bytes it replaces), four bytes a letter (a
/// fixed size: no call), and is cut to what was written at the end.
fn push_kk_latn(out: &mut Vec<u8>, text: &str) {
    let packed = &*PACKED;
    let b = text.as_bytes();
    let start = out.len();
    out.resize(start + 2 * b.len() + 4, 0);
    let buf = &mut out[start..];
    let mut w = 0;
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        if !matches!(lead, 0xD0..=0xD3) {
            buf[w] = lead;
            w += 1;
            i += 1;
            continue;
        }
        // `text` is UTF-8: a lead byte is followed by its continuation byte. The block
        // starts at 0xD0 0x80: its offset is the lead's two low bits and the
        // continuation's six.
        let offset = (usize::from(lead & 0x03) << 6) | usize::from(b[i + 1] & 0x3F);
        let at = i;
        i += 2;
        let mut spelling = packed[offset];
        if spelling & IN_CAPS != 0 {
            let before = text[..at].chars().next_back();
            let next = text[i..].chars().next();
            let next_is_letter = next.is_some_and(crate::text::is_letter);
            if is_upper_letter(next) || (!next_is_letter && is_upper_letter(before)) {
                spelling = LETTERS[offset].in_caps.map_or(spelling, Spelling::packed);
            }
        }
        buf[w..w + 4].copy_from_slice(&(spelling as u32).to_le_bytes());
        w += usize::from((spelling >> 32) as u8);
    }
    out.truncate(start + w);
}

/// Transliterates the human text of a Markdown fragment (a segment's text), leaving inline
/// code, raw HTML, autolinks and bare URLs, link and image destinations and titles,
/// reference labels and footnote labels exactly as they are.
pub fn kk_latn_markdown(md: &str) -> String {
    kk_latn_markdown_with(md, &Names::default())
}

/// `kk_latn_markdown`, writing the given names in their own spelling.
pub fn kk_latn_markdown_with(md: &str, names: &Names) -> String {
    let keep = protected(md);
    let mut out = Vec::with_capacity(md.len() + md.len() / 8);
    let mut pos = 0;
    for r in keep {
        if r.start < pos {
            continue;
        }
        push_text(&mut out, &md[pos..r.start], names);
        out.extend_from_slice(&md.as_bytes()[r.clone()]);
        pos = r.end;
    }
    push_text(&mut out, &md[pos..], names);
    into_string(out)
}

/// Transliterates plain text, keeping bare URLs.
fn push_text(out: &mut Vec<u8>, text: &str, names: &Names) {
    let mut rest = text;
    while let Some(at) = next_url(rest) {
        push_named(out, &rest[..at], names);
        let url = &rest[at..];
        let end = url.find(char::is_whitespace).unwrap_or(url.len());
        out.extend_from_slice(&url.as_bytes()[..end]);
        rest = &url[end..];
    }
    push_named(out, rest, names);
}

/// Names the kk-Latn edition writes in their own spelling instead of transliterating them
/// back from Kazakh Cyrillic ("Tony Blair", not "Toni Bler"): pairs of a word as the
/// Kazakh text spells it (`Блэр`) and its Latin spelling (`Blair`), taken from
/// glossary.csv ([`Names::from_glossary`]). A word of the text that is one of them, alone
/// or followed by Kazakh endings, takes the spelling and keeps its endings transliterated
/// (`Блэрдің` → `Blairdiñ`); in capitals, the spelling in capitals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names {
    /// (Cyrillic word, Latin spelling), longest Cyrillic word first.
    words: Vec<(String, String)>,
    /// Each of `words` in capitals.
    upper: Vec<(String, String)>,
    /// Indices into `words`, in order, by the first letter of the Cyrillic word and of
    /// its capitals: the only names a word with that first letter can be.
    by_first: rustc_hash::FxHashMap<char, Vec<usize>>,
}

impl Names {
    /// The names of the given pairs; of two spellings for one Cyrillic word, the first.
    pub fn new(pairs: impl IntoIterator<Item = (String, String)>) -> Names {
        let mut words: Vec<(String, String)> = Vec::new();
        for (cyrl, latn) in pairs {
            if !cyrl.is_empty() && !latn.is_empty() && !words.iter().any(|(c, _)| *c == cyrl) {
                words.push((cyrl, latn));
            }
        }
        words.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        let upper: Vec<(String, String)> = words
            .iter()
            .map(|(c, l)| (c.to_uppercase(), l.to_uppercase()))
            .collect();
        let mut by_first: rustc_hash::FxHashMap<char, Vec<usize>> = Default::default();
        for (i, ((c, _), (u, _))) in words.iter().zip(&upper).enumerate() {
            for first in [c.chars().next(), u.chars().next()].into_iter().flatten() {
                let list = by_first.entry(first).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Names {
            words,
            upper,
            by_first,
        }
    }

    /// The names glossary.csv gives: for each row flagged `latin_name` (its `en` column
    /// is the name's own spelling) or with a `kk-Latn` column (the spelling, where it
    /// differs from the English), the words of its Kazakh term paired with the words of
    /// that spelling, when both have as many words (`Тони Блэр` / `Tony Blair`), and the
    /// words of its other accepted Kazakh forms that the term pairs (`Блэр`).
    pub fn from_glossary(entries: &[crate::glossary::Entry]) -> Names {
        let mut pairs = Vec::new();
        for e in entries {
            let spelling = e
                .forms
                .get(LOCALE)
                .and_then(|f| f.term.first())
                .or(e.en.first().filter(|_| e.latin_name));
            let (Some(spelling), Some(kk)) = (spelling, e.forms.get("kk")) else {
                continue;
            };
            let latin: Vec<&str> = spelling.split_whitespace().collect();
            for form in kk.term.iter().chain(&kk.allowed) {
                let cyrillic: Vec<&str> = form.split_whitespace().collect();
                if cyrillic.len() != latin.len() {
                    continue;
                }
                for (c, l) in cyrillic.iter().zip(&latin) {
                    if c.chars().any(is_cyrillic) {
                        pairs.push((c.to_string(), l.to_string()));
                    }
                }
            }
        }
        Names::new(pairs)
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The spelling of a word of the text and the length of the part it replaces, when
    /// the word is a name alone or followed by Kazakh endings.
    fn spell(&self, word: &str) -> Option<(String, usize)> {
        let candidates = self.by_first.get(&word.chars().next()?)?;
        let caps = word.chars().filter(|c| crate::text::is_letter(*c)).count() > 1
            && word.chars().all(|c| !c.is_lowercase());
        for &i in candidates {
            let (cyrl, latn) = &self.words[i];
            if let Some(rest) = word.strip_prefix(cyrl.as_str()) {
                if kazakh_endings(rest) {
                    return Some((latn.clone(), cyrl.len()));
                }
            }
            if caps {
                let (upper, latn_upper) = &self.upper[i];
                if let Some(rest) = word.strip_prefix(upper.as_str()) {
                    if kazakh_endings(&rest.to_lowercase()) {
                        return Some((latn_upper.clone(), upper.len()));
                    }
                }
            }
        }
        None
    }
}

/// The locale column of glossary.csv that gives a name's spelling in the kk-Latn edition.
pub const LOCALE: &str = "kk-Latn";

/// Kazakh endings a name takes (case, possession, plural, likeness), each a few letters.
const ENDINGS: &[&str] = &[
    "лар", "лер", "дар", "дер", "тар", "тер", "ның", "нің", "дың", "дің", "тың", "тің", "ға", "ге",
    "қа", "ке", "ны", "ні", "ды", "ді", "ты", "ті", "да", "де", "та", "те", "дан", "ден", "тан",
    "тен", "нан", "нен", "мен", "бен", "пен", "дай", "дей", "тай", "тей", "ша", "ше", "ғы", "гі",
    "қы", "кі",
];

/// Possessive endings, after which the case endings below may follow.
const POSSESSIVE: &[&str] = &["ы", "і", "сы", "сі", "ың", "ің", "ым", "ім"];

/// Case endings that follow only a possessive ending (`Блэрі` + `не`): directly after a
/// name they would read other words as the name (`Мади` + `на`).
const AFTER_POSSESSIVE: &[&str] = &["н", "на", "не", "а", "е", "нда", "нде"];

/// Whether `rest` is empty or a chain of Kazakh endings (`дің`, `дағы` = `да` + `ғы`,
/// `сіне` = `сі` + `не`).
fn kazakh_endings(rest: &str) -> bool {
    if rest.is_empty() {
        return true;
    }
    // At byte i: 0 unreachable, 1 reached after a stem or a case ending, 2 after a
    // possessive ending (endings are Cyrillic, two bytes a letter).
    let mut state = vec![0u8; rest.len() + 1];
    state[0] = 1;
    for i in 0..rest.len() {
        if state[i] == 0 || !rest.is_char_boundary(i) {
            continue;
        }
        let tail = &rest[i..];
        for (list, to) in [(ENDINGS, 1u8), (POSSESSIVE, 2u8)] {
            for e in list.iter().filter(|e| tail.starts_with(**e)) {
                state[i + e.len()] = state[i + e.len()].max(to);
            }
        }
        if state[i] == 2 {
            for e in AFTER_POSSESSIVE.iter().filter(|e| tail.starts_with(**e)) {
                state[i + e.len()] = state[i + e.len()].max(1);
            }
        }
    }
    state[rest.len()] != 0
}

/// `push_kk_latn`, with `names` in their own spelling.
fn push_named(out: &mut Vec<u8>, text: &str, names: &Names) {
    if names.is_empty() {
        push_kk_latn(out, text);
        return;
    }
    let mut done = 0;
    let mut word_start: Option<usize> = None;
    let check = |start: usize, end: usize, done: &mut usize, out: &mut Vec<u8>| {
        let word = &text[start..end];
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return;
        }
        if let Some((spelling, len)) = names.spell(word) {
            push_kk_latn(out, &text[*done..start]);
            out.extend_from_slice(spelling.as_bytes());
            push_kk_latn(out, &text[start + len..end]);
            *done = end;
        }
    };
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (letter, len) = cyrillic_letter_at(b, i);
        match (letter, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                check(s, i, &mut done, out);
                word_start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = word_start {
        check(s, text.len(), &mut done, out);
    }
    push_kk_latn(out, &text[done..]);
}

/// Whether the character at byte `i` (a character boundary) is a Cyrillic letter
/// (`is_cyrillic`, a letter), and its length, from its bytes: U+0400–U+04FF are the lead
/// bytes D0–D3, and all letters but U+0482–U+0489 (D2 82–D2 89).
#[inline]
fn cyrillic_letter_at(b: &[u8], i: usize) -> (bool, usize) {
    match b[i] {
        0xD0 | 0xD1 | 0xD3 => (true, 2),
        0xD2 => (
            !(0x82..=0x89).contains(&b.get(i + 1).copied().unwrap_or(0)),
            2,
        ),
        x if x < 0x80 => (false, 1),
        x if x >= 0xF0 => (false, 4),
        x if x >= 0xE0 => (false, 3),
        _ => (false, 2),
    }
}

/// Where the first `http://`, `https://` or `www.` in `s` starts.
fn next_url(s: &str) -> Option<usize> {
    // ASCII bytes are character boundaries.
    memchr::memchr2_iter(b'h', b'w', s.as_bytes()).find(|&i| {
        s[i..].starts_with("http://")
            || s[i..].starts_with("https://")
            || s[i..].starts_with("www.")
    })
}

/// Byte ranges of `md` that are not human text, in order, not overlapping.
fn protected(md: &str) -> Vec<Range<usize>> {
    protected_with(md, true)
}

/// `protected`; `shortcut` false always parses (for the test that compares the two).
fn protected_with(md: &str, shortcut: bool) -> Vec<Range<usize>> {
    if shortcut && plain_text(md) {
        return Vec::new();
    }
    let mut keep = if shortcut && footnote_refs_only(md) {
        Vec::new()
    } else {
        parsed(md)
    };
    // Footnote references and reference-link labels, also where their definition is not
    // in this fragment (a segment is parsed without the rest of its document).
    for at in crate::lines::pairs(md.as_bytes(), b'[', b'^') {
        if let Some(len) = memchr::memchr(b']', &md.as_bytes()[at..]) {
            if !md[at..at + len].contains(char::is_whitespace) {
                keep.push(at..at + len + 1);
            }
        }
    }
    for at in crate::lines::pairs(md.as_bytes(), b']', b'[') {
        if let Some(len) = memchr::memchr(b']', &md.as_bytes()[at + 1..]) {
            keep.push(at + 1..at + 1 + len + 1);
        }
    }
    keep.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(keep.len());
    for r in keep {
        match merged.last_mut() {
            Some(m) if r.start <= m.end => m.end = m.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Built once: building a searcher costs more than searching a segment.
static FOUR_SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("    "));

/// True when the only markup a fragment can hold is footnote references: no code, HTML,
/// math or indented block, and every `[` opens `[^`, with no `](` or `![`. The parser then
/// finds nothing the scan for `[^…]` does not (most segments of a document with notes are
/// like this, and parsing each one was most of the kk-Latn edition's cost).
fn footnote_refs_only(md: &str) -> bool {
    let b = md.as_bytes();
    FOUR_SPACES.find(b).is_none()
        && crate::lines::pairs(b, b']', b'(').next().is_none()
        && crate::lines::pairs(b, b'!', b'[').next().is_none()
        && !has_markup_byte(b)
        && memchr::memchr_iter(b'[', b).all(|i| b.get(i + 1) == Some(&b'^'))
}

/// The ranges the parser says are not human text (code, HTML, math, link targets).
fn parsed(md: &str) -> Vec<Range<usize>> {
    let mut keep: Vec<Range<usize>> = Vec::new();
    // Open links and images: their range and where their last child ended.
    let mut open: Vec<(Range<usize>, usize, bool)> = Vec::new();
    for (ev, r) in Parser::new_ext(md, crate::segment::options()).into_offset_iter() {
        if let Some(top) = open.last_mut() {
            if !matches!(ev, Event::End(TagEnd::Link | TagEnd::Image)) {
                top.1 = top.1.max(r.end);
            }
        }
        match ev {
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_)
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => keep.push(r),
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::HtmlBlock) => keep.push(r),
            Event::Start(Tag::Link { link_type, .. }) => {
                let whole = matches!(link_type, LinkType::Autolink | LinkType::Email);
                let text_start = r.start + 1;
                open.push((r, text_start, whole));
            }
            Event::Start(Tag::Image { .. }) => {
                let text_start = r.start + 2;
                open.push((r, text_start, false));
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((whole, last, autolink)) = open.pop() {
                    if autolink {
                        keep.push(whole.clone());
                    } else {
                        // `](target "title")`, `][label]` or the `]` of a shortcut.
                        keep.push(last.min(whole.end)..whole.end);
                    }
                    if let Some(top) = open.last_mut() {
                        top.1 = top.1.max(whole.end);
                    }
                }
            }
            _ => {}
        }
    }
    keep
}

/// True when `md` has nothing `protected` could find: no code (backticks, tildes, or four
/// spaces or a tab that could indent a code block, also after a list marker), no HTML or
/// autolink (`<`), no link, image, footnote or reference (`[`), no math (`$`). Most
/// segments are such plain text, and need no parse.
fn plain_text(md: &str) -> bool {
    FOUR_SPACES.find(md.as_bytes()).is_none()
        && !has_markup_byte(md.as_bytes())
        && memchr::memchr(b'[', md.as_bytes()).is_none()
}

/// Whether `b` holds one of `` ` ~ < $ `` or a tab (two vectorised scans).
fn has_markup_byte(b: &[u8]) -> bool {
    memchr::memchr3(b'`', b'~', b'<', b).is_some() || memchr::memchr2(b'$', b'\t', b).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_letters_are_told_from_their_bytes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(
                cyrillic_letter_at(s.as_bytes(), 0),
                (is_cyrillic(c) && c.is_alphabetic(), c.len_utf8()),
                "{c:?}"
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Plain text has nothing to protect: skipping the parse changes nothing.
        #[test]
        fn plain_text_has_nothing_protected(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Қ", " ", "  ", "   ", "\n", "\n    ", "*", "_", "**", "]", "(", ")", "!",
                "&amp;", "#", "-", "1.", "|", ">", "\\", "http://x", "www.y", "`", "~~~", "<b>",
                "[^1]", "[a](b)", "$x$", "\t", "    ", "\n\n", "- ", "> ", "1. ", "===", "---",
            ]), 0..12)
        ) {
            let md = pieces.concat();
            if plain_text(&md) {
                proptest::prop_assert!(
                    !Parser::new_ext(&md, crate::segment::options()).into_offset_iter().any(|(ev, _)| {
                        matches!(
                            ev,
                            Event::Code(_)
                                | Event::InlineHtml(_)
                                | Event::Html(_)
                                | Event::FootnoteReference(_)
                                | Event::InlineMath(_)
                                | Event::DisplayMath(_)
                                | Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Link { .. } | Tag::Image { .. })
                        )
                    }),
                    "{:?}", md
                );
            }
        }
    }

    /// `kk_latn` as first written, one character at a time with both neighbours at hand.
    fn kk_latn_by_definition(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            if let Some(latin) = lower_latin(c) {
                out.push_str(latin);
                continue;
            }
            let Some(latin) = cyrillic_lower(c).and_then(lower_latin) else {
                out.push(c);
                continue;
            };
            let mut letters = latin.chars();
            let Some(first) = letters.next() else {
                continue;
            };
            turkic_upper_char(first, &mut out);
            let rest = letters.as_str();
            if rest.is_empty() {
                continue;
            }
            let next = chars.get(i + 1).copied();
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next_is_letter = next.is_some_and(char::is_alphabetic);
            if is_upper_letter(next) || (!next_is_letter && is_upper_letter(prev)) {
                out.push_str(&turkic_upper(rest));
            } else {
                out.push_str(rest);
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The shortcuts (plain text, footnote references only) protect exactly what the
        /// parser does.
        #[test]
        fn footnote_references_need_no_parse(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Қ", " ", "  ", "\n", "\n\n", "*", "_", "**", "]", "(", ")", "!", "&amp;",
                "#", "-", "1.", "|", ">", "\\", "http://x", "[^1]", "[^a b]", "[^2][^3]", "[^",
                "]:", "[^1]: x", "- ", "> ", "1. ", "===", "---", "^", "[^x]]", "<",
            ]), 0..14)
        ) {
            let md = pieces.concat();
            proptest::prop_assert_eq!(protected_with(&md, true), protected_with(&md, false), "{:?}", md);
        }
    }
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn transliteration_is_as_defined(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "Я", "я", "Ю", "ё", "Ё", "Ә", "ә", "Ъ", "ь", "А", "қ", "І", "і", "И", "A", "a",
                " ", "-", "1", "é", "Ж", "ЯЛТА", "http://x.kz", "www.a", "h", "w", "\n", "Ї",
                "ї", "Ў", "Ѣ", "Ш", "Щ", "Ц", "ЁЖ", "Ӏ", "ӏ", "Ѐ", "ӿ", "€", "𝕏",
            ]), 0..16)
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(kk_latn(&text), kk_latn_by_definition(&text));
            let mut by_definition = String::new();
            let mut rest = text.as_str();
            while let Some(at) = ["http://", "https://", "www."].iter().filter_map(|p| rest.find(p)).min() {
                by_definition.push_str(&kk_latn_by_definition(&rest[..at]));
                let url = &rest[at..];
                let end = url.find(char::is_whitespace).unwrap_or(url.len());
                by_definition.push_str(&url[..end]);
                rest = &url[end..];
            }
            by_definition.push_str(&kk_latn_by_definition(rest));
            let mut out = Vec::new();
            push_text(&mut out, &text, &Names::default());
            proptest::prop_assert_eq!(into_string(out), by_definition);
        }
    }

    #[track_caller]
    fn check(cyrl: &str, latn: &str) {
        assert_eq!(kk_latn(cyrl), latn, "{cyrl}");
    }

    /// Every letter of the 42-letter alphabet, capital and small, alone in a word.
    #[test]
    fn every_letter() {
        let table = [
            ("А", "а", "A", "a"),
            ("Ә", "ә", "Ä", "ä"),
            ("Б", "б", "B", "b"),
            ("В", "в", "V", "v"),
            ("Г", "г", "G", "g"),
            ("Ғ", "ғ", "Ğ", "ğ"),
            ("Д", "д", "D", "d"),
            ("Е", "е", "E", "e"),
            ("Ё", "ё", "İo", "io"),
            ("Ж", "ж", "J", "j"),
            ("З", "з", "Z", "z"),
            ("И", "и", "İ", "i"),
            ("Й", "й", "İ", "i"),
            ("К", "к", "K", "k"),
            ("Қ", "қ", "Q", "q"),
            ("Л", "л", "L", "l"),
            ("М", "м", "M", "m"),
            ("Н", "н", "N", "n"),
            ("Ң", "ң", "Ñ", "ñ"),
            ("О", "о", "O", "o"),
            ("Ө", "ө", "Ö", "ö"),
            ("П", "п", "P", "p"),
            ("Р", "р", "R", "r"),
            ("С", "с", "S", "s"),
            ("Т", "т", "T", "t"),
            ("У", "у", "U", "u"),
            ("Ұ", "ұ", "Ū", "ū"),
            ("Ү", "ү", "Ü", "ü"),
            ("Ф", "ф", "F", "f"),
            ("Х", "х", "H", "h"),
            ("Һ", "һ", "H", "h"),
            ("Ц", "ц", "S", "s"),
            ("Ч", "ч", "Ş", "ş"),
            ("Ш", "ш", "Ş", "ş"),
            ("Щ", "щ", "Ş", "ş"),
            ("Ъ", "ъ", "", ""),
            ("Ы", "ы", "Y", "y"),
            ("І", "і", "I", "ı"),
            ("Ь", "ь", "", ""),
            ("Э", "э", "E", "e"),
            ("Ю", "ю", "İu", "iu"),
            ("Я", "я", "İa", "ia"),
        ];
        assert_eq!(table.len(), 42);
        for (cap, small, lcap, lsmall) in table {
            check(small, lsmall);
            check(cap, lcap);
            check(&format!("-{cap}-"), &format!("-{lcap}-"));
        }
    }

    #[test]
    fn words_and_sentences() {
        check("Қазақстан", "Qazaqstan");
        check("Мұхтар Әблязовтың ісі", "Mūhtar Äbliazovtyñ ısı");
        check("Нұрсұлтан Назарбаев", "Nūrsūltan Nazarbaev");
        check("Қасым-Жомарт Тоқаев", "Qasym-Jomart Toqaev");
        check(
            "Интерполдың қызыл хабарламасы",
            "İnterpoldyñ qyzyl habarlamasy",
        );
        check("цирк, чемпион, щётка", "sirk, şempion, şiotka");
        check(
            "объект, маусым, съезд, альбом",
            "obekt, mausym, sezd, albom",
        );
        check("Ясауи, Юрий, Ёлка", "İasaui, İurii, İolka");
        check("Эфир, экран", "Efir, ekran");
        check("Һәм", "Häm");
        check("Үкімет Ұлытау", "Ükımet Ūlytau");
    }

    /// И and Й give dotted İ/i, І gives dotless I/ı: the Turkic pairs, never mixed.
    #[test]
    fn turkic_casing() {
        check("Ит іт", "İt ıt");
        check("ИІ иі", "İI iı");
        check("ІЛИЯ", "ILİİA");
        assert_eq!(turkic_upper("iı"), "İI");
        assert_eq!(turkic_lower("İI"), "iı");
        assert_eq!(turkic_upper("şiotka"), "ŞİOTKA");
        // Rust's own casing is wrong for these, which is why the module has its own.
        assert_eq!("i".to_uppercase(), "I");
    }

    /// A capital that becomes two letters is in capitals inside a word in capitals.
    #[test]
    fn digraph_capitals() {
        check("ӘБЛЯЗОВ", "ÄBLİAZOV");
        check("Әблязов", "Äbliazov");
        check("ЮНЕСКО", "İUNESKO");
        check("ЕҚЫҰ-ның", "EQYŪ-nyñ");
        check("ЁЖ", "İOJ");
        check("ОЯ", "OİA");
        check("Я", "İa");
        check("Ялта", "İalta");
        check("Я.", "İa.");
        check("АЯ.", "AİA.");
    }

    #[test]
    fn non_kazakh_text_is_kept() {
        check(
            "Amnesty International, BTA, 2001",
            "Amnesty International, BTA, 2001",
        );
        check("«Conseil d’État» — 25%", "«Conseil d’État» — 25%");
    }

    fn names() -> Names {
        let entries = crate::glossary::parse_entries(
            "en,kk,kk-Latn,kk_allowed,latin_name\n\
             Tony Blair,Тони Блэр,,Блэр,yes\n\
             Mady Delvaux,Мади Дельво,,,yes\n\
             Ivana Dobesova,Ивана Добешова,Ivana Dobešová,,\n\
             Ablyazov,Әблязов,,,\n",
        )
        .expect("glossary");
        Names::from_glossary(&entries)
    }

    /// Latin-script names keep their own spelling; their Kazakh endings are transliterated.
    #[test]
    fn names_in_their_own_spelling() {
        let n = names();
        let latn = |s: &str| kk_latn_markdown_with(s, &n);
        assert_eq!(
            latn("Тони Блэрдің ағасы, Блэр мен Мади Дельво"),
            "Tony Blairdıñ ağasy, Blair men Mady Delvaux"
        );
        assert_eq!(latn("Ивана Добешованың хаты"), "Ivana Dobešoványñ haty");
        assert_eq!(
            latn("БЛЭРДІҢ"),
            "BLAIRDIÑ",
            "in capitals, the spelling in capitals"
        );
        assert_eq!(latn("Блэр-дің"), "Blair-dıñ");
        // A Kazakh name stays transliterated; a longer word that starts like a name is
        // another word; a word in lowercase is not a name.
        assert_eq!(latn("Әблязовтың"), "Äbliazovtyñ");
        assert_eq!(latn("Мадина, блэр"), "Madina, bler");
        // Code and link targets are left alone as always.
        assert_eq!(latn("`Блэр` [Блэр](Блэр)"), "`Блэр` [Blair](Блэр)");
        assert_eq!(kk_latn_markdown("Тони Блэр"), "Toni Bler", "without names");
    }

    #[test]
    fn endings_are_chains_of_kazakh_endings() {
        for ok in [
            "",
            "дің",
            "ға",
            "дағы",
            "лардың",
            "пен",
            "тің",
            "іне",
            "сында",
        ] {
            assert!(kazakh_endings(ok), "{ok}");
        }
        for not in ["на", "н", "ина", "x", "ьдің"] {
            assert!(!kazakh_endings(not), "{not}");
        }
    }

    #[track_caller]
    fn check_md(md: &str, expected: &str) {
        assert_eq!(kk_latn_markdown(md), expected, "{md}");
    }

    #[test]
    fn markdown_keeps_code_urls_targets_and_labels() {
        check_md(
            "Мәтін `код` және [сілтеме](https://kk.wikipedia.org/wiki/Қазақстан \"Атау\").[^ескерту]",
            "Mätın `код` jäne [sılteme](https://kk.wikipedia.org/wiki/Қазақстан \"Атау\").[^ескерту]",
        );
        check_md(
            "Қараңыз: <https://example.org/Қ> және https://example.org/жол мұнда.",
            "Qarañyz: <https://example.org/Қ> jäne https://example.org/жол mūnda.",
        );
        check_md(
            "*Сот* **шешімі** <span title=\"Сот\">сот</span>",
            "*Sot* **şeşımı** <span title=\"Сот\">sot</span>",
        );
        check_md(
            "![Сурет](сурет.png) [мәтін][белгі]",
            "![Suret](сурет.png) [mätın][белгі]",
        );
        check_md("[**Қалың** `к`](u)", "[**Qalyñ** `к`](u)");
    }
}
