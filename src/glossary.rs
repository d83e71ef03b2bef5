//! The glossary: `glossary.csv` parsed into entries, and the matcher that finds its terms
//! in English (exact words, case-insensitive) and in translations (inflection-aware).
//!
//! The format is documented in docs/glossary.md. Matching works on words: runs of letters
//! and digits, with inner hyphens kept (`Aix-en-Provence` is one word, `Aix en Provence`
//! three) and apostrophes (’ and ') splitting (`d’asile` is `d` + `asile`). Words are
//! compared in NFC, lowercase, with ё folded to е. A text's words are cut once
//! (`Words`: two strings, not two per word). Both sides are searched through a word
//! index (`KeyIndex`): each form has a key, a beginning of its first word that every
//! spelling it accepts starts with (the English term's first word; a Russian stem, a
//! Kazakh lemma less its last letter, a French masculine singular), and each word of the
//! text looks up the keys it starts with; every candidate is then verified word by word
//! with the locale's inflection rules:
//!
//! - `ru`: Snowball stems (rust-stemmers) must agree; names (capitalised words) match by
//!   prefix (the word less a final vowel, plus up to three letters), because Snowball
//!   cuts surnames unevenly (Аблязов → абляз, Аблязова → аблязов).
//! - `kk`: the last word of a term takes any suffix of Kazakh letters (lemma + suffix),
//!   with the stem-final п/к/қ allowed to voice to б/г/ғ; an acronym takes its suffix
//!   after a hyphen (`ҚДТ-ның`).
//! - `fr`: each word may take the plural and feminine endings, and a masculine plural
//!   its feminine (`députés` → `députées`).
//! - `en` (the source): the last word may take a plural (`s`, `es`, `y` → `ies`).
//!
//! Acronyms (two or more capitals, no lowercase) and do-not-translate entries match case
//! for case.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};

/// One row of glossary.csv.
#[derive(Debug, Clone)]
pub struct Entry {
    /// 1-based line of the row in glossary.csv.
    pub line: usize,
    /// The English term and its variants (`|`-separated in the file).
    pub en: Vec<String>,
    pub note: String,
    /// Do not translate: the term appears unchanged (case for case) in every language.
    pub dnt: bool,
    /// A term foreign to English (`Conseil d'État`, `de facto`), which English sets in
    /// italics by convention: a translation may drop that emphasis or keep it.
    pub foreign: bool,
    /// A name whose own spelling is in the Latin script and is the `en` column (`Tony
    /// Blair`): the kk-Latn edition writes it so instead of transliterating the Kazakh.
    pub latin_name: bool,
    /// Per locale: the term, the other accepted forms, the forbidden forms.
    pub forms: BTreeMap<String, Forms>,
}

#[derive(Debug, Clone, Default)]
pub struct Forms {
    pub term: Vec<String>,
    pub allowed: Vec<String>,
    pub forbidden: Vec<String>,
}

/// An error in glossary.csv, with its 1-based line.
#[derive(Debug, Clone, PartialEq)]
pub struct GlossaryError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for GlossaryError {}

/// How a form was found in a translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Term,
    Allowed,
    Forbidden,
}

/// A glossary form found in a text: byte range in the text searched.
#[derive(Debug, Clone)]
pub struct Hit {
    pub entry: usize,
    pub kind: FormKind,
    pub range: Range<usize>,
    /// The form as written in glossary.csv.
    pub form: String,
    /// Every word equals the form's word (no inflection).
    pub exact: bool,
    /// A Kazakh acronym with its suffix glued on without the hyphen (`ҚДТның`): the
    /// position of the missing hyphen.
    pub missing_hyphen: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
struct FormWord {
    norm: String,
    orig: String,
    acronym: bool,
    capitalised: bool,
    /// Russian forms: the Snowball stem of a Cyrillic word (empty otherwise), and the
    /// beginning an inflected name keeps (`russian_name`), computed once.
    stem: String,
    name_prefix: Option<String>,
}

#[derive(Debug, Clone)]
struct Form {
    entry: usize,
    kind: FormKind,
    text: String,
    words: Vec<FormWord>,
    case_sensitive: bool,
    /// A forbidden form that differs from an accepted one only in case
    /// (`Cour Nationale du Droit d’Asile`): matched letter for letter.
    exact_case: bool,
}

/// A name a misspelling is looked for near: as written, its normalised letters, and
/// their `letter_set`.
struct Name {
    orig: String,
    chars: Vec<char>,
    set: u64,
}

/// A capitalised word's names one letter off (`Glossary::near_word`): per entry with
/// names, the first such name; and whether the word is an accepted word of the glossary
/// all the same.
struct Near {
    names: Vec<(usize, String)>,
    known: bool,
}

/// Forms found by the beginning of a word. Each form has a key, a beginning every spelling
/// it accepts starts with (the whole first word for English; for translations a stem, or
/// the word less the letters its endings change: `key`); a word looks up the keys that
/// begin with its first three letters (or are its first two, or first one) and keeps
/// those it starts with. This replaced an Aho-Corasick automaton over the whole text:
/// building it cost more than a small project's whole `check`, and searching it was the
/// first cost of a large one.
#[derive(Default)]
struct KeyIndex {
    /// By the key's first three characters (`'\0'` for those a shorter key lacks): each
    /// key and the forms that have it.
    buckets: rustc_hash::FxHashMap<[char; 3], Vec<Keyed>>,
}

/// A key and the forms that have it.
type Keyed = (String, Vec<usize>);

impl KeyIndex {
    /// The index of (key, form) pairs.
    fn new(keys: impl Iterator<Item = (String, usize)>) -> KeyIndex {
        let mut index = KeyIndex::default();
        for (key, form) in keys {
            let mut head = ['\0'; 3];
            for (h, c) in head.iter_mut().zip(key.chars()) {
                *h = c;
            }
            if head[0] == '\0' {
                continue;
            }
            let bucket = index.buckets.entry(head).or_default();
            match bucket.iter_mut().find(|(k, _)| *k == key) {
                Some((_, forms)) => forms.push(form),
                None => bucket.push((key, vec![form])),
            }
        }
        index
    }

    /// Calls `found` with every form whose key `word` starts with.
    fn find(&self, word: &str, mut found: impl FnMut(usize)) {
        let mut head = ['\0'; 3];
        for (h, c) in head.iter_mut().zip(word.chars()) {
            *h = c;
        }
        if head[0] == '\0' {
            return;
        }
        // The keys of three or more letters, of two, of one.
        let heads = [head, [head[0], head[1], '\0'], [head[0], '\0', '\0']];
        for (k, h) in heads.iter().enumerate() {
            // A shorter word has no key longer than itself: its head repeats.
            if k > 0 && *h == heads[k - 1] {
                continue;
            }
            for (key, forms) in self.buckets.get(h).into_iter().flatten() {
                if word.starts_with(key.as_str()) {
                    forms.iter().for_each(|&f| found(f));
                }
            }
        }
    }
}

/// A set of letters in 64 bits (a letter's code modulo 64): a name that has more than
/// `limit` letters absent from a word is more than `limit` edits from it (each edit
/// brings at most one absent letter), whatever collisions hide, so most words are told
/// apart from a name without computing the distance.
fn letter_set(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0, |s, c| s | 1u64 << (c as u32 % 64))
}

