//! What `check` found in each message, kept between runs in `.dossier-cache/`, so that a
//! run reads again only the messages whose text, English, id or locale changed (the way
//! ruff's and eslint's caches work). An editor loop checks a project of a thousand
//! documents in the time it takes to read its files.
//!
//! A message's findings depend on nothing but that message (`check_message` is a pure
//! function of `Msg`), the glossary and the program itself: the cache's header holds a
//! hash of the last two, and another glossary or another build of dossier starts from an
//! empty cache. Nothing in the cache is needed: a missing, unreadable, damaged or foreign
//! file is a run without cache, never an error. One file per locale, holding exactly the
//! messages the last check of that locale read (it never grows beyond the project),
//! written atomically and only when it changed. `dossier check --no-cache` neither reads
//! nor writes it; deleting the directory is always safe.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3Default;

use crate::checks::{Finding, Fix, Key, Memo, Severity, CODES};

use super::{field, program};

const MAGIC: &[u8] = b"dossier check cache 1\n";

/// Keys are hashes already: the table uses their low bits as they are (SipHash over them
/// was a tenth of a cached `check`).
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u128(&mut self, k: u128) {
        self.0 ^= k as u64;
    }
}

/// Findings by key.
pub type Entries = HashMap<Key, Vec<Finding>, std::hash::BuildHasherDefault<KeyHasher>>;

/// The findings of the messages checked last time, for the locales being checked.
#[derive(Default)]
pub struct Cache {
    /// None: the cache is off.
    dir: Option<PathBuf>,
    stamp: u128,
    entries: Entries,
    /// How many entries each locale's file had.
    sizes: HashMap<String, usize>,
    /// How many lookups found nothing (checks run in parallel, hence atomic).
    misses: std::sync::atomic::AtomicUsize,
}

/// What the findings depend on besides the message: this build of dossier and the glossary.
fn stamp(glossary: Option<&str>, policy: &str) -> u128 {
    let mut h = Xxh3Default::new();
    field(&mut h, program().as_bytes());
    field(&mut h, glossary.unwrap_or("").as_bytes());
    field(&mut h, policy.as_bytes());
    h.digest128()
}

fn file(dir: &Path, locale: &str) -> PathBuf {
    dir.join(format!("check-{locale}"))
}

impl Cache {
    /// No cache: every message is checked, nothing is written.
    pub fn off() -> Cache {
        Cache::default()
    }

    /// The cache of `locales` in the project at `root`, for this glossary text.
    /// `policy`: what else the findings depend on (the project's review policy), as text.
    pub fn load(root: &Path, locales: &[String], glossary: Option<&str>, policy: &str) -> Cache {
        let dir = root.join(crate::paths::CACHE_DIR);
        let stamp = stamp(glossary, policy);
        let mut entries = Entries::default();
        let mut sizes = HashMap::new();
        for l in locales {
            let n = std::fs::read(file(&dir, l))
                .ok()
                .and_then(|bytes| decode(&bytes, stamp, &mut entries))
                .unwrap_or(0);
            sizes.insert(l.clone(), n);
        }
        Cache {
            dir: Some(dir),
            stamp,
            entries,
            sizes,
            misses: Default::default(),
        }
    }

    /// True when no message's findings were loaded (cache off, missing, or for another
    /// glossary or build).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn is_on(&self) -> bool {
        self.dir.is_some()
    }

    /// What the findings were made with: this build and the glossary.
    pub fn stamp(&self) -> u128 {
        self.stamp
    }

    fn lookup(&self, key: Key) -> Option<&[Finding]> {
        let found = self.entries.get(&key).map(Vec::as_slice);
        if found.is_none() {
            self.misses
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        found
    }

    /// Replaces each locale's file with the messages this run read (`used`: locale →
    /// entries), when that differs from the file; `keep`: some files were not read (found
    /// clean, see `clean`), so the entries the file has stay, the new ones are added.
    /// Failing to write a cache is not an error: the next run is only slower.
    pub fn save(&self, used: HashMap<String, Vec<(Key, Vec<Finding>)>>, keep: bool) {
        let Some(dir) = &self.dir else { return };
        let all_found = self.misses.load(std::sync::atomic::Ordering::Relaxed) == 0;
        for (locale, mut entries) in used {
            // Every message read was in the file, and as many were read as it holds (or
            // the file keeps what it has): the file stays (at worst it keeps a few entries
            // no message uses any more, when some were read twice). Spares sorting and
            // looking every entry up again.
            if all_found && (keep || self.sizes.get(&locale) == Some(&entries.len())) {
                continue;
            }
            if keep {
                let mut old = Entries::default();
                if let Ok(bytes) = std::fs::read(file(dir, &locale)) {
                    decode(&bytes, self.stamp, &mut old);
                }
                entries.extend(old);
            }
            entries.sort_by_key(|(k, _)| *k);
            entries.dedup_by_key(|(k, _)| *k);
            let unchanged = self.sizes.get(&locale) == Some(&entries.len())
                && entries.iter().all(|(k, _)| self.entries.contains_key(k));
            if unchanged {
                continue;
            }
            // write_generated makes the directory when it is missing.
            let _ = crate::fsio::write_generated(
                &file(dir, &locale),
                &encode(self.stamp, &entries),
                None,
            );
        }
    }
}

