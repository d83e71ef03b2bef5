//! What commands keep between runs under `.dossier-cache/` (`paths::CACHE_DIR`), so
//! that a run reads again only what changed: `status`'s counts per document (`status`),
//! `check`'s findings per message (`findings`) and the files it found clean (`clean`).
//! Nothing in a cache is needed: a missing, damaged or foreign record is a run without
//! it, never an error, and what a cache saves never changes what a command reports.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3Default;

pub mod clean;
pub mod findings;
pub mod status;

pub use status::sig;

/// Feeds `bytes` to `h` after their length, so that parts cannot run into each other.
pub(crate) fn field(h: &mut Xxh3Default, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// This build of dossier: its version, and the size and time of its executable.
pub fn program() -> String {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let t = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .unwrap_or_default();
            format!("{} {}", m.len(), t.as_nanos())
        })
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
}

/// A record kept as JSON under `.dossier-cache/`: the format that wrote it, the stamp of
/// what its entries depend on, then the entries (see `Kept`).
#[derive(Serialize, Deserialize)]
struct Stored<T> {
    format: String,
    stamp: String,
    entries: T,
}

/// A record of entries by name kept as JSON under `.dossier-cache/` (this cache's
/// documents, `check`'s clean files), as loaded: the entries, and when it was written
/// (files modified since are not to be trusted).
pub struct Kept<E> {
    /// None: off.
    path: Option<PathBuf>,
    format: &'static str,
    stamp: String,
    pub entries: BTreeMap<String, E>,
    pub written: Option<(i64, i64)>,
}

impl<E: Serialize + serde::de::DeserializeOwned> Kept<E> {
    pub fn off() -> Kept<E> {
        Kept {
            path: None,
            format: "",
            stamp: String::new(),
            entries: BTreeMap::new(),
            written: None,
        }
    }

    /// `.dossier-cache/<file>` of the project at `root`: no entries when it is missing,
    /// damaged, or written in another format or for another stamp. Off where files have no
    /// inodes and times (`sig`): no file could be told unchanged.
    pub fn load(root: &Path, file: &str, format: &'static str, stamp: String) -> Kept<E> {
        if !cfg!(unix) {
            return Kept::off();
        }
        let path = root.join(crate::paths::CACHE_DIR).join(file);
        let written = sig(&path).map(|s| s.mtime());
        let entries = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<Stored<BTreeMap<String, E>>>(&b).ok())
            .filter(|s| s.format == format && s.stamp == stamp)
            .map(|s| s.entries)
            .unwrap_or_default();
        Kept {
            path: Some(path),
            format,
            stamp,
            entries,
            written,
        }
    }

    pub fn is_on(&self) -> bool {
        self.path.is_some()
    }

    /// Writes the record with `entries`. Failing to write a cache is not an error: the
    /// next run is only slower.
    pub fn write(&self, entries: BTreeMap<String, E>) {
        let Some(path) = &self.path else { return };
        let stored = Stored {
            format: self.format.into(),
            stamp: self.stamp.clone(),
            entries,
        };
        if let Ok(bytes) = serde_json::to_vec(&stored) {
            let _ = crate::fsio::write_generated(path, &bytes, None);
        }
    }
}