struct LocaleMatcher {
    forms: Vec<Form>,
    /// The forms by the beginning of the words they start with.
    index: KeyIndex,
    /// Per entry, its forms' indices, each with a finder of its key after a space: in a
    /// text's words (`Words::hay`, each word after a space) the starts of the words the
    /// key begins. A message's English names a few entries: their forms are looked for
    /// in the text, instead of every word in the index (`find_entries_in`).
    by_entry: rustc_hash::FxHashMap<usize, Vec<(usize, memchr::memmem::Finder<'static>)>>,

    /// Per entry, the names of its accepted forms a misspelling is looked for near
    /// (capitalised words of five letters or more, not acronyms): the name as written and
    /// its normalised letters.
    names: HashMap<usize, Vec<Name>>,
    /// Every word of every accepted form, (form, word), by the first letter of its
    /// normalised form: a word any of them matches starts with that letter (every match —
    /// equal, inflected, stemmed, suffixed, a name's case — keeps the word's beginning; a
    /// one-letter Kazakh word is also under its voiced letter, `к` → `г`).
    accepted: rustc_hash::FxHashMap<char, Vec<(usize, usize)>>,
    /// `near_word`'s answers, by the word as written.
    near: std::sync::Mutex<rustc_hash::FxHashMap<String, std::sync::Arc<Near>>>,
}

pub struct Glossary {
    pub entries: Vec<Entry>,
    en_forms: Vec<Form>,
    /// `en_forms` by their first word.
    en_index: KeyIndex,
    locales: BTreeMap<String, LocaleMatcher>,
    ru_stemmer: Stemmer,
}

impl Glossary {
    /// Whether the Snowball stem of a Russian word is `stem`, the stems cached (per
    /// thread: the same words come back in every message, and a shared cache was a lock
    /// taken per word by every thread).
    fn ru_stem_is(&self, word: &str, stem: &str) -> bool {
        thread_local! {
            static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
                std::cell::RefCell::new(rustc_hash::FxHashMap::default());
        }
        STEMS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(s) = cache.get(word) {
                return s == stem;
            }
            let s = self.ru_stemmer.stem(word).into_owned();
            let same = s == stem;
            cache.insert(word.to_string(), s);
            same
        })
    }
}

impl fmt::Debug for Glossary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Glossary")
            .field("entries", &self.entries.len())
            .finish()
    }
}

/// The fixed columns; every other column is `<locale>`, `<locale>_allowed` or
/// `<locale>_forbidden`.
const FIXED: [&str; 5] = ["en", "note", "dnt", "foreign", "latin_name"];

impl Glossary {
    /// Parses glossary.csv. Errors carry the line they were found on.
    pub fn parse(text: &str) -> Result<Glossary, GlossaryError> {
        Ok(Glossary::build(parse_entries(text)?))
    }

