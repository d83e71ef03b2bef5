//! Aligning a new segmentation with the previous one so that ids survive edits.
//!
//! 1. A sequence diff (similar, Patience) pairs segments whose text is unchanged.
//! 2. Unchanged text that moved elsewhere is paired by exact text.
//! 3. Inside each changed run the diff leaves, old and new segments of the same kind are
//!    paired by word similarity, best pairs first, above a threshold; a bounded window keeps
//!    this linear in the document size. Headings left over in a run pair by position
//!    (a renamed heading keeps its id).
//! 4. What is left: old segments are removed (ids retired), new ones get fresh ids.

use std::collections::{BTreeSet, HashMap};

use similar::{Algorithm, DiffOp};

use crate::segment::{label_id, slug, Kind};

/// A segment of the previous reference: its id and English text.
#[derive(Debug, Clone)]
pub struct Old {
    pub id: String,
    pub text: String,
    /// The block class recorded in the reference (`heading`, `paragraph`, ...).
    pub class: String,
}

/// A segment of the new source, as alignment needs it.
#[derive(Debug, Clone)]
pub struct New {
    pub kind: Kind,
    pub text: String,
    /// Index into the same `new` slice of the nearest heading before it.
    pub heading: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Unchanged,
    Modified,
    Added,
}

#[derive(Debug, Clone)]
pub struct Alignment {
    /// For each new segment: its id, and the old index it continues (if any).
    pub ids: Vec<String>,
    pub origin: Vec<Option<usize>>,
    pub change: Vec<Change>,
    /// Old segments with no successor, in old order.
    pub removed: Vec<usize>,
}

/// Minimum word similarity for a changed segment to keep an old id.
pub const THRESHOLD: f32 = 0.5;
/// How far (in segments) inside a changed run a candidate is looked for.
const WINDOW: usize = 24;

pub fn align(old: &[Old], new: &[New], retired: &BTreeSet<String>) -> Alignment {
    let mut origin: Vec<Option<usize>> = vec![None; new.len()];
    let mut used = vec![false; old.len()];

    // 1. Unchanged, in order.
    let old_texts: Vec<&str> = old.iter().map(|o| o.text.as_str()).collect();
    let new_texts: Vec<&str> = new.iter().map(|n| n.text.as_str()).collect();
    // Nothing changed (every command after a sync): no diff needed.
    let ops = if old_texts == new_texts {
        vec![DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: old.len(),
        }]
    } else {
        diff_trimmed(&old_texts, &new_texts)
    };
    for op in &ops {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            for k in 0..len {
                origin[new_index + k] = Some(old_index + k);
                used[old_index + k] = true;
            }
        }
    }
    // 2. Moves: same text elsewhere.
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, o) in old.iter().enumerate().rev() {
        if !used[i] {
            by_text.entry(o.text.as_str()).or_default().push(i);
        }
    }
    for (j, n) in new.iter().enumerate() {
        if origin[j].is_none() {
            if let Some(i) = by_text.get_mut(n.text.as_str()).and_then(|v| v.pop()) {
                origin[j] = Some(i);
                used[i] = true;
            }
        }
    }
    // 3. Changed runs: pair by similarity inside each run.
    for op in &ops {
        let (o, n) = match *op {
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index..old_index, new_index..new_index + new_len),
            DiffOp::Equal { .. } => continue,
        };
        pair_run(old, new, o, n, &mut origin, &mut used);
    }
    // Footnotes whose label survived keep their id even when their text changed completely.
    let old_index: HashMap<&str, usize> = old
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    for (j, n) in new.iter().enumerate() {
        if origin[j].is_none() {
            if let Kind::Footnote(label, 1) = &n.kind {
                if let Some(&i) = old_index.get(label_id(label).as_str()) {
                    if !used[i] {
                        origin[j] = Some(i);
                        used[i] = true;
                    }
                }
            }
        }
    }

    // 4. Ids.
    let mut ids = vec![String::new(); new.len()];
    let mut change = vec![Change::Added; new.len()];
    for j in 0..new.len() {
        if let Some(i) = origin[j] {
            ids[j] = old[i].id.clone();
            change[j] = if old[i].text == new[j].text {
                Change::Unchanged
            } else {
                Change::Modified
            };
        }
    }
    // New segments get new ids (most alignments have none: every command after a sync).
    if origin.iter().any(Option::is_none) {
        new_ids(old, new, retired, &origin, &mut ids);
    }
    let removed = (0..old.len()).filter(|&i| !used[i]).collect();
    Alignment {
        ids,
        origin,
        change,
        removed,
    }
}