impl Memo for Cache {
    fn get(&self, key: Key) -> Option<&[Finding]> {
        self.lookup(key)
    }
    fn is_on(&self) -> bool {
        Cache::is_on(self)
    }
}

fn encode(stamp: u128, entries: &[(Key, Vec<Finding>)]) -> Vec<u8> {
    fn text(out: &mut Vec<u8>, s: &str) {
        out.extend((s.len() as u32).to_le_bytes());
        out.extend(s.as_bytes());
    }
    let mut out = Vec::with_capacity(MAGIC.len() + 20 + entries.len() * 20);
    out.extend(MAGIC);
    out.extend(stamp.to_le_bytes());
    out.extend((entries.len() as u32).to_le_bytes());
    for (k, findings) in entries {
        out.extend(k.to_le_bytes());
        out.extend((findings.len() as u32).to_le_bytes());
        for f in findings {
            let code = CODES.iter().position(|c| *c == f.code).unwrap_or(0);
            out.push(code as u8);
            out.push(match f.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Hint => 2,
            });
            out.extend((f.range.start as u32).to_le_bytes());
            out.extend((f.range.end as u32).to_le_bytes());
            text(&mut out, &f.message);
            match &f.fix {
                None => out.push(0),
                Some(fix) => {
                    out.push(if fix.automatic { 2 } else { 1 });
                    text(&mut out, &fix.message);
                    text(&mut out, &fix.replacement);
                }
            }
        }
    }
    out
}