    fn build(entries: Vec<Entry>) -> Glossary {
        let mut en_forms = Vec::new();
        let mut locale_forms: BTreeMap<String, Vec<Form>> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            for en in &e.en {
                if let Some(f) = make_form(i, FormKind::Term, en, e.dnt) {
                    en_forms.push(f);
                }
            }
            for (locale, forms) in &e.forms {
                let list = locale_forms.entry(locale.clone()).or_default();
                for (kind, texts) in [
                    (FormKind::Term, &forms.term),
                    (FormKind::Allowed, &forms.allowed),
                    (FormKind::Forbidden, &forms.forbidden),
                ] {
                    for t in texts {
                        if let Some(f) = make_form(i, kind, t, e.dnt && kind != FormKind::Forbidden)
                        {
                            list.push(f);
                        }
                    }
                }
            }
        }
        // Forbidden forms that differ from an accepted form only in case.
        for list in locale_forms.values_mut() {
            let accepted: Vec<(usize, Vec<String>)> = list
                .iter()
                .filter(|f| f.kind != FormKind::Forbidden)
                .map(|f| (f.entry, f.words.iter().map(|w| w.norm.clone()).collect()))
                .collect();
            for f in list.iter_mut().filter(|f| f.kind == FormKind::Forbidden) {
                let norms: Vec<String> = f.words.iter().map(|w| w.norm.clone()).collect();
                f.exact_case = accepted.iter().any(|(e, n)| *e == f.entry && *n == norms);
            }
        }
        // An English term's first word begins the text's word (a plural may follow).
        let en_index = KeyIndex::new(
            en_forms
                .iter()
                .enumerate()
                .map(|(i, f)| (f.words[0].norm.clone(), i)),
        );
        let ru_stemmer = Stemmer::create(Algorithm::Russian);
        if let Some(list) = locale_forms.get_mut("ru") {
            for w in list.iter_mut().flat_map(|f| f.words.iter_mut()) {
                if is_cyrillic_word(&w.norm) {
                    w.stem = ru_stemmer.stem(&w.norm).into_owned();
                }
                w.name_prefix = russian_name_prefix(&w.norm);
            }
        }
        let mut locales = BTreeMap::new();
        for (locale, forms) in locale_forms {
            let keys: Vec<String> = forms
                .iter()
                .map(|f| key(&locale, &f.words[0], f.words.len() == 1, &ru_stemmer))
                .collect();
            let mut by_entry: rustc_hash::FxHashMap<usize, Vec<_>> = Default::default();
            for (i, (f, k)) in forms.iter().zip(&keys).enumerate() {
                // An empty key begins no word (the index leaves it out too).
                if !k.is_empty() {
                    let finder = memchr::memmem::Finder::new(&format!(" {k}")).into_owned();
                    by_entry.entry(f.entry).or_default().push((i, finder));
                }
            }
            let index = KeyIndex::new(keys.into_iter().enumerate().map(|(i, k)| (k, i)));
            let mut names: HashMap<usize, Vec<Name>> = HashMap::new();
            let mut accepted: rustc_hash::FxHashMap<char, Vec<(usize, usize)>> = Default::default();
            for (i, f) in forms.iter().enumerate() {
                if f.kind == FormKind::Forbidden {
                    continue;
                }
                for (k, w) in f.words.iter().enumerate() {
                    let mut chars = w.norm.chars();
                    let first = chars.next();
                    let voiced = match (first, chars.next()) {
                        (Some('п'), None) => Some('б'),
                        (Some('к'), None) => Some('г'),
                        (Some('қ'), None) => Some('ғ'),
                        _ => None,
                    };
                    for c in first.into_iter().chain(voiced) {
                        accepted.entry(c).or_default().push((i, k));
                    }
                    if w.capitalised && !w.acronym && w.norm.chars().count() >= 5 {
                        names.entry(f.entry).or_default().push(Name {
                            orig: w.orig.clone(),
                            chars: w.norm.chars().collect(),
                            set: letter_set(w.norm.chars()),
                        });
                    }
                }
            }
            locales.insert(
                locale,
                LocaleMatcher {
                    forms,
                    index,
                    by_entry,
                    names,
                    accepted,
                    near: Default::default(),
                },
            );
        }
        Glossary {
            entries,
            en_forms,
            en_index,
            locales,
            ru_stemmer,
        }
    }

    /// The entries whose English term occurs in `english` (URLs already masked), with
    /// where; a term inside a longer term's occurrence (`BTA` in `BTA Bank`) is left out.
    pub fn find_english(&self, english: &str) -> Vec<(usize, Range<usize>)> {
        self.find_english_in(&words(english))
    }

    /// `find_english` on the words of a text (`words`), for a caller that has them.
    pub fn find_english_in(&self, words: &Words) -> Vec<(usize, Range<usize>)> {
        let mut candidates: Vec<(usize, usize)> = Vec::new(); // (word, form)
        for wi in 0..words.len() {
            self.en_index
                .find(words.norm(wi), |fi| candidates.push((wi, fi)));
        }
        let mut hits: Vec<(usize, Range<usize>)> = Vec::new(); // (entry, word range)
        for (wi, fi) in candidates {
            let form = &self.en_forms[fi];
            let n = form.words.len();
            if wi + n > words.len() {
                continue;
            }
            let ok = form.words.iter().enumerate().all(|(k, fw)| {
                let w = words.get(wi + k);
                let same = if k + 1 == n {
                    english_plural(w.norm, &fw.norm)
                } else {
                    w.norm == fw.norm
                };
                same && (!fw.acronym || w.orig.starts_with(&fw.orig))
            });
            if ok {
                hits.push((form.entry, wi..wi + n));
            }
        }
        let kept: Vec<(usize, Range<usize>)> = hits
            .iter()
            .filter(|(e, r)| {
                !hits.iter().any(|(e2, r2)| {
                    e2 != e && r2.start <= r.start && r.end <= r2.end && r2.len() > r.len()
                })
            })
            .cloned()
            .collect();
        let mut out: Vec<(usize, Range<usize>)> = kept
            .into_iter()
            .map(|(e, r)| {
                (
                    e,
                    words.items[r.start].range.start..words.items[r.end - 1].range.end,
                )
            })
            .collect();
        out.sort_by_key(|(e, r)| (r.start, *e));
        out.dedup();
        out
    }

    /// Every form of `locale` found in `text` (URLs already masked).
    pub fn find_translation(&self, locale: &str, text: &str) -> Vec<Hit> {
        self.find_translation_in(locale, &words(text))
    }

    /// `find_translation` on the words of a text (`words`), for a caller that has them.
    pub fn find_translation_in(&self, locale: &str, words: &Words) -> Vec<Hit> {
        self.find_forms(locale, words, |_| true)
    }

    /// `find_translation_in`, for the forms of the given entries only (sorted): a
    /// message's English names the few entries whose forms its translation must have.
    pub fn find_entries_in(&self, locale: &str, words: &Words, entries: &[usize]) -> Vec<Hit> {
        let Some(lm) = self.locales.get(locale) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (fi, finder) in entries.iter().filter_map(|e| lm.by_entry.get(e)).flatten() {
            for at in finder.find_iter(words.hay.as_bytes()) {
                // The space before a word: the word whose normalised form starts after it.
                let Ok(wi) = words
                    .items
                    .binary_search_by_key(&(at + 1), |w| w.norm.start)
                else {
                    continue;
                };
                if let Some(hit) = self.verify(locale, &lm.forms[*fi], words, wi) {
                    out.push((*fi, hit));
                }
            }
        }
        sorted(out)
    }

    fn find_forms(&self, locale: &str, words: &Words, wanted: impl Fn(usize) -> bool) -> Vec<Hit> {
        let Some(lm) = self.locales.get(locale) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // Each form has one key, found at most once per word: no form is tried twice.
        for wi in 0..words.len() {
            lm.index.find(words.norm(wi), |fi| {
                let form = &lm.forms[fi];
                if !wanted(form.entry) {
                    return;
                }
                if let Some(hit) = self.verify(locale, form, words, wi) {
                    out.push((fi, hit));
                }
            });
        }
        sorted(out)
    }

    fn verify(&self, locale: &str, form: &Form, words: &Words, wi: usize) -> Option<Hit> {
        let n = form.words.len();
        if wi + n > words.len() {
            return None;
        }
        let mut exact = true;
        let mut missing_hyphen = None;
        for (k, fw) in form.words.iter().enumerate() {
            let w = words.get(wi + k);
            let last = k + 1 == n;
            if form.exact_case && w.orig != fw.orig {
                return None;
            }
            match self.word_match(locale, fw, &w, last, form.case_sensitive) {
                WordMatch::No => return None,
                WordMatch::Exact => {}
                WordMatch::Inflected => exact = false,
                WordMatch::MissingHyphen(at) => {
                    exact = false;
                    missing_hyphen = Some(at);
                }
            }
        }
        Some(Hit {
            entry: form.entry,
            kind: form.kind,
            range: words.items[wi].range.start..words.items[wi + n - 1].range.end,
            form: form.text.clone(),
            exact,
            missing_hyphen,
        })
    }

    fn word_match(
        &self,
        locale: &str,
        fw: &FormWord,
        w: &Word,
        last: bool,
        case_sensitive: bool,
    ) -> WordMatch {
        // Acronyms and do-not-translate names match case for case; the words of a
        // locale's own script in a do-not-translate entry's forms (`банк BTA`) inflect.
        let strict = fw.acronym || (case_sensitive && !is_cyrillic_word(&fw.norm));
        if w.norm == fw.norm {
            if strict && w.orig != fw.orig {
                return WordMatch::No;
            }
            return WordMatch::Exact;
        }
        if strict {
            // A name or acronym joined to a word of the language by a hyphen:
            // `YouTube-канал`, `BTA-ның`, `CNDA-ға`.
            if let Some(rest) = w.orig.strip_prefix(fw.orig.as_str()) {
                if let Some(suffix) = rest.strip_prefix('-') {
                    let n = suffix.chars().count();
                    let letters = n > 0 && suffix.chars().all(char::is_alphabetic);
                    if letters
                        && (locale != "kk" || (n <= 6 && suffix.chars().all(is_kazakh_lower)))
                    {
                        return WordMatch::Inflected;
                    }
                } else if locale == "kk"
                    && fw.acronym
                    && !rest.is_empty()
                    && rest.chars().count() <= 6
                    && rest.chars().all(is_kazakh_lower)
                {
                    return WordMatch::MissingHyphen(w.range.start + fw.orig.len());
                }
            }
            return WordMatch::No;
        }
        match locale {
            "kk" => {
                if last && kazakh_suffixed(w.norm, &fw.norm) {
                    return WordMatch::Inflected;
                }
                WordMatch::No
            }
            "ru" => {
                if is_cyrillic_word(&fw.norm) {
                    // A stem is a beginning of its word: a word that does not start with
                    // the form's stem cannot have the same stem (no need to stem it).
                    if !fw.stem.is_empty()
                        && w.norm.starts_with(fw.stem.as_str())
                        && self.ru_stem_is(w.norm, &fw.stem)
                    {
                        return WordMatch::Inflected;
                    }
                    if fw.capitalised
                        && fw
                            .name_prefix
                            .as_deref()
                            .is_some_and(|p| russian_name(w.norm, p))
                    {
                        return WordMatch::Inflected;
                    }
                }
                WordMatch::No
            }
            "fr" => {
                if french_inflection(w.norm, &fw.norm) {
                    WordMatch::Inflected
                } else {
                    WordMatch::No
                }
            }
            _ => WordMatch::No,
        }
    }

    /// The words of a text (`words` of it) that look like a misspelling of a name in the
    /// accepted forms of one of `entries` (`Аблезов` for `Аблязов`, `Mouktar` for
    /// `Moukhtar`): one letter off, two for long names, comparing the word or its
    /// beginning (an inflected misspelling), and matching no accepted form of any entry.
    /// Returns (range in the text, the name it resembles, the entry), word by word in text
    /// order, each word with every entry it is near (the entry's first such name).
    pub fn near_misses(
        &self,
        locale: &str,
        entries: &[usize],
        words: &Words,
    ) -> Vec<(Range<usize>, String, usize)> {
        let Some(lm) = self.locales.get(locale) else {
            return Vec::new();
        };
        if !entries.iter().any(|e| lm.names.contains_key(e)) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for i in 0..words.len() {
            if !words.orig(i).chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let w = words.get(i);
            let near = self.near_word(locale, lm, &w);
            if near.known {
                continue;
            }
            for &entry in entries {
                if let Some(name) = near.names.iter().find(|(e, _)| *e == entry) {
                    out.push((w.range.clone(), name.1.clone(), entry));
                }
            }
        }
        out
    }

    /// What `near_misses` finds of one capitalised word, for every entry with names:
    /// remembered per word (a document names the same people in every paragraph, and
    /// comparing a word with every name was most of the glossary check's time).
    fn near_word(&self, locale: &str, lm: &LocaleMatcher, w: &Word) -> std::sync::Arc<Near> {
        let cached = lm
            .near
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(w.orig)
            .cloned();
        if let Some(near) = cached {
            return near;
        }
        let word_set = letter_set(w.norm.chars());
        let wc: Vec<char> = w.norm.chars().collect();
        let mut names: Vec<(usize, String)> = Vec::new();
        for (&entry, entry_names) in &lm.names {
            // Most words have letters no name has: told apart without their letters.
            let near = entry_names.iter().find(|name| {
                let fc = &name.chars;
                let n = fc.len();
                let limit = if n >= 8 { 2 } else { 1 };
                if (name.set & !word_set).count_ones() as usize > limit {
                    return false;
                }
                // Shorter by more than `limit` letters: too far, whole or cut.
                if wc.len() + limit < n {
                    return false;
                }
                // A difference in the last letter is an ending (`Президент` /
                // `Президенті`), not a misspelling.
                let common = wc.iter().zip(fc.iter()).take_while(|(a, b)| a == b).count();
                if common + 1 >= n {
                    return false;
                }
                let d = levenshtein_within(&wc, fc, limit).min(levenshtein_within(
                    &wc[..n.min(wc.len())],
                    fc,
                    limit,
                ));
                d >= 1 && d <= limit
            });
            if let Some(name) = near {
                names.push((entry, name.orig.clone()));
            }
        }
        // Only a word close to a name is compared with every accepted word (rare:
        // comparing every capitalised word with the whole glossary was most of `check`'s
        // time).
        let known = !names.is_empty() && {
            let first = w.norm.chars().next().unwrap_or_default();
            lm.accepted
                .get(&first)
                .into_iter()
                .flatten()
                .any(|&(f, k)| {
                    !matches!(
                        self.word_match(locale, &lm.forms[f].words[k], w, true, false),
                        WordMatch::No
                    )
                })
        };
        let near = std::sync::Arc::new(Near { names, known });
        lm.near
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(w.orig.to_string(), near.clone());
        near
    }

    /// Whether `text` (an English phrase, URLs masked) is, word for word, a term the
    /// glossary marks foreign to English (`Conseil d'État`, `de facto`).
    pub fn is_foreign_english(&self, text: &str) -> bool {
        self.is_foreign_english_in(&words(text))
    }

    /// `is_foreign_english` on a text's words (`words`), for a caller that has them.
    pub fn is_foreign_english_in(&self, ws: &Words) -> bool {
        let Some(whole) = ws.span() else {
            return false;
        };
        self.find_english_in(ws)
            .iter()
            .any(|(e, r)| self.entries[*e].foreign && *r == whole)
    }

    /// Whether `text` (in `locale`) is, word for word, an accepted form of a term the
    /// glossary marks foreign to English (`де-факто`).
    pub fn is_foreign_form(&self, locale: &str, text: &str) -> bool {
        self.is_foreign_form_in(locale, &words(text))
    }

    /// `is_foreign_form` on a text's words (`words`), for a caller that has them.
    pub fn is_foreign_form_in(&self, locale: &str, ws: &Words) -> bool {
        let Some(whole) = ws.span() else {
            return false;
        };
        self.find_forms(locale, ws, |e| self.entries[e].foreign)
            .iter()
            .any(|h| h.kind != FormKind::Forbidden && h.range == whole)
    }

    /// The entry's forms for a locale, if its column is filled.
    pub fn forms(&self, entry: usize, locale: &str) -> Option<&Forms> {
        self.entries
            .get(entry)?
            .forms
            .get(locale)
            .filter(|f| !f.term.is_empty())
    }
}

