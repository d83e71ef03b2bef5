//! What `status` reports for each document, kept in `.dossier-cache/status` with the size,
//! modification and change times and inode of every file it was computed from: `status`
//! plans again only the documents whose files changed, the way git's index spares it from
//! reading unchanged files. `sync` records the documents it has just planned and written
//! (what a document's files mean does not change when sync writes them: stamps say
//! explicitly what the plan already knew), so the `status` after a `sync` reads nothing.
//!
//! An entry is trusted only when every file is as recorded and was last modified before
//! the cache file itself was written (a file changed in the same clock tick as the cache
//! could look unchanged: git calls this "racily clean"). Documents whose plan depends on
//! something besides their files (unstamped messages, whose stamps come from git history)
//! are never recorded. The header holds a hash of this build of dossier and of the
//! configuration files. Nothing in the cache is needed: a missing, damaged or foreign file
//! is a run without cache; `status --no-cache` neither reads nor writes it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::{Config, REFERENCE};

use super::Kept;

const FILE: &str = "status";
const FORMAT: &str = "dossier status cache 4";

/// What a file was when a document was planned; `None` in `Sigs` for a file that did not
/// exist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sig {
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
}

impl Sig {
    /// When the file was last modified (seconds, nanoseconds).
    pub fn mtime(&self) -> (i64, i64) {
        self.mtime
    }
}

/// The signatures of a document's files: its source, its reference, then each locale of
/// the configuration in order.
pub type Sigs = Vec<Option<Sig>>;

/// One locale's line of a document in `status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocStatus {
    pub doc: String,
    #[serde(flatten)]
    pub counts: crate::plan::Counts,
    pub stale_classes: BTreeMap<String, usize>,
}

/// A document's status in each locale of the configuration.
pub type Statuses = Vec<(String, DocStatus)>;

/// What is recorded of a document besides its files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub locales: Statuses,
    /// Its reference file is the one sync would write for its source (ids and English as
    /// the plan has them), so `check` can take them from there without planning.
    pub current: bool,
}

#[derive(Serialize, Deserialize, Clone)]
struct Entry {
    files: Sigs,
    #[serde(flatten)]
    record: Record,
}

pub struct Cache {
    kept: Kept<Entry>,
}