/// Ids for the new segments without an origin: never one that is taken (old or retired).
fn new_ids(
    old: &[Old],
    new: &[New],
    retired: &BTreeSet<String>,
    origin: &[Option<usize>],
    ids: &mut [String],
) {
    let mut taken: BTreeSet<String> = retired.clone();
    taken.extend(old.iter().map(|o| o.id.clone()));
    // Paragraph numbers count within the section, in order, for readable new ids.
    let mut counters: HashMap<(Option<usize>, &'static str), usize> = HashMap::new();
    for j in 0..new.len() {
        let n = &new[j];
        let class = match n.kind {
            Kind::Heading(_) => "h",
            Kind::Paragraph => "p",
            Kind::ListItem => "li",
            Kind::TableCell => "cell",
            Kind::Footnote(..) => "fn",
        };
        let counter = counters.entry((n.heading, class)).or_insert(0);
        *counter += 1;
        if origin[j].is_some() {
            continue;
        }
        let section = n.heading.map(|h| ids[h].clone()).filter(|s| !s.is_empty());
        let section = section.unwrap_or_else(|| "intro".to_string());
        let id = match &n.kind {
            Kind::Heading(_) => unique(&slug(&n.text), &taken),
            Kind::Footnote(label, 1) => unique(&label_id(label), &taken),
            Kind::Footnote(label, k) => unique(&format!("{}-p{k}", label_id(label)), &taken),
            _ => numbered(&format!("{section}-{class}"), *counter, &taken),
        };
        taken.insert(id.clone());
        ids[j] = id;
    }
}

/// The patience diff of the two lists, with their common beginning and end set aside
/// first (as git does): an edit touches a few segments, and the diff then hashes those
/// instead of every segment of the document.
fn diff_trimmed(old: &[&str], new: &[&str]) -> Vec<DiffOp> {
    let pre = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suf = old[pre..]
        .iter()
        .rev()
        .zip(new[pre..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_mid, new_mid) = (&old[pre..old.len() - suf], &new[pre..new.len() - suf]);
    let mut ops = Vec::new();
    if pre > 0 {
        ops.push(DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: pre,
        });
    }
    for op in similar::capture_diff_slices(Algorithm::Patience, old_mid, new_mid) {
        ops.push(match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => DiffOp::Equal {
                old_index: old_index + pre,
                new_index: new_index + pre,
                len,
            },
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => DiffOp::Delete {
                old_index: old_index + pre,
                old_len,
                new_index: new_index + pre,
            },
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => DiffOp::Insert {
                old_index: old_index + pre,
                new_index: new_index + pre,
                new_len,
            },
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => DiffOp::Replace {
                old_index: old_index + pre,
                old_len,
                new_index: new_index + pre,
                new_len,
            },
        });
    }
    if suf > 0 {
        ops.push(DiffOp::Equal {
            old_index: old.len() - suf,
            new_index: new.len() - suf,
            len: suf,
        });
    }
    ops
}

fn unique(base: &str, taken: &BTreeSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|c| !taken.contains(c))
        .unwrap_or_default()
}

fn numbered(prefix: &str, start: usize, taken: &BTreeSet<String>) -> String {
    (start..)
        .map(|k| format!("{prefix}{k}"))
        .find(|c| !taken.contains(c))
        .unwrap_or_default()
}

fn compatible(o: &Old, n: &New) -> bool {
    o.class == class_name(&n.kind)
}

/// The name of a segment kind as the reference file records it.
pub fn class_name(kind: &Kind) -> &'static str {
    match kind {
        Kind::Heading(_) => "heading",
        Kind::Paragraph => "paragraph",
        Kind::ListItem => "list-item",
        Kind::TableCell => "table-cell",
        Kind::Footnote(..) => "footnote",
    }
}

