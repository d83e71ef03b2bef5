//! Three-way merge of Fluent locale files by message id, for git's merge driver
//! (`dossier merge-driver`): what each side changed since their common ancestor is kept,
//! message by message, whatever the layout of the files.
//!
//! A file is a sequence of entries (`ftl::FtlFile`): messages with their attached comment
//! (stamp and notes), standalone comments, terms, Junk. Messages are matched by id and
//! compared by what they mean (value, stamp, notes; their text as written when they hold
//! more than plain text), so a side that only re-wrapped a message or removed the blank
//! lines between messages changed nothing. Other entries are matched by their text.
//!
//! For each message: the same on both sides, or changed on one side only, it is merged
//! (a deletion is a change); changed differently on both sides, it is a conflict,
//! confined to that message: git's conflict markers around the two versions, stamps
//! included, and the rest of the file merged. Comments, terms and Junk are kept unless a
//! side removed them. The result is in our order, with the entries only they have put
//! after the entry they follow there; with the document's order (the reference's ids),
//! its messages are put in that order. Entries are separated by one blank line.

use std::collections::{HashMap, HashSet};

use crate::ftl::{EntryKind, FtlFile};

/// What a merge gives: the file's text and the ids of the messages left in conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<String>,
}

/// The conflict markers, as git writes them (seven characters).
pub const OURS_MARK: &str = "<<<<<<< ours";
pub const SPLIT_MARK: &str = "=======";
pub const THEIRS_MARK: &str = ">>>>>>> theirs";

/// An entry's identity across the three versions.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// A message, by id (and occurrence, for an id defined twice).
    Message(String, usize),
    /// Anything else, by its text (and occurrence).
    Text(String, usize),
}

/// One entry of a version: its key, its text as written, and what it means.
#[derive(Debug, Clone)]
struct Unit {
    key: Key,
    text: String,
    meaning: String,
}

fn units(src: &str) -> Vec<Unit> {
    let file = FtlFile::parse(src);
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut out = Vec::with_capacity(file.entries.len());
    for e in &file.entries {
        let text = file.src[e.span.clone()].trim_end().to_string();
        if text.is_empty() {
            continue;
        }
        let (base, meaning) = match &e.kind {
            EntryKind::Message(m) if !m.complex => (
                Key::Message(m.id.clone(), 0),
                format!("{:?}", (&m.stamp, &m.notes, &m.value)),
            ),
            EntryKind::Message(m) => (Key::Message(m.id.clone(), 0), text.clone()),
            EntryKind::Other | EntryKind::Junk { .. } => (Key::Text(text.clone(), 0), text.clone()),
        };
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        let key = match base {
            Key::Message(id, _) => Key::Message(id, *n),
            Key::Text(t, _) => Key::Text(t, *n),
        };
        out.push(Unit { key, text, meaning });
    }
    out
}

/// What the merge keeps of one entry.
enum Outcome<'a> {
    Take(&'a Unit),
    Conflict(Option<&'a Unit>, Option<&'a Unit>),
}

/// Merges `ours` and `theirs`, two versions of a Fluent file, with `base` their common
/// ancestor. `order`: the ids of the document's messages in document order, when known.
pub fn merge(base: &str, ours: &str, theirs: &str, order: Option<&[String]>) -> Merged {
    let (b, o, t) = (units(base), units(ours), units(theirs));
    let index = |v: &[Unit]| -> HashMap<Key, usize> {
        v.iter()
            .enumerate()
            .map(|(i, u)| (u.key.clone(), i))
            .collect()
    };
    let (bi, oi, ti) = (index(&b), index(&o), index(&t));
    fn meaning<'a>(v: &'a [Unit], i: &HashMap<Key, usize>, k: &Key) -> Option<&'a str> {
        i.get(k).map(|&n| v[n].meaning.as_str())
    }
    let decide = |k: &Key| -> Option<Outcome> {
        let (bm, om, tm) = (
            meaning(&b, &bi, k),
            meaning(&o, &oi, k),
            meaning(&t, &ti, k),
        );
        let ou = oi.get(k).map(|&n| &o[n]);
        let tu = ti.get(k).map(|&n| &t[n]);
        if om == tm || tm == bm {
            ou.map(Outcome::Take)
        } else if om == bm {
            tu.map(Outcome::Take)
        } else {
            Some(Outcome::Conflict(ou, tu))
        }
    };

    // Our entries in our order; theirs only they have after the entry they follow there
    // (after the entries only we have that follow it too).
    let shared: HashSet<&Key> = t
        .iter()
        .map(|u| &u.key)
        .filter(|k| oi.contains_key(k))
        .collect();
    let mut after: HashMap<Option<&Key>, Vec<&Key>> = HashMap::new();
    let mut anchor: Option<&Key> = None;
    for u in &t {
        if shared.contains(&u.key) {
            anchor = Some(&u.key);
        } else {
            after.entry(anchor).or_default().push(&u.key);
        }
    }
    let mut keys: Vec<&Key> = Vec::with_capacity(o.len() + t.len());
    let mut pending = after.remove(&None).unwrap_or_default();
    for u in &o {
        if shared.contains(&u.key) {
            keys.append(&mut pending);
            pending = after.remove(&Some(&u.key)).unwrap_or_default();
        }
        keys.push(&u.key);
    }
    keys.append(&mut pending);

    let mut kept: Vec<(&Key, Outcome)> = keys
        .into_iter()
        .filter_map(|k| decide(k).map(|d| (k, d)))
        .collect();
    if let Some(order) = order {
        in_document_order(&mut kept, order);
    }

    let mut text = String::new();
    let mut conflicts = Vec::new();
    for (k, outcome) in &kept {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        match outcome {
            Outcome::Take(u) => text.push_str(&u.text),
            Outcome::Conflict(ou, tu) => {
                let (Key::Message(id, _) | Key::Text(id, _)) = k;
                conflicts.push(id.clone());
                let side =
                    |u: &Option<&Unit>| u.map(|u| format!("{}\n", u.text)).unwrap_or_default();
                text.push_str(&format!(
                    "{OURS_MARK}\n{}{SPLIT_MARK}\n{}{THEIRS_MARK}",
                    side(ou),
                    side(tu)
                ));
            }
        }
    }
    if !text.is_empty() {
        text.push('\n');
    }
    Merged { text, conflicts }
}