/// The rows of glossary.csv, without the matchers `Glossary::parse` builds (for a reader
/// that needs only the rows: the editions' names). Errors carry their line.
pub fn parse_entries(text: &str) -> Result<Vec<Entry>, GlossaryError> {
    let records = parse_csv(text)?;
    let Some((header_line, header)) = records.first() else {
        return Err(GlossaryError {
            line: 1,
            message: "the file is empty: the first line must be the header \
                      (en,fr,ru,kk,note,fr_allowed,…,dnt)"
                .into(),
        });
    };
    let columns = parse_header(*header_line, header)?;
    let mut entries = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (line, record) in &records[1..] {
        if record.len() != header.len() {
            return Err(GlossaryError {
                line: *line,
                message: format!(
                    "this row has {} field(s), the header has {}",
                    record.len(),
                    header.len()
                ),
            });
        }
        let mut entry = Entry {
            line: *line,
            en: Vec::new(),
            note: String::new(),
            dnt: false,
            foreign: false,
            latin_name: false,
            forms: BTreeMap::new(),
        };
        for (col, value) in columns.iter().zip(record) {
            match col {
                Column::En => entry.en = split_forms(value),
                Column::Note => entry.note = value.trim().to_string(),
                Column::Dnt => entry.dnt = yes_or_empty("dnt", value, *line)?,
                Column::Foreign => entry.foreign = yes_or_empty("foreign", value, *line)?,
                Column::LatinName => entry.latin_name = yes_or_empty("latin_name", value, *line)?,
                Column::Term(l) => {
                    entry.forms.entry(l.clone()).or_default().term = split_forms(value)
                }
                Column::Allowed(l) => {
                    entry.forms.entry(l.clone()).or_default().allowed = split_forms(value)
                }
                Column::Forbidden(l) => {
                    entry.forms.entry(l.clone()).or_default().forbidden = split_forms(value)
                }
            }
        }
        if entry.en.is_empty() {
            return Err(GlossaryError {
                line: *line,
                message: "the en column is empty".into(),
            });
        }
        for en in &entry.en {
            let key = normalize_phrase(en);
            if let Some(first) = seen.insert(key, *line) {
                return Err(GlossaryError {
                    line: *line,
                    message: format!("`{en}` is already defined on line {first}"),
                });
            }
        }
        if entry.dnt {
            // A do-not-translate term stands for itself wherever its column is empty.
            for forms in entry.forms.values_mut() {
                if forms.term.is_empty() {
                    forms.term = entry.en.clone();
                }
            }
        }
        entries.push(entry);
    }
    Ok(entries)
}

enum WordMatch {
    No,
    Exact,
    Inflected,
    MissingHyphen(usize),
}

/// A word of a text: its byte range, its original spelling (NFC) and its normalized form.
#[derive(Debug, Clone)]
pub struct Word<'w> {
    pub range: Range<usize>,
    pub orig: &'w str,
    pub norm: &'w str,
}

/// The words of a text (`words`), kept in two strings instead of two per word: the
/// normalised words, each between spaces (" w1 w2 … wn ", which is also what the
/// glossary's automata search), and their spellings.
#[derive(Debug, Clone, Default)]
pub struct Words {
    hay: String,
    origs: String,
    items: Vec<WordAt>,
}

#[derive(Debug, Clone)]
struct WordAt {
    range: Range<usize>,
    orig: Range<usize>,
    norm: Range<usize>,
}

impl Words {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Word `i`.
    pub fn get(&self, i: usize) -> Word<'_> {
        let w = &self.items[i];
        Word {
            range: w.range.clone(),
            orig: &self.origs[w.orig.clone()],
            norm: &self.hay[w.norm.clone()],
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = Word<'_>> + '_ {
        (0..self.items.len()).map(|i| self.get(i))
    }

    /// From the first word's start to the last one's end.
    pub fn span(&self) -> Option<Range<usize>> {
        Some(self.items.first()?.range.start..self.items.last()?.range.end)
    }

    /// The normalised form of word `i`.
    pub fn norm(&self, i: usize) -> &str {
        &self.hay[self.items[i].norm.clone()]
    }

    /// Word `i` as written (in NFC).
    pub fn orig(&self, i: usize) -> &str {
        &self.origs[self.items[i].orig.clone()]
    }

    /// Where word `i` is in the text.
    pub fn range(&self, i: usize) -> Range<usize> {
        self.items[i].range.clone()
    }

    /// Whether the words from `from` on have the normalised forms `norms`.
    pub fn norms_eq(&self, from: usize, norms: &[&str]) -> bool {
        from + norms.len() <= self.len()
            && norms
                .iter()
                .enumerate()
                .all(|(k, n)| self.norm(from + k) == *n)
    }
}

fn is_word_char(c: char) -> bool {
    crate::text::is_alnum(c) || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489)
}

/// The character at byte `i` of `text` (a character boundary before its end); ASCII
/// without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => b as char,
        _ => text.get(i..).and_then(|t| t.chars().next()).unwrap_or('\0'),
    }
}

/// The words of a text (see the module documentation). The text is checked for NFC
/// once (nearly always it is: then no word is normalised on its own).
pub fn words(text: &str) -> Words {
    words_in(
        text,
        matches!(crate::text::nfc(text), std::borrow::Cow::Borrowed(_)),
    )
}