/// Reads a cache file into `into`; None when it is not one written for `stamp`.
fn decode(bytes: &[u8], stamp: u128, into: &mut Entries) -> Option<usize> {
    struct Reader<'a>(&'a [u8]);
    impl<'a> Reader<'a> {
        fn take(&mut self, n: usize) -> Option<&'a [u8]> {
            let (a, b) = (self.0.get(..n)?, self.0.get(n..)?);
            self.0 = b;
            Some(a)
        }
        fn u8(&mut self) -> Option<u8> {
            Some(self.take(1)?[0])
        }
        fn u32(&mut self) -> Option<u32> {
            Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
        }
        fn u128(&mut self) -> Option<u128> {
            Some(u128::from_le_bytes(self.take(16)?.try_into().ok()?))
        }
        fn text(&mut self) -> Option<String> {
            let n = self.u32()? as usize;
            String::from_utf8(self.take(n)?.to_vec()).ok()
        }
    }
    let mut r = Reader(bytes);
    if r.take(MAGIC.len())? != MAGIC || r.u128()? != stamp {
        return None;
    }
    let n = r.u32()? as usize;
    let mut read = Vec::with_capacity(n.min(bytes.len() / 20));
    for _ in 0..n {
        let k = r.u128()?;
        let count = r.u32()? as usize;
        let mut findings = Vec::with_capacity(count.min(64));
        for _ in 0..count {
            let code = *CODES.get(r.u8()? as usize)?;
            let severity = match r.u8()? {
                0 => Severity::Error,
                1 => Severity::Warning,
                2 => Severity::Hint,
                _ => return None,
            };
            let range = r.u32()? as usize..r.u32()? as usize;
            let message = r.text()?;
            let fix = match r.u8()? {
                0 => None,
                a @ (1 | 2) => Some(Fix {
                    message: r.text()?,
                    replacement: r.text()?,
                    automatic: a == 2,
                }),
                _ => return None,
            };
            findings.push(Finding {
                code,
                severity,
                range,
                message,
                fix,
            });
        }
        read.push((k, findings));
    }
    if !r.0.is_empty() {
        return None;
    }
    let n = read.len();
    into.extend(read);
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::key;

    fn sample() -> Vec<(Key, Vec<Finding>)> {
        vec![
            (key("fr", "a", "Hello", "Bonjour"), Vec::new()),
            (
                key("fr", "b", "It is 3.5", "C’est 3.5"),
                vec![
                    Finding::error("number", 7..10, "write \"3,5\"").suggest("3,5", "write"),
                    Finding::warning("typography", 0..1, "space").auto_fix("\u{202f}", "nbsp"),
                ],
            ),
        ]
    }

    #[test]
    fn round_trip_and_refusals() {
        let entries = sample();
        let bytes = encode(7, &entries);
        let mut back = Entries::default();
        assert_eq!(decode(&bytes, 7, &mut back), Some(2));
        for (k, f) in &entries {
            assert_eq!(back.get(k), Some(f));
        }
        // Another build or glossary, a truncated file, a file with bytes after the end:
        // not this cache.
        assert_eq!(decode(&bytes, 8, &mut Entries::default()), None);
        for cut in [0, 5, MAGIC.len() + 3, bytes.len() - 1] {
            assert_eq!(
                decode(&bytes[..cut], 7, &mut Entries::default()),
                None,
                "{cut}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer, 7, &mut Entries::default()), None);
    }

    #[test]
    fn keys_separate_their_parts() {
        assert_ne!(key("fr", "ab", "c", "d"), key("fr", "a", "bc", "d"));
        assert_ne!(key("fr", "a", "b", "c"), key("ru", "a", "b", "c"));
    }

    #[test]
    fn saved_then_loaded_for_the_same_glossary_only() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let locales = vec!["fr".to_string()];
        let cache = Cache::load(dir.path(), &locales, Some("g1"), "");
        assert!(cache.is_on() && cache.entries.is_empty());
        cache.save(HashMap::from([("fr".to_string(), sample())]), false);
        let again = Cache::load(dir.path(), &locales, Some("g1"), "");
        assert_eq!(again.entries.len(), 2);
        assert_eq!(again.get(sample()[1].0), Some(sample()[1].1.as_slice()));
        assert!(Cache::load(dir.path(), &locales, Some("g2"), "")
            .entries
            .is_empty());
        // A damaged file is no cache.
        std::fs::write(
            file(&dir.path().join(crate::paths::CACHE_DIR), "fr"),
            b"dossier check cache 1\nxx",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(Cache::load(dir.path(), &locales, Some("g1"), "")
            .entries
            .is_empty());
    }

    /// When some files were not read (found clean), a run that checks a new message adds
    /// it to what the file has instead of keeping only what it read.
    #[test]
    fn a_run_that_skipped_files_keeps_their_entries() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let locales = vec!["fr".to_string()];
        Cache::load(dir.path(), &locales, Some("g"), "")
            .save(HashMap::from([("fr".to_string(), sample())]), false);
        let cache = Cache::load(dir.path(), &locales, Some("g"), "");
        let new = (key("fr", "c", "x", "y"), Vec::new());
        assert!(cache.get(new.0).is_none());
        cache.save(HashMap::from([("fr".to_string(), vec![new.clone()])]), true);
        let again = Cache::load(dir.path(), &locales, Some("g"), "");
        assert_eq!(again.entries.len(), 3);
        for (k, _) in sample().into_iter().chain([new]) {
            assert!(again.get(k).is_some());
        }
    }

    /// A run that finds every message it reads, as many as the file holds, leaves the file
    /// as it is; one that misses a message writes what it read.
    #[test]
    fn a_run_that_finds_everything_leaves_the_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let locales = vec!["fr".to_string()];
        let path = file(&dir.path().join(crate::paths::CACHE_DIR), "fr");
        Cache::load(dir.path(), &locales, Some("g"), "")
            .save(HashMap::from([("fr".to_string(), sample())]), false);
        let written = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        // Found everything: the file is not rewritten (a marker shows it).
        std::fs::write(&path, [written.as_slice(), b"marker"].concat())
            .unwrap_or_else(|e| panic!("{e}"));
        let cache = Cache::load(dir.path(), &locales, Some("g"), "");
        // (The marker makes the file unreadable as a cache: load what was written.)
        let mut entries = Entries::default();
        assert_eq!(decode(&written, cache.stamp, &mut entries), Some(2));
        let cache = Cache {
            entries,
            sizes: HashMap::from([("fr".to_string(), 2)]),
            ..cache
        };
        for (k, _) in sample() {
            assert!(cache.get(k).is_some());
        }
        cache.save(HashMap::from([("fr".to_string(), sample())]), false);
        assert!(std::fs::read(&path)
            .unwrap_or_else(|e| panic!("{e}"))
            .ends_with(b"marker"));
        // A message not found: the file is written again, with it.
        let new = (key("fr", "c", "x", "y"), Vec::new());
        assert!(cache.get(new.0).is_none());
        let mut used = sample();
        used.push(new.clone());
        cache.save(HashMap::from([("fr".to_string(), used)]), false);
        let again = Cache::load(dir.path(), &locales, Some("g"), "");
        assert_eq!(again.entries.len(), 3);
        assert!(again.get(new.0).is_some());
    }
}