/// Puts the messages the document has in its order, in the places messages of the
/// document hold; everything else (comments, Junk, obsolete messages) stays where it is.
fn in_document_order(kept: &mut [(&Key, Outcome)], order: &[String]) {
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let rank_of = |k: &Key| match k {
        Key::Message(id, 1) => rank.get(id.as_str()).copied(),
        _ => None,
    };
    let slots: Vec<usize> = (0..kept.len())
        .filter(|&i| rank_of(kept[i].0).is_some())
        .collect();
    let mut ranked = slots.clone();
    ranked.sort_by_key(|&i| rank_of(kept[i].0));
    // The k-th slot takes the k-th message in document order.
    let mut from: Vec<usize> = (0..kept.len()).collect();
    for (&slot, &message) in slots.iter().zip(&ranked) {
        from[slot] = message;
    }
    apply_permutation(kept, &from);
}

/// Reorders `v` so that position `i` holds what was at `from[i]` (`from` a permutation).
fn apply_permutation<T>(v: &mut [T], from: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done[start] {
            continue;
        }
        // Follow the cycle: position i takes from[i].
        let mut i = start;
        loop {
            done[i] = true;
            let j = from[i];
            if j == start {
                break;
            }
            v.swap(i, j);
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(base: &str, ours: &str, theirs: &str, expect: &str, conflicts: &[&str]) {
        let m = merge(base, ours, theirs, None);
        assert_eq!(m.text, expect);
        assert_eq!(m.conflicts, conflicts);
    }

    /// `tests/data/merge/<case>/`: `base.ftl`, `ours.ftl`, `theirs.ftl`, the expected
    /// `merged.ftl` (a conflict when it holds markers), and the document's order in
    /// `order.txt` (one id a line) when the case has one.
    #[test]
    fn merge_fixtures() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/merge");
        let mut cases: Vec<_> = std::fs::read_dir(&dir)
            .expect("tests/data/merge")
            .map(|e| e.expect("entry").path())
            .collect();
        cases.sort();
        assert!(cases.len() >= 10);
        for case in cases {
            let read = |f: &str| std::fs::read_to_string(case.join(f)).ok();
            let name = case.display();
            let (base, ours, theirs, merged) = (
                read("base.ftl").expect("base.ftl"),
                read("ours.ftl").expect("ours.ftl"),
                read("theirs.ftl").expect("theirs.ftl"),
                read("merged.ftl").expect("merged.ftl"),
            );
            let order: Option<Vec<String>> =
                read("order.txt").map(|t| t.lines().map(String::from).collect());
            let m = merge(&base, &ours, &theirs, order.as_deref());
            assert_eq!(m.text, merged, "{name}");
            assert_eq!(
                m.conflicts.is_empty(),
                !merged.contains(OURS_MARK),
                "{name}: {:?}",
                m.conflicts
            );
            // The result parses: every message of it is one of the sides' (outside
            // conflicts, which are Junk until resolved).
            let file = FtlFile::parse(m.text.as_str());
            for (_, msg) in file.messages() {
                let same = |m: &crate::ftl::Message| {
                    (&m.value, &m.stamp, &m.notes) == (&msg.value, &msg.stamp, &msg.notes)
                };
                let known = [&ours, &theirs].iter().any(|side| {
                    FtlFile::parse(side.as_str())
                        .message(&msg.id)
                        .is_some_and(same)
                });
                assert!(known, "{name}: {}", msg.id);
            }
            // Merging again what was merged cleanly changes nothing.
            if m.conflicts.is_empty() {
                let again = merge(&base, &m.text, &m.text, order.as_deref());
                assert_eq!(again.text, m.text, "{name}");
            }
        }
    }

    #[test]
    fn permutations_are_applied() {
        let mut v = vec!['a', 'b', 'c', 'd', 'e'];
        apply_permutation(&mut v, &[3, 1, 0, 4, 2]);
        assert_eq!(v, ['d', 'b', 'a', 'e', 'c']);
    }

    #[test]
    fn different_messages_changed_on_each_side_merge() {
        check(
            "a = A\n\nb = B\n",
            "a = A1\n\nb = B\n",
            "a = A\n\nb = B2\n",
            "a = A1\n\nb = B2\n",
            &[],
        );
    }
}