/// `words`, told whether the text is in NFC (when a caller knows already).
pub fn words_in(text: &str, whole_nfc: bool) -> Words {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Words {
        hay: String::with_capacity(n + 8),
        // Text in NFC is its words' original forms as it is: one copy, not one a word.
        origs: if whole_nfc {
            text.to_string()
        } else {
            String::with_capacity(n)
        },
        items: Vec::with_capacity(n / 7),
    };
    out.hay.push(' ');
    let mut i = 0;
    while i < n {
        let (len, word) = word_class(text, i);
        if !word {
            i += len;
            continue;
        }
        let start = i;
        let mut j = i;
        loop {
            let mut last_digit = false;
            while j < n {
                let x = b[j];
                // Russian letters and ASCII without a call.
                if x == 0xD0 || x == 0xD1 {
                    last_digit = false;
                    j += 2;
                    continue;
                }
                if x < 0x80 {
                    if !x.is_ascii_alphanumeric() {
                        break;
                    }
                    last_digit = x.is_ascii_digit();
                    j += 1;
                    continue;
                }
                let (len, word) = word_class_decoded(text, j);
                if !word {
                    break;
                }
                last_digit = false;
                j += len;
            }
            // An inner hyphen joins two runs into one word.
            if j < n && !last_digit {
                let h = match b[j] {
                    b'-' => 1,
                    // U+2010, U+2011
                    0xE2 if b.get(j + 1) == Some(&0x80)
                        && matches!(b.get(j + 2), Some(0x90 | 0x91)) =>
                    {
                        3
                    }
                    _ => 0,
                };
                let k = j + h;
                if h > 0 && k < n && word_class(text, k).1 && !b[k].is_ascii_digit() {
                    j = k;
                    continue;
                }
            }
            break;
        }
        let orig = if whole_nfc {
            start..j
        } else {
            let o = out.origs.len();
            out.origs.push_str(&crate::text::nfc(&text[start..j]));
            o..out.origs.len()
        };
        let h = out.hay.len();
        fold_cyrillic_into(&out.origs[orig.clone()], &mut out.hay);
        out.items.push(WordAt {
            range: start..j,
            orig,
            norm: h..out.hay.len(),
        });
        out.hay.push(' ');
        i = j;
    }
    out
}

/// The length of the character at byte `i` and whether it is a word character
/// (`is_word_char`); ASCII and U+0400–U+047F without decoding.
#[inline(always)]
fn word_class(text: &str, i: usize) -> (usize, bool) {
    match text.as_bytes()[i] {
        x if x < 0x80 => (1, x.is_ascii_alphanumeric()),
        0xD0 | 0xD1 => (2, true),
        _ => word_class_decoded(text, i),
    }
}

#[inline(never)]
fn word_class_decoded(text: &str, i: usize) -> (usize, bool) {
    let c = char_at(text, i);
    (c.len_utf8(), is_word_char(c))
}

/// Lowercase, ё folded to е, hyphens unified.
pub fn normalize_word(w: &str) -> String {
    fold(&crate::text::nfc(w))
}

/// `normalize_word` of a word already in NFC.
fn fold(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    fold_into(w, &mut out);
    out
}

/// `fold_into`, with ASCII, Latin-1 and the Russian letters (U+0400–U+047F) folded on
/// their bytes without decoding them (nearly every letter the checks read); the rest
/// through `fold_into` a character at a time. Held to the definition by the property
/// test of `words`.
fn fold_cyrillic_into(w: &str, out: &mut String) {
    if w.is_ascii() {
        return fold_into(w, out);
    }
    let b = w.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            out.push(char::from(x.to_ascii_lowercase()));
            i += 1;
            continue;
        }
        let y = b.get(i + 1).copied().unwrap_or(0);
        let pair: Option<[u8; 2]> = match (x, y) {
            // А–П → а–п, Р–Я → р–я
            (0xD0, 0x90..=0x9F) => Some([0xD0, y + 0x20]),
            (0xD0, 0xA0..=0xAF) => Some([0xD1, y - 0x20]),
            // Ё and ё fold to е
            (0xD0, 0x81) | (0xD1, 0x91) => Some([0xD0, 0xB5]),
            // Ѐ–Џ → ѐ–џ
            (0xD0, 0x80..=0x8F) => Some([0xD1, y + 0x10]),
            // а–я, ѐ–џ: already lowercase
            (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x9F) => Some([x, y]),
            // Ѡ–ѿ: capitals at even code points
            (0xD1, 0xA0..=0xBF) => Some([0xD1, y | 1]),
            // Latin-1 letters: capitals (U+00C0–U+00DE but ×) are 32 below their small
            // letters
            (0xC3, 0x80..=0x9E) if y != 0x97 => Some([0xC3, y + 0x20]),
            (0xC3, 0x80..=0xBF) => Some([0xC3, y]),
            // The rest of Cyrillic (U+0480–U+052F, the Kazakh letters among them): two
            // bytes, lowercase two bytes too.
            (0xD2 | 0xD3, 0x80..=0xBF) | (0xD4, 0x80..=0xAF) => {
                let code = (u32::from(x & 0x1F) << 6) | u32::from(y & 0x3F);
                char::from_u32(code)
                    .and_then(crate::text::lower_char)
                    .filter(|l| l.len_utf8() == 2)
                    .map(|l| {
                        let mut pair = [0u8; 2];
                        l.encode_utf8(&mut pair);
                        pair
                    })
            }
            _ => None,
        };
        match pair {
            Some([a, b]) => {
                // The letter the two bytes encode (U+0080–U+07FF).
                let code = (u32::from(a & 0x1F) << 6) | u32::from(b & 0x3F);
                out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                i += 2;
            }
            None => {
                let c = char_at(w, i);
                let n = c.len_utf8();
                fold_into(&w[i..i + n], out);
                i += n;
            }
        }
    }
}

/// `fold`, appended to `out`: ASCII lowercased byte by byte, other characters through
/// `text::lower_char` (a property test holds this to the plain definition).
fn fold_into(w: &str, out: &mut String) {
    if w.is_ascii() {
        let start = out.len();
        out.push_str(w);
        // ASCII stays ASCII, byte for byte, when lowercased.
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in w.chars() {
        match crate::text::lower_char(c) {
            Some('ё') => out.push('е'),
            Some('\u{2010}' | '\u{2011}') => out.push('-'),
            Some(l) => out.push(l),
            None => out.extend(c.to_lowercase()),
        }
    }
}

fn normalize_phrase(p: &str) -> String {
    words(p)
        .iter()
        .map(|w| w.norm)
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().any(char::is_uppercase)
        && !w.chars().any(char::is_lowercase)
}

/// How many capital letters a word starts with.
fn leading_capitals(w: &str) -> usize {
    w.chars().take_while(|c| c.is_uppercase()).count()
}

fn make_form(entry: usize, kind: FormKind, text: &str, case_sensitive: bool) -> Option<Form> {
    let ws = words(text);
    if ws.is_empty() {
        return None;
    }
    Some(Form {
        entry,
        kind,
        text: text.to_string(),
        words: ws
            .iter()
            .map(|w| FormWord {
                // A forbidden form written with capitals (`ЕС`, `ЕОға`: an acronym, with a
                // suffix glued on) is matched case for case, never as the ordinary word
                // its letters spell (Kazakh `ес`).
                acronym: is_acronym(w.orig)
                    || (kind == FormKind::Forbidden && leading_capitals(w.orig) >= 2),
                capitalised: w.orig.chars().next().is_some_and(char::is_uppercase),
                norm: w.norm.to_string(),
                orig: w.orig.to_string(),
                stem: String::new(),
                name_prefix: None,
            })
            .collect(),
        case_sensitive,
        exact_case: false,
    })
}

/// Hits in text order, then by entry, then in the glossary's order of forms.
fn sorted(mut hits: Vec<(usize, Hit)>) -> Vec<Hit> {
    hits.sort_by_key(|(form, h)| (h.range.start, h.entry, *form));
    hits.into_iter().map(|(_, h)| h).collect()
}

/// The search key of a form's first word: a prefix every accepted spelling starts with.
fn key(locale: &str, w: &FormWord, only_word: bool, ru: &Stemmer) -> String {
    let chars: Vec<char> = w.norm.chars().collect();
    let take = |n: usize| chars[..n.min(chars.len())].iter().collect::<String>();
    match locale {
        "ru" if !w.acronym && is_cyrillic_word(&w.norm) => {
            let stem = ru.stem(&w.norm).chars().count();
            let name = name_prefix_len(&chars);
            take(stem.min(name).max(1))
        }
        "kk" if only_word && !w.acronym => take(chars.len().saturating_sub(1).max(1)),
        // What every gender and number of the word starts with (`député` for `députés`,
        // `députées`; `nation` for `national`, `nationaux`).
        "fr" if !w.acronym => {
            let base = french_base(&w.norm);
            let common = chars
                .iter()
                .zip(base.chars())
                .take_while(|(a, b)| **a == *b)
                .count();
            let mut key = take(common.max(1));
            if key.ends_with("al") && key.chars().count() > 3 {
                key.truncate(key.len() - 2);
            }
            key
        }
        _ => w.norm.clone(),
    }
}

/// A French adjective or noun reduced to its masculine singular: the plural `s`/`x`
/// (`-aux` → `-al`), then a feminine `e` and the consonant it doubles (`européennes` →
/// `européen`, `députées` → `député`).
fn french_base(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("aux").filter(|s| s.chars().count() >= 3) {
        return format!("{stem}al");
    }
    let b = w.strip_suffix(['s', 'x']).unwrap_or(w);
    let Some(b) = b.strip_suffix('e') else {
        return b.to_string();
    };
    let mut chars = b.chars().rev();
    match (chars.next(), chars.next()) {
        (Some(x), Some(y)) if x == y && matches!(x, 'n' | 'l' | 't' | 's') => {
            b[..b.len() - x.len_utf8()].to_string()
        }
        _ => b.to_string(),
    }
}

/// French gender and number: `kazakh` → `kazakhe`, `kazakhes`; `européen` →
/// `européennes`; `national` → `nationaux`; and the feminine of a masculine plural
/// (`députés` → `députées`, `européens` → `européennes`): the two words have the same
/// masculine singular (`french_base`, of three letters or more).
fn french_inflection(w: &str, f: &str) -> bool {
    let base = french_base(f);
    if base.chars().count() >= 3 && french_base(w) == base {
        return true;
    }
    if let Some(rest) = w.strip_prefix(f) {
        let doubled = f
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, 'n' | 'l' | 't' | 's'));
        return matches!(rest, "s" | "x" | "e" | "es")
            || (doubled && rest.len() <= 3 && rest.len() >= 2 && {
                let mut r = rest.chars();
                r.next() == f.chars().next_back() && matches!(r.as_str(), "e" | "es")
            });
    }
    f.strip_suffix("al")
        .is_some_and(|stem| w.strip_prefix(stem) == Some("aux"))
}