fn pair_run(
    old: &[Old],
    new: &[New],
    o: std::ops::Range<usize>,
    n: std::ops::Range<usize>,
    origin: &mut [Option<usize>],
    used: &mut [bool],
) {
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for j in n.clone() {
        if origin[j].is_some() {
            continue;
        }
        // A bounded window around the position the new segment has in the run.
        let rel = j - n.start;
        let lo = o.start + rel.saturating_sub(WINDOW);
        let hi = (o.start + rel + WINDOW).min(o.end);
        for i in lo..hi {
            if used[i] || !compatible(&old[i], &new[j]) {
                continue;
            }
            let r = similarity(&old[i].text, &new[j].text);
            if r >= THRESHOLD {
                candidates.push((r, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
    for (_, i, j) in candidates {
        if !used[i] && origin[j].is_none() {
            used[i] = true;
            origin[j] = Some(i);
        }
    }
    // Headings left over pair by position: a renamed heading keeps its id.
    let old_h: Vec<usize> = o
        .filter(|&i| !used[i] && old[i].class == "heading")
        .collect();
    let new_h: Vec<usize> = n
        .filter(|&j| origin[j].is_none() && matches!(new[j].kind, Kind::Heading(_)))
        .collect();
    if old_h.len() == new_h.len() {
        for (i, j) in old_h.into_iter().zip(new_h) {
            used[i] = true;
            origin[j] = Some(i);
        }
    }
}

/// Word-level similarity in 0..=1 (similar's ratio over Unicode words). Cost stays
/// bounded: segments of very different lengths are scored by their length ratio alone (an
/// upper bound of the real ratio), and very long ones by word-multiset overlap (linear).
pub fn similarity(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    let (la, lb) = (a.split_whitespace().count(), b.split_whitespace().count());
    if la + lb == 0 {
        return 0.0;
    }
    let bound = 2.0 * la.min(lb) as f32 / (la + lb) as f32;
    if bound < THRESHOLD {
        return bound;
    }
    if la + lb > LONG {
        return dice(a, b);
    }
    // What `TextDiff::diff_unicode_words(a, b).ratio()` computes, without the table that
    // numbers distinct words first (Myers compares words only for equality, so the
    // operations are the same; that table was a third of the cost).
    let (wa, wb) = (word_bounds(a), word_bounds(b));
    let ops = similar::capture_diff_slices(Algorithm::Myers, &wa, &wb);
    similar::get_diff_ratio(&ops, wa.len(), wb.len())
}

/// The text cut at Unicode word boundaries (UAX #29), as `split_word_bounds`. Text whose
/// characters all have a word-break class listed in [`wb_char`] (ASCII, the Latin and
/// Cyrillic letters, typographic quotes and dashes: nearly every English segment) is cut
/// by the rules themselves, which for those classes need no table; anything else goes to
/// unicode-segmentation. A property test holds the two to the same result.
fn word_bounds(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    // The class of each character, with `Other` before the first and after the last (the
    // rules read two characters back and one ahead, and only ever ask whether those are
    // letters or digits), and where each character starts (ASCII: at its index).
    let mut cls: Vec<Wb> = Vec::with_capacity(b.len() + 2);
    cls.push(Wb::Other);
    let mut at: Vec<usize> = Vec::new();
    if s.is_ascii() {
        cls.extend(b.iter().map(|&c| WB_ASCII[usize::from(c)]));
    } else {
        at.reserve(b.len());
        let mut i = 0;
        while i < b.len() {
            // ASCII looked up without decoding; other characters decoded one by one.
            let (w, len) = if b[i].is_ascii() {
                (WB_ASCII[usize::from(b[i])], 1)
            } else {
                let c = s[i..].chars().next().unwrap_or('\0');
                let Some(w) = wb_char(c) else {
                    return unicode_segmentation::UnicodeSegmentation::split_word_bounds(s)
                        .collect();
                };
                (w, c.len_utf8())
            };
            cls.push(w);
            at.push(i);
            i += len;
        }
    }
    cls.push(Wb::Other);
    let n = cls.len() - 2;
    let start_of = |k: usize| if at.is_empty() { k } else { at[k] };
    let mut out = Vec::with_capacity(b.len() / 3);
    let mut start = 0;
    // Character k of the text is cls[k + 1].
    for k in 1..n {
        if word_break(cls[k - 1], cls[k], cls[k + 1], cls[k + 2]) {
            let here = start_of(k);
            out.push(&s[start..here]);
            start = here;
        }
    }
    if !s.is_empty() {
        out.push(&s[start..]);
    }
    out
}

/// `wb` of every ASCII byte, looked up.
static WB_ASCII: [Wb; 128] = {
    let mut t = [Wb::Other; 128];
    let mut c = 0;
    while c < 128 {
        t[c] = wb(c as u8);
        c += 1;
    }
    t
};

/// The word-break classes (UAX #29) of ASCII and of the characters `wb_char` knows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    Cr,
    Lf,
    Newline,
    Space,
    SingleQuote,
    MidNumLet,
    MidLetter,
    MidNum,
    Numeric,
    Letter,
    ExtendNumLet,
    Other,
}

/// The word-break class of an ASCII byte.
const fn wb(c: u8) -> Wb {
    match c {
        b'\r' => Wb::Cr,
        b'\n' => Wb::Lf,
        0x0B | 0x0C => Wb::Newline,
        b' ' => Wb::Space,
        b'\'' => Wb::SingleQuote,
        b'.' => Wb::MidNumLet,
        b':' => Wb::MidLetter,
        b',' | b';' => Wb::MidNum,
        b'0'..=b'9' => Wb::Numeric,
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'_' => Wb::ExtendNumLet,
        _ => Wb::Other,
    }
}

/// The word-break class of a character, for those the rules below cover (WordBreakProperty
/// of Unicode 15/16); `None` for every other character (combining marks, format
/// characters, emoji, other scripts, other spaces), which unicode-segmentation handles.
fn wb_char(c: char) -> Option<Wb> {
    Some(match c {
        '\0'..='\x7f' => WB_ASCII[c as usize],
        // Latin-1 and Latin Extended-A letters, Cyrillic letters.
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{17F}' => Wb::Letter,
        '\u{400}'..='\u{481}' | '\u{48A}'..='\u{4FF}' => Wb::Letter,
        // ‘ ’
        '\u{2018}' | '\u{2019}' => Wb::MidNumLet,
        // NBSP « » × ÷ § ° – — “ ” „ … € №
        '\u{A0}' | '\u{AB}' | '\u{BB}' | '\u{D7}' | '\u{F7}' | '\u{A7}' | '\u{B0}' => Wb::Other,
        '\u{2013}' | '\u{2014}' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2026}' => Wb::Other,
        '\u{20AC}' | '\u{2116}' => Wb::Other,
        // Narrow no-break space (French typography).
        '\u{202F}' => Wb::ExtendNumLet,
        _ => return None,
    })
}

/// Whether UAX #29 puts a word boundary between `l` and `r` (`before` precedes `l`, `after`
/// follows `r`; `Other` at either end of the text): the rules WB3–WB13b that the classes of
/// [`Wb`] can meet, in order; WB999 breaks.
#[inline]
fn word_break(before: Wb, l: Wb, r: Wb, after: Wb) -> bool {
    use Wb::*;
    let mid_letter = |c: Wb| matches!(c, MidLetter | MidNumLet | SingleQuote);
    let mid_num = |c: Wb| matches!(c, MidNum | MidNumLet | SingleQuote);
    match (l, r) {
        (Cr, Lf) => false,                                                   // WB3
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => true,             // WB3a, WB3b
        (Space, Space) => false,                                             // WB3d
        (Letter, Letter) => false,                                           // WB5
        (Letter, m) if mid_letter(m) && after == Letter => false,            // WB6
        (m, Letter) if mid_letter(m) && before == Letter => false,           // WB7
        (Numeric, Numeric) | (Letter, Numeric) | (Numeric, Letter) => false, // WB8–WB10
        (m, Numeric) if mid_num(m) && before == Numeric => false,            // WB11
        (Numeric, m) if mid_num(m) && after == Numeric => false,             // WB12
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) => false,            // WB13a
        (ExtendNumLet, Letter | Numeric) => false,                           // WB13b
        _ => true,                                                           // WB999
    }
}

/// Above this many words in a pair, similarity is a multiset overlap instead of a diff.
const LONG: usize = 4000;

fn dice(a: &str, b: &str) -> f32 {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    let mut total = 0usize;
    for w in a.split_whitespace() {
        *counts.entry(w).or_insert(0) += 1;
        total += 1;
    }
    let mut common = 0usize;
    for w in b.split_whitespace() {
        total += 1;
        if let Some(c) = counts.get_mut(w) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    2.0 * common as f32 / total as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// Text is cut where unicode-segmentation cuts it, and the similarity is the
        /// one `similar`'s text diff gives.
        #[test]
        fn words_and_similarity_as_unicode_segmentation(
            a in proptest::collection::vec(proptest::sample::select(WORD_PIECES.to_vec()), 0..16),
            b in proptest::collection::vec(proptest::sample::select(WORD_PIECES.to_vec()), 0..16),
        ) {
            let (a, b) = (a.concat(), b.concat());
            for s in [&a, &b] {
                let expected: Vec<&str> =
                    unicode_segmentation::UnicodeSegmentation::split_word_bounds(s.as_str()).collect();
                proptest::prop_assert_eq!(word_bounds(s), expected);
            }
            let expected = similar::TextDiff::configure()
                .algorithm(Algorithm::Myers)
                .diff_unicode_words(&a, &b)
                .ratio();
            let (wa, wb) = (word_bounds(&a), word_bounds(&b));
            let ops = similar::capture_diff_slices(Algorithm::Myers, &wa, &wb);
            proptest::prop_assert_eq!(similar::get_diff_ratio(&ops, wa.len(), wb.len()), expected);
        }
    }

    /// Every word-break class ASCII has, alone, doubled and next to letters and digits.
    const WORD_PIECES: &[&str] = &[
        "a", "Zb", "1", "42", " ", "  ", ".", ",", ";", ":", "'", "\"", "_", "-", "\n", "\r",
        "\r\n", "\u{b}", "\u{c}", "\t", "!", "(", ")", "a.b", "1.5", "1,5", "a'b", "a:b", "x_1",
        "_a", "e", "é", "’", "Қ", "‘", "É", "ç", "×", "÷", "“", "”", "„", "…", "–", "—", "«", "»",
        "\u{a0}", "\u{202f}", "§", "°", "€", "№", "ſ", "Ā", "ӿ", "Ѐ", "ҁ", "Ҋ", "\u{482}",
        "\u{483}", "\u{301}", "\u{2009}", "\u{ad}", "日", "👍", "ª", "·", "a\u{301}", "\u{200d}",
    ];

    proptest::proptest! {
        /// Setting the common beginning and end aside still gives an edit script whose
        /// ranges cover each list exactly once and whose equal runs are equal. (Not
        /// always in order: similar 2.7's patience diff can emit a run after a later one
        /// when elements repeat, with or without the trimming; align reads each run on
        /// its own.)
        #[test]
        fn trimmed_diff_covers_both_lists(
            old in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "c", "d"]), 0..14),
            new in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "c", "d"]), 0..14),
        ) {
            let ops = diff_trimmed(&old, &new);
            let (mut olds, mut news): (Vec<_>, Vec<_>) =
                ops.iter().map(|op| (op.old_range(), op.new_range())).unzip();
            for op in &ops {
                if let DiffOp::Equal { .. } = op {
                    proptest::prop_assert_eq!(&old[op.old_range()], &new[op.new_range()]);
                }
            }
            for (ranges, len) in [(&mut olds, old.len()), (&mut news, new.len())] {
                ranges.retain(|r| !r.is_empty());
                ranges.sort_by_key(|r| r.start);
                let mut at = 0;
                for r in ranges.iter() {
                    proptest::prop_assert_eq!(r.start, at);
                    at = r.end;
                }
                proptest::prop_assert_eq!(at, len);
            }
        }

        /// Identical sequences skip the diff: the diff would have matched each segment
        /// with itself too, duplicates included.
        #[test]
        fn unchanged_texts_align_one_to_one(
            texts in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "c"]), 0..12)
        ) {
            let ops = similar::capture_diff_slices(Algorithm::Patience, &texts, &texts);
            let mut pairs = Vec::new();
            for op in ops {
                proptest::prop_assert!(matches!(op, DiffOp::Equal { .. }), "{:?}", op);
                if let DiffOp::Equal { old_index, new_index, len } = op {
                    pairs.extend((0..len).map(|k| (old_index + k, new_index + k)));
                }
            }
            proptest::prop_assert_eq!(pairs, (0..texts.len()).map(|k| (k, k)).collect::<Vec<_>>());
        }
    }
}