/// A file's signature, `None` when it does not exist (or on a system without inodes, where
/// the cache is off: see `Cache::load`).
pub fn sig(path: &Path) -> Option<Sig> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path).ok()?;
        Some(Sig {
            len: m.len(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
            ino: m.ino(),
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// The files of document `name` whose signatures an entry holds, in order.
pub fn files(root: &Path, config: &Config, name: &str) -> Vec<PathBuf> {
    let mut out = english_files(root, name).to_vec();
    for l in &config.locales {
        out.push(crate::paths::locale_file(root, l, name));
    }
    out
}

/// A document's source and reference file: the first two of `files`.
fn english_files(root: &Path, name: &str) -> [PathBuf; 2] {
    [
        crate::paths::source_dir(root).join(format!("{name}.md")),
        crate::paths::locale_file(root, REFERENCE, name),
    ]
}

/// What the statuses depend on besides the files: this build of dossier and the
/// configuration.
fn stamp(root: &Path) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3Default::new();
    h.update(super::program().as_bytes());
    for f in ["l10n.toml", "dossier.toml"] {
        let text = std::fs::read(root.join(f)).unwrap_or_default();
        h.update(&(text.len() as u64).to_le_bytes());
        h.update(&text);
    }
    format!("{:032x}", h.digest128())
}

impl Cache {
    pub fn off() -> Cache {
        Cache { kept: Kept::off() }
    }

    pub fn is_on(&self) -> bool {
        self.kept.is_on()
    }

    /// The cache of the project at `root`: empty when missing, damaged or made by another
    /// build or for another configuration.
    pub fn load(root: &Path) -> Cache {
        Cache {
            kept: Kept::load(root, FILE, FORMAT, stamp(root)),
        }
    }

    /// The signatures of document `name`'s files, when the cache is on.
    pub fn sigs(&self, root: &Path, config: &Config, name: &str) -> Option<Sigs> {
        self.is_on()
            .then(|| files(root, config, name).iter().map(|p| sig(p)).collect())
    }

    /// The recorded statuses of document `name`, when its files are as recorded and were
    /// not modified after the cache was written.
    pub fn get(&self, name: &str, sigs: &Option<Sigs>) -> Option<&Record> {
        let (sigs, written) = (sigs.as_ref()?, self.kept.written?);
        let e = self.kept.entries.get(name)?;
        let settled = sigs.iter().flatten().all(|s| s.mtime < written);
        (e.files == *sigs && settled).then_some(&e.record)
    }

    /// True when document `name`'s source and reference file are as recorded (and were not
    /// modified after the cache was written) and the reference was then current: its ids
    /// and English are the plan's, whatever its translations hold now. Only those two
    /// files are looked at, and only for a document the cache records as current.
    pub fn reference_is_current(&self, root: &Path, name: &str) -> bool {
        let (Some(written), Some(e)) = (self.kept.written, self.kept.entries.get(name)) else {
            return false;
        };
        if !e.record.current || e.files.len() < 2 {
            return false;
        }
        english_files(root, name)
            .iter()
            .zip(&e.files)
            .all(|(path, then)| {
                let now = sig(path);
                now == *then && now.is_none_or(|s| s.mtime < written)
            })
    }

    /// Writes the cache with `docs` (name → signatures and statuses, `None` for a document
    /// not to record), when that differs from what was loaded. Failing to write a cache is
    /// not an error: the next run is only slower.
    pub fn save(&self, docs: Vec<(String, Option<(Sigs, Record)>)>) {
        if !self.is_on() {
            return;
        }
        let docs: BTreeMap<String, Entry> = docs
            .into_iter()
            .filter_map(|(name, e)| {
                let (files, record) = e?;
                Some((name, Entry { files, record }))
            })
            .collect();
        let unchanged = docs.len() == self.kept.entries.len()
            && docs.iter().all(|(n, e)| {
                self.kept
                    .entries
                    .get(n)
                    .is_some_and(|o| o.files == e.files && o.record.current == e.record.current)
            });
        if unchanged {
            return;
        }
        self.kept.write(docs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const L10N: &str = "basepath = \".\"\nlocales = [\"fr\"]\n";

    fn project() -> (tempfile::TempDir, Config) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        for (f, text) in [
            ("l10n.toml", L10N),
            ("source/doc.md", "# Title\n"),
            ("locales/fr/doc.ftl", "title = Titre\n"),
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap_or(root)).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(p, text).unwrap_or_else(|e| panic!("{e}"));
        }
        let config = Config::parse(L10N, None).unwrap_or_else(|e| panic!("{e}"));
        // Files written in the clock tick the cache is written in are not trusted.
        std::thread::sleep(std::time::Duration::from_millis(20));
        (dir, config)
    }

    fn statuses(n: usize) -> Record {
        Record {
            current: true,
            locales: vec![(
                "fr".into(),
                DocStatus {
                    doc: "doc".into(),
                    counts: crate::plan::Counts {
                        total: n,
                        ..Default::default()
                    },
                    stale_classes: BTreeMap::new(),
                },
            )],
        }
    }

    /// Sets a file's modification time to 1970.
    fn date_back(p: &Path) {
        let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1);
        std::fs::File::options()
            .write(true)
            .open(p)
            .and_then(|f| f.set_modified(long_ago))
            .unwrap_or_else(|e| panic!("{e}"));
    }

    /// Records `doc`, then waits until the clock has moved past the cache's time stamp.
    fn record(root: &Path, config: &Config) -> Sigs {
        let c = Cache::load(root);
        let sigs = c.sigs(root, config, "doc");
        c.save(vec![("doc".into(), sigs.clone().map(|s| (s, statuses(1))))]);
        std::thread::sleep(std::time::Duration::from_millis(20));
        sigs.unwrap_or_default()
    }

    #[test]
    fn a_document_whose_files_did_not_change_is_not_planned_again() {
        let (dir, config) = project();
        let root = dir.path();
        let sigs = record(root, &config);
        assert_eq!(sigs.len(), 3);
        assert!(sigs[1].is_none(), "no reference file yet");
        let c = Cache::load(root);
        let now = c.sigs(root, &config, "doc");
        assert_eq!(c.get("doc", &now), Some(&statuses(1)));
        assert_eq!(c.get("other", &now), None);
        // Off: nothing is looked at.
        assert_eq!(Cache::off().sigs(root, &config, "doc"), None);
    }

    #[test]
    fn any_change_to_a_file_of_the_document_is_a_miss() {
        let (dir, config) = project();
        let root = dir.path();
        for change in ["locales/fr/doc.ftl", "source/doc.md", "locales/en/doc.ftl"] {
            record(root, &config);
            let p = root.join(change);
            std::fs::create_dir_all(p.parent().unwrap_or(root)).unwrap_or_else(|e| panic!("{e}"));
            // Same length as before where there was a file, and a modification time put
            // back before the cache's (as `touch -d` or an archive would): the change time
            // still tells.
            let old = std::fs::read_to_string(&p).unwrap_or_default();
            std::fs::write(
                &p,
                old.replace('T', "X") + if old.is_empty() { "x" } else { "" },
            )
            .unwrap_or_else(|e| panic!("{e}"));
            date_back(&p);
            let c = Cache::load(root);
            let now = c.sigs(root, &config, "doc");
            assert_eq!(c.get("doc", &now), None, "{change}");
        }
    }

    #[test]
    fn a_file_modified_after_the_cache_was_written_is_not_trusted() {
        let (dir, config) = project();
        let root = dir.path();
        let c = Cache::load(root);
        let sigs = c.sigs(root, &config, "doc");
        c.save(vec![("doc".into(), sigs.clone().map(|s| (s, statuses(1))))]);
        // The cache file claims to be older than the files it describes (as when both
        // were written in the same clock tick): racy, so planned again.
        let cache_file = root.join(crate::paths::CACHE_DIR).join(FILE);
        date_back(&cache_file);
        let c = Cache::load(root);
        assert_eq!(c.get("doc", &c.sigs(root, &config, "doc")), None);
    }

    #[test]
    fn another_configuration_or_a_damaged_file_starts_afresh() {
        let (dir, config) = project();
        let root = dir.path();
        record(root, &config);
        let cache_file = root.join(crate::paths::CACHE_DIR).join(FILE);
        let good = std::fs::read(&cache_file).unwrap_or_default();
        std::fs::write(&cache_file, &good[..good.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
        let c = Cache::load(root);
        assert_eq!(c.get("doc", &c.sigs(root, &config, "doc")), None);
        std::fs::write(&cache_file, &good).unwrap_or_else(|e| panic!("{e}"));
        std::thread::sleep(std::time::Duration::from_millis(20));
        let c = Cache::load(root);
        assert!(c.get("doc", &c.sigs(root, &config, "doc")).is_some());
        std::fs::write(
            root.join("l10n.toml"),
            "basepath = \".\"\nlocales = [\"fr\", \"ru\"]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let c = Cache::load(root);
        assert_eq!(c.get("doc", &c.sigs(root, &config, "doc")), None);
    }
}