/// The edit distance of `a` and `b` when it is at most `limit`, else `limit + 1` (the
/// rows stop as soon as every cell is over the limit).
fn levenshtein_within(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    // Rows on the stack for names (nearly all): no allocation per comparison.
    let mut rows = [0usize; 2 * 48];
    let mut heap: Vec<usize>;
    let (prev, cur) = if b.len() < 48 {
        let (p, c) = rows.split_at_mut(48);
        (&mut p[..=b.len()], &mut c[..=b.len()])
    } else {
        heap = vec![0; 2 * (b.len() + 1)];
        heap.split_at_mut(b.len() + 1)
    };
    let (mut prev, mut cur) = (prev, cur);
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        if cur.iter().all(|&d| d > limit) {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(limit + 1)
}

fn english_plural(w: &str, f: &str) -> bool {
    if w == f {
        return true;
    }
    match w.strip_prefix(f) {
        Some("s") | Some("es") => true,
        _ => f
            .strip_suffix('y')
            .is_some_and(|stem| w.strip_prefix(stem) == Some("ies")),
    }
}

fn is_cyrillic_word(w: &str) -> bool {
    w.chars().any(|c| matches!(c as u32, 0x0400..=0x04FF))
}

const KAZAKH_LOWER: &str = "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә";

fn is_kazakh_lower(c: char) -> bool {
    KAZAKH_LOWER.contains(c)
}

/// Kazakh lemma + suffix: `w` is `f` followed by Kazakh letters, the stem-final п/к/қ
/// possibly voiced to б/г/ғ.
fn kazakh_suffixed(w: &str, f: &str) -> bool {
    let suffix_ok = |rest: &str| {
        !rest.is_empty() && rest.chars().count() <= 10 && rest.chars().all(is_kazakh_lower)
    };
    if let Some(rest) = w.strip_prefix(f) {
        return suffix_ok(rest);
    }
    let mut fc: Vec<char> = f.chars().collect();
    let voiced = match fc.last() {
        Some('п') => 'б',
        Some('к') => 'г',
        Some('қ') => 'ғ',
        _ => return false,
    };
    fc.pop();
    fc.push(voiced);
    let f2: String = fc.into_iter().collect();
    w.strip_prefix(f2.as_str()).is_some_and(suffix_ok)
}

fn name_prefix_len(chars: &[char]) -> usize {
    match chars.last() {
        Some('а' | 'я' | 'о' | 'е' | 'ы' | 'и' | 'ь' | 'й' | 'у' | 'ю') if chars.len() > 3 => {
            chars.len() - 1
        }
        _ => chars.len(),
    }
}

/// What a Russian name keeps in every case: the form less a final vowel (names of four
/// letters or more).
fn russian_name_prefix(f: &str) -> Option<String> {
    let fc: Vec<char> = f.chars().collect();
    (fc.len() >= 4).then(|| fc[..name_prefix_len(&fc)].iter().collect())
}

/// A Russian name in another case: its kept beginning (`russian_name_prefix`), then up to
/// three letters.
fn russian_name(w: &str, prefix: &str) -> bool {
    w.strip_prefix(prefix).is_some_and(|rest| {
        rest.chars().count() <= 3 && rest.chars().all(|c| matches!(c as u32, 0x0430..=0x044F))
    })
}

/// A yes/no column: `yes`, or empty (`no` is read as empty).
fn yes_or_empty(column: &str, value: &str, line: usize) -> Result<bool, GlossaryError> {
    match value.trim() {
        "" | "no" => Ok(false),
        "yes" => Ok(true),
        other => Err(GlossaryError {
            line,
            message: format!("{column} is `{other}`: write `yes` or leave it empty"),
        }),
    }
}

fn split_forms(v: &str) -> Vec<String> {
    v.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
enum Column {
    En,
    Note,
    Dnt,
    Foreign,
    LatinName,
    Term(String),
    Allowed(String),
    Forbidden(String),
}

fn parse_header(line: usize, header: &[String]) -> Result<Vec<Column>, GlossaryError> {
    let err = |message: String| GlossaryError { line, message };
    let mut out = Vec::new();
    for name in header {
        let name = name.trim();
        let col = match name {
            "en" => Column::En,
            "note" => Column::Note,
            "dnt" => Column::Dnt,
            "foreign" => Column::Foreign,
            "latin_name" => Column::LatinName,
            _ => {
                let (tag, make): (&str, fn(String) -> Column) =
                    if let Some(t) = name.strip_suffix("_allowed") {
                        (t, Column::Allowed)
                    } else if let Some(t) = name.strip_suffix("_forbidden") {
                        (t, Column::Forbidden)
                    } else {
                        (name, Column::Term)
                    };
                if tag == "en" || crate::config::validate_locale(tag).is_err() {
                    return Err(err(format!(
                        "unknown column `{name}`: the header is en, then for each locale \
                         <locale>, <locale>_allowed, <locale>_forbidden, and note, dnt, foreign, latin_name \
                         (e.g. en,fr,ru,kk,note,fr_allowed,ru_allowed,kk_allowed,\
                         fr_forbidden,ru_forbidden,kk_forbidden,dnt)"
                    )));
                }
                make(tag.to_string())
            }
        };
        if out.contains(&col) {
            return Err(err(format!("column `{name}` appears twice")));
        }
        out.push(col);
    }
    if !out.contains(&Column::En) {
        return Err(err("the header has no `en` column".into()));
    }
    for c in &out {
        if let Column::Allowed(t) | Column::Forbidden(t) = c {
            if !out.contains(&Column::Term(t.clone())) {
                return Err(err(format!(
                    "column `{t}_…` without a `{t}` column for the term itself"
                )));
            }
        }
    }
    let _ = FIXED;
    Ok(out)
}

/// RFC 4180 CSV: fields separated by commas, optionally in double quotes (`""` for a
/// quote inside). Returns each record with the line it starts on; blank lines are
/// skipped. Unlike the lenient readers, a quote inside an unquoted field, text after a
/// closing quote, or a quote left open are errors.
fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, GlossaryError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start_line = line;
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted_open: Option<usize> = None;
        let mut was_quoted = false;
        let mut at_field_start = true;
        loop {
            let Some(c) = chars.next() else {
                if let Some(l) = quoted_open {
                    return Err(GlossaryError {
                        line: l,
                        message: "a quoted field is never closed (missing `\"`)".into(),
                    });
                }
                record.push(std::mem::take(&mut field));
                break;
            };
            if quoted_open.is_some() {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => {
                        quoted_open = None;
                        was_quoted = true;
                    }
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    '\r' => {}
                    c => field.push(c),
                }
                continue;
            }
            match c {
                '"' if at_field_start => {
                    quoted_open = Some(line);
                    at_field_start = false;
                }
                '"' => {
                    return Err(GlossaryError {
                        line,
                        message: "a `\"` inside an unquoted field: quote the whole field and \
                                  double the quote (\"a \"\"b\"\" c\")"
                            .into(),
                    })
                }
                ',' => {
                    record.push(std::mem::take(&mut field));
                    at_field_start = true;
                    was_quoted = false;
                }
                '\r' => {}
                '\n' => {
                    line += 1;
                    record.push(std::mem::take(&mut field));
                    break;
                }
                c if was_quoted => {
                    return Err(GlossaryError {
                        line,
                        message: format!("`{c}` after the closing quote of a field: expected `,`"),
                    })
                }
                c => {
                    at_field_start = false;
                    field.push(c);
                }
            }
        }
        if record.len() == 1 && record[0].trim().is_empty() && !was_quoted {
            continue;
        }
        records.push((start_line, record));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "en,fr,ru,kk,note,fr_allowed,ru_allowed,kk_allowed,fr_forbidden,ru_forbidden,kk_forbidden,dnt\n";

    fn glossary(rows: &str) -> Glossary {
        Glossary::parse(&format!("{HEADER}{rows}")).expect("parses")
    }

    fn found(g: &Glossary, locale: &str, text: &str) -> Vec<(String, FormKind)> {
        g.find_translation(locale, text)
            .into_iter()
            .map(|h| (text[h.range].to_string(), h.kind))
            .collect()
    }

    #[test]
    fn errors_carry_their_line() {
        let e = |t: &str| Glossary::parse(t).err().map(|e| (e.line, e.message));
        assert_eq!(e("en,fr,xx_yy_zz\n").map(|x| x.0), Some(1));
        assert_eq!(e(&format!("{HEADER}a,b\n")).map(|x| x.0), Some(2));
        let open = e(&format!("{HEADER}a,b,c,d,\"note\n,,,,,,,\n"));
        assert_eq!(open.map(|x| x.0), Some(2));
        let inner = e(&format!("{HEADER}x,,,,,,,,,,,\na,b\"c,,,,,,,,,,\n"));
        assert_eq!(inner.map(|x| x.0), Some(3));
        let after = e(&format!("{HEADER}\"a\"b,,,,,,,,,,,\n"));
        assert_eq!(after.map(|x| x.0), Some(2));
        let dnt = e(&format!("{HEADER}a,,,,,,,,,,,maybe\n"));
        assert_eq!(dnt.map(|x| x.0), Some(2));
    }

    #[test]
    fn foreign_terms_are_flagged_in_an_optional_column() {
        let g = Glossary::parse(
            "en,fr,ru,note,foreign\nConseil d'État,Conseil d’État,Государственный совет,,yes\nde facto,de facto,де-факто,,yes\nasylum,asile,убежище,,\n",
        )
        .expect("parses");
        assert!(g.is_foreign_english("Conseil d’État"));
        assert!(g.is_foreign_english("de facto"));
        assert!(
            !g.is_foreign_english("the Conseil d'État"),
            "the term, word for word"
        );
        assert!(!g.is_foreign_english("asylum"));
        assert!(g.is_foreign_form("ru", "де-факто"));
        assert!(g.is_foreign_form("ru", "Государственный совет"));
        assert!(!g.is_foreign_form("ru", "убежище"));
        let e = Glossary::parse("en,fr,foreign\nx,y,maybe\n").err();
        assert_eq!(
            e.map(|e| (e.line, e.message)),
            Some((
                2,
                "foreign is `maybe`: write `yes` or leave it empty".to_string()
            ))
        );
    }

    /// A word one letter off a name is a misspelling unless some entry accepts it; the
    /// accepted words are looked up by their first letter.
    #[test]
    fn near_misses_spare_words_another_entry_accepts() {
        let g = glossary(
            "Ablyazov,Abliazov,Аблязов,Әблязов,,,,,,,,\nAblazov,Ablazov,Аблазов,Аблазов,,,,,,,,\n",
        );
        let text = "Аблазов и Аблезов, Аблязова";
        let near: Vec<(&str, String)> = g
            .near_misses("ru", &[0], &words(text))
            .into_iter()
            .map(|(r, name, _)| (&text[r], name))
            .collect();
        assert_eq!(near, [("Аблезов", "Аблязов".to_string())]);
    }

    #[test]
    fn multiline_quoted_fields_count_lines() {
        let g = glossary("a,b,c,d,\"two\nlines\",,,,,,,\nz,,,,,,,,,,,\n");
        assert_eq!(g.entries[1].line, 4);
    }

    #[test]
    fn english_terms_on_word_boundaries_longest_first() {
        let g = glossary("BTA,BTA,BTA,BTA,,,,,,,,yes\nBTA Bank,BTA Bank,BTA Bank,BTA Bank,,,,,,,,yes\nred notice,notice rouge,,,,,,,,,,\nPACE,APCE,ПАСЕ,ЕКПА,,,,,,,,\n");
        let hits = |t: &str| -> Vec<String> {
            g.find_english(t)
                .into_iter()
                .map(|(e, r)| format!("{}={}", g.entries[e].en[0], &t[r]))
                .collect()
        };
        assert_eq!(
            hits("the BTA Bank’s assets and the BTA"),
            ["BTA Bank=BTA Bank", "BTA=BTA"]
        );
        assert_eq!(hits("Interpol Red Notices"), ["red notice=Red Notices"]);
        assert!(hits("at a steady pace, BTAB").is_empty());
        assert_eq!(hits("Members of PACE,"), ["PACE=PACE"]);
    }

    #[test]
    fn russian_inflection_by_stem_and_names_by_prefix() {
        let g = glossary("Ablyazov,Abliazov,Аблязов,Әблязов,,,,,,Аблязав,Аблязов,\nasylum,asile,убежище,баспана,,,,,,прибежище,,\n");
        assert_eq!(
            found(&g, "ru", "дело Аблязова"),
            [("Аблязова".to_string(), FormKind::Term)]
        );
        assert_eq!(
            found(&g, "ru", "Аблязову"),
            [("Аблязову".to_string(), FormKind::Term)]
        );
        assert_eq!(
            found(&g, "ru", "АБЛЯЗОВ"),
            [("АБЛЯЗОВ".to_string(), FormKind::Term)]
        );
        assert_eq!(
            found(&g, "ru", "Аблязава"),
            [("Аблязава".to_string(), FormKind::Forbidden)]
        );
        assert_eq!(
            found(&g, "ru", "убежища"),
            [("убежища".to_string(), FormKind::Term)]
        );
        assert!(found(&g, "ru", "Абля").is_empty());
    }

    #[test]
    fn kazakh_lemma_plus_suffix_and_hyphenated_acronyms() {
        let g = glossary("Ablyazov,Abliazov,Аблязов,Әблязов,,,,,,,Аблязов,\nDCK,CDK,ДВК,ҚДТ,,,,,,,,\nBTA,BTA,BTA,BTA,,,,,,БТА,БТА,yes\n");
        assert_eq!(
            found(&g, "kk", "Әблязовтың"),
            [("Әблязовтың".to_string(), FormKind::Term)]
        );
        assert_eq!(
            found(&g, "kk", "Аблязовқа"),
            [("Аблязовқа".to_string(), FormKind::Forbidden)]
        );
        assert_eq!(
            found(&g, "kk", "ҚДТ-ның"),
            [("ҚДТ-ның".to_string(), FormKind::Term)]
        );
        assert_eq!(
            found(&g, "kk", "BTA-ның"),
            [("BTA-ның".to_string(), FormKind::Term)]
        );
        let h = g.find_translation("kk", "ҚДТның");
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].missing_hyphen, Some("ҚДТ".len()));
        assert!(found(&g, "kk", "Bta").is_empty());
    }

    /// A forbidden acronym is matched case for case, also with a suffix glued on
    /// (`ЕОға`): never the ordinary word it spells in lowercase (Kazakh `ес`, "mind").
    #[test]
    fn forbidden_acronyms_keep_their_capitals() {
        let g = glossary("EU Member States,,,ЕО-ға мүше мемлекеттер,,,,,,,ЕОға|ЕС,\n");
        for ordinary in ["ес", "Ес", "есте", "еоға", "Еоға"] {
            assert!(found(&g, "kk", ordinary).is_empty(), "{ordinary}");
        }
        assert_eq!(
            found(&g, "kk", "ЕС"),
            [("ЕС".to_string(), FormKind::Forbidden)]
        );
        assert_eq!(
            found(&g, "kk", "ЕС-тің"),
            [("ЕС-тің".to_string(), FormKind::Forbidden)]
        );
        assert_eq!(
            found(&g, "kk", "ЕОға"),
            [("ЕОға".to_string(), FormKind::Forbidden)]
        );
    }

    /// French feminine plurals of a masculine plural term (docs/glossary.md: a word may
    /// take the plural or feminine endings).
    #[test]
    fn french_feminine_plurals_of_masculine_plurals() {
        let g =
            glossary("MEPs,eurodéputés,,,,députés européens,,,,,,\nnational,national,,,,,,,,,,\n");
        for w in [
            "eurodéputées",
            "eurodéputée",
            "eurodéputé",
            "députées européennes",
            "député européen",
            "nationaux",
            "nationales",
        ] {
            assert_eq!(found(&g, "fr", w).len(), 1, "{w}");
        }
        for w in ["députation", "européanisme", "nation"] {
            assert!(found(&g, "fr", w).is_empty(), "{w}");
        }
    }

    /// `words` as first written: the text's characters collected, every word put in NFC
    /// and lowercased through the Unicode tables on its own.
    fn words_by_definition(text: &str) -> Vec<(Range<usize>, String, String)> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            if !is_word_char(chars[i].1) {
                i += 1;
                continue;
            }
            let start = chars[i].0;
            let mut j = i;
            loop {
                while j < chars.len() && is_word_char(chars[j].1) {
                    j += 1;
                }
                if j + 1 < chars.len()
                    && matches!(chars[j].1, '-' | '\u{2010}' | '\u{2011}')
                    && is_word_char(chars[j + 1].1)
                    && !chars[j - 1].1.is_ascii_digit()
                    && !chars[j + 1].1.is_ascii_digit()
                {
                    j += 1;
                    continue;
                }
                break;
            }
            let end = chars.get(j).map_or(text.len(), |c| c.0);
            let orig = crate::text::nfc(&text[start..end]).into_owned();
            let norm: String = orig
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| match c {
                    'ё' => 'е',
                    '\u{2010}' | '\u{2011}' => '-',
                    c => c,
                })
                .collect();
            out.push((start..end, orig, norm));
            i = j;
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Words, their spellings and their normalised forms are those of the definition,
        /// NFC or not, in any script and case.
        #[test]
        fn words_are_as_defined(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Б", "ё", "Ё", "İ", "É", "e\u{301}", "\u{301}", "Ә", "ǅ", "ß", "-", "\u{2011}", "\u{2010}", "\u{2012}",
                "Я", "П", "Р", "п", "р", "я", "Ѐ", "Џ", "ѐ", "Ѡ", "ѡ", "Ѿ", "ѿ", "Ғ", "ғ", "Ӏ", "Ա",
                "1", "2016", " ", "’", "'", ".", "x", "Қазақстан", "Aix", "\u{483}", "ΣΑ", "À", "×",
                "Þ", "ÿ", "ß", "é", "Ç", "Œ", "Ә", "ә", "Қ", "ү", "Ұ", "Ӏ", "ӏ", "Ԁ", "ԯ", "Ա", "Ҩ",
            ]), 0..14)
        ) {
            let text = pieces.concat();
            let fast: Vec<(Range<usize>, String, String)> = words(&text)
                .iter()
                .map(|w| (w.range, w.orig.to_string(), w.norm.to_string()))
                .collect();
            proptest::prop_assert_eq!(fast, words_by_definition(&text), "{:?}", text);
        }
    }

    /// The key index finds what trying every form at every word finds, on texts made of
    /// the repository glossary's own forms, their inflections and other words.
    #[test]
    fn the_index_finds_every_form() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/glossary.csv"))
            .expect("glossary.csv");
        let g = Glossary::parse(&text).expect("parses");
        let mut runner =
            proptest::test_runner::TestRunner::new(proptest::test_runner::Config::with_cases(300));
        for locale in ["fr", "ru", "kk"] {
            let lm = &g.locales[locale];
            let mut pieces: Vec<String> = lm.forms.iter().map(|f| f.text.clone()).collect();
            let inflected: Vec<String> = pieces
                .iter()
                .flat_map(|p| ["а", "ы", "ның", "es", "s", "е", "тің"].map(|e| format!("{p}{e}")))
                .collect();
            pieces.extend(inflected);
            pieces.extend(["и", "de", "la", "мен", "2016", "BTA", "ЕС", "ес"].map(String::from));
            let strategy = proptest::collection::vec(proptest::sample::select(pieces), 0..8);
            runner
                .run(&strategy, |parts| {
                    let words = words(&parts.join(" "));
                    let fast: Vec<(usize, FormKind, Range<usize>)> = g
                        .find_translation_in(locale, &words)
                        .into_iter()
                        .map(|h| (h.entry, h.kind, h.range))
                        .collect();
                    let mut slow: Vec<(usize, FormKind, Range<usize>)> = Vec::new();
                    for wi in 0..words.len() {
                        for f in &lm.forms {
                            if let Some(h) = g.verify(locale, f, &words, wi) {
                                slow.push((h.entry, h.kind, h.range));
                            }
                        }
                    }
                    let mut fast_sorted = fast.clone();
                    fast_sorted.sort_by_key(|h| (h.2.start, h.0, h.2.end, h.1 as u8));
                    slow.sort_by_key(|h| (h.2.start, h.0, h.2.end, h.1 as u8));
                    proptest::prop_assert_eq!(fast_sorted, slow);
                    Ok(())
                })
                .unwrap_or_else(|e| panic!("{locale}: {e}"));
        }
    }

    #[test]
    fn bounded_edit_distance() {
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        let d = |a: &str, b: &str, k: usize| levenshtein_within(&c(a), &c(b), k);
        assert_eq!(d("Аблязов", "Аблязов", 2), 0);
        assert_eq!(d("Аблезов", "Аблязов", 2), 1);
        assert_eq!(d("Mouktar", "Moukhtar", 1), 1);
        assert_eq!(d("Abliazov", "Ablyazov", 1), 1);
        assert_eq!(d("Abjazof", "Ablyazov", 2), 3, "over the limit: limit + 1");
        assert_eq!(d("Kazakhstan", "Moukhtar", 2), 3);
        assert_eq!(d("", "abc", 5), 3);
    }

    #[test]
    fn separators_and_apostrophes() {
        let g = glossary("Aix-en-Provence,Aix-en-Provence,,,,,,,Aix en Provence,,,\nConseil d'État,Conseil d’État,,,,,,,Conseil d'Etat,,,\n");
        assert_eq!(
            found(&g, "fr", "à Aix-en-Provence"),
            [("Aix-en-Provence".to_string(), FormKind::Term)]
        );
        assert_eq!(
            found(&g, "fr", "à Aix en Provence"),
            [("Aix en Provence".to_string(), FormKind::Forbidden)]
        );
        assert_eq!(
            found(&g, "fr", "le Conseil d'État"),
            [("Conseil d'État".to_string(), FormKind::Term)]
        );
        assert_eq!(
            found(&g, "fr", "le Conseil d’Etat"),
            [("Conseil d’Etat".to_string(), FormKind::Forbidden)]
        );
    }
}
